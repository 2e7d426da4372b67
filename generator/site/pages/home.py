"""The home page, events first: on a phone's first screen, the next events
as cards under a short title; then featured festivals, the calendar and
subscribe links, the categories.  A section with nothing in it is left
out; the page links to the full list of what is coming
(:func:`upcoming_page`).

Every card carries ``data-end`` (the instant it ends); a small script hides
the cards that ended since the build, and a section when nothing is left
in it.  A page much older than its nightly rebuild (``data-built``: the
start of the day it was built, so that a rebuild later that day is the
same page) hides nothing: it marks what has ended, so that it never looks
empty.
"""

from __future__ import annotations

from . import links
from .. import urls
from .cards import card_list, color_style
from .rendering import Ctx
from ..i18n import count_label, t
from ...model.clock_state import day_start
from .markup import block, el, esc, iso, link
from .page import Page

COMING = 12
FEATURED = 6


def home_page(ctx: Ctx, featured_categories: tuple[str, ...]) -> Page:
    url = urls.home(ctx.lang)
    ctx = ctx.at(url)
    agenda = ctx.agenda
    more = el("p", link(ctx.link(urls.section(ctx.lang, "upcoming")), esc(t(ctx.lang, "all_upcoming")) + " →",
                        class_="sk-button sk-button--quiet"), class_="sk-more-line")
    coming = agenda.next_of_each(COMING)
    body = block(
        _hero(ctx),
        _section(ctx, "now_on", agenda.on_now(), "dang-dien-ra", summary=False),
        _section(ctx, "coming", coming, "sap-toi", after=more),
        "" if coming else more,
        _section(ctx, "featured", agenda.featured(featured_categories, FEATURED), "noi-bat"),
        _actions(ctx),
        _categories(ctx),
        _subscribe(ctx),
    )
    return Page(url=url, lang=ctx.lang, title=t(ctx.lang, "site"), description=t(ctx.lang, "tagline"),
                body=body, alternate=urls.home(urls.other(ctx.lang)))


def upcoming_page(ctx: Ctx) -> Page:
    """``sap-toi/``: everything that has not begun yet, soonest first."""
    url = urls.section(ctx.lang, "upcoming")
    ctx = ctx.at(url)
    items = ctx.agenda.upcoming()
    title = t(ctx.lang, "upcoming_title")
    body = block(el("h1", esc(title)), el("p", esc(count_label(len(items), ctx.lang)), class_="sk-muted"),
                 card_list(ctx, items, summary=False))
    return Page(url=url, lang=ctx.lang, title=title, description=f"{title} · {t(ctx.lang, 'tagline')}",
                body=body, alternate=urls.section(urls.other(ctx.lang), "upcoming"))


def _hero(ctx: Ctx) -> str:
    inner = el("h1", esc(t(ctx.lang, "site"))) + el("p", esc(t(ctx.lang, "tagline")), class_="sk-lead")
    return el("div", inner, class_="sk-hero")


def _actions(ctx: Ctx) -> str:
    today = ctx.agenda.today
    calendar = link(ctx.link(urls.month(ctx.lang, today.year, today.month)),
                    esc(t(ctx.lang, "calendar_title")), class_="sk-button")
    subscribe = link(ctx.link(urls.section(ctx.lang, "subscribe")), esc(t(ctx.lang, "subscribe_title")),
                     class_="sk-button sk-button--quiet")
    return el("p", calendar + " " + subscribe, class_="sk-actions-line")


def _section(ctx: Ctx, key: str, items, anchor: str, *, summary: bool = True, after: str = "") -> str:
    """A titled list of cards; nothing at all when there is no card."""
    if not items:
        return ""
    cards = card_list(ctx, items, summary=summary)
    return el("section", el("h2", esc(t(ctx.lang, key)), id=anchor) + cards + after,
              class_="sk-home-section", data_sk_section=key, data_built=iso(day_start(ctx.agenda.now)))


def _categories(ctx: Ctx) -> str:
    items = "".join(
        el("li", link(ctx.link(urls.item(ctx.lang, "category", c.id)), esc(ctx.category_name(c.id)),
                      style=color_style(ctx, c.id)))
        for c in ctx.content.categories
    )
    more = " · ".join(
        link(ctx.link(urls.section(ctx.lang, kind)), esc(t(ctx.lang, key)))
        for kind, key in (("area", "areas"), ("unit", "units"))
    )
    return el("section", el("h2", esc(t(ctx.lang, "categories")))
              + el("ul", items, class_="sk-pills") + el("p", more))


def _subscribe(ctx: Ctx) -> str:
    webcal = urls.webcal(ctx.config.site_url, urls.EVENTS_ICS)
    items = [
        link(webcal, esc(t(ctx.lang, "feed_calendar")), class_="sk-button"),
        link(links.google_subscribe(webcal), esc(t(ctx.lang, "feed_google")),
             class_="sk-button sk-button--quiet", rel="noopener"),
        link(ctx.link(urls.EVENTS_RSS), "RSS", class_="sk-button sk-button--quiet",
             type="application/rss+xml"),
        link(ctx.link(urls.section(ctx.lang, "subscribe")), esc(t(ctx.lang, "feed_howto")),
             class_="sk-button sk-button--quiet"),
    ]
    return el("section", el("h2", esc(t(ctx.lang, "subscribe_title")))
              + el("ul", "".join(el("li", x) for x in items), class_="sk-actions"))
