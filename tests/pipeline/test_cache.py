"""The previous site is given again only when nothing it depends on has
changed: each input is changed in turn, and the build is compared with a
clean build of the same inputs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.load.config import load_site_config
from generator.pipeline import cache, memo
from generator.pipeline.build import build

from conftest import ROOT, SITE_CONTENT, SITE_NOW


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Sở VHTTDL", "-c", "user.email=so@example.vn", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A project of its own (mkdocs.yml, docs, overrides, content) in git."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SITE_CONTENT, root / "content")
    # commits dated before the pinned clock: one dated after it would count
    # as made at that instant, and such a build is never kept
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-03-02T08:00:00+07:00")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Nội dung ban đầu", "--date", "2026-03-01T08:00:00+07:00")
    monkeypatch.setenv("SUKIEN_NOW", SITE_NOW)
    return root


def _build(root: Path, site: Path, cache_dir: Path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(cache_dir))
    config = load_site_config(root / "mkdocs.yml")
    result = build(config, site_dir=site, content_dir=config.content_dir)
    assert result.built, result.problems
    return result


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_rebuild_reuses_only_what_no_input_changed(project, tmp_path, monkeypatch):
    site, kept = tmp_path / "site", tmp_path / "cache"
    first = _build(project, site, kept, monkeypatch)
    assert not first.reused
    built = _tree(site)
    again = _build(project, site, kept, monkeypatch)
    assert again.reused and _tree(site) == built

    event = next((project / "content" / "events").rglob("*.yaml"))
    changes = {
        "an event": lambda: _edit(event, "title: ", "title: Đã sửa "),
        "its history": lambda: (_git(project, "add", "-A"), _git(project, "commit", "-q", "-m", "Sửa tên")),
        "a registry": lambda: _edit(project / "content" / "categories.yaml", "name: ", "name: Mới "),
        "a hand-written page": lambda: _append(project / "docs" / "gioi-thieu.md", "\nĐoạn mới.\n"),
        "a template": lambda: _edit(project / "overrides" / "main.html", "{% block styles %}",
                                    "{% block styles %}<!-- mẫu mới -->"),
        "the configuration": lambda: _edit(project / "mkdocs.yml", "years_ahead: 2", "years_ahead: 1"),
        "the build's day": lambda: monkeypatch.setenv("SUKIEN_NOW", "2026-04-21T10:00:00+07:00"),
        # an event of the bundled content begins at 19:00 that day
        "the build's hour, past an instant": lambda: monkeypatch.setenv("SUKIEN_NOW", "2026-04-21T19:00:00+07:00"),
    }
    for n, (name, change) in enumerate(changes.items()):
        before = _tree(site)
        change()
        rebuilt = _build(project, site, kept, monkeypatch)
        clean = _build(project, tmp_path / f"clean-{n}", tmp_path / f"empty-{n}", monkeypatch)
        assert not rebuilt.reused and not clean.reused, name
        a, b = _tree(site), _tree(tmp_path / f"clean-{n}")
        assert sorted(a) == sorted(b) and [p for p in a if a[p] != b[p]] == [], name
        assert _tree(site) != before, name  # the change shows: a reused site would have been stale
    assert _build(project, site, kept, monkeypatch).reused
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-21T23:59:59+07:00")  # later that day, nothing more has come
    assert _build(project, site, kept, monkeypatch).reused
    _build(project, tmp_path / "clean-late", tmp_path / "empty-late", monkeypatch)
    assert _tree(site) == _tree(tmp_path / "clean-late")


def test_the_cache_is_safe_to_delete_and_not_in_the_site(project, tmp_path, monkeypatch):
    site, kept = tmp_path / "site", tmp_path / "cache"
    _build(project, site, kept, monkeypatch)
    built = _tree(site)
    assert kept.is_dir() and not any(p.name == "key" for p in site.rglob("*"))
    shutil.rmtree(kept)
    assert not _build(project, site, kept, monkeypatch).reused
    for entry in kept.iterdir():  # an entry cut short (no key) is no entry
        if entry.name != memo.FOLDER:  # the pages the theme dressed (test_page_memo)
            (entry / "key").unlink()
    assert not _build(project, site, kept, monkeypatch).reused
    assert _tree(site) == built
    assert _build(project, site, kept, monkeypatch).reused


def test_a_site_left_as_built_is_left_in_place(project, tmp_path, monkeypatch):
    """The site folder the last build left, under the same inputs, needs
    nothing done; one with a file gone or added is built again, in place:
    the site as built, with only the missing file written."""
    site, kept = tmp_path / "site", tmp_path / "cache"
    _build(project, site, kept, monkeypatch)
    built, folder = _tree(site), site.stat().st_ino
    stamps = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert _build(project, site, kept, monkeypatch).reused
    assert site.stat().st_ino == folder and _tree(site) == built
    (site / "robots.txt").unlink()
    (site / "extra.txt").write_text("thêm", encoding="utf-8")
    assert not _build(project, site, kept, monkeypatch).reused
    assert site.stat().st_ino == folder and _tree(site) == built
    rewritten = [p for p, stamp in stamps.items() if p.stat().st_mtime_ns != stamp]
    assert rewritten == [site / "robots.txt"]
    assert _build(project, site, kept, monkeypatch).reused


def test_a_site_file_changed_in_place_is_never_given_again(project, tmp_path, monkeypatch):
    """Writing into a built file (a deploy step, a dirty MkDocs build),
    even keeping its size, makes the next build a miss, which puts the
    built bytes back."""
    site, kept = tmp_path / "site", tmp_path / "cache"
    _build(project, site, kept, monkeypatch)
    built = _tree(site)
    assert _build(project, site, kept, monkeypatch).reused
    page = site / "index.html"
    with page.open("ab") as out:
        out.write(b"<!-- sua tai cho -->")
    again = _build(project, site, kept, monkeypatch)
    assert not again.reused and _tree(site) == built
    with (site / "robots.txt").open("r+b") as out:  # the same size, other bytes
        first = out.read(1)
        out.seek(0)
        out.write(b"X" if first != b"X" else b"Y")
    assert not _build(project, site, kept, monkeypatch).reused and _tree(site) == built




def test_the_code_is_an_input(project, tmp_path, monkeypatch):
    config = load_site_config(project / "mkdocs.yml")
    key = cache.input_key(config, False)
    assert key == cache.input_key(config, False)
    code = tmp_path / "generator"
    shutil.copytree(cache._PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", code)
    assert cache.input_key(config, False) == key
    _edit(code / "site" / "pages" / "home.py", '"""', '"""Changed. ')
    assert cache.input_key(config, False) != key
    assert cache.input_key(config, True) != cache.input_key(config, False)  # --strict


def test_a_build_that_fails_after_writing_its_pages_leaves_the_site_as_it_was(project, tmp_path, monkeypatch):
    """MkDocs' strict mode fails a build at its very end, its pages written
    (in place, :mod:`generator.pipeline.publish`): the site folder is the
    previous one, the same files with the same bytes."""
    site, kept = tmp_path / "site", tmp_path / "cache"
    _build(project, site, kept, monkeypatch)
    before = _tree(site)
    files = {p: p.stat().st_ino for p in site.rglob("*") if p.is_file()}
    _append(project / "docs" / "gioi-thieu.md", "\n[Liên kết hỏng](khong-co.md)\n")  # a warning
    monkeypatch.setenv("SUKIEN_NOW", "2026-05-20T10:00:00+07:00")  # a month later: most pages change
    failed = build(load_site_config(project / "mkdocs.yml"), site_dir=site, strict=True)
    assert not failed.built and failed.returncode != 0
    assert _tree(site) == before
    assert {p: p.stat().st_ino for p in site.rglob("*") if p.is_file()} == files
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no journal, no scratch


def test_a_relative_site_folder_is_the_callers_not_the_configurations(project, tmp_path, monkeypatch):
    """`sukien build -d site` run from another folder than mkdocs.yml's
    builds there, whole (MkDocs' own files too), and leaves nothing beside
    mkdocs.yml."""
    _build(project, tmp_path / "absolute", tmp_path / "cache", monkeypatch)
    here = tmp_path / "elsewhere"
    here.mkdir()
    monkeypatch.chdir(here)
    _build(project, Path("site"), tmp_path / "cache", monkeypatch)
    assert _tree(here / "site") == _tree(tmp_path / "absolute")
    assert (here / "site" / "404.html").is_file()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []
    assert [p.name for p in here.iterdir()] == ["site"]


def test_installing_a_distribution_changes_the_code(tmp_path, monkeypatch):
    import hashlib

    def code() -> str:
        digest = hashlib.sha256()
        cache.add_code(digest)
        return digest.hexdigest()
    packages = tmp_path / "site-packages"
    packages.mkdir()
    monkeypatch.syspath_prepend(str(packages))
    before = code()
    assert code() == before
    (packages / "demo-1.0.dist-info").mkdir()
    (packages / "demo-1.0.dist-info" / "METADATA").write_text("Name: demo\nVersion: 1.0\n", encoding="utf-8")
    assert code() != before
