"""Dates, date-times and times of day, as units write them.

ISO forms are accepted (``2026-04-26``, ``2026-04-26 07:30``, a ``T``,
seconds, an explicit offset); the common Vietnamese ways of writing a date
(``26/4/2026``, ``ngày 26 tháng 4 năm 2026``) or a time (``7h30``) are
recognised only to show the ISO form in the error message.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from ..load.yamlread import Node
from ..model import clock
from .filecheck import FileCheck

# Every date of an event lies between a fixed first year and this many years
# after the build's year (SUKIEN_NOW or the clock, in the site's zone): a
# mistyped year (2206, 1026) is refused instead of making the site a page
# per month of the centuries in between, and no date is near the ends of
# Python's calendar.  The first year is fixed, not counted back from now,
# because events are never deleted: an archived event must stay valid for
# ever, and a window that moved with the clock would one day refuse it.
FIRST_YEAR = 1945
FUTURE_YEARS = 20

_ISO = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
_LOOSE_TIME = r"([0-9]{1,2})\s?(?:[:hg]|giờ)\s?([0-9]{0,2})(?:\s?phút)?"
_DATE_PART = (
    r"[0-9]{1,2}\s?[/.\-]\s?[0-9]{1,2}\s?[/.\-]\s?[0-9]{4}"
    r"|[0-9]{4}\s?[/.\-]\s?[0-9]{1,2}\s?[/.\-]\s?[0-9]{1,2}"
    r"|(?:ngày\s?)?[0-9]{1,2}\s?tháng\s?[0-9]{1,2}\s?(?:năm\s?)?[0-9]{4}"
)
_LOOSE = re.compile(rf"(?P<date>{_DATE_PART})(?:(?:\s?,\s?|\s?lúc\s?|T|\s)(?P<time>{_LOOSE_TIME}))?", re.I)
_DAY_FIRST = re.compile(r"([0-9]{1,2})\s?[/.\-]\s?([0-9]{1,2})\s?[/.\-]\s?([0-9]{4})")
_YEAR_FIRST = re.compile(r"([0-9]{4})\s?[/.\-]\s?([0-9]{1,2})\s?[/.\-]\s?([0-9]{1,2})")
_WORDS = re.compile(r"(?:ngày\s?)?([0-9]{1,2})\s?tháng\s?([0-9]{1,2})\s?(?:năm\s?)?([0-9]{4})", re.I)

KIND_DATE = "date"
KIND_DATETIME = "datetime"


def parse_when(ck: FileCheck, node: Node, where: str, zone: str,
               kinds: tuple[str, ...] = (KIND_DATE, KIND_DATETIME)) -> dt.date | None:
    """A date or an aware date-time from a scalar node, or None (reported)."""
    text = node.value.strip()
    match = _ISO.fullmatch(text)
    if not match:
        _format_problem(ck, node, where, text, kinds)
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        ck.report(
            node, "invalid-date",
            f"'{where}': ngày {text[:10]} không tồn tại (tháng {int(month)} năm {year} không có ngày {int(day)})"
            if 1 <= int(month) <= 12 else f"'{where}': ngày {text[:10]} không tồn tại (tháng phải từ 01 đến 12)",
            f"'{where}': the date {text[:10]} does not exist",
        )
        return None
    if not year_in_window(ck, node, where, date.year):
        return None
    if hour is None:
        if KIND_DATE not in kinds:
            ck.report(
                node, "date-format",
                f"'{where}' cần cả ngày và giờ, ví dụ '{text} 08:00' (dạng YYYY-MM-DD HH:MM)",
                f"'{where}' needs a date and a time, for example '{text} 08:00' (YYYY-MM-DD HH:MM)",
            )
            return None
        return date
    clock = check_time(ck, node, where, int(hour), int(minute), int(second or 0))
    if clock is None:
        return None
    value = dt.datetime.combine(date, clock, tzinfo=ZoneInfo(zone))
    if offset and not _offset_agrees(value, offset):
        expected = value.strftime("%z")
        ck.report(
            node, "timezone-mismatch",
            f"'{where}': độ lệch giờ {offset} không khớp múi giờ {zone} của sự kiện "
            f"({expected[:3]}:{expected[3:]}); hãy bỏ phần độ lệch hoặc sửa 'timezone'",
            f"'{where}': the offset {offset} disagrees with the event's time zone {zone} "
            f"({expected[:3]}:{expected[3:]}); drop the offset or fix 'timezone'",
        )
        return None
    return value


def year_window(ck: FileCheck) -> tuple[int, int]:
    """The first and last years an event may name, around the build's year."""
    if ck.years is None:
        ck.years = window(ck.config.timezone)
    return ck.years


def window(timezone: str) -> tuple[int, int]:
    """:func:`year_window` for the site's zone ``timezone``."""
    year = clock.today(timezone).year
    return FIRST_YEAR, year + FUTURE_YEARS


def year_in_window(ck: FileCheck, node: Node, where: str, year: int) -> bool:
    """True for a year inside :func:`year_window`; else the problem is reported."""
    low, high = year_window(ck)
    if low <= year <= high:
        return True
    ck.report(
        node, "date-out-of-range",
        f"'{where}': năm {year} quá xa hiện tại; chỉ nhận các năm từ {low} đến {high} "
        f"(từ năm {FIRST_YEAR} đến {FUTURE_YEARS} năm sau năm nay); hãy kiểm tra lại năm",
        f"'{where}': the year {year} is too far from now; years {low} to {high} are accepted",
    )
    return False


def parse_clock(ck: FileCheck, node: Node, where: str) -> dt.time | None:
    """A time of day ``HH:MM`` (schedule items)."""
    text = node.value.strip()
    match = _TIME.fullmatch(text)
    if match:
        hour, minute, second = match.groups()
        return check_time(ck, node, where, int(hour), int(minute), int(second or 0))
    loose = re.match(_LOOSE_TIME, text[:20], re.I)
    iso = _iso_time(loose) if loose else "08:30"
    ck.report(
        node, "invalid-time",
        f"'{where}': '{text}' không phải giờ hợp lệ; hãy viết dạng HH:MM, ví dụ '{iso}'",
        f"'{where}': '{text}' is not a time of day; write HH:MM, for example '{iso}'",
    )
    return None


def check_time(ck: FileCheck, node: Node, where: str, hour: int, minute: int,
               second: int = 0) -> dt.time | None:
    if hour > 23 or minute > 59 or second > 59:
        ck.report(
            node, "invalid-time",
            f"'{where}': giờ {hour:02d}:{minute:02d} không hợp lệ (giờ từ 00 đến 23, phút từ 00 đến 59)",
            f"'{where}': {hour:02d}:{minute:02d} is not a valid time (hours 00-23, minutes 00-59)",
        )
        return None
    return dt.time(hour, minute, second)


def _offset_agrees(value: dt.datetime, offset: str) -> bool:
    if offset == "Z":
        given = dt.timedelta(0)
    else:
        digits = offset[1:].replace(":", "")
        given = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        given = -given if offset[0] == "-" else given
    return value.utcoffset() == given


def _format_problem(ck: FileCheck, node: Node, where: str, text: str, kinds) -> None:
    iso = iso_form(text)
    example = "2026-04-26 07:30" if KIND_DATE not in kinds else "2026-04-26"
    time_only = len(text) <= 20 and re.fullmatch(_LOOSE_TIME, text, re.I)
    if time_only and KIND_DATETIME in kinds:
        clock = _iso_time(time_only)
        vi = f"'{where}': '{text}' chỉ có giờ; hãy ghi cả ngày và giờ, ví dụ 'YYYY-MM-DD {clock}' (như '2026-04-26 {clock}')"
        en = f"'{where}': '{text}' is only a time; write the date and the time, e.g. '2026-04-26 {clock}'"
    elif iso:
        vi = f"'{where}': '{text}' không đúng dạng ngày ISO; hãy viết '{iso}' (năm-tháng-ngày)"
        en = f"'{where}': '{text}' is not an ISO date; write '{iso}' (year-month-day)"
    else:
        vi = f"'{where}': '{text}' không phải ngày hợp lệ; hãy viết dạng YYYY-MM-DD hoặc YYYY-MM-DD HH:MM, ví dụ '{example}'"
        en = f"'{where}': '{text}' is not a date; write YYYY-MM-DD or YYYY-MM-DD HH:MM, for example '{example}'"
    ck.report(node, "date-format", vi, en)


def iso_form(text: str) -> str | None:
    """The ISO form of a date written the Vietnamese way, if recognisable
    and a day that exists."""
    if len(text) > 40:  # no date is written that long; keeps the patterns cheap
        return None
    loose = _LOOSE.fullmatch(text.strip())
    if not loose:
        return None
    date_part = loose.group("date").strip()
    for pattern, order in ((_YEAR_FIRST, (0, 1, 2)), (_DAY_FIRST, (2, 1, 0)), (_WORDS, (2, 1, 0))):
        match = pattern.fullmatch(date_part)
        if match:
            parts = match.groups()
            year, month, day = (int(parts[i]) for i in order)
            try:
                dt.date(year, month, day)
            except ValueError:  # 31/02/2026: no such day to suggest
                return None
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            time = loose.group("time")
            if time:
                iso += " " + _iso_time(re.fullmatch(_LOOSE_TIME, time.strip(), re.I))
            return iso
    return None


def _iso_time(match) -> str:
    hour, minute = match.groups()
    return f"{int(hour):02d}:{int(minute or 0):02d}"


def show(value) -> str:
    """A date or date-time as the units write it."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()
