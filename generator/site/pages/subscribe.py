"""The subscribe page (``theo-doi/``): every feed, how to add it on each
device, and a QR code per feed (the SVG files are drawn from :func:`qr_codes`)."""

from __future__ import annotations

from . import links
from .. import urls
from .rendering import Ctx
from .lists import KINDS, name_of, qr_path, registry
from ..i18n import HOWTO, t
from .markup import block, el, esc, link
from .page import Page
from .qr import QrCode, feed_code

# key (its QR code is urls.qr(key)), site path, MIME type, the word that names it
FeedCard = tuple[str, str, str, str]
MAIN_FEEDS: tuple[FeedCard, ...] = (
    ("events", urls.EVENTS_ICS, "text/calendar", "feed_events"),
    ("rss", urls.EVENTS_RSS, "application/rss+xml", "feed_rss"),
    ("atom", urls.EVENTS_ATOM, "application/atom+xml", "feed_atom"),
    ("updates", urls.UPDATES_ATOM, "application/atom+xml", "feed_updates"),
    ("json", urls.EVENTS_JSON, "application/feed+json", "feed_json"),
)
COLLAPSED = ("area", "unit")  # kinds whose list of feeds opens on demand



def qr_img(ctx: Ctx, path: str, label: str, size: int = 148) -> str:
    return (f'<img src="{esc(ctx.link(path))}" alt="{esc(label)}" width="{size}" height="{size}"'
            ' loading="lazy" class="sk-qr">')


def subscribe_page(ctx: Ctx) -> Page:
    url = urls.section(ctx.lang, "subscribe")
    ctx = ctx.at(url)
    title, intro = t(ctx.lang, "subscribe_title"), t(ctx.lang, "subscribe_intro")
    main_feeds = link("#" + urls.anchor(ctx.lang, "main_feeds"), esc(t(ctx.lang, "main_feeds")))
    body = block(
        el("h1", esc(title)),
        el("p", esc(intro), class_="sk-lead"),
        el("h2", esc(t(ctx.lang, "main_feeds")), id=urls.anchor(ctx.lang, "main_feeds")),
        feed_cards(ctx, MAIN_FEEDS),
        el("h2", esc(t(ctx.lang, "howto_title")), id=urls.anchor(ctx.lang, "howto")),
        "\n".join(el("section", el("h3", esc(name)) + el("ol", "".join(
            el("li", step.format(calendar=urls.EVENTS_ICS, main_feeds=main_feeds)) for step in steps)))
            for name, steps in HOWTO[ctx.lang]),
        *[_kind_table(ctx, kind) for kind in KINDS],
        el("p", f"{esc(t(ctx.lang, 'open_data'))} "
           + link(ctx.link(urls.OPEN_DATA), urls.OPEN_DATA, type="application/json")),
    )
    return Page(url=url, lang=ctx.lang, title=title, description=intro, body=body,
                alternate=urls.section(urls.other(ctx.lang), "subscribe"))


def feed_cards(ctx: Ctx, feeds: tuple[FeedCard, ...]) -> str:
    """One card per feed: its subscribe links and its QR code."""
    rows = []
    for key, path, kind, word in feeds:
        name = t(ctx.lang, word)
        actions = []
        if path.endswith(".ics"):
            webcal = urls.webcal(ctx.config.site_url, path)
            actions.append(link(webcal, esc(webcal), class_="sk-url"))
            actions.append(link(links.google_subscribe(webcal), esc(t(ctx.lang, "feed_google")), rel="noopener",
                                class_="sk-button"))
        address = urls.absolute(ctx.config.site_url, path)
        actions.append(link(ctx.link(path), esc(address), type=kind, class_="sk-url"))
        qr_label = f"{t(ctx.lang, 'qr_code')}: {name}"
        rows.append(el("section", el("h3", esc(name)) + el("ul", "".join(el("li", a) for a in actions))
                       + qr_img(ctx, urls.qr(key), qr_label), class_="sk-feed"))
    return el("div", "\n".join(rows), class_="sk-feeds")


def _kind_table(ctx: Ctx, kind: str) -> str:
    heading = t(ctx.lang, f"feeds_by_{kind}")
    rows = []
    for entry in registry(ctx, kind):
        path = urls.feed(kind, entry.id)
        name = name_of(ctx, kind, entry.id)
        webcal = urls.webcal(ctx.config.site_url, path)
        qr = el("details", el("summary", "QR") + qr_img(ctx, qr_path(kind, entry.id), f"{t(ctx.lang, 'qr_code')}: {name}"), class_="sk-more")
        cells = (el("th", link(ctx.link(urls.item(ctx.lang, kind, entry.id)), esc(name)), scope="row")
                 + el("td", link(webcal, "webcal") + " · " + link(ctx.link(path), ".ics", type="text/calendar"))
                 + el("td", qr))
        rows.append(el("tr", cells))
    table = el("div", el("table", el("tbody", "\n".join(rows)), class_="sk-feedtable"), class_="sk-scroll")
    if kind in COLLAPSED:  # long lists: the page stays short until asked
        shown = t(ctx.lang, f"show_all_{kind}").format(count=len(rows))
        table = el("details", el("summary", esc(shown)) + table, class_="sk-more")
    return el("section", el("h2", esc(heading)) + table)


def feed_qr_codes(site: str, feeds: tuple[FeedCard, ...]) -> dict[str, QrCode]:
    """The QR codes of the cards of :func:`feed_cards`, by site path."""
    return {urls.qr(key): feed_code(site, path) for key, path, *_ in feeds}


def qr_codes(ctx: Ctx) -> dict[str, QrCode]:
    """Every feed's QR code, by site path."""
    site = ctx.config.site_url
    codes = feed_qr_codes(site, MAIN_FEEDS)
    for kind in KINDS:
        for entry in registry(ctx, kind):
            codes[qr_path(kind, entry.id)] = feed_code(site, urls.feed(kind, entry.id))
    return codes
