"""The last built site, kept to be given again when nothing has changed.

The built site is a function of its inputs: the content tree (events,
registries, images), its git history, the hand-written pages and the
theme overrides, ``mkdocs.yml``, the code (this package and every
installed distribution, with the Python that runs them) and the build's
"now".  :func:`input_key` hashes all of them; a build whose key equals the
one stored is served from the copy, any other builds afresh.

Of "now" (``SUKIEN_NOW`` when set, else the clock) the key holds only what
the site can show: its clock state, the day in the site's zone and how
many of the content's instants (an occurrence begins or ends, a deadline
closes, an event is announced, an update is due) have come
(:mod:`generator.model.clock_state`).  A nightly rebuild, or a second
build the same day, finds the first one's site as long as nothing has
begun or ended in between; a build whose site depends on the instant
itself (a revision dated after the clock) is not kept.  The state only
moves forward, so a key equal before and after a build was the build's
all along (``build`` checks it again once the site is built).

A stored site shares its files with the site it was built as (hard
links) instead of copying them, and notes each file's size and time of
change: a file changed in place since, in the site or in the cache, makes
the entry a miss, never a stale page.  A site folder whose files are still
those very files, and nothing else, is left as it is (:func:`in_place`).

The cache lives outside the site folder (``SUKIEN_CACHE_DIR``, else
``$XDG_CACHE_HOME/sukien``, else ``~/.cache/sukien``), holds one site per
project and site folder (and, in ``pages/``, the theme's output for pages,
:mod:`generator.pipeline.memo`), and is safe to delete at any time: a
missing, partial or foreign entry is simply a miss.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from importlib import metadata
from pathlib import Path

from ..load.config import SiteConfig, project_folders, read_mkdocs_yml
from ..load.content import load_content
from ..model import clock
from ..model.clock_state import ClockState, clock_state
from ..model.event import Content
from ..vcs import git
from ..vcs.history import latest_revision
from . import memo

CACHE_ENV = "SUKIEN_CACHE_DIR"
_VERSION = b"sukien-site-cache 1\n"
_PACKAGE = Path(__file__).resolve().parents[1]  # generator/
# anything else in the environment that may change what is built
_ENVIRONMENT = ("SOURCE_DATE_EPOCH", "TZ", "LANG", "LC_ALL", "PYTHONHASHSEED")
KEEP = 2  # sites kept (the most recently stored), one per project and site folder


def cache_root(environ: Mapping[str, str] = os.environ) -> Path:
    if environ.get(CACHE_ENV):
        return Path(environ[CACHE_ENV])
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sukien"


def input_key(config: SiteConfig, strict: bool, content: Content | None = None,
              environ: Mapping[str, str] = os.environ) -> str | None:
    """The hash of everything the built site depends on, or None when it
    cannot be known (no mkdocs.yml, a configuration that pulls in files
    this does not follow: INHERIT, hooks; a clock state that cannot be
    bounded, :func:`~generator.model.clock_state.clock_state`).
    ``content`` is the content tree as loaded (by the validation that
    precedes a build), else it is loaded here."""
    if config.config_file is None or not Path(config.config_file).is_file():
        return None
    config_file = Path(config.config_file)
    data = read_mkdocs_yml(config_file)
    if "INHERIT" in data or data.get("hooks"):
        return None
    state = _clock_state(config, content, environ)
    if state is None:
        return None
    digest = hashlib.sha256(_VERSION)
    _add(digest, "clock", str(state).encode())
    _add(digest, "strict", str(strict).encode())
    add_code(digest, environ)
    _add(digest, "mkdocs.yml", config_file.read_bytes())
    docs, custom = project_folders(data, config_file)
    _add_tree(digest, "docs", docs)
    if custom is not None:
        _add_tree(digest, "overrides", custom)
    root = Path(config.content_dir)
    _add_tree(digest, "content", root)
    _add(digest, "history", _history_state(root))
    return digest.hexdigest()


def add_code(digest: hashlib._Hash, environ: Mapping[str, str] = os.environ) -> None:
    """Add what runs a build to ``digest``: the environment variables that
    may change its output, the Python, every installed distribution's
    version and this package's files (the site cache and the page memo,
    :mod:`generator.pipeline.memo`, share it)."""
    for name in _ENVIRONMENT:
        _add(digest, f"env {name}", environ.get(name, "").encode())
    _add(digest, "python", sys.version.encode())
    for name, version in sorted({(d.metadata["Name"] or "", d.version) for d in metadata.distributions()}):
        _add(digest, "distribution", f"{name}=={version}".encode())
    _add_tree(digest, "code", _PACKAGE, skip=("__pycache__",))


def _clock_state(config: SiteConfig, content: Content | None, environ: Mapping[str, str]) -> ClockState | None:
    """What of the build's "now" (``SUKIEN_NOW`` when set) the site can
    show: its day and which of the content's instants have come."""
    try:
        now = clock.now(config.timezone, environ)
    except clock.ClockError:
        return None
    if content is None:
        content = load_content(config)[0]
    return clock_state(content.events, now, config.timezone, config.years_ahead,
                       latest_revision(config.content_dir))


def restore(key: str, slot: Path, target: Path) -> bool:
    """Put the stored site of ``key`` in ``target`` (a new folder); False
    when there is none, or when any of its files is not exactly as stored."""
    try:
        if (slot / "key").read_text(encoding="ascii") != key or not _intact(slot):
            return False
        shutil.copytree(slot / "site", target, copy_function=_link, dirs_exist_ok=True)
    except (OSError, ValueError):
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True, exist_ok=True)
        return False
    return True


def in_place(key: str, slot: Path, target: Path) -> bool:
    """Whether ``target`` already is the stored site of ``key``: its files
    are the stored ones themselves (the links :func:`store` made, as
    stored), with no other file or folder.  Then there is nothing to put
    in place."""
    try:
        if (slot / "key").read_text(encoding="ascii") != key or not _intact(slot):
            return False
        return _entries(slot / "site") == _entries(target)
    except (OSError, ValueError):
        return False


def store(key: str, slot: Path, site: Path) -> None:
    """Keep ``site`` as the one for ``key``, in place of the slot's
    previous one.  Its files are shared with the site (hard links, when the
    cache is on the same file system) and listed with their size and time
    of change: a file changed in place since, through either name, makes
    the entry a miss.  The key is written last: an entry cut short is no
    entry.  A cache that cannot be written only costs the next build."""
    try:
        slot.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{slot.name}-", dir=slot.parent))
        shutil.copytree(site, fresh / "site", copy_function=_link)
        (fresh / "files").write_text("".join(f"{size} {mtime} {name}\n" for name, size, mtime in
                                             _listing(fresh / "site")), encoding="utf-8")
        (fresh / "key").write_text(key, encoding="ascii")
        old = slot.with_name(f".{slot.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if slot.exists():
            os.rename(slot, old)
        os.rename(fresh, slot)
        shutil.rmtree(old, ignore_errors=True)
        _prune(slot.parent)
    except OSError:
        return


def _link(source: str, target: str) -> None:
    """A hard link, else a copy (another file system)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _listing(site: Path) -> Iterator[tuple[str, int, int]]:
    for path in _files(site, ()):
        found = path.stat()
        yield path.relative_to(site).as_posix(), found.st_size, found.st_mtime_ns


def _entries(root: Path) -> set[tuple[str, int, int, int, int]]:
    """Every file (its inode, size and time of change) and folder under ``root``."""
    found = set()
    for folder, names, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            stat = path.lstat()
            found.add((path.relative_to(root).as_posix(), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns))
        found.update((Path(folder, name).relative_to(root).as_posix(), 0, 0, -1, 0) for name in names)
    return found


def _intact(slot: Path) -> bool:
    """Every stored file is there with the size and time of change it was
    stored with, and no other file."""
    listed = slot.joinpath("files").read_text(encoding="utf-8").splitlines()
    expected = {name: (int(size), int(mtime)) for size, mtime, name in (line.split(" ", 2) for line in listed)}
    found = {name: (size, mtime) for name, size, mtime in _listing(slot / "site")}
    return found == expected


def _prune(root: Path) -> None:
    """Keep the :data:`KEEP` most recent sites: a site weighs as much as
    the archive, and benchmarks build into ever new folders."""
    slots = sorted((p for p in root.iterdir()
                    if p.is_dir() and not p.name.startswith(".") and p.name != memo.FOLDER),  # not a site
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in slots[KEEP:]:
        shutil.rmtree(stale, ignore_errors=True)


def slot_of(config: SiteConfig, target: Path, root: Path) -> Path:
    """Where the site built from ``config`` into ``target`` is kept."""
    place = f"{Path(config.config_file or '.').resolve()}\n{Path(target).resolve()}"
    return root / hashlib.sha256(place.encode()).hexdigest()[:20]


def _add(digest: hashlib._Hash, label: str, data: bytes) -> None:
    digest.update(f"{label}\0{len(data)}\0".encode())
    digest.update(data)


def _add_tree(digest: hashlib._Hash, label: str, root: Path, skip: tuple[str, ...] = ()) -> None:
    """Every file under ``root``: its path, its bytes (and that there is none)."""
    if not root.is_dir():
        _add(digest, f"{label} missing", b"")
        return
    for path in _files(root, skip):
        _add(digest, f"{label} {path.relative_to(root).as_posix()}", path.read_bytes())


def _files(root: Path, skip: tuple[str, ...]) -> Iterator[Path]:
    for folder, names, files in os.walk(root):
        names[:] = sorted(n for n in names if n not in skip)
        for name in sorted(files):
            yield Path(folder, name)


def _history_state(content: Path) -> bytes:
    """What the git history of the content can differ by: the commit, how
    deep the clone is, and which files are changed or not yet tracked."""
    try:
        top = git.toplevel(content)
        return b"\0".join((
            git.run(top, "rev-parse", "HEAD"),
            git.run(top, "rev-parse", "--is-shallow-repository"),
            git.run(top, "rev-list", "--count", "HEAD"),
            git.run(top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", str(content.resolve())),
        ))
    except git.GitError:
        return b"no git"
