"""Deletion protection: a published event is never deleted or renamed
(``sukien validate --base REF`` compares the tree with ``REF``)."""

from __future__ import annotations

from pathlib import Path

from ..load.content import display
from ..load.eventfiles import EVENTS, is_event_path
from ..model.problems import Problem
from . import git


def removed_events(root: Path, base: str) -> list[Problem]:
    """Event files present at ``base`` and gone now (deleted or renamed)."""
    top = git.toplevel(root)
    events = (root / EVENTS).resolve().relative_to(top.resolve()).as_posix()
    git.verify_revision(top, base)
    listed = git.text(top, "ls-tree", "-r", "-z", "--name-only", base, "--", events).split("\0")
    renames = _renames(top, base, events)
    problems = []
    for name in sorted(p for p in listed if p and is_event_path(EVENTS + p[len(events):])):
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
