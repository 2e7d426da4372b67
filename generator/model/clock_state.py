"""What of the build's "now" its outputs can see: the day, and which of the
content's instants have come.

Every output reads the clock in one of two ways (the audit of every use of
``now`` in pages, feeds and history):

- **its local day** (in the site's zone, the zone ``clock.now`` gives):
  "today" of the agenda (the month page and the home page's calendar link,
  the press desk's days and its horizon), the series published up to
  :func:`horizon_year`, the calendars' ``past_days`` window, the
  uncommitted revision and the fallback ``published`` of a file git does
  not know (:func:`day_start`), the start of the day the home page says it
  was built on (``data-built``), the sitemap's date, the site zone's
  offset of the month grids (constant within a day without a change of
  offset, see below);
- **a comparison with an instant of the content**, each of the form
  "``now`` has reached T" (``T <= now``): an occurrence is on
  (``begins <= now < ends``), over (``now >= ends``), upcoming
  (``begins > now``); an accreditation deadline is closed
  (``now >= closes``); an event is announced (``published <= now``); an
  update or a change is news (not ``at > now``).

So two instants of one day at which the same instants of :func:`instants`
have come give byte-identical outputs: the clock state ``(day, how many
instants have come)`` stands for the instant in the site cache's key.

What cannot be bounded so gives no state (None: nothing is kept):
a revision dated after ``now`` (history counts it as made now, so the
instant itself is written), and a day on which the site zone's offset
changes.  Revision dates and changes made by git are otherwise only ever
compared with each other, never with ``now``.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .event import Event
from .press import closes
from .repeats import occurrences


@dataclass(frozen=True)
class ClockState:
    day: dt.date  # the build's day in the site's zone
    passed: int  # how many of the content's instants have come

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.passed}"


def horizon_year(now: dt.datetime, timezone: str, years_ahead: int) -> int:
    """The last year of a series the build publishes: ``years_ahead``
    years after the current one (the site's)."""
    return now.astimezone(ZoneInfo(timezone)).year + years_ahead


def day_start(now: dt.datetime) -> dt.datetime:
    """The local midnight that began ``now``'s day, in ``now``'s zone (the
    build's "now" is in the site's zone)."""
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def instants(events: Iterable[Event], until_year: int) -> list[dt.datetime]:
    """Every instant at which an output can change, in order: each
    occurrence's beginning and exclusive end, each accreditation deadline's
    close, each ``published`` and each update."""
    found: set[dt.datetime] = set()
    for event in events:
        found.update(_own_instants(event, until_year))
    return sorted(found)


def _own_instants(event: Event, until_year: int) -> set[dt.datetime]:
    found: set[dt.datetime] = set()
    for occ in occurrences(event, until_year=until_year):
        found.update((occ.begins, occ.ends))
    if event.press is not None and event.press.accreditation_deadline is not None:
        found.add(closes(event.press.accreditation_deadline, event.timezone))
    if event.published is not None:
        found.add(event.published)
    found.update(update.at for update in event.updates)
    return found


def event_instants(event: Event, until_year: int) -> list[dt.datetime]:
    """:func:`instants` of one event: from those of the last tuple of
    events asked about when it is one of them (the page keys ask for each
    event of the tree the clock state was just worked out for)."""
    if _last and _last[0][1] == until_year:
        known = _last[0][3].get(id(event))
        if known is not None and known[0] is event:
            return known[1]
    return sorted(_own_instants(event, until_year))


def clock_state(events: Iterable[Event], now: dt.datetime, timezone: str, years_ahead: int,
                latest_revision: dt.datetime | None) -> ClockState | None:
    """The clock state of a build at ``now`` (aware) of these events, whose
    newest revision in git is ``latest_revision``; None when the outputs
    may depend on the instant itself."""
    zone = ZoneInfo(timezone)
    local = now.astimezone(zone)
    if latest_revision is not None and latest_revision > now:
        return None
    day = local.date()
    begins = dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)
    last = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone).astimezone(dt.UTC) - dt.timedelta(
        microseconds=1)
    if begins.astimezone(zone).utcoffset() != last.astimezone(zone).utcoffset():
        return None
    found = _instants_of(events, horizon_year(local, timezone, years_ahead))
    return ClockState(day, bisect_right(found, now))


_last: list[tuple[tuple[Event, ...], int, list[dt.datetime], dict[int, tuple[Event, list[dt.datetime]]]]] = []


def _instants_of(events: Iterable[Event], until_year: int) -> list[dt.datetime]:
    """:func:`instants`, kept for the last tuple of events asked about,
    with each event's own (a build asks twice, before and after it runs,
    and its page keys once per event: a tenth of a second each at 10,000
    events, mostly lunar dates)."""
    if not isinstance(events, tuple):
        return instants(events, until_year)
    if _last and _last[0][0] is events and _last[0][1] == until_year:
        return _last[0][2]
    each = {id(event): (event, sorted(_own_instants(event, until_year))) for event in events}
    found = sorted(set().union(*(own for _, own in each.values())))
    _last[:] = [(events, until_year, found, each)]
    return found
