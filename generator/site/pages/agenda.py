"""Every occurrence of every event, placed in time: what the pages list.

An :class:`Entry` is one occurrence with its local first and last day and
the instants it begins and ends (an exclusive end: the midnight after the
last day of an all-day event, the end of the start day for a timed event
that gives no end).  Only this module decides what "on now", "this week"
or "upcoming" mean.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ...model.event import Content, Event
from ...model.occurrence import Occurrence
from ...model.repeats import occurrences

INACTIVE = ("cancelled", "postponed")


@dataclass(frozen=True)
class Entry:
    occ: Occurrence
    first: dt.date
    last: dt.date  # inclusive
    begins: dt.datetime
    ends: dt.datetime  # exclusive

    @property
    def event(self) -> Event:
        return self.occ.event

    @property
    def status(self) -> str:
        return self.occ.status

    @property
    def sort_key(self) -> tuple:
        return (self.begins, self.event.id, self.occ.year)

    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(n) for n in range((self.last - self.first).days + 1)]


def entry(occ: Occurrence) -> Entry:
    zone = ZoneInfo(occ.event.timezone)
    if isinstance(occ.start, dt.datetime):
        first = occ.start.date()
        if isinstance(occ.end, dt.datetime):
            last, ends = occ.end.date(), occ.end
        else:
            last = first
            ends = dt.datetime.combine(first + dt.timedelta(1), dt.time(), zone)
        return Entry(occ, first, max(first, last), occ.start, max(ends, occ.start))
    last = occ.end if occ.end is not None and not isinstance(occ.end, dt.datetime) else occ.start
    last = max(last, occ.start)
    begins = dt.datetime.combine(occ.start, dt.time(), zone)
    ends = dt.datetime.combine(last + dt.timedelta(1), dt.time(), zone)
    return Entry(occ, occ.start, last, begins, ends)


class Agenda:
    """All entries of a content tree as seen at ``now``."""

    def __init__(self, content: Content, now: dt.datetime, until_year: int):
        self.content = content
        self.now = now
        self.today = now.date()
        items = [entry(o) for e in content.events for o in occurrences(e, until_year=until_year)]
        self.entries: list[Entry] = sorted(items, key=lambda x: x.sort_key)
        self.by_event: dict[str, list[Entry]] = defaultdict(list)
        for item in self.entries:
            self.by_event[item.event.id].append(item)
        self.featured_of = {key: self._featured(value) for key, value in self.by_event.items()}
        self._neighbours = self._category_order()

    def _featured(self, items: list[Entry]) -> Entry:
        """The occurrence an event page is about: the current or next one
        that goes ahead (a cancelled year of a series gives way to a later
        one), else the current or next one, else the last one."""
        ahead = [x for x in items if x.ends > self.now]
        return next((x for x in ahead if x.status != "cancelled"), ahead[0] if ahead else items[-1])

    def passed_over(self, item: Entry) -> list[Entry]:
        """The occurrences of ``item``'s event between now and ``item``,
        which its page passes over (cancelled ones, when ``item`` is the
        featured occurrence)."""
        return [x for x in self.by_event[item.event.id]
                if x.ends > self.now and x.sort_key < item.sort_key]

    def _category_order(self) -> dict[str, tuple[Entry | None, Entry | None]]:
        groups: dict[str, list[Entry]] = defaultdict(list)
        for item in sorted(self.featured_of.values(), key=lambda x: x.sort_key):
            groups[item.event.category].append(item)
        result = {}
        for group in groups.values():
            for index, item in enumerate(group):
                before = group[index - 1] if index else None
                after = group[index + 1] if index + 1 < len(group) else None
                result[item.event.id] = (before, after)
        return result

    def events(self) -> list[Entry]:
        """One entry per event (its featured one), in date order."""
        return sorted(self.featured_of.values(), key=lambda x: x.sort_key)

    def neighbours(self, event_id: str) -> tuple[Entry | None, Entry | None]:
        return self._neighbours.get(event_id, (None, None))

    def is_over(self, item: Entry) -> bool:
        return item.ends <= self.now

    def on_now(self) -> list[Entry]:
        return [x for x in self.entries
                if x.begins <= self.now < x.ends and x.status not in INACTIVE]

    def this_week(self) -> list[Entry]:
        """Starting later this week (Monday to Sunday)."""
        sunday = self.today + dt.timedelta(6 - self.today.weekday())
        return [x for x in self.entries if x.begins > self.now and x.first <= sunday]

    def upcoming(self, limit: int | None = None) -> list[Entry]:
        """What has not begun yet, soonest first (the first ``limit``)."""
        ahead = [x for x in self.entries if x.begins > self.now]
        return ahead if limit is None else ahead[:limit]

    def coming(self, limit: int) -> list[Entry]:
        """The next ``limit`` entries after this week."""
        sunday = self.today + dt.timedelta(6 - self.today.weekday())
        return [x for x in self.entries if x.first > sunday][:limit]

    def featured(self, categories: tuple[str, ...], limit: int) -> list[Entry]:
        return [
            x for x in self.entries
            if x.event.category in categories and x.ends > self.now and x.status != "cancelled"
        ][:limit]

    def in_month(self, year: int, month: int) -> list[Entry]:
        first = dt.date(year, month, 1)
        last = _month_end(year, month)
        return [x for x in self.entries if x.first <= last and x.last >= first]

    def months(self) -> list[tuple[int, int]]:
        """Every month from the first entry (or this month) to the last one
        (or this month), empty months included so that navigation is
        continuous."""
        days = [self.today] + [x.first for x in self.entries] + [x.last for x in self.entries]
        low, high = min(days), max(days)
        result, year, month = [], low.year, low.month
        while (year, month) <= (high.year, high.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def matching(self, key: str, value: str) -> list[Entry]:
        """Entries of events whose ``key`` ('category', 'area', 'unit') is ``value``."""
        return [x for x in self.entries if attribute(x.event, key) == value]


def attribute(event: Event, key: str) -> str | None:
    if key == "area":
        return event.location.area
    return getattr(event, key)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(1)
