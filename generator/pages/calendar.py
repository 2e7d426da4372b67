"""The calendar: a page per month (an accessible grid and a list), and an
index of every month.

The grid is a real table (caption, column headers with ``scope``), every
event in it is a link, today's cell carries ``aria-current="date"`` and
a multi-day event shows in each of its days as one continued bar.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
from collections import defaultdict

from . import urls
from .agenda import Entry
from .cards import card_list, color_style
from .context import Ctx
from .i18n import WEEKDAYS, WEEKDAYS_SHORT, day_label, month_caption, month_label, t
from .markup import attrs, block, el, esc, in_lang, link
from .page import Page

_WEEKS = stdcal.Calendar(firstweekday=0)


def month_page(ctx: Ctx, year: int, month: int, months: list[tuple[int, int]]) -> Page:
    url = urls.month(ctx.lang, year, month)
    ctx = ctx.at(url)
    title = f"{t(ctx.lang, 'calendar_title')}: {month_label(year, month, ctx.lang)}"
    items = ctx.agenda.in_month(year, month)
    body = block(
        el("h1", esc(title)),
        month_nav(ctx, year, month, months),
        grid(ctx, year, month, items),
        el("h2", esc(t(ctx.lang, "month_events")), id="danh-sach" if ctx.lang == "vi" else "list"),
        day_lists(ctx, year, month, items),
        month_nav(ctx, year, month, months, landmark=False),
    )
    return Page(url=url, lang=ctx.lang, title=title,
                description=f"{title}. {len(items)} {t(ctx.lang, 'events_count')}.", body=body,
                alternate=urls.month(urls.other(ctx.lang), year, month))


def index_page(ctx: Ctx, months: list[tuple[int, int]]) -> Page:
    """``lich/``: this month's grid, then every month by year."""
    url = urls.section(ctx.lang, "calendar")
    ctx = ctx.at(url)
    today = ctx.agenda.today
    items = ctx.agenda.in_month(today.year, today.month)
    by_year: dict[int, list[str]] = defaultdict(list)
    for year, month in months:
        count = len(ctx.agenda.in_month(year, month))
        label = month_label(year, month, ctx.lang)
        text = link(ctx.link(urls.month(ctx.lang, year, month)), esc(label))
        by_year[year].append(el("li", f"{text} {el('span', f'({count})', class_='sk-muted')}"))
    years = "".join(
        el("section", el("h3", str(year)) + el("ul", "".join(rows), class_="sk-months"))
        for year, rows in sorted(by_year.items(), reverse=True)
    )
    this_month = link(ctx.link(urls.month(ctx.lang, today.year, today.month)),
                      esc(f"{t(ctx.lang, 'this_month')}: {month_label(today.year, today.month, ctx.lang)}"))
    body = block(
        el("h1", esc(t(ctx.lang, "calendar_title"))),
        el("p", this_month, class_="sk-lead"),
        grid(ctx, today.year, today.month, items),
        el("h2", esc(t(ctx.lang, "all_months"))),
        el("div", years, class_="sk-years"),
    )
    return Page(url=url, lang=ctx.lang, title=t(ctx.lang, "calendar_title"),
                description=t(ctx.lang, "tagline"), body=body,
                alternate=urls.section(urls.other(ctx.lang), "calendar"))


def month_nav(ctx: Ctx, year: int, month: int, months: list[tuple[int, int]], landmark: bool = True) -> str:
    """Previous month, all months, next month (a navigation landmark once per page)."""
    index = months.index((year, month)) if (year, month) in months else -1
    parts = []
    if index > 0:
        y, m = months[index - 1]
        parts.append(link(ctx.link(urls.month(ctx.lang, y, m)), "← " + esc(month_label(y, m, ctx.lang)),
                          rel="prev", class_="sk-button sk-button--quiet"))
    parts.append(link(ctx.link(urls.section(ctx.lang, "calendar")), esc(t(ctx.lang, "all_months")),
                      class_="sk-button sk-button--quiet"))
    if 0 <= index < len(months) - 1:
        y, m = months[index + 1]
        parts.append(link(ctx.link(urls.month(ctx.lang, y, m)), esc(month_label(y, m, ctx.lang)) + " →",
                          rel="next", class_="sk-button sk-button--quiet"))
    if not landmark:
        return el("div", "".join(parts), class_="sk-monthnav")
    return el("nav", "".join(parts), class_="sk-monthnav", aria_label=t(ctx.lang, "calendar"))


def grid(ctx: Ctx, year: int, month: int, items: list[Entry]) -> str:
    """The month as a table: a row per week, Monday first."""
    by_day: dict[dt.date, list[Entry]] = defaultdict(list)
    for item in items:
        for day in item.days():
            by_day[day].append(item)
    head = "".join(
        el("th", el("abbr", esc(short), title=full), scope="col")
        for short, full in zip(WEEKDAYS_SHORT[ctx.lang], WEEKDAYS[ctx.lang])
    )
    rows = []
    for week in _WEEKS.monthdatescalendar(year, month):
        cells = [_cell(ctx, day, month, by_day.get(day, [])) for day in week]
        rows.append(el("tr", "".join(cells)))
    caption = el("caption", esc(month_caption(year, month, ctx.lang)))
    table = el("table", caption + el("thead", el("tr", head)) + el("tbody", "\n".join(rows)),
               class_="sk-month", data_utc_offset=_offset_minutes(ctx))
    return el("div", table, class_="sk-month-wrap")


def _offset_minutes(ctx: Ctx) -> int:
    offset = ctx.agenda.now.utcoffset() or dt.timedelta(0)
    return int(offset.total_seconds() // 60)


def _cell(ctx: Ctx, day: dt.date, month: int, items: list[Entry]) -> str:
    if day.month != month:
        return el("td", "", class_="sk-out")
    today = day == ctx.agenda.today
    label = day_label(day, ctx.lang)
    number = el("span", str(day.day), class_="sk-daynum", aria_hidden="true")
    number += el("span", esc(label), class_="sk-sr")
    chips = "".join(_chip(ctx, day, item) for item in items)
    inner = number + (el("ul", chips, class_="sk-chips") if chips else "")
    classes = "sk-day" + (" sk-today" if today else "") + (" sk-busy" if items else "")
    return f"<td{attrs(class_=classes, data_date=day.isoformat(), aria_current='date' if today else None)}>{inner}</td>"


def _chip(ctx: Ctx, day: dt.date, item: Entry) -> str:
    """One event in one day cell; the first day and each Monday show the
    title, the other days continue the bar."""
    first, last = day == item.first, day == item.last
    kind = "single" if first and last else "start" if first else "end" if last else "mid"
    shown = first or day.weekday() == 0 or day.day == 1
    title = ctx.title(item.event)
    text = in_lang(title.text, title.lang, ctx.lang)
    if not first:
        text += el("span", f" ({esc(t(ctx.lang, 'continued'))})", class_="sk-sr")
    inner = text if shown else el("span", text, class_="sk-sr")
    chip = link(ctx.link(urls.event(ctx.lang, item.event.id)), inner, title=title.text)
    classes = f"sk-chip sk-chip--{kind} sk-chip--{item.status}" + ("" if shown else " sk-chip--cont")
    return f"<li{attrs(class_=classes, style=color_style(ctx, item.event.category))}>{chip}</li>"


def day_lists(ctx: Ctx, year: int, month: int, items: list[Entry]) -> str:
    """The month's events under their (first) day in the month."""
    first_of_month = dt.date(year, month, 1)
    by_day: dict[dt.date, list[Entry]] = defaultdict(list)
    for item in items:
        by_day[max(item.first, first_of_month)].append(item)
    if not by_day:
        return el("p", esc(t(ctx.lang, "no_events")), class_="sk-empty")
    sections = []
    for day in sorted(by_day):
        heading = el("h3", esc(day_label(day, ctx.lang)), id=f"d-{day.isoformat()}")
        sections.append(el("section", heading + card_list(ctx, by_day[day], summary=False)))
    return el("div", "\n".join(sections), class_="sk-days")
