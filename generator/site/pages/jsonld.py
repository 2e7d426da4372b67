"""schema.org ``Event`` data of an event page (JSON-LD).

One object per page, about the occurrence the page features (the current
or next one of a series).  Timed events carry their UTC offset; all-day
events are plain dates (``endDate`` is the last day).
"""

from __future__ import annotations

import re

from .. import urls
from ..i18n import PROVINCE
from ...model.occurrence import Occurrence
from .rendering import Ctx
from .markup import iso

STATUS = {
    "confirmed": "https://schema.org/EventScheduled",
    "tentative": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"

_FREE = re.compile(r"miễn phí|mien phi|free|0\s*(đ|vnd|vnđ)", re.IGNORECASE)
_AMOUNT = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+|\d+")


def event_data(ctx: Ctx, occ: Occurrence, image: str | None) -> dict:
    event = occ.event
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": ctx.title(event).text,
        "description": ctx.summary(event).text,
        "url": ctx.absolute(urls.event(ctx.lang, event.id)),
        "inLanguage": ctx.lang,
        "startDate": iso(occ.start),
    }
    if occ.end is not None:
        data["endDate"] = iso(occ.end)
    data["eventStatus"] = STATUS.get(occ.status, STATUS["confirmed"])
    data["eventAttendanceMode"] = MIXED if event.online_url else OFFLINE
    data["location"] = _location(ctx, occ)
    data["organizer"] = _organizer(ctx, event.unit)
    if image:
        data["image"] = [image]
    price = ctx.price(event)
    offers = _offers(event.price, price.text if price else None, data["url"])
    if offers:
        data["offers"] = offers
    return data


def _location(ctx: Ctx, item: Occurrence) -> dict | list:
    where = item.event.location
    address = {"@type": "PostalAddress", "addressRegion": PROVINCE, "addressCountry": "VN"}
    street = ctx.address(item.event)
    if street is not None:
        address["streetAddress"] = street.text
    if where.area:
        address["addressLocality"] = ctx.area_name(where.area)
    place: dict = {"@type": "Place", "name": ctx.place(item.event).text, "address": address}
    if where.geo:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": where.geo[0], "longitude": where.geo[1]}
    if item.event.online_url:
        return [place, {"@type": "VirtualLocation", "url": item.event.online_url}]
    return place


def _organizer(ctx: Ctx, unit_id: str) -> dict:
    unit = ctx.content.unit(unit_id)
    data = {"@type": "Organization", "name": ctx.unit_name(unit_id),
            "url": ctx.absolute(urls.item(ctx.lang, "unit", unit_id))}
    if unit is not None and unit.website:
        data["sameAs"] = unit.website
    return data


def _offers(price: str | None, described: str | None, url: str) -> dict | None:
    """An Offer in VND when the price text says a number or 'free';
    otherwise the text alone.  The amount is read from the unit's own
    (Vietnamese) text; ``described`` is that text in the page's language."""
    if not price:
        return None
    offer = {"@type": "Offer", "url": url, "description": described or price}
    amounts = [int(re.sub(r"\D", "", a)) for a in _AMOUNT.findall(price)]
    if _FREE.search(price) and not any(amounts):
        offer.update(price="0", priceCurrency="VND")
    elif len(amounts) == 1:
        offer.update(price=str(amounts[0]), priceCurrency="VND")
    elif amounts:
        offer.update({"@type": "AggregateOffer", "lowPrice": str(min(amounts)),
                      "highPrice": str(max(amounts)), "priceCurrency": "VND"})
    return offer
