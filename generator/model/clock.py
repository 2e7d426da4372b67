"""The build's notion of "now".

Only what must depend on the clock does (which events are past, how many
years of a series are published).  ``SUKIEN_NOW`` (an ISO date or
date-time) pins it, for tests and for reproducing a build.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from .event import DEFAULT_TIMEZONE


class ClockError(ValueError):
    """``SUKIEN_NOW`` is not an ISO date or date-time (exit code 2)."""


Environ = Mapping[str, str]


def pinned(environ: Environ = os.environ) -> dt.datetime | None:
    """The moment ``SUKIEN_NOW`` pins (naive when it gives no offset), or None."""
    text = environ.get("SUKIEN_NOW", "").strip()
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
        if not 1900 <= value.year <= 2200:  # far from the ends of the calendar: zone arithmetic cannot overflow
            raise ValueError(text)
    except ValueError:
        raise ClockError(f"SUKIEN_NOW='{text[:40]}' không phải ngày hoặc ngày giờ ISO hợp lệ "
                         "(ví dụ 2026-04-20 hoặc 2026-04-20T10:00:00+07:00)") from None
    return value


def now(timezone: str = DEFAULT_TIMEZONE, environ: Environ = os.environ) -> dt.datetime:
    """The current time in the site's zone (aware); raises ClockError."""
    zone = ZoneInfo(timezone)
    value = pinned(environ)
    if value is not None:
        return value.astimezone(zone) if value.tzinfo else value.replace(tzinfo=zone)
    return dt.datetime.now(zone)


def today(timezone: str = DEFAULT_TIMEZONE) -> dt.date:
    return now(timezone).date()
