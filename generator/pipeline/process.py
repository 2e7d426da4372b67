"""This process's id, known without asking the system each time.

The memo and the journal write one pack and one record per process (a
forked copy of the builder writes its own), so each of their writes asked
which process it was in: 100,000 ``getpid`` system calls a 10,000-event
build.  The id is read once, and again in each forked copy.
"""

from __future__ import annotations

import os

_current = os.getpid()


def _forked() -> None:
    global _current
    _current = os.getpid()


if hasattr(os, "register_at_fork"):  # no fork elsewhere: the id never changes
    os.register_at_fork(after_in_child=_forked)


def pid() -> int:
    """What ``os.getpid()`` says."""
    return _current
