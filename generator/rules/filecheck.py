"""What a rule needs while it checks one file: where problems go, the
registries, the configuration, and the walk over mappings."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from ..load.config import SiteConfig
from ..model.problems import Problem
from ..load.yamlread import MappingNode, Node, ScalarNode, is_null
from . import severity


@dataclass
class KnownIds:
    """Ids known to the tree; None for a registry that could not be read
    (its checks are skipped instead of flagging every event)."""

    units: dict | None = None
    categories: dict | None = None
    areas: dict | None = None
    category_names: dict = field(default_factory=dict)  # folded name -> id
    area_names: dict = field(default_factory=dict)


MAX_PROBLEMS_PER_FILE = 100


@dataclass
class FileCheck:
    path: str  # as displayed
    file: Path | None  # on disk, for relative image paths
    content_root: Path | None
    config: SiteConfig
    registries: KnownIds
    problems: list[Problem] = field(default_factory=list)

    suppressed: int = 0
    # Unknown keys inside a nested mapping, by name: (mapping, key node,
    # index of their problem), so that a top-level key indented by mistake
    # into the mapping above it is told as such (rules/event.py).
    nested_unknown: dict[str, tuple[str, Node, int]] = field(default_factory=dict)
    # The first and last years a date may name (rules/dates.py): read from
    # the clock once per check of a tree (or per file), not for every date.
    years: tuple[int, int] | None = None

    def report(self, where: Node | None, code: str, vi: str, en: str) -> None:
        if self.saturated:
            self.suppressed += 1
            return
        line, column = (where.start_mark.line + 1, where.start_mark.column + 1) if where else (1, 1)
        self.problems.append(Problem(self.path, line, column, code, vi, en, severity(code)))

    @property
    def saturated(self) -> bool:
        """Past this many problems a file is reported in summary: nobody
        reads more, and a hostile file must not flood the output."""
        return len(self.problems) >= MAX_PROBLEMS_PER_FILE

    def close(self) -> None:
        if self.suppressed:
            first = self.problems[-1]
            self.problems.append(Problem(
                self.path, first.line, first.column, "too-many-problems",
                f"và {self.suppressed} lỗi khác trong tệp này không được liệt kê; hãy sửa các lỗi trên rồi kiểm tra lại",
                f"and {self.suppressed} more problems in this file are not listed; fix the ones above and check again",
            ))
            self.suppressed = 0

    @property
    def failed(self) -> bool:
        return any(p.is_error for p in self.problems)


class Fields(dict[str, tuple[Node, Node]]):
    """``{name: (key_node, value_node)}`` of a mapping; ``empty`` holds the
    key nodes of keys written without a value (``title:`` or ``title: ""``);
    ``misspelt`` the unknown keys that stand for an absent valid one
    (``tittle`` for ``title``): their problem names the absent key, so a
    missing required key is not reported a second time."""

    def __init__(self) -> None:
        super().__init__()
        self.empty: dict[str, Node] = {}
        self.misspelt: dict[str, Node] = {}


def fields(ck: FileCheck, node: Node, allowed, where: str, key: Node | None = None,
           aliases: dict[str, str] | None = None) -> Fields | None:
    """The keys of a mapping node as ``{name: (key_node, value_node)}``.

    Reports a non-mapping, duplicated and unknown keys; null values are
    left out (an empty ``end:`` means no end)."""
    if not isinstance(node, MappingNode):
        expect_mapping(ck, key or node, node, where)
        return None
    found = Fields()
    seen: dict[str, Node] = {}
    unknown: list[Node] = []
    for k, v in node.value:
        if not isinstance(k, ScalarNode):
            ck.report(k, "wrong-type", "tên trường phải là văn bản", "a key must be text")
            continue
        name = k.value
        if name in seen:
            first = seen[name].start_mark.line + 1
            ck.report(
                k, "duplicate-key",
                f"trường '{qualified(where, name)}' đã có ở dòng {first}; hãy xoá một trong hai",
                f"key '{qualified(where, name)}' already appears on line {first}; remove one of them",
            )
            continue
        seen[name] = k
        if name not in allowed:
            unknown.append(k)
        elif isinstance(v, ScalarNode) and (is_null(v) or not v.value.strip()):
            found.empty[name] = k
        else:
            found[name] = (k, v)
    for k in unknown:  # after the walk: whether the key they stand for is absent is known
        if ck.saturated:
            ck.suppressed += 1
            continue
        guess = unknown_key(ck, k, k.value[:100], allowed, where, aliases, present=seen)
        if guess is not None and guess not in seen:
            found.misspelt.setdefault(guess, k)
    return found


def unknown_key(ck: FileCheck, node: Node, name: str, allowed, where: str, aliases=None,
                present=()) -> str | None:
    """Report an unknown key; the valid key it probably stands for, if any.
    When that key is not in the mapping (``present``), the message says so."""
    guess = suggest(name, allowed, aliases)
    hint_vi = f"; có phải ý bạn là '{guess}'?" if guess else ""
    hint_en = f"; did you mean '{guess}'?" if guess else ""
    if guess and guess not in present:
        hint_vi += f" Tệp đang thiếu trường '{qualified(where, guess)}': hãy sửa tên trường này thành '{guess}'"
        hint_en += f" The key '{qualified(where, guess)}' is missing: rename this key to '{guess}'"
    listing = ", ".join(allowed)
    before = len(ck.problems)
    ck.report(
        node, "unknown-key",
        f"trường '{qualified(where, name)}' không có trong định dạng{hint_vi} (các trường hợp lệ: {listing})",
        f"unknown key '{qualified(where, name)}'{hint_en} (valid keys: {listing})",
    )
    if where and len(ck.problems) > before:
        ck.nested_unknown.setdefault(name, (where, node, before))
    return guess


def expect_mapping(ck: FileCheck, at: Node, node: Node, where: str) -> None:
    ck.report(
        at, "wrong-type",
        f"'{where}' phải là một bảng các trường con (mỗi dòng 'tên: giá trị', thụt lề), "
        f"không phải {shape_vi(node)}",
        f"'{where}' must be a mapping of keys (indented 'key: value' lines), not {shape_en(node)}",
    )


def qualified(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def shape_vi(node: Node) -> str:
    return {"ScalarNode": "một giá trị văn bản", "SequenceNode": "một danh sách",
            "MappingNode": "một bảng"}[type(node).__name__]


def shape_en(node: Node) -> str:
    return {"ScalarNode": "a text value", "SequenceNode": "a list",
            "MappingNode": "a mapping"}[type(node).__name__]


def fold(text: str) -> str:
    """Accent-, case- and separator-insensitive form, for suggestions and
    duplicate titles.  The transliteration is named: python-slugify's
    "auto" tries to import Unidecode on every call (a failed import, 40 µs
    a title) and would fold differently wherever Unidecode is installed."""
    if text.isascii():
        return text.lower().replace("_", "-").replace(" ", "-")
    return slugify(text, separator="-", backend="text-unidecode")


def suggest(value: str, choices, aliases: dict[str, str] | None = None) -> str | None:
    """The choice a unit probably meant: same letters without accents,
    a known synonym, or a close spelling."""
    choices = list(choices)
    folded = {fold(c): c for c in choices}
    key = fold(unicodedata.normalize("NFC", value))
    if key in folded:
        return folded[key]
    if aliases and key in aliases:
        return aliases[key]
    close = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None
