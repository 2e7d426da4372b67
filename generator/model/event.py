"""The domain model: plain, frozen, timezone-aware values.

Everything downstream (repeats, feeds, pages, reports) works on these
values only; none of it sees YAML nodes or file positions.

Dates follow the event file format: an all-day event has ``datetime.date``
values and an *inclusive* ``end`` (its last day); a timed event has aware
``datetime`` values in the event's time zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from dataclasses import dataclass, field

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
# A zone is a place ("Area/City", as IANA names them) or UTC: names such as
# "localtime", "Factory", "posixrules", "EST5EDT" or "US/Eastern" are not
# places, and some follow the machine that builds the site.
_PLACE_AREAS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")


def is_place_zone(name: str) -> bool:
    """Whether ``name`` is a zone the site accepts (then ZoneInfo knows it)."""
    area, _, rest = name.partition("/")
    return name == "UTC" or (area in _PLACE_AREAS and bool(rest) and name in _known_zones())


@functools.lru_cache(maxsize=1)
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())

STATUSES = ("confirmed", "tentative", "postponed", "cancelled")
INACTIVE = ("cancelled", "postponed")  # statuses under which an occurrence does not take place
REPEATS = ("yearly", "lunar-yearly")

When = dt.date | dt.datetime  # a datetime is also a date: test datetime first


def is_all_day(value: When) -> bool:
    """True for a plain date, False for a date-time."""
    return not isinstance(value, dt.datetime)


def day_of(value: When) -> dt.date:
    """The calendar day of a date or of a date-time (in its own zone)."""
    return value.date() if isinstance(value, dt.datetime) else value


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
    directions: str | None = None  # how to get there: road, distance, parking, season


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
class Coverage:
    """An article the press published about the event (after it)."""

    outlet: str
    title: str
    url: str
    date: dt.date | None = None


@dataclass(frozen=True)
class ScheduleItem:
    """A programme item: times of day (on each occurrence's first day) or
    date-times within the event."""

    start: dt.time | dt.datetime
    title: str
    end: dt.time | dt.datetime | None = None
    place: str | None = None
    title_en: str | None = None
    place_en: str | None = None


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
    text_en: str | None = None


@dataclass(frozen=True)
class English:
    title: str | None = None
    summary: str | None = None
    description: str | None = None
    location_name: str | None = None
    status_note: str | None = None
    location_address: str | None = None
    directions: str | None = None
    price: str | None = None
    press_note: str | None = None
    image_alt: str | None = None
    image_credit: str | None = None


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
    coverage: tuple[Coverage, ...] = ()
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
class Tag:
    """An entry of the optional ``tags.yaml``: how a tag is shown."""

    id: str
    name: str
    name_en: str | None = None


@dataclass(frozen=True)
class Content:
    """A whole loaded content tree: registries and the valid events."""

    root: str
    units: tuple[Unit, ...] = ()
    categories: tuple[Category, ...] = ()
    areas: tuple[Area, ...] = ()
    events: tuple[Event, ...] = ()
    tags: tuple[Tag, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def unit(self, unit_id: str) -> Unit | None:
        return self._lookup("units", unit_id)

    def category(self, category_id: str) -> Category | None:
        return self._lookup("categories", category_id)

    def area(self, area_id: str) -> Area | None:
        return self._lookup("areas", area_id)

    def event(self, event_id: str) -> Event | None:
        return self._lookup("events", event_id)

    def tag(self, tag_id: str) -> Tag | None:
        return self._lookup("tags", tag_id)

    def _lookup(self, kind: str, key: str):
        table = self._index.get(kind)
        if table is None:
            table = {item.id: item for item in getattr(self, kind)}
            self._index[kind] = table
        return table.get(key)
