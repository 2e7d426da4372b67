"""Vietnamese lunar dates (UTC+7 rules), guarded.

A thin layer over ``lunar-vn``, which implements Hồ Ngọc Đức's algorithm on
the 105°E meridian and so follows the Vietnamese calendar (Tết 1985, 2007 and
2030 differ from the Chinese one).  The library converts some impossible
lunar dates silently: day 30 of a 29-day month becomes day 1 of the next
month, and a leap flag in a year without that leap month is ignored.  Every
lunar-to-solar conversion here is therefore checked by converting back.

Every failure, including dates outside the library's range (1900-2100), is
a :class:`LunarError` with an English message; callers turn it into a
located problem for the unit's staff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import lunar_vn

from .occurrence import LunarDay, Occurrence

FIRST_YEAR, LAST_YEAR = lunar_vn.SUPPORTED_YEAR_RANGE


class LunarError(ValueError):
    """A lunar date that does not exist, or a date outside the supported range."""


def to_lunar(day: dt.date) -> LunarDay:
    """The Vietnamese lunar date of a solar date (a datetime counts by its date)."""
    if isinstance(day, dt.datetime):
        day = day.date()
    try:
        found = lunar_vn.solar_to_lunar(day)
    except ValueError as error:
        raise LunarError(
            f"{day.isoformat()} is outside the supported years {FIRST_YEAR}-{LAST_YEAR}"
        ) from error
    return LunarDay(found.day, found.month, found.year, found.leap)


def to_solar(day: int, month: int, year: int, leap: bool = False) -> dt.date:
    """The solar date of lunar ``day``/``month`` (leap or not) of lunar ``year``.

    Raises LunarError when that lunar date does not exist (day 30 of a 29-day
    month, a leap month the year lacks) or is outside the supported range.
    """
    wanted = LunarDay(day, month, year, leap)
    result = _convert(wanted)
    if result is None:
        raise LunarError(f"{_describe(wanted)} {_reason(wanted)}")
    return result


def month_length(month: int, year: int, leap: bool = False) -> int:
    """29 or 30: the number of days of a lunar month (LunarError if it does not exist)."""
    to_solar(1, month, year, leap)
    return 30 if _convert(LunarDay(30, month, year, leap)) else 29


def in_year(day: int, month: int, lunar_year: int) -> dt.date:
    """The solar date of lunar ``day``/``month`` in ``lunar_year``, for series.

    Uses the ordinary (non-leap) month when the year also has a leap twin, and
    moves a day 30 that the month lacks to the month's last day (day 29).
    """
    return to_solar(min(day, month_length(month, lunar_year)), month, lunar_year)


def span(occ: Occurrence) -> tuple[LunarDay, LunarDay] | None:
    """The lunar first and last day of an occurrence of a lunar-yearly
    series (None for any other: its lunar date is not what it keeps)."""
    if occ.lunar is None:
        return None
    last = occ.lunar if occ.last_day == occ.first_day else to_lunar(occ.last_day)
    return occ.lunar, last


def is_leap_month(day: dt.date) -> bool:
    """True when a solar date falls in a leap (nhuận) lunar month."""
    return to_lunar(day).leap


def _convert(wanted: LunarDay) -> dt.date | None:
    """lunar-vn's conversion, or None unless it converts back to ``wanted``."""
    try:
        result = lunar_vn.lunar_to_solar(
            lunar_vn.LunarDate(wanted.day, wanted.month, wanted.year, wanted.leap)
        )
        back = lunar_vn.solar_to_lunar(result)
    except ValueError:
        return None
    same = (back.day, back.month, back.year, back.leap) == (
        wanted.day, wanted.month, wanted.year, wanted.leap)
    return result if same else None


def _leap_month(year: int) -> int | None:
    return next((m for m in range(1, 13) if _convert(LunarDay(1, m, year, True))), None)


def _describe(lunar: LunarDay) -> str:
    leap = " (leap month)" if lunar.leap else ""
    return f"lunar date {lunar.day}/{lunar.month}{leap} of lunar year {lunar.year}"


def _reason(wanted: LunarDay) -> str:
    """What is wrong with ``wanted``, which failed to convert: a predicate."""
    if not (1 <= wanted.month <= 12 and 1 <= wanted.day <= 30):
        return "does not exist: lunar months are numbered 1 to 12 and have 29 or 30 days"
    if _convert(replace(wanted, day=1)) is None:
        if wanted.leap and _convert(replace(wanted, day=1, leap=False)):
            leap = _leap_month(wanted.year)
            has = f"its leap month is {leap}" if leap else "it has no leap month"
            return f"does not exist: lunar year {wanted.year} has no leap month {wanted.month} ({has})"
        return f"is outside the supported years {FIRST_YEAR}-{LAST_YEAR}"
    return "does not exist: that month has only 29 days"
