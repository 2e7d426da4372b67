"""iCalendar files: the site's calendar, one per category, area and unit,
and one per event.

Every occurrence is its own VEVENT with its own UID (``<key>@<host>``):
a lunar series cannot be written as an RRULE that any client understands
(RSCALE is implemented nowhere), and one VEVENT per year lets an exception
simply be that year's values.  icalendar's value types encode every value
(escaping, dates, parameters) and its Calendar makes the header once; the
content lines are put together and folded here, without the objects its
components make for each line (a 10,000-event site writes half a million), and
because its folding can leave a line ending in a lone backslash
(collective/icalendar#1501), which Google rejects.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from icalendar import Calendar, Parameters, vCategory, vDDDTypes, vGeo, vInt, vText, vUri
from icalendar import Event as VEvent
from icalendar.caselessdict import canonsort_keys
from icalendar.parser_tools import to_unicode

from ..load.config import SiteConfig
from ..model.event import Content, Event
from ..model.occurrence import Occurrence
from ..model.press import accreditation, closes, invited
from ..site import urls
from ..site.i18n import t
from . import common, press
from .common import Item, Kept
from .vtimezone import vtimezone

PRODID = "-//sukien//Lich su kien Lai Chau//VI"
DEADLINE_UID = "han-dang-ky"  # <key>.han-dang-ky@<host>: no event id holds a dot
REFRESH = "PT6H"
ICAL_STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE",
               "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
_LIMIT = 75  # octets per physical line, CRLF excluded (RFC 5545 §3.1)

Properties = dict[str, Any]  # a VEVENT's properties by upper-case name: icalendar values, or finished lines


@dataclass(frozen=True)
class _SerialisedEvent:
    """One occurrence's VEVENT, serialised once and shared by every
    calendar that lists it."""

    event: Event
    key: str
    first: dt.date
    last: dt.date
    tzids: frozenset[str]
    data: bytes


def calendars(items: list[Item], content: Content, config: SiteConfig,
              today: dt.date, kept: Kept | None = None) -> Iterator[tuple[str, bytes]]:
    """Every .ics file of the site (site-relative path, bytes), one at a
    time: each event's VEVENT is serialised once, each calendar made when
    the one before has been taken.  With ``kept``, an event's VEVENTs and
    its own calendar are given from there when an earlier build made them
    from the same inputs."""
    made = [_entries(item, content, config, kept) for item in items]
    every = sorted((shared for own, _ in made for shared in own), key=lambda shared: (shared.first, shared.key))
    oldest = today - dt.timedelta(days=config.past_days)
    current = [shared for shared in every if shared.last >= oldest]
    years = _years(every)

    def calendar(path: str, name: str, about: str, keep: Callable[[Event], bool],
                 pool: list[_SerialisedEvent] = current) -> tuple[str, bytes]:
        chosen = [shared for shared in pool if keep(shared.event)]
        return path, _calendar(path, name, about, chosen, config, years)

    site = config.site_name
    yield calendar(urls.EVENTS_ICS, site, common.word("calendar_about_all").format(site=site), lambda e: True)
    for category in content.categories:
        yield calendar(urls.feed("category", category.id), f"{site}: {category.name}",
                       common.word("calendar_about_category").format(name=category.name),
                       _matching(category.id, lambda e: e.category))
    for area in content.areas:
        yield calendar(urls.feed("area", area.id), f"{site}: {area.name}",
                       common.word("calendar_about_area").format(name=area.name),
                       _matching(area.id, lambda e: e.location.area))
    for unit in content.units:
        yield calendar(urls.feed("unit", unit.id), f"{site}: {unit.name}",
                       common.word("calendar_about_unit").format(name=unit.name),
                       _matching(unit.id, lambda e: e.unit))
    deadlines = [deadline for _, deadline in made if deadline is not None]
    yield calendar(urls.PRESS_ICS, f"{site}: {t('vi', 'press')}", common.word("calendar_about_press"), invited,
                   sorted(current + [d for d in deadlines if d.last >= oldest],
                          key=lambda shared: (shared.first, shared.key)))
    by_event: dict[str, list[_SerialisedEvent]] = {}
    for shared in every:
        by_event.setdefault(shared.event.id, []).append(shared)
    part = f"ics file {years[0]} {years[1]}"  # every VTIMEZONE of the site covers the site's years
    for item in items:
        event = item.event
        path = urls.event_ics(event.id)
        known = kept.get(item, part) if kept is not None else None
        if known is not None:
            yield path, known.encode("utf-8")
            continue
        _, data = calendar(path, common.text(event.title), common.text(event.summary),
                           lambda e: True, by_event.get(event.id, []))
        if kept is not None:
            kept.put(item, part, data.decode("utf-8"))
        yield path, data


def _entries(item: Item, content: Content, config: SiteConfig,
             kept: Kept | None) -> tuple[list[_SerialisedEvent], _SerialisedEvent | None]:
    """An item's VEVENTs: one per occurrence, and its accreditation
    deadline's when it has one (from ``kept`` when there)."""
    known = kept.get(item, "ics entries") if kept is not None else None
    if known is not None:
        own, deadline = json.loads(known)
        return [_restored(item, *entry) for entry in own], _restored(item, *deadline) if deadline else None
    made = [_serialised(item, occ, content, config) for occ in item.occurrences]
    found = accreditation(item.occurrences)
    vev = deadline_vevent(item, found.occurrence, content, config) if found is not None else None
    deadline = _serialised_vevent(vev, found.occurrence) if found is not None and vev is not None else None
    if kept is not None:
        place = {id(occ): index for index, occ in enumerate(item.occurrences)}
        if found is None or id(found.occurrence) in place:  # an occurrence of the item: its event is known again
            own = [_stored(index, shared) for index, shared in enumerate(made)]
            kept.put(item, "ics entries", json.dumps(
                [own, _stored(place[id(found.occurrence)], deadline) if found and deadline else None],
                ensure_ascii=False))
    return made, deadline


def _stored(index: int, shared: _SerialisedEvent) -> list:
    """A VEVENT as JSON: the index of its occurrence in the item (whose
    event it shows: a year of a series can have its own values), its key,
    days, zones and bytes (UTF-8)."""
    return [index, shared.key, shared.first.isoformat(), shared.last.isoformat(), sorted(shared.tzids),
            shared.data.decode("utf-8")]


def _restored(item: Item, index: int, key: str, first: str, last: str, tzids: list[str],
              data: str) -> _SerialisedEvent:
    return _SerialisedEvent(item.occurrences[index].event, key, dt.date.fromisoformat(first),
                            dt.date.fromisoformat(last), frozenset(tzids), data.encode("utf-8"))


def _matching(key: str, value: Callable[[Event], str | None]) -> Callable[[Event], bool]:
    """Keep the events whose ``value`` is ``key`` (bound here, not when the loop has moved on)."""
    return lambda event: value(event) == key


def _serialised(item: Item, occ: Occurrence, content: Content, config: SiteConfig) -> _SerialisedEvent:
    return _serialised_vevent(vevent(item, occ, content, config), occ)


def _serialised_vevent(vev: Properties, occ: Occurrence) -> _SerialisedEvent:
    """A VEVENT of ``occ`` (the occurrence's own, or its deadline's), dated
    by its own start and kept in the calendars as long as the occurrence."""
    tzids = frozenset(str(vev[name].params["TZID"]) for name in ("DTSTART", "DTEND")
                      if name in vev and "TZID" in vev[name].params)
    start = vev["DTSTART"].dt
    first = start.astimezone(occ.zone).date() if isinstance(start, dt.datetime) else start
    return _SerialisedEvent(occ.event, str(vev["UID"]).rsplit("@", 1)[0], first, occ.last_day, tzids,
                            serialise(vev))


def _calendar_zone(entries: list[_SerialisedEvent], config: SiteConfig) -> str:
    """The events' own zone when they all share one (an event in Paris has
    its own .ics), else the site's."""
    used = set().union(*(shared.tzids for shared in entries)) if entries else set()
    return next(iter(used)) if len(used) == 1 else config.timezone


def _calendar(path: str, name: str, about: str, entries: list[_SerialisedEvent],
              config: SiteConfig, years: tuple[int, int]) -> bytes:
    """The VCALENDAR: its own properties (see :func:`_header`), then the
    shared, already serialised VTIMEZONEs and VEVENTs."""
    given = {"UID": f"{path}@{config.host}", "NAME": common.text(name), "X-WR-CALNAME": common.text(name),
             "DESCRIPTION": common.text(about), "X-WR-CALDESC": common.text(about),
             "X-WR-TIMEZONE": _calendar_zone(entries, config), "SOURCE": common.site_root(config) + path}
    head, end = _header(config.host, common.site_root(config))
    lines = [line if isinstance(line, bytes) else fold(_filled(*line, given[line[0]])) for line in head]
    tzids = sorted({config.timezone}.union(*(shared.tzids for shared in entries)))
    return b"".join([*lines, *(_vtimezone(t, *years) for t in tzids), *(e.data for e in entries), end])


_GIVEN = "sukien-given"  # stands for a calendar's own value in the template


@functools.lru_cache(maxsize=8)
def _header(host: str, root: str) -> tuple[list[bytes | tuple[str, str, type]], bytes]:
    """The lines of a VCALENDAR's own properties, made once by icalendar
    with a stand-in for each value that differs between calendars: a
    finished line, or what makes that line from the calendar's value (its
    name, its parameters, its value type); then the closing line."""
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("uid", _GIVEN)
    cal.add("name", vText(_GIVEN))
    cal.add("x-wr-calname", vText(_GIVEN))
    cal.add("description", vText(_GIVEN))
    cal.add("x-wr-caldesc", vText(_GIVEN))
    cal.add("x-wr-timezone", _GIVEN)
    cal.add("url", root)
    cal.add("source", _GIVEN, parameters={"VALUE": "URI"})
    cal.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    *head, (end_name, end_value) = cal.property_items()
    lines: list[bytes | tuple[str, str, type]] = []
    for name, value in head:
        params = getattr(value, "params", None)
        given = str(value) == _GIVEN
        lines.append((name, _parameters(params) if params else "", type(value)) if given
                     else fold(content_line(name, value)))
    return lines, fold(content_line(end_name, end_value))


def _filled(name: str, params: str, kind: type, value: str) -> str:
    """A header line of :func:`_header` with its calendar's value."""
    text = to_unicode(kind(value).to_ical())
    return unicodedata.normalize("NFC", f"{name};{params}:{text}" if params else f"{name}:{text}")


@functools.lru_cache(maxsize=256)
def _vtimezone(tzid: str, first_year: int, last_year: int) -> bytes:
    return vtimezone(tzid, first_year, last_year).encode("utf-8")


def _years(entries: list[_SerialisedEvent]) -> tuple[int, int]:
    """The years every VTIMEZONE of the site covers: those of all its
    events, a year either side (a date-time near New Year is in another
    year in UTC); a site without events takes the year 2000.  A zone's
    VTIMEZONE is the same text in every file: some clients (vobject) keep
    the first one they read for a TZID."""
    if not entries:
        return 2000, 2000
    return min(e.first.year for e in entries) - 1, max(e.last.year for e in entries) + 1


def vevent(item: Item, occ: Occurrence, content: Content, config: SiteConfig) -> Properties:
    """One occurrence as a VEVENT's properties."""
    event = occ.event
    vev = _stamped(item, occ, f"{occ.key}@{config.host}")
    vev.update(_times(occ))
    vev["SUMMARY"] = vText(common.title(occ))
    vev["DESCRIPTION"] = vText(_description(item, occ, content))
    vev["LOCATION"] = vText(common.place(event.location, content))
    if event.location.geo:
        vev["GEO"] = vGeo(event.location.geo)
    vev["URL"] = _uri(item.url)
    category = content.category(event.category)
    names = [category.name if category else event.category, *event.tags]
    vev["CATEGORIES"] = _shared("CATEGORIES", vCategory, tuple(common.text(name) for name in names))
    _add_kind(vev, occ)
    vev["CONTACT"] = _shared("CONTACT", vText, common.contact_line(event))
    if item.image:
        vev["IMAGE"] = vUri(item.image, params={"VALUE": "URI", "DISPLAY": "BADGE"})
    return vev


def _stamped(item: Item, occ: Occurrence, uid: str) -> Properties:
    """A VEVENT with its identity and the occurrence's revision stamps (UTC)."""
    history = item.history
    modified, created = common.utc(history.last_modified), common.utc(history.created)
    return {"UID": vText(uid), "DTSTAMP": _shared("DTSTAMP", vDDDTypes, modified),
            "CREATED": _shared("CREATED", vDDDTypes, created),
            "LAST-MODIFIED": _shared("LAST-MODIFIED", vDDDTypes, modified),
            "SEQUENCE": _shared("SEQUENCE", vInt, common.sequence(item, occ))}


def _add_kind(vev: Properties, occ: Occurrence) -> None:
    """STATUS, and what every entry is: public, taking no time in a planner."""
    vev["STATUS"] = _shared("STATUS", vText, ICAL_STATUS.get(occ.status, "CONFIRMED"))
    vev["CLASS"] = _shared("CLASS", vText, "PUBLIC")
    vev["TRANSP"] = _shared("TRANSP", vText, "TRANSPARENT")


@functools.lru_cache(maxsize=4096)
def _shared(name: str, kind: type, value: str | int | tuple[str, ...] | dt.datetime) -> bytes:
    """The finished line of a value that many entries share (a status, a
    contact, a category list, a revision stamp), made once.  Only for
    values whose equals are written the same: plain strings, integers,
    tuples of strings, and UTC date-times."""
    return fold(content_line(name, kind(value)))


def _uri(url: str) -> vUri:
    return vUri(url, params={"VALUE": "URI"})


def deadline_vevent(item: Item, occ: Occurrence, content: Content, config: SiteConfig) -> Properties | None:
    """The accreditation deadline of ``occ`` as its own entry of the press
    calendar: at the deadline (all-day for a date), with the UID of the
    occurrence plus a suffix, and the occurrence's status (cancelled with
    it)."""
    found = press.facts(item, occ)
    if found is None or found.deadline is None:
        return None
    deadline = found.deadline
    vev = _stamped(item, occ, f"{occ.key}.{DEADLINE_UID}@{config.host}")
    if isinstance(deadline, dt.datetime):
        vev["DTSTART"] = vDDDTypes(_local(deadline, occ.zone))
    else:
        vev["DTSTART"] = vDDDTypes(deadline)
        vev["DTEND"] = vDDDTypes(closes(deadline, occ.event.timezone).date())  # the day after, when it closes
    prefix = common.mark(occ)
    title = common.title(occ).removeprefix(prefix)
    vev["SUMMARY"] = vText(prefix + t("vi", "deadline_entry").format(title=title))
    lines = [f"{common.word('feed_event')}: {common.headline(occ, content)}", "", *press.text_lines(found), "",
             f"{common.word('feed_details')}: {item.url}"]
    vev["DESCRIPTION"] = vText("\n".join(lines))
    vev["URL"] = _uri(item.url)
    vev["CATEGORIES"] = _shared("CATEGORIES", vCategory, (t("vi", "press"),))
    _add_kind(vev, occ)
    vev["CONTACT"] = _shared("CONTACT", vText, common.contact_text(found.contact))
    return vev


def _times(occ: Occurrence) -> Properties:
    """All-day: DATE values and an exclusive DTEND.  Timed: the event's zone
    (so a VTIMEZONE is written); no end: no DTEND (RFC 5545 §3.6.1)."""
    if occ.all_day:
        return {"DTSTART": vDDDTypes(occ.first_day), "DTEND": vDDDTypes(occ.exclusive_end_day)}
    times = {"DTSTART": vDDDTypes(_local(occ.begins, occ.zone))}
    if isinstance(occ.end, dt.datetime) and occ.ends > occ.begins:
        times["DTEND"] = vDDDTypes(_local(occ.ends, occ.zone))
    return times


def _local(moment: dt.datetime, zone) -> dt.datetime:
    """The moment in its zone's wall time, or in UTC when that wall time
    happens twice (the hour the clocks go back): clients disagree on which
    of the two a TZID time means, and none on a UTC one."""
    local = moment.astimezone(zone)
    plain = local.replace(tzinfo=None)
    if plain.replace(tzinfo=zone, fold=0).utcoffset() != plain.replace(tzinfo=zone, fold=1).utcoffset():
        return moment.astimezone(dt.UTC)
    return local


def _description(item: Item, occ: Occurrence, content: Content) -> str:
    event = occ.event
    lines: list[str] = []
    status = common.status_word(occ.status)
    if status:
        note = common.text(occ.status_note)
        lines += [f"{status}: {note}" if note else f"{status}.", ""]
    lines.append(common.text(event.summary))
    body = common.markdown_text(event.description)
    if body:
        lines += ["", body]
    when = common.dates_and_lunar(occ)
    unit = content.unit(event.unit)
    word = common.word
    lines += ["", f"{word('when')}: {when}", f"{word('where')}: {common.place(event.location, content)}"]
    lines += [f"{label}: {value}" for label, value in common.directions_fact(event)]
    if unit:
        lines.append(f"{word('organizer')}: {common.text(unit.name)}")
    lines.append(f"{word('feed_contact')}: {common.contact_line(event)}")
    if event.online_url:
        lines.append(f"{word('online')}: {event.online_url}")
    found = press.facts(item, occ)
    if found is not None:
        lines += ["", *press.text_lines(found), ""]
    lines.append(f"{word('feed_details')}: {item.url}")
    return "\n".join(lines)


def serialise(vev: Properties) -> bytes:
    """RFC 5545 bytes of a VEVENT, its properties in icalendar's order: NFC,
    CRLF, lines of at most 75 octets folded between whole characters and
    never right after an escaping backslash (icalendar's own folding is not
    used)."""
    lines = (value if isinstance(value := vev[name], bytes) else fold(content_line(name, value))
             for name in _order(tuple(vev)))
    return b"".join([b"BEGIN:VEVENT\r\n", *lines, b"END:VEVENT\r\n"])


@functools.lru_cache(maxsize=64)
def _order(names: tuple[str, ...]) -> list[str]:
    """icalendar's order of a VEVENT's properties: its canonical ones first,
    then by name."""
    return canonsort_keys(names, VEvent.canonical_order)


def content_line(name: str, value) -> str:
    """One property as its unfolded content line, NFC: what icalendar's
    ``Contentline.from_parts`` makes of it (the value's own ``to_ical``, its
    parameters' ``to_ical``), without the objects it makes on the way."""
    if not hasattr(value, "to_ical"):
        value = vText(value)
    text = to_unicode(value.to_ical())
    params = getattr(value, "params", None)
    head = _parameters(params) if params else ""
    line = f"{name};{head}:{text}" if head else f"{name}:{text}"
    if "\n" in line:  # as icalendar's Contentline refuses it: a raw line break would end the line
        raise ValueError(f"content line {name} holds an unescaped line break")
    return unicodedata.normalize("NFC", line)


def _parameters(params: Parameters) -> str:
    return to_unicode(params.to_ical(sorted=True))


def fold(line: str) -> bytes:
    """One content line as physical lines, each ending in CRLF: at most 75
    octets (74 after the folding space), cut on the UTF-8 bytes at a
    character's first byte (see :func:`_cut`)."""
    data = line.encode("utf-8")
    if len(data) <= _LIMIT:
        return data + b"\r\n"
    pieces = []
    start, limit = 0, _LIMIT
    while len(data) - start > limit:
        end = start + limit  # the first octet that does not fit...
        while data[end] & 0xC0 == 0x80:  # ...or the first of its character
            end -= 1
        cut = _cut(data, start, end)
        pieces.append(data[start:cut])
        start, limit = cut, _LIMIT - 1
    pieces.append(data[start:])
    return b"\r\n ".join(pieces) + b"\r\n"


_BACKSLASH, _BLANKS = 0x5C, (0x20, 0x09)


def _cut(data: bytes, start: int, end: int) -> int:
    """Where to fold the piece ``data[start:end]`` (the character at ``end``
    does not fit): never right after an odd run of backslashes (the fold
    would split an escape) and, within 8 characters, not before white space
    (some unfolders eat it all); the piece whole when no place is right,
    which only white space all along can cause (a piece ending in an odd
    run is right one character back).  A piece has 18 characters at least."""
    if data[end - 1] != _BACKSLASH and data[end] not in _BLANKS:
        return end  # nearly every fold
    cut = end
    for _ in range(8):
        if not _odd_backslashes(data[start:cut]) and data[cut] not in _BLANKS:
            return cut
        cut -= 1
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
    return end


def _odd_backslashes(piece: bytes) -> bool:
    return (len(piece) - len(piece.rstrip(b"\\"))) % 2 == 1
