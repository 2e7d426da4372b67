"""Texts parked on disk between the moment they are made and the moment
they are written out.

A site builder reads every page before it writes any (MkDocs needs every
title for the navigation): holding every page's HTML in memory in between
costs about as much memory as the site weighs.  The spool keeps them in one
unnamed temporary file instead, which the system deletes even when the
build is killed.
"""

from __future__ import annotations

import os
import tempfile


class Spool:
    """Put a text once, take it once."""

    def __init__(self) -> None:
        # open across the builder's hooks; :meth:`close` ends it
        self._file = tempfile.TemporaryFile()  # noqa: SIM115
        self._where: dict[str, tuple[int, int]] = {}
        self._end = 0

    def put(self, key: str, text: str) -> None:
        data = memoryview(text.encode("utf-8"))
        self._where[key] = (self._end, len(data))
        while data:  # by position: a forked copy of the builder may take from it (one call a page, not four)
            written = os.pwrite(self._file.fileno(), data, self._end)
            data, self._end = data[written:], self._end + written

    def take(self, key: str) -> str:
        """The text put under ``key``, forgotten afterwards (KeyError when
        it was never put or was already taken)."""
        offset, size = self._where.pop(key)
        return os.pread(self._file.fileno(), size, offset).decode("utf-8")

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def close(self) -> None:
        self._file.close()
        self._where.clear()
