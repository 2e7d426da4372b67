"""`sukien report --format docx`: the monthly report as a Word document in
the layout of Nghị định 30/2020/NĐ-CP, read back with python-docx and
converted by LibreOffice, as the unit's office would open it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from docx.oxml.ns import qn

from contenttree import make_tree, with_fields
from generator.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "workflow"


def report(tmp_path, *args, config=DATA / "mkdocs.yml", name="bao-cao.docx"):
    target = tmp_path / name
    result = CliRunner().invoke(main, ["report", "-f", str(config), "--month", "2026-04", "--format", "docx",
                                       "-o", str(target), *args])
    assert result.exit_code == 0, result.output
    return docx.Document(str(target)), target


@pytest.fixture(autouse=True)
def pinned(monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-15T12:00")


def markdown_rows(*args) -> list[tuple[str, str]]:
    """(time, title) of every event row of the Markdown report."""
    out = CliRunner().invoke(main, ["report", "-f", str(DATA / "mkdocs.yml"), "--month", "2026-04", *args]).output
    rows, in_events = [], False
    for line in out.splitlines():
        if line.startswith("| Thời gian | Sự kiện |"):
            in_events = True
        elif not line.startswith("|"):
            in_events = False
        elif in_events and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows.append((cells[0], cells[1]))
    return rows


def events_table(document):
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "STT"]
    return table


def docx_rows(document) -> list[tuple[str, str]]:
    return [(" ".join(row.cells[1].text.split()), row.cells[2].paragraphs[0].text)
            for row in events_table(document).rows[1:]]


@pytest.mark.parametrize("args, count", [([], 8), (["--unit", "so-vhttdl"], 4)], ids=["province", "one-unit"])
def test_the_table_holds_exactly_the_events_of_the_markdown_report(tmp_path, args, count):
    document, _ = report(tmp_path, *args)
    expected = markdown_rows(*args)
    assert len(expected) == count
    assert docx_rows(document) == expected
    table = events_table(document)
    assert [c.text for c in table.rows[0].cells] == [
        "STT", "Thời gian", "Sự kiện", "Địa điểm", "Đơn vị phối hợp", "Tình trạng", "Mời báo chí", "Báo chí đưa tin"]
    assert [row.cells[0].text for row in table.rows[1:]] == [str(n) for n in range(1, count + 1)]


def test_the_administrative_layout(tmp_path):
    document, _ = report(tmp_path, "--unit", "so-vhttdl")
    heading = document.tables[0]
    left, right = (cell.text for cell in heading.rows[0].cells)
    assert left.splitlines()[0] == "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" and "Số: .../BC-..." in left
    assert right.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert "Lai Châu, ngày ... tháng ... năm ..." in right
    texts = [p.text for p in document.paragraphs]
    title = texts.index("BÁO CÁO")
    assert texts[title + 1] == "Kết quả cung cấp thông tin, tuyên truyền các sự kiện tháng 04/2026"
    assert "Kính gửi: Ban Tuyên giáo và Dân vận Tỉnh ủy." in texts
    signature = document.tables[-1].rows[0].cells
    assert signature[0].text.startswith("Nơi nhận:\n- Như trên;") and "Lưu: VT" in signature[0].text
    assert "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ" in signature[1].text
    # the signature block is never cut by a page break ("Họ và tên" alone on the next page)
    assert document.tables[-1].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_a4_margins_and_times_new_roman_13_to_14(tmp_path):
    document, _ = report(tmp_path, "--unit", "so-vhttdl")
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
             section.left_margin, section.right_margin)
    assert [round(size.mm) for size in sizes] == [210, 297, 20, 20, 30, 15]  # A4; the decree's margins
    runs = [run for p in _paragraphs(document) for run in p.runs if run.text.strip()]
    assert runs and {run.font.name for run in runs} == {"Times New Roman"}
    small = {run.text for run in runs if run.font.size.pt < 13}
    assert small == {"Nơi nhận:", "- Như trên;", "- ...;", "- Lưu: VT, ..."}  # 12 and 11 pt, as the decree has them
    body = [p for p in document.paragraphs if p.text.startswith("Trong tháng 04/2026")]
    assert body and all(run.font.size.pt == 14 for p in body for run in p.runs)


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def test_the_figures_are_sentences(tmp_path):
    document, _ = report(tmp_path, "--unit", "so-vhttdl")
    text = "\n".join(p.text for p in document.paragraphs)
    assert ("Trong tháng 04/2026, có 4 sự kiện được đăng tải trên Lịch sự kiện của tỉnh (số liệu tính đến "
            "12 giờ 00 ngày 15/04/2026), trong đó: 2 sự kiện đã diễn ra, 1 sự kiện sắp diễn ra hoặc đang diễn ra, "
            "0 sự kiện hoãn và 1 sự kiện hủy.") in text
    assert "Có 2 sự kiện mời báo chí tác nghiệp; 0 sự kiện được báo chí đưa tin với tổng số 0 bài" in text


def test_the_unit_by_its_name(tmp_path):
    by_name, _ = report(tmp_path, "--unit", "Văn hóa, Thể thao", name="a.docx")
    assert docx_rows(by_name) == markdown_rows("--unit", "so-vhttdl")


def test_press_coverage_counted_and_listed_per_event(tmp_path):
    coverage = ("\n  - outlet: Báo Lai Châu\n    title: Rộn ràng Then Kin Pang\n    url: https://baolaichau.vn/a"
                "\n    date: 2026-04-27\n  - outlet: VTV5\n    title: Té nước cầu mưa\n    url: https://vtv.vn/b")
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(coverage=coverage),
                                   "so-vhttdl/hoi-b.yaml": with_fields(title="Hội khác", start="2026-04-10 07:30",
                                                                       end=None)})
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nplugins:\n  - sukien:\n      content: {content}\n")
    document, _ = report(tmp_path, config=tmp_path / "mkdocs.yml")
    rows = events_table(document).rows[1:]
    assert [r.cells[7].text for r in rows] == ["Không", "2 bài"]
    texts = [p.text for p in document.paragraphs]
    assert "1 sự kiện được báo chí đưa tin với tổng số 2 bài" in "\n".join(texts)
    # the articles listed below the table, event by event (a narrow column made rows a third of a page)
    listed = texts.index("3. Báo chí đưa tin")
    assert texts[listed + 1:listed + 4] == [
        "Lễ hội Then Kin Pang (2 bài):", "- Báo Lai Châu: Rộn ràng Then Kin Pang (27/04/2026).",
        "- VTV5: Té nước cầu mưa."]


def test_libreoffice_reads_it_as_an_official_report(tmp_path):
    office, to_text = shutil.which("libreoffice") or shutil.which("soffice"), shutil.which("pdftotext")
    if not office or not to_text:
        pytest.skip("LibreOffice or pdftotext is not installed")
    _, target = report(tmp_path)
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(target)], check=True, capture_output=True, timeout=180)
    text = subprocess.run([to_text, "-layout", str(target.with_suffix(".pdf")), "-"], check=True,
                          capture_output=True, text=True).stdout
    first = text.split("\f")[0]
    assert re.search(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first) and "Độc lập - Tự do - Hạnh phúc" in first
    assert "BÁO CÁO" in first and "Kính gửi: Thường trực Tỉnh ủy." in first  # the province-wide report
    assert "Nơi nhận:" in text and text.count("\f") >= 2  # the table runs onto a second page
    assert re.search(r"^\s*2\s*$", text.split("\f")[1].splitlines()[0])  # page number from page 2


def test_the_province_report_is_issued_by_the_body_that_collects_the_reports(tmp_path):
    """No placeholder issuer: the province-wide report is the compilation of
    the Propaganda Commission, which sends it up rather than to itself."""
    document, _ = report(tmp_path)
    left = document.tables[0].rows[0].cells[0].text
    assert left.splitlines()[0] == "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY" and "TÊN CƠ QUAN" not in left
    texts = [p.text for p in document.paragraphs]
    assert "Kính gửi: Thường trực Tỉnh ủy." in texts
    assert any(t.endswith("của Ban Tuyên giáo và Dân vận Tỉnh ủy./.") for t in texts)
    assert not any("của đơn vị./." in t for t in texts)
