"""Scalar values: text, URLs, phone numbers, e-mail, choices, coordinates.

Every parser takes the node, reports what is wrong with it and returns the
clean value, or None when the value cannot be used."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from slugify import slugify

from ..load.yamlread import MappingNode, Node, ScalarNode, SequenceNode
from ..model import patterns
from .filecheck import FileCheck, shape_en, shape_vi, suggest

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_UNSAFE_SCHEMES = {"javascript", "data", "vbscript", "file"}
_NOT_IN_URL = re.compile(r'[\s"<>\\^`{|}]')
_NUMBER = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]+)?")
_BOOLEANS = {"true": True, "yes": True, "có": True, "co": True,
             "false": False, "no": False, "không": False, "khong": False}


def _colon_inside(node: Node) -> bool:
    """A one-line ``Ban tổ chức: Tuần ...`` where text was expected."""
    if not isinstance(node, MappingNode) or len(node.value) != 1 or node.flow_style:
        return False
    key, value = node.value[0]
    return (isinstance(key, ScalarNode) and isinstance(value, ScalarNode) and not key.style
            and key.start_mark.line == value.start_mark.line)


def text(ck: FileCheck, node: Node, where: str, max_len: int | None = None) -> str | None:
    """A text value, NFC-normalised."""
    if not isinstance(node, ScalarNode):
        _not_text(ck, node, where)
        return None
    value = unicodedata.normalize("NFC", node.value).strip()
    bad = None if value.isprintable() else patterns.CONTROL.search(value)
    if bad:
        ck.report(
            node, "invalid-encoding",
            f"'{where}' chứa ký tự điều khiển không in được (U+{ord(bad.group()):04X}); hãy xoá ký tự đó",
            f"'{where}' contains a non-printing control character (U+{ord(bad.group()):04X}); delete it",
        )
        return None
    if max_len is not None and len(value) > max_len:
        ck.report(
            node, "too-long",
            f"'{where}' dài {len(value)} ký tự, tối đa {max_len}; hãy rút gọn "
            f"(bắt đầu bằng: \"{value[:40]}…\")",
            f"'{where}' is {len(value)} characters long, at most {max_len}",
        )
    return value


def _not_text(ck: FileCheck, node: Node, where: str) -> None:
    """A list or a mapping where text was expected."""
    if _colon_inside(node):
        key, value = node.value[0]
        quoted = f'"{key.value}: {value.value}"'
        ck.report(
            node, "wrong-type",
            f"'{where}': dấu ':' ở giữa giá trị làm nó bị hiểu thành 'tên: giá trị'; hãy đặt cả giá trị "
            f"trong dấu ngoặc kép: {quoted}",
            f"'{where}': the ':' inside the value makes it read as 'key: value'; put the whole value "
            f"in double quotes: {quoted}",
        )
        return
    ck.report(
        node, "wrong-type",
        f"'{where}' phải là văn bản, không phải {shape_vi(node)}",
        f"'{where}' must be text, not {shape_en(node)}",
    )


# Markdown (descriptions, news updates) is rendered by Python-Markdown,
# whose cost grows faster than the text's length on some input: every '['
# that opens no link scans the rest of its paragraph, each nesting level
# of lists and quotes is a recursion, and some blocks (setext headings,
# rules) cost the square of their number of lines.  Within these bounds a text renders in
# a bounded time (well under a second at worst), so a build's cost is bounded by the
# number of events; real descriptions are far below them.
MARKDOWN_MAX_CHARS = 10_000
MARKDOWN_MAX_BRACKETS = 50  # '[': links and images
MARKDOWN_MAX_DEPTH = 8  # levels of lists and quotes
MARKDOWN_MAX_CELLS = 1_000  # '|': table cells
MARKDOWN_MAX_LINES = 300
_DEEP_PREFIX = re.compile(rf"^[ \t>*+\-0-9.)]{{{MARKDOWN_MAX_DEPTH + 1}}}", re.MULTILINE)
_PREFIX = re.compile(r"(?:[ \t]|>|[-*+][ \t]|[0-9]{1,9}[.)][ \t])*")


def markdown(ck: FileCheck, node: Node, where: str) -> str | None:
    """A Markdown text within the bounds above (too-long, markdown-too-complex)."""
    value = text(ck, node, where, MARKDOWN_MAX_CHARS)
    if value is None or len(value) > MARKDOWN_MAX_CHARS:
        return value
    lines = value.splitlines()
    deep = _DEEP_PREFIX.search(value)  # nine levels need nine characters of prefix at least
    depth = max((_depth(line) for line in lines), default=0) if deep else 0
    found = [(len(lines), MARKDOWN_MAX_LINES, "dòng", "lines"),(value.count("["), MARKDOWN_MAX_BRACKETS, "dấu '[' (liên kết, ảnh)", "'[' (links, images)"),
             (depth, MARKDOWN_MAX_DEPTH, "cấp lồng nhau (danh sách, trích dẫn)", "nesting levels (lists, quotes)"),
             (value.count("|"), MARKDOWN_MAX_CELLS, "dấu '|' (ô bảng)", "'|' (table cells)")]
    for count, limit, vi, en in found:
        if count > limit:
            ck.report(
                node, "markdown-too-complex",
                f"'{where}' có {count} {vi}, tối đa {limit}; hãy viết đơn giản hơn (văn bản thường, ít liên kết, "
                "danh sách không lồng quá sâu)",
                f"'{where}' has {count} {en}, at most {limit}",
            )
            break
    return value


def _depth(line: str) -> int:
    """Nesting of a Markdown line: quote marks, list markers and indentation
    (four columns a level, a tab counting four)."""
    prefix = _PREFIX.match(line)
    if prefix is None:
        return 0
    head = prefix.group().replace("\t", "    ")
    return head.count(">") + sum(1 for marker in re.finditer(r"[-*+]|[0-9]+[.)]", head)) + head.count(" ") // 4


def field_text(ck: FileCheck, got, where: str, name: str, max_len: int | None = None) -> str | None:
    """The text of key ``name`` of a mapping read by ``fields``, or None
    when it is absent (``where`` names the mapping in messages)."""
    if name not in got:
        return None
    return text(ck, got[name][1], f"{where}.{name}" if where else name, max_len)


MAX_ITEMS = 200  # of any list of an event (tags, schedule, updates, links...): the pages stay light


def sequence(ck: FileCheck, node: Node, where: str, limit: int | None = MAX_ITEMS) -> list[Node] | None:
    """The items of a list; more than ``limit`` is reported (too-many-items)."""
    if isinstance(node, SequenceNode):
        if limit is not None and len(node.value) > limit:
            ck.report(
                node, "too-many-items",
                f"'{where}' có {len(node.value)} mục, tối đa {limit}; hãy giữ những mục chính "
                "(tin cũ, chương trình chi tiết có thể đưa vào mô tả hoặc một liên kết)",
                f"'{where}' has {len(node.value)} items, at most {limit}",
            )
            return node.value[:limit]
        return node.value
    example = "[a, b]" if where != "geo" else "[22.35, 103.45]"
    ck.report(
        node, "wrong-type",
        f"'{where}' phải là một danh sách (các dòng bắt đầu bằng '- ' hoặc {example}), không phải {shape_vi(node)}",
        f"'{where}' must be a list ('- ' lines or {example}), not {shape_en(node)}",
    )
    return None


def url(ck: FileCheck, node: Node, where: str, https_only: bool = False) -> str | None:
    value = text(ck, node, where)
    if value is None:
        return None
    scheme = _SCHEME.match(value)
    name = scheme.group(1).lower() if scheme else ""
    if name in _UNSAFE_SCHEMES:
        ck.report(
            node, "unsafe-url",
            f"'{where}': địa chỉ '{name}:' không được phép vì lý do an toàn; hãy dùng một địa chỉ https://",
            f"'{where}': '{name}:' URLs are not allowed for safety; use an https:// address",
        )
        return None
    if https_only and name == "http":
        ck.report(
            node, "invalid-url",
            f"'{where}': ảnh phải dùng địa chỉ an toàn https://; hãy ghi 'https://{value[7:]}' nếu trang hỗ trợ, "
            "hoặc tải ảnh vào thư mục images/ của đơn vị",
            f"'{where}': images must use https://; write 'https://{value[7:]}' or put the image in images/",
        )
        return None
    allowed = ("https",) if https_only else ("http", "https")
    if name not in allowed or not _well_formed(value):
        needed = "https://" if https_only else "http:// hoặc https://"
        guess = "https:" + value if value.startswith("//") else "https://" + value
        hint = f"; có phải '{guess}'?" if not scheme and "." in value and " " not in value else ""
        ck.report(
            node, "invalid-url",
            f"'{where}': '{value}' không phải địa chỉ web đầy đủ (phải bắt đầu bằng {needed}){hint}",
            f"'{where}': '{value}' is not an absolute {needed.replace(' hoặc ', ' or ')} URL{hint.replace('có phải', 'did you mean')}",
        )
        return None
    return value


def _well_formed(value: str) -> bool:
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises on a bad port
    except ValueError:
        return False
    # no whitespace (a newline would end a line of a calendar file) and none
    # of the characters a URL must percent-encode
    return bool(parts.hostname) and not _NOT_IN_URL.search(value) and len(value) <= 2000


def phone(ck: FileCheck, node: Node, where: str) -> str | None:
    value = text(ck, node, where)
    if value is None:
        return None
    if not patterns.is_phone(value):
        bad = sorted({c for c in value if not (c.isdigit() or c in " .()-+")})
        shown = " ".join(f"'{c}'" for c in bad) or "'+'"
        ck.report(
            node, "invalid-phone",
            f"'{where}': số điện thoại '{value}' có ký tự không hợp lệ ({shown}); chỉ dùng chữ số, "
            "dấu cách, '.', '-', '()' và '+' ở đầu; mỗi trường chỉ ghi một số",
            f"'{where}': phone number '{value}' has invalid characters ({shown}); use digits, "
            "spaces, '.', '-', '()' and a leading '+' only, one number per field",
        )
        return None
    return value


def email(ck: FileCheck, node: Node, where: str) -> str | None:
    value = text(ck, node, where)
    if value is None:
        return None
    if not patterns.is_email(value):
        ck.report(
            node, "invalid-email",
            f"'{where}': '{value}' không phải địa chỉ email (dạng ten@donvi.gov.vn)",
            f"'{where}': '{value}' is not an e-mail address (name@example.gov.vn)",
        )
        return None
    return value


def choice(ck: FileCheck, node: Node, where: str, choices, aliases=None) -> str | None:
    value = text(ck, node, where)
    if value is None:
        return None
    if value in choices:
        return value
    guess = suggest(value, choices, aliases)
    listing = ", ".join(choices)
    ck.report(
        node, "invalid-value",
        f"'{where}': giá trị '{value}' không hợp lệ" + (f"; có phải ý bạn là '{guess}'?" if guess else "")
        + f" (các giá trị hợp lệ: {listing})",
        f"'{where}': '{value}' is not allowed" + (f"; did you mean '{guess}'?" if guess else "")
        + f" (allowed: {listing})",
    )
    return None


def boolean(ck: FileCheck, node: Node, where: str) -> bool | None:
    value = text(ck, node, where)
    if value is None:
        return None
    result = _BOOLEANS.get(value.lower())
    if result is None:
        ck.report(
            node, "invalid-value",
            f"'{where}': '{value}' không hợp lệ; hãy ghi 'có' hoặc 'không' (hoặc true/false, yes/no)",
            f"'{where}': '{value}' is not allowed; write true/false, yes/no or có/không",
        )
    return result


def year(ck: FileCheck, node: Node, where: str) -> int | None:
    value = text(ck, node, where)
    if value is None:
        return None
    if re.fullmatch(r"[0-9]{4}", value):
        return int(value)
    guess = re.match(r"[0-9]{4}", value)
    ck.report(
        node, "invalid-value",
        f"'{where}': '{value}' không phải một năm" + (f"; có phải ý bạn là {guess.group()}?" if guess else " (ví dụ 2030)"),
        f"'{where}': '{value}' is not a year" + (f"; did you mean {guess.group()}?" if guess else " (for example 2030)"),
    )
    return None


def tag(ck: FileCheck, node: Node, where: str) -> str | None:
    value = text(ck, node, where)
    if value is None:
        return None
    if not patterns.is_id(value):
        better = slugify(value[:200])
        ck.report(
            node, "invalid-tag",
            f"'{where}': thẻ '{value[:80]}' phải viết thường, không dấu, nối bằng dấu '-'"
            + (f"; hãy ghi '{better}'" if better else ", ví dụ 'le-hoi'"),
            f"'{where}': tag '{value[:80]}' must be lowercase ASCII words joined by '-'"
            + (f"; write '{better}'" if better else ", for example 'festival'"),
        )
        return None
    return value


def geo(ck: FileCheck, node: Node, where: str) -> tuple[float, float] | None:
    if not isinstance(node, SequenceNode):
        written = node.value.strip() if isinstance(node, ScalarNode) else ""
        example = f"[{written.strip('[]()')}]" if re.fullmatch(r"[(\[]?\s*-?[\d.]+\s*[,;]\s*-?[\d.]+\s*[)\]]?", written) else "[22.35, 103.45]"
        ck.report(
            node, "invalid-geo",
            f"'{where}' phải là danh sách [vĩ độ, kinh độ] trong ngoặc vuông, ví dụ {example}",
            f"'{where}' must be a [latitude, longitude] list in square brackets, for example {example}",
        )
        return None
    items = node.value
    numbers = [
        float(item.value) if isinstance(item, ScalarNode) and _NUMBER.fullmatch(item.value.strip()) else None
        for item in items
    ]
    if any(isinstance(i, ScalarNode) and re.fullmatch(r"-?[0-9]+,[0-9]+", i.value.strip()) for i in items):
        ck.report(
            node, "invalid-geo",
            f"'{where}': số thập phân dùng dấu chấm, không dùng dấu phẩy, ví dụ [22.35, 103.45]",
            f"'{where}': decimals take a point, not a comma, for example [22.35, 103.45]",
        )
        return None
    pair = _pair(numbers)
    if pair is None or not (-90 <= pair[0] <= 90 and -180 <= pair[1] <= 180):
        swap = pair is not None and -90 <= pair[1] <= 90
        hint = f" (có vẻ bị đảo: [{numbers[1]}, {numbers[0]}])" if swap else ", ví dụ [22.35, 103.45]"
        hint_en = f" (looks swapped: [{numbers[1]}, {numbers[0]}])" if swap else ", for example [22.35, 103.45]"
        ck.report(
            node, "invalid-geo",
            f"'{where}' phải là [vĩ độ, kinh độ] bằng số, vĩ độ từ -90 đến 90 và kinh độ từ -180 đến 180{hint}",
            f"'{where}' must be [latitude, longitude] as numbers in range{hint_en}",
        )
        return None
    lat, lon = pair
    south, west, north, east = ck.config.geo_bounds
    if not (south <= lat <= north and west <= lon <= east):
        swapped = south <= lon <= north and west <= lat <= east
        ck.report(
            node, "geo-outside-bounds",
            f"'{where}': toạ độ [{lat}, {lon}] nằm ngoài tỉnh Lai Châu"
            + ("; có vẻ vĩ độ và kinh độ bị đảo: hãy ghi [vĩ độ, kinh độ] = " f"[{lon}, {lat}]" if swapped else "; hãy kiểm tra lại"),
            f"'{where}': [{lat}, {lon}] is outside the province"
            + (f"; latitude and longitude look swapped: write [{lon}, {lat}]" if swapped else "; check it"),
        )
    return (lat, lon)


def _pair(numbers: list[float | None]) -> tuple[float, float] | None:
    """Exactly two numbers, else None."""
    if len(numbers) != 2:
        return None
    first, second = numbers
    return (first, second) if first is not None and second is not None else None
