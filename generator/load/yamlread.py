"""Read one YAML file safely into position-carrying nodes.

libyaml (PyYAML's C parser) composes the node tree; we resolve no implicit
types at all (every scalar stays text, so ``no`` stays "no" and ``08:30``
stays "08:30") and construct nothing: the rules read the nodes directly,
so every problem keeps its line and column.  Hostile input becomes a
problem, never an exception: bad encodings, tags, anchors and aliases
(refused, found in the parser's events before anything is composed, so an
alias bomb never expands), several documents, syntax errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
import yaml.reader
from yaml._yaml import CParser
from yaml.resolver import BaseResolver
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

STR_TAG = "tag:yaml.org,2002:str"
_NULLS = {"", "~", "null", "Null", "NULL"}
_DEFAULT_TAGS = {ScalarNode: STR_TAG, SequenceNode: "tag:yaml.org,2002:seq", MappingNode: "tag:yaml.org,2002:map"}


class _TextOnlyLoader(CParser, BaseResolver):
    """C parser and composer; the base resolver types nothing implicitly."""

    def __init__(self, stream: str | bytes) -> None:
        CParser.__init__(self, stream)
        BaseResolver.__init__(self)

    # No path-dependent or implicit resolvers: answer by node kind only
    # (the C composer calls these for every node).
    def resolve(self, kind, value, implicit):
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


@dataclass(frozen=True)
class Issue:
    """A problem found while reading, before any rule runs (0-based)."""

    line: int
    column: int
    code: str
    vi: str
    en: str


_BOM = b"\xef\xbb\xbf"


def compose(data: bytes) -> tuple[Node | None, Issue | None]:
    """The single document of a file's bytes (:func:`decode`, then
    :func:`parse`); None for an empty one."""
    text, issue = decode(data)
    if text is None:
        return None, issue
    return parse(text, data[len(_BOM):] if data.startswith(_BOM) else data)


def decode(data: bytes) -> tuple[str | None, Issue | None]:
    """Bytes to text: UTF-8, optional BOM, no NUL."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        return None, Issue(
            line, column, "invalid-encoding",
            f"tệp không phải văn bản UTF-8 (byte 0x{data[error.start]:02x} không hợp lệ); "
            "hãy lưu lại tệp với bảng mã UTF-8",
            f"the file is not UTF-8 text (invalid byte 0x{data[error.start]:02x}); "
            "save it again as UTF-8",
        )
    nul = text.find("\x00")
    if nul >= 0:
        line, column = _position(data, len(text[:nul].encode("utf-8")))
        return None, Issue(
            line, column, "invalid-encoding",
            "tệp chứa byte NUL: đây không phải tệp văn bản YAML",
            "the file contains NUL bytes: it is not a YAML text file",
        )
    return text, None


def parse(text: str, data: bytes | None = None) -> tuple[Node | None, Issue | None]:
    """Compose the single document of ``text``; None for an empty one.

    ``data`` is ``text`` in UTF-8, when at hand (a file's bytes): libyaml
    reads UTF-8, so a text is otherwise encoded again (3 µs a file).  The
    nodes, issues and marks are the same (but for the marks' stream name,
    which nothing here shows)."""
    for exotic in _EXOTIC_BREAKS:
        if exotic in text:
            text = text.replace(exotic, " ")
            data = None
    if _may_have_node_property(text):
        issue = scan_events(text)
        if issue is not None:
            return None, issue
    loader = _TextOnlyLoader(text if data is None else data)
    try:
        return loader.get_single_node(), None
    except yaml.MarkedYAMLError as error:
        return None, syntax_issue(text, error)
    except yaml.reader.ReaderError as error:  # carries a position, not a mark
        return None, _reader_issue(text, error)
    except yaml.YAMLError as error:
        return None, Issue(0, 0, "yaml-syntax", f"YAML không hợp lệ: {error}", f"invalid YAML: {error}")
    finally:
        loader.dispose()


_FLOW = "[]{},"


def _may_have_node_property(text: str) -> bool:
    """Whether ``text`` may hold a tag (!), an anchor (&) or an alias (*).

    Each can only start a token, so it follows the start, a space or a flow
    indicator, and an anchor or alias name follows it at once: "Văn hoá &
    Du lịch" or "**đậm**" do not count and skip the (slower) scan of the
    parser's events.  A few ``str.find`` calls: a regular expression with
    this context is tried at every position, about 20 µs a file."""
    for char in "!&*":
        at = text.find(char)
        while at >= 0:
            before = text[at - 1] if at else "\n"
            if before.isspace() or before in _FLOW:
                after = text[at + 1:at + 2]
                if char == "!" or (after and not (after.isspace() or after in _FLOW or after == "*")):
                    return True
            at = text.find(char, at + 1)
    return False

# YAML 1.1 counts NEL, LS and PS as line breaks, editors do not: as spaces
# they keep every line number the unit sees.
_EXOTIC_BREAKS = ("\x85", "\u2028", "\u2029")


def scan_events(text: str) -> Issue | None:
    """The first explicit tag, anchor or alias, from the parser's events
    (linear: an alias bomb is never expanded)."""
    parser = CParser(text)
    try:
        while (event := parser.get_event()) is not None and not isinstance(event, yaml.StreamEndEvent):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return alias_issue(event.start_mark)
            if (tag := getattr(event, "tag", None)) is not None:
                return tag_issue(event.start_mark, tag)
    except yaml.YAMLError:
        return None  # the composer reports syntax errors
    finally:
        parser.dispose()
    return None


def alias_issue(mark) -> Issue:
    return Issue(
        mark.line, mark.column, "yaml-alias",
        "không dùng neo và bí danh YAML (&tên, *tên): hãy viết lại giá trị đầy đủ ở mỗi chỗ",
        "YAML anchors and aliases (&name, *name) are not allowed: write the value out in full",
    )


def tag_issue(mark, tag: str) -> Issue:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return Issue(
        mark.line, mark.column, "yaml-tag",
        f"không dùng thẻ YAML '{shown}': hãy xoá thẻ và chỉ viết giá trị",
        f"YAML tags such as '{shown}' are not allowed: remove the tag and write the value only",
    )


_SYNTAX_VI = {
    "mapping values are not allowed":
        "dấu ':' không được phép ở đây; nếu giá trị có dấu ':' (giờ, tiêu đề...) hãy đặt cả giá trị trong "
        "dấu ngoặc kép \"...\", hoặc kiểm tra thụt lề",
    "could not find expected ':'": "thiếu dấu ':' sau tên trường (dạng 'tên: giá trị')",
    "did not find expected key":
        "dòng này không đúng dạng 'tên: giá trị': có thể thụt lề sai, hoặc có chữ sau dấu ngoặc kép đóng "
        "(hãy đặt cả giá trị trong một cặp ngoặc kép)",
    "did not find expected '-' indicator": "thụt lề của danh sách không đúng (các dòng '- ' phải thẳng hàng)",
    "did not find expected ',' or ']'": "danh sách [...] chưa đóng hoặc thiếu dấu phẩy giữa các phần tử",
    "did not find expected ',' or '}'": "bảng {...} chưa đóng hoặc thiếu dấu phẩy giữa các phần tử",
    "did not find expected comment or line break":
        "sau '|' hoặc '>' phải xuống dòng rồi mới viết nội dung (thụt lề bên dưới)",
    "block sequence entries are not allowed":
        "không thể bắt đầu danh sách '- ' trên cùng dòng với tên trường: hãy xuống dòng và thụt lề",
    "did not find expected node content": "thiếu giá trị, hoặc giá trị bắt đầu bằng ký tự đặc biệt (hãy đặt trong ngoặc kép)",
    "found unexpected end of stream": "tệp kết thúc khi một giá trị chưa đóng (thiếu dấu ngoặc kép hoặc ngoặc đóng?)",
    "expected a single document": "mỗi tệp chỉ được chứa một sự kiện (không dùng '---' lần thứ hai)",
    "but found another document": "mỗi tệp chỉ được chứa một sự kiện (không dùng '---' lần thứ hai)",
    "did not find expected <document start>": "mỗi tệp chỉ được chứa một sự kiện (có nội dung thừa sau '...' hoặc '---')",
    "found incompatible YAML document": "phiên bản YAML (%YAML) không được hỗ trợ: hãy xoá dòng %YAML",
    "found unknown escape character":
        "ký tự thoát '\\' không hợp lệ trong chuỗi ngoặc kép; dùng ngoặc đơn '...' hoặc viết '\\\\'",
    "found character that cannot start any token":
        "ký tự này không được đứng đầu giá trị (như @, `, %); hãy đặt cả giá trị trong dấu ngoặc kép",
    "exceeded maximum nesting depth": "cấu trúc lồng nhau quá sâu",
    "found duplicate anchor": "không dùng neo YAML (&tên)",
    "found undefined": "không dùng thẻ, neo hay bí danh YAML",
}


def syntax_issue(text: str, error: yaml.MarkedYAMLError) -> Issue:
    """The syntax error located at the mistake: an unclosed quote or
    bracket where it opens, a wrong indentation at its line; libyaml's
    mark is where it noticed, often far below."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    tab = _tab_in_indent(text, line)
    if tab is not None:
        return Issue(
            tab[0], tab[1], "yaml-syntax",
            "dùng phím Tab để thụt lề: YAML chỉ cho phép dấu cách; hãy thay Tab bằng dấu cách",
            "a Tab is used for indentation: YAML allows spaces only; replace the Tab with spaces",
        )
    problem = (error.problem or error.context or "").strip()
    located = _unclosed(text, error) or _missing_colon(text, error) or _key_without_colon_above(text, line, column, problem) or _from_tokens(text, line, problem)
    if located is not None:
        return located
    vi = next((v for k, v in _SYNTAX_VI.items() if problem.startswith(k)), None)
    if "tab character" in problem:
        vi = "có ký tự Tab: YAML chỉ cho phép dấu cách để thụt lề; hãy thay Tab bằng dấu cách"
    return Issue(
        line, column, "yaml-syntax",
        f"lỗi cú pháp YAML: {vi or problem}",
        f"YAML syntax error: {problem}",
    )


_FLOWS = {
    "while parsing a flow sequence": ("[", "]", "danh sách", "list"),
    "while parsing a flow mapping": ("{", "}", "bảng", "mapping"),
}


def _unclosed(text: str, error: yaml.MarkedYAMLError) -> Issue | None:
    """A quote or bracket libyaml was still inside: located where it opens."""
    context, mark = (error.context or "").strip(), error.context_mark
    if mark is None:
        return None
    if context == "while scanning a quoted scalar":
        opening = text.splitlines()[mark.line][mark.column:mark.column + 1] if mark.line < text.count("\n") + 1 else ""
        quote = "'" if opening == "'" else '"'
        return _unclosed_quote(mark.line, mark.column, quote)
    if context not in _FLOWS:
        return None
    opener, closer, vi, en = _FLOWS[context]
    lines = text.splitlines()
    rest = lines[mark.line][mark.column:] if mark.line < len(lines) else ""
    for quote in ('"', "'"):
        if rest.count(quote) % 2:  # a quote opened inside the brackets and not closed
            return _unclosed_quote(mark.line, mark.column + rest.rindex(quote), quote)
    return Issue(
        mark.line, mark.column, "yaml-syntax",
        f"lỗi cú pháp YAML: {vi} mở bằng '{opener}' ở đây chưa được đóng bằng '{closer}' "
        "(hoặc thiếu dấu phẩy giữa các phần tử)",
        f"YAML syntax error: the {en} opened with '{opener}' here is not closed with '{closer}' "
        "(or a comma is missing between its items)",
    )


def _missing_colon(text: str, error: yaml.MarkedYAMLError) -> Issue | None:
    """A line with no ':' is reported where it starts (libyaml notices
    only on the next line, which is correct)."""
    mark = error.context_mark
    if (error.context or "").strip() != "while scanning a simple key" or mark is None:
        return None
    return _no_colon(text.splitlines()[mark.line], mark.line, mark.column)


def _key_without_colon_above(text: str, line: int, column: int, problem: str) -> Issue | None:
    """``name Phòng`` above ``phone: ...`` at the same indentation: libyaml
    reads both lines as one text and stops at the second line's ':'."""
    lines = text.splitlines()
    if not problem.startswith("mapping values are not allowed") or not 0 <= line < len(lines):
        return None
    indent = len(lines[line]) - len(lines[line].lstrip(" "))
    above = _previous_content(lines, line)
    if above < 0 or not re.fullmatch(r"[a-z_]+", lines[line][indent:column]) or ":" in lines[above]:
        return None
    if len(lines[above]) - len(lines[above].lstrip(" ")) != indent:
        return None
    return _no_colon(lines[above], above, indent)


def _no_colon(content: str, line: int, column: int) -> Issue:
    """A key missing its ':', or a line of text that lost its indentation."""
    word = content[column:].split(" ", 1)[0]
    if re.fullmatch(r"[a-z_]+", word):
        return Issue(
            line, column, "yaml-syntax",
            f"lỗi cú pháp YAML: thiếu dấu ':' sau tên trường '{word}'; hãy viết '{word}: giá trị'",
            f"YAML syntax error: the ':' after the key '{word}' is missing; write '{word}: value'",
        )
    return Issue(
        line, column, "yaml-syntax",
        "lỗi cú pháp YAML: dòng này không có dạng 'tên: giá trị'; nếu đây là phần tiếp theo của "
        "đoạn văn ở trên, hãy thụt lề cho thẳng với các dòng trên",
        "YAML syntax error: this line is not 'key: value'; if it continues the text above, indent it "
        "like the lines above",
    )


def _unclosed_quote(line: int, column: int, quote: str, until: int | None = None) -> Issue:
    name_vi = "ngoặc kép" if quote == '"' else "ngoặc đơn"
    name_en = "double quote" if quote == '"' else "single quote"
    reach_vi = f" (giá trị đang kéo dài tới dòng {until + 1})" if until is not None else ""
    reach_en = f" (the value runs on to line {until + 1})" if until is not None else ""
    return Issue(
        line, column, "yaml-syntax",
        f"lỗi cú pháp YAML: dấu {name_vi} {quote} mở ở đây chưa được đóng{reach_vi}; "
        f"hãy thêm dấu {quote} ở cuối giá trị",
        f"YAML syntax error: the {name_en} {quote} opened here is not closed{reach_en}; "
        f"add the closing {quote} at the end of the value",
    )


_INDENT_PROBLEMS = ("mapping values are not allowed", "did not find expected key",
                    "could not find expected ':'", "did not find expected '-' indicator")


def _from_tokens(text: str, line: int, problem: str) -> Issue | None:
    """From the tokens read before the error line: a quoted value that
    swallowed lines up to it (its closing quote is missing), or a line
    indented unlike its neighbours."""
    tokens = _tokens_until(text, line)
    for token in reversed(tokens):
        if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                and token.start_mark.line < token.end_mark.line == line):
            return _unclosed_quote(token.start_mark.line, token.start_mark.column, token.style, line)
    if problem.startswith(_INDENT_PROBLEMS):
        item = _misaligned_item(text, line)
        if item is not None:
            return item
    if problem.startswith("did not find expected '-' indicator"):
        return _out_of_item(text, line, tokens)
    after = _text_after_quote(text, line, tokens)
    if after is not None:
        return after
    if problem.startswith(_INDENT_PROBLEMS):
        return _indentation(text, line, tokens)
    return None


def _misaligned_item(text: str, line: int) -> Issue | None:
    """A list item '- ' not aligned with the items above it."""
    lines = text.splitlines()
    if not 0 <= line < len(lines) or not lines[line].lstrip(" ").startswith("- "):
        return None
    indent = len(lines[line]) - len(lines[line].lstrip(" "))
    for number in range(line - 1, -1, -1):
        above = lines[number]
        if above.lstrip(" ").startswith("- "):
            other = len(above) - len(above.lstrip(" "))
            if other == indent:
                return None
            return Issue(
                line, indent, "yaml-syntax",
                f"lỗi cú pháp YAML: thụt lề sai ở dòng {line + 1}: mục danh sách '- ' thụt {indent} dấu cách, "
                f"các mục ở trên (dòng {number + 1}) thụt {other}; các dòng '- ' của một danh sách phải thẳng hàng",
                f"YAML syntax error: wrong indentation on line {line + 1}: the list item '- ' has {indent} "
                f"spaces, the items above (line {number + 1}) {other}; the '- ' lines of a list must be aligned",
            )
    return None


def _text_after_quote(text: str, line: int, tokens: list) -> Issue | None:
    """``title: "Giải Marathon" Lai Châu``: words after the closing quote."""
    quoted = [t for t in tokens if isinstance(t, yaml.ScalarToken) and t.style in ('"', "'")
              and t.end_mark.line == line]
    lines = text.splitlines()
    if not quoted or not 0 <= line < len(lines):
        return None
    end = quoted[-1].end_mark.column
    rest = lines[line][end:].strip()
    if not rest or rest.startswith(("#", ",", "]", "}", ":")):
        return None
    return Issue(
        line, lines[line].index(rest, end), "yaml-syntax",
        f"lỗi cú pháp YAML: có chữ sau dấu {quoted[-1].style} đóng ({rest[:30]}); dấu ngoặc chỉ được bao cả "
        "giá trị: hãy đặt cả giá trị trong một cặp ngoặc, hoặc bỏ ngoặc (ngoặc bên trong giá trị thì dùng "
        "loại ngoặc kia, ví dụ 'Giải \"Marathon\" Lai Châu')",
        f"YAML syntax error: there is text after the closing {quoted[-1].style} ({rest[:30]}); quotes must "
        "enclose the whole value: quote all of it, or none (for quotes inside a value use the other kind)",
    )


def _out_of_item(text: str, line: int, tokens: list) -> Issue | None:
    """A key of a list item ('- start: ...') pulled out of the item: less
    indented than the item's keys above, at the column of the '- '."""
    lines = text.splitlines()
    keys = [t for t in tokens if isinstance(t, yaml.KeyToken) and t.start_mark.line < line]
    if not 0 <= line < len(lines) or not keys or lines[line].lstrip(" ").startswith("- "):
        return None
    indent = len(lines[line]) - len(lines[line].lstrip(" "))
    above = keys[-1].start_mark
    if indent >= above.column:
        return None
    return _wrong_indent(lines, line, indent, "ít hơn", "less than", above.line, above.column, "")


def _tokens_until(text: str, line: int) -> list:
    """The scanner's tokens that start on or before ``line`` (0-based)."""
    scanner = CParser(text)
    tokens: list = []
    try:
        while (token := scanner.get_token()) is not None and token.start_mark.line <= line:
            tokens.append(token)
    except yaml.YAMLError:
        pass  # the tokens before the error are what we need
    finally:
        scanner.dispose()
    return tokens


def _indentation(text: str, line: int, tokens: list) -> Issue | None:
    """The error line, when its indentation matches no open level: deeper
    than the key above that already has its value, or between two levels."""
    lines = text.splitlines()
    if not 0 <= line < len(lines) or not lines[line].strip():
        return None
    indent = len(lines[line]) - len(lines[line].lstrip(" "))
    keys = [t for t in tokens if isinstance(t, yaml.KeyToken) and t.start_mark.line < line]
    if not keys:
        return None
    above = keys[-1].start_mark
    after = tokens[tokens.index(keys[-1]) + 1:]
    valued = any(isinstance(t, yaml.ScalarToken) and t.start_mark.line == above.line for t in after[1:])
    levels = _open_levels(t for t in tokens if t.start_mark.line < line)
    opener = _previous_content(lines, above.line)
    if (indent > above.column and valued and opener >= 0 and lines[opener].rstrip().endswith(":")
            and _indent_of_previous(lines, above.line) == above.column):
        # 'en:' then 'title:' at the margin, then '  summary:': the title is the one too far out
        return _wrong_indent(lines, above.line, above.column, "ít hơn", "less than", line, indent, "")
    if indent > above.column and valued and _indent_of_previous(lines, above.line) == indent:
        if _keys_at(lines, above.line, indent, -1) & _keys_at(lines, line, indent, 1):
            return _value_and_block(lines, above.line, above.column)  # 'contact: X' over its own name/phone
        # the lines on either side agree: the key above is the one too far out
        return _wrong_indent(lines, above.line, above.column, "ít hơn", "less than",
                             _previous_content(lines, above.line), indent, "")
    if indent > above.column and valued:
        how_vi, how_en = "nhiều hơn", "more than"
        hint = " (nếu dòng này là phần tiếp theo của giá trị ở trên, hãy đặt cả giá trị trong dấu ngoặc kép)"
    elif indent < above.column and indent not in levels:
        how_vi, how_en, hint = "ít hơn", "less than", ""
        opened = tokens.index(keys[-1]) > 0 and isinstance(tokens[tokens.index(keys[-1]) - 1], yaml.BlockMappingStartToken)
        if opened and _indent_of_next(lines, line) == indent:  # the lines below agree: the first key is the odd one
            return _wrong_indent(lines, above.line, above.column, "nhiều hơn", "more than", line, indent, "")
    else:
        return None
    return _wrong_indent(lines, line, indent, how_vi, how_en, above.line, above.column, hint)


def _keys_at(lines: list[str], start: int, indent: int, step: int) -> set[str]:
    """The keys at ``indent`` from ``start`` on (up or down) until a line
    less indented: the keys of one block."""
    keys: set[str] = set()
    number = start + (step if step < 0 else 0)
    while 0 <= number < len(lines):
        content = lines[number]
        if content.strip() and not content.lstrip().startswith("#"):
            depth = len(content) - len(content.lstrip(" "))
            if depth < indent:
                break
            if depth == indent and ":" in content:
                keys.add(content.strip().split(":", 1)[0])
        number += step
    return keys


def _value_and_block(lines: list[str], line: int, column: int) -> Issue:
    key = lines[line][column:].split(":", 1)[0]
    return Issue(
        line, column, "yaml-syntax",
        f"lỗi cú pháp YAML: '{key}' đã có giá trị trên cùng dòng nên không chứa được các trường thụt lề "
        f"bên dưới; hãy xoá phần sau '{key}:' (để các dòng dưới là nội dung của '{key}')",
        f"YAML syntax error: '{key}' has a value on its own line, so it cannot hold the indented keys "
        f"below; delete what follows '{key}:' (so that the lines below belong to '{key}')",
    )


def _previous_content(lines: list[str], line: int) -> int:
    """The number of the last line with content before ``line`` (or -1)."""
    for number in range(line - 1, -1, -1):
        if lines[number].strip() and not lines[number].lstrip().startswith("#"):
            return number
    return -1


def _indent_of_previous(lines: list[str], line: int) -> int | None:
    """The indentation of the last line with content before ``line``."""
    number = _previous_content(lines, line)
    return None if number < 0 else len(lines[number]) - len(lines[number].lstrip(" "))


def _indent_of_next(lines: list[str], line: int) -> int | None:
    """The indentation of the next line with content after ``line``."""
    for text in lines[line + 1:]:
        if text.strip() and not text.lstrip().startswith("#"):
            return len(text) - len(text.lstrip(" "))
    return None


def _wrong_indent(lines: list[str], line: int, indent: int, how_vi: str, how_en: str,
                  other: int, other_indent: int, hint: str) -> Issue:
    key = lines[other].strip().removeprefix("- ").split(":", 1)[0][:40]
    return Issue(
        line, indent, "yaml-syntax",
        f"lỗi cú pháp YAML: thụt lề sai ở dòng {line + 1}: thụt {indent} dấu cách, {how_vi} dòng "
        f"{other + 1} ('{key}', {other_indent} dấu cách); các trường cùng cấp phải thẳng hàng{hint}",
        f"YAML syntax error: wrong indentation on line {line + 1}: {indent} spaces, {how_en} line "
        f"{other + 1} ('{key}', {other_indent} spaces); keys of one level must be aligned",
    )


def _open_levels(tokens) -> set[int]:
    """The columns of the block collections still open after ``tokens``."""
    stack: list[int] = []
    for token in tokens:
        if isinstance(token, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken)):
            stack.append(token.start_mark.column)
        elif isinstance(token, yaml.BlockEndToken) and stack:
            stack.pop()
    return set(stack)


def _tab_in_indent(text: str, line: int) -> tuple[int, int] | None:
    """A Tab in the leading whitespace of the error line or the one before."""
    lines = text.splitlines()
    for number in (line, line - 1):
        if 0 <= number < len(lines):
            content = lines[number]
            indent = content[: len(content) - len(content.lstrip(" \t"))]
            if "\t" in indent:
                return number, indent.index("\t")
    return None


def _reader_issue(text: str, error) -> Issue:
    # libyaml counts bytes of the UTF-8 text
    head = text.encode("utf-8")[: error.position].decode("utf-8", errors="ignore")
    line, column = head.count("\n"), len(head) - (head.rfind("\n") + 1)
    code = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
    return Issue(
        line, column, "yaml-syntax",
        f"tệp chứa ký tự điều khiển không được phép ({code}); hãy xoá ký tự này (thường do sao chép từ Word hoặc PDF)",
        f"the file contains a control character that is not allowed ({code}); delete it",
    )


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """0-based line and column (in characters) of a byte offset."""
    head = data[:offset]
    line = head.count(b"\n")
    start = head.rfind(b"\n") + 1
    return line, len(head[start:].decode("utf-8", errors="replace"))


def is_null(node: Node) -> bool:
    """An empty or null plain scalar (``key:`` or ``key: ~``)."""
    return isinstance(node, ScalarNode) and not node.style and node.value in _NULLS


__all__ = ["Issue", "MappingNode", "Node", "ScalarNode", "SequenceNode", "compose", "decode", "is_null", "parse"]
