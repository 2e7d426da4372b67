"""The press desk (``bao-chi/``, ``en/press/``): a newsroom's page.

The next 14 days of events the press is invited to, day by day with time,
place and whom to call; the accreditation deadlines still open, soonest
first; the recent changes (the entries of ``feeds/updates.atom``); the
press feeds with subscribe links and QR codes; and every unit's official
contact.  It prints on A4 (the print stylesheet drops menu and buttons and
writes links out).  Rows carry the instant they go stale
(``data-sk-until``) so that the page script hides what ended or closed
since the build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from ...feeds.updates import Notice as News
from ...model.occurrence import Occurrence
from ...model.press import Accreditation, accreditation, invited, press_contact
from .. import urls
from .agenda import chronological
from .cards import badge
from .rendering import Ctx
from ..i18n import clock, day_label, t, when_label, zone_note
from .markup import block, el, esc, in_lang, iso, link
from .page import Feed, Page
from .press_box import contact_html, deadline_html
from .qr import QrCode
from .subscribe import FeedCard, feed_cards, feed_qr_codes

HORIZON_DAYS = 14
NEWS_SHOWN = 15


PRESS_FEEDS: tuple[FeedCard, ...] = (
    ("bao-chi-ics", urls.PRESS_ICS, "text/calendar", "feed_press_ics"),
    ("bao-chi-rss", urls.PRESS_RSS, "application/rss+xml", "feed_press_rss"),
    ("bao-chi-atom", urls.PRESS_ATOM, "application/atom+xml", "feed_press_atom"),
    ("updates", urls.UPDATES_ATOM, "application/atom+xml", "press_changes"),
)


def press_page(ctx: Ctx, news: Sequence[News] = ()) -> Page:
    url = urls.section(ctx.lang, "press")
    ctx = ctx.at(url)
    title = t(ctx.lang, "press_title")
    body = block(
        el("h1", esc(title)),
        el("p", esc(t(ctx.lang, "press_lead")), class_="sk-lead"),
        _section(ctx, "press_agenda", _agenda(ctx), "lich-tac-nghiep"),
        _section(ctx, "press_deadlines", _deadlines(ctx), "han-dang-ky"),
        _section(ctx, "press_changes", _changes(ctx, news), "thay-doi"),
        _section(ctx, "press_feeds", feed_cards(ctx, PRESS_FEEDS), "nguon-tin"),
        _section(ctx, "spokespeople", _spokespeople(ctx), "nguoi-phat-ngon"),
    )
    feeds = tuple(Feed(kind, t(ctx.lang, word), path) for _, path, kind, word in PRESS_FEEDS[:3])
    return Page(url=url, lang=ctx.lang, title=title, description=t(ctx.lang, "press_lead"), body=body,
                alternate=urls.section(urls.other(ctx.lang), "press"), feeds=feeds)


def press_qr_codes(site_url: str) -> dict[str, QrCode]:
    return feed_qr_codes(site_url, PRESS_FEEDS)


def _site_link(ctx: Ctx, path: str, inner: str, **values) -> str:
    """A link inside the site that prints as its full address."""
    return link(ctx.link(path), inner, data_print=ctx.absolute(path), **values)


def _section(ctx: Ctx, key: str, inner: str, anchor: str) -> str:
    return el("section", el("h2", esc(t(ctx.lang, key)), id=anchor) + inner, class_="sk-desk")


def upcoming(ctx: Ctx) -> list[Occurrence]:
    """The invited occurrences not over that begin today or within the next
    14 days, in order."""
    agenda = ctx.agenda
    last = agenda.today + dt.timedelta(days=HORIZON_DAYS)
    return [x for x in agenda.occurrences
            if invited(x.event) and not x.is_over(agenda.now) and x.first_day <= last]


def _agenda(ctx: Ctx) -> str:
    items = upcoming(ctx)
    if not items:
        return el("p", esc(t(ctx.lang, "no_press_events")), class_="sk-empty")
    days: dict[dt.date, list[Occurrence]] = {}
    for item in items:  # an event already under way is listed under today
        days.setdefault(max(item.first_day, ctx.agenda.today), []).append(item)
    parts = []
    for day, entries in days.items():
        rows = "".join(_agenda_row(ctx, item) for item in entries)
        parts.append(el("div", el("h3", el("time", esc(day_label(day, ctx.lang)), datetime=day.isoformat()))
                        + el("ul", rows, class_="sk-desk-list"), class_="sk-desk-day"))
    return el("div", "\n".join(parts), class_="sk-desk-agenda") + _gone(ctx, "no_press_events")


def _agenda_row(ctx: Ctx, item: Occurrence) -> str:
    event, occ = item.event, item
    hour = t(ctx.lang, "all_day") if occ.all_day else clock(occ.begins.astimezone(occ.zone))
    if occ.first_day != occ.last_day:
        hour += " · " + when_label(occ.start, occ.end, ctx.lang)
    if isinstance(occ.start, dt.datetime):  # a time in another zone says so
        hour += zone_note(occ.start, ctx.lang)
    title = ctx.title(event)
    place = ctx.place(event)
    lines = [
        el("span", esc(hour), class_="sk-desk-time") + " "
        + _site_link(ctx, urls.event(ctx.lang, event.id), in_lang(title.text, title.lang, ctx.lang))
        + (" " + badge(ctx, item.status)).rstrip(),
        f"{esc(t(ctx.lang, 'where'))}: " + in_lang(place.text, place.lang, ctx.lang)
        + (", " + esc(ctx.area_name(event.location.area)) if event.location.area else ""),
        f"{esc(t(ctx.lang, 'press_contact'))}: " + contact_html(press_contact(event), ctx.lang),
    ]
    found = accreditation(ctx.agenda.by_event[event.id])
    if found is not None and found.occurrence.key == occ.key:
        lines.append(f"{esc(t(ctx.lang, 'accreditation'))}: " + deadline_html(ctx, event, found.deadline))
    return el("li", "<br>".join(lines), data_sk_until=iso(occ.ends))


def open_deadlines(ctx: Ctx) -> list[Accreditation]:
    """Every deadline still open, for an occurrence that takes place,
    soonest first."""
    found = [deadline for entries in ctx.agenda.by_event.values()
             if (deadline := accreditation(entries)) is not None
             and deadline.occurrence.is_active and not deadline.is_closed(ctx.agenda.now)]
    return sorted(found, key=lambda x: (x.closes, chronological(x.occurrence)))


def _deadlines(ctx: Ctx) -> str:
    found = open_deadlines(ctx)
    if not found:
        return el("p", esc(t(ctx.lang, "no_deadlines")), class_="sk-empty")
    rows = []
    for deadline in found:
        item = deadline.occurrence
        event = item.event
        title = ctx.title(event)
        rows.append(el("li", deadline_html(ctx, event, deadline.deadline) + " · "
                       + _site_link(ctx, urls.event(ctx.lang, event.id), in_lang(title.text, title.lang, ctx.lang))
                       + " · " + esc(when_label(item.start, item.end, ctx.lang)
                                     + (zone_note(item.start, ctx.lang) if isinstance(item.start, dt.datetime) else "")),
                       data_sk_until=iso(deadline.closes)))
    return el("ul", "".join(rows), class_="sk-desk-list") + _gone(ctx, "no_deadlines")


def _gone(ctx: Ctx, key: str) -> str:
    """The empty message the page script shows when every row has gone stale."""
    return el("p", esc(t(ctx.lang, key)), class_="sk-empty sk-empty--js", hidden=True)


def _changes(ctx: Ctx, news: Sequence[News]) -> str:
    if not news:
        return el("p", esc(t(ctx.lang, "no_changes")), class_="sk-empty")
    rows = []
    for entry in news[:NEWS_SHOWN]:
        stamp = entry.at.astimezone(ZoneInfo(ctx.config.timezone))
        when = el("time", esc(f"{day_label(stamp.date(), ctx.lang)}, {clock(stamp)}"), datetime=iso(stamp))
        target = urls.event(ctx.lang, entry.item.event.id)
        rows.append(el("li", el("span", when, class_="sk-muted") + "<br>"
                       + _site_link(ctx, target, esc(entry.title_en) if ctx.lang == "en"
                                    else in_lang(entry.title, "vi", ctx.lang))))
    more = _site_link(ctx, urls.UPDATES_ATOM, esc(t(ctx.lang, "all_changes")), type="application/atom+xml")
    return el("ul", "".join(rows), class_="sk-desk-list") + el("p", more)


def _spokespeople(ctx: Ctx) -> str:
    rows = []
    for unit in ctx.content.units:
        name = _site_link(ctx, urls.item(ctx.lang, "unit", unit.id), esc(ctx.unit_name(unit.id)))
        contact = contact_html(unit.contact, ctx.lang) if unit.contact is not None else ""
        if unit.website:
            contact += (" · " if contact else "") + link(unit.website, esc(unit.website), rel="noopener")
        rows.append(el("li", el("strong", name) + ("<br>" + contact if contact else "")))
    return el("ul", "".join(rows), class_="sk-spokespeople")
