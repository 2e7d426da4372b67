"""Read one YAML file safely into position-carrying nodes.

libyaml (PyYAML's C parser) composes the node tree; we resolve no implicit
types at all (every scalar stays text, so ``no`` stays "no" and ``08:30``
stays "08:30") and construct nothing: the rules read the nodes directly,
so every problem keeps its line and column.  Hostile input becomes a
problem, never an exception: bad encodings, tags, aliases (refused: a
node reached twice is an alias, so an alias bomb is caught at its first
repetition), several documents, syntax errors.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
import yaml.reader
from yaml._yaml import CParser
from yaml.resolver import BaseResolver
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {STR_TAG, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_DEFAULT_TAGS = {ScalarNode: STR_TAG, SequenceNode: "tag:yaml.org,2002:seq", MappingNode: "tag:yaml.org,2002:map"}


class _TextOnlyLoader(CParser, BaseResolver):
    """C parser and composer; the base resolver types nothing implicitly."""

    def __init__(self, stream: str) -> None:
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


def decode(data: bytes) -> tuple[str | None, Issue | None]:
    """Bytes to text: UTF-8, optional BOM, no NUL."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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


def parse(text: str) -> tuple[Node | None, Issue | None]:
    """Compose the single document of ``text``; None for an empty one."""
    loader = _TextOnlyLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, syntax_issue(text, error)
    except yaml.reader.ReaderError as error:  # carries a position, not a mark
        return None, _reader_issue(text, error)
    except yaml.YAMLError as error:
        return None, Issue(0, 0, "yaml-syntax", f"YAML không hợp lệ: {error}", f"invalid YAML: {error}")
    finally:
        loader.dispose()
    if node is None:
        return None, None
    if "!" not in text and "&" not in text and "*" not in text:
        return node, None  # no tag and no alias can be written without these
    return node, check_nodes(text, node)


def check_nodes(text: str, root: Node) -> Issue | None:
    """Find the first explicit tag or alias (iteratively: no recursion)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return alias_issue(text, node)
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            return tag_issue(node)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(value)
                stack.append(key)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return None


def alias_issue(text: str, node: Node) -> Issue:
    mark = _first_alias_mark(text) or node.start_mark
    return Issue(
        mark.line, mark.column, "yaml-alias",
        "không dùng bí danh YAML (*tên / &tên): hãy viết lại giá trị đầy đủ",
        "YAML aliases (*name / &name) are not allowed: write the value out in full",
    )


def _first_alias_mark(text: str):
    parser = CParser(text)
    try:
        while (event := parser.get_event()) is not None and not isinstance(event, yaml.StreamEndEvent):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()
    return None


def tag_issue(node: Node) -> Issue:
    mark = node.start_mark
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return Issue(
        mark.line, mark.column, "yaml-tag",
        f"không dùng thẻ YAML '{tag}': hãy xoá thẻ và chỉ viết giá trị",
        f"YAML tags such as '{tag}' are not allowed: remove the tag and write the value only",
    )


_SYNTAX_VI = {
    "mapping values are not allowed here":
        "dấu ':' không được phép ở đây; nếu giá trị có dấu ':' hãy đặt nó trong dấu ngoặc kép \"...\"",
    "could not find expected ':'": "thiếu dấu ':' sau tên trường",
    "did not find expected key": "thụt lề không đúng hoặc thiếu tên trường",
    "did not find expected '-' indicator": "thụt lề của danh sách không đúng",
    "found unexpected end of stream": "tệp kết thúc khi một giá trị chưa đóng (thiếu dấu ngoặc kép hoặc ngoặc đóng?)",
    "found undefined alias": "bí danh YAML (*tên) không được phép",
    "expected a single document in the stream": "mỗi tệp chỉ được chứa một sự kiện (một tài liệu YAML, không dùng '---' lần thứ hai)",
    "found unknown escape character": "ký tự thoát '\\' không hợp lệ trong chuỗi ngoặc kép; dùng ngoặc đơn '...' hoặc viết '\\\\'",
    "found character that cannot start any token": "ký tự không được phép ở đầu giá trị; hãy đặt giá trị trong dấu ngoặc kép",
    "exceeded maximum nesting depth": "cấu trúc lồng nhau quá sâu",
}


def syntax_issue(text: str, error: yaml.MarkedYAMLError) -> Issue:
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
    vi = next((v for k, v in _SYNTAX_VI.items() if problem.startswith(k)), None)
    return Issue(
        line, column, "yaml-syntax",
        f"lỗi cú pháp YAML: {vi or problem}",
        f"YAML syntax error: {problem}",
    )


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
    head = text[: error.position]
    line, column = head.count("\n"), error.position - (head.rfind("\n") + 1)
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


__all__ = ["Issue", "MappingNode", "Node", "ScalarNode", "SequenceNode", "decode", "is_null", "parse"]
