"""`sukien build -d DIR` and `sukien export DIR` never cost the project:
a target that is, holds or lies inside what the project keeps is refused
with a Vietnamese message and exit code 2, and nothing is deleted."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from contenttree import VALID, make_tree
from generator.cli import main

MKDOCS = """\
site_name: Thử
site_url: https://example.org/
theme:
  name: material
  custom_dir: overrides
plugins:
  - sukien
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "du-an"
    root.mkdir()
    make_tree(root, {"so-vhttdl/le-hoi-a.yaml": VALID})
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "gioi-thieu.md").write_text("# Giới thiệu\n", encoding="utf-8")
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    monkeypatch.chdir(root)
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


TARGETS = [".", "content", "content/events", "content/events/so-vhttdl", "docs", "docs/sub", "overrides",
           ".git", ".git/objects", "..", "/"]


@pytest.mark.parametrize("target", TARGETS)
def test_build_refuses_a_target_that_would_cost_the_project(project, target):
    before = snapshot(project.parent)
    result = CliRunner().invoke(main, ["build", "-d", target])
    assert result.exit_code == 2, result.output
    assert "không ghi trang vào" in result.output and "không có gì bị xoá" in result.output
    assert "Traceback" not in result.output
    assert snapshot(project.parent) == before


def test_build_refuses_a_symlink_to_the_project(project):
    (project.parent / "loi-tat").symlink_to(project)
    result = CliRunner().invoke(main, ["build", "-d", str(project.parent / "loi-tat")])
    assert result.exit_code == 2 and "dự án" in result.output


def test_build_refuses_a_folder_of_other_files(project, tmp_path):
    mine = tmp_path / "tai-lieu"
    mine.mkdir()
    (mine / "bao-cao.docx").write_bytes(b"quan trong")
    result = CliRunner().invoke(main, ["build", "-d", str(mine)])
    assert result.exit_code == 2 and "không phải trang web" in result.output
    assert (mine / "bao-cao.docx").read_bytes() == b"quan trong"


def test_build_refuses_a_configured_site_dir_that_is_the_content(project):
    (project / "mkdocs.yml").write_text(MKDOCS + "site_dir: content\n", encoding="utf-8")
    before = snapshot(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2 and "thư mục nội dung" in result.output
    assert snapshot(project) == before


@pytest.mark.parametrize("target", [".", "content", "docs", "overrides", ".git"])
def test_export_refuses_the_same_targets(project, target):
    before = snapshot(project)
    result = CliRunner().invoke(main, ["export", target])
    assert result.exit_code == 2, result.output
    assert "không ghi trang vào" in result.output
    assert snapshot(project) == before


def test_an_empty_folder_or_a_previous_site_is_a_fine_target(project, tmp_path):
    from generator.load.config import load_site_config
    from generator.pipeline.target import check_target

    config = load_site_config(project / "mkdocs.yml")
    for folder in ("site", "build/site-src", str(tmp_path / "trong")):
        check_target(Path(folder), config, replaces=True)
    previous = project / "cu"
    previous.mkdir()
    (previous / "index.html").write_text("<html></html>", encoding="utf-8")
    check_target(previous, config, replaces=True)


def test_mkdocs_build_refuses_a_site_dir_that_is_the_content(project):
    import sys

    (project / "mkdocs.yml").write_text(MKDOCS + "site_dir: content/events\n", encoding="utf-8")
    before = snapshot(project)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode != 0
    assert "không ghi trang vào" in done.stdout + done.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("command", ["build", "serve"])
def test_build_and_serve_without_a_configuration_say_so_in_vietnamese(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    result = CliRunner().invoke(main, [command])
    assert result.exit_code == 2
    assert "không tìm thấy tệp cấu hình trang 'mkdocs.yml'" in result.output and "None" not in result.output


@pytest.mark.parametrize("target", ["mkdocs.yml", "content/units.yaml", "content/events/so-vhttdl/le-hoi-a.yaml",
                                    ".git/config", "docs/gioi-thieu.md"])
def test_report_refuses_to_overwrite_what_the_project_keeps(project, target):
    before = snapshot(project)
    result = CliRunner().invoke(main, ["report", "--month", "2026-04", "-o", target])
    assert result.exit_code == 2, result.output
    assert "không ghi tệp vào" in result.output
    assert snapshot(project) == before
    assert CliRunner().invoke(main, ["report", "--month", "2026-04", "-o", "bao-cao.md"]).exit_code == 0


def test_export_refuses_a_folder_of_other_files_but_refreshes_its_own(project, tmp_path):
    other = tmp_path / "du-an-khac"
    other.mkdir()
    (other / "mkdocs.yml").write_text("site_name: Trang khác\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(other)])
    assert result.exit_code == 2 and "không phải bản xuất" in result.output
    assert (other / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Trang khác\n"
    mine = tmp_path / "ban-xuat"
    assert CliRunner().invoke(main, ["export", str(mine)]).exit_code == 0
    assert CliRunner().invoke(main, ["export", str(mine)]).exit_code == 0  # again, over its own export
