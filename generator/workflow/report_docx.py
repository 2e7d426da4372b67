"""``sukien report --format docx``: the monthly report as a Word document
ready to sign, in the layout of Vietnamese administrative documents
(Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, margins 20 mm top and bottom,
30 mm left, 15 mm right; Times New Roman; the issuing unit and a blank
number line top left, the Quốc hiệu and Tiêu ngữ top right, place and date,
the title, "Kính gửi", the figures in sentences, the table of events, and
the "Nơi nhận" and signature blocks left for the signer.  Page numbers
from the second page, centred at the top.

The table holds exactly the rows of the Markdown report (``month_report``).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..model.event import Content, Unit
from ..rules.filecheck import fold
from .report import STATE_VI, MonthReport, Row, Tally, article_text, articles_count, when_text, yes

FONT = "Times New Roman"
BODY = 14  # the decree: 13 to 14 pt
TABLE = 13
ADDRESSEE = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
HIGHER = "Thường trực Tỉnh ủy"  # to whom the addressee itself reports
PLACE = "Lai Châu"
COLUMNS = (  # header, width in cm (the body is 16.5 cm wide)
    ("STT", 1.1), ("Thời gian", 2.8), ("Sự kiện", 3.2), ("Địa điểm", 2.6), ("Đơn vị phối hợp", 2.2),
    ("Tình trạng", 1.6), ("Mời báo chí", 1.5), ("Báo chí đưa tin", 1.5),
)


def render_docx(report: MonthReport, content: Content, unit: Unit | None = None) -> bytes:
    """The report as the bytes of a .docx file."""
    doc = Document()
    _page(doc)
    issuer = unit.name if unit else (report.units[0][0].name if len(report.units) == 1 else _compiler(content))
    _heading(doc, issuer)
    _title(doc, report, HIGHER if _is_addressee(issuer) else ADDRESSEE)
    _body(doc, report, content, issuer)
    _signature(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _is_addressee(name: str) -> bool:
    return fold(name).startswith(fold(ADDRESSEE))


def _compiler(content: Content) -> str:
    """The issuer of the province-wide report: the body that collects the
    units' reports compiles them (its name as registered, if it is)."""
    return next((u.name for u in content.units if _is_addressee(u.name)), ADDRESSEE)


# --- Page and text ---------------------------------------------------------------

def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.header_distance = Cm(1)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(BODY)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)  # Word otherwise keeps its East Asian font
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0
    section.different_first_page_header_footer = True  # no number on the first page
    _page_number(section.header.paragraphs[0])


def _page_number(paragraph: Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(BODY)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _line(container, text: str = "", size: int = BODY, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.CENTER, before: float = 0, after: float = 0) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(before), Pt(after)
    if text:
        _run(paragraph, text, size, bold, italic)
    return paragraph


def _run(paragraph: Paragraph, text: str, size: int = BODY, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = FONT, Pt(size), bold, italic
    return run


def _rule(container, width_cm: float, box_cm: float) -> None:
    """A short line, centred in a box of ``box_cm``: the decree's line below
    the unit's name, the Tiêu ngữ and the title (the bottom border of an
    empty, narrowed paragraph)."""
    paragraph = container.add_paragraph()
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")  # first: the schema's order is pBdr, spacing, ind, jc, rPr
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    properties.append(borders)
    side = Cm(max(box_cm - width_cm, 0) / 2)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(1), Pt(0)
    mark = OxmlElement("w:rPr")  # the empty line's height is its paragraph mark's
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    properties.append(mark)


# --- Heading: unit, number, Quốc hiệu, Tiêu ngữ, place and date ---------------------

def _heading(doc, issuer: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    _widths(table, (6.5, 10.0))
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(left.paragraphs[0], issuer.upper(), 13, bold=True)
    _rule(left, 2.2, 6.5)
    _line(left, "Số: .../BC-...", 13, before=6)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    _line(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    _rule(right, 6.2, 10.0)
    _line(right, f"{PLACE}, ngày ... tháng ... năm ...", 14, italic=True, before=8)


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _widths(table: Table, widths) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths, strict=True):  # the grid, which LibreOffice follows
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _title(doc, report: MonthReport, addressee: str) -> None:
    _line(doc, "BÁO CÁO", BODY, bold=True, before=18)
    _line(doc, "Kết quả cung cấp thông tin, tuyên truyền các sự kiện "
          f"tháng {report.month:02d}/{report.year}", BODY, bold=True)
    _rule(doc, 4.0, 16.5)
    _line(doc, f"Kính gửi: {addressee}.", BODY, before=12, after=12)


# --- Body: the figures in sentences, then the table ---------------------------------

def _paragraph(doc, text: str = "", bold: bool = False) -> Paragraph:
    paragraph = _line(doc, text, BODY, bold=bold, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    paragraph.paragraph_format.first_line_indent = Cm(1.27)
    paragraph.paragraph_format.line_spacing = 1.15
    return paragraph


def _body(doc, report: MonthReport, content: Content, issuer: str) -> None:
    month = f"{report.month:02d}/{report.year}"
    who = issuer
    _paragraph(doc, f"Thực hiện việc cung cấp thông tin về các sự kiện trên Lịch sự kiện tỉnh Lai Châu, "
                    f"{who} báo cáo kết quả tháng {month} như sau:")
    _paragraph(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True)
    _paragraph(doc, "1. Số liệu chung", bold=True)
    for sentence in figures(report, content):
        _paragraph(doc, sentence)
    _paragraph(doc, "2. Danh sách sự kiện", bold=True)
    if report.rows:
        _events_table(doc, report, content)
        _coverage(doc, report)
    else:
        _paragraph(doc, "Trong tháng không có sự kiện nào.")
    _paragraph(doc, "II. ĐỀ XUẤT, KIẾN NGHỊ", bold=True).paragraph_format.space_before = Pt(6)
    _paragraph(doc, "." * 120)
    _paragraph(doc, f"Trên đây là báo cáo kết quả cung cấp thông tin, tuyên truyền các sự kiện tháng "
                    f"{month} của {who}./.").paragraph_format.keep_with_next = True  # not alone above the signature


def figures(report: MonthReport, content: Content) -> list[str]:
    """The month's figures as the sentences of the report."""
    t = Tally.of(report.rows)
    month = f"{report.month:02d}/{report.year}"
    stamp = f"(số liệu tính đến {report.now:%H} giờ {report.now:%M} ngày {report.now:%d/%m/%Y})"
    if not t.total:
        return [f"Trong tháng {month} không có sự kiện nào trên Lịch sự kiện của tỉnh {stamp}."]
    sentences = [
        f"Trong tháng {month}, có {t.total} sự kiện được đăng tải trên Lịch sự kiện của tỉnh {stamp}, "
        f"trong đó: {t.held} sự kiện đã diễn ra, {t.upcoming} sự kiện sắp diễn ra hoặc đang diễn ra, "
        f"{t.postponed} sự kiện hoãn và {t.cancelled} sự kiện hủy.",
        f"Có {t.press} sự kiện mời báo chí tác nghiệp; {t.covered} sự kiện được báo chí đưa tin với "
        f"tổng số {t.articles} bài; {t.english} sự kiện có bản tiếng Anh phục vụ khách quốc tế.",
    ]
    if len(report.units) > 1:
        sentences.append("Theo đơn vị tổ chức: " + _listing(
            (u.name, Tally.of(rows).total) for u, rows in report.units) + ".")
    categories = report.totals_by("category", [c.name for c in content.categories])
    sentences.append("Theo chủ đề: " + _listing((name, g.total) for name, g in categories) + ".")
    areas = report.totals_by("area", [a.name for a in content.areas])
    sentences.append("Theo địa bàn: " + _listing((name, g.total) for name, g in areas) + ".")
    return sentences


def _listing(groups) -> str:
    return "; ".join(f"{name}: {count} sự kiện" for name, count in groups)


def _events_table(doc, report: MonthReport, content: Content) -> None:
    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    _cell_margins(table, 0.1)
    for cell, (header, _) in zip(table.rows[0].cells, COLUMNS, strict=True):
        _cell_text(cell, header, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_header(table)
    several = len(report.units) > 1
    for number, (unit, row) in enumerate(((u, r) for u, rows in report.units for r in rows), 1):
        added = table.add_row()
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
        cells = added.cells
        _cell_text(cells[0], str(number), align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[1], when_text(row.occurrence).replace(" – ", " –\n"))
        _cell_text(cells[2], row.occurrence.event.title, extra=f"Đơn vị: {unit.short or unit.name}" if several else None)
        _cell_text(cells[3], place(row))
        _cell_text(cells[4], co_organisers(row, content))
        _cell_text(cells[5], STATE_VI[row.state])
        _cell_text(cells[6], yes(row.press), align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[7], articles_count(row), align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [width for _, width in COLUMNS])


def _coverage(doc, report: MonthReport) -> None:
    """The articles, event by event, below the table (as in the Markdown
    report): listed in the table's narrow column they made rows a third
    of a page tall."""
    covered = [row for _, rows in report.units for row in rows if row.articles]
    if not covered:
        return
    _paragraph(doc, "3. Báo chí đưa tin", bold=True).paragraph_format.space_before = Pt(6)
    for row in covered:
        _paragraph(doc, f"{row.occurrence.event.title} ({articles_count(row)}):").paragraph_format.keep_with_next = True
        for article in row.articles:
            _paragraph(doc, f"- {article_text(article)}.")


def place(row: Row) -> str:
    name = row.occurrence.event.location.name
    area = row.area if row.occurrence.event.location.area else None
    return name if not area or area.lower() in name.lower() else f"{name} ({area})"


def co_organisers(row: Row, content: Content) -> str:
    names = []
    for item in row.occurrence.event.co_organizers:
        unit = content.unit(item)
        names.append(unit.name if unit else item)
    return "; ".join(names) or "Không"


def _cell_text(cell: _Cell, text: str, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT,
               extra: str | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    for n, line in enumerate(text.split("\n")):
        if n:
            paragraph.add_run().add_break()
        _run(paragraph, line, TABLE, bold=bold)
    if extra:
        _line(cell, extra, TABLE, italic=True, align=align)


def _cell_margins(table: Table, side_cm: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(side_cm * 567)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _repeat_header(table: Table) -> None:
    """The header row again at the top of every page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


# --- Nơi nhận and the signature, left for the signer -----------------------------------

def _signature(doc) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # "Họ và tên" never alone on a page
    left, right = table.rows[0].cells
    _widths(table, (8.0, 8.5))
    first = left.paragraphs[0]
    first.paragraph_format.space_before = Pt(12)
    _run(first, "Nơi nhận:", 12, bold=True, italic=True)
    for line in ("- Như trên;", "- ...;", "- Lưu: VT, ..."):
        _line(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    top = right.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    top.paragraph_format.space_before = Pt(12)
    _run(top, "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", 14, bold=True)
    _line(right, "(Chữ ký của người có thẩm quyền, dấu của cơ quan, tổ chức)", 14, italic=True)
    for _ in range(4):
        _line(right)
    _line(right, "Họ và tên", 14, bold=True)
