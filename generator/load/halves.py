"""Work over a list, its second half done by a forked copy of the process.

Checking each event file is independent of the others, and a ten-year
archive has 10,000 of them: on a machine with two cores the check takes
half the time when a copy of the process checks half the files.  The copy
sends its result back pickled through a pipe (it is this very program's,
written a moment ago).  Without ``fork``, with one core, for a short list,
or when the copy fails, the work is done here: the result is the same.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 256  # below this, starting a copy costs more than it saves


def halves(items: Sequence[Item], work: Callable[[Sequence[Item]], Result]) -> tuple[Result, Result]:
    """``work`` of the first half of ``items`` and of the second half."""
    middle = len(items) // 2
    first, second = items[:middle], items[middle:]
    if len(items) < MIN_ITEMS or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return work(first), work(second)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the copy: its half, sent whole, then gone without running the parent's exit code
        status = 1
        try:
            os.close(read)
            data = memoryview(pickle.dumps(work(second), pickle.HIGHEST_PROTOCOL))
            while data:
                data = data[os.write(write, data):]
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    try:
        mine = work(first)
        theirs = _received(read, child)
    finally:
        os.close(read)
        _reap(child)
    return mine, cast(Result, theirs[0]) if theirs is not None else work(second)


def _received(read: int, child: int) -> tuple[object] | None:
    """The copy's result (in a tuple: it may be None), or None when it failed."""
    chunks = []
    while chunk := os.read(read, 1 << 20):
        chunks.append(chunk)
    _, status = os.waitpid(child, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        return (pickle.loads(b"".join(chunks)),)
    except (pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
        return None


def _reap(child: int) -> None:
    """Stop and reap the copy if it is still there (the work here failed)."""
    try:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
