"""Writing a site into its published folder in place, with an undo journal.

A rebuild after one change makes the same bytes for almost every file of
the site.  Writing all of them into a new folder and swapping it in (31,000
files and 21,000 folders for a ten-year archive) cost more than the rest
of such a rebuild; here a file whose bytes are already there is left
alone, and only the others are written.

What the previous site had is never lost: before a file is replaced or
removed, it is moved into the journal (``.<site>-journal/old/``, beside
the site folder, on the same file system), and a file or folder is noted
in the journal before it is made.  :meth:`Journal.rollback` puts the
previous site back exactly, from what the journal holds on disk: after a
failed build, and at the start of the next build when one was cut short
(:func:`recover`).  :meth:`Journal.commit` removes what the new site no
longer has, then the journal.

Several processes write into the same site (the site builder and its
forked copies, :mod:`generator.pipeline.background`): each notes what it
does in a record file of its own (``records/<pid>``), one line per file:
``N`` made (noted before), ``D`` a folder made (noted before), ``R``
replaced (its previous bytes in ``old/``), ``K`` kept as it was.  A path
is never followed through a symbolic link: a link where a file or folder
of the site goes is moved aside like any other previous entry.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .fdwrite import write_all
from .process import pid

try:
    import fcntl
except ImportError:  # pragma: no cover (not a POSIX system)
    fcntl = None  # type: ignore[assignment]

JOURNAL_ENV = "SUKIEN_PUBLISH"  # the journal of the build the site builder writes for
_TARGET = "target"  # in the journal: the site folder's path
_FRESH = "fresh"  # in the journal: the site folder did not exist before this build
_PREVIOUS = "previous"  # in the journal: what stood in its place (a file, a broken link)
_OLD = "old"
_RECORDS = "records"


def journal_of(target: Path) -> Path:
    """Where the journal of builds into ``target`` lives."""
    return target.parent / f".{target.name}-journal"


class Busy(OSError):
    """Another build is writing into the same site folder."""


@contextmanager
def only_build(target: Path) -> Iterator[None]:
    """Hold the site folder's lock (``.<site>-journal.lock`` beside it, gone
    afterwards) for a build: a second build into the same folder at the
    same time would take the first one's journal for one cut short and undo
    it; it stops before touching anything instead."""
    if fcntl is None:  # no advisory locks here (not a POSIX system)
        yield
        return
    path = target.parent / f".{target.name}-journal.lock"
    handle = _locked(path, target)
    try:
        yield
    finally:
        with suppress(FileNotFoundError):
            path.unlink()
        os.close(handle)  # the lock goes with it


def _locked(path: Path, target: Path) -> int:
    """An open, locked lock file at ``path``: the one that is there still
    (another build may have removed it between our open and our lock)."""
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise Busy(f"một lần dựng khác đang ghi vào '{target.as_posix()}'; hãy chờ nó xong rồi chạy lại "
                       f"/ another build is writing into '{target.as_posix()}': run again when it is done") from None
        try:
            if os.stat(path).st_ino == os.fstat(handle).st_ino:
                return handle
        except FileNotFoundError:
            pass
        os.close(handle)


def recover(target: Path) -> bool:
    """Put back the previous site of a build that was cut short (its
    journal is still there); whether there was one."""
    folder = journal_of(target)
    if not folder.is_dir():
        return False
    Journal(folder).rollback()
    return True


class Journal:
    """The journal of one build (:meth:`begin` makes it) and the writer of
    the site's files, in whichever process writes them."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.target = Path((self.folder / _TARGET).read_text(encoding="utf-8"))
        self._root = f"{self.target}/"
        self._pid = 0
        self._record = -1
        self._folders: set[str] = set()  # known to be real folders, in this process
        self._made: set[str] = set()  # files this build made (and may write again without saving)

    @classmethod
    def begin(cls, target: Path) -> Journal:
        """The journal of a new build into ``target`` (made if need be; a
        file or a link to no folder in its place is saved first)."""
        target = Path(os.path.abspath(target))
        folder = journal_of(target)
        folder.mkdir()
        (folder / _RECORDS).mkdir()
        (folder / _TARGET).write_text(str(target), encoding="utf-8")
        if not target.is_dir():
            (folder / _FRESH).touch()
            if os.path.lexists(target):
                os.replace(target, folder / _PREVIOUS)
            target.mkdir()
            os.chmod(target, 0o755)
        return cls(folder)

    # -- writing, in any process ---------------------------------------------

    def write(self, relative: str, data: bytes) -> None:
        """Make the site's file ``relative`` hold ``data``: left alone when
        it does already, else written (its previous entry saved first)."""
        path = f"{self._root}{relative}"  # a string: pathlib's parsing was 2 % of a 10k full build
        self._make_parents(relative)
        try:
            found = os.lstat(path)
        except FileNotFoundError:
            found = None
        if found is not None and _is_file(found) and relative in self._made:
            _put(path, data, replace=True)
            return
        if found is not None and _is_file(found) and found.st_size == len(data) and _holds(path, data):
            self._note("K", relative)
            return
        if found is None:
            self._note("N", relative)
        elif not _saved(self.folder, relative):
            os.replace(path, _aside(self.folder, relative))
        else:  # saved already, by a copy that did not finish
            _remove(Path(path))
        _put(path, data, replace=False)
        self._made.add(relative)
        if found is not None:
            self._note("R", relative)

    def keep(self, relatives: Iterable[str]) -> None:
        """Note the site's files ``relatives`` as kept as they are (not written)."""
        lines = "".join(f"K {relative}\n" for relative in relatives)
        if lines:
            self._write_record(lines)

    def _take(self, folder: Path) -> None:
        """Write every file of ``folder`` (what MkDocs itself wrote) into the site."""
        for relative in _files(folder):
            self.write(relative, (folder / relative).read_bytes())

    def note_others(self) -> None:
        """Learn what the other processes of this build wrote (before this
        process writes what one of them may have begun: see
        :mod:`generator.pipeline.background`)."""
        for kind, relative in self._records():
            if kind in "NR":
                self._made.add(relative)

    def _make_parents(self, relative: str) -> None:
        parts = relative.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            if folder in self._folders:
                continue
            path = f"{self._root}{folder}"
            try:
                found = os.lstat(path)
            except FileNotFoundError:
                found = None
            if found is not None and not _is_folder(found):
                os.replace(path, _aside(self.folder, folder))  # a file or link where a folder goes
                found = None
            if found is None:
                self._note("D", folder)
                try:
                    os.mkdir(path)
                except FileExistsError:  # another process made it meanwhile
                    if not _is_folder(os.lstat(path)):
                        raise
            self._folders.add(folder)

    def _note(self, kind: str, relative: str) -> None:
        self._write_record(f"{kind} {relative}\n")

    def _write_record(self, lines: str) -> None:
        if self._pid != pid():  # a forked copy: a record of its own
            self._pid = pid()
            self._record = os.open(self.folder / _RECORDS / str(self._pid),
                                   os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        write_all(self._record, lines.encode("utf-8", "surrogateescape"))

    def _records(self) -> Iterator[tuple[str, str]]:
        for record in sorted((self.folder / _RECORDS).iterdir()):
            for line in record.read_bytes().decode("utf-8", "surrogateescape").splitlines():
                if line[1:2] == " ":
                    yield line[0], line[2:]

    # -- ending the build, in the process that began it -------------------------

    def finish(self, scratch: Path, before: Iterable[str]) -> set[str]:
        """Take what MkDocs wrote itself into ``scratch`` (its theme's files,
        the sitemap, the 404 page) into the site, then :meth:`commit`."""
        self._take(scratch)
        return self.commit(before)

    def commit(self, before: Iterable[str]) -> set[str]:
        """Remove what the site held ``before`` (its files, as a listing
        found them when the build began) and no longer has, then the
        journal; the files the site has."""
        written = {relative for kind, relative in self._records() if kind in "NRK"}
        for relative in before:
            if relative not in written and os.path.lexists(self.target / relative):
                os.replace(self.target / relative, _aside(self.folder, relative))
                self._remove_emptied(relative)
        self._close()
        _discard(self.folder)
        return written

    def _remove_emptied(self, relative: str) -> None:
        """Remove the folders of ``relative`` that it leaves empty."""
        parent = Path(relative).parent
        while parent != Path("."):
            try:
                os.rmdir(self.target / parent)
            except OSError:
                return  # not empty (or a link, or gone)
            parent = parent.parent

    def rollback(self) -> None:
        """Put the previous site back as it was, then remove the journal."""
        self._close()
        for kind, relative in reversed(list(self._records())):  # a folder's files before it
            path = self.target / relative
            if kind in "NR" and os.path.lexists(path) and not _is_folder_path(path):
                path.unlink()  # made by this build (what it replaced is put back below)
            elif kind == "D" and _is_folder_path(path):
                with suppress(OSError):  # not empty: it holds what is put back below
                    path.rmdir()
        old = self.folder / _OLD
        for relative in _files(old) if old.is_dir() else ():
            place = self.target / relative
            place.parent.mkdir(parents=True, exist_ok=True)
            if _is_folder_path(place):  # made by this build where a file stood: nothing of the old site
                shutil.rmtree(place)
            os.replace(old / relative, place)
        if (self.folder / _FRESH).exists() and _is_folder_path(self.target):
            _remove_empty_folders(self.target)
            with suppress(OSError):
                self.target.rmdir()
            if os.path.lexists(self.folder / _PREVIOUS) and not os.path.lexists(self.target):
                os.replace(self.folder / _PREVIOUS, self.target)
        _discard(self.folder)

    def _close(self) -> None:
        if self._record >= 0 and self._pid == pid():
            os.close(self._record)
        self._record, self._pid = -1, 0


def _aside(journal: Path, relative: str) -> Path:
    """Where the previous entry at ``relative`` is saved (its folders made)."""
    place = journal / _OLD / relative
    place.parent.mkdir(parents=True, exist_ok=True)
    return place


def _saved(journal: Path, relative: str) -> bool:
    return os.path.lexists(journal / _OLD / relative)


def _files(folder: Path) -> Iterator[str]:
    """Every file and link under ``folder`` (links not followed), as paths relative to it."""
    for top, names, files in os.walk(folder):
        base = Path(top).relative_to(folder).as_posix()
        prefix = "" if base == "." else f"{base}/"
        for name in files:
            yield prefix + name
        for name in names:
            if Path(top, name).is_symlink():
                yield prefix + name


def _remove_empty_folders(folder: Path) -> None:
    """Remove every empty folder under ``folder``, deepest first."""
    for top, _, _ in os.walk(folder, topdown=False):
        if top != str(folder):
            with suppress(OSError):  # not empty
                os.rmdir(top)

# No file objects: a build writes 31,000 files, and one asks the system three
# more times (its size, whether it is a terminal, where it stands).
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _put(path: str | Path, data: bytes, replace: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    handle = os.open(path, flags | _NOFOLLOW, 0o644)
    try:
        write_all(handle, data)
    finally:
        os.close(handle)


def _holds(path: str | Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data``."""
    handle = os.open(path, os.O_RDONLY | _NOFOLLOW)
    try:
        chunks, wanted = [], len(data) + 1  # one byte more: a longer file differs
        while wanted > 0 and (chunk := os.read(handle, wanted)):
            chunks.append(chunk)
            wanted -= len(chunk)
    finally:
        os.close(handle)
    return b"".join(chunks) == data


def _remove(path: Path) -> None:
    if _is_folder_path(path):
        shutil.rmtree(path)
    else:
        path.unlink()


def _discard(folder: Path) -> None:
    """Remove a journal: renamed first, so that a removal cut short leaves
    no journal for the next build to roll back."""
    gone = folder.with_name(f"{folder.name}-done-{os.getpid()}")
    os.replace(folder, gone)
    shutil.rmtree(gone, ignore_errors=True)


def _is_file(found: os.stat_result) -> bool:
    return stat.S_ISREG(found.st_mode)


def _is_folder(found: os.stat_result) -> bool:
    return stat.S_ISDIR(found.st_mode)


def _is_folder_path(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()

