"""The site builder is started before the content is checked, then given
the content as validated (it need not read and validate the whole tree
again) and told to build, or stopped, having written and said nothing:
when the content is invalid, or the site already built."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import pytest

from contenttree import VALID, make_tree
from generator.load.config import load_site_config
from generator.load.content import load_content
from generator.pipeline import builder as site_builder
from generator.pipeline.build import build
from generator.pipeline.builder import LOADED_ENV, CalledOff, handed_over, taken_over
from generator.pipeline.fdwrite import write_all
from tests.conftest import ROOT, SITE_CONTENT, SITE_NOW

MKDOCS = """\
site_name: Thử
site_url: https://example.org/
theme:
  name: material
plugins:
  - sukien
"""


def _pipe_from(write) -> str:
    """The reading end of a pipe that ``write`` is given the writing end of, in a thread."""
    reading, writing = os.pipe()
    threading.Thread(target=write, args=(writing,), daemon=True).start()
    return str(reading)


def _given(content, problems, then: bytes = b""):
    def write(fd: int) -> None:
        write_all(fd, handed_over(content, problems) + then)  # more than a pipe holds: read as it is written
        os.close(fd)
    return write


def test_the_builder_takes_over_exactly_what_was_validated():
    config = load_site_config(ROOT / "mkdocs.yml").with_content(SITE_CONTENT)
    content, problems = load_content(config)
    handed = taken_over({LOADED_ENV: _pipe_from(_given(content, problems, site_builder._BUILD))})
    assert handed is not None and (handed.content, handed.problems) == (content, problems)
    handed.cleared()  # let build


def test_a_pipe_closed_or_garbled_first_calls_the_build_off():
    with pytest.raises(CalledOff):
        taken_over({LOADED_ENV: _pipe_from(os.close)})
    with pytest.raises(CalledOff):
        taken_over({LOADED_ENV: _pipe_from(lambda fd: (os.write(fd, b"something else entirely"), os.close(fd)))})
    content, problems = load_content(load_site_config(ROOT / "mkdocs.yml").with_content(SITE_CONTENT))
    handed = taken_over({LOADED_ENV: _pipe_from(_given(content, problems))})  # the content, then nothing
    assert handed is not None
    with pytest.raises(CalledOff):
        handed.cleared()


def test_without_a_handover_the_builder_reads_the_tree():
    assert taken_over({}) is None
    closed, other = os.pipe()
    os.close(closed), os.close(other)
    assert taken_over({LOADED_ENV: str(closed)}) is None


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "du-an"
    make_tree(root, {"so-vhttdl/le-hoi-a.yaml": VALID})
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    monkeypatch.setenv("SUKIEN_NOW", SITE_NOW)
    monkeypatch.setenv("SUKIEN_CACHE_DIR", str(tmp_path / "cache"))
    return root


@pytest.fixture
def builders(monkeypatch):
    """Every builder a build starts."""
    started: list[site_builder.SiteBuilder] = []
    real = site_builder.SiteBuilder.__init__

    def init(self, *args):
        real(self, *args)
        started.append(self)
    monkeypatch.setattr(site_builder.SiteBuilder, "__init__", init)
    return started


def _entries(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_invalid_content_stops_the_builder_and_makes_nothing(project, tmp_path, builders):
    (project / "content" / "events" / "so-vhttdl" / "le-hoi-a.yaml").write_text("title: [\n", encoding="utf-8")
    out = tmp_path / "ra"
    out.mkdir()
    result = build(load_site_config(project / "mkdocs.yml"), site_dir=out / "site")
    assert result.problems and not result.built
    assert len(builders) == 1 and builders[0].process.returncode is not None  # started early, stopped, reaped
    assert _entries(out) == set()  # no site, scratch folder, journal or lock


def test_a_site_already_built_stops_the_builder(project, tmp_path, builders):
    config = load_site_config(project / "mkdocs.yml")
    site = tmp_path / "site"
    assert build(config, site_dir=site).built
    assert builders[0].process.returncode == 0
    again = build(config, site_dir=site)
    assert again.reused and builders[1].process.returncode < 0  # killed while it waited
    assert _entries(tmp_path) == {"du-an", "cache", "site"}


def test_a_first_build_into_a_new_folder_starts_the_builder_after_the_check(project, tmp_path, builders):
    (project / "content" / "events" / "so-vhttdl" / "le-hoi-a.yaml").write_text("title: [\n", encoding="utf-8")
    site = tmp_path / "moi" / "site"
    assert not build(load_site_config(project / "mkdocs.yml"), site_dir=site).built
    assert not builders and not site.parent.exists()  # invalid content: not even its parent folder


def test_a_builder_that_refuses_its_configuration_fails_the_build(project, tmp_path, builders):
    config = load_site_config(project / "mkdocs.yml")
    site = tmp_path / "site"
    assert build(config, site_dir=site).built
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project / "mkdocs.yml").write_text(MKDOCS + "theme_typo: 1\nstrict: [\n", encoding="utf-8")
    failed = build(config, site_dir=site)
    assert not failed.built and failed.returncode != 0
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert _entries(tmp_path) == {"du-an", "cache", "site"}


def test_the_builders_command_gives_mkdocs_exit_code(tmp_path):
    """The builder leaves without taking its process apart, with MkDocs'
    own exit code and all it printed."""
    import sys
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Trang chủ\n\n[hỏng](khong-co.md)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Thử\n", encoding="utf-8")
    command = [sys.executable, "-m", "generator.mkdocs_command", "build", "-f", str(tmp_path / "mkdocs.yml"),
               "-d", str(tmp_path / "site")]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0 and (tmp_path / "site" / "index.html").is_file()
    strict = subprocess.run([*command, "--strict"], capture_output=True, text=True)
    assert strict.returncode == 1 and "khong-co.md" in strict.stderr  # a warning fails a strict build, said
    usage = subprocess.run([sys.executable, "-m", "generator.mkdocs_command", "build", "--no-such-option"],
                           capture_output=True, text=True)
    assert usage.returncode == 2 and "no-such-option" in usage.stderr
