"""``sukien validate``: the whole tree, or some files in its context, and
optionally the comparison with a git revision (deletion protection)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..model import clock
from ..model import event as model
from ..load.config import SiteConfig
from ..load.content import EVENT_SUFFIXES, REGISTRY_NAMES, check_loose_file, display, load_tree
from ..model.problems import Problem
from ..rules.across import duplicate_events, new_events_in_past


class GitError(Exception):
    """git is missing, or the revision is unknown (exit code 2)."""


@dataclass
class ValidationResult:
    content: model.Content
    problems: list[Problem]
    files_checked: int

    def summary(self, lang: str = "vi", strict: bool = False) -> str:
        errors = sum(p.is_error for p in self.problems)
        warnings = len(self.problems) - errors
        if lang == "en":
            return f"{self.files_checked} event files checked: {errors} errors, {warnings} warnings."
        return f"Đã kiểm tra {self.files_checked} tệp sự kiện: {errors} lỗi, {warnings} cảnh báo."


def validate_tree(config: SiteConfig, files: list[Path] | None = None, base: str | None = None) -> ValidationResult:
    """Every problem of the tree (only those of ``files`` when given)."""
    root = Path(config.content_dir)
    if not root.is_dir():
        raise OSError(f"không tìm thấy thư mục nội dung '{display(root)}' (dùng --content DIR)")
    loaded = load_tree(config)
    problems = list(loaded.problems)
    compared = BaseComparison.of(root, base) if base else None
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


def _across_files(events, root: Path, config: SiteConfig, compared: "BaseComparison | None") -> list[Problem]:
    """Problems between files: duplicates, and (with a base) new past events."""
    def where(event: model.Event) -> str:
        return display(root / event.path)

    problems = duplicate_events(events, where, compared.changed if compared else None)
    if compared:
        problems += new_events_in_past(events, where, compared.new, clock.now(config.timezone))
    return problems


def _wanted(files: list[Path], event_files: list[Path]) -> set[str]:
    """The given files, and the event files inside the given folders."""
    wanted = {_key(Path(f)) for f in files}
    folders = [_key(Path(f)) + "/" for f in files if Path(f).is_dir()]
    wanted.update(key for key in map(_key, event_files) if key.startswith(tuple(folders)))
    return wanted


def _key(path: Path) -> str:
    return str(path.absolute().resolve(strict=False))


@dataclass
class BaseComparison:
    """The event files against a base revision, as paths below the content
    root (``events/<unit>/<id>.yaml``): ``new`` ones (absent at the base,
    renames left out), ``changed`` ones (new or edited), and the ``removed``
    problems (published files deleted or renamed)."""

    new: set[str]
    changed: set[str]
    removed: list[Problem]

    @classmethod
    def of(cls, root: Path, base: str) -> "BaseComparison":
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip()).resolve()
        here = root.resolve()
        events = (here / "events").relative_to(top).as_posix()
        _git(top, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", what=base)
        listed = {p for p in _git(top, "ls-tree", "-r", "-z", "--name-only", base, "--", events).split("\0")
                  if p.lower().endswith(EVENT_SUFFIXES)}
        edited = _git(top, "diff", "--name-only", "--no-renames", "-z", base, "--", events).split("\0")

        def below(names) -> set[str]:
            return {(top / name).relative_to(here).as_posix() for name in names if name}

        present = {f.relative_to(here).as_posix() for f in (here / "events").rglob("*")
                   if f.name.lower().endswith(EVENT_SUFFIXES)}
        renames = _renames(top, base, events)
        changed = (present - below(listed)) | (below(edited) & present)
        new = present - below(listed) - below(renames.values())  # a rename is told by removed-event
        return cls(new, changed, removed_events(top, listed, renames))


def removed_events(top: Path, listed: set[str], renames: dict[str, str]) -> list[Problem]:
    """Event files present at ``base`` and gone now (deleted or renamed)."""
    problems = []
    for name in sorted(listed):
        if (top / name).exists():
            continue
        moved = renames.get(name)
        where = display(top / name)
        problems.append(Problem(
            where, 1, 1, "removed-event",
            f"sự kiện đã công bố {where} bị " + (f"đổi tên thành {display(top / moved)}" if moved else "xoá")
            + ": không được xoá hay đổi tên sự kiện đã công bố (đường dẫn và lịch của người theo dõi phụ thuộc vào nó); "
            "hãy khôi phục tệp và ghi 'status: cancelled' cùng 'status_note' nếu sự kiện bị hủy",
            f"the published event {where} was " + (f"renamed to {display(top / moved)}" if moved else "deleted")
            + ": published events are never deleted or renamed; restore it and set 'status: cancelled' instead",
        ))
    return problems


def _renames(top: Path, base: str, events: str) -> dict[str, str]:
    out = _git(top, "diff", "-M", "--name-status", "-z", base, "--", events)
    fields = out.split("\0")
    renames, i = {}, 0
    while i < len(fields) - 1:
        status = fields[i]
        if status.startswith(("R", "C")):
            renames[fields[i + 1]] = fields[i + 2]
            i += 3
        else:
            i += 2
    return renames


def _git(cwd: Path, *args: str, what: str | None = None) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as error:
        raise GitError(f"không chạy được git: {error}") from error
    if done.returncode != 0:
        if what:
            raise GitError(f"không tìm thấy phiên bản git '{what}' (với --base); hãy kiểm tra tên nhánh hoặc fetch đủ lịch sử")
        raise GitError(f"git {' '.join(args[:2])} thất bại: {done.stderr.strip()}")
    return done.stdout
