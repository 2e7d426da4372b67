"""A build shares its work with forked copies of the builder (pages made
ahead, feeds, half of the theme's work): the site is the same as when the
builder does everything itself, and a copy that fails costs only time."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from tests.conftest import ROOT, SITE_CONTENT, SITE_NOW

PARENT = os.getpid()
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def build(out: Path, monkeypatch) -> dict[str, str]:
    monkeypatch.setenv("SUKIEN_CONTENT", str(SITE_CONTENT))
    monkeypatch.setenv("SUKIEN_NOW", SITE_NOW)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(config)
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def record_writers(monkeypatch, log: Path, fail_in_copy: bool = False) -> None:
    """Note which process writes each page (and make the copies fail)."""
    real = mkdocs_build._build_page

    def noted(page, *args, **kwargs):
        if fail_in_copy and os.getpid() != PARENT:
            raise RuntimeError("the copy fails")
        real(page, *args, **kwargs)
        if page.meta.get("template") != "sukien/written-elsewhere.html":
            with open(log, "a", encoding="utf-8") as out:
                out.write(f"{os.getpid()} {page.file.src_uri}\n")

    monkeypatch.setattr(mkdocs_build, "_build_page", noted)


@pytest.fixture(scope="module")
def alone(tmp_path_factory):
    """The site as the builder makes it alone (no fork)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delattr(os, "fork")
        return build(tmp_path_factory.mktemp("alone") / "site", patch)


def test_the_copies_write_part_of_the_pages_and_the_site_is_the_same(alone, tmp_path, monkeypatch):
    log = tmp_path / "writers"
    record_writers(monkeypatch, log)
    assert build(tmp_path / "site", monkeypatch) == alone
    writers = [line.split(" ", 1) for line in log.read_text().splitlines()]
    pages = [page for _, page in writers]
    assert len(pages) == len(set(pages))  # each page written once
    theirs = [page for pid, page in writers if int(pid) != PARENT]
    assert theirs and len(theirs) < len(pages)
    assert all(page.endswith("index.md") and not page.startswith("gioi-thieu") for page in theirs)


def test_when_the_copies_fail_the_builder_writes_everything_itself(alone, tmp_path, monkeypatch):
    log = tmp_path / "writers"
    record_writers(monkeypatch, log, fail_in_copy=True)
    assert build(tmp_path / "site", monkeypatch) == alone
    assert {int(line.split()[0]) for line in log.read_text().splitlines()} == {PARENT}


def test_a_copy_that_fails_in_the_feeds_leaves_them_to_the_builder(alone, tmp_path, monkeypatch):
    """Both copies take feeds (generator.pipeline.background.Shares); one
    that fails after taking a part leaves it to the builder."""
    from generator.mkdocs_plugin import SukienPlugin

    real = SukienPlugin._write
    writers = tmp_path / "feed-writers"

    def failing(self, site_dir, files):
        def noted():
            for path, data in files:
                if path.startswith("feeds/") and os.getpid() != PARENT:
                    raise RuntimeError("the copy fails in the feeds")
                with open(writers, "a", encoding="utf-8") as out:
                    out.write(f"{os.getpid()} {path}\n")
                yield path, data
        return real(self, site_dir, noted())

    monkeypatch.setattr(SukienPlugin, "_write", failing)
    assert build(tmp_path / "site", monkeypatch) == alone
    feeds = [line.split(" ", 1) for line in writers.read_text().splitlines() if " feeds/" in line]
    assert feeds and {int(pid) for pid, _ in feeds} == {PARENT}


@pytest.mark.parametrize("base", ["https://sukien.laichau.gov.vn/", "https://x.vn/sub/dir/", "http://h:8000/",
                                  "https://x.vn", "https://x.vn/a?b/", "https://x.vn//", "https://x.vn/a/../",
                                  "https://x.vn/%C3%A1/", "/rel/", ""])
def test_a_generated_pages_canonical_url_is_the_one_mkdocs_joins(base):
    from urllib.parse import urljoin, urlsplit

    from generator.mkdocs_plugin import plain_join

    for url in ["", "su-kien/a/", "en/events/su-kien-00001-2003/", "a.html", "../x/", "./x/", "/abs/", "a//b/",
                "x:y/", "sự-kiện/", "a/./b/", ".hidden/", "a?b", "a#b", "a..b/"]:
        joined = plain_join(base, url)
        if joined is not None:
            canonical = urljoin(base if base.endswith("/") else base + "/", url)
            assert joined == (canonical, urlsplit(canonical).path), (base, url)
    assert (plain_join(base, "su-kien/a/") is None) == (base not in ("https://sukien.laichau.gov.vn/",
                                                                    "https://x.vn/sub/dir/", "http://h:8000/",
                                                                    "https://x.vn/%C3%A1/"))
