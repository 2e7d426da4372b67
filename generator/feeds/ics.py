"""iCalendar files: the site's calendar, one per category, area and unit,
and one per event.

Every occurrence is its own VEVENT with its own UID (``<key>@<host>``):
a lunar series cannot be written as an RRULE that any client understands
(RSCALE is implemented nowhere), and one VEVENT per year lets an exception
simply be that year's values.  icalendar builds the components; the bytes
are then refolded here, because its folding can leave a line ending in a
lone backslash (collective/icalendar#1501), which Google rejects.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from icalendar import Calendar, vText
from icalendar import Event as VEvent

from ..load.config import SiteConfig
from ..model.event import Content, Event
from ..model.occurrence import Occurrence
from ..model.press import accreditation, closes, invited
from ..site import urls
from ..site.i18n import t
from . import common, press
from .common import Item
from .vtimezone import vtimezone

PRODID = "-//sukien//Lich su kien Lai Chau//VI"
DEADLINE_UID = "han-dang-ky"  # <key>.han-dang-ky@<host>: no event id holds a dot
REFRESH = "PT6H"
ICAL_STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE",
               "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
_LIMIT = 75  # octets per physical line, CRLF excluded (RFC 5545 §3.1)


@dataclass(frozen=True)
class _SerialisedEvent:
    """One occurrence's VEVENT, serialised once and shared by every
    calendar that lists it."""

    event: Event
    key: str
    first: dt.date
    last: dt.date
    tzids: frozenset[str]
    text: str


def calendars(items: list[Item], content: Content, config: SiteConfig,
              today: dt.date) -> dict[str, bytes]:
    """Every .ics file of the site, by site-relative path."""
    every = sorted((_serialised(item, occ, content, config) for item in items for occ in item.occurrences),
                   key=lambda shared: (shared.first, shared.key))
    oldest = today - dt.timedelta(days=config.past_days)
    current = [shared for shared in every if shared.last >= oldest]
    years = _years(every)

    def calendar(path: str, name: str, about: str, keep: Callable[[Event], bool],
                 pool: list[_SerialisedEvent] = current) -> tuple[str, bytes]:
        chosen = [shared for shared in pool if keep(shared.event)]
        return path, _calendar(path, name, about, chosen, config, years).encode("utf-8")

    site = config.site_name
    files = dict([calendar(urls.EVENTS_ICS, site,
                           common.word("calendar_about_all").format(site=site), lambda e: True)])
    for category in content.categories:
        files.update([calendar(urls.feed("category", category.id), f"{site}: {category.name}",
                               common.word("calendar_about_category").format(name=category.name),
                               _matching(category.id, lambda e: e.category))])
    for area in content.areas:
        files.update([calendar(urls.feed("area", area.id), f"{site}: {area.name}",
                               common.word("calendar_about_area").format(name=area.name),
                               _matching(area.id, lambda e: e.location.area))])
    for unit in content.units:
        files.update([calendar(urls.feed("unit", unit.id), f"{site}: {unit.name}",
                               common.word("calendar_about_unit").format(name=unit.name),
                               _matching(unit.id, lambda e: e.unit))])
    deadlines = [_serialised_vevent(vev, found.occurrence) for item in items
                 if (found := accreditation(item.occurrences)) is not None
                 and (vev := deadline_vevent(item, found.occurrence, content, config)) is not None]
    files.update([calendar(urls.PRESS_ICS, f"{site}: {t('vi', 'press')}",
                           common.word("calendar_about_press"), invited,
                           sorted(current + [d for d in deadlines if d.last >= oldest],
                                  key=lambda shared: (shared.first, shared.key)))])
    by_event: dict[str, list[_SerialisedEvent]] = {}
    for shared in every:
        by_event.setdefault(shared.event.id, []).append(shared)
    for item in items:
        event = item.event
        files.update([calendar(urls.event_ics(event.id), common.text(event.title),
                               common.text(event.summary), lambda e: True,
                               by_event.get(event.id, []))])
    return files


def _matching(key: str, value: Callable[[Event], str | None]) -> Callable[[Event], bool]:
    """Keep the events whose ``value`` is ``key`` (bound here, not when the loop has moved on)."""
    return lambda event: value(event) == key


def _serialised(item: Item, occ: Occurrence, content: Content, config: SiteConfig) -> _SerialisedEvent:
    return _serialised_vevent(vevent(item, occ, content, config), occ)


def _serialised_vevent(vev: VEvent, occ: Occurrence) -> _SerialisedEvent:
    """A VEVENT of ``occ`` (the occurrence's own, or its deadline's), dated
    by its own start and kept in the calendars as long as the occurrence."""
    tzids = frozenset(str(vev[name].params["TZID"]) for name in ("dtstart", "dtend")
                      if name in vev and "TZID" in vev[name].params)
    start = vev.decoded("dtstart")
    first = start.astimezone(occ.zone).date() if isinstance(start, dt.datetime) else start
    return _SerialisedEvent(occ.event, str(vev["uid"]).rsplit("@", 1)[0], first, occ.last_day, tzids,
                            serialise(vev))


def _calendar_zone(entries: list[_SerialisedEvent], config: SiteConfig) -> str:
    """The events' own zone when they all share one (an event in Paris has
    its own .ics), else the site's."""
    used = set().union(*(shared.tzids for shared in entries)) if entries else set()
    return next(iter(used)) if len(used) == 1 else config.timezone


def _calendar(path: str, name: str, about: str, entries: list[_SerialisedEvent],
              config: SiteConfig, years: tuple[int, int]) -> str:
    """The VCALENDAR: its own properties from icalendar, then the shared,
    already serialised VTIMEZONEs and VEVENTs."""
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("uid", f"{path}@{config.host}")
    cal.add("name", vText(common.text(name)))
    cal.add("x-wr-calname", vText(common.text(name)))
    cal.add("description", vText(common.text(about)))
    cal.add("x-wr-caldesc", vText(common.text(about)))
    cal.add("x-wr-timezone", _calendar_zone(entries, config))
    cal.add("url", common.site_root(config))
    cal.add("source", common.site_root(config) + path, parameters={"VALUE": "URI"})
    cal.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    head, end = serialise(cal).rsplit("END:VCALENDAR", 1)
    tzids = sorted({config.timezone}.union(*(shared.tzids for shared in entries)))
    return "".join([head, *(vtimezone(t, *years) for t in tzids), *(e.text for e in entries), "END:VCALENDAR", end])


def _years(entries: list[_SerialisedEvent]) -> tuple[int, int]:
    """The years every VTIMEZONE of the site covers: those of all its
    events, a year either side (a date-time near New Year is in another
    year in UTC); a site without events takes the year 2000.  A zone's
    VTIMEZONE is the same text in every file: some clients (vobject) keep
    the first one they read for a TZID."""
    if not entries:
        return 2000, 2000
    return min(e.first.year for e in entries) - 1, max(e.last.year for e in entries) + 1


def vevent(item: Item, occ: Occurrence, content: Content, config: SiteConfig) -> VEvent:
    """One occurrence as a VEVENT."""
    event = occ.event
    vev = _stamped(item, occ, f"{occ.key}@{config.host}")
    _add_times(vev, occ)
    vev.add("summary", vText(common.title(occ)))
    vev.add("description", vText(_description(item, occ, content)))
    vev.add("location", vText(common.place(event.location, content)))
    if event.location.geo:
        vev.add("geo", event.location.geo)
    vev.add("url", item.url, parameters={"VALUE": "URI"})
    category = content.category(event.category)
    names = [category.name if category else event.category, *event.tags]
    vev.add("categories", [common.text(name) for name in names])
    vev.add("status", ICAL_STATUS.get(occ.status, "CONFIRMED"))
    vev.add("class", "PUBLIC")
    vev.add("transp", "TRANSPARENT")
    vev.add("contact", vText(common.contact_line(event)))
    if item.image:
        vev.add("image", item.image, parameters={"VALUE": "URI", "DISPLAY": "BADGE"})
    return vev


def _stamped(item: Item, occ: Occurrence, uid: str) -> VEvent:
    """A VEVENT with its identity and the occurrence's revision stamps."""
    history = item.history
    vev = VEvent()
    vev.add("uid", uid)
    vev.add("dtstamp", common.utc(history.last_modified))
    vev.add("created", common.utc(history.created))
    vev.add("last-modified", common.utc(history.last_modified))
    vev.add("sequence", common.sequence(item, occ))
    return vev


def deadline_vevent(item: Item, occ: Occurrence, content: Content, config: SiteConfig) -> VEvent | None:
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
        vev.add("dtstart", _local(deadline, occ.zone))
    else:
        vev.add("dtstart", deadline)
        vev.add("dtend", closes(deadline, occ.event.timezone).date())  # the day after, when it closes
    prefix = common.mark(occ)
    title = common.title(occ).removeprefix(prefix)
    vev.add("summary", vText(prefix + t("vi", "deadline_entry").format(title=title)))
    lines = [f"{common.word('feed_event')}: {common.headline(occ, content)}", "", *press.text_lines(found), "",
             f"{common.word('feed_details')}: {item.url}"]
    vev.add("description", vText("\n".join(lines)))
    vev.add("url", item.url, parameters={"VALUE": "URI"})
    vev.add("categories", [t("vi", "press")])
    vev.add("status", ICAL_STATUS.get(occ.status, "CONFIRMED"))
    vev.add("class", "PUBLIC")
    vev.add("transp", "TRANSPARENT")
    vev.add("contact", vText(common.contact_text(found.contact)))
    return vev


def _add_times(vev: VEvent, occ: Occurrence) -> None:
    """All-day: DATE values and an exclusive DTEND.  Timed: the event's zone
    (so a VTIMEZONE is written); no end: no DTEND (RFC 5545 §3.6.1)."""
    if occ.all_day:
        vev.add("dtstart", occ.first_day)
        vev.add("dtend", occ.exclusive_end_day)
        return
    vev.add("dtstart", _local(occ.begins, occ.zone))
    if isinstance(occ.end, dt.datetime) and occ.ends > occ.begins:
        vev.add("dtend", _local(occ.ends, occ.zone))


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


def serialise(component) -> str:
    """RFC 5545 text of a component: NFC, CRLF, lines of at most 75 octets
    folded between whole characters and never right after an escaping
    backslash (icalendar's own folding is not used)."""
    return "".join(fold(unicodedata.normalize("NFC", str(line)))
                   for line in component.content_lines() if line)


def fold(line: str) -> str:
    """One content line as physical lines, each ending in CRLF."""
    if len(line) * 4 <= _LIMIT or len(line.encode("utf-8")) <= _LIMIT:
        return line + "\r\n"
    pieces: list[str] = []
    current, size, limit = "", 0, _LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            head, current = _cut(current, char)
            pieces.append(head)
            size, limit = len(current.encode("utf-8")), _LIMIT - 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces) + "\r\n"


def _cut(piece: str, following: str) -> tuple[str, str]:
    """Where to fold ``piece``: never right after an odd run of backslashes
    (the fold would split an escape) and, within a few characters, not
    before white space (some unfolders eat it all)."""
    for keep in range(len(piece), max(len(piece) - 8, 1), -1):
        if not _odd_backslashes(piece[:keep]) and (piece[keep:] + following)[0] not in " \t":
            return piece[:keep], piece[keep:]
    keep = len(piece) - (1 if _odd_backslashes(piece) else 0)
    return piece[:keep], piece[keep:]


def _odd_backslashes(piece: str) -> bool:
    return (len(piece) - len(piece.rstrip("\\"))) % 2 == 1
