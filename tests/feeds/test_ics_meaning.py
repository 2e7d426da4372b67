"""What the calendars mean, read back by independent parsers: icalendar,
vobject, recurring-ical-events and ical.js (Thunderbird's parser).

Expected dates come from public calendars, not from the code: Then Kin Pang
and Giỗ Tổ fall on lunar 10/3 (7/4/2025, 26/4/2026, 16/4/2027); Trung thu is
lunar 15/8 (17/9/2024, 6/10/2025, 25/9/2026).
"""

import datetime as dt

import pytest
import recurring_ical_events
import vobject
from feedsupport import HOST, NOW, ZONE, built, calendars, ical_js, write
from icalendar import Calendar

FILES = calendars(built())


def vevents(path: str) -> dict[str, object]:
    cal = Calendar.from_ical(FILES[path])
    return {str(e["UID"]).removesuffix(f"@{HOST}"): e for e in cal.walk("VEVENT")}


@pytest.fixture(scope="module")
def js(tmp_path_factory):
    """ical.js's reading of every calendar, by site path."""
    root = tmp_path_factory.mktemp("site")
    paths = write(FILES, root)
    parsed = ical_js([paths[p] for p in sorted(FILES)])
    return dict(zip(sorted(FILES), parsed, strict=True))


@pytest.mark.parametrize("path", sorted(FILES))
def test_icalendar_reads_without_errors(path):
    cal = Calendar.from_ical(FILES[path])
    assert all(not component.errors for component in cal.walk())


@pytest.mark.parametrize("path", sorted(FILES))
def test_vobject_validates(path):
    cal = vobject.readOne(FILES[path].decode("utf-8"), validate=True)
    assert len(getattr(cal, "vevent_list", [])) == len(vevents(path))


def test_ical_js_reads_every_calendar(js):
    for path, result in js.items():
        assert "error" not in result, (path, result)
        assert [e["uid"] for e in result["events"]] == [
            str(e["UID"]) for e in Calendar.from_ical(FILES[path]).walk("VEVENT")]


def test_three_day_all_day_event_spans_three_days_in_ical_js(js):
    (event,) = js["su-kien/ngay-hoi-van-hoa-ba-ngay.ics"]["events"]
    assert event["allDay"] is True
    assert (event["start"], event["end"], event["days"]) == ("2026-05-01", "2026-05-04", 3)


def test_image_is_a_uri():
    event = vevents("su-kien/ngay-hoi-van-hoa-ba-ngay.ics")["ngay-hoi-van-hoa-ba-ngay"]
    assert event["IMAGE"].params["VALUE"] == "URI"
    assert str(event["IMAGE"]) == "https://sukien.example.vn/anh/ngay-hoi.jpg"


def test_three_day_event_covers_exactly_its_days_in_recurring_ical_events():
    cal = Calendar.from_ical(FILES["su-kien/ngay-hoi-van-hoa-ba-ngay.ics"])
    on = lambda day: recurring_ical_events.of(cal).at(day)
    assert [len(on(dt.date(2026, 5, d))) for d in (1, 2, 3, 4)] == [1, 1, 1, 0]
    assert len(on(dt.date(2026, 4, 30))) == 0


def test_lunar_series_lands_on_the_vietnamese_dates(js):
    events = {e["uid"]: e for e in js["su-kien/le-hoi-then-kin-pang.ics"]["events"]}
    starts = {uid.split("@")[0]: (e["start"], e["tzid"]) for uid, e in events.items()}
    assert starts["le-hoi-then-kin-pang-2025"] == ("2025-04-07T07:30:00", "Asia/Ho_Chi_Minh")
    assert starts["le-hoi-then-kin-pang-2026"] == ("2026-04-26T07:30:00", "Asia/Ho_Chi_Minh")
    assert starts["le-hoi-then-kin-pang-2027"] == ("2027-04-16T07:30:00", "Asia/Ho_Chi_Minh")
    # 07:30 in Lai Châu is 00:30 UTC
    assert events[f"le-hoi-then-kin-pang-2026@{HOST}"]["startUnix"] == dt.datetime(
        2026, 4, 26, 0, 30, tzinfo=dt.UTC).timestamp()
    trung_thu = vevents("su-kien/trung-thu-cho-em.ics")
    assert {key: e.decoded("DTSTART") for key, e in trung_thu.items()
            if int(key[-4:]) <= 2026} == {
        "trung-thu-cho-em-2024": dt.date(2024, 9, 17),
        "trung-thu-cho-em-2025": dt.date(2025, 10, 6),
        "trung-thu-cho-em-2026": dt.date(2026, 9, 25),
    }


def test_series_never_use_rscale_or_rrule():
    for data in FILES.values():
        assert b"RSCALE" not in data and b"RRULE" not in data


def test_cancelled_occurrence_is_cancelled_and_marked(js):
    events = {e["uid"]: e for e in js["su-kien/le-hoi-then-kin-pang.ics"]["events"]}
    cancelled = events[f"le-hoi-then-kin-pang-2027@{HOST}"]
    assert cancelled["status"] == "CANCELLED"
    assert cancelled["summary"].startswith("[ĐÃ HỦY] ")
    assert cancelled["sequence"] >= 1
    assert events[f"le-hoi-then-kin-pang-2026@{HOST}"]["status"] == "CONFIRMED"
    single = vevents("feeds/events.ics")["cho-phien-huy"]
    assert (str(single["STATUS"]), str(single["SUMMARY"])) == ("CANCELLED", "[ĐÃ HỦY] Chợ phiên vùng cao")
    assert "Hủy theo chỉ đạo phòng chống dịch" in str(single["DESCRIPTION"])


def test_postponed_is_tentative_marked_with_its_note():
    event = vevents("feeds/events.ics")["giai-bong-chuyen-hoan"]
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["SUMMARY"]).startswith("[HOÃN] ")
    assert "ngày mới sẽ được thông báo sau" in str(event["DESCRIPTION"])


def test_yearly_series_with_a_moved_year():
    series = vevents("su-kien/xoe-tet-doc-lap.ics")
    starts = {key: e.decoded("DTSTART") for key, e in series.items()}
    assert starts["xoe-tet-doc-lap-2025"] == dt.date(2025, 9, 2)
    assert starts["xoe-tet-doc-lap-2026"] == dt.date(2026, 9, 5)  # the exception
    assert starts["xoe-tet-doc-lap-2027"] == dt.date(2027, 9, 2)
    assert series["xoe-tet-doc-lap-2026"].decoded("DTEND") == dt.date(2026, 9, 6)


def test_site_calendar_keeps_the_future_and_a_window_of_the_past():
    today = NOW.date()
    keys = set(vevents("feeds/events.ics"))
    assert "hoi-cho-da-qua" not in keys  # ended in January 2025
    assert "hoi-cho-da-qua" in vevents("su-kien/hoi-cho-da-qua.ics")
    assert "le-hoi-then-kin-pang-2025" not in keys
    assert {"le-hoi-then-kin-pang-2026", "le-hoi-then-kin-pang-2027", "le-hoi-then-kin-pang-2028",
            "ngay-hoi-van-hoa-ba-ngay", "cho-phien-huy"} <= keys
    assert "le-hoi-then-kin-pang-2029" not in keys  # years_ahead = 2
    for event in vevents("feeds/events.ics").values():
        end = event.decoded("DTEND") if "DTEND" in event else event.decoded("DTSTART")
        end = end.astimezone(ZONE).date() if isinstance(end, dt.datetime) else end
        assert end >= today - dt.timedelta(days=60)


def test_filtered_calendars_hold_their_events_only():
    assert {key.rsplit("-", 1)[0] for key in vevents("feeds/category/le-hoi.ics")} == {
        "le-hoi-then-kin-pang"}
    assert set(vevents("feeds/area/tan-phong.ics")) == {
        "ngay-hoi-van-hoa-ba-ngay", "trung-thu-cho-em-2026", "trung-thu-cho-em-2027",
        "trung-thu-cho-em-2028"}
    assert set(vevents("feeds/unit/ubnd-xa-khong-lao.ics")) == {
        "giai-bong-chuyen-hoan", "cho-phien-huy", "dem-van-nghe-doc-hai"}
    assert vevents("feeds/unit/ubnd-xa-vang.ics") == {}
