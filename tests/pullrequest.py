"""A pull request in a temporary git repository, for the workflow tests.

The base branch ``main`` holds tests/data/workflow (with its CODEOWNERS) and
is also known as ``origin/main``, as in a checkout with full history; the
work happens on the branch ``pr``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from generator.workflow.codeowners import read_maintainers, render

DATA = Path(__file__).parent / "data" / "workflow"
IDENTITY = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.vn",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.vn",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}
EDITORS = ("bientap-so", "BienTap-Hai")  # as in tests/data/workflow/mkdocs.yml


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **IDENTITY}, check=True)
    return done.stdout


def pull_request_repo(root: Path, name: str = "repo") -> Path:
    """A repository whose ``pr`` branch starts equal to ``main``."""
    repo = root / name
    shutil.copytree(DATA, repo)
    units = (repo / "content" / "units.yaml").read_text(encoding="utf-8")
    codeowners = repo / ".github" / "CODEOWNERS"
    codeowners.parent.mkdir()
    codeowners.write_text(render(read_maintainers(units), EDITORS), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "base")
    git(repo, "update-ref", "refs/remotes/origin/main", "main")
    git(repo, "switch", "-q", "-c", "pr")
    return repo


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def event_path(repo: Path, unit: str, name: str) -> Path:
    return repo / "content" / "events" / unit / f"{name}.yaml"
