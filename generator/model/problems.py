"""Problems found in content, and the three ways of printing them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from .patterns import CONTROL_OR_BREAK

ERROR = "error"
WARNING = "warning"

_SEVERITY_WORD = {
    "vi": {ERROR: "lỗi", WARNING: "cảnh báo"},
    "en": {ERROR: "error", WARNING: "warning"},
}


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem.  Lines and columns are 1-based.  Each problem
    carries its message in Vietnamese and in English."""

    path: str
    line: int
    column: int
    code: str
    message: str
    message_en: str
    severity: str = ERROR

    def text(self, lang: str = "vi") -> str:
        return self.message_en if lang == "en" else self.message

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def has_errors(problems, strict: bool = False) -> bool:
    return any(p.is_error or strict for p in problems)




def visible(text: str) -> str:
    """A message as plain, one-line text: a character from the file that a
    terminal would act on is written as its \\u code."""
    return CONTROL_OR_BREAK.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def format_text(problems, lang: str = "vi") -> str:
    words = _SEVERITY_WORD[lang]
    return "".join(
        f"{visible(p.path)}:{p.line}:{p.column}: {words[p.severity]}: {visible(p.text(lang))} [{p.code}]\n"
        for p in problems
    )


def format_github(problems, lang: str = "vi") -> str:
    lines = []
    for p in problems:
        kind = "error" if p.is_error else "warning"
        message = _escape_data(visible(f"{p.text(lang)} [{p.code}]"))
        lines.append(
            f"::{kind} file={_escape_property(visible(p.path))},line={p.line},col={p.column},"
            f"title={_escape_property(p.code)}::{message}\n"
        )
    return "".join(lines)


def format_json(problems, lang: str = "vi") -> str:
    items = [
        {
            "file": p.path,
            "line": p.line,
            "column": p.column,
            "severity": p.severity,
            "code": p.code,
            "message": p.text(lang),
        }
        for p in problems
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}


def _escape_data(value: str) -> str:
    # GitHub workflow command escaping (actions/toolkit command.ts)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
