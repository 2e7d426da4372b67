"""The domain model: plain, frozen, timezone-aware values.

Everything downstream (repeats, feeds, pages, reports) works on these
values only; none of it sees YAML nodes or file positions.

Dates follow the event file format: an all-day event has ``datetime.date``
values and an *inclusive* ``end`` (its last day); a timed event has aware
``datetime`` values in the event's time zone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"

STATUSES = ("confirmed", "tentative", "postponed", "cancelled")
INACTIVE = ("cancelled", "postponed")  # statuses under which an occurrence does not take place
REPEATS = ("yearly", "lunar-yearly")

When = dt.date | dt.datetime  # a datetime is also a date: test datetime first


def is_all_day(value: When) -> bool:
    """True for a plain date, False for a date-time."""
    return not isinstance(value, dt.datetime)


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Location:
    name: str
    address: str | None = None
    area: str | None = None
    geo: tuple[float, float] | None = None
    map_url: str | None = None


@dataclass(frozen=True)
class Image:
    """``src`` is an https URL, or a path relative to the content root."""

    src: str
    alt: str
    credit: str | None = None

    @property
    def is_url(self) -> bool:
        return self.src.startswith("https://")


@dataclass(frozen=True)
class Press:
    invited: bool = False
    accreditation_deadline: When | None = None
    note: str | None = None
    contact: Contact | None = None


@dataclass(frozen=True)
class Reference:
    number: str | None = None
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class ScheduleItem:
    """A programme item: times of day (on each occurrence's first day) or
    date-times within the event."""

    start: dt.time | dt.datetime
    title: str
    end: dt.time | dt.datetime | None = None
    place: str | None = None


@dataclass(frozen=True)
class Override:
    """One year's exception in a series (``exceptions`` in the file)."""

    year: int
    status: str | None = None
    status_note: str | None = None
    status_note_en: str | None = None
    start: When | None = None
    end: When | None = None


@dataclass(frozen=True)
class Update:
    at: dt.datetime
    text: str


@dataclass(frozen=True)
class English:
    title: str | None = None
    summary: str | None = None
    description: str | None = None
    location_name: str | None = None
    status_note: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    unit: str
    path: str  # relative to the content root, POSIX form: events/<unit>/<id>.yaml
    title: str
    summary: str
    category: str
    start: When
    location: Location
    contact: Contact
    end: When | None = None
    timezone: str = DEFAULT_TIMEZONE
    status: str = "confirmed"
    status_note: str | None = None
    online_url: str | None = None
    description: str | None = None
    image: Image | None = None
    tags: tuple[str, ...] = ()
    price: str | None = None
    press: Press | None = None
    co_organizers: tuple[str, ...] = ()
    reference: Reference | None = None
    links: tuple[Link, ...] = ()
    schedule: tuple[ScheduleItem, ...] = ()
    repeat: str | None = None
    repeat_until: int | None = None
    exceptions: tuple[Override, ...] = ()
    updates: tuple[Update, ...] = ()
    published: dt.datetime | None = None
    en: English | None = None

    @property
    def all_day(self) -> bool:
        return is_all_day(self.start)

    def exception_for(self, year: int) -> Override | None:
        return next((o for o in self.exceptions if o.year == year), None)


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    name_en: str | None = None
    short: str | None = None
    kind: str | None = None
    website: str | None = None
    contact: Contact | None = None
    maintainers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    name_en: str
    color: str | None = None
    icon: str | None = None


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    name_en: str | None = None
    region: str | None = None
    region_en: str | None = None
    geo: tuple[float, float] | None = None


@dataclass(frozen=True)
class Content:
    """A whole loaded content tree: registries and the valid events."""

    root: str
    units: tuple[Unit, ...] = ()
    categories: tuple[Category, ...] = ()
    areas: tuple[Area, ...] = ()
    events: tuple[Event, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def unit(self, unit_id: str) -> Unit | None:
        return self._lookup("units", unit_id)

    def category(self, category_id: str) -> Category | None:
        return self._lookup("categories", category_id)

    def area(self, area_id: str) -> Area | None:
        return self._lookup("areas", area_id)

    def event(self, event_id: str) -> Event | None:
        return self._lookup("events", event_id)

    def _lookup(self, kind: str, key: str):
        table = self._index.get(kind)
        if table is None:
            table = {item.id: item for item in getattr(self, kind)}
            self._index[kind] = table
        return table.get(key)


@dataclass(frozen=True)
class LunarDay:
    """A Vietnamese lunar date (UTC+7 rules)."""

    day: int
    month: int
    year: int
    leap: bool = False

    @property
    def label_vi(self) -> str:
        leap = " nhuận" if self.leap else ""
        return f"Ngày {self.day} tháng {self.month}{leap} âm lịch"

    @property
    def label_en(self) -> str:
        leap = " (leap)" if self.leap else ""
        return f"Day {self.day} of lunar month {self.month}{leap}"


@dataclass(frozen=True)
class Occurrence:
    """One dated instance of an event: the event itself, or one year of a
    series with its exception applied.  ``end`` follows the file format
    (inclusive last day for all-day events, None when the event has none)."""

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

    @property
    def first_day(self) -> dt.date:
        """The local calendar day the occurrence begins."""
        if isinstance(self.start, dt.datetime):
            return self.start.astimezone(self.zone).date()
        return self.start

    @property
    def last_day(self) -> dt.date:
        """The local calendar day it ends (inclusive; never before the first)."""
        last = self.end if self.end is not None else self.start
        day = last.astimezone(self.zone).date() if isinstance(last, dt.datetime) else last
        return max(day, self.first_day)

    @property
    def begins(self) -> dt.datetime:
        """The instant it begins: its start, or local midnight of its first day."""
        if isinstance(self.start, dt.datetime):
            return self.start
        return dt.datetime.combine(self.start, dt.time(), self.zone)

    @property
    def ends(self) -> dt.datetime:
        """The exclusive end instant: its timed end, else the local midnight
        after its last day (a timed event without an end lasts its day)."""
        if isinstance(self.end, dt.datetime):
            return max(self.end, self.begins)
        return dt.datetime.combine(self.last_day + dt.timedelta(days=1), dt.time(), self.zone)

    @property
    def exclusive_end_day(self) -> dt.date:
        """The day after the last day: iCalendar's DTEND of an all-day event."""
        return self.last_day + dt.timedelta(days=1)

    def days(self) -> list[dt.date]:
        """Every local calendar day the occurrence covers, in order."""
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=n) for n in range(count)]

    @property
    def is_active(self) -> bool:
        """False when cancelled or postponed: it does not take place as dated."""
        return self.status not in INACTIVE

    def is_over(self, now: dt.datetime) -> bool:
        """True once ``now`` (aware) has reached the exclusive end."""
        return now >= self.ends

    def is_on(self, now: dt.datetime) -> bool:
        """True while ``now`` lies between the beginning and the exclusive end."""
        return self.begins <= now < self.ends
