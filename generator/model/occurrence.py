"""One dated instance of an event, which answers its own questions: its
days, the instants it begins and ends, whether it takes place and whether
it is over.  Pages, feeds, history and reports ask it; none recomputes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo

from .event import INACTIVE, Event, When, is_all_day


@dataclass(frozen=True)
class LunarDay:
    """A Vietnamese lunar date (UTC+7 rules)."""

    day: int
    month: int
    year: int
    leap: bool = False


@dataclass(frozen=True)
class Span:
    """When something takes place: a start and an optional end as the file
    format gives them (dates with an inclusive last day, or aware
    date-times), read in ``zone``.  The rules of :class:`Occurrence` live
    here, so that a date not yet an event (``sukien new``'s answers) is
    judged by them too.  Each answer is worked out once (pages ask them
    millions of times at 10,000 events)."""

    start: When
    end: When | None
    zone: ZoneInfo

    @cached_property
    def first_day(self) -> dt.date:
        """The local calendar day it begins."""
        if isinstance(self.start, dt.datetime):
            return self.start.astimezone(self.zone).date()
        return self.start

    @cached_property
    def last_day(self) -> dt.date:
        """The local calendar day it ends (inclusive; never before the first)."""
        last = self.end if self.end is not None else self.start
        day = last.astimezone(self.zone).date() if isinstance(last, dt.datetime) else last
        return max(day, self.first_day)

    @cached_property
    def begins(self) -> dt.datetime:
        """The instant it begins: its start, or local midnight of its first day."""
        if isinstance(self.start, dt.datetime):
            return self.start
        return dt.datetime.combine(self.start, dt.time(), self.zone)

    @cached_property
    def ends(self) -> dt.datetime:
        """The exclusive end instant: its timed end, else the local midnight
        after its last day (a timed event without an end lasts its day)."""
        if isinstance(self.end, dt.datetime):
            return max(self.end, self.begins)
        return dt.datetime.combine(self.last_day + dt.timedelta(days=1), dt.time(), self.zone)

    @cached_property
    def exclusive_end_day(self) -> dt.date:
        """The day after the last day: iCalendar's DTEND of an all-day event."""
        return self.last_day + dt.timedelta(days=1)

    def days(self) -> list[dt.date]:
        """Every local calendar day it covers, in order."""
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=n) for n in range(count)]

    def is_over(self, now: dt.datetime) -> bool:
        """True once ``now`` (aware) has reached the exclusive end."""
        return now >= self.ends

    def is_on(self, now: dt.datetime) -> bool:
        """True while ``now`` lies between the beginning and the exclusive end."""
        return self.begins <= now < self.ends


@dataclass(frozen=True)
class Occurrence:
    """One dated instance of an event: the event itself, or one year of a
    series with its exception applied.  ``end`` follows the file format
    (inclusive last day for all-day events, None when the event has none).

    What every page, feed, history entry and report asks it, decided once:

    - Days are calendar days in the *event's* time zone, never the site's:
      a concert at 23:30 in Paris is on that Paris day, though it is the
      next morning in Lai Châu.
    - An all-day occurrence covers its first to its (inclusive) last day
      and ends at the local midnight after the last one.
    - A timed occurrence ends at its end instant; across midnight it covers
      every day it touches (20:00 to 02:00 is on two days).
    - A timed occurrence without an end lasts the rest of its day: it is
      on, and not over, until the local midnight after it begins.  (A
      visitor who opens the page at 20:00 still sees a 07:30 event of that
      day as today's, not as past.)  The history used to call it over at
      its start instant; the pages and the report already said its day.
      A calendar entry that needs a length (links.timed_end) and iCalendar
      (no DTEND) say otherwise, for their own readers.
    - Over-ness is ``now >= ends``; cancelled and postponed occurrences are
      not active, whatever their dates (their days still show them)."""

    event: Event
    year: int
    start: When
    end: When | None
    status: str
    status_note: str | None = None
    status_note_en: str | None = None
    lunar: LunarDay | None = None

    @property
    def key(self) -> str:
        """Stable identity: the event id, plus the year for a series."""
        return f"{self.event.id}-{self.year}" if self.event.repeat else self.event.id

    @property
    def all_day(self) -> bool:
        return is_all_day(self.start)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.event.timezone)

    @cached_property
    def span(self) -> Span:
        """Its dates in its event's zone, which answer every question of time."""
        return Span(self.start, self.end, self.zone)

    @property
    def first_day(self) -> dt.date:
        return self.span.first_day

    @property
    def last_day(self) -> dt.date:
        return self.span.last_day

    @property
    def begins(self) -> dt.datetime:
        return self.span.begins

    @property
    def ends(self) -> dt.datetime:
        return self.span.ends

    @property
    def exclusive_end_day(self) -> dt.date:
        return self.span.exclusive_end_day

    def days(self) -> list[dt.date]:
        return self.span.days()

    @property
    def is_active(self) -> bool:
        """False when cancelled or postponed: it does not take place as dated."""
        return self.status not in INACTIVE

    def is_over(self, now: dt.datetime) -> bool:
        return self.span.is_over(now)

    def is_on(self, now: dt.datetime) -> bool:
        return self.span.is_on(now)
