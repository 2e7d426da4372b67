"""``sukien build``: validate, then build the whole site into a temporary
folder and swap it in.

The site builder runs in its own process (``python -m mkdocs build``), so
the core never imports MkDocs; the content folder reaches the plugin
through ``SUKIEN_CONTENT``.  Invalid content builds nothing, and a failed
build leaves the previous site as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..load.config import SiteConfig
from ..model.problems import Problem, has_errors
from .target import check_target
from .validate import validate_tree

CONTENT_ENV = "SUKIEN_CONTENT"
REPORTED_ENV = "SUKIEN_PROBLEMS_REPORTED"  # the plugin need not print them again


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    built: bool = False
    site_dir: Path | None = None
    returncode: int = 0  # the site builder's, when it ran


def site_dir_of(config: SiteConfig) -> Path:
    """The configured ``site_dir`` (relative to mkdocs.yml), else ``site``."""
    base = Path(config.config_file).parent if config.config_file else Path(".")
    return base / config.site_dir


def builder_env(config: SiteConfig, content_dir: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # the theme's banner says nothing to unit staff
    if content_dir is not None:
        env[CONTENT_ENV] = str(Path(content_dir).resolve())
    return env


def build(config: SiteConfig, *, site_dir: Path | None = None, content_dir: Path | None = None,
          strict: bool = False) -> BuildResult:
    """Validate the content, then build; see the module's docstring.
    Raises UnsafeTarget, before anything else, for a target that could
    cost the project (:mod:`generator.pipeline.target`)."""
    target = Path(site_dir) if site_dir is not None else site_dir_of(config)
    check_target(target, config, replaces=True)
    problems = list(validate_tree(config).problems)
    if has_errors(problems, strict):
        return BuildResult(problems)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config.config_file),
               "-d", str(temporary)]
    if strict:
        command.append("--strict")
    env = {**builder_env(config, content_dir), REPORTED_ENV: "1"}
    done = subprocess.run(command, env=env, check=False)
    if done.returncode != 0:
        shutil.rmtree(temporary, ignore_errors=True)
        return BuildResult(problems, False, None, done.returncode)
    _swap(temporary, target)
    return BuildResult(problems, True, target, 0)


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` with two renames."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        old.rmdir()
        os.rename(target, old)
    os.rename(new, target)
    os.chmod(target, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
