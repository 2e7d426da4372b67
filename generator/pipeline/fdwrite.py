"""Writing bytes to a file descriptor, all of them.

The build writes tens of thousands of files, memo entries and a pipe
without file objects (each costs the system three more calls); ``os.write``
may write less than it is given, so every writer loops here.
"""

from __future__ import annotations

import os


def write_all(handle: int, data: bytes) -> None:
    """Write the whole of ``data`` to ``handle``."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]
