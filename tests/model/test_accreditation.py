"""Which occurrence an accreditation deadline is for, and when it closes.
Lunar dates from public calendars: lunar 10/3 falls on 7/4/2025,
26/4/2026 and 16/4/2027."""

import datetime as dt
from zoneinfo import ZoneInfo

from generator.model.event import Contact, Event, Location, Press, When
from generator.model.press import accreditation, press_contact
from generator.model.repeats import occurrences

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def event(start: When, deadline: When | None, *, repeat: str | None = None, invited: bool = True,
          contact: Contact | None = None) -> Event:
    return Event(id="then-kin-pang", unit="so-vhttdl", path="events/so-vhttdl/then-kin-pang.yaml",
                 title="Then Kin Pang", summary="Lễ hội.", category="le-hoi", location=Location("Sân"),
                 contact=Contact("Phòng VHXH", phone="0213 3800 000"), start=start, repeat=repeat,
                 press=Press(invited=invited, accreditation_deadline=deadline, contact=contact))


def test_a_series_deadline_is_for_its_next_edition():
    series = event(dt.date(2025, 4, 7), dt.datetime(2026, 4, 20, 11, 0, tzinfo=VIETNAM), repeat="lunar-yearly")
    found = accreditation(occurrences(series, until_year=2027))
    assert found is not None
    assert (found.occurrence.year, found.occurrence.first_day) == (2026, dt.date(2026, 4, 26))
    assert found.closes == dt.datetime(2026, 4, 20, 11, 0, tzinfo=VIETNAM)
    assert not found.is_closed(dt.datetime(2026, 4, 20, 10, 59, tzinfo=VIETNAM))
    assert found.is_closed(dt.datetime(2026, 4, 20, 11, 0, tzinfo=VIETNAM))


def test_a_date_deadline_runs_to_the_end_of_its_day():
    found = accreditation(occurrences(event(dt.date(2026, 3, 20), dt.date(2026, 3, 15)), until_year=2027))
    assert found is not None and found.deadline == dt.date(2026, 3, 15)
    assert found.closes == dt.datetime(2026, 3, 16, 0, 0, tzinfo=VIETNAM)


def test_a_single_event_owns_its_deadline_even_a_late_one():
    found = accreditation(occurrences(event(dt.date(2026, 3, 20), dt.date(2026, 3, 25)), until_year=2027))
    assert found is not None and found.occurrence.key == "then-kin-pang"


def test_no_invitation_or_no_deadline_no_accreditation():
    assert accreditation(occurrences(event(dt.date(2026, 3, 20), dt.date(2026, 3, 15), invited=False),
                                     until_year=2027)) is None
    assert accreditation(occurrences(event(dt.date(2026, 3, 20), None), until_year=2027)) is None


def test_whom_to_call():
    assert press_contact(event(dt.date(2026, 3, 20), None)).phone == "0213 3800 000"
    assert press_contact(event(dt.date(2026, 3, 20), None, contact=Contact("Báo chí", "0912"))).name == "Báo chí"
