"""The press side of an event: whether reporters are invited, whom they
call, and the accreditation deadline: when it closes and which occurrence
it is for.  Feeds and pages ask here; none recomputes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Accreditation:
    """An accreditation deadline and the occurrence it is for."""

    occurrence: Occurrence
    deadline: When
    closes: dt.datetime  # the instant it closes

    def is_closed(self, now: dt.datetime) -> bool:
        return now >= self.closes


def accreditation(occurrences: Sequence[Occurrence]) -> Accreditation | None:
    """The event's accreditation deadline (``occurrences`` are all of one
    event's) and the occurrence it is for: the first one that ends after it
    closes (a series gives one date, for its next edition); a single
    event's own occurrence in any case.  None without an invitation or a
    deadline."""
    if not occurrences:
        return None
    event = occurrences[0].event
    if not invited(event) or event.press is None or event.press.accreditation_deadline is None:
        return None
    deadline = event.press.accreditation_deadline
    end = closes(deadline, event.timezone)
    owner = occurrences[0] if not event.repeat else next((occ for occ in occurrences if occ.ends > end), None)
    return Accreditation(owner, deadline, end) if owner is not None else None
