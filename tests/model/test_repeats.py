"""Occurrences of single events and of yearly and lunar-yearly series."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from generator.model.lunar import LunarError
from generator.model.event import Contact, English, Event, Location, Override, When
from generator.model.occurrence import LunarDay
from generator.model.repeats import Series, occurrences

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def when(text: str) -> When:
    """'2025-04-07' is a date, '2025-04-07 07:30' a date-time in Lai Châu."""
    if " " in text:
        return dt.datetime.fromisoformat(text).replace(tzinfo=ZONE)
    return dt.date.fromisoformat(text)


def show(value: When | None) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "-" if value is None else value.isoformat()


def event(start: str, end: str | None = None, repeat: str | None = "yearly",
          exceptions: tuple[Override, ...] = (), **fields) -> Event:
    return Event(
        id="le-hoi", unit="so-vhttdl", path="events/so-vhttdl/le-hoi.yaml",
        title="Lễ hội", summary="Lễ hội.", category="le-hoi",
        location=Location("Khổng Lào"), contact=Contact("Phòng VHXH", phone="0213 3800 000"),
        start=when(start), end=when(end) if end else None, repeat=repeat,
        exceptions=exceptions, **fields)


def skip(year: int, **fields) -> Override:
    """An exception; dates given as text."""
    for key in ("start", "end"):
        if key in fields:
            fields[key] = when(fields[key])
    return Override(year, **fields)


def spans(item: Event, until: int = 2027) -> list[str]:
    """'year: start/end' for each occurrence."""
    return [f"{o.year}: {show(o.start)}/{show(o.end)}" for o in occurrences(item, until_year=until)]


def statuses(item: Event, until: int = 2027) -> list[tuple]:
    return [(o.year, o.status, o.status_note, o.status_note_en)
            for o in occurrences(item, until_year=until)]


def lunar_days(item: Event, until: int = 2027) -> list[LunarDay | None]:
    return [o.lunar for o in occurrences(item, until_year=until)]


# Single events


def test_single_event_is_one_occurrence_with_its_own_identity():
    (only,) = occurrences(event("2026-06-28", repeat=None), until_year=2030)
    assert (only.year, only.key, only.start, only.end, only.lunar) == (
        2026, "le-hoi", dt.date(2026, 6, 28), None, None)


def test_single_event_ignores_the_window_and_exceptions():
    item = event("2031-01-01 08:00", "2031-01-01 11:00", repeat=None,
                 exceptions=(skip(2031, status="cancelled"),))
    assert spans(item, until=2026) == ["2031: 2031-01-01 08:00/2031-01-01 11:00"]
    assert statuses(item) == [(2031, "confirmed", None, None)]


def test_single_event_carries_its_status_and_notes():
    item = event("2026-04-12", repeat=None, status="postponed", status_note="Do mưa lớn",
                 en=English(status_note="Heavy rain"))
    assert statuses(item) == [(2026, "postponed", "Do mưa lớn", "Heavy rain")]


# Yearly series


def test_yearly_all_day_multi_day_keeps_dates_and_inclusive_end():
    assert spans(event("2025-08-30", "2025-09-02")) == [
        "2025: 2025-08-30/2025-09-02", "2026: 2026-08-30/2026-09-02",
        "2027: 2027-08-30/2027-09-02"]


def test_yearly_timed_keeps_times_of_day_and_zone():
    assert spans(event("2025-12-31 20:00", "2026-01-01 01:00"), until=2026) == [
        "2025: 2025-12-31 20:00/2026-01-01 01:00", "2026: 2026-12-31 20:00/2027-01-01 01:00"]
    later = occurrences(event("2025-06-28 07:30"), until_year=2026)[1]
    assert later.start.tzinfo is ZONE and later.start.utcoffset() == dt.timedelta(hours=7)


def test_yearly_without_end_keeps_none():
    assert spans(event("2025-06-28 07:30"), until=2026) == [
        "2025: 2025-06-28 07:30/-", "2026: 2026-06-28 07:30/-"]


def test_yearly_29_february_falls_on_28_february_in_common_years():
    assert spans(event("2024-02-29", "2024-03-02"), until=2028) == [
        "2024: 2024-02-29/2024-03-02", "2025: 2025-02-28/2025-03-02",
        "2026: 2026-02-28/2026-03-02", "2027: 2027-02-28/2027-03-02",
        "2028: 2028-02-29/2028-03-02"]


def test_series_stops_at_repeat_until_or_window_whichever_first():
    assert [o.year for o in occurrences(event("2025-01-01", repeat_until=2026),
                                        until_year=2030)] == [2025, 2026]
    assert [o.year for o in occurrences(event("2025-01-01", repeat_until=2030),
                                        until_year=2027)] == [2025, 2026, 2027]


def test_first_occurrence_is_published_even_beyond_the_window():
    assert spans(event("2031-09-02"), until=2027) == ["2031: 2031-09-02/-"]


def test_series_occurrences_have_yearly_keys():
    assert [o.key for o in occurrences(event("2025-01-01"), until_year=2026)] == [
        "le-hoi-2025", "le-hoi-2026"]


def test_yearly_occurrences_have_no_lunar_date():
    assert lunar_days(event("2025-04-07")) == [None, None, None]


# Lunar-yearly series


def test_then_kin_pang_keeps_10_3_lunar_times_and_duration():
    item = event("2025-04-07 07:30", "2025-04-08 17:00", repeat="lunar-yearly")
    assert spans(item) == [
        "2025: 2025-04-07 07:30/2025-04-08 17:00", "2026: 2026-04-26 07:30/2026-04-27 17:00",
        "2027: 2027-04-16 07:30/2027-04-17 17:00"]
    assert lunar_days(item) == [LunarDay(10, 3, 2025), LunarDay(10, 3, 2026),
                                LunarDay(10, 3, 2027)]


def test_nang_han_two_days_from_the_2024_edition():
    assert spans(event("2024-03-23", "2024-03-24", repeat="lunar-yearly")) == [
        "2024: 2024-03-23/2024-03-24", "2025: 2025-03-13/2025-03-14",
        "2026: 2026-04-01/2026-04-02", "2027: 2027-03-21/2027-03-22"]


def test_le_loi_temple_from_the_2024_edition():
    assert spans(event("2024-02-21", repeat="lunar-yearly")) == [
        "2024: 2024-02-21/-", "2025: 2025-02-09/-", "2026: 2026-02-28/-", "2027: 2027-02-17/-"]


def test_kin_lau_khau_mau():
    assert spans(event("2025-11-04", repeat="lunar-yearly")) == [
        "2025: 2025-11-04/-", "2026: 2026-10-24/-", "2027: 2027-10-14/-"]


def test_day_30_falls_on_the_last_day_of_the_month():
    # 9 Feb 2024 is 30/12 (giao thừa); later years' month 12 has 29 days: the eve of each Tết.
    item = event("2024-02-09 18:00", repeat="lunar-yearly")
    assert spans(item, until=2028) == [
        "2024: 2024-02-09 18:00/-", "2025: 2025-01-28 18:00/-", "2026: 2026-02-16 18:00/-",
        "2027: 2027-02-05 18:00/-", "2028: 2028-01-25 18:00/-"]
    assert lunar_days(item, until=2025) == [LunarDay(30, 12, 2023), LunarDay(29, 12, 2024)]


def test_lunar_date_across_new_year_gets_distinct_years():
    # 1/12 lunar: 8 Jan and 28 Dec 2027 are both in 2027; the later one is 2028's.
    item = event("2026-01-19", repeat="lunar-yearly")
    assert spans(item, until=2031) == [
        "2026: 2026-01-19/-", "2027: 2027-01-08/-", "2028: 2027-12-28/-",
        "2029: 2029-01-15/-", "2030: 2030-01-04/-", "2031: 2030-12-25/-"]
    assert [o.lunar.year for o in occurrences(item, until_year=2029)] == [
        2025, 2026, 2027, 2028]


def test_lunar_date_across_new_year_leaves_a_year_without_occurrence():
    # 1/12 lunar: 31 Dec 2024, then 19 Jan 2026; 2025 has none.
    item = event("2024-12-31", repeat="lunar-yearly", exceptions=(skip(2025, status="cancelled"),))
    assert spans(item, until=2026) == ["2024: 2024-12-31/-", "2026: 2026-01-19/-"]
    assert exceptions_outside(item) == (2025,)


def test_repeat_until_counts_the_occurrence_year():
    item = event("2026-01-19", repeat="lunar-yearly", repeat_until=2027)
    assert spans(item, until=2030) == ["2026: 2026-01-19/-", "2027: 2027-01-08/-"]


def test_lunar_series_stops_at_the_end_of_the_supported_range():
    assert [o.year for o in occurrences(event("2098-04-07", repeat="lunar-yearly"),
                                        until_year=2200)] == [2098, 2099, 2100]


# Exceptions


def test_cancelled_year_keeps_its_place_and_notes():
    item = event("2025-04-07", repeat="lunar-yearly", exceptions=(
        skip(2026, status="cancelled", status_note="Dịch bệnh", status_note_en="Epidemic"),))
    assert statuses(item) == [(2025, "confirmed", None, None),
                              (2026, "cancelled", "Dịch bệnh", "Epidemic"),
                              (2027, "confirmed", None, None)]


def test_new_status_does_not_inherit_the_events_note():
    item = event("2025-09-02", status="tentative", status_note="Chờ quyết định",
                 en=English(status_note="Awaiting approval"),
                 exceptions=(skip(2026, status="confirmed"), skip(2027, status_note="Đã duyệt")))
    assert statuses(item) == [(2025, "tentative", "Chờ quyết định", "Awaiting approval"),
                              (2026, "confirmed", None, None),
                              (2027, "tentative", "Đã duyệt", "Awaiting approval")]


def test_move_with_start_alone_keeps_duration_year_and_identity():
    item = event("2025-04-07 07:30", "2025-04-08 17:00", repeat="lunar-yearly",
                 exceptions=(skip(2026, start="2026-05-02 09:00", status="postponed"),))
    moved = occurrences(item, until_year=2026)[1]
    assert (moved.year, moved.key, moved.status) == (2026, "le-hoi-2026", "postponed")
    assert spans(item, until=2026)[1] == "2026: 2026-05-02 09:00/2026-05-03 18:30"
    assert moved.lunar == LunarDay(16, 3, 2026)  # the moved day: 26/4 is 10/3


def test_move_all_day_with_start_alone():
    item = event("2025-08-30", "2025-09-02", exceptions=(skip(2026, start="2026-09-05"),))
    assert spans(item, until=2026)[1] == "2026: 2026-09-05/2026-09-08"


def test_move_with_start_and_end():
    item = event("2025-11-28", "2025-11-30",
                 exceptions=(skip(2026, start="2026-12-20", end="2026-12-22"),))
    assert spans(item, until=2026)[1] == "2026: 2026-12-20/2026-12-22"


def test_move_of_an_event_without_end():
    item = event("2025-06-28 07:30", exceptions=(skip(2026, start="2026-06-29 08:00"),))
    assert spans(item, until=2026)[1] == "2026: 2026-06-29 08:00/-"


def test_moved_occurrence_stays_in_year_order():
    item = event("2025-03-01", exceptions=(skip(2026, start="2027-01-15"),))
    assert [o.year for o in occurrences(item, until_year=2027)] == [2025, 2026, 2027]


# The series rules the validator asks


def exceptions_outside(item) -> tuple[int, ...]:
    return Series.of(item).years_outside(override.year for override in item.exceptions)


def test_exceptions_outside_the_series():
    item = event("2025-04-07", repeat="lunar-yearly", repeat_until=2028,
                 exceptions=(skip(2024), skip(2026), skip(2029), skip(2040)))
    assert exceptions_outside(item) == (2024, 2029, 2040)
    assert exceptions_outside(event("2025-04-07", exceptions=(skip(2030), skip(2031)))) == ()


def test_exceptions_without_repeat_are_all_outside():
    item = event("2025-04-07", repeat=None, exceptions=(skip(2025), skip(2026)))
    assert exceptions_outside(item) == (2025, 2026)


def test_repeat_until_before_start():
    assert Series.of(event("2025-04-07", repeat_until=2024)).until_before_start
    assert not Series.of(event("2025-04-07", repeat_until=2025)).until_before_start
    assert not Series.of(event("2025-04-07")).until_before_start


def test_starts_in_leap_month():
    assert Series.of(event("2025-07-25", repeat="lunar-yearly")).starts_in_leap_month()  # 1/6 nhuận
    assert not Series.of(event("2025-08-23", repeat="lunar-yearly")).starts_in_leap_month()
    assert not Series.of(event("2025-07-25", repeat="yearly")).starts_in_leap_month()
    with pytest.raises(LunarError):
        Series.of(event("2101-04-07", repeat="lunar-yearly")).starts_in_leap_month()
