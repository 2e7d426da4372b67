"""What a visitor can do with an event from its page: add it to a
calendar, share it.

The Google and Outlook links are about the occurrence the page features;
a cancelled or postponed one carries the same mark in its title as in the
site's calendar files ("[ĐÃ HỦY]", "[HOÃN]"), so that nobody keeps an
entry that looks like a plan.
"""

from __future__ import annotations

import posixpath

from . import links
from .. import urls
from ...model.occurrence import Occurrence
from .rendering import Ctx
from ..i18n import t
from .markup import el, esc, link


def calendar_title(ctx: Ctx, item: Occurrence) -> str:
    """The event's title as a calendar entry, marked when it will not happen
    as planned."""
    title = ctx.title(item.event).text
    if not item.is_active:
        return f"{t(ctx.lang, f'mark_{item.status}')} {title}"
    return title


def add_to_calendar(ctx: Ctx, item: Occurrence) -> str:
    event = item.event
    title = calendar_title(ctx, item)
    page = ctx.absolute(urls.event(ctx.lang, event.id))
    details = f"{ctx.summary(event).text}\n\n{page}"
    where = ", ".join(x for x in (ctx.place(event).text, event.location.address) if x)
    items = [
        link(ctx.link(urls.event_ics(event.id)), esc(t(ctx.lang, "add_ics")),
             class_="sk-button", type="text/calendar", download=posixpath.basename(urls.event_ics(event.id))),
        link(links.google_calendar(item, title, details, where), esc(t(ctx.lang, "add_google")),
             class_="sk-button", rel="noopener", data_cal="google"),
        link(links.outlook(item, title, details, where), esc(t(ctx.lang, "add_outlook")),
             class_="sk-button", rel="noopener", data_cal="outlook"),
    ]
    return el("section", el("h2", esc(t(ctx.lang, "add")))
              + el("ul", "".join(el("li", x) for x in items), class_="sk-actions"),
              class_="sk-add", aria_label=t(ctx.lang, "add"))


def share(ctx: Ctx, item: Occurrence) -> str:
    """The phone's own share sheet (the Web Share API: Zalo, Messenger and
    the rest) and a copy-link button, beside plain links to Facebook, X and
    e-mail.  The two buttons need the page's script and a browser that can
    do it: they stay hidden otherwise; no other site's script is loaded."""
    url = ctx.absolute(urls.event(ctx.lang, item.event.id))
    title = ctx.title(item.event).text
    buttons = [
        el("button", esc(t(ctx.lang, "share_native")), type="button", class_="sk-button",
           data_share="native"),
        el("button", esc(t(ctx.lang, "copy_link")), type="button", class_="sk-button sk-button--quiet",
           data_share="copy", data_done=t(ctx.lang, "copied")),
    ]
    targets = [el("li", button, class_="sk-share__js", hidden=True) for button in buttons]
    for label, href in links.share(url, title):
        name = t(ctx.lang, "share_email") if label == "email" else label
        targets.append(el("li", link(href, esc(name), rel="noopener", class_="sk-button sk-button--quiet")))
    return el("section", el("h2", esc(t(ctx.lang, "share")))
              + el("ul", "".join(targets), class_="sk-actions")
              + el("p", "", class_="sk-muted sk-share__status", role="status"),
              class_="sk-share", data_url=url)
