"""The event files against a base revision (``sukien validate --base REF``):
deletion protection (a published event never leaves the site: its file is
not deleted, renamed, nor changed into something that does not load as an
event), and which files a pull request adds or edits (for the rules
across files)."""

from __future__ import annotations

import os
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
    problems (published events that the tree no longer loads)."""

    new: set[str]
    changed: set[str]
    removed: list[Problem]

    @classmethod
    def of(cls, root: Path, base: str, loaded: set[str]) -> BaseComparison:
        """``loaded``: the paths (as ``Event.path``) of the events the tree
        loads now."""
        top = git.toplevel(root).resolve()
        here = root.resolve()
        try:
            events = (here / EVENTS).relative_to(top).as_posix()
        except ValueError:
            raise git.GitError(f"thư mục nội dung {display(root)} không nằm trong kho git {display(top)}") from None
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
        gone = {name for name in listed if (top / name).relative_to(here).as_posix() not in loaded}
        return cls(new, changed, removed_events(top, gone, renames))


def removed_events(top: Path, gone: set[str], renames: dict[str, str]) -> list[Problem]:
    """The event files of the base (paths below ``top``) that the tree no
    longer loads as events.  Deleted, renamed, or still there but broken
    (YAML, empty, not a mapping, a folder, an invalid event, its unit
    gone...): each takes a published event off the site, so each is a
    removal."""
    problems = []
    for name in sorted(gone):
        where = display(top / name)
        if os.path.lexists(top / name):
            vi_how, en_how = ("không còn đọc được thành một sự kiện (xem các lỗi khác của tệp này)",
                              "is no longer read as an event (see this file's other problems)")
        elif name in renames:
            moved = display(top / renames[name])
            vi_how, en_how = f"bị đổi tên thành {moved}", f"was renamed to {moved}"
        else:
            vi_how, en_how = "bị xoá", "was deleted"
        problems.append(Problem(
            where, 1, 1, "removed-event",
            f"sự kiện đã công bố {where} {vi_how}: sự kiện sẽ biến mất khỏi trang và lịch của người theo dõi; "
            "không được xoá, đổi tên hay thay tệp của sự kiện đã công bố; hãy giữ tệp là một sự kiện hợp lệ "
            "và ghi 'status: cancelled' cùng 'status_note' nếu sự kiện bị hủy",
            f"the published event {where} {en_how}: it would vanish from the site and subscribers' calendars; "
            "keep it a valid event file and set 'status: cancelled' instead",
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
