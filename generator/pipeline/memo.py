"""Texts kept by key: the theme's output for generated pages
(``generator.mkdocs_plugin``), the core's event pages
(:mod:`generator.pipeline.core_memo`) and each event's calendar entries
(:mod:`generator.pipeline.feed_memo`), each under the hash of its inputs.

After one changed event almost every page gets the same inputs as in the
previous build, so the same output.  The entries live in pack files under
the cache root (:func:`generator.pipeline.cache.cache_root`, never in the
site folder): each process of a build appends what it stores to a pack of
its own, ``pages/packs/<start>-<pid>.pack``, and notes each entry (key,
place, length and SHA-256) in the pack's index, ``.index``, with the packs
it took entries from.  Making one file per entry cost more than rendering
the page on this machine's file system (20,000 pages a build).

An entry whose bytes are not exactly those noted is a miss, never a page:
a pack cut short, changed on disk or deleted costs only renderings, and
the folder is safe to delete at any time.  Each build notes, per kind,
the packs it used (``pages/builds/<kind>``); after the build, packs that
none of the last :data:`KEEP_BUILDS` builds of each of the last
:data:`KEEP_KINDS` kinds used are deleted.  A kind is what the caller
names (the adapter: the configuration file and site URL), so that the
previews of ``sukien serve``, whose site URL and so whose keys differ, do
not push out the pages of ``sukien build``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

from . import process
from .fdwrite import write_all
from .process import pid

FOLDER = "pages"  # under the cache root, beside the site notes
KEEP_BUILDS = 3  # of a kind: this one and the two before it
KEEP_KINDS = 4  # the kinds of build last run
_PACKS = "packs"
_BUILDS = "builds"  # per kind, one line per build: its start (ns) and the packs it used
_TEMPLATES = "templates"  # the theme's templates compiled (Jinja's bytecode cache)
# what a process holds back before writing it to its pack: two system
# calls an entry (60,000 entries a 10k full build) were 3 % of its time
_HELD = 1 << 20


class PageMemo:
    """Texts by key, under ``root / "pages"``; nothing here raises on a
    cache that cannot be read or written (it only costs a rendering)."""

    def __init__(self, root: Path, kind: str = "build") -> None:
        self.folder = Path(root) / FOLDER
        self.kind = kind  # a file name: the builds of one kind share most pages
        self.began = time.time_ns()
        self._index: dict[str, tuple[str, str]] | None = None  # key: its pack and its line in the pack's index
        self._readers: dict[str, int] = {}  # pack name: an open file
        self._used: set[str] = set()  # packs whose use is noted
        self._pid = 0  # of the process whose pack is open for writing
        self._name = ""  # that pack's
        self._pack = self._notes = -1
        self._end = 0  # of the pack, with what is held back
        self._held = bytearray()  # the pack's next bytes, not written yet
        self._held_notes: list[str] = []  # and their lines of the index
        _LIVE.add(self)

    def templates_folder(self, setting: str) -> Path | None:
        """Where the templates are kept compiled for an environment of
        ``setting`` (a hash of what compiling them depends on beside their
        source, which Jinja checks), or None when it cannot be made; the
        other settings' folders go."""
        top = self.folder / _TEMPLATES
        try:
            (top / setting).mkdir(parents=True, exist_ok=True)
            for other in os.scandir(top):
                if other.name != setting:
                    shutil.rmtree(other.path, ignore_errors=True)
        except OSError:
            return None
        return top / setting

    def get(self, key: str) -> str | None:
        """The text stored under ``key``, or None when there is none or it
        is not exactly as stored."""
        found = self._entries().get(key)
        place = _place(found[1]) if found is not None else None
        if found is None or place is None:
            return None
        pack, (offset, length, digest) = found[0], place
        if pack == self._name and self._pid == pid():
            self.flush()  # it may be held back still
        try:
            reader = self._readers.get(pack)
            if reader is None:
                reader = self._readers[pack] = os.open(self.folder / _PACKS / f"{pack}.pack", os.O_RDONLY)
            data = os.pread(reader, length, offset)
        except OSError:
            return None
        if len(data) != length or hashlib.sha256(data).hexdigest() != digest:
            return None
        if pack not in self._used and self._write_note(f"use {pack}\n"):
            self._used.add(pack)
        return data.decode("utf-8", "surrogatepass")

    def touch(self, key: str) -> None:
        """Note the pack of ``key``'s entry as used, without reading it (a
        page that stands as the last build wrote it, :mod:`generator.pipeline.standing`,
        keeps its entry for a build that needs it again)."""
        found = self._entries().get(key)
        if found is not None and found[0] not in self._used and self._write_note(f"use {found[0]}\n"):
            self._used.add(found[0])

    def read_index(self) -> None:
        """Read every pack's index now: a forked copy made afterwards has it
        (each process read it again: 12 MB at 10,000 events)."""
        self._entries()

    def holds(self, key: str) -> bool:
        """Whether an entry is noted under ``key`` (not whether it is intact)."""
        return key in self._entries()

    def put(self, key: str, text: str) -> None:
        body = text.encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(body).hexdigest()
        try:
            name = self._own()
        except OSError:
            return
        line = f"{key} {self._end} {len(body)} {digest}"
        self._held += body
        self._held_notes.append(line)
        self._end += len(body)
        self._entries()[key] = (name, line)
        if len(self._held) >= _HELD:
            self.flush()

    def flush(self) -> None:
        """Write what this process holds back: the pack's bytes, then
        their lines of the index (a line never names bytes not written;
        what cannot be written is a miss next time)."""
        if self._pid != pid() or not (self._held or self._held_notes):
            return
        data, lines = bytes(self._held), "".join(f"{line}\n" for line in self._held_notes)
        self._held, self._held_notes = bytearray(), []
        with contextlib.suppress(OSError):
            write_all(self._pack, data)
            write_all(self._notes, lines.encode("ascii"))

    def finish(self) -> None:
        """Note the packs this build used (its copies' too, from their
        indexes), and delete every pack none of the last builds of the last
        kinds used, with what an older version of this module left."""
        self._close()
        packs, logs = self.folder / _PACKS, self.folder / _BUILDS
        try:
            mine = {p.stem for p in packs.glob(f"{self.began}-*.index")}
            used = mine | {name for index in mine for name in _uses(packs / f"{index}.index")}
            lines = [*_lines(logs / self.kind), f"{self.began} {' '.join(sorted(used))}"][-KEEP_BUILDS:]
            logs.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{self.kind}-", dir=logs)
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write("".join(f"{line}\n" for line in lines))
            os.replace(temporary, logs / self.kind)
            kinds = sorted(os.scandir(logs), key=lambda log: log.stat().st_mtime_ns, reverse=True)
            for stale in kinds[KEEP_KINDS:]:
                os.unlink(stale.path)
            live = {name for log in kinds[:KEEP_KINDS] for line in _lines(Path(log.path))
                    for name in line.split()[1:]}
            for entry in os.scandir(packs):
                name, _, _ = entry.name.rpartition(".")
                if name not in live and _began(name) < self.began:  # a newer build's, running: its own
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)
            for shard in os.scandir(self.folder):  # one file per entry, before packs
                if len(shard.name) == 2 and shard.is_dir(follow_symlinks=False):
                    shutil.rmtree(shard.path, ignore_errors=True)
        except OSError:
            return

    def _entries(self) -> dict[str, tuple[str, str]]:
        """Every entry of every pack, read once (a later one wins), with its
        line of the index, read when the entry is (:func:`_place`: a build
        after one change reads few of the 160,000 entries a ten-year
        archive keeps, and parsing every line was half a second)."""
        if self._index is None:
            self._index = {}
            with contextlib.suppress(OSError):
                for path in sorted((self.folder / _PACKS).glob("*.index"), key=lambda p: _began(p.stem)):
                    stem = path.stem
                    lines = path.read_bytes().decode("ascii", "replace").split("\n")
                    self._index.update({line[:line.find(" ")]: (stem, line) for line in lines
                                        if " " in line and not line.startswith("use ")})
        return self._index

    def _own(self) -> str:
        """This process's pack (a forked copy opens its own), open for writing; its name."""
        if self._pid != pid():
            name = f"{self.began}-{pid()}"
            packs = self.folder / _PACKS
            packs.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
            self._pack = os.open(packs / f"{name}.pack", flags, 0o600)
            self._notes = os.open(packs / f"{name}.index", flags, 0o600)
            self._end = os.lseek(self._pack, 0, os.SEEK_END)
            self._held, self._held_notes = bytearray(), []  # a forked copy's: its parent's, written by it
            self._pid, self._name = pid(), name
        return self._name

    def _write_note(self, line: str) -> bool:
        try:
            self._own()
        except OSError:
            return False
        self._held_notes.append(line.rstrip("\n"))
        return True

    def _close(self) -> None:
        self.flush()
        if self._pid == pid():
            for handle in (self._pack, self._notes):
                with contextlib.suppress(OSError):
                    os.close(handle)
        for handle in self._readers.values():
            with contextlib.suppress(OSError):
                os.close(handle)
        self._readers.clear()
        self._pid, self._pack, self._notes = 0, -1, -1


_LIVE: weakref.WeakSet[PageMemo] = weakref.WeakSet()


def _flush_all() -> None:
    for memo in list(_LIVE):
        memo.flush()


# before a fork (the copy starts with nothing held back) and before a
# process of the build leaves (generator.pipeline.process)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_flush_all)
process.before_leaving(_flush_all)


def stored(root: Path) -> Iterator[tuple[str, Path, int, int, str]]:
    """Every entry noted under ``root``: key, pack, offset, length, SHA-256."""
    for path in sorted((Path(root) / FOLDER / _PACKS).glob("*.index"), key=lambda p: _began(p.stem)):
        for key, (offset, length, digest) in _notes(path):
            yield key, path.with_suffix(".pack"), offset, length, digest


def _notes(index: Path) -> Iterator[tuple[str, tuple[int, int, str]]]:
    """The entries an index notes (a line cut short is left out)."""
    for line in index.read_bytes().decode("ascii", "replace").split("\n"):
        place = _place(line)
        if place is not None:
            yield line.partition(" ")[0], place


def _place(line: str) -> tuple[int, int, str] | None:
    """Where an index's line says its entry is (offset, length, SHA-256),
    or None for a line cut short or not an entry's."""
    parts = line.split(" ")
    if len(parts) == 4 and len(parts[3]) == 64 and parts[1].isdigit() and parts[2].isdigit():
        return int(parts[1]), int(parts[2]), parts[3]
    return None


def _uses(index: Path) -> set[str]:
    try:
        text = index.read_bytes().decode("ascii", "replace")
    except OSError:
        return set()
    return {line[4:] for line in text.split("\n") if line.startswith("use ") and "/" not in line}


def _lines(log: Path) -> list[str]:
    try:
        return [line for line in log.read_text(encoding="ascii").splitlines() if line.split()[:1]]
    except (OSError, UnicodeDecodeError):
        return []


def _began(name: str) -> int:
    start = name.partition("-")[0]
    return int(start) if start.isdigit() else 0


