"""Outgoing links of an event page: add to calendar, maps, sharing.

They are plain links (nothing is requested from those hosts until the
visitor follows one).  Times go to Google in UTC and to Outlook with their
offset; all-day events get an exclusive end day, as calendars expect; a
timed event that gives no end lasts until its programme's last item ends,
else one hour (never a zero-length entry).
"""

from __future__ import annotations

import datetime as dt
import functools
from urllib.parse import quote

from ...model.event import Location
from ...model.occurrence import Occurrence

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"
OSM = "https://www.openstreetmap.org/"
DEFAULT_LENGTH = dt.timedelta(hours=1)


def _query(params: dict[str, str]) -> str:
    """``urlencode(params, quote_via=quote)``, each text quoted once a page
    (an event's title, details and place go to two calendars, its address
    and title to three share links)."""
    return "&".join(f"{_quoted(key)}={_quoted(value)}" for key, value in params.items())


@functools.lru_cache(maxsize=64)
def _quoted(text: str) -> str:
    return quote(text, safe="")


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def timed_end(occ: Occurrence) -> dt.datetime:
    """When a timed occurrence ends as an entry in someone's calendar: its
    end, else the end of its programme's last item within a day (an item
    with no end lasts an hour), else one hour after it begins.  Not
    :attr:`Occurrence.ends` (the rest of its day, for "is it over?"): an
    entry blocking a whole evening would be wrong in a diary."""
    start = occ.begins
    if isinstance(occ.end, dt.datetime):
        return occ.ends
    ends = []
    for entry in occ.event.schedule:
        begins = _on_day(entry.start, start)
        ends.append(_on_day(entry.end, start) if entry.end is not None else begins + DEFAULT_LENGTH)
    within = [end for end in ends if start < end < start + dt.timedelta(days=1)]
    return max(within, default=start + DEFAULT_LENGTH)


def _on_day(value: dt.time | dt.datetime, start: dt.datetime) -> dt.datetime:
    """A programme time on the occurrence's day (a date-time stays as it is)."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(start.date(), value, start.tzinfo)


def google_calendar(occ: Occurrence, title: str, details: str, where: str) -> str:
    if occ.all_day:
        dates = f"{occ.first_day:%Y%m%d}/{occ.exclusive_end_day:%Y%m%d}"
    else:
        dates = f"{_utc(occ.begins)}/{_utc(timed_end(occ))}"
    params = {"action": "TEMPLATE", "text": title, "dates": dates, "details": details,
              "location": where, "ctz": occ.event.timezone}
    return f"{GOOGLE}?{_query(params)}"


def google_subscribe(webcal: str) -> str:
    """Google Calendar's 'add by URL' page for a calendar feed."""
    return f"{GOOGLE}?{_query({'cid': webcal})}"


def outlook(occ: Occurrence, title: str, details: str, where: str) -> str:
    if occ.all_day:
        times = {"startdt": occ.first_day.isoformat(), "enddt": occ.exclusive_end_day.isoformat(),
                 "allday": "true"}
    else:
        times = {"startdt": occ.begins.isoformat(), "enddt": timed_end(occ).isoformat(), "allday": "false"}
    params = {"path": "/calendar/action/compose", "rru": "addevent", "subject": title,
              **times, "body": details, "location": where}
    return f"{OUTLOOK}?{_query(params)}"


def osm(location: Location, query: str) -> str:
    """The place on OpenStreetMap: a marker when coordinates are known,
    a search otherwise."""
    if location.geo:
        lat, lon = location.geo
        return f"{OSM}?mlat={lat:.5f}&mlon={lon:.5f}#map=16/{lat:.5f}/{lon:.5f}"
    return f"{OSM}search?{_query({'query': query})}"


def geo_uri(location: Location) -> str | None:
    """A geo: URI (opens the phone's map application)."""
    if not location.geo:
        return None
    lat, lon = location.geo
    return f"geo:{lat:.5f},{lon:.5f}"


def share(url: str, title: str) -> list[tuple[str, str]]:
    """(label, link) pairs of share targets."""
    return [
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?{_query({'u': url})}"),
        ("X", f"https://twitter.com/intent/tweet?{_query({'url': url, 'text': title})}"),
        ("email", f"mailto:?{_query({'subject': title, 'body': url})}"),
    ]


def tel(phone: str) -> str:
    """A tel: link of a Vietnamese phone number as written."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return f"tel:{digits}"
