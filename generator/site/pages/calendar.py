"""The calendar: a page per month (an accessible grid and a list), and an
index of every month.

The grid is a real table (caption, column headers with ``scope``); a day
with events links to them in the month's list and every event in it is a
link too (on a phone, where the events are bars too small to tap, the day
is the one target); today's cell carries ``aria-current="date"``; a
multi-day event shows in each of its days as one continued bar; a status
is said in words as well as by colour.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
import functools
from collections import defaultdict

from .. import urls
from ...model.lunar import to_lunar
from ...model.occurrence import LunarDay, Occurrence
from .cards import card_list, color_style, thumbnail_inputs
from .rendering import Ctx
from .filters import month_filters
from ..i18n import WEEKDAYS, WEEKDAYS_SHORT, count_label, day_label, lunar_short, month_caption, month_label, t
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
        month_filters(ctx, items),
        grid(ctx, year, month, items),
        el("h2", esc(t(ctx.lang, "month_events")), id=urls.anchor(ctx.lang, "month_list")),
        day_lists(ctx, year, month, items),
        month_nav(ctx, year, month, months, landmark=False),
    )
    return Page(url=url, lang=ctx.lang, title=title,
                description=f"{title}. {count_label(len(items), ctx.lang)}.", body=body,
                alternate=urls.month(urls.other(ctx.lang), year, month))


def month_inputs(ctx: Ctx, year: int, month: int, months: list[tuple[int, int]]) -> tuple:
    """What :func:`month_page` reads beyond what every page shares (see
    :func:`generator.site.pages.event.event_inputs`): the months it links
    to, the occurrences of the month and their cards' thumbnails."""
    items = ctx.agenda.in_month(year, month)
    return (year, month, tuple(months), tuple(items), tuple(thumbnail_inputs(ctx, item) for item in items))


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
        grid(ctx, today.year, today.month, items, ctx.link(urls.month(ctx.lang, today.year, today.month))),
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


def grid(ctx: Ctx, year: int, month: int, items: list[Occurrence], list_page: str = "") -> str:
    """The month as a table: a row per week, Monday first.  A day with
    events links to them in the month's list (on ``list_page``, this page
    when empty): on a phone the whole cell is that link and the events are
    coloured bars; on a wider screen each event is a link too."""
    by_day: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for item in items:
        for day in item.days():
            by_day[day].append(item)
    head = "".join(
        el("th", el("abbr", esc(short), title=full), scope="col")
        for short, full in zip(WEEKDAYS_SHORT[ctx.lang], WEEKDAYS[ctx.lang], strict=True)
    )
    rows = []
    for week in _WEEKS.monthdatescalendar(year, month):
        cells = [_cell(ctx, day, month, by_day.get(day, []), list_page) for day in week]
        rows.append(el("tr", "".join(cells)))
    caption = el("caption", esc(month_caption(year, month, ctx.lang)))
    table = el("table", caption + el("thead", el("tr", head)) + el("tbody", "\n".join(rows)),
               class_="sk-month", data_utc_offset=_offset_minutes(ctx))
    return el("div", table, class_="sk-month-wrap")


def _offset_minutes(ctx: Ctx) -> int:
    offset = ctx.agenda.now.utcoffset() or dt.timedelta(0)
    return int(offset.total_seconds() // 60)


def _cell(ctx: Ctx, day: dt.date, month: int, items: list[Occurrence], list_page: str) -> str:
    moon = lunar_day(day)
    data = {"data_date": day.isoformat(), "data_lunar": f"{moon.day}/{moon.month}{'L' if moon.leap else ''}"}
    if day.month != month:
        return f"<td{attrs(class_='sk-out', **data)}></td>"
    today = day == ctx.agenda.today
    label = f"{day_label(day, ctx.lang)} ({_lunar_words(ctx, moon)})"
    number = el("span", str(day.day) + _lunar_mark(ctx, moon), class_="sk-daynum", aria_hidden="true")
    if items:
        section = list_anchor(_list_day(day, items))
        head = link(f"{list_page}#{section}", number + el("span", esc(_day_summary(ctx, label, items)), class_="sk-sr"),
                    class_="sk-daylink")
        chips = el("ul", "".join(_chip(ctx, day, item) for item in items), class_="sk-chips")
    else:
        head, chips = number + el("span", esc(label), class_="sk-sr"), ""
    classes = "sk-day" + (" sk-today" if today else "") + (" sk-busy" if items else "")
    classes += " sk-ram" if moon.day == 15 else " sk-mung1" if moon.day == 1 else ""
    return f"<td{attrs(class_=classes, aria_current='date' if today else None, **data)}>{head}{chips}</td>"


@functools.lru_cache(maxsize=4096)
def lunar_day(day: dt.date) -> LunarDay:
    return to_lunar(day)


def _lunar_mark(ctx: Ctx, moon: LunarDay) -> str:
    """The lunar day in a cell, as on a Vietnamese wall calendar: the month
    too on its first day ('1/3'), Rằm (the 15th) and Mùng 1 named."""
    text = lunar_short(moon) if moon.day == 1 else str(moon.day)
    named = t(ctx.lang, "full_moon") if moon.day == 15 else t(ctx.lang, "new_moon") if moon.day == 1 else None
    word = el("span", esc(named), class_="sk-moon__word") if named else ""
    return el("span", esc(text) + word, class_="sk-moon")


def _lunar_words(ctx: Ctx, moon: LunarDay) -> str:
    """'âm lịch 15/3, Rằm' for screen readers."""
    words = f"{t(ctx.lang, 'lunar').lower()} {lunar_short(moon)}"
    if moon.day in (1, 15):
        words += ", " + t(ctx.lang, "full_moon" if moon.day == 15 else "new_moon")
    return words


def _day_summary(ctx: Ctx, label: str, items: list[Occurrence]) -> str:
    """What a day link says: 'Thứ Bảy, 5/12/2026: 2 sự kiện, 1 đã hủy'
    (on a phone it stands for the day's events)."""
    parts = [count_label(len(items), ctx.lang)]
    for status in ("cancelled", "postponed", "tentative"):
        count = sum(1 for x in items if x.status == status)
        if count:
            parts.append(f"{count} {t(ctx.lang, status).lower()}")
    return f"{label}: {', '.join(parts)}"


def _list_day(day: dt.date, items: list[Occurrence]) -> dt.date:
    """The day of the month's list that shows ``day``'s events: that day
    when one of them begins then, else the day its first event is under."""
    first_of_month = day.replace(day=1)
    if any(max(x.first_day, first_of_month) == day for x in items):
        return day
    return max(items[0].first_day, first_of_month)


def list_anchor(day: dt.date) -> str:
    return f"d-{day.isoformat()}"


def _chip(ctx: Ctx, day: dt.date, item: Occurrence) -> str:
    """One event in one day cell; the first day and each Monday show the
    title, the other days continue the bar.  Its status is said in words
    too, for screen readers."""
    first, last = day == item.first_day, day == item.last_day
    kind = "single" if first and last else "start" if first else "end" if last else "mid"
    shown = first or day.weekday() == 0 or day.day == 1
    title = ctx.title(item.event)
    text = in_lang(title.text, title.lang, ctx.lang)
    hidden = [] if first else [t(ctx.lang, "continued")]
    if item.status != "confirmed":
        hidden.append(t(ctx.lang, item.status).lower())
    if hidden:
        text += el("span", "".join(f" ({esc(x)})" for x in hidden), class_="sk-sr")
    inner = text if shown else el("span", text, class_="sk-sr")
    chip = link(ctx.link(urls.event(ctx.lang, item.event.id)), inner, title=title.text)
    classes = f"sk-chip sk-chip--{kind} sk-chip--{item.status}" + ("" if shown else " sk-chip--cont")
    return (f"<li{attrs(class_=classes, style=color_style(ctx, item.event.category), data_category=item.event.category, data_area=item.event.location.area)}>"
            f"{chip}</li>")


def day_lists(ctx: Ctx, year: int, month: int, items: list[Occurrence]) -> str:
    """The month's events under their (first) day in the month."""
    first_of_month = dt.date(year, month, 1)
    by_day: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for item in items:
        by_day[max(item.first_day, first_of_month)].append(item)
    if not by_day:
        return el("p", esc(t(ctx.lang, "no_events")), class_="sk-empty")
    sections = []
    for day in sorted(by_day):
        heading = el("h3", esc(day_label(day, ctx.lang)), id=list_anchor(day))
        sections.append(el("section", heading + card_list(ctx, by_day[day], summary=False)))
    return el("div", "\n".join(sections), class_="sk-days")
