"""The pull-request ownership check: the changed paths against the author.

Decisions (documented for unit staff in CONTRIBUTING.md):

- A change inside ``content/events/<unit>/`` needs the author to be one of
  the unit's maintainer *accounts* or an editor; otherwise it is an error
  naming the file and the unit.  A folder of no registered unit needs an
  editor.
- Team maintainers (``org/team``) cannot be checked from here: when a unit
  lists teams and the author is none of its accounts, the check passes with a
  warning and CODEOWNERS review decides.
- A change outside the units' folders ``content/events/<unit>/``
  (registries, code, workflows, configuration, theme, tests, scripts...) by
  someone who is not an editor is an error: only the editors change what
  checks and builds the site (an editor takes an outside contribution over
  in a pull request of their own), and CODEOWNERS asks them to review.
- The rights come from the *base* revision (``units.yaml`` and the editors of
  ``mkdocs.yml`` as they are before the pull request), so that a pull request
  cannot grant its author the rights it needs.
- The repository's own workflows act as an editor (``github-actions[bot]``:
  only a workflow of this repository, such as the issue-form one started by
  a maintainer's label, can open a pull request under that name).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..vcs import git
from ..load.eventfiles import EVENTS
from .codeowners import OwnersError, is_team, normalise_owner, read_maintainers
from ..load.config import ConfigError, SiteConfig, config_from_mapping, parse_mkdocs_yml
from ..model.problems import ERROR, WARNING, Problem

TRUSTED_BOTS = ("github-actions[bot]",)
_VERBS = {"A": ("thêm", "added"), "D": ("xoá", "deleted")}


@dataclass(frozen=True)
class ChangedFile:
    """One file a pull request adds, changes or deletes."""

    status: str  # git's letter: A, M, D, T...
    path: str  # relative to the repository's top folder, POSIX form

    @property
    def verb(self) -> tuple[str, str]:
        return _VERBS.get(self.status, ("sửa", "changed"))


def check_changes(author: str, changes: Iterable[ChangedFile], maintainers: Mapping[str, tuple[str, ...]],
                  editors: Iterable[str], content: str = "content") -> list[Problem]:
    """Every problem of these changes by ``author`` (a GitHub login)."""
    who = normalise_owner(author).casefold()
    if who in {normalise_owner(e).casefold() for e in editors} | set(TRUSTED_BOTS):
        return []
    events = PurePosixPath(content, EVENTS)
    problems = []
    for change in changes:
        parts = PurePosixPath(change.path).parts
        inside = len(parts) > len(events.parts) + 1 and PurePosixPath(*parts[:len(events.parts)]) == events
        if not inside:
            problems.append(_editor_review(author, change))
            continue
        unit = parts[len(events.parts)]
        problem = _unit_problem(author, who, change, unit, maintainers)
        if problem:
            problems.append(problem)
    return sorted(problems)


def _unit_problem(author: str, who: str, change: ChangedFile, unit: str,
                  maintainers: Mapping[str, tuple[str, ...]]) -> Problem | None:
    vi, en = change.verb
    if unit not in maintainers:
        return Problem(change.path, 1, 1, "unknown-unit-folder",
                       f"@{author} {vi} tệp {change.path} trong thư mục '{unit}', nhưng '{unit}' không phải "
                       "một đơn vị trong content/units.yaml; chỉ biên tập viên của Sở mới tạo được thư mục "
                       "đơn vị mới. Hãy đặt tệp vào thư mục của đơn vị mình",
                       f"@{author} {en} {change.path} in the folder '{unit}', which is no unit of "
                       "content/units.yaml; only the editors may add a unit folder")
    names = maintainers[unit]
    accounts = [n for n in names if not is_team(n)]
    teams = [n for n in names if is_team(n)]
    if who in {a.casefold() for a in accounts}:
        return None
    if teams:
        return Problem(change.path, 1, 1, "team-review",
                       f"@{author} {vi} tệp {change.path} của đơn vị '{unit}', do nhóm "
                       f"{', '.join('@' + t for t in teams)} quản lý: cần một thành viên của nhóm duyệt "
                       "pull request (CODEOWNERS)",
                       f"@{author} {en} {change.path} of the unit '{unit}', maintained by the team(s) "
                       f"{', '.join('@' + t for t in teams)}: a member must approve (CODEOWNERS)",
                       WARNING)
    listed = ", ".join("@" + a for a in accounts) or "chưa có ai"
    return Problem(change.path, 1, 1, "not-maintainer",
                   f"@{author} không phải người quản lý của đơn vị '{unit}' nên không được {vi} tệp "
                   f"{change.path} (người quản lý: {listed}). Mỗi đơn vị chỉ gửi sự kiện trong thư mục "
                   "của mình; nếu bạn làm việc cho đơn vị này, hãy nhờ biên tập viên của Sở thêm tài khoản "
                   "vào 'maintainers' trong content/units.yaml",
                   f"@{author} is not a maintainer of the unit '{unit}' and may not change {change.path} "
                   f"(maintainers: {', '.join('@' + a for a in accounts) or 'none'})",
                   ERROR)


def _editor_review(author: str, change: ChangedFile) -> Problem:
    vi, en = change.verb
    return Problem(change.path, 1, 1, "editor-review",
                   f"@{author} {vi} tệp {change.path}, nằm ngoài thư mục sự kiện của các đơn vị "
                   "(danh mục, mã nguồn, quy trình, cấu hình): chỉ biên tập viên của Sở được sửa các tệp này; "
                   "đơn vị chỉ sửa tệp trong content/events/<mã-đơn-vị>/, còn thay đổi khác xin gửi cho "
                   "biên tập viên để họ đưa vào",
                   f"@{author} {en} {change.path}, outside the units' event folders (registries, code, "
                   "workflows, configuration): only the editors may change it",
                   ERROR)


# --- Reading the pull request from git -------------------------------------

def check_pull_request(config: SiteConfig, author: str, base: str) -> list[Problem]:
    """Check the changes between ``base`` and HEAD (``git diff base...HEAD``)
    of the repository that holds the content, with the rights recorded at
    ``base``.  A configuration file outside that repository (the base
    branch's own checkout, as the pull-request workflow gives it) is
    trusted as it is."""
    root = Path(config.content_dir)
    if not root.is_dir():
        raise OwnersError(f"không tìm thấy thư mục nội dung '{root.as_posix()}' (dùng --content DIR)")
    top = git.toplevel(root)
    git.verify_revision(top, base)
    content = _relative(Path(config.content_dir), top)
    units_text = git.show(top, base, f"{content}/units.yaml")
    maintainers = read_maintainers(units_text, f"{base}:{content}/units.yaml") if units_text else {}
    editors = _editors_at(top, base, config)
    return check_changes(author, changed_files(top, base), maintainers, editors, content)


def changed_files(top: Path, base: str) -> list[ChangedFile]:
    """Both sides of every change: a rename is a deletion and an addition."""
    out = git.text(top, "diff", "--name-status", "--no-renames", "-z", f"{base}...HEAD")
    fields = out.split("\0")
    return [ChangedFile(fields[i][:1], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def _editors_at(top: Path, base: str, config: SiteConfig) -> tuple[str, ...]:
    if config.config_file is None:
        return ()
    if not Path(config.config_file).resolve().is_relative_to(top.resolve()):
        return config.editors
    text = git.show(top, base, _relative(Path(config.config_file), top))
    if text is None:
        return ()
    try:
        return config_from_mapping(parse_mkdocs_yml(text, "mkdocs.yml")).editors
    except ConfigError as error:
        raise OwnersError(f"{base}:mkdocs.yml: {error}") from error


def _relative(path: Path, top: Path) -> str:
    try:
        return path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError as error:
        raise OwnersError(f"{path} nằm ngoài kho git {top}") from error
