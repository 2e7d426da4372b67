"""VTIMEZONE components from the zone database, in the form every client
reads the same way.

Each change of offset is its own STANDARD or DAYLIGHT observance with a
single DTSTART: no RDATE list (ical.js, Thunderbird's parser, and vobject
read only its first value, and so put an event in Berlin after the March
change, or in New York in July, an hour off) and no RRULE (which would have
to restate the zone's rules).  The transitions are those of ``zoneinfo``
between the first and the last year the calendar needs, so the text depends
only on the zone and on the events, never on the day of the build.
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

UTC = dt.UTC
_DAY = dt.timedelta(days=1)


@functools.lru_cache(maxsize=256)
def vtimezone(tzid: str, first_year: int, last_year: int) -> str:
    """The serialised VTIMEZONE of ``tzid``, exact from 1 January of
    ``first_year`` to the end of ``last_year`` (CRLF line ends)."""
    zone = ZoneInfo(tzid)
    start = dt.datetime(first_year, 1, 1, tzinfo=UTC)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=UTC)
    first = start.astimezone(zone)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    lines += _observance(first, first.utcoffset(), first.replace(tzinfo=None))
    for moment in _transitions(zone, start, end):
        before = (moment - dt.timedelta(seconds=1)).astimezone(zone).utcoffset()
        after = moment.astimezone(zone)
        lines += _observance(after, before, (moment + before).replace(tzinfo=None))
    lines.append("END:VTIMEZONE")
    return "".join(line + "\r\n" for line in lines)


def _observance(local: dt.datetime, offset_from, starts: dt.datetime) -> list[str]:
    """One observance: what holds from ``starts`` (wall time before it)."""
    kind = "DAYLIGHT" if local.dst() else "STANDARD"
    return [f"BEGIN:{kind}", f"DTSTART:{starts:%Y%m%dT%H%M%S}", f"TZOFFSETFROM:{_offset(offset_from)}",
            f"TZOFFSETTO:{_offset(local.utcoffset())}", f"TZNAME:{local.tzname()}", f"END:{kind}"]


def _transitions(zone: ZoneInfo, start: dt.datetime, end: dt.datetime):
    """The instants (UTC, whole seconds) where the zone's offset, name or
    summer-time flag changes, found day by day then by bisection."""
    moment, state = start, _state(zone, start)
    while moment < end:
        following = min(moment + _DAY, end)
        if _state(zone, following) != state:
            low, high = moment, following
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            yield high
            moment, state = high, _state(zone, high)
        else:
            moment = following


def _state(zone: ZoneInfo, moment: dt.datetime) -> tuple:
    local = moment.astimezone(zone)
    return local.utcoffset(), local.tzname(), bool(local.dst())


def _offset(delta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")
