"""The month page's filters, by category and by area.

Without JavaScript they are what they look like: links to the category
and area pages of what the month holds.  The page's script turns each
group into a choice that shows only the matching events in the grid and
the list, without a reload (each card and chip carries ``data-category``
and ``data-area``)."""

from __future__ import annotations

from .. import urls
from ...model.occurrence import Occurrence
from .cards import color_style
from .rendering import Ctx
from ..i18n import t
from .markup import el, esc, link


def month_filters(ctx: Ctx, items: list[Occurrence]) -> str:
    """The filter box of a month's events ('' when there are none)."""
    if not items:
        return ""
    categories = sorted({x.event.category for x in items}, key=ctx.category_name)
    areas = sorted({x.event.location.area for x in items if x.event.location.area}, key=ctx.area_name)
    groups = [_group(ctx, "category", "filter_category", categories, ctx.category_name)]
    if areas:
        groups.append(_group(ctx, "area", "filter_area", areas, ctx.area_name))
    empty = el("p", esc(t(ctx.lang, "filter_none")), class_="sk-empty sk-filter__none", hidden=True)
    return el("div", "".join(groups) + empty, class_="sk-filter", data_sk_filter=True,
              data_all=t(ctx.lang, "filter_all"), aria_label=t(ctx.lang, "filter_title"), role="group")


def _group(ctx: Ctx, kind: str, key: str, ids: list[str], name) -> str:
    entries = " · ".join(
        link(ctx.link(urls.item(ctx.lang, kind, item_id)), esc(name(item_id)), data_id=item_id,
             style=color_style(ctx, item_id) if kind == "category" else None)
        for item_id in ids
    )
    label = el("span", esc(t(ctx.lang, key)), class_="sk-filter__label")
    return el("p", f"{label}: {entries}", class_="sk-filter__group", data_kind=kind)
