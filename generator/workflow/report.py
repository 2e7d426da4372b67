"""``sukien report``: a month's events per unit, for the units' monthly
propaganda report, with totals by category and area.

An occurrence belongs to the month when any of its days is in the month
(its dates in the event's time zone).  Each one is in exactly one state:
cancelled, postponed (whatever its dates), else held when it has ended
before "now", else upcoming (including under way); "ended" is
:meth:`Occurrence.is_over`.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model.event import Content, Coverage, Unit, When
from ..model.occurrence import Occurrence
from ..model.repeats import occurrences
from ..site import i18n

STATES = ("held", "upcoming", "postponed", "cancelled")
# a state in the site's words (i18n): 'Đã diễn ra', 'Sắp diễn ra', 'Hoãn', 'Đã hủy'
STATE_VI = {state: i18n.t("vi", key) for state, key in
            (("held", "past"), ("upcoming", "upcoming"), ("postponed", "postponed"), ("cancelled", "cancelled"))}
NO_AREA = "Chưa ghi xã, phường"


@dataclass(frozen=True)
class Row:
    occurrence: Occurrence
    state: str
    category: str  # the category's name
    area: str  # the area's name, or NO_AREA

    @property
    def press(self) -> bool:
        press = self.occurrence.event.press
        return bool(press and press.invited)

    @property
    def english(self) -> bool:
        en = self.occurrence.event.en
        return bool(en and en.title)

    @property
    def articles(self) -> tuple[Coverage, ...]:
        """The press coverage of this occurrence: every article of a single
        event; for a series, the articles dated in the occurrence's year
        (and the undated ones)."""
        event = self.occurrence.event
        if not event.repeat:
            return event.coverage
        return tuple(c for c in event.coverage if c.date is None or c.date.year == self.occurrence.year)


@dataclass(frozen=True)
class Tally:
    total: int = 0
    held: int = 0
    upcoming: int = 0
    postponed: int = 0
    cancelled: int = 0
    press: int = 0
    english: int = 0
    covered: int = 0  # events the press wrote about
    articles: int = 0  # the articles about them

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Tally:
        rows = list(rows)
        states = Counter(row.state for row in rows)
        return cls(len(rows), **{state: states[state] for state in STATES},
                   press=sum(row.press for row in rows), english=sum(row.english for row in rows),
                   covered=sum(bool(row.articles) for row in rows),
                   articles=sum(len(row.articles) for row in rows))


@dataclass(frozen=True)
class MonthReport:
    year: int
    month: int
    now: dt.datetime
    units: tuple[tuple[Unit, tuple[Row, ...]], ...]

    @property
    def rows(self) -> list[Row]:
        return [row for _, rows in self.units for row in rows]

    def totals_by(self, attribute: str, order: list[str]) -> list[tuple[str, Tally]]:
        """(name, tally) for each category or area with events, in registry order."""
        groups: dict[str, list[Row]] = {}
        for row in self.rows:
            groups.setdefault(getattr(row, attribute), []).append(row)
        names = [n for n in order if n in groups] + sorted(set(groups) - set(order))
        return [(name, Tally.of(groups[name])) for name in names]


def month_report(content: Content, year: int, month: int, now: dt.datetime,
                 unit: str | None = None) -> MonthReport:
    """The report of ``month`` for every unit with events (or for ``unit``)."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    by_unit: dict[str, list[Row]] = {}
    for event in content.events:
        if unit and event.unit != unit:
            continue
        for occ in occurrences(event, until_year=year + 1):
            if occ.first_day <= last and occ.last_day >= first:
                by_unit.setdefault(event.unit, []).append(_row(content, occ, now))
    units = [u for u in content.units if u.id in by_unit or u.id == unit]
    return MonthReport(year, month, now, tuple(
        (u, tuple(sorted(by_unit.get(u.id, ()), key=_row_order))) for u in units))


def _row(content: Content, occ: Occurrence, now: dt.datetime) -> Row:
    event = occ.event
    category = content.category(event.category)
    area = content.area(event.location.area) if event.location.area else None
    return Row(occ, _state(occ, now), category.name if category else event.category,
               area.name if area else NO_AREA)


def _state(occ: Occurrence, now: dt.datetime) -> str:
    if not occ.is_active:
        return occ.status
    return "held" if occ.is_over(now) else "upcoming"


def _row_order(row: Row):
    return (row.occurrence.first_day, str(row.occurrence.start), row.occurrence.key)


# --- Markdown ----------------------------------------------------------------

_COLUMNS = ("Tổng số", "Đã diễn ra", "Sắp diễn ra", "Hoãn", "Đã hủy", "Mời báo chí", "Có bản tiếng Anh",
            "Được báo chí đưa tin", "Số bài báo")


def render_markdown(report: MonthReport, content: Content) -> str:
    lines = [
        f"# Báo cáo sự kiện tháng {report.month:02d}/{report.year}",
        "",
        f"Số liệu tính đến {report.now:%H:%M} ngày {report.now:%d/%m/%Y}. Một sự kiện được tính vào "
        "tháng nếu có ít nhất một ngày diễn ra trong tháng; sự kiện lặp lại được tính theo lần "
        "diễn ra trong tháng.",
        "",
    ]
    if not report.units:
        lines += ["Không có sự kiện nào trong tháng.", ""]
    for unit, rows in report.units:
        lines += [f"## {_md_cell(unit.name)}", ""]
        if not rows:
            lines += ["Không có sự kiện nào trong tháng.", ""]
            continue
        lines += _table(("Thời gian", "Sự kiện", "Chủ đề", "Xã, phường", "Tình trạng",
                         "Mời báo chí", "Bản tiếng Anh", "Báo chí đưa tin"),
                        [(when_text(r.occurrence), r.occurrence.event.title, r.category, r.area,
                          STATE_VI[r.state], yes(r.press), yes(r.english), articles_count(r)) for r in rows])
        t = Tally.of(rows)
        lines += [f"Tổng cộng {t.total} sự kiện: {t.held} đã diễn ra, {t.upcoming} sắp diễn ra, "
                  f"{t.postponed} hoãn, {t.cancelled} đã hủy; {t.press} có mời báo chí; "
                  f"{t.english} có bản tiếng Anh; {t.covered} được báo chí đưa tin ({t.articles} bài).", ""]
        lines += _coverage_list(rows)
    for title, first, groups in _summaries(report, content):
        lines += [f"## {title}", ""]
        lines += _table((first, *_COLUMNS), [(name, *_numbers(t)) for name, t in groups])
    return "\n".join(lines)


def _coverage_list(rows) -> list[str]:
    covered = [r for r in rows if r.articles]
    if not covered:
        return []
    lines = ["Báo chí đưa tin:", ""]
    for r in covered:
        lines.append(f"- {_md_cell(r.occurrence.event.title)}:")
        lines += [f"    - {_md_cell(article_text(a))} <{a.url}>" for a in r.articles]
    return lines + [""]


def articles_count(row: Row) -> str:
    return f"{len(row.articles)} bài" if row.articles else "Không"


def article_text(article: Coverage) -> str:
    """``Báo Lai Châu: Title (27/04/2026)``."""
    day = f" ({article.date:%d/%m/%Y})" if article.date else ""
    return f"{article.outlet}: {article.title}{day}"


def _summaries(report: MonthReport, content: Content):
    if not report.rows:
        return []
    units = [(u.name, Tally.of(rows)) for u, rows in report.units]
    everything = ("Tổng cộng", Tally.of(report.rows))
    return [
        ("Tổng hợp theo đơn vị", "Đơn vị", [*units, everything]),
        ("Theo chủ đề", "Chủ đề",
         report.totals_by("category", [c.name for c in content.categories])),
        ("Theo xã, phường", "Xã, phường",
         report.totals_by("area", [a.name for a in content.areas] + [NO_AREA])),
    ]


def _table(header, rows) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_md_cell(str(v)) for v in row) + " |" for row in rows]
    return out + [""]


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#!|])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;"})


def _md_cell(text: str) -> str:
    """Text as plain text in Markdown, on one line: every character that
    Markdown or HTML could read as markup is escaped, the same way for
    CommonMark (GitHub) and Python-Markdown: '&', '<', '>' and '~' as
    entities, the rest ('|' that ends a cell, '[' of a link, '*' of
    emphasis...) with a backslash."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()).translate(_ENTITIES))


def _numbers(t: Tally) -> tuple[int, ...]:
    return (t.total, t.held, t.upcoming, t.postponed, t.cancelled, t.press, t.english, t.covered, t.articles)


def yes(value: bool) -> str:
    return i18n.t("vi", "yes" if value else "no")


def when_text(occ: Occurrence) -> str:
    start, end = occ.start, occ.end
    if not isinstance(start, dt.datetime):
        text = f"{start:%d/%m/%Y}"
        return text if end is None or end == start else f"{text} – {end:%d/%m/%Y}"
    text = f"{start:%d/%m/%Y %H:%M}"
    if not isinstance(end, dt.datetime):  # no end (a timed start never has a date end)
        return text
    return f"{text} – {end:%H:%M}" if end.date() == start.date() else f"{text} – {end:%d/%m/%Y %H:%M}"


# --- CSV (for Excel) -----------------------------------------------------------

def render_csv(report: MonthReport, content: Content) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends: what Excel needs to
    open Vietnamese text correctly by double-click.  Sections (the events,
    then each summary) are separated by an empty row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Mã đơn vị", "Đơn vị", "Mã sự kiện", "Tên sự kiện", "Bắt đầu", "Kết thúc",
                     "Chủ đề", "Xã, phường", "Tình trạng", "Mời báo chí", "Bản tiếng Anh", "Số bài báo"])
    for unit, rows in report.units:
        for r in rows:
            occ = r.occurrence
            writer.writerow([unit.id, _cell(unit.name), occ.key, _cell(occ.event.title), _iso(occ.start),
                             _iso(occ.end) if occ.end is not None else "", _cell(r.category),
                             _cell(r.area), STATE_VI[r.state], yes(r.press), yes(r.english), len(r.articles)])
    for title, first, groups in _summaries(report, content):
        writer.writerow([])
        writer.writerow([title])
        writer.writerow([first, *_COLUMNS])
        writer.writerows([_cell(name), *_numbers(t)] for name, t in groups)
    return out.getvalue().encode("utf-8-sig")


def _cell(text: str) -> str:
    """Text that Excel must not run as a formula (titles come from the
    public issue form): a leading = + - @ gets a quote mark, as OWASP advises."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _iso(value: When) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, dt.datetime) else value.isoformat()
