"""Pages that list events of one category, area or unit, with their own
calendar feed, and the index page of each kind."""

from __future__ import annotations

from collections import defaultdict

from . import links
from .. import urls
from .cards import card_list, color_style, thumbnail_inputs
from .press_box import contact_html
from .rendering import Ctx
from ...model.event import Unit
from ..i18n import count_label, t, unit_kind
from .markup import block, el, esc, link
from .page import Feed, Page

KINDS = ("category", "area", "unit")
PAST_SHOWN = 30
_PLURAL = {"category": "categories", "area": "areas", "unit": "units"}


def registry(ctx: Ctx, kind: str) -> tuple:
    return {"category": ctx.content.categories, "area": ctx.content.areas,
            "unit": ctx.content.units}[kind]


def name_of(ctx: Ctx, kind: str, item_id: str) -> str:
    return {"category": ctx.category_name, "area": ctx.area_name, "unit": ctx.unit_name}[kind](item_id)


def feed_box(ctx: Ctx, kind: str, item_id: str, name: str) -> str:
    """Subscribe links of one filtered calendar, and its QR code."""
    path = urls.feed(kind, item_id)
    webcal = urls.webcal(ctx.config.site_url, path)
    google = links.google_subscribe(webcal)
    items = [
        link(webcal, esc(t(ctx.lang, "feed_calendar")), class_="sk-button"),
        link(google, esc(t(ctx.lang, "feed_google")), class_="sk-button sk-button--quiet", rel="noopener"),
        link(ctx.link(path), esc(t(ctx.lang, "feed_file")), class_="sk-button sk-button--quiet",
             type="text/calendar"),
        link(ctx.link(urls.section(ctx.lang, "subscribe")), esc(t(ctx.lang, "feed_howto")),
             class_="sk-button sk-button--quiet"),
    ]
    qr = (f'<img src="{esc(ctx.link(qr_path(kind, item_id)))}" alt="{esc(t(ctx.lang, "qr_of") + " " + name)}"'
          ' width="148" height="148" loading="lazy" class="sk-qr">')
    return el("aside", el("ul", "".join(el("li", x) for x in items), class_="sk-actions") + qr,
              class_="sk-feedbox", aria_label=t(ctx.lang, "subscribe"))


def qr_path(kind: str, item_id: str) -> str:
    return urls.qr(f"{kind}-{item_id}")


def list_inputs(ctx: Ctx, kind: str, item_id: str) -> tuple:
    """What :func:`list_page` reads beyond what every page shares (see
    :func:`generator.site.pages.event.event_inputs`): its occurrences and
    their cards' thumbnails."""
    items = ctx.agenda.matching(kind, item_id)
    return (kind, item_id, tuple(items), tuple(thumbnail_inputs(ctx, item) for item in items))


def list_page(ctx: Ctx, kind: str, item_id: str) -> Page:
    url = urls.item(ctx.lang, kind, item_id)
    ctx = ctx.at(url)
    name = name_of(ctx, kind, item_id)
    items = ctx.agenda.matching(kind, item_id)
    upcoming = [x for x in items if not x.is_over(ctx.agenda.now)]
    past = [x for x in reversed(items) if x.is_over(ctx.agenda.now)]
    parts = [el("h1", esc(name), class_="sk-list-title", style=color_style(ctx, item_id) if kind == "category" else None)]
    parts.append(_about(ctx, kind, item_id))
    lists = [el("h2", esc(t(ctx.lang, "upcoming"))), card_list(ctx, upcoming)]
    if past:
        lists.append(el("h2", esc(t(ctx.lang, "past"))))
        lists.append(card_list(ctx, past[:PAST_SHOWN], summary=False))
        if len(past) > PAST_SHOWN:
            calendar = link(ctx.link(urls.section(ctx.lang, "calendar")), esc(t(ctx.lang, "calendar").lower()))
            lists.append(el("p", f"{esc(t(ctx.lang, 'more_past'))} {calendar}.", class_="sk-muted"))
    # the list first, its subscribe box and QR code after it (beside it on a wide screen)
    parts.append(el("div", el("div", "\n".join(lists), class_="sk-listpage__main") + "\n"
                    + feed_box(ctx, kind, item_id, name), class_="sk-listpage"))
    count = len({x.event.id for x in items})
    return Page(
        url=url, lang=ctx.lang, title=name,
        description=f"{name}: {count_label(count, ctx.lang)}. {t(ctx.lang, 'tagline')}",
        body=block(*parts), alternate=urls.item(urls.other(ctx.lang), kind, item_id),
        feeds=(Feed("text/calendar", f"{ctx.config.site_name}: {name}", urls.feed(kind, item_id)),),
    )


def _about(ctx: Ctx, kind: str, item_id: str) -> str:
    if kind == "area":
        region = ctx.region_name(item_id)
        return el("p", f"{esc(t(ctx.lang, 'region'))}: {esc(region)}", class_="sk-muted") if region else ""
    if kind == "unit":
        unit = ctx.content.unit(item_id)
        return _unit_facts(ctx, unit) if unit is not None else ""
    return ""


def _unit_facts(ctx: Ctx, unit: Unit) -> str:
    """What the organiser is, how to reach it and its website."""
    rows = []
    if unit.kind:
        rows.append((t(ctx.lang, "unit_kind"), esc(unit_kind(unit.kind, ctx.lang))))
    if unit.contact is not None:
        rows.append((t(ctx.lang, "contact"), contact_html(unit.contact, ctx.lang)))
    if unit.website:
        rows.append((t(ctx.lang, "website"), link(unit.website, esc(unit.website), rel="noopener")))
    if not rows:
        return ""
    return el("dl", "".join(el("dt", esc(k)) + el("dd", v) for k, v in rows), class_="sk-facts sk-unit-facts")


def index_page(ctx: Ctx, kind: str) -> Page:
    """All categories (areas grouped by region, units) with their counts."""
    url = urls.section(ctx.lang, kind)
    ctx = ctx.at(url)
    title = t(ctx.lang, _PLURAL[kind])
    counts: dict[str, int] = defaultdict(int)
    for item in ctx.agenda.events():
        key = item.event.location.area if kind == "area" else getattr(item.event, kind)
        if key:
            counts[key] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for entry in registry(ctx, kind):
        group = (ctx.region_name(entry.id) or "") if kind == "area" else ""
        name = name_of(ctx, kind, entry.id)
        text = link(ctx.link(urls.item(ctx.lang, kind, entry.id)), esc(name),
                    style=color_style(ctx, entry.id) if kind == "category" else None)
        groups[group].append(el("li", f"{text} {el('span', f'({counts.get(entry.id, 0)})', class_='sk-muted')}"))
    sections = []
    for group, rows in groups.items():
        heading = el("h2", esc(group)) if group else ""
        sections.append(heading + el("ul", "".join(rows), class_=f"sk-index sk-index--{kind}"))
    return Page(url=url, lang=ctx.lang, title=title, description=f"{title} · {t(ctx.lang, 'tagline')}",
                body=block(el("h1", esc(title)), el("div", "\n".join(sections))),
                alternate=urls.section(urls.other(ctx.lang), kind))
