"""`sukien report`: a month's events per unit, and totals by category and area.

The expected figures for April 2026 of tests/data/workflow, at 2026-04-15
12:00 in Lai Châu, worked out by hand from the files:

so-vhttdl (4): hội chợ 30/3-2/4 held (English), đua xe đạp 5/4 held,
  hội thảo 20/4 cancelled (press), Then Kin Pang (lunar 10/3) 26-27/4
  upcoming (press, English).
ubnd-xa-khong-lao (1): phiên chợ 18/4 postponed.  Not counted: lễ cúng bản
  (31/3 only) and ngày hội 1/5.
ubnd-phuong-tan-phong (3): kỷ niệm (yearly, 2026 cancelled by exception)
  10/4 cancelled, triển lãm 15/4 09:00-11:00 held, đêm ẩm thực 15/4 10:00 -
  16/4 upcoming (under way).  Not counted: giải bóng đá (repeat_until 2025).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.config import load_site_config
from generator.load.content import load_content
from generator.workflow.report import Tally, month_report, render_csv, render_markdown

DATA = Path(__file__).resolve().parents[1] / "data" / "workflow"
NOW = dt.datetime(2026, 4, 15, 12, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(scope="module")
def content():
    loaded, problems = load_content(load_site_config(DATA / "mkdocs.yml"))
    assert problems == []
    return loaded


def tally(total, held, upcoming, postponed, cancelled, press, english) -> Tally:
    return Tally(total, held, upcoming, postponed, cancelled, press, english)


def test_per_unit_counts(content):
    report = month_report(content, 2026, 4, NOW)
    counts = {unit.id: Tally.of(rows) for unit, rows in report.units}
    assert counts == {
        "so-vhttdl": tally(4, 2, 1, 0, 1, 2, 2),
        "ubnd-xa-khong-lao": tally(1, 0, 0, 1, 0, 0, 0),
        "ubnd-phuong-tan-phong": tally(3, 1, 1, 0, 1, 0, 0),
    }
    states = {row.occurrence.key: row.state for row in report.rows}
    assert states["le-hoi-then-kin-pang-2026"] == "upcoming"
    assert states["ky-niem-thanh-lap-phuong-2026"] == "cancelled"
    assert states["dem-am-thuc-2026"] == "upcoming"  # under way counts as not yet held
    assert states["trien-lam-anh-2026"] == "held"


def test_totals_by_category_and_area(content):
    report = month_report(content, 2026, 4, NOW)
    categories = dict(report.totals_by("category", [c.name for c in content.categories]))
    assert {name: t.total for name, t in categories.items()} == {
        "Văn hóa": 5, "Lễ hội truyền thống": 1, "Thể thao": 1, "Du lịch": 1}
    assert categories["Văn hóa"] == tally(5, 2, 0, 1, 2, 1, 1)
    areas = dict(report.totals_by("area", [a.name for a in content.areas]))
    assert {name: t.total for name, t in areas.items()} == {
        "Xã Khổng Lào": 2, "Phường Tân Phong": 5, "Chưa ghi xã, phường": 1}


def test_one_unit_and_a_month_without_events(content):
    only = month_report(content, 2026, 4, NOW, unit="ubnd-xa-khong-lao")
    assert [(u.id, len(rows)) for u, rows in only.units] == [("ubnd-xa-khong-lao", 1)]
    may = month_report(content, 2026, 5, NOW, unit="ubnd-xa-khong-lao")
    assert [row.occurrence.key for row in may.rows] == ["ngay-hoi-thang-5-2026"]
    march = month_report(content, 2026, 3, NOW, unit="ubnd-phuong-tan-phong")
    assert [(u.id, rows) for u, rows in march.units] == [("ubnd-phuong-tan-phong", ())]


def test_the_same_month_later_counts_everything_as_held(content):
    later = month_report(content, 2026, 4, NOW + dt.timedelta(days=30))
    assert Tally.of(later.rows) == tally(8, 5, 0, 1, 2, 2, 2)


def test_csv_opens_in_excel_with_vietnamese_text(content):
    data = render_csv(month_report(content, 2026, 4, NOW), content)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    assert data.count(b"\r\n") == data.count(b"\n")  # CRLF only
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:4] == ["Mã đơn vị", "Đơn vị", "Mã sự kiện", "Tên sự kiện"]
    events = rows[1:rows.index([])]
    assert len(events) == 8
    then_kin_pang = next(r for r in events if r[2] == "le-hoi-then-kin-pang-2026")
    assert then_kin_pang[4:] == ["2026-04-26 07:30", "2026-04-27 17:00", "Lễ hội truyền thống",
                                 "Xã Khổng Lào", "Sắp diễn ra", "Có", "Có", "0"]
    assert ["Tổng cộng", "8", "3", "2", "1", "2", "2", "2", "0", "0"] in rows


def test_markdown_command(monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-15T12:00")
    result = CliRunner().invoke(main, ["report", "-f", str(DATA / "mkdocs.yml"), "--month", "2026-04",
                                       "--unit", "so-vhttdl"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("# Báo cáo sự kiện tháng 04/2026\n")
    assert "## Sở Văn hóa, Thể thao và Du lịch" in out
    assert "Tổng cộng 4 sự kiện: 2 đã diễn ra, 1 sắp diễn ra, 0 hoãn, 1 đã hủy" in out
    assert "| 26/04/2026 07:30 – 27/04/2026 17:00 | Lễ hội Then Kin Pang |" in out
    assert "## Ủy ban nhân dân xã Khổng Lào" not in out


def test_csv_command_writes_a_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-15T12:00")
    target = tmp_path / "bao-cao.csv"
    result = CliRunner().invoke(main, ["report", "-f", str(DATA / "mkdocs.yml"), "--month", "2026-04",
                                       "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"\xef\xbb\xbfM\xc3\xa3 \xc4\x91\xc6\xa1n v\xe1\xbb\x8b")


@pytest.mark.parametrize("args, message", [
    (["--month", "04/2026"], "không đúng dạng YYYY-MM"),
    (["--month", "2026-13"], "tháng 13 không có (tháng từ 01 đến 12)"),
    (["--month", "2026-04", "--unit", "khong-co"], 'không có đơn vị "khong-co"'),
])
def test_bad_options_are_usage_errors(args, message):
    result = CliRunner().invoke(main, ["report", "-f", str(DATA / "mkdocs.yml"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_markdown_cells_escape_the_bar_and_keep_a_leading_dash(content):
    """The Markdown table has its own cell function: a '|' in a title must not
    split the row, and the CSV's formula guard (a quote before '-') has no
    place in Markdown."""
    title = "-Giao lưu | văn   nghệ"
    events = tuple(replace(e, title=title) if e.id == "le-hoi-then-kin-pang" else e for e in content.events)
    out = render_markdown(month_report(replace(content, events=events), 2026, 4, NOW), content)
    assert "| 26/04/2026 07:30 – 27/04/2026 17:00 | -Giao lưu \\| văn nghệ | Lễ hội truyền thống |" in out
    assert "'-Giao" not in out


def test_csv_cells_never_run_as_formulas():
    from generator.workflow.report import _cell

    assert _cell('=HYPERLINK("http://x.example","Bấm")') == '\'=HYPERLINK("http://x.example","Bấm")'
    assert _cell("@SUM(A1)") == "'@SUM(A1)" and _cell("Lễ hội") == "Lễ hội"


def test_report_without_content_is_an_environment_error(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["report", "--month", "2026-05", "--content", str(tmp_path / "none")])
    assert result.exit_code == 2 and "không tìm thấy" in result.output


@pytest.mark.parametrize("title", [
    "<img src=x onerror=alert(1)> Lễ hội", "[Bấm vào đây](https://lua-dao.example)", "Xem ![ảnh](https://x.example/a.png)",
    "<https://lua-dao.example>", "A&amp;B <b>đậm</b>", "**đậm** _nghiêng_ `mã`",
])
def test_markdown_titles_stay_plain_text(content, title):
    """Rendered as Markdown (as GitHub shows the report), a title is the
    text it is: no tag, no link, no image, no entity, no emphasis."""
    import markdown

    events = tuple(replace(e, title=title) if e.id == "le-hoi-then-kin-pang" else e for e in content.events)
    html = markdown.markdown(render_markdown(month_report(replace(content, events=events), 2026, 4, NOW), content),
                             extensions=["tables"])
    for markup in ("<img", "<a ", "<b>", "<strong", "<em", "<code"):
        assert markup not in html, (markup, html)
    from html import unescape
    assert title in unescape(html)


def test_an_event_abroad_is_held_once_its_own_day_is_over(content):
    """An all-day event in Paris on 15/4 is still under way at 01:00 on
    16/4 in Lai Châu (20:00 in Paris), and held at 05:00 (midnight there)."""
    base = content.event("trien-lam-anh-2026")
    abroad = replace(base, start=dt.date(2026, 4, 15), end=None, timezone="Europe/Paris", repeat=None,
                     exceptions=(), status="confirmed")
    tree = replace(content, events=(abroad,), _index={})
    zone = NOW.tzinfo

    def state(hour):
        [row] = month_report(tree, 2026, 4, dt.datetime(2026, 4, 16, hour, 0, tzinfo=zone)).rows
        return row.state
    assert (state(1), state(5)) == ("upcoming", "held")


@pytest.mark.parametrize("args, message", [
    (["--month", "2026-04", "--unit", "khong-co"], 'there is no unit "khong-co" in content/units.yaml'),
    (["--month", "2026-04", "--unit", "ubnd"], '"ubnd" matches 2 units: ubnd-xa-khong-lao'),
])
def test_unit_errors_in_english_with_lang_en(args, message):
    result = CliRunner().invoke(main, ["--lang", "en", "report", "-f", str(DATA / "mkdocs.yml"), *args])
    assert result.exit_code == 2
    assert message in result.output and "không" not in result.output and "khớp" not in result.output


@pytest.mark.parametrize("lang, reason", [("vi", "thư mục chứa tệp không tồn tại"),
                                          ("en", "No such file or directory")])
def test_an_unwritable_output_is_explained_in_the_users_language(tmp_path, monkeypatch, lang, reason):
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-15T12:00")
    result = CliRunner().invoke(main, ["--lang", lang, "report", "-f", str(DATA / "mkdocs.yml"), "--month", "2026-04",
                                       "-o", str(tmp_path / "khong-co" / "bao-cao.md")])
    assert result.exit_code == 2 and reason in result.output and "Traceback" not in result.output
