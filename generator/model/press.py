"""The press side of an event: whether reporters are invited, whom they
call, and the accreditation deadline: when it closes and which occurrence
it is for.  Feeds and pages ask here; none recomputes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from .event import Contact, Event, When
from .occurrence import Occurrence


def invited(event: Event) -> bool:
    """True when the event invites the press (``press.invited``)."""
    return event.press is not None and event.press.invited


def press_contact(event: Event) -> Contact:
    """Whom a reporter calls: the press contact, else the official one."""
    if event.press is not None and event.press.contact is not None:
        return event.press.contact
    return event.contact


def closes(deadline: When, timezone: str) -> dt.datetime:
    """The instant a deadline closes: its own time, or the local midnight
    after its day (a date deadline runs to the end of that day)."""
    if isinstance(deadline, dt.datetime):
        return deadline
    return dt.datetime.combine(deadline + dt.timedelta(days=1), dt.time(), ZoneInfo(timezone))


def is_closed(deadline: When, timezone: str, now: dt.datetime) -> bool:
    return now >= closes(deadline, timezone)


def deadline_owner(occurrences: Sequence[Occurrence]) -> Occurrence | None:
    """The occurrence the event's accreditation deadline is for: the first
    one that ends after the deadline closes (a series gives one date, for
    its next edition); a single event's own occurrence in any case."""
    if not occurrences:
        return None
    event = occurrences[0].event
    if not invited(event) or event.press is None or event.press.accreditation_deadline is None:
        return None
    if not event.repeat:
        return occurrences[0]
    end = closes(event.press.accreditation_deadline, event.timezone)
    return next((occ for occ in occurrences if occ.ends > end), None)
