"""The event files against a base revision (``sukien validate --base REF``):
deletion protection (a published event is never deleted or renamed), and
which files a pull request adds or edits (for the rules across files)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..load.content import display
from ..load.eventfiles import EVENTS, is_event_path
from ..model.problems import Problem
from . import git


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
    def of(cls, root: Path, base: str) -> BaseComparison:
        top = git.toplevel(root).resolve()
        here = root.resolve()
        events = (here / EVENTS).relative_to(top).as_posix()
        git.verify_revision(top, base)
        listed = {p for p in git.text(top, "ls-tree", "-r", "-z", "--name-only", base, "--", events).split("\0")
                  if p and is_event_path(EVENTS + p[len(events):])}
        edited = git.text(top, "diff", "--name-only", "--no-renames", "-z", base, "--", events).split("\0")

        def below(names) -> set[str]:
            return {(top / name).relative_to(here).as_posix() for name in names if name}

        present = {path for path in (f.relative_to(here).as_posix() for f in (here / EVENTS).rglob("*"))
                   if is_event_path(path)}
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
    out = git.text(top, "diff", "-M", "--name-status", "-z", base, "--", events)
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
