"""Work done beside the site builder, on the machine's other core.

MkDocs renders and writes pages on one core; the feeds (every calendar,
RSS, Atom, JSON) need only what :func:`~generator.pipeline.prepare.prepare`
made, so a forked copy of the builder's process can make and write them at
the same time, into the same site folder (no file is written by both).
Where a fork is not possible or not safe (no ``os.fork``; ``mkdocs
serve``, whose server threads a fork would copy in mid-step), and whenever
the copy fails, the work is simply done in the builder's own process:
the site is the same either way.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable


class Background:
    """``work`` (which returns a count), started now in a forked process
    when possible; :meth:`result` waits for it, or does it here."""

    def __init__(self, work: Callable[[], int], allowed: bool = True) -> None:
        self._work = work
        self._pid: int | None = None
        self._pipe: int | None = None
        if allowed and hasattr(os, "fork"):
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the copy: do the work, say the count, leave at once
            os.close(read)
            code = 1
            try:
                os.write(write, f"{self._work()}\n".encode("ascii"))
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._pipe = pid, read

    def result(self) -> int:
        """The work's count, once it is done (in the copy, else here)."""
        if self._pid is not None and self._pipe is not None:
            with os.fdopen(self._pipe, "rb") as pipe:
                said = pipe.read()
            _, status = os.waitpid(self._pid, 0)
            self._pid = self._pipe = None
            if os.waitstatus_to_exitcode(status) == 0 and said.strip().isdigit():
                return int(said)
        return self._work()  # no copy, or it failed: the same work, here (its error shows)

    def cancel(self) -> None:
        """Stop the copy (the build failed: its folder is thrown away)."""
        if self._pid is not None and self._pipe is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            os.close(self._pipe)
            self._pid = self._pipe = None
