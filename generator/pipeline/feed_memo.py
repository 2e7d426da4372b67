"""Each event's calendar entries and its own ``.ics`` file, its record in
``api/events.json`` and its JSON Feed item (their JSON text,
:class:`generator.feeds.jsonwriter.Written`), kept by the hash of what
they read.

After one changed event, the feeds were the tail of a rebuild: at 10,000
events, serialising every occurrence's VEVENT and writing the 10,000
per-event calendars again was most of their time.  What an event's
entries read (:func:`generator.feeds.ics.vevent`,
:func:`~generator.feeds.ics.deadline_vevent`) is its feed item
(:class:`generator.feeds.common.Item`: the event, its occurrences with
their own events, its history as the feeds use it — first and last
revision, SEQUENCE, announcement, changes — its URL and image) and what
every item shares (:func:`frame`): the code, the configuration and the
registries (units, categories, areas, tags).  An event's own calendar
reads beside these only the years its VTIMEZONEs cover (the site's,
named in the part the file is kept under).

The build's "now" is not in the key: an entry shows nothing of the clock
but through the item (its occurrences — how many years of a series — and
its history, both made for this "now"); the calendars choose which
entries are still current, from their days, and that is not kept.
Values are hashed in :class:`~generator.pipeline.core_memo.Canonical`
form; a value without one means no key, and the entry is made.

The feeds' QR codes are kept too (:func:`qr_files`), by what each says,
its title and the code: drawing one (segno's masks) costs about as much
as a hundred events' entries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping

from ..feeds.common import Item
from ..load.config import SiteConfig
from ..model.event import Content
from ..site.pages.qr import QrCode
from . import cache
from .core_memo import Canonical, NoCanonicalForm, shared_frame
from .memo import PageMemo


def kept_feeds(config: SiteConfig, content: Content, memo: PageMemo,
               canonical: Canonical | None = None) -> KeptFeeds | None:
    """The feeds' entries through ``memo``, or None when they cannot be
    keyed; ``canonical``: forms already worked out (the core pages' keys
    hold the same events and occurrences, :attr:`KeptPages.canonical
    <generator.pipeline.core_memo.KeptPages.canonical>`)."""
    shared = frame(config, content)
    return KeptFeeds(shared, memo, canonical) if shared is not None else None


def frame(config: SiteConfig, content: Content) -> str | None:
    """The hash of what every item's entries share."""
    return shared_frame("sukien feed entries 1", config, content)


class KeptFeeds:
    """Texts by an item and a part (:class:`generator.feeds.ics.Kept`)."""

    def __init__(self, shared: str, memo: PageMemo, canonical: Canonical | None = None) -> None:
        self._shared, self.memo = shared, memo
        self._canonical = canonical or Canonical()
        self._last: tuple[Item | None, str, str, str] = (None, "", "", "")  # the last key worked out

    def get(self, item: Item, part: str) -> str | None:
        key = self.key(item, part)
        return self.memo.get(key) if key is not None else None

    def put(self, item: Item, part: str, text: str) -> None:
        key = self.key(item, part)
        if key is not None:
            self.memo.put(key, text)

    def key(self, item: Item, part: str) -> str | None:
        last_item, last_part, last_shared, last_key = self._last
        if last_item is item and last_part == part and last_shared is self._shared:  # put after get
            return last_key
        try:
            form = self._canonical.form(item)  # worked out once per item
        except NoCanonicalForm:
            return None
        text = f"{self._shared}\0{part}\0{form!r}"
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        self._last = (item, part, self._shared, key)
        return key


def qr_files(codes: Mapping[str, QrCode], memo: PageMemo | None) -> Iterator[tuple[str, bytes]]:
    """Each QR code's file by site path, drawn when ``memo`` does not hold it."""
    digest = hashlib.sha256(b"sukien qr code 1\n")
    cache.add_code(digest)  # segno's version with it
    frame = digest.hexdigest()
    for path, code in codes.items():
        key = hashlib.sha256(f"{frame}\0{code.text}\0{code.title}".encode("utf-8", "surrogatepass")).hexdigest()
        kept = memo.get(key) if memo is not None else None
        if kept is not None:
            yield path, kept.encode("utf-8", "surrogatepass")
            continue
        drawn = code.svg()
        if memo is not None:
            memo.put(key, drawn.decode("utf-8", "surrogatepass"))
        yield path, drawn
