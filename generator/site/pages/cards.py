"""Event cards, used by every list: a date badge (day and month, and the
lunar date of a lunar festival), the title, when and where, and a small
thumbnail when the event has an image.  A card of an occurrence that has
ended says so."""

from __future__ import annotations

import re

from .. import urls
from ..media import thumbnail_location
from ...model import lunar
from ..places import distinct
from ...model.occurrence import Occurrence
from .rendering import Ctx
from ..i18n import lunar_label, lunar_short, month_short, t, when_label
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


def ended_badge(ctx: Ctx) -> str:
    return el("span", esc(t(ctx.lang, "ended")), class_="sk-badge sk-badge--ended")


def dates_element(ctx: Ctx, item: Occurrence) -> str:
    """The dates in words, in a <time> element carrying the start."""
    label = when_label(item.start, item.end, ctx.lang)
    return el("time", esc(label), datetime=iso(item.start))


def lunar_text(ctx: Ctx, item: Occurrence) -> str | None:
    """'Ngày 14–15 tháng 2 âm lịch' for an occurrence of a lunar-yearly series."""
    days = lunar.span(item)
    return lunar_label(*days, ctx.lang) if days else None


def place_line(ctx: Ctx, item: Occurrence) -> str:
    """The venue and its commune or ward, the latter left out when the
    venue's name already says it."""
    place = ctx.place(item.event)
    area = item.event.location.area
    parts = distinct([place.text, ctx.area_name(area) if area else None])
    text = in_lang(parts[0], place.lang, ctx.lang)
    return ", ".join([text] + ([ctx.name_html("area", area)] if area and len(parts) > 1 else []))


def badge_parts(ctx: Ctx, item: Occurrence) -> list[str]:
    """The date badge's texts: day, month and ('' unless a lunar festival) lunar date."""
    first = item.first_day
    lunar_date = f"{lunar_short(item.lunar)} {t(ctx.lang, 'lunar_short')}" if item.lunar is not None else ""
    return [str(first.day), month_short(first.month, ctx.lang), lunar_date]


def date_badge(ctx: Ctx, item: Occurrence) -> str:
    """Day and month of the first day, as on a desk calendar, with the lunar
    date under it for a lunar festival (the card's text says it all in words;
    the search page's script draws the same badge from :func:`badge_parts`)."""
    day, month, lunar_date = badge_parts(ctx, item)
    inner = el("span", esc(day), class_="sk-date__day") + el("span", esc(month), class_="sk-date__month")
    if lunar_date:
        inner += el("span", esc(lunar_date), class_="sk-date__lunar")
    return el("p", inner, class_="sk-date", aria_hidden="true")


def thumbnail(ctx: Ctx, item: Occurrence) -> str:
    location = thumbnail_location(item.event, ctx.media)
    if location is None:
        return ""
    picture = ctx.media[location]
    size = {"width": 72, "height": 72}
    if picture.width and picture.height and picture.data is None:  # a drawing keeps its proportions
        size["height"] = max(1, round(72 * picture.height / picture.width))
    return f"<img{attrs(src=ctx.link(location), alt='', class_='sk-card__thumb', loading='lazy', decoding='async', **size)}>"


def thumbnail_inputs(ctx: Ctx, item: Occurrence) -> tuple | None:
    """What :func:`thumbnail` reads of the published media (a page that
    shows cards names it among its inputs: ``generator.pipeline.core_memo``)."""
    location = thumbnail_location(item.event, ctx.media)
    if location is None:
        return None
    picture = ctx.media[location]
    return (location, picture.width, picture.height, picture.data is None)


def card(ctx: Ctx, item: Occurrence, *, summary: bool = True) -> str:
    event = item.event
    title = ctx.title(event)
    ended = item.is_over(ctx.agenda.now)
    head = link(ctx.link(urls.event(ctx.lang, event.id)), in_lang(title.text, title.lang, ctx.lang),
                class_="sk-card__title")
    if not ctx.translated(event):
        head += " " + el("span", esc(t(ctx.lang, "untranslated_short")), class_="sk-badge")
    head += " " + badge(ctx, item.status)
    if ended:
        head += " " + ended_badge(ctx)
    meta = " · ".join((
        dates_element(ctx, item),
        place_line(ctx, item),
        esc(ctx.category_name(event.category)),
    ))
    parts = [el("p", head.strip(), class_="sk-card__head"), el("p", meta, class_="sk-card__meta")]
    moon = lunar_text(ctx, item)
    if moon:
        parts.append(el("p", esc(moon), class_="sk-card__lunar sk-lunar"))
    if summary:
        text = ctx.summary(event)
        parts.append(el("p", in_lang(text.text, text.lang, ctx.lang), class_="sk-card__summary"))
    classes = f"sk-card sk-card--{item.status}" + (" sk-card--ended" if ended else "")
    return (
        f"<li{attrs(class_=classes, data_end=iso(item.ends), data_category=event.category, data_area=event.location.area, style=color_style(ctx, event.category))}>"
        + date_badge(ctx, item) + el("div", "".join(parts), class_="sk-card__body") + thumbnail(ctx, item)
        + "</li>"
    )


def card_list(ctx: Ctx, items: list[Occurrence], *, summary: bool = True, empty: str | None = None) -> str:
    """A list of cards, or a 'no events' paragraph.  ``data-ended`` is the
    word the page's script adds to a card that ends after the build."""
    if not items:
        return el("p", esc(empty or t(ctx.lang, "no_events")), class_="sk-empty")
    return el("ul", "\n".join(card(ctx, x, summary=summary) for x in items), class_="sk-cards",
              data_ended=t(ctx.lang, "ended"))
