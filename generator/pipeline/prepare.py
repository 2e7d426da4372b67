"""Everything the site builder needs, computed once.

:func:`prepare` loads the content and its history, expands every event's
occurrences and resolves its image once (:class:`~generator.site.catalogue.Catalogue`),
and renders every generated page, asset and feed from that one catalogue.
The MkDocs plugin hands the result to MkDocs; ``sukien export`` writes it
to disk.  Pages are rendered when they are read and the feeds when asked
for, after the pages, one file at a time: a build never holds them all.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Collection, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from ..feeds import FEED_PARTS, feed_files, feed_items
from ..feeds.announcements import Entry, announcement_entries
from ..feeds.common import Kept
from ..feeds.updates import update_notices
from ..load.config import SiteConfig
from ..load.content import load_content, parse_event_text
from ..load.eventfiles import EVENTS, holds_events, is_event_name
from ..model.event import Content, Event
from ..model.problems import Problem, has_errors
from ..site.catalogue import Catalogue
from ..site.pages import Site, render_site
from ..vcs.history import EventHistory, History, Log, blob_id, read_history, read_log
from . import feed_memo
from .core_memo import Canonical
from .memo import PageMemo

# Shown by MkDocs (its logger hierarchy) and by any plain logging setup.
log = logging.getLogger("mkdocs.plugins.sukien")


@dataclass
class Prepared:
    content: Content
    problems: list[Problem]
    site: Site = field(default_factory=Site)
    make_feeds: Callable[[PageMemo | None, Canonical | None, Collection[str]], Iterator[tuple[str, bytes]]] = \
        lambda memo, canonical, parts: iter(())

    @cached_property
    def feeds(self) -> dict[str, bytes]:
        """Every feed file by site path, made on first use and kept."""
        return dict(sorted(dict(self.make_feeds(None, None, FEED_PARTS)).items()))

    def feed_files(self, memo: PageMemo | None = None, canonical: Canonical | None = None,
                   parts: Collection[str] = FEED_PARTS) -> Iterator[tuple[str, bytes]]:
        """The feed files one at a time, kept by no one: to write them as
        they come (the same files as :attr:`feeds`, in another order);
        with ``memo``, each event's calendar entries and own calendar are
        kept there (:mod:`generator.pipeline.feed_memo`; ``canonical``:
        forms its keys can share; ``parts``: of :data:`~generator.feeds.FEED_PARTS`)."""
        return self.make_feeds(memo, canonical, parts)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


@dataclass(frozen=True)
class Committed:
    """The event files' git names as they are now (path: :func:`blob_id`)
    and what git says of all their revisions: what the history needs
    before any event is read (:func:`read_committed`)."""

    tree: dict[str, str]
    log: Log | None  # None: not a repository


def read_committed(config: SiteConfig) -> Committed:
    """What git says of the content's event files, and their names as they
    are now (the revisions whose bytes those are are not fetched: the
    files are read already, most revisions of an archive)."""
    tree = _tree_blobs(Path(config.content_dir))
    return Committed(tree, read_log(config.content_dir, {(blob, path) for path, blob in tree.items()}))


def prepare(config: SiteConfig, now: dt.datetime, loaded: tuple[Content, list[Problem]] | None = None,
            committed: Committed | None = None) -> Prepared:
    """Load and render everything; with invalid content, only the problems.
    ``loaded``: the content and its problems, when the caller has read
    them; ``committed``: what :func:`read_committed` read ahead."""
    content, problems = loaded or load_content(config)
    if has_errors(problems):
        return Prepared(content, problems)
    committed = committed or read_committed(config)
    history = History() if committed.log is None else read_history(
        config.content_dir, lambda text, path: parse_event_text(text, path, content, config),
        _as_committed(content, committed.tree), committed.log)
    if history.shallow:
        log.warning("lịch sử git không đầy đủ (shallow clone): SEQUENCE, LAST-MODIFIED và ngày đăng "
                    "sẽ sai; hãy checkout với fetch-depth: 0 / the git history is shallow: "
                    "check out the full history")
    catalogue = Catalogue.build(content, config, now)
    dates = {event.id: _dates(event, history, now, config) for event in content.events}
    items = feed_items(catalogue, config, history, now)
    site = render_site(catalogue, config, now, dates, update_notices(items, content, config, now))

    made_entries: list[list[Entry]] = []  # once a process: every announcement feed it writes lists them

    def entries(kept: Kept | None) -> list[Entry]:
        if not made_entries:
            made_entries.append(announcement_entries(items, content, now, kept))
        return made_entries[0]

    def make_feeds(memo: PageMemo | None, canonical: Canonical | None,
                   parts: Collection[str]) -> Iterator[tuple[str, bytes]]:
        kept = feed_memo.kept_feeds(config, content, memo, canonical) if memo is not None else None
        return feed_files(catalogue, config, history, now, items, kept, parts, entries)

    return Prepared(content, problems, site, make_feeds)


def _tree_blobs(root: Path) -> dict[str, str]:
    """The git name of each event file's bytes, by its path below ``root``
    (links aside: their revisions are read from git)."""
    found = {}
    for folder, names, files in os.walk(root / EVENTS):
        names[:] = [name for name in names if holds_events(name)]
        below = Path(folder).relative_to(root).as_posix()
        for name in files:
            path = Path(folder, name)
            if is_event_name(name) and not path.is_symlink():
                with suppress(OSError):
                    found[f"{below}/{name}"] = blob_id(path.read_bytes())
    return found


def _as_committed(content: Content, tree: dict[str, str]) -> dict[tuple[str, str], Event]:
    """The events just read, by git's name for their file's bytes: a
    revision with the same bytes is the same event (parsing it again was
    a second validation of the whole archive)."""
    return {(tree[event.path], event.path): event for event in content.events if event.path in tree}


def _dates(event: Event, history: History, now: dt.datetime,
           config: SiteConfig) -> tuple[str | None, str | None]:
    """The days (site time) an event was published and last changed, when
    they do not depend on the build's clock: from git, or its own
    ``published``."""
    found: EventHistory = history.of(event, now=now, years_ahead=config.years_ahead)
    zone = ZoneInfo(config.timezone)
    published = event.published or (found.published if found.tracked else None)
    modified = found.last_modified if found.tracked else None
    return (published.astimezone(zone).date().isoformat() if published else None,
            modified.astimezone(zone).date().isoformat() if modified else None)
