"""Rules of repeating events and of the programme: ``repeat_until``,
``exceptions``, the lunar leap month, ``schedule`` items."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from ..model import lunar, event as model, repeats
from ..model.event import day_of
from ..load.yamlread import Node, ScalarNode
from . import dates, parts, values
from .filecheck import Fields, FileCheck, fields

STATUS_ALIASES = {
    "canceled": "cancelled", "huy": "cancelled", "da-huy": "cancelled", "huy-bo": "cancelled",
    "hoan": "postponed", "tam-hoan": "postponed", "hoan-lai": "postponed", "delayed": "postponed",
    "xac-nhan": "confirmed", "chinh-thuc": "confirmed", "du-kien": "tentative",
}

EXCEPTION_KEYS = ("status", "status_note", "start", "end", "en")
SCHEDULE_KEYS = ("start", "end", "title", "place", "en")
SCHEDULE_EN_KEYS = ("title", "place")


def schedule(ck: FileCheck, node: Node, zone: str) -> tuple[tuple[Node, model.ScheduleItem], ...]:
    """Programme items, each with its node (the span is checked later)."""
    result = []
    required = {"start": "start: \"08:00\"", "title": "title: Lễ khai mạc"}
    for where, _, got in parts.list_items(ck, node, "schedule", SCHEDULE_KEYS, required):
        start = _moment(ck, got["start"][1], f"{where}.start", zone) if "start" in got else None
        end = _moment(ck, got["end"][1], f"{where}.end", zone) if "end" in got else None
        title = values.field_text(ck, got, where, "title")
        place = values.field_text(ck, got, where, "place")
        english = parts.nested_english(ck, got, where, SCHEDULE_EN_KEYS)
        if start is not None and title:
            if end is not None and _ordered(start, end) is False:
                ck.report(
                    got["end"][1], "end-before-start",
                    f"'{where}': giờ kết thúc ({_show(end)}) trước giờ bắt đầu ({_show(start)})",
                    f"'{where}': end ({_show(end)}) is before start ({_show(start)})",
                )
            result.append((got["start"][1], model.ScheduleItem(start, title, end, place, english.get("title"), english.get("place"))))
    return tuple(result)


def _moment(ck: FileCheck, node: Node, where: str, zone: str):
    """A time of day, or a date-time within the event."""
    if not isinstance(node, ScalarNode):
        return values.text(ck, node, where)
    if not re.match(r"\s*[0-9]{4}-", node.value):
        return dates.parse_clock(ck, node, where)
    return dates.parse_when(ck, node, where, zone, (dates.KIND_DATETIME,))


def _ordered(start, end) -> bool | None:
    if type(start) is not type(end):
        return None
    return start <= end


def _show(value) -> str:
    return value.strftime("%H:%M") if isinstance(value, dt.time) else dates.show(value)


def exceptions(ck: FileCheck, key: Node, node: Node, zone: str) -> tuple[tuple[Node, model.Override, Fields], ...]:
    """Each year's exception with its year node and fields (checked later)."""
    result = []
    for year_node, body in fields_by_year(ck, key, node):
        year = int(year_node.value)
        where = f"exceptions.{year}"
        if not dates.year_in_window(ck, year_node, where, year):
            continue
        entry = fields(ck, body, EXCEPTION_KEYS, where, year_node)
        if entry is not None:
            result.append((year_node, _override(ck, year, entry, where, zone), entry))
    return tuple(result)


def _override(ck: FileCheck, year: int, entry: Fields, where: str, zone: str) -> model.Override:
    status = status_note = status_note_en = None
    if "status" in entry:
        status = values.choice(ck, entry["status"][1], f"{where}.status", model.STATUSES, STATUS_ALIASES)
    if "status_note" in entry:
        status_note = values.text(ck, entry["status_note"][1], f"{where}.status_note")
    start = _override_when(ck, entry, "start", where, zone)
    end = _override_when(ck, entry, "end", where, zone)
    if "en" in entry:
        english = fields(ck, entry["en"][1], ("status_note",), f"{where}.en", entry["en"][0])
        if english and "status_note" in english:
            status_note_en = values.text(ck, english["status_note"][1], f"{where}.en.status_note")
    return model.Override(year=year, status=status, status_note=status_note, status_note_en=status_note_en,
                          start=start, end=end)


def _override_when(ck: FileCheck, entry: Fields, name: str, where: str, zone: str) -> dt.date | None:
    if name not in entry or values.text(ck, entry[name][1], f"{where}.{name}") is None:
        return None
    return dates.parse_when(ck, entry[name][1], f"{where}.{name}", zone)


def fields_by_year(ck: FileCheck, key: Node, node: Node) -> list[tuple[Node, Node]]:
    """The year keys of ``exceptions``; a key that is not a year is reported."""
    got = fields(ck, node, _AnyYear(), "exceptions", key)
    if got is None:
        return []
    result = []
    for name, (year_node, body) in got.items():
        if re.fullmatch(r"[0-9]{4}", name):
            result.append((year_node, body))
        else:
            ck.report(
                year_node, "invalid-value",
                f"'exceptions': '{name}' không phải một năm; mỗi ngoại lệ bắt đầu bằng năm, ví dụ '2027:'",
                f"'exceptions': '{name}' is not a year; each exception starts with a year, e.g. '2027:'",
            )
    return result


class _AnyYear(tuple):
    """Every key is allowed at this level: years are checked afterwards."""

    def __contains__(self, item) -> bool:
        return True


def check(ck: FileCheck, got: dict, found: dict) -> None:
    """Series rules once the top level is read; unwraps the node pairs."""
    start = found.get("start")
    items = found.pop("schedule", ())
    found["schedule"] = tuple(item for _, item in items)
    raw = found.pop("exceptions", ())
    found["exceptions"] = tuple(override for _, override, _ in raw)
    if start is None:
        return
    _check_schedule(ck, items, start, found.get("end"))
    series = repeats.Series(start, found.get("repeat"), found.get("repeat_until"))
    _check_repeat_until(ck, got, series)
    if raw and not found.get("repeat"):
        ck.report(
            got["exceptions"][0], "exception-outside-series",
            "'exceptions' chỉ dùng cho sự kiện lặp lại (cần 'repeat: yearly' hoặc 'repeat: lunar-yearly')",
            "'exceptions' only applies to a repeating event (add 'repeat: yearly' or 'lunar-yearly')",
        )
        return
    if not _lunar_start_ok(ck, got, series):
        return
    _check_exceptions(ck, raw, series)
    if not ck.failed:
        _check_occurrences(ck, got, found, raw)


def _check_schedule(ck: FileCheck, items, start, end) -> None:
    low = day_of(start)
    high = day_of(end) if end is not None else low
    for node, item in items:
        if isinstance(item.start, dt.datetime) and not (low <= day_of(item.start) <= high):
            ck.report(
                node, "schedule-outside-event",
                f"mục chương trình lúc {dates.show(item.start)} nằm ngoài thời gian sự kiện "
                f"({dates.show(low)} đến {dates.show(high)}); chỉ ghi giờ (HH:MM) hoặc sửa ngày",
                f"the schedule item at {dates.show(item.start)} is outside the event "
                f"({dates.show(low)} to {dates.show(high)})",
            )


def _check_repeat_until(ck: FileCheck, got: dict, series: repeats.Series) -> None:
    until, start = series.repeat_until, series.start
    if until is not None and not dates.year_in_window(ck, got["repeat_until"][1], "repeat_until", until):
        return
    if series.until_before_start:
        ck.report(
            got["repeat_until"][1], "repeat-until-before-start",
            f"'repeat_until' ({until}) trước năm bắt đầu ({start.year}); hãy ghi một năm từ {start.year} trở đi",
            f"'repeat_until' ({until}) is before the start year ({start.year})",
        )


def _lunar_start_ok(ck: FileCheck, got: dict, series: repeats.Series) -> bool:
    start = series.start
    try:
        leap = series.starts_in_leap_month()
    except lunar.LunarError as error:
        ck.report(got["start"][1], "invalid-value",
                  f"'start': lịch âm chỉ tính được cho các năm {lunar.FIRST_YEAR}-{lunar.LAST_YEAR}",
                  f"'start': {error}")
        return False
    if leap:
        moon = lunar.to_lunar(day_of(start))
        ck.report(
            got["start"][1], "lunar-leap-month",
            f"'start' ({dates.show(start)}) rơi vào tháng {moon.month} nhuận âm lịch: chuỗi 'lunar-yearly' "
            f"không thể bắt đầu trong tháng nhuận; hãy chọn ngày {moon.day} tháng {moon.month} thường",
            f"'start' ({dates.show(start)}) is in the leap lunar month {moon.month}: a lunar-yearly series "
            "cannot start in a leap month",
        )
        return False
    return True


MAX_DAYS = 366  # an event (one occurrence of a series) lasts at most a year


def _probe(found: dict, raw) -> model.Event:
    """The event being checked, as far as its dates go."""
    return model.Event(
        id="probe", unit="", path="", title="", summary="", category="", start=found["start"],
        end=found.get("end"), timezone=found.get("timezone", model.DEFAULT_TIMEZONE),
        location=model.Location(""), contact=model.Contact(""), repeat=found.get("repeat"),
        repeat_until=found.get("repeat_until"), exceptions=tuple(o for _, o, _ in raw),
    )


def _check_occurrences(ck: FileCheck, got: dict, found: dict, raw) -> None:
    """Every occurrence (up to the last year a date may name) lasts at most
    MAX_DAYS and ends before the next one begins: the days the site lists
    stay bounded by the number of events."""
    moved = any(o.start is not None or o.end is not None for _, o, _ in raw)
    # a year of a series keeps the event's duration: only a long event, or
    # a year moved by its exception, can be too long or overlap another
    # (lunar years are at least 353 days apart); the others need no expansion
    if not moved and _span_days(found["start"], found.get("end")) < 350:
        return
    nodes = {override.year: entry for _, override, entry in raw}
    where = got["end"][1] if "end" in got else got["start"][1]
    probe = _probe(found, raw)
    listed = repeats.occurrences(probe, until_year=dates.year_window(ck)[1])
    for occ in listed:
        days = (occ.last_day - occ.first_day).days + 1
        if days > MAX_DAYS:
            entry = nodes.get(occ.year, {})
            ck.report(
                entry["end"][1] if "end" in entry else where, "event-too-long",
                f"sự kiện{_year_of(found, occ)} kéo dài {days} ngày ({dates.show(occ.start)} đến "
                f"{dates.show(occ.end or occ.start)}), tối đa {MAX_DAYS} ngày; hãy kiểm tra lại ngày kết thúc",
                f"the event{_year_of(found, occ, 'en')} lasts {days} days, at most {MAX_DAYS}",
            )
            return
    for earlier, later in itertools.pairwise(listed):
        if earlier.ends > later.begins:
            entry = nodes.get(later.year) or nodes.get(earlier.year) or {}
            ck.report(
                entry["start"][1] if "start" in entry else where, "series-overlap",
                f"lần diễn ra năm {earlier.year} (đến {dates.show(earlier.end or earlier.start)}) chưa kết thúc "
                f"thì lần năm {later.year} đã bắt đầu ({dates.show(later.start)}); mỗi lần của chuỗi sự kiện "
                "phải kết thúc trước lần sau; hãy rút ngắn sự kiện hoặc sửa 'exceptions'",
                f"the {earlier.year} occurrence has not ended when the {later.year} one begins",
            )
            return


def _span_days(start: model.When, end: model.When | None) -> int:
    """Days from the first to the last day of an event's dates (0: one day)."""
    last = end if end is not None else start
    return (day_of(last) - day_of(start)).days


def _year_of(found: dict, occ, lang: str = "vi") -> str:
    if not found.get("repeat"):
        return ""
    return f" năm {occ.year}" if lang == "vi" else f" in {occ.year}"


def _check_exceptions(ck: FileCheck, raw, series: repeats.Series) -> None:
    if not raw:
        return
    start = series.start
    outside = set(series.years_outside(override.year for _, override, _ in raw))
    for year_node, override, entry in raw:
        if override.year in outside:
            ck.report(
                year_node, "exception-outside-series",
                f"'exceptions': năm {override.year} không thuộc chuỗi sự kiện "
                f"(từ {start.year}" + (f" đến {series.repeat_until})" if series.repeat_until else ")"),
                f"'exceptions': {override.year} is not a year of the series",
            )
        _check_override_kinds(ck, override, entry, start)


def _check_override_kinds(ck: FileCheck, override: model.Override, entry: dict, start) -> None:
    where = f"exceptions.{override.year}"
    for name in ("start", "end"):
        value = getattr(override, name)
        if value is not None and isinstance(value, dt.datetime) != isinstance(start, dt.datetime):
            ck.report(
                entry[name][1], "mixed-date-kinds",
                f"'{where}.{name}' phải cùng dạng với 'start' của sự kiện ({dates.show(start)})",
                f"'{where}.{name}' must be the same kind as the event's 'start' ({dates.show(start)})",
            )
            return
    if override.start is not None and override.end is not None and override.end < override.start:
        ck.report(
            entry["end"][1], "end-before-start",
            f"'{where}': ngày kết thúc ({dates.show(override.end)}) trước ngày bắt đầu ({dates.show(override.start)})",
            f"'{where}': end ({dates.show(override.end)}) is before start ({dates.show(override.start)})",
        )
