"""What an occurrence answers about itself: its days, its beginning and
exclusive end, whether it is on, over, active.  The instants are written
out by hand, independently of the code under test."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from generator.model.event import Contact, Event, Location, When
from generator.model.repeats import occurrences

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
PARIS = ZoneInfo("Europe/Paris")


def at(text: str, zone: ZoneInfo = VIETNAM) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


def one(start: When, end: When | None = None, *, zone: str = "Asia/Ho_Chi_Minh", status: str = "confirmed"):
    event = Event(id="su-kien", unit="so-vhttdl", path="events/so-vhttdl/su-kien.yaml", title="Sự kiện",
                  summary="Sự kiện.", category="le-hoi", location=Location("Sân vận động"),
                  contact=Contact("Phòng VHXH"), start=start, end=end, timezone=zone, status=status)
    [occ] = occurrences(event, until_year=2030)
    return occ


def test_an_all_day_event_over_three_days():
    occ = one(dt.date(2026, 4, 20), dt.date(2026, 4, 22))
    assert (occ.first_day, occ.last_day) == (dt.date(2026, 4, 20), dt.date(2026, 4, 22))
    assert occ.days() == [dt.date(2026, 4, 20), dt.date(2026, 4, 21), dt.date(2026, 4, 22)]
    assert occ.exclusive_end_day == dt.date(2026, 4, 23)
    assert occ.begins == at("2026-04-20T00:00")
    assert occ.ends == at("2026-04-23T00:00")
    assert not occ.is_on(at("2026-04-19T23:59"))
    assert occ.is_on(at("2026-04-22T23:59")) and not occ.is_over(at("2026-04-22T23:59"))
    assert occ.is_over(at("2026-04-23T00:00")) and not occ.is_on(at("2026-04-23T00:00"))


def test_an_all_day_event_of_one_day_lasts_that_day():
    occ = one(dt.date(2026, 4, 20))
    assert occ.days() == [dt.date(2026, 4, 20)]
    assert occ.ends == at("2026-04-21T00:00")


def test_a_timed_event_across_midnight_is_on_both_days():
    occ = one(at("2026-12-31T20:00"), at("2027-01-01T02:00"))
    assert occ.days() == [dt.date(2026, 12, 31), dt.date(2027, 1, 1)]
    assert occ.exclusive_end_day == dt.date(2027, 1, 2)
    assert occ.ends == at("2027-01-01T02:00")
    assert occ.is_on(at("2027-01-01T01:59"))
    assert occ.is_over(at("2027-01-01T02:00"))
    assert not occ.is_on(at("2026-12-31T19:59")) and not occ.is_over(at("2026-12-31T19:59"))


def test_a_timed_event_without_an_end_lasts_the_rest_of_its_day():
    occ = one(at("2026-04-26T07:30"))
    assert occ.days() == [dt.date(2026, 4, 26)]
    assert occ.begins == at("2026-04-26T07:30")
    assert occ.ends == at("2026-04-27T00:00")
    assert occ.is_on(at("2026-04-26T20:00")) and not occ.is_over(at("2026-04-26T20:00"))
    assert occ.is_over(at("2026-04-27T00:00"))
    assert not occ.is_on(at("2026-04-26T07:29"))


def test_days_and_ends_are_in_the_events_zone_not_the_sites():
    # 23:30 in Paris (UTC+2 in April) is 04:30 the next morning in Lai Châu
    occ = one(at("2026-04-26T23:30", PARIS), zone="Europe/Paris")
    assert occ.first_day == occ.last_day == dt.date(2026, 4, 26)
    assert occ.ends == at("2026-04-27T00:00", PARIS) == at("2026-04-27T05:00")
    assert not occ.is_over(at("2026-04-27T04:59"))
    assert occ.is_over(at("2026-04-27T05:00"))


def test_an_all_day_event_elsewhere_ends_at_its_own_midnight():
    occ = one(dt.date(2026, 4, 26), zone="Europe/Paris")
    assert occ.begins == at("2026-04-26T05:00")  # midnight in Paris, seen from Lai Châu
    assert occ.is_on(at("2026-04-27T04:59"))
    assert occ.is_over(at("2026-04-27T05:00"))


@pytest.mark.parametrize("status, active", [
    ("confirmed", True), ("tentative", True), ("postponed", False), ("cancelled", False)])
def test_cancelled_and_postponed_do_not_take_place(status, active):
    occ = one(dt.date(2026, 4, 20), status=status)
    assert occ.is_active is active
    assert occ.days() == [dt.date(2026, 4, 20)]  # still dated: the pages show it, marked
