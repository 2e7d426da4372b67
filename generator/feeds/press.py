"""The "Dành cho báo chí" block of every feed entry of an event the press
is invited to: the invitation, the accreditation deadline (weekday, date
and time, as on the event's page), whom to call and the press note, as
plain text (iCalendar), as HTML (RSS, Atom, JSON Feed) and as data
(JSON Feed's ``_sukien``).  Events without an invitation get nothing.

Nothing here reads the clock: a feed states the deadline, the page and
its script say whether it has closed.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from ..model.event import Contact, When
from ..model.occurrence import Occurrence
from ..model.press import accreditation, closes, invited, press_contact
from ..site.i18n import deadline_label, t
from . import common
from .common import Item


@dataclass(frozen=True)
class Facts:
    """What a reporter needs about one occurrence."""

    deadline: When | None
    closes: dt.datetime | None
    for_year: int | None  # a series: the edition the deadline is for, when not this one
    contact: Contact
    note: str | None


def facts(item: Item, occ: Occurrence) -> Facts | None:
    """The press facts of ``occ``, or None when the press is not invited."""
    event = occ.event
    if not invited(event) or event.press is None:
        return None
    deadline = event.press.accreditation_deadline
    found = accreditation(item.occurrences)
    owner = found.occurrence if found is not None else None
    for_year = owner.year if event.repeat and owner is not None and owner.key != occ.key else None
    end = closes(deadline, event.timezone) if deadline is not None else None
    return Facts(deadline, end, for_year, press_contact(event), event.press.note)


def rows(found: Facts, lang: str = "vi") -> list[tuple[str, str]]:
    """(label, plain text) pairs, in the order of the event page."""
    result = [(t(lang, "press_invited"), t(lang, "yes"))]
    if found.deadline is not None:
        when = deadline_label(found.deadline, lang)
        if found.for_year is not None:
            when += f" ({t(lang, 'deadline_for_year').format(year=found.for_year)})"
        result.append((t(lang, "accreditation"), when))
    result.append((t(lang, "press_contact"), common.contact_text(found.contact)))
    note = common.text(found.note)
    if note:
        result.append((t(lang, "press_note"), note))
    return result


def text_lines(found: Facts, lang: str = "vi") -> list[str]:
    """The block as plain lines (an iCalendar DESCRIPTION)."""
    return [f"{t(lang, 'press')}:", *(f"- {label}: {value}" for label, value in rows(found, lang))]


def html_block(found: Facts, lang: str = "vi") -> str:
    """The block as HTML (a feed entry's content)."""
    esc = html.escape
    items = "".join(f"<li><strong>{esc(label)}:</strong> {esc(value)}</li>" for label, value in rows(found, lang))
    return f"<p><strong>{esc(t(lang, 'press'))}</strong></p>\n<ul>{items}</ul>"


def json_fields(found: Facts) -> dict:
    """The facts as data: ``accreditation_deadline`` is ISO 8601 with its
    offset (a date deadline: the last second of its day)."""
    data: dict[str, object] = {"press_invited": True, "accreditation_deadline": None}
    if found.closes is not None:
        last = found.closes if isinstance(found.deadline, dt.datetime) else found.closes - dt.timedelta(seconds=1)
        data["accreditation_deadline"] = last.isoformat(timespec="seconds")
    contact = found.contact
    data["press_contact"] = {"name": common.text(contact.name), "phone": contact.phone, "email": contact.email}
    data["press_note"] = common.text(found.note) or None
    return data
