"""Occurrences of events: a single event, or the years of a series.

Pure functions over ``model.Event`` (the series rules over a ``Series``, the
start and repeat fields alone, which the validator asks before an Event
exists): no clock and no I/O; the caller says up
to which year a series is published (``until_year``).

Rules beyond the spec's words, decided here:

- The first occurrence is always the event as written (``start``/``end``),
  whatever ``until_year`` says; a later one is published while its year is at
  most ``min(repeat_until, until_year)``.
- ``yearly`` on 29 February falls on 28 February in common years.
- ``lunar-yearly`` keeps the lunar day and month of ``start`` (the ordinary
  month when a year also has a leap twin; day 30 becomes day 29 when the
  month has 29 days) and the times of day and duration of the event.
- An occurrence's year is the calendar year of its (unmoved) start.  A lunar
  date near the turn of the year (late month 11 or month 12) can fall twice
  in one calendar year, e.g. on 8 January and 28 December 2027 for 1/12.
  Then the later one takes the next year (here 2028), so that every
  occurrence keeps a distinct, stable year; its year is never more than one
  ahead of its calendar year.  A calendar year may also have no occurrence;
  an exception for it is outside the series.
- An exception's ``status`` and notes replace the event's, field by field;
  an exception that changes the status does not inherit the event's notes
  (they explained another status).
- ``Occurrence.lunar`` (lunar-yearly only) is the lunar date of the
  occurrence's actual start, moved or not.
- A lunar series stops where the lunar library's range ends (2100).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import count, takewhile

from . import lunar
from .event import Event, Override, When, day_of
from .occurrence import LunarDay, Occurrence


@dataclass(frozen=True)
class Series:
    """What the series rules need of an event: its start and its repeat
    fields.  The validator asks these rules before any Event exists; the
    occurrences below follow the same rules."""

    start: When
    repeat: str | None = None
    repeat_until: int | None = None

    @classmethod
    def of(cls, event: Event) -> Series:
        return cls(event.start, event.repeat, event.repeat_until)

    @property
    def until_before_start(self) -> bool:
        """True when ``repeat_until`` is earlier than the year of ``start``."""
        return self.repeat_until is not None and self.repeat_until < day_of(self.start).year

    def starts_in_leap_month(self) -> bool:
        """True for a lunar-yearly series whose start is in a leap lunar month.

        Raises lunar.LunarError when the start is outside the supported years.
        """
        return self.repeat == "lunar-yearly" and lunar.is_leap_month(day_of(self.start))

    def years_outside(self, years: Iterable[int]) -> tuple[int, ...]:
        """The given exception years that are no occurrence of the series
        (all of them when it does not repeat), sorted."""
        wanted = sorted(set(years))
        if not self.repeat or not wanted:
            return tuple(wanted)
        last = wanted[-1] if self.repeat_until is None else min(wanted[-1], self.repeat_until)
        series = {year for year, _ in self.starts(last)}
        return tuple(year for year in wanted if year not in series)

    def starts(self, last: int) -> list[tuple[int, When]]:
        """(year, nominal start) of each occurrence: the first, then up to ``last``."""
        first = day_of(self.start)
        dates = _lunar_days(first) if self.repeat == "lunar-yearly" else _yearly_days(first)
        later = takewhile(lambda item: item[0] <= last, dates)
        return [(first.year, self.start)] + [(year, _at(self.start, day)) for year, day in later]


def occurrences(event: Event, *, until_year: int) -> list[Occurrence]:
    """The occurrences of ``event``, in year order, up to ``until_year``.

    A non-repeating event has one occurrence (its exceptions, an error
    reported by the validator, are ignored).
    """
    if not event.repeat:
        return [_occurrence(event, event.start.year, event.start, None)]
    last = until_year if event.repeat_until is None else min(until_year, event.repeat_until)
    return [
        _occurrence(event, year, start, event.exception_for(year))
        for year, start in Series.of(event).starts(last)
    ]


def _yearly_days(first: dt.date) -> Iterator[tuple[int, dt.date]]:
    for year in range(first.year + 1, dt.MAXYEAR + 1):
        try:
            yield year, first.replace(year=year)
        except ValueError:  # 29 February in a common year
            yield year, dt.date(year, 2, 28)


def _lunar_days(first: dt.date) -> Iterator[tuple[int, dt.date]]:
    """Occurrences after the first, one per lunar year, with their years."""
    try:
        origin = lunar.to_lunar(first)
    except lunar.LunarError:
        return
    year = first.year
    for lunar_year in count(origin.year + 1):
        try:
            day = lunar.in_year(origin.day, origin.month, lunar_year)
        except lunar.LunarError:  # past the supported range
            return
        year = max(day.year, year + 1)
        yield year, day


def _occurrence(event: Event, year: int, start: When, override: Override | None) -> Occurrence:
    end = _shift_end(event, start)
    status, note = event.status, event.status_note
    note_en = event.en.status_note if event.en else None
    if override is not None:
        if override.start is not None:
            start, end = override.start, _shift_end(event, override.start)
        if override.end is not None:
            end = override.end
        if override.status is not None and override.status != status:
            status, note, note_en = override.status, None, None
        note = note if override.status_note is None else override.status_note
        note_en = note_en if override.status_note_en is None else override.status_note_en
    return Occurrence(
        event=event,
        year=year,
        start=start,
        end=end,
        status=status,
        status_note=note,
        status_note_en=note_en,
        lunar=_lunar_label(start) if event.repeat == "lunar-yearly" else None,
    )


def _shift_end(event: Event, start: When) -> When | None:
    """The end of an occurrence starting at ``start``: the event's duration
    in wall-clock time, so times of day are kept."""
    if event.end is None:
        return None
    return start + (_naive(event.end) - _naive(event.start))


def _at(template: When, day: dt.date) -> When:
    """``day`` at the time of day (and zone) of ``template``."""
    if isinstance(template, dt.datetime):
        return dt.datetime.combine(day, template.timetz())
    return day


def _naive(value: When) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time())


def _lunar_label(start: When) -> LunarDay | None:
    try:
        return lunar.to_lunar(day_of(start))
    except lunar.LunarError:
        return None
