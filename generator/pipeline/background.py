"""Work done beside the site builder, on the machine's second core.

MkDocs reads every page, then renders the theme around each and writes it,
all on one core.  What the core makes needs only what
:func:`~generator.pipeline.prepare.prepare` made, so a forked copy of the
builder's process (:class:`SecondCore`) renders the second half of the
generated pages ahead, parking them in a temporary file, while the builder
renders the first half; then, while the builder writes pages, the copy
makes and writes the feeds into the same site folder (no file is written
by both).  ``mkdocs serve`` forks too: its server and watcher threads are not
copied, and the copies need nothing they hold (they write files, do not
print, renew no shared state, and leave with ``os._exit``; Python renews
the import and logging locks in a fork).  Where a fork is not possible (no ``os.fork``) and
whenever a copy fails, the builder does that work itself: the site is the
same either way, only slower.
"""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Protocol

from ..site.pages.page import Page
from .process import leave_copy

_PAGES_DONE = "pages"  # the copy's first line; its second is the count of feed files


class Forked:
    """``work`` run in a forked copy (when ``allowed`` and possible):
    :meth:`wait` says whether it was done there, or the caller does it;
    the number ``work`` returns (if any) is then :attr:`result`."""

    def __init__(self, work: Callable[[], int | None], allowed: bool = True) -> None:
        self._pid: int | None = None
        self._said = -1  # the pipe the copy says its result on
        self.result: int | None = None
        if allowed and hasattr(os, "fork"):  # the copy does the work and leaves at once
            sys.stdout.flush()
            sys.stderr.flush()
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    os.close(read)
                    result = work()
                    os.write(write, b"" if result is None else str(result).encode("ascii"))
                    code = 0
                finally:
                    leave_copy(code)
            os.close(write)
            self._pid, self._said = pid, read

    def wait(self) -> bool:
        """True when the copy did the work (False: not started, or failed)."""
        if self._pid is None:
            return False
        said = b""
        while chunk := os.read(self._said, 64):
            said += chunk
        os.close(self._said)
        _, status = os.waitpid(self._pid, 0)
        self._pid, self._said = None, -1
        done = os.waitstatus_to_exitcode(status) == 0
        self.result = int(said) if done and said.isdigit() else None
        return done

    def cancel(self) -> None:
        """Stop the copy (the build failed: its folder is thrown away)."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            self.wait()


class Shares:
    """Parts of one work that the processes of a build share: each takes,
    in its own order, the parts no other has taken yet (a file made with
    ``O_EXCL`` is the claim), and notes each done; the builder, once the
    others have ended, does what is :meth:`left` (what a copy that failed
    took).  The copy that makes pages ahead takes the feeds from the front
    while the builder writes pages; the copy that writes half of them,
    from the back once it has no page left: after one change, when the
    theme has almost nothing to do, it takes half the feeds."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        self.folder = tempfile.mkdtemp(prefix="sukien-shares-")

    def taken(self, backwards: bool = False) -> Iterator[str]:
        """The parts this process takes, one at a time (taken when asked for)."""
        for name in reversed(self.names) if backwards else self.names:
            try:
                os.close(os.open(os.path.join(self.folder, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                continue
            yield name

    def done(self, name: str) -> None:
        with open(os.path.join(self.folder, f"{name}.done"), "wb"):
            pass

    def left(self) -> list[str]:
        """The parts not done (to be done by the builder, the others ended)."""
        return [name for name in self.names if not os.path.exists(os.path.join(self.folder, f"{name}.done"))]

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class PageSource(Protocol):
    """Where pages come from: :class:`~generator.pipeline.core_memo.KeptPages`
    (through the memo), or :class:`~generator.pipeline.core_memo.Rendered`."""

    def page(self, source: str) -> Page: ...

    def made(self, source: str) -> tuple[str | None, Page | None]: ...


class SecondCore:
    """Pages ``ahead`` (sources of ``pages``) rendered, then ``feeds``
    (which writes them and returns how many) done, in a forked copy when
    ``allowed``; :meth:`page` and :meth:`feeds_written` take the results,
    or do the work here."""

    def __init__(self, pages: PageSource, ahead: Sequence[str], feeds: Callable[[], int],
                 allowed: bool = True) -> None:
        self._pages, self._feeds = pages, feeds
        self._ahead = set(ahead)
        self._copy: Forked | None = None
        self._said = b""  # what the copy has said so far
        self._pipe: int | None = None
        self._parked: IO[bytes] | None = None
        self._read: dict[str, tuple[str | None, Page | None]] = {}  # parked, read before they were asked for
        self._reading = False
        if allowed and hasattr(os, "fork"):
            self._start(list(ahead))

    def _start(self, ahead: list[str]) -> None:
        parked = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        read, write = os.pipe()

        def work() -> None:  # in the copy: the pages, then the feeds, saying how far it got
            os.close(read)
            for source in ahead:
                key, made = self._pages.made(source)
                if made is not None:
                    made.anchors  # noqa: B018 (worked out here, parked with the page: the builder is busier)
                pickle.dump((source, key, made), parked, pickle.HIGHEST_PROTOCOL)
            parked.flush()
            os.write(write, f"{_PAGES_DONE}\n".encode("ascii"))
            os.write(write, f"{self._feeds()}\n".encode("ascii"))

        self._copy = Forked(work)
        os.close(write)
        self._pipe, self._parked = read, parked

    def made(self, source: str) -> tuple[str | None, Page | None]:
        """The key of ``source``'s page and the page, as the pages' source
        gives them (:meth:`PageSource.made`): from the copy when it made
        them, else made here."""
        parked = self._parked_entry(source)
        return parked if parked is not None else self._pages.made(source)

    def page(self, source: str) -> Page:
        """The page of ``source``: from the copy when it made it, else made here."""
        parked = self._parked_entry(source)
        if parked is not None and parked[1] is not None:
            return parked[1]
        return self._pages.page(source)

    def _parked_entry(self, source: str) -> tuple[str | None, Page | None] | None:
        if source in self._ahead and self._parked is not None and self._line(0) == _PAGES_DONE:
            if not self._reading:  # the copy's writes moved the offset both share
                self._parked.seek(0)
                self._reading = True
            while source not in self._read:
                try:
                    found, key, made = pickle.load(self._parked)
                except EOFError:
                    break
                self._read[found] = (key, made)
            return self._read.pop(source, None)
        return None

    def feeds_written(self) -> int:
        """How many feed files were written (by the copy, else here): the
        end of its work (a page asked for afterwards is made here)."""
        self.close()
        said = self._line(1) if self._copy is not None else None
        if self._finish() and said is not None and said.isdigit():
            return int(said)
        return self._feeds()

    def cancel(self) -> None:
        """Stop the copy (the build failed: its folder is thrown away)."""
        if self._copy is not None:
            self._copy.cancel()
        self._finish()
        self.close()

    def _line(self, index: int) -> str | None:
        """The copy's line ``index`` (waiting for it); None when it ended
        without saying it."""
        while self._said.count(b"\n") <= index and self._pipe is not None:
            chunk = os.read(self._pipe, 64)
            if not chunk:
                break
            self._said += chunk
        lines = self._said.split(b"\n")
        return lines[index].decode("ascii") if len(lines) > index + 1 else None

    def _finish(self) -> bool:
        """Reap the copy; True when it ended well."""
        ok = self._copy is not None and self._copy.wait()
        if self._pipe is not None:
            os.close(self._pipe)
        self._copy, self._pipe = None, None
        return ok

    def close(self) -> None:
        """Forget the parked pages (after the builder has read them all)."""
        if self._parked is not None:
            self._parked.close()
            self._parked = None
        self._read.clear()
