"""What every feed says the same way: URLs, titles, dates and places in
Vietnamese, clean plain text, and which occurrences are current."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..load.config import SiteConfig
from ..vcs.history import EventHistory
from ..model.event import Contact, Content, Event, Location
from ..model import lunar
from ..model.occurrence import Occurrence
from ..site import places, urls
from ..site.i18n import lunar_label, numeric_when, t
from ..site.richtext import plain_text, render_markdown
from .jsonwriter import Written, written

UTC = dt.UTC
LANG = "vi"  # the feeds' language


def word(key: str) -> str:
    """A word of the feeds, from the site's words (generator.site.i18n)."""
    return t(LANG, key)


def status_word(status: str) -> str:
    """'Đã hủy', 'Hoãn', 'Dự kiến'; '' for a confirmed occurrence."""
    return word(status)


@dataclass(frozen=True)
class Item:
    """An event as the feeds see it: its occurrences and its history."""

    event: Event
    occurrences: tuple[Occurrence, ...]
    history: EventHistory
    url: str
    image: str | None = None  # absolute URL of the event's image

    def current(self, now: dt.datetime) -> Occurrence | None:
        """The next occurrence not yet over at ``now``, else the last one."""
        return next((occ for occ in self.occurrences if not occ.is_over(now)),
                    self.occurrences[-1] if self.occurrences else None)


class Kept(Protocol):
    """Texts kept by all that an item's entries read beside the item
    (:mod:`generator.pipeline.feed_memo`): ``part`` names which text."""

    def get(self, item: Item, part: str) -> str | None: ...

    def put(self, item: Item, part: str, text: str) -> None: ...


def kept_json(item: Item, part: str, kept: Kept | None, make: Callable[[], object]) -> Written:
    """The JSON text of the data ``make`` gives for ``item``
    (:mod:`~generator.feeds.jsonwriter`), as an earlier build wrote it,
    else written (and kept) now."""
    known = kept.get(item, part) if kept is not None else None
    if known is not None:
        return Written(known)
    text = written(make())
    if kept is not None:
        kept.put(item, part, text.text)
    return text


@functools.lru_cache(maxsize=4096)
def markdown_html(source: str | None) -> str:
    """Sanitised HTML of a Markdown field (richtext), once per text: every
    description appears in several feeds."""
    return render_markdown(source)


@functools.lru_cache(maxsize=4096)
def markdown_text(source: str | None) -> str:
    """Plain text of a Markdown field, cleaned like every other text."""
    return text(plain_text(source))


def sequence(item: Item, occ: Occurrence) -> int:
    """An occurrence's SEQUENCE, for the calendars and open data alike: from
    history; an event git never saw whose occurrence is already cancelled
    or postponed has necessarily changed once since it was announced."""
    if item.history.tracked:
        return item.history.sequence
    return 0 if occ.is_active else 1


def site_root(config: SiteConfig) -> str:
    url = config.site_url
    return url if url.endswith("/") else url + "/"


def event_url(config: SiteConfig, event_id: str) -> str:
    return urls.absolute(config.site_url, urls.event("vi", event_id))


def event_ics_url(config: SiteConfig, event_id: str) -> str:
    return urls.absolute(config.site_url, urls.event_ics(event_id))


@functools.lru_cache(maxsize=16384)
def text(value: str | None) -> str:
    """Plain text for feeds, exactly as written (NFC, trimmed): a title such
    as '<<Lai Châu – Điểm hẹn>>' or 'A&amp;B' is text, never markup, and
    each feed's writer escapes it for its format (XML, iCalendar, JSON).
    Nothing is parsed as HTML here: that would eat the text's '<' and '&'."""
    if not value:
        return ""
    return unicodedata.normalize("NFC", value).strip()


def title(occ: Occurrence) -> str:
    """Status prefix and title, with the year for an occurrence of a series."""
    event = occ.event
    year = f" ({occ.year})" if event.repeat else ""
    return f"{mark(occ)}{text(event.title)}{year}"


def mark(occ: Occurrence) -> str:
    """The title's status mark ("[ĐÃ HỦY] "), empty while it takes place."""
    return "" if occ.is_active else word(f"mark_{occ.status}") + " "


def headline(occ: Occurrence, content: Content) -> str:
    """Status, title, date and place: what a reader sorting by announcement
    needs.  The date is said once: not the series' year as well, nor a
    '(9/11)' that ends the title and names the same day."""
    name = text(occ.event.title)
    found = _DAY_IN_TITLE.search(name)
    if found and (int(found.group(1)), int(found.group(2))) == (occ.first_day.day, occ.first_day.month):
        name = name[:found.start()]
    when = numeric_when(occ.start, occ.end, LANG)
    return f"{mark(occ)}{name} — {when}, {place(occ.event.location, content, short=True)}"


_DAY_IN_TITLE = re.compile(r"\s*\((\d{1,2})/(\d{1,2})\)$")


def _lunar_note(occ: Occurrence) -> str:
    """' (ngày 14–15 tháng 2 âm lịch)' after the date of a lunar-yearly
    occurrence, '' for any other."""
    days = lunar.span(occ)
    return f" ({lunar_label(*days, 'vi').lower()})" if days else ""


def directions_fact(event: Event) -> list[tuple[str, str]]:
    """('Đường đi', how to get there) when the event's location says it."""
    directions = text(event.location.directions)
    return [(word("directions"), directions)] if directions else []


def summary(occ: Occurrence) -> str:
    """A feed entry's summary: a lunar festival's lunar date, then the summary."""
    days = lunar.span(occ)
    prefix = f"{lunar_label(*days, 'vi')}. " if days else ""
    return prefix + text(occ.event.summary)


def place(location: Location, content: Content, *, short: bool = False, lang: str = LANG) -> str:
    """The full address (name, address, commune/ward); ``short``: name and area."""
    area = content.area(location.area) if location.area else None
    parts = [location.name] + ([] if short else [location.address or ""])
    if area is not None:
        parts.append((area.name_en if lang == "en" else None) or area.name)
    return ", ".join(places.distinct(text(p) for p in parts))  # an address often names its commune


def dates_and_lunar(occ: Occurrence) -> str:
    """The occurrence's dates, with its lunar dates for a lunar series
    ('14/3 – 15/3/2026 (ngày 14–15 tháng 2 âm lịch)')."""
    return numeric_when(occ.start, occ.end, LANG) + _lunar_note(occ)


def contact_line(event: Event) -> str:
    return contact_text(event.contact)


def contact_text(contact: Contact) -> str:
    """'Name, phone, e-mail' (what is given)."""
    return ", ".join(text(part) for part in (contact.name, contact.phone, contact.email) if part)


def utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(UTC)


def rfc3339(value: dt.datetime) -> str:
    return utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")
