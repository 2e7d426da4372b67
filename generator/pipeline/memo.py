"""The theme's output for generated pages, kept by the hash of its inputs.

Dressing a page in the theme (MkDocs rendering Material's templates around
the core's HTML) is a fourth of a build, and after one changed event almost
every page gets the same inputs as in the previous build, so the same
output.  The site builder's adapter (``generator.mkdocs_plugin``) hashes
everything a page's output depends on into its key; this module keeps the
outputs by key, one file each, ``pages/<first two>/<key>`` under the cache
root (:func:`generator.pipeline.cache.cache_root`, never in the site
folder).

An entry holds the SHA-256 of its text on its first line: an entry cut
short or changed on disk is a miss, never a page.  Entries are written to
a temporary name and renamed, and the folder is safe to delete at any
time.  Each build stamps the entries it uses with its start time; after
the build, entries that none of the last :data:`KEEP_BUILDS` builds of
each of the last :data:`KEEP_KINDS` kinds used are deleted.  A kind is
what the caller names (the adapter: the configuration file and site URL),
so that the previews of ``sukien serve``, whose site URL and so whose keys
differ, do not push out the pages of ``sukien build``; the folder weighs
about one site per kind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from pathlib import Path

FOLDER = "pages"  # under the cache root, beside the kept sites
KEEP_BUILDS = 3  # of a kind: this one and the two before it
KEEP_KINDS = 4  # the kinds of build last run
_BUILDS = "builds"  # per kind, the start times (ns) of its last builds, one a line


class PageMemo:
    """Texts by key, under ``root / "pages"``; nothing here raises on a
    cache that cannot be read or written (it only costs a rendering)."""

    def __init__(self, root: Path, kind: str = "build") -> None:
        self.folder = Path(root) / FOLDER
        self.kind = kind  # a file name: the builds of one kind share most pages
        self.began = time.time_ns()

    def get(self, key: str) -> str | None:
        """The text stored under ``key``, or None when there is none or it
        is not exactly as stored."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head, newline, body = data.partition(b"\n")
        if not newline or head != hashlib.sha256(body).hexdigest().encode("ascii"):
            return None
        with contextlib.suppress(OSError):
            os.utime(path, ns=(self.began, self.began))  # used by this build: kept
        return body.decode("utf-8", "surrogatepass")

    def put(self, key: str, text: str) -> None:
        body = text.encode("utf-8", "surrogatepass")
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{key}-", dir=path.parent)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body)
            os.utime(temporary, ns=(self.began, self.began))
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def finish(self) -> None:
        """Note this build among the last ones of its kind, and delete
        every entry none of the last builds of the last kinds used
        (temporary files left by a killed build included)."""
        logs = self.folder / _BUILDS
        stamps = [*_stamps(logs / self.kind), self.began][-KEEP_BUILDS:]
        try:
            logs.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{self.kind}-", dir=logs)
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write("".join(f"{stamp}\n" for stamp in stamps))
            os.replace(temporary, logs / self.kind)
            kinds = sorted(os.scandir(logs), key=lambda log: log.stat().st_mtime_ns, reverse=True)
            for stale in kinds[KEEP_KINDS:]:
                os.unlink(stale.path)
            oldest = min([self.began, *(min(_stamps(Path(log.path)), default=self.began)
                                        for log in kinds[:KEEP_KINDS])])
            for shard in os.scandir(self.folder):
                if len(shard.name) == 2 and shard.is_dir(follow_symlinks=False):
                    for entry in os.scandir(shard.path):
                        with contextlib.suppress(FileNotFoundError):  # another build's prune
                            if entry.stat(follow_symlinks=False).st_mtime_ns < oldest:
                                os.unlink(entry.path)
        except OSError:
            return

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key


def _stamps(log: Path) -> list[int]:
    try:
        return [int(line) for line in log.read_text(encoding="ascii").split()]
    except (OSError, ValueError):
        return []
