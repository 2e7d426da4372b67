"""`sukien codeowners [--check]`: .github/CODEOWNERS from units.yaml and the editors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.workflow.codeowners import OwnersError, read_maintainers, render

DATA = Path(__file__).resolve().parents[1] / "data" / "workflow"
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def owners_of(text: str) -> dict[str, list[str]]:
    """Pattern -> owners, as GitHub reads the file (comments and blanks skipped)."""
    lines = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {parts[0]: parts[1:] for parts in lines}


def test_units_folders_go_to_their_maintainers_and_the_editors(project):
    result = run("codeowners", "-f", str(project / "mkdocs.yml"))
    assert result.exit_code == 0, result.output
    owners = owners_of((project / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    assert owners["/content/events/so-vhttdl/"] == ["@vhttdl-anh", "@vhttdl-binh", "@bientap-so", "@BienTap-Hai"]
    assert owners["/content/events/ubnd-xa-khong-lao/"] == [
        "@khonglao-chi", "@laichau-sukien/xa-khong-lao", "@bientap-so", "@BienTap-Hai"]
    for pattern in ("*", "/content/units.yaml", "/content/categories.yaml", "/content/areas.yaml",
                    "/.github/", "/generator/", "/mkdocs.yml", "/overrides/", "/tests/"):
        assert owners[pattern] == ["@bientap-so", "@BienTap-Hai"], pattern


def test_unit_lines_come_after_the_catch_all():
    # GitHub applies the last matching pattern: the unit folders must win over "*".
    lines = [line for line in render({"a-unit": ("someone",)}, ["ed"]).splitlines()
             if line and not line.startswith("#")]
    assert lines[0].startswith("* ")
    assert lines[-1] == "/content/events/a-unit/ @someone @ed"


def test_check_fails_with_a_clear_message_when_out_of_date(project):
    config = str(project / "mkdocs.yml")
    missing = run("codeowners", "--check", "-f", config)
    assert missing.exit_code == 1
    assert "CODEOWNERS chưa có" in missing.output and "sukien codeowners" in missing.output
    assert run("codeowners", "-f", config).exit_code == 0
    assert run("codeowners", "--check", "-f", config).exit_code == 0
    units = project / "content" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("vhttdl-anh", "vhttdl-moi"), encoding="utf-8")
    stale = run("codeowners", "--check", "-f", config)
    assert stale.exit_code == 1
    assert "chưa khớp với content/units.yaml" in stale.output


def test_invalid_owner_names_are_refused(project):
    units = project / "content" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("vhttdl-anh", "vhttdl anh!"), encoding="utf-8")
    result = run("codeowners", "-f", str(project / "mkdocs.yml"))
    assert result.exit_code == 2
    assert "không hợp lệ: vhttdl anh!" in result.output
    assert not (project / ".github" / "CODEOWNERS").exists()


def test_unreadable_registry_is_an_error_not_a_traceback(project):
    (project / "content" / "units.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    result = run("codeowners", "-f", str(project / "mkdocs.yml"))
    assert result.exit_code == 2
    assert result.output.startswith("sukien: lỗi: units.yaml chưa hợp lệ")
    assert "units.yaml:1:" in result.output and "cú pháp YAML" in result.output


@pytest.mark.parametrize("unit_id", ["so-vhttdl\\n* @mallory", "so-vhttdl/ @mallory", "So-VHTTDL", "so vhttdl"])
def test_a_unit_id_that_is_not_an_id_never_reaches_codeowners(project, unit_id):
    """A newline in an id would add a line '* @mallory' owning everything."""
    units = project / "content" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("- id: so-vhttdl", f'- id: "{unit_id}"'),
                     encoding="utf-8")
    result = run("codeowners", "-f", str(project / "mkdocs.yml"))
    assert result.exit_code == 2
    assert "units.yaml chưa hợp lệ" in result.output and "invalid" not in result.output
    assert not (project / ".github" / "CODEOWNERS").exists()


def test_render_refuses_what_is_not_an_id():
    with pytest.raises(OwnersError):
        render({"a\n* @mallory": ("someone",)}, ["ed"])
    with pytest.raises(OwnersError):
        render({"a-unit": ("someone",)}, ["ed"], content="content\n*")


def test_maintainers_are_read_as_text():
    # YAML 1.1 would turn `no` and `on` into booleans and drop them.
    assert read_maintainers("- id: x\n  maintainers: [no, '@on', org/team]\n") == {"x": ("no", "on", "org/team")}
    with pytest.raises(OwnersError):
        read_maintainers("id: not-a-list\n")


def test_the_projects_codeowners_is_up_to_date():
    result = run("codeowners", "--check", "-f", str(PROJECT / "mkdocs.yml"))
    assert result.exit_code == 0, result.output
