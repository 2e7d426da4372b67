"""The one way the generator runs git, with one error type.

Every git call goes through :func:`run`: git missing, a command git
refuses and an unknown revision are all a :class:`GitError` with a
message for unit staff.  Callers choose what a failure means: ``sukien
validate --base`` and ``sukien check-owners`` stop (exit code 2), while
the build's history reads a tree outside git as a tree without history.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, refuses a command, or a revision is unknown (exit code 2)."""


def run(cwd: str | Path, *args: str, stdin: bytes | None = None) -> bytes:
    """git's standard output, run in ``cwd``."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except OSError as error:
        raise GitError(f"không chạy được git: {error}") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args[:2])} thất bại: {message}")
    return done.stdout


def text(cwd: str | Path, *args: str) -> str:
    """:func:`run`'s output as text (undecodable bytes replaced)."""
    return run(cwd, *args).decode("utf-8", "replace")


def toplevel(path: str | Path) -> Path:
    """The work tree that holds ``path``."""
    return Path(text(path, "rev-parse", "--show-toplevel").strip())


def verify_revision(top: Path, revision: str) -> None:
    """Raise a GitError naming ``--base`` unless ``revision`` is a commit."""
    try:
        run(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError as error:
        raise GitError(f"không tìm thấy phiên bản git '{revision}' (với --base); hãy kiểm tra tên nhánh "
                       "hoặc lấy đủ lịch sử (fetch-depth: 0)") from error


def show(top: Path, revision: str, path: str) -> str | None:
    """A file's text at a revision, or None when it is not there."""
    try:
        return text(top, "show", f"{revision}:{path}")
    except GitError:
        return None
