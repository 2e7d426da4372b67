"""Every occurrence of every event, placed in time: what the pages list.

The occurrences answer their own questions (days, beginning, exclusive end,
see :class:`~generator.model.occurrence.Occurrence`); only this module
decides what "on now", "upcoming" or "featured" mean for the pages.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

from ...model.event import Event
from ...model.occurrence import Occurrence


def chronological(occ: Occurrence) -> tuple:
    """The order of every list: by beginning, then event and year."""
    return (occ.begins, occ.event.id, occ.year)


class Agenda:
    """All occurrences of a content tree as seen at ``now``."""

    def __init__(self, occurrences: Iterable[Occurrence], now: dt.datetime):
        self.now = now
        self.today = now.date()
        self.occurrences: list[Occurrence] = sorted(occurrences, key=chronological)
        self.by_event: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in self.occurrences:
            self.by_event[occ.event.id].append(occ)
        self.featured_of = {key: self._featured(value) for key, value in self.by_event.items()}
        self._neighbours = self._category_order()
        self._by_attribute: dict[str, dict[str | None, list[Occurrence]]] = {}

    def _featured(self, items: list[Occurrence]) -> Occurrence:
        """The occurrence an event page is about: the current or next one
        that goes ahead (a cancelled year of a series gives way to a later
        one), else the current or next one, else the last one."""
        ahead = [x for x in items if not x.is_over(self.now)]
        return next((x for x in ahead if x.status != "cancelled"), ahead[0] if ahead else items[-1])

    def passed_over(self, item: Occurrence) -> list[Occurrence]:
        """The occurrences of ``item``'s event between now and ``item``,
        which its page passes over (cancelled ones, when ``item`` is the
        featured occurrence)."""
        return [x for x in self.by_event[item.event.id]
                if not x.is_over(self.now) and chronological(x) < chronological(item)]

    def _category_order(self) -> dict[str, tuple[Occurrence | None, Occurrence | None]]:
        groups: dict[str, list[Occurrence]] = defaultdict(list)
        for item in sorted(self.featured_of.values(), key=chronological):
            groups[item.event.category].append(item)
        result = {}
        for group in groups.values():
            for index, item in enumerate(group):
                before = group[index - 1] if index else None
                after = group[index + 1] if index + 1 < len(group) else None
                result[item.event.id] = (before, after)
        return result

    def events(self) -> list[Occurrence]:
        """One occurrence per event (its featured one), in date order."""
        return sorted(self.featured_of.values(), key=chronological)

    def neighbours(self, event_id: str) -> tuple[Occurrence | None, Occurrence | None]:
        return self._neighbours.get(event_id, (None, None))

    def on_now(self) -> list[Occurrence]:
        return [x for x in self.occurrences if x.is_on(self.now) and x.is_active]

    def upcoming(self, limit: int | None = None) -> list[Occurrence]:
        """What has not begun yet, soonest first (the first ``limit``)."""
        ahead = [x for x in self.occurrences if x.begins > self.now]
        return ahead if limit is None else ahead[:limit]

    def next_of_each(self, limit: int) -> list[Occurrence]:
        """What has not begun yet, each event once (its soonest occurrence)
        and none that is on now: the home page's short list, which a
        series would otherwise fill with its coming years."""
        on_now = {x.event.id for x in self.on_now()}
        return _once(x for x in self.upcoming() if x.event.id not in on_now)[:limit]

    def featured(self, categories: tuple[str, ...], limit: int) -> list[Occurrence]:
        """The current or next occurrence of each event of ``categories``."""
        return _once(
            x for x in self.occurrences
            if x.event.category in categories and not x.is_over(self.now) and x.status != "cancelled"
        )[:limit]

    def in_month(self, year: int, month: int) -> list[Occurrence]:
        """The occurrences with a day in that month, in date order."""
        return self._by_month.get((year, month), [])

    @cached_property
    def _by_month(self) -> dict[tuple[int, int], list[Occurrence]]:
        """Each occurrence under every month it touches: every month page
        and the calendar's index ask, and scanning the whole archive for
        each of them grew with months × events."""
        months: dict[tuple[int, int], list[Occurrence]] = defaultdict(list)
        for occ in self.occurrences:
            year, month = occ.first_day.year, occ.first_day.month
            while (year, month) <= (occ.last_day.year, occ.last_day.month):
                months[(year, month)].append(occ)
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def months(self) -> list[tuple[int, int]]:
        """Every month from the first occurrence (or this month) to the last
        one (or this month), empty months included so that navigation is
        continuous."""
        days = [self.today] + [x.first_day for x in self.occurrences] + [x.last_day for x in self.occurrences]
        low, high = min(days), max(days)
        result, year, month = [], low.year, low.month
        while (year, month) <= (high.year, high.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def matching(self, key: str, value: str) -> list[Occurrence]:
        """Occurrences of events whose ``key`` ('category', 'area', 'unit') is ``value``."""
        if key not in self._by_attribute:
            groups: dict[str | None, list[Occurrence]] = defaultdict(list)
            for occ in self.occurrences:
                groups[attribute(occ.event, key)].append(occ)
            self._by_attribute[key] = groups
        return self._by_attribute[key].get(value, [])


def attribute(event: Event, key: str) -> str | None:
    if key == "area":
        return event.location.area
    return getattr(event, key)


def _once(items: Iterable[Occurrence]) -> list[Occurrence]:
    """The first occurrence of each event among ``items``, in their order."""
    seen: set[str] = set()
    result = []
    for item in items:
        if item.event.id not in seen:
            seen.add(item.event.id)
            result.append(item)
    return result
