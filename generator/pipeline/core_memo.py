"""The core's pages (events, months, lists), kept by the hash of what they read.

After one changed event, almost every page of a ten-year archive reads
exactly what it read in the previous build, and rendering them all again
was most of such a rebuild.  A page's key hashes two things:

- what every page shares (:func:`frame`): the code and installed
  distributions, the configuration, the registries (units, categories,
  areas, tags) and the build's day;
- what the page itself reads (:meth:`~generator.site.pages.Pages.inputs`:
  :func:`~generator.site.pages.event.event_inputs`,
  :func:`~generator.site.pages.calendar.month_inputs`,
  :func:`~generator.site.pages.lists.list_inputs`): its language, its
  occurrences, an event page's neighbours, photo and dates, and which
  instants of the events among them have come (of "now", a page can show
  only its day and that, :mod:`generator.model.clock_state`).

Values are hashed in a canonical form (every field of a dataclass, in
order, whatever its ``repr`` says); a value with no canonical form, or a
clock state that cannot be bounded, means no key: the page is rendered.
Pages are stored as JSON and their HTML (never pickled: the cache folder
is only a cache) in a :class:`~generator.pipeline.memo.PageMemo`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from bisect import bisect_right
from pathlib import PurePath

from ..load.config import SiteConfig
from ..model.clock_state import clock_state, event_instants, horizon_year
from ..model.event import Content, Event
from ..site.pages import Pages
from ..site.pages.page import Feed, Page, SocialImage
from ..vcs.history import latest_revision
from . import cache
from .memo import PageMemo


class NoCanonicalForm(TypeError):
    """A value this module does not know how to hash faithfully."""


def kept_pages(pages: Pages, config: SiteConfig, content: Content, now: dt.datetime,
               memo: PageMemo, last: Mapping[str, str] | None = None) -> KeptPages | None:
    """``pages`` through ``memo``, or None when the keys cannot be known;
    ``last`` maps a page's source to its key in the last build."""
    shared = frame(config, content, now)
    if shared is None:
        return None
    return KeptPages(pages, shared, memo, now, horizon_year(now, config.timezone, config.years_ahead), last)


def frame(config: SiteConfig, content: Content, now: dt.datetime) -> str | None:
    """The hash of what every generated page shares, or None when it
    cannot be known (the build's clock state cannot be bounded)."""
    state = clock_state(content.events, now, config.timezone, config.years_ahead,
                        latest_revision(config.content_dir))
    if state is None:
        return None
    return shared_frame("sukien core pages 3", config, content, state.day)


def shared_frame(purpose: str, config: SiteConfig, content: Content, *more: object) -> str | None:
    """The hash of ``purpose``, the code (:func:`generator.pipeline.cache.add_code`),
    the configuration, the content's folder and its registries (units,
    categories, areas, tags), and ``more``; None when one has no canonical
    form."""
    digest = hashlib.sha256(f"{purpose}\n".encode())
    cache.add_code(digest)
    try:
        # where the site is written is no page's or feed's business
        # (`sukien build` gives MkDocs a new temporary folder each time)
        shared = Canonical().form((*more, dataclasses.replace(config, site_dir=""), content.root,
                                   content.units, content.categories, content.areas, content.tags))
    except NoCanonicalForm:
        return None
    digest.update(repr(shared).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


_PLAIN = frozenset({str, int, float, bool, type(None)})


class Canonical:
    """Canonical forms of values.  A dataclass instance's is the hash of its
    fields' forms, worked out once (the instance is held, so that its
    ``id`` is never another's, and only the hash kept).  Given ``clock``,
    an event's form also says how many of its instants have come."""

    def __init__(self, clock: Callable[[Event], int] | None = None) -> None:
        self._done: dict[int, tuple[object, str]] = {}
        self._clock = clock

    def form(self, value: object) -> object:
        kind = type(value)
        if kind in _PLAIN:  # most values: their own form (subclasses go the long way below)
            return value
        if kind is tuple or kind is list:
            return tuple([self.form(item) for item in value])  # type: ignore[attr-defined]
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        known = self._done.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        if isinstance(value, (tuple, list)):
            return tuple(self.form(item) for item in value)
        if isinstance(value, PurePath):
            return ("path", type(value).__name__, str(value))
        if isinstance(value, (dt.datetime, dt.date, dt.time)):
            return (type(value).__name__, value.isoformat(), str(getattr(value, "tzinfo", None)))
        if isinstance(value, dict):
            return ("dict", tuple((self.form(k), self.form(v)) for k, v in value.items()))
        if isinstance(value, (set, frozenset)):
            return ("set", tuple(sorted(repr(self.form(item)) for item in value)))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._dataclass(value)
        raise NoCanonicalForm(type(value).__qualname__)

    def _dataclass(self, value: object) -> str:
        if isinstance(value, Event):  # its repr shows every field, whole (test_core_memo checks)
            text = repr(value)
            passed = f" passed {self._clock(value)}" if self._clock else ""
        else:
            form = self.form
            text = repr((type(value).__qualname__, tuple([form(getattr(value, name)) for name in _fields(type(value))])))
            passed = ""
        found = f"dataclass {hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}{passed}"
        self._done[id(value)] = (value, found)
        return found


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    """A dataclass's field names, in order (``dataclasses.fields`` makes
    them anew at each call: a page's key walks some twenty dataclasses)."""
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(field.name for field in dataclasses.fields(kind))
    return names


class KeptPages:
    """``pages`` as the site builder asks for them (:meth:`page`), each
    page with known inputs given from ``memo`` when an earlier build made
    it with the same key, else rendered and stored.

    A page's key holds, with each event among its inputs, how many of the
    event's instants have come (:func:`~generator.model.clock_state.event_instants`:
    its occurrences begin and end, its deadline closes, it is announced,
    an update is due): all that the page can show of the build's "now"
    beyond its day, which the frame holds."""

    def __init__(self, pages: Pages, shared: str, memo: PageMemo, now: dt.datetime, until_year: int,
                 last: Mapping[str, str] | None = None) -> None:
        self._pages, self._shared, self.memo = pages, shared, memo
        self._now, self._until = now, until_year
        self._canonical = Canonical(self._passed)
        self._last = last or {}

    @property
    def canonical(self) -> Canonical:
        """The forms worked out for the pages' keys (the feeds' keys share
        them: :mod:`generator.pipeline.feed_memo`)."""
        return self._canonical

    def page(self, source: str) -> Page:
        return self._page(source, self.key(source))

    def made(self, source: str) -> tuple[str | None, Page | None]:
        """The key of ``source``'s page and the page; no page when the key
        is the one the last build's page had (it may stand as written:
        :mod:`generator.pipeline.standing`)."""
        key = self.key(source)
        if key is not None and self._last.get(source) == key:
            self.memo.touch(key)  # kept for a build that needs the page again
            return key, None
        return key, self._page(source, key)

    def _page(self, source: str, key: str | None) -> Page:
        if key is None:
            return self._pages.page(source)
        stored = self.memo.get(key)
        if stored is not None:
            return _page(stored)
        made = self._pages.page(source)
        self.memo.put(key, _stored(made))
        return made

    def key(self, source: str) -> str | None:
        inputs = self._pages.inputs(source)
        if inputs is None:
            return None
        try:
            form = self._canonical.form((source, inputs))
        except NoCanonicalForm:
            return None
        return hashlib.sha256(f"{self._shared}\0{form!r}".encode("utf-8", "surrogatepass")).hexdigest()

    def _passed(self, event: Event) -> int:
        """How many of ``event``'s instants have come."""
        return bisect_right(event_instants(event, self._until), self._now)


class Rendered:
    """Pages without a memo, as :class:`KeptPages` gives them: each
    rendered, with no key."""

    def __init__(self, pages: Pages) -> None:
        self._pages = pages

    def page(self, source: str) -> Page:
        return self._pages.page(source)

    def made(self, source: str) -> tuple[str | None, Page | None]:
        return None, self._pages.page(source)


def _stored(page: Page) -> str:
    """``page`` as ``<length of the JSON>:<JSON of all but its body><body>``
    (the body is most of a page: JSON-escaping it cost more than the
    rest; ``dataclasses.asdict`` would copy every value first)."""
    data = {field.name: getattr(page, field.name) for field in dataclasses.fields(page) if field.name != "body"}
    data.update(feeds=[vars(feed) for feed in page.feeds], image=vars(page.image) if page.image else None,
                anchors=sorted(page.anchors))
    head = json.dumps(data, ensure_ascii=False)
    return f"{len(head)}:{head}{page.body}"


def _page(stored: str) -> Page:
    size, _, rest = stored.partition(":")
    data = json.loads(rest[:int(size)])
    image, anchors = data.pop("image"), data.pop("anchors")
    feeds = tuple(Feed(**feed) for feed in data.pop("feeds"))
    page = Page(**data, body=rest[int(size):], feeds=feeds, image=SocialImage(**image) if image else None)
    vars(page)["anchors"] = set(anchors)  # as worked out when it was made (Page.anchors)
    return page
