"""Every feed of the site, as bytes by site-relative path.

``build_feeds`` is pure: the catalogue (the events with their
occurrences and images), the site configuration, the git history and the
build's "now" in, files out.  ``now`` decides only what must
depend on the clock: which past occurrences leave the calendars, how many
years of a series are published, which news items are already due.  Serve
the files with these types (subscribers' clients choose their parser by
them): ``.ics`` ``text/calendar; charset=utf-8``, ``.rss``
``application/rss+xml``, ``.atom`` ``application/atom+xml``,
``feeds/events.json`` ``application/feed+json``, ``api/events.json``
``application/json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

from ..load.config import SiteConfig
from ..vcs.history import History
from ..site import urls
from ..site.catalogue import Catalogue
from .announcements import ANNOUNCEMENT_FORMATS, Entry, announcement_entries, announcement_feeds
from .common import Item, Kept, event_url, site_root
from .ics import calendars
from .opendata import open_data
from .updates import updates_feed


def feed_items(catalogue: Catalogue, config: SiteConfig, history: History | None,
               now: dt.datetime) -> list[Item]:
    """Every event as the feeds see it (with its history), by id."""
    history = history or History()
    return [
        Item(event, catalogue.of(event), history.of(event, now=now, years_ahead=config.years_ahead),
             event_url(config, event.id), _absolute(config, catalogue.image(event)))
        for event in sorted(catalogue.content.events, key=lambda e: e.id)
    ]


def build_feeds(catalogue: Catalogue, config: SiteConfig, history: History | None,
                now: dt.datetime, items: list[Item] | None = None) -> dict[str, bytes]:
    """All feed files: ``{"feeds/events.ics": b"...", ...}``; ``items``
    when the caller has made them already (:func:`feed_items`)."""
    return dict(sorted(dict(feed_files(catalogue, config, history, now, items)).items()))


# The feeds in parts that processes can share (one takes the calendars,
# another the Atom feeds, ...): each part is its own files.
FEED_PARTS = ("calendars", *ANNOUNCEMENT_FORMATS, "updates")


def feed_files(catalogue: Catalogue, config: SiteConfig, history: History | None,
               now: dt.datetime, items: list[Item] | None = None,
               kept: Kept | None = None, parts: Collection[str] = FEED_PARTS,
               entries: Callable[[Kept | None], list[Entry]] | None = None) -> Iterator[tuple[str, bytes]]:
    """The files of :func:`build_feeds`, each made only when the one before
    has been taken: a builder that writes them as they come never holds
    them all (at 10,000 events they weigh about 150 MB).  Should two share
    a path, the later one is the file.  ``kept``: each event's calendar
    entries and own calendar, its open-data record and JSON Feed item as
    an earlier build made them from the same inputs (:mod:`generator.pipeline.feed_memo`);
    ``parts``: those of :data:`FEED_PARTS` to make (the calendars, the
    events' and the press's Atom, RSS and JSON feeds, the updates feed with
    the open data); ``entries``: the announcement feeds' entries
    (:func:`~generator.feeds.announcements.announcement_entries`), made
    once for the parts one process makes."""
    content = catalogue.content
    today = now.astimezone(ZoneInfo(config.timezone)).date()
    if items is None:
        items = feed_items(catalogue, config, history, now)
    if "calendars" in parts:
        yield from calendars(items, content, config, today, kept)
    formats = [kind for kind in ANNOUNCEMENT_FORMATS if kind in parts]
    if formats:
        made = entries(kept) if entries is not None else announcement_entries(items, content, now, kept)
        yield from announcement_feeds(made, content, config, kept, formats).items()
    if "updates" in parts:
        yield urls.UPDATES_ATOM, updates_feed(items, content, config, now)
        yield urls.OPEN_DATA, open_data(items, content, config, kept)


def _absolute(config: SiteConfig, location: str | None) -> str | None:
    if location is None or location.startswith("https://"):
        return location
    return site_root(config) + location


def write_feeds(out_dir: str | Path, files: Mapping[str, bytes] | Iterable[tuple[str, bytes]]) -> list[Path]:
    """Write the files (a mapping, or pairs as :func:`feed_files` makes
    them) under ``out_dir`` (folders made as needed); only rewrite a file
    whose bytes changed, so that live preview stays calm."""
    written = []
    for relative, data in (files.items() if isinstance(files, Mapping) else files):
        target = Path(out_dir, relative)
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written
