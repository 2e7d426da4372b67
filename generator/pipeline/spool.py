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

    def put(self, key: str, text: str) -> None:
        data = text.encode("utf-8")
        self._file.seek(0, 2)
        self._where[key] = (self._file.tell(), len(data))
        self._file.write(data)
        self._file.flush()  # taken by position, maybe by a forked copy too

    def take(self, key: str) -> str:
        """The text put under ``key``, forgotten afterwards (KeyError when
        it was never put or was already taken)."""
        offset, size = self._where.pop(key)
        # by position: a forked copy of the builder shares the file's offset
        return os.pread(self._file.fileno(), size, offset).decode("utf-8")

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def close(self) -> None:
        self._file.close()
        self._where.clear()
