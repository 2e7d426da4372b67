"""``sukien build``: validate, then build the site into its folder in place.

The site builder runs in its own process (``python -m mkdocs build``), so
the core never imports MkDocs; the content folder reaches the plugin
through ``SUKIEN_CONTENT``.  Only the files whose bytes changed are
written (:mod:`generator.pipeline.publish`).  Invalid content builds
nothing, and a failed or interrupted build leaves the previous site as it
was (its journal puts it back).  When no input has changed since the
last build and the site folder is as that build left it
(:mod:`generator.pipeline.cache`), nothing is done.  Given a
:class:`~generator.pipeline.progress.Progress`, the build says what it is
doing, stage by stage, the site builder's stages included.
"""

from __future__ import annotations

import gc
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..load.config import ConfigError, SiteConfig
from ..model.event import Content
from ..model.problems import Problem, has_errors
from .target import check_target
from . import cache, publish
from .progress import PROGRESS_ENV, Progress, Stage
from .validate import validate_tree

CONTENT_ENV = "SUKIEN_CONTENT"
REPORTED_ENV = "SUKIEN_PROBLEMS_REPORTED"  # the plugin need not print them again
LOADED_ENV = "SUKIEN_LOADED"  # the content as validated, pickled: the plugin need not read it again


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    built: bool = False
    site_dir: Path | None = None
    returncode: int = 0  # the site builder's, when it ran
    files: int = 0  # in the built site
    seconds: float = 0.0  # the whole build, validation included
    reused: bool = False  # nothing had changed: the previous site, given again


def site_dir_of(config: SiteConfig) -> Path:
    """The configured ``site_dir`` (relative to mkdocs.yml), else ``site``."""
    base = Path(config.config_file).parent if config.config_file else Path(".")
    return base / config.site_dir


def builder_env(config: SiteConfig, content_dir: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # the theme's banner says nothing to unit staff
    env.pop(PROGRESS_ENV, None)  # only `sukien build` asks for it, when it reports progress
    env.pop(publish.JOURNAL_ENV, None)  # only `sukien build` gives one, to its own builder
    if content_dir is not None:
        env[CONTENT_ENV] = str(Path(content_dir).resolve())
    return env


def build(config: SiteConfig, *, site_dir: Path | None = None, content_dir: Path | None = None,
          strict: bool = False, progress: Progress | None = None) -> BuildResult:
    """Validate the content, then build; see the module's docstring.
    Raises UnsafeTarget, before anything else, for a target that could
    cost the project (:mod:`generator.pipeline.target`)."""
    began = time.monotonic()
    target = Path(site_dir) if site_dir is not None else site_dir_of(config)
    check_target(target, config, replaces=True)
    checking = progress.stage("build_check", "unit_events") if progress else None
    validated = validate_tree(config)
    problems = list(validated.problems)
    if checking:
        checking.done(len(validated.content.events))
    if has_errors(problems, strict):
        return BuildResult(problems)
    target.parent.mkdir(parents=True, exist_ok=True)
    with publish.only_build(target):
        return _build_in_place(config, target, strict, content_dir, progress, validated.content, problems, began)


def _build_in_place(config: SiteConfig, target: Path, strict: bool, content_dir: Path | None,
                    progress: Progress | None, content: Content, problems: list[Problem],
                    began: float) -> BuildResult:
    """The build of valid content into ``target`` (its lock held): nothing
    when the folder already is this build's site, else in place through a
    journal."""
    publish.recover(target)  # a build cut short left its journal: its site back first
    key, slot = _cache_entry(config, target, strict, content)
    reusing = progress.stage("build_reuse", "unit_files") if progress and key else None
    before = cache.scan(target)
    if key and cache.in_place(key, slot, before):  # its very files are the stored site's
        return _reused(problems, target, reusing, began, len(before.files) if before else 0)
    # absolute: MkDocs reads a relative -d from the folder of mkdocs.yml
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent)).resolve()
    try:
        journal = publish.Journal.begin(target)
        try:
            done = _run_builder(config, scratch, strict, content_dir, progress, content, problems, journal)
            if done.returncode == 0:
                written = journal.finish(scratch, before.files if before else ())
        except BaseException:
            journal.rollback()
            raise
        if done.returncode != 0:
            journal.rollback()
            return BuildResult(problems, False, None, done.returncode)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    # no input changed while it built, nor the clock state (it only moves
    # forward: equal before and after, it was that all along)
    if key and _cache_entry(config, target, strict, content)[0] == key:
        cache.store(key, slot, cache.listing_of(target, written))
    return BuildResult(problems, True, target, 0, len(written), time.monotonic() - began)


def _run_builder(config: SiteConfig, scratch: Path, strict: bool, content_dir: Path | None,
                 progress: Progress | None, content: Content, problems: list[Problem],
                 journal: publish.Journal) -> subprocess.CompletedProcess:
    """Run the site builder: MkDocs' own files into ``scratch``, every page
    and feed into the site through ``journal``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config.config_file),
               "-d", str(scratch)]
    if strict:
        command.append("--strict")
    env = {**builder_env(config, content_dir), REPORTED_ENV: "1", publish.JOURNAL_ENV: str(journal.folder)}
    if progress:
        env[PROGRESS_ENV] = progress.lang
    with _handed_over(content, problems) as loaded:
        if loaded:
            env[LOADED_ENV] = loaded
        return subprocess.run(command, env=env, check=False)


@contextmanager
def _handed_over(content: Content, problems: list[Problem]) -> Iterator[str | None]:
    """The validated content in a private temporary file for the site
    builder (reading and validating 10,000 files again costs it seconds),
    deleted afterwards; None when it cannot be written."""
    try:
        handle, name = tempfile.mkstemp(prefix="sukien-content-", suffix=".pickle")
        with os.fdopen(handle, "wb") as out:
            pickle.dump((content, problems), out, pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError):
        yield None
        return
    try:
        yield name
    finally:
        Path(name).unlink(missing_ok=True)


def taken_over(environ: Mapping[str, str] = os.environ) -> tuple[Content, list[Problem]] | None:
    """In the site builder: the content ``sukien build`` validated, when it
    handed it over (else None: read it)."""
    name = environ.get(LOADED_ENV)
    if not name:
        return None
    try:
        with open(name, "rb") as handed, _no_collection():
            content, problems = pickle.load(handed)  # written by our own parent, private (0600)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
        return None
    return (content, problems) if isinstance(content, Content) else None


@contextmanager
def _no_collection() -> Iterator[None]:
    """No cycle collection while unpickling: the collector would walk the
    objects being made again and again (more than half the time), and they
    hold no cycle to collect."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _reused(problems: list[Problem], target: Path, reusing: Stage | None, began: float,
            files: int) -> BuildResult:
    if reusing:
        reusing.done(files)
    return BuildResult(problems, True, target, 0, files, time.monotonic() - began, reused=True)


def _cache_entry(config: SiteConfig, target: Path, strict: bool,
                 content: Content) -> tuple[str | None, Path]:
    """The key of this build's inputs (None: not to be cached) and where
    its site is kept (:mod:`generator.pipeline.cache`); ``content`` is the
    content as validated, not read again."""
    root = cache.cache_root()
    try:
        key = cache.input_key(config, strict, content)
    except (ConfigError, OSError):
        key = None
    return key, cache.slot_of(config, target, root)
