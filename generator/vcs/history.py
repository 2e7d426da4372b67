"""What version control says about each event: when it was first
announced, how often its time, place or status changed, and what changed.

Calendar clients only take a change into account when SEQUENCE rises
(RFC 5545 §3.8.7.4), so these numbers must come from the content's history
and be the same on every machine that builds the same commit.  The history
read is the *first-parent* history of the content tree: each commit on the
branch being built (a merged pull request counts once, at its merge time)
is one revision.  That needs the full history in the checkout (a shallow
clone makes every event look new: ``History.shallow`` says so).

Two git calls read the whole tree, whatever its size: one ``git log`` for
every revision of every event file, one ``git cat-file --batch`` for their
texts.  Outside a repository, or for files never committed, everything
falls back to values derived from the event itself (SEQUENCE 0).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from ..load.eventfiles import EVENTS, is_event_path
from ..model.clock_state import day_start
from ..model.event import Event, Location, When, day_of
from ..model.occurrence import Occurrence
from ..model.repeats import occurrences
from . import git

Parse = Callable[[str, str], "Event | None"]
UTC = dt.UTC
_ZERO = "0" * 40


@dataclass(frozen=True)
class Revision:
    """One committed state of an event file (``commit`` None: the work tree)."""

    time: dt.datetime  # when it landed (committer time, UTC)
    commit: str | None
    event: Event


Times = tuple[When, When | None]  # start, end
StatusNote = tuple[str, str | None]  # status, status_note


@dataclass(frozen=True)
class OccurrenceChange:
    """A change of time, place or status of one occurrence.

    ``kind`` is ``time`` (old/new: ``(start, end)``), ``place`` (old/new:
    ``Location``) or ``status`` (old/new: ``(status, status_note)``).
    ``revision`` is the 1-based number of the event's revision that made it.
    """

    at: dt.datetime
    revision: int
    key: str
    kind: str
    old: Times | Location | StatusNote
    new: Times | Location | StatusNote


@dataclass(frozen=True)
class EventHistory:
    created: dt.datetime  # first revision (or the fallback), UTC
    published: dt.datetime  # the file's ``published``, else ``created``
    last_modified: dt.datetime  # last revision that changed anything, UTC
    sequence: int  # revisions that changed time, place or status
    changes: tuple[OccurrenceChange, ...] = ()
    tracked: bool = False  # False: git knows nothing of it (values are derived)

    @property
    def updated(self) -> dt.datetime:
        """For feeds: never before the announcement."""
        return max(self.published, self.last_modified)


@dataclass(frozen=True)
class History:
    """Revisions per event id, as read from git (empty without git)."""

    revisions: dict[str, tuple[Revision, ...]] = field(default_factory=dict)
    shallow: bool = False
    # summaries already made, by event id (the pages' dates and the feeds ask for each)
    _made: dict = field(default_factory=dict, compare=False, repr=False)

    def of(self, event: Event, *, now: dt.datetime, years_ahead: int) -> EventHistory:
        """The history of one (current) event; ``now`` only matters for an
        event that git does not know or that has uncommitted changes."""
        made = self._made.get(event.id)
        if made is None or made[0] is not event or made[1] != (now, years_ahead):
            made = (event, (now, years_ahead),
                    summarise(event, self.revisions.get(event.id, ()), now=now, years_ahead=years_ahead))
            self._made[event.id] = made
        return made[2]


def blob_id(data: bytes) -> str:
    """Git's name for a file's bytes (what ``git hash-object`` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass(frozen=True)
class Log:
    """What git says of the event files, before any revision is parsed
    (:func:`read_log`)."""

    entries: tuple[tuple[str, dt.datetime, str, str], ...]  # commit, time, path, blob; newest commit first
    texts: Mapping[str, str]  # the texts of the blobs fetched, by blob id (those that are text)
    fetched: frozenset[str]  # the blobs asked for
    shallow: bool


def read_log(content_root: str | Path, present: Collection[tuple[str, str]] = ()) -> Log | None:
    """Every revision of every event file under ``content_root``, and the
    texts of all but those ``present`` (:func:`blob_id`, path: the files
    as they are now, which are most revisions of an archive, and read
    already); None outside a repository.  It needs no event: ``sukien
    build``'s site builder reads it while the content is still checked."""
    root = Path(content_root)
    log = _git(root, "log", "--first-parent", "--diff-merges=first-parent", "--raw",
               "--no-renames", "--no-abbrev", "-z", "--format=%x01%H %ct", "--relative",
               "--", EVENTS)
    if log is None:
        return None
    entries = tuple(_parse_log(log))
    wanted = frozenset(blob for _, _, path, blob in entries if (blob, path) not in present)
    shallow = _git(root, "rev-parse", "--is-shallow-repository") == b"true\n"
    return Log(entries, _blobs(root, sorted(wanted)), wanted, shallow)


def read_history(content_root: str | Path, parse: Parse,
                 known: Mapping[tuple[str, str], Event] | None = None, log: Log | None = None) -> History:
    """Read every revision of every event file under ``content_root``.

    ``parse(text, path)`` turns a file's text (``path`` relative to the
    content root, POSIX form) into an Event, or None if that revision is
    not a valid event; revisions it rejects are skipped.  ``known`` are
    events already read, by (:func:`blob_id`, path): they are neither
    fetched nor parsed again.  ``log``: what :func:`read_log` read ahead
    (the texts it left out are fetched now when they are not ``known``).
    """
    known = known or {}
    root = Path(content_root)
    log = log or read_log(root, known)
    if log is None:
        return History()
    missing = sorted({blob for _, _, path, blob in log.entries
                      if (blob, path) not in known and blob not in log.fetched})
    texts = {**log.texts, **_blobs(root, missing)}
    parsed: dict[tuple[str, str], Event | None] = dict(known)
    revisions: dict[str, list[Revision]] = {}
    for commit, time, path, blob in reversed(log.entries):  # oldest first
        if (blob, path) not in parsed:
            text = texts.get(blob)
            parsed[blob, path] = parse(text, path) if text is not None else None
        event = parsed[blob, path]
        if event is not None:
            revisions.setdefault(event.id, []).append(Revision(time, commit, event))
    frozen = {key: tuple(value) for key, value in sorted(revisions.items())}
    return History(frozen, shallow=log.shallow)


def latest_revision(content_root: str | Path) -> dt.datetime | None:
    """The newest committer time of the commits :func:`read_history` reads
    (UTC), None without any: one cheap ``git log``, for the site cache to
    know that no revision lies after the build's clock."""
    log = _git(Path(content_root), "log", "--first-parent", "--format=%ct", "--", EVENTS)
    stamps = [int(stamp) for stamp in log.split()] if log else []
    return dt.datetime.fromtimestamp(max(stamps), UTC) if stamps else None


def summarise(event: Event, revisions: tuple[Revision, ...] | list[Revision], *,
              now: dt.datetime, years_ahead: int) -> EventHistory:
    """Fold an event's revisions (oldest first) into the numbers feeds need.

    Uncommitted changes in the work tree count as one more revision, dated
    at the start of ``now``'s day (so a preview stays stable within a day).

    Without history (no git, or a file never committed), nothing depends
    on the clock: ``created`` and ``last_modified`` are the file's
    ``published``, else the instant the event as written begins (its
    start, or 00:00 of its first day in its zone),
    and ``sequence`` is 0; only ``published`` (when the announcement feeds
    list it) is kept from lying in the future.
    """
    stamp = day_start(now).astimezone(UTC)
    # a commit dated after the build's clock (a pinned clock, a skewed
    # machine) counts as made now: no feed date may lie in the future
    revisions = [r if r.time <= now else Revision(now.astimezone(UTC), r.commit, r.event) for r in revisions]
    if not revisions or revisions[-1].event != event:
        revisions.append(Revision(stamp, None, event))
    tracked = revisions[0].commit is not None
    if not tracked:  # never committed: derived from the event alone
        fixed = _fallback_created(event)
        published = event.published.astimezone(UTC) if event.published else min(fixed, stamp)
        return EventHistory(fixed, published, fixed, 0, (), False)
    created = revisions[0].time
    # a ``published`` still to come keeps its date: the announcement feeds
    # hold the event back until then
    published = event.published.astimezone(UTC) if event.published else created
    sequence, last_modified = 0, created
    changes: list[OccurrenceChange] = []
    if tracked:  # an untracked event's first state is the current one: the feeds have its occurrences
        first = revisions[0].event
        changes = announced_inactive(occurrences(first, until_year=created.year + years_ahead),
                                     max(created, published))
    for number, (old, new) in enumerate(pairwise(revisions), start=2):
        if old.event == new.event:
            continue
        last_modified = new.time
        if _significant(old.event) != _significant(new.event):
            sequence += 1
            changes += _changes(old.event, new.event, new.time, number, years_ahead)
    return EventHistory(created, published, last_modified, sequence, tuple(changes), tracked)


def _significant(event: Event) -> tuple:
    """What a subscriber's calendar must hear about: time, place, status,
    and the press invitation and its deadline (the press calendar dates an
    entry by the deadline, and calendar apps ignore a moved entry whose
    SEQUENCE did not rise)."""
    overrides = tuple((o.year, o.status, o.start, o.end) for o in event.exceptions)
    press = (event.press.invited, event.press.accreditation_deadline) if event.press is not None else None
    return (event.start, event.end, event.timezone, event.repeat, event.status, overrides,
            _place(event.location), press)


def _changes(old: Event, new: Event, at: dt.datetime, number: int,
             years_ahead: int) -> list[OccurrenceChange]:
    """Occurrence by occurrence, what moved, where and how, skipping
    occurrences that were already over when the change was made."""
    until = at.year + years_ahead
    before = {occ.key: occ for occ in occurrences(old, until_year=until)}
    result: list[OccurrenceChange] = []
    for occ in occurrences(new, until_year=until):
        prior = before.get(occ.key)
        if prior is None or (prior.is_over(at) and occ.is_over(at)):
            continue
        if (prior.start, prior.end) != (occ.start, occ.end):
            result.append(OccurrenceChange(at, number, occ.key, "time", (prior.start, prior.end),
                                 (occ.start, occ.end)))
        if _place(old.location)[:3] != _place(new.location)[:3]:  # a new map point alone is no news
            result.append(OccurrenceChange(at, number, occ.key, "place", old.location, new.location))
        if prior.status != occ.status:
            result.append(OccurrenceChange(at, number, occ.key, "status",
                                 (prior.status, prior.status_note), (occ.status, occ.status_note)))
    return result


def announced_inactive(first: Iterable[Occurrence], at: dt.datetime) -> list[OccurrenceChange]:
    """An event first announced (at ``at``, with these occurrences) already
    cancelled or postponed: for the press that is news too, a change from
    nothing (revision 1) for each such occurrence not over by then."""
    return [OccurrenceChange(at, 1, occ.key, "status", ("", None), (occ.status, occ.status_note))
            for occ in first if not occ.is_active and not occ.is_over(at)]


def _place(location: Location) -> tuple:
    return (location.name, location.address, location.area, location.geo)


def _fallback_created(event: Event) -> dt.datetime:
    """Without history: the declared ``published``, else the instant the
    event as written begins (its start, or the local midnight of its first
    day), in UTC; never the clock (it may lie in the future: the
    announcement feeds then hold the event back)."""
    if event.published:
        return event.published.astimezone(UTC)
    written = Occurrence(event, day_of(event.start).year, event.start, event.end, event.status)
    return written.begins.astimezone(UTC)


def _parse_log(log: bytes):
    """Yield ``(commit, time, path, blob)`` per touched event file, newest
    commit first; deletions are skipped (the current tree decides what
    exists)."""
    for record in log.split(b"\x01")[1:]:
        header, *fields = record.split(b"\0")
        commit, _, stamp = header.decode().strip().partition(" ")
        time = dt.datetime.fromtimestamp(int(stamp), UTC)
        # pairs of (status line, path); the record's last field is the empty one after its final NUL
        for meta, path in zip(fields[0::2], fields[1::2], strict=False):
            blob = meta.split()[3].decode() if meta.strip() else _ZERO
            name = path.decode("utf-8", "replace")
            if blob != _ZERO and is_event_path(name):
                yield commit, time, name, blob


def _blobs(root: Path, blobs: list[str]) -> dict[str, str]:
    """The texts of many blobs in one ``git cat-file --batch`` call."""
    if not blobs:
        return {}
    out = _git(root, "cat-file", "--batch", stdin="\n".join(blobs).encode() + b"\n")
    texts: dict[str, str] = {}
    position = 0
    while out and position < len(out):
        end = out.index(b"\n", position)
        name, kind, *size = out[position:end].split()
        position = end + 1
        if kind != b"blob":
            continue
        length = int(size[0])
        data = out[position:position + length]
        position += length + 1
        try:
            texts[name.decode()] = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
    return texts


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """git's output in ``root``; None when git is missing or refuses (not a
    repository, an unsafe directory, ...): such a tree has no history."""
    try:
        return git.run(root, *args, stdin=stdin)
    except git.GitError:
        return None
