"""Search without a site-wide index on every page view.

The search page loads ``search/index.json`` (the list of years) and then
one small JSON file per year and language, ``search/<lang>-<year>.json``,
only when the visitor searches: the years from the current one on by
default, earlier years when asked.  An event is filed under every year its
current (or next, else last) occurrence covers, so that one running from
December into January is found in January; its record carries its first
and last day, and the browser ranks what is on now or ahead before what is
over.  Matching is done in the browser, accent-insensitively ("le hoi"
finds "Lễ hội"), over title, place, area, category and summary.

A record: [url, title, when, start (ISO), place, category, summary,
status, last day (ISO), lunar date in words ('' unless a lunar festival),
end instant (ISO, exclusive), the texts of the card's date badge, which of
title, place and summary are Vietnamese on an English record ('t', 'p', 's':
the script marks them lang="vi", as the cards are), the length of the place
name at the start of the place text].  Without "Tìm cả sự kiện đã qua" nothing
that has ended is shown; with it, what has ended is marked and listed after
everything that is on or ahead.
"""

from __future__ import annotations

import json
from collections import defaultdict

from .. import urls
from ..jsontext import json_text
from ...model.event import STATUSES
from ...model.occurrence import Occurrence
from ..places import distinct
from .cards import badge_parts, lunar_text
from .rendering import Ctx
from ..i18n import LANGS, t, when_label
from .markup import attrs, block, el, esc, link
from .page import Page

def search_files(ctx: Ctx) -> dict[str, bytes]:
    """The manifest and every shard, by site path."""
    shards: dict[tuple[str, int], list[list[str]]] = defaultdict(list)
    for item in ctx.agenda.events():
        for year in range(item.first_day.year, item.last_day.year + 1):
            for lang in LANGS:
                shards[lang, year].append(_record(ctx.for_lang(lang), item))
    files = {urls.search_shard(lang, year): _dump(records) for (lang, year), records in sorted(shards.items())}
    years = sorted({year for _, year in shards})
    files[urls.SEARCH_INDEX] = _dump({"version": 1, "years": years, "languages": list(LANGS)})
    return files


def _record(ctx: Ctx, item: Occurrence) -> list:
    event = item.event
    area = ctx.area_name(event.location.area) if event.location.area else None
    title, place, summary = ctx.title(event), ctx.place(event), ctx.summary(event)
    where = distinct([place.text, area])
    vietnamese = "".join(flag for flag, text in (("t", title), ("p", place), ("s", summary))
                         if text.lang != ctx.lang)
    return [
        urls.event(ctx.lang, event.id),
        title.text,
        when_label(item.start, item.end, ctx.lang),
        item.start.isoformat(),
        ", ".join(where),
        ctx.category_name(event.category),
        summary.text,
        item.status,
        item.last_day.isoformat(),
        lunar_text(ctx, item) or "",
        item.ends.isoformat(),
        badge_parts(ctx, item),
        vietnamese,
        len(place.text) if where and where[0] == place.text else 0,
    ]


def _dump(data: object) -> bytes:
    return json_text(data).encode("utf-8")


def search_page(ctx: Ctx) -> Page:
    url = urls.section(ctx.lang, "search")
    ctx = ctx.at(url)
    def text(key: str) -> str:
        return t(ctx.lang, f"search_{key}")
    status_words = {s: t(ctx.lang, s) for s in STATUSES if s != "confirmed"}
    form = (
        f"<form{attrs(class_='sk-search-form', role='search', aria_label=t(ctx.lang, 'search_title'), action='./', method='get', id='sk-search', data_index=ctx.link(urls.SEARCH_INDEX), data_root=ctx.link(''), data_lang=ctx.lang, data_none=text('none'), data_ended=t(ctx.lang, 'ended'), data_count=text('count'), data_count_one=text('count_one'), data_in_vi=t(ctx.lang, 'untranslated_short'), data_status=json.dumps(status_words, ensure_ascii=False))}>"
        + el("label", esc(text("label")), for_="sk-q")
        + el("div", '<input id="sk-q" name="q" type="search" autocomplete="off" spellcheck="false">'
             + el("button", esc(text("button")), type="submit", class_="sk-button"), class_="sk-search-row")
        + el("label", '<input type="checkbox" id="sk-past" name="past" value="1"> ' + esc(text("past")),
             class_="sk-check")
        + "</form>"
    )
    calendar = link(ctx.link(urls.section(ctx.lang, "calendar")), esc(t(ctx.lang, "calendar_title").lower()))
    body = block(
        el("h1", esc(t(ctx.lang, "search_title"))),
        el("div", form, class_="sk-search-box"),
        el("p", "", id="sk-status", role="status", class_="sk-muted"),
        el("ol", "", id="sk-results", class_="sk-cards sk-results"),
        el("noscript", el("p", f"{esc(text('noscript'))} {calendar}.")),
    )
    return Page(url=url, lang=ctx.lang, title=t(ctx.lang, "search_title"),
                description=t(ctx.lang, "tagline"), body=body,
                alternate=urls.section(urls.other(ctx.lang), "search"))
