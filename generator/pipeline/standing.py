"""The generated pages the last build wrote that this build would write again.

A generated page's output is a function of two hashes: its core key (what
the core's page read, :mod:`generator.pipeline.core_memo`) and the
theme's frame (the theme, the configuration, the navigation, the build's
day and the code: ``ThemeMemo`` in :mod:`generator.mkdocs_plugin`).
MkDocs derives all else the theme gets (paths, URLs, title, metadata) from
the page itself, and a page out of the navigation has no neighbours and no
ancestors.  So a page out of the navigation whose key and frame are the
last build's, and whose file the site folder still holds exactly as that
build left it (same inode, size and times, by the listing ``sukien build``
noted: :mod:`generator.pipeline.cache`), needs neither its HTML from the
memo nor the theme around it: it stands as it is.  After one changed
event that is almost every page of the archive.

At the end of a build the site builder notes each page's key and anchors
and the frame (:func:`note`) in the build's journal; ``sukien build``
stores that note with the folder's listing once the build is done
(:func:`taken`, :func:`generator.pipeline.cache.store`), so that a note
and a listing are always those of one build.  A note that cannot be read
is no note: every page is read and dressed, as without it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import cache

NOTE = "pages"  # in the build's journal folder
_VERSION = 1


@dataclass(frozen=True)
class LastBuild:
    """What the last build into a site folder noted: the theme's frame,
    each page's key and anchors by source, and the folder's listing."""

    frame: str
    keys: Mapping[str, str]
    anchors: Mapping[str, list[str]]
    files: Mapping[str, str]

    def standing(self, frame: str | None, root: Path, pages: Mapping[str, str]) -> set[str]:
        """Of ``pages`` (a source's destination, by source), whose keys
        are those of the last build, the sources that stand in the site
        folder ``root`` as it wrote them, under this build's ``frame``."""
        if frame is None or frame != self.frame:
            return set()
        same = cache.as_noted(root, self.files, pages.values())
        return {source for source, dest in pages.items() if dest in same}


def last_build(slot: Path) -> LastBuild | None:
    """The last build's note in the cache ``slot`` of a site folder."""
    found = cache.noted(slot)
    if found is None:
        return None
    files, text = found
    try:
        data = json.loads(text)
        if data.get("version") != _VERSION or not isinstance(data.get("frame"), str):
            return None
        pages = data["pages"]
        keys = {source: entry[0] for source, entry in pages.items()}
        anchors = {source: entry[1] for source, entry in pages.items()}
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
    return LastBuild(data["frame"], keys, anchors, files)


def note(folder: Path, frame: str, pages: Iterable[tuple[str, str, Iterable[str]]]) -> None:
    """Note, in the journal ``folder``, the ``frame`` and each page's
    source, key and anchors."""
    data = {"version": _VERSION, "frame": frame,
            "pages": {source: [key, sorted(anchors)] for source, key, anchors in pages}}
    (folder / NOTE).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def taken(folder: Path) -> bytes:
    """The note in the journal ``folder`` (nothing when there is none)."""
    try:
        return (folder / NOTE).read_bytes()
    except OSError:
        return b""
