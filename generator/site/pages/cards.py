"""Event cards: the one-line-and-summary form used by every list."""

from __future__ import annotations

import re

from .. import urls
from ...model.occurrence import Occurrence
from .rendering import Ctx
from ..i18n import t, when_label
from .markup import attrs, el, esc, in_lang, iso, link

_COLOR = re.compile(r"^#[0-9A-Fa-f]{3,8}$")


def color_style(ctx: Ctx, category_id: str) -> str | None:
    """``--sk-color`` from the registry, only when it is a plain hex colour."""
    found = ctx.content.category(category_id)
    if found is None or not found.color or not _COLOR.match(found.color):
        return None
    return f"--sk-color:{found.color}"


def badge(ctx: Ctx, status: str) -> str:
    if status == "confirmed":
        return ""
    return el("span", esc(t(ctx.lang, status)), class_=f"sk-badge sk-badge--{status}")


def dates_element(ctx: Ctx, item: Occurrence) -> str:
    """The dates in words, in a <time> element carrying the start."""
    label = when_label(item.start, item.end, ctx.lang)
    return el("time", esc(label), datetime=iso(item.start))


def place_line(ctx: Ctx, item: Occurrence) -> str:
    place = ctx.place(item.event)
    text = in_lang(place.text, place.lang, ctx.lang)
    area = item.event.location.area
    if area:
        text += ", " + esc(ctx.area_name(area))
    return text


def card(ctx: Ctx, item: Occurrence, *, summary: bool = True) -> str:
    event = item.event
    title = ctx.title(event)
    head = link(ctx.link(urls.event(ctx.lang, event.id)), in_lang(title.text, title.lang, ctx.lang),
                class_="sk-card__title")
    if not ctx.translated(event):
        head += " " + el("span", esc(t(ctx.lang, "untranslated_short")), class_="sk-badge")
    head += " " + badge(ctx, item.status)
    meta = " · ".join((
        dates_element(ctx, item),
        place_line(ctx, item),
        esc(ctx.category_name(event.category)),
    ))
    parts = [el("p", head.strip(), class_="sk-card__head"), el("p", meta, class_="sk-card__meta")]
    if summary:
        text = ctx.summary(event)
        parts.append(el("p", in_lang(text.text, text.lang, ctx.lang), class_="sk-card__summary"))
    return (
        f"<li{attrs(class_=f'sk-card sk-card--{item.status}', data_end=iso(item.ends), style=color_style(ctx, event.category))}>"
        + "".join(parts) + "</li>"
    )


def card_list(ctx: Ctx, items: list[Occurrence], *, summary: bool = True, empty: str | None = None) -> str:
    """A list of cards, or a 'no events' paragraph."""
    if not items:
        return el("p", esc(empty or t(ctx.lang, "no_events")), class_="sk-empty")
    return el("ul", "\n".join(card(ctx, x, summary=summary) for x in items), class_="sk-cards")
