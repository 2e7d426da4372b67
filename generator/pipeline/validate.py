"""``sukien validate``: the whole tree, or some files in its context, and
optionally the comparison with a git revision (``vcs/comparison.py``:
deletion protection, new and changed files)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import clock
from ..model import event as model
from ..load.config import SiteConfig
from ..load.content import REGISTRY_NAMES, check_loose_file, display, load_tree
from ..model.problems import Problem
from ..rules.across import duplicate_events, new_events_in_past
from ..vcs.comparison import BaseComparison


def _count(number: int, noun: str) -> str:
    """'1 error', '2 errors' (the English summary)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@dataclass
class ValidationResult:
    content: model.Content
    problems: list[Problem]
    files_checked: int

    def summary(self, lang: str = "vi", strict: bool = False) -> str:
        errors = sum(p.is_error for p in self.problems)
        warnings = len(self.problems) - errors
        if lang == "en":
            return (f"{_count(self.files_checked, 'event file')} checked: {_count(errors, 'error')}, "
                    f"{_count(warnings, 'warning')}.")
        return f"Đã kiểm tra {self.files_checked} tệp sự kiện: {errors} lỗi, {warnings} cảnh báo."


def validate_tree(config: SiteConfig, files: list[Path] | None = None, base: str | None = None) -> ValidationResult:
    """Every problem of the tree (only those of ``files`` when given)."""
    root = Path(config.content_dir)
    if not root.is_dir():
        raise OSError(f"không tìm thấy thư mục nội dung '{display(root)}' (dùng --content DIR)")
    loaded = load_tree(config)
    problems = list(loaded.problems)
    compared = BaseComparison.of(root, base, {event.path for event in loaded.content.events}) if base else None
    problems += _across_files(loaded.content.events, root, config, compared)
    checked = len(loaded.event_files)
    if files:
        missing = [str(f) for f in files if not Path(f).exists()]
        if missing:
            raise OSError(f"không tìm thấy tệp: {', '.join(missing)}")
        wanted = _wanted(files, loaded.event_files)
        problems = [p for p in problems if _key(Path(p.path)) in wanted]
        checked = sum(_key(f) in wanted for f in loaded.event_files)
        known = {_key(f) for f in loaded.event_files} | {_key(root / name) for name in REGISTRY_NAMES}
        for loose in (Path(f) for f in files if Path(f).is_file() and _key(Path(f)) not in known):
            problems += check_loose_file(loose, config, loaded)
            checked += 1
    if compared:
        problems += compared.removed
    return ValidationResult(loaded.content, sorted(problems), checked)


def _across_files(events, root: Path, config: SiteConfig, compared: BaseComparison | None) -> list[Problem]:
    """Problems between files: duplicates, and (with a base) new past events."""
    def where(event: model.Event) -> str:
        return display(root / event.path)

    def line_of(event: model.Event, key: str) -> int:
        """The line of ``key:`` at the margin of the event's file (1 if not found)."""
        try:
            lines = (root / event.path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            return 1
        return next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)

    problems = duplicate_events(events, where, compared.changed if compared else None, line_of)
    if compared:
        problems += new_events_in_past(events, where, compared.new, clock.now(config.timezone), line_of)
    return problems


def _wanted(files: list[Path], event_files: list[Path]) -> set[str]:
    """The given files, and the event files inside the given folders."""
    wanted = {_key(Path(f)) for f in files}
    folders = [_key(Path(f)) + "/" for f in files if Path(f).is_dir()]
    wanted.update(key for key in map(_key, event_files) if key.startswith(tuple(folders)))
    return wanted


def _key(path: Path) -> str:
    return str(path.absolute().resolve(strict=False))
