"""The home page: on now, this week, coming up, featured festivals,
categories and subscribe links.

Every card carries ``data-end`` (the instant it ends); a small script hides
the cards that ended since the build, and shows a section's empty message
when nothing is left in it.
"""

from __future__ import annotations

from . import links
from .. import urls
from .cards import card_list, color_style
from .rendering import Ctx
from ..i18n import t
from .markup import block, el, esc, link
from .page import Page

COMING = 12
FEATURED = 6


def home_page(ctx: Ctx, featured_categories: tuple[str, ...]) -> Page:
    url = urls.home(ctx.lang)
    ctx = ctx.at(url)
    agenda = ctx.agenda
    body = block(
        _hero(ctx),
        _section(ctx, "now_on", card_list(ctx, agenda.on_now(), summary=False), "dang-dien-ra"),
        _section(ctx, "this_week", card_list(ctx, agenda.this_week()), "tuan-nay"),
        _section(ctx, "coming", card_list(ctx, agenda.coming(COMING)), "sap-toi"),
        _section(ctx, "featured", card_list(ctx, agenda.featured(featured_categories, FEATURED)), "noi-bat"),
        _categories(ctx),
        _subscribe(ctx),
    )
    return Page(url=url, lang=ctx.lang, title=t(ctx.lang, "site"), description=t(ctx.lang, "tagline"),
                body=body, alternate=urls.home(urls.other(ctx.lang)))


def _hero(ctx: Ctx) -> str:
    today = ctx.agenda.today
    calendar = link(ctx.link(urls.month(ctx.lang, today.year, today.month)),
                    esc(t(ctx.lang, "calendar_title")), class_="sk-button")
    subscribe = link(ctx.link(urls.section(ctx.lang, "subscribe")), esc(t(ctx.lang, "subscribe_title")),
                     class_="sk-button sk-button--quiet")
    inner = (el("h1", esc(t(ctx.lang, "site")))
             + el("p", esc(t(ctx.lang, "tagline")), class_="sk-lead")
             + el("p", calendar + " " + subscribe, class_="sk-actions-line"))
    return el("div", inner, class_="sk-hero")


def _section(ctx: Ctx, key: str, cards: str, anchor: str) -> str:
    empty = el("p", esc(t(ctx.lang, "no_events")), class_="sk-empty sk-empty--js", hidden=True)
    return el("section", el("h2", esc(t(ctx.lang, key)), id=anchor) + cards + empty,
              class_="sk-home-section", data_sk_section=key)


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
