"""``sukien build``: validate, then build the site into its folder in place.

The site builder runs in its own process (MkDocs' ``build`` command,
:mod:`generator.pipeline.builder`), so the core never imports MkDocs; it
is started first and starts up while the content is checked, then gets
the content as validated.  Only the files whose bytes changed are
written (:mod:`generator.pipeline.publish`).  Invalid content builds
nothing, and a failed or interrupted build leaves the previous site as it
was (its journal puts it back).  When no input has changed since the
last build and the site folder is as that build left it
(:mod:`generator.pipeline.cache`), nothing is done.  Given a
:class:`~generator.pipeline.progress.Progress`, the build says what it is
doing, stage by stage, the site builder's stages included.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from ..load.config import ConfigError, SiteConfig
from ..model.event import Content
from ..model.problems import Problem, has_errors
from .target import check_target
from . import cache, publish, standing
from .builder import SiteBuilder
from .progress import Progress, Stage
from .validate import validate_tree


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


def build(config: SiteConfig, *, site_dir: Path | None = None, content_dir: Path | None = None,
          strict: bool = False, progress: Progress | None = None) -> BuildResult:
    """Validate the content, then build; see the module's docstring.
    Raises UnsafeTarget, before anything else, for a target that could
    cost the project (:mod:`generator.pipeline.target`)."""
    began = time.monotonic()
    target = Path(site_dir) if site_dir is not None else site_dir_of(config)
    check_target(target, config, replaces=True)
    with ExitStack() as stack:
        # the builder starts while the content is checked (nothing may be
        # made for invalid content: not where the site's folder is not yet)
        early = (stack.enter_context(SiteBuilder.started(config, target, strict, content_dir, progress))
                 if target.parent.is_dir() else None)
        checking = progress.stage("build_check", "unit_events") if progress else None
        validated = validate_tree(config)
        problems = list(validated.problems)
        if checking:
            checking.done(len(validated.content.events))
        if has_errors(problems, strict):
            return BuildResult(problems)
        target.parent.mkdir(parents=True, exist_ok=True)
        stack.enter_context(publish.only_build(target))
        publish.recover(target)  # a build cut short left its journal: its site back first
        builder = early or stack.enter_context(SiteBuilder.started(config, target, strict, content_dir, progress))
        result = _build_in_place(config, target, strict, progress, validated.content, problems, began, builder)
    return result


def _build_in_place(config: SiteConfig, target: Path, strict: bool, progress: Progress | None,
                    content: Content, problems: list[Problem], began: float,
                    builder: SiteBuilder) -> BuildResult:
    """The build of valid content into ``target`` (its lock held): nothing
    when the folder already is this build's site, else in place through a
    journal, by ``builder`` (it reads the content and prepares the site
    while the folder is compared with the last build's)."""
    builder.send(content, problems)
    key, slot = _cache_entry(config, target, strict, content)
    reusing = progress.stage("build_reuse", "unit_files") if progress and key else None
    before = cache.scan(target)
    if key and cache.in_place(key, slot, before):  # its very files are the stored site's
        return _reused(problems, target, reusing, began, len(before.files) if before else 0)
    journal = publish.Journal.begin(target)
    try:
        returncode = builder.go()
        if returncode == 0:
            pages = standing.taken(journal.folder)  # the builder's note: the journal goes with the commit
            written = journal.finish(builder.scratch, before.files if before else ())
    except BaseException:
        builder.stop()
        journal.rollback()
        raise
    if returncode != 0:
        journal.rollback()
        return BuildResult(problems, False, None, returncode)
    # no input changed while it built, nor the clock state (it only moves
    # forward: equal before and after, it was that all along)
    if key and _cache_entry(config, target, strict, content)[0] == key:
        cache.store(key, slot, cache.listing_of(target, written), pages)
    return BuildResult(problems, True, target, 0, len(written), time.monotonic() - began)


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
