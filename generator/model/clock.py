"""The build's notion of "now".

Only what must depend on the clock does (which events are past, how many
years of a series are published).  ``SUKIEN_NOW`` (an ISO date or
date-time) pins it, for tests and for reproducing a build.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from .event import DEFAULT_TIMEZONE


def now(timezone: str = DEFAULT_TIMEZONE) -> dt.datetime:
    """The current time in the site's zone (aware)."""
    zone = ZoneInfo(timezone)
    pinned = os.environ.get("SUKIEN_NOW")
    if pinned:
        value = dt.datetime.fromisoformat(pinned)
        return value.astimezone(zone) if value.tzinfo else value.replace(tzinfo=zone)
    return dt.datetime.now(zone)


def today(timezone: str = DEFAULT_TIMEZONE) -> dt.date:
    return now(timezone).date()
