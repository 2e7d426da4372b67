"""This process: its id, known without asking the system each time, and
how a command leaves it (:func:`leave`).

The memo and the journal write one pack and one record per process (a
forked copy of the builder writes its own), so each of their writes asked
which process it was in: 100,000 ``getpid`` system calls a 10,000-event
build.  The id is read once, and again in each forked copy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable

_current = os.getpid()


def _forked() -> None:
    global _current
    _current = os.getpid()


if hasattr(os, "register_at_fork"):  # no fork elsewhere: the id never changes
    os.register_at_fork(after_in_child=_forked)


def pid() -> int:
    """What ``os.getpid()`` says."""
    return _current


_BEFORE_LEAVING: list[Callable[[], None]] = []


def before_leaving(work: Callable[[], None]) -> None:
    """Have ``work`` done before this process, or a forked copy of it,
    leaves by :func:`leave` or :func:`leave_copy` (``os._exit`` runs no
    ``atexit`` hook): what is held back is written then."""
    _BEFORE_LEAVING.append(work)


def _leaving() -> None:
    for work in _BEFORE_LEAVING:
        with contextlib.suppress(Exception):  # leaving anyway: what failed costs only the cache
            work()


def leave_copy(code: int) -> None:
    """End a forked copy (:mod:`generator.pipeline.background`) with ``code``."""
    _leaving()
    os._exit(code)


def leave(code: int) -> None:
    """End the process with ``code``, its logs and output flushed first,
    without taking it apart: a build or a check of a ten-year archive holds
    10,000 events when it is done, and Python's exit freed them object by
    object (0.2-0.3 s a command).  Only for a command's end, when nothing is
    left open (builders, temporary folders and journals are closed by then;
    temporary files have no name)."""
    _leaving()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone (`| head`), a stream closed
            stream.flush()
    os._exit(code)
