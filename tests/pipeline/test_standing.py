"""After one change, the pages the last build wrote that this build would
write again are left standing: neither read from the memo nor dressed by
the theme (generator.pipeline.standing); the site is a clean build's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.load.config import load_site_config
from generator.pipeline import cache, standing
from generator.pipeline.memo import stored

from test_cache import _build, _edit, _tree, project  # noqa: F401 (a fixture)


def _same_as_clean(project: Path, site: Path, tmp_path: Path, monkeypatch, name: str) -> None:  # noqa: F811
    clean = tmp_path / f"clean-{name}"
    _build(project, clean, tmp_path / f"empty-{name}", monkeypatch)
    a, b = _tree(site), _tree(clean)
    assert sorted(a) == sorted(b) and [p for p in a if a[p] != b[p]] == [], name


def _core_pages(kept: Path) -> int:
    """How many of the core's pages the memo holds (their entries are the
    length of a JSON object, the object, then the page's HTML)."""
    count = 0
    for _, pack, offset, length, _ in stored(kept):
        with pack.open("rb") as data:
            data.seek(offset)
            count += bool(re.match(rb"\d+:\{", data.read(min(length, 16))))
    return count


def _events(project: Path) -> list[Path]:  # noqa: F811
    return sorted((project / "content" / "events").rglob("*.yaml"))


def test_after_one_change_only_the_pages_it_changes_are_made(project, tmp_path, monkeypatch):  # noqa: F811
    site, kept = tmp_path / "site", tmp_path / "cache"
    _build(project, site, kept, monkeypatch)
    pages = [p for p in site.rglob("index.html")]
    stamps = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in pages}
    shutil.rmtree(kept / "pages")  # no page can come from the memo now
    _edit(_events(project)[0], "title: ", "title: Đã sửa ")
    _build(project, site, kept, monkeypatch)
    _same_as_clean(project, site, tmp_path, monkeypatch, "one-change")
    made = _core_pages(kept)  # each page the core made again was stored
    assert len(pages) > 100 and 0 < made < len(pages) // 3, (made, len(pages))  # standing pages: not made
    untouched = [p for p in pages if (p.stat().st_ino, p.stat().st_mtime_ns) == stamps[p]]
    assert len(untouched) > len(pages) * 3 // 4


def test_a_page_changed_in_the_site_does_not_stand(project, tmp_path, monkeypatch):  # noqa: F811
    """A page written into since the last build (its bytes, even at the
    same size), or removed, is made and written again."""
    site, kept = tmp_path / "site", tmp_path / "cache"
    _build(project, site, kept, monkeypatch)
    pages = sorted(p for p in site.rglob("index.html") if "/su-kien/" in p.as_posix())
    with pages[0].open("r+b") as out:
        out.seek(20)
        out.write(b"X")
    pages[1].unlink()
    _edit(_events(project)[-1], "title: ", "title: Đã sửa ")
    _build(project, site, kept, monkeypatch)
    _same_as_clean(project, site, tmp_path, monkeypatch, "changed")


def test_a_note_that_cannot_be_read_is_no_note(project, tmp_path, monkeypatch):  # noqa: F811
    site, kept = tmp_path / "site", tmp_path / "cache"
    _build(project, site, kept, monkeypatch)
    slot = cache.slot_of(load_site_config(project / "mkdocs.yml"), site, kept)
    last = standing.last_build(slot)
    assert last is not None and len(last.keys) > 40 and set(last.keys) == set(last.anchors)
    assert all(f"{source.removesuffix('index.md')}index.html" in last.files for source in last.keys)
    for broken in (b"", b"{", b'{"version": 1}', b'{"version": 1, "frame": "x", "pages": {"a": []}}',
                   b'{"version": 99, "frame": "x", "pages": {}}'):
        (slot / "pages").write_bytes(broken)
        assert standing.last_build(slot) is None, broken
    _edit(_events(project)[0], "title: ", "title: Đã sửa ")
    _build(project, site, kept, monkeypatch)  # every page read and dressed, as without a note
    _same_as_clean(project, site, tmp_path, monkeypatch, "broken-note")
    (slot / "key").unlink()  # a store cut short: no entry
    assert standing.last_build(slot) is None
