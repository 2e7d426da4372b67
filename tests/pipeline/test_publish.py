"""A site is written in place: only files whose bytes change are written,
and whatever stops the build, the previous site comes back exactly."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.pipeline import cache, publish

from conftest import ROOT, SITE_CONTENT, SITE_NOW


def _state(root: Path) -> dict[str, object]:
    """Every entry under ``root``: a file's bytes, a link's target, a folder."""
    found: dict[str, object] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[name] = ("link", os.readlink(path))
        elif path.is_dir():
            found[name] = "folder"
        else:
            found[name] = path.read_bytes()
    return found


def _site(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


OLD = {"index.html": b"home", "su-kien/a/index.html": b"a", "su-kien/b/index.html": b"b",
       "lich/all.ics": b"BEGIN:VCALENDAR", "only-old/page.html": b"gone soon"}
NEW = {"index.html": b"home", "su-kien/a/index.html": b"a, edited", "su-kien/c/index.html": b"c",
       "lich/all.ics": b"BEGIN:VCALENDAR", "en/index.html": b"English"}


def _names(site: Path) -> list[str]:
    """The files and links of the site (as ``sukien build`` lists it)."""
    found = cache.scan(site)
    return list(found.files) if found else []


def _write_all(journal: publish.Journal, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        journal.write(name, data)


def _undone_then_done(site: Path, new: dict[str, bytes], clean: Path) -> None:
    """Writing ``new`` over ``site`` and rolling back gives the site as it
    was; writing it again and committing gives exactly ``new``."""
    before = _state(site)
    journal = publish.Journal.begin(site)
    _write_all(journal, new)
    journal.rollback()
    assert _state(site) == before
    journal = publish.Journal.begin(site)
    _write_all(journal, new)
    journal.commit(_names(site))
    assert _state(site) == _state(_site(clean, new))


def test_only_what_changed_is_written_and_what_is_gone_removed(tmp_path):
    site = _site(tmp_path / "site", OLD)
    stamps = {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
              for p in site.rglob("*") if p.is_file()}
    journal = publish.Journal.begin(site)
    _write_all(journal, NEW)
    assert journal.commit(_names(site)) == set(NEW)
    assert _state(site) == _state(_site(tmp_path / "clean", NEW))
    kept = {name for name, stamp in stamps.items() if (site / name).exists()
            and ((site / name).stat().st_ino, (site / name).stat().st_mtime_ns) == stamp}
    assert kept == {"index.html", "lich/all.ics"}  # the same bytes: not touched
    assert not publish.journal_of(site).exists()


def test_a_failed_build_puts_the_previous_site_back(tmp_path):
    site = _site(tmp_path / "site", OLD)
    before = _state(site)
    journal = publish.Journal.begin(site)
    _write_all(journal, NEW)
    journal.rollback()
    assert _state(site) == before
    assert not publish.journal_of(site).exists()


def test_a_build_cut_short_is_undone_by_the_next(tmp_path):
    site = _site(tmp_path / "site", OLD)
    before = _state(site)
    journal = publish.Journal.begin(site)
    _write_all(journal, dict(list(NEW.items())[:3]))  # then the process is killed: nothing more runs
    assert publish.recover(site)
    assert _state(site) == before
    assert not publish.recover(site)  # nothing left to undo


def test_a_first_build_that_fails_leaves_nothing(tmp_path):
    site = tmp_path / "site"
    journal = publish.Journal.begin(site)
    _write_all(journal, NEW)
    journal.rollback()
    assert not site.exists() and list(tmp_path.iterdir()) == []
    (tmp_path / "site").write_text("a file where the site goes", encoding="utf-8")
    journal = publish.Journal.begin(site)
    _write_all(journal, NEW)
    journal.rollback()
    assert site.read_text(encoding="utf-8") == "a file where the site goes"


def test_links_in_the_site_are_never_written_through(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(b"not the site's")
    site = _site(tmp_path / "site", OLD)
    os.symlink(outside / "secret.txt", site / "index.html.tmp")
    (site / "index.html").unlink()
    os.symlink(outside / "secret.txt", site / "index.html")  # a link where a page goes
    shutil.rmtree(site / "su-kien" / "a")
    os.symlink(outside, site / "su-kien" / "a")  # a link where a folder goes
    _undone_then_done(site, NEW, tmp_path / "clean")
    assert _state(outside) == {"secret.txt": b"not the site's"}


def test_a_file_where_a_folder_goes_and_a_folder_where_a_file_goes(tmp_path):
    site = _site(tmp_path / "site", {"a": b"file a", "b/index.html": b"in folder b"})
    _undone_then_done(site, {"a/index.html": b"now a folder", "b": b"now a file"}, tmp_path / "clean")


def _in_copy(work, *args) -> None:
    """Run ``work(*args)`` in a forked copy of this process, which then ends."""
    child = os.fork()
    if child == 0:
        try:
            work(*args)
        finally:
            os._exit(0)
    os.waitpid(child, 0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.parametrize("noted", [True, False], ids=["its record written", "before its record"])
def test_what_forked_copies_write_is_part_of_the_build(tmp_path, noted):
    """One copy writes two files; another dies halfway through a third,
    which the builder then writes itself (as after a copy failed)."""
    site = _site(tmp_path / "site", OLD)
    before, page = _state(site), "su-kien/a/index.html"

    def dies_halfway(journal: publish.Journal) -> None:
        if not noted:
            journal._note = lambda kind, relative: None  # type: ignore[method-assign]
        journal.write(page, NEW[page])
        (site / page).write_bytes(b"half")

    for ending in ("rollback", "commit"):
        journal = publish.Journal.begin(site)
        _in_copy(_write_all, journal, {name: NEW[name] for name in ("index.html", "su-kien/c/index.html")})
        _in_copy(dies_halfway, journal)
        journal.note_others()
        _write_all(journal, {name: NEW[name] for name in ("lich/all.ics", "en/index.html", page)})
        if ending == "rollback":
            journal.rollback()
            assert _state(site) == before
        else:
            journal.commit(_names(site))
            assert _state(site) == _state(_site(tmp_path / "clean", NEW))


def _mkdocs_build(site: Path, command: str, content: Path) -> None:
    """One build as ``mkdocs build`` or as each rebuild of ``mkdocs serve`` runs it."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ["SUKIEN_CONTENT"] = str(content)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command=command, dirty=False)
    mkdocs_build.build(config)


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_preview_rebuild_writes_only_what_changed(tmp_path, monkeypatch):
    """``mkdocs serve`` rebuilds its folder in place: after a save, the
    folder is the site a plain build makes, and a page the save does not
    touch is the same file as before."""
    monkeypatch.setenv("SUKIEN_NOW", SITE_NOW)
    monkeypatch.setenv("SUKIEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SUKIEN_CONTENT", "")
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    preview = tmp_path / "preview"
    preview.mkdir()
    _mkdocs_build(preview, "serve", content)
    _mkdocs_build(tmp_path / "plain", "build", content)
    assert _tree(preview) == _tree(tmp_path / "plain")
    about = preview / "gioi-thieu" / "index.html"
    inode = about.stat().st_ino
    (preview / "stale.html").write_text("left from an older build", encoding="utf-8")
    event = content / "events" / "so-vhttdl" / "tuan-van-hoa-2026.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("title: ", "title: Đã sửa ", 1), encoding="utf-8")
    _mkdocs_build(preview, "serve", content)
    _mkdocs_build(tmp_path / "plain-2", "build", content)
    assert _tree(preview) == _tree(tmp_path / "plain-2") != _tree(tmp_path / "plain")
    assert about.stat().st_ino == inode  # not written again
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_second_build_into_the_same_folder_stops_before_touching_it(tmp_path):
    site = _site(tmp_path / "site", OLD)
    before = _state(site)
    with publish.only_build(site):
        with pytest.raises(publish.Busy, match="một lần dựng khác"), publish.only_build(site):
            publish.Journal.begin(site)  # never reached
        assert _state(site) == before and not publish.journal_of(site).exists()
    with publish.only_build(site):  # free again once the first is done
        pass
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # the lock file goes with the build


def test_a_file_holds_its_bytes_exactly(tmp_path):
    data = bytes(range(256)) * 4096  # more than one read or write asks for
    path = tmp_path / "a.html"
    publish._put(path, data, replace=False)
    assert path.read_bytes() == data and publish._holds(path, data)
    assert not publish._holds(path, data[:-1]) and not publish._holds(path, data + b"x")
    publish._put(path, b"short", replace=True)
    assert path.read_bytes() == b"short" and not publish._holds(path, data)
