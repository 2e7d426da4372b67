"""Whether the site folder already is the build of the current inputs.

The built site is a function of its inputs: the content tree (events,
registries, images), its git history, the hand-written pages and the
theme overrides, ``mkdocs.yml``, the code (this package and every
installed distribution, with the Python that runs them) and the build's
"now".  :func:`input_key` hashes all of them; a build whose key equals the
one noted for its site folder has nothing to do, any other builds.

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

What is kept is not the site but a note of it: the key of the build
that wrote the site folder and the listing of that folder as the build
left it (each file's inode, size and times of modification and of
change).  A folder still exactly so, under an equal key, is left as it is
(:func:`in_place`); a file changed, added or removed since, by anyone,
makes it a miss, never a stale page.  A miss rebuilds in place, writing
only the files whose bytes differ (:mod:`generator.pipeline.publish`).

The cache lives outside the site folder (``SUKIEN_CACHE_DIR``, else
``$XDG_CACHE_HOME/sukien``, else ``~/.cache/sukien``), holds one note per
project and site folder (and, in ``pages/``, the theme's output for pages,
:mod:`generator.pipeline.memo`), and is safe to delete at any time: a
missing, partial or foreign entry is simply a miss.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
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
KEEP = 8  # notes kept (the most recently stored), one per project and site folder


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
    _add(digest, "distributions", _distributions(tuple(_folder_stamp(folder) for folder in sys.path)))
    _add_tree(digest, "code", _PACKAGE, skip=("__pycache__",))


@functools.lru_cache(maxsize=2)
def _distributions(path_state: tuple) -> bytes:
    """Every installed distribution's name and version, listed again only
    when a folder of the import path changed (installing, upgrading or
    removing one changes its folder): listing them reads every one's
    metadata (30-40 ms, and a build asks three times)."""
    found = sorted({(d.metadata["Name"] or "", d.version) for d in metadata.distributions()})
    return "".join(f"{name}=={version}\n" for name, version in found).encode()


def _folder_stamp(folder: str) -> tuple[str, int, int] | tuple[str]:
    try:
        found = os.stat(folder)
    except OSError:
        return (folder,)
    return folder, found.st_mtime_ns, found.st_ino


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


@dataclass(frozen=True)
class Listing:
    """What a site folder holds: each file (or link) with its inode, size
    and times of modification and of change, which nothing can set back,
    and each folder, by path relative to the site."""

    files: dict[str, tuple[int, int, int, int, int]]
    folders: frozenset[str]

    def text(self) -> str:
        lines = [(name, f"f {' '.join(map(str, stamp))} {name}\n") for name, stamp in self.files.items()]
        lines.extend((name, f"d {name}\n") for name in self.folders)
        return "".join(line for _, line in sorted(lines))


def scan(root: Path) -> Listing | None:
    """The listing of ``root``, or None when it is not a folder."""
    if not os.path.isdir(root):
        return None
    files: dict[str, tuple[int, int, int, int, int]] = {}
    folders: set[str] = set()
    _scan(str(root), "", files, folders)
    return Listing(files, frozenset(folders))


def _scan(top: str, prefix: str, files: dict, folders: set[str]) -> None:
    try:
        entries = os.scandir(top)
    except FileNotFoundError:  # removed while the folder was being listed
        return
    with entries:
        for entry in entries:
            name = prefix + entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.add(name)
                    _scan(entry.path, f"{name}/", files, folders)
                else:
                    files[name] = _stamp(entry.stat(follow_symlinks=False))
            except FileNotFoundError:
                continue


def listing_of(root: Path, names: Iterable[str]) -> Listing:
    """The listing of ``root`` when it holds exactly the files ``names``
    (as a build just left it), without walking it."""
    files = {name: _stamp(os.lstat(os.path.join(root, name))) for name in names}
    folders = {name[:cut] for name in files for cut in _slashes(name)}
    return Listing(files, frozenset(folders))


def _slashes(name: str) -> Iterator[int]:
    cut = name.find("/")
    while cut != -1:
        yield cut
        cut = name.find("/", cut + 1)


def _stamp(found: os.stat_result) -> tuple[int, int, int, int, int]:
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def in_place(key: str, slot: Path, found: Listing | None) -> bool:
    """Whether the site folder, holding ``found``, is the site the build of
    ``key`` left: every file the one it wrote or kept, with no other file
    or folder.  Then there is nothing to do."""
    try:
        if found is None or (slot / "key").read_text(encoding="ascii") != key:
            return False
        return (slot / "files").read_text(encoding="utf-8") == found.text()
    except (OSError, ValueError):
        return False


def store(key: str, slot: Path, site: Listing, pages: bytes = b"") -> None:
    """Note ``site`` as the one for ``key``, in place of the slot's previous
    note, with what the site builder noted of its ``pages``
    (:mod:`generator.pipeline.standing`).  The key is written last: an
    entry cut short is no entry.  A cache that cannot be written only costs
    the next build."""
    try:
        slot.mkdir(parents=True, exist_ok=True)
        (slot / "key").unlink(missing_ok=True)
        (slot / "pages").unlink(missing_ok=True)
        (slot / "files").write_text(site.text(), encoding="utf-8")
        if pages:
            (slot / "pages").write_bytes(pages)
        (slot / "key").write_text(key, encoding="ascii")
        _prune(slot.parent)
    except OSError:
        return


def noted(slot: Path) -> tuple[dict[str, str], bytes] | None:
    """What the last build stored in ``slot`` (:func:`store`): each file's
    line of its listing, by path, and the site builder's note of its pages;
    None when there is no whole entry."""
    try:
        if not (slot / "key").is_file():
            return None
        listing = (slot / "files").read_text(encoding="utf-8")
        pages = (slot / "pages").read_bytes()
    except (OSError, ValueError):
        return None
    lines = (line.split(" ", 6) for line in listing.split("\n") if line.startswith("f "))
    return {parts[6]: " ".join(parts[1:6]) for parts in lines if len(parts) == 7}, pages


def as_noted(root: Path, files: Mapping[str, str], names: Iterable[str]) -> set[str]:
    """Those of ``names`` whose file under ``root`` is still the one the
    listing ``files`` (from :func:`noted`) saw: same inode, size and times."""
    same = set()
    for name in names:
        line = files.get(name)
        try:
            if line is not None and " ".join(map(str, _stamp(os.lstat(os.path.join(root, name))))) == line:
                same.add(name)
        except OSError:
            continue
    return same


def _prune(root: Path) -> None:
    """Keep the :data:`KEEP` most recent notes (a note lists a whole site;
    benchmarks and tests build into ever new folders)."""
    slots = sorted((p for p in root.iterdir()
                    if p.is_dir() and not p.name.startswith(".") and p.name != memo.FOLDER),  # not a note
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
    for relative, path in _files(root, skip):
        with open(path, "rb") as file:
            _add(digest, f"{label} {relative}", file.read())


def _files(root: Path, skip: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """Every file under ``root`` (links followed), sorted by folder then
    name: its path relative to ``root`` (POSIX form) and its path."""
    top = os.fspath(root)
    for folder, names, files in os.walk(top):
        names[:] = sorted(n for n in names if n not in skip)
        below = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if below == "." else f"{below}/"
        for name in sorted(files):
            yield prefix + name, os.path.join(folder, name)


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
