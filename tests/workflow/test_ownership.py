"""The ownership check: who may change which unit's folder in a pull request."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from generator.workflow.ownership import ChangedFile, changed_files, check_changes
from pullrequest import commit_all, event_path, git, pull_request_repo

MAINTAINERS = {
    "so-vhttdl": ("vhttdl-anh", "vhttdl-binh"),
    "ubnd-xa-khong-lao": ("khonglao-chi", "laichau-sukien/xa-khong-lao"),
    "ubnd-phuong-tan-phong": ("laichau-sukien/phuong-tan-phong",),
}
EDITORS = ("bientap-so", "@BienTap-Hai")
OWN = "content/events/so-vhttdl/le-hoi-moi-2026.yaml"
OTHER = "content/events/so-vhttdl/giai-dua-xe-dap-2026.yaml"
MIXED = "content/events/ubnd-xa-khong-lao/phien-cho-vung-cao-2026.yaml"  # accounts and a team


def check(author: str, *paths: str, status: str = "M"):
    return check_changes(author, [ChangedFile(status, p) for p in paths], MAINTAINERS, EDITORS)


def test_a_maintainer_changes_their_own_units_folder():
    assert check("vhttdl-anh", OWN) == []
    assert check("@VHTTDL-Binh", OWN, status="A") == []  # logins are case-insensitive


def test_another_units_folder_is_an_error_naming_the_file_and_the_unit():
    [problem] = check("khonglao-chi", MIXED, OTHER)
    assert problem.code == "not-maintainer" and problem.is_error
    assert (problem.path, problem.line) == (OTHER, 1)
    assert "'so-vhttdl'" in problem.message and OTHER in problem.message
    assert "@khonglao-chi không phải người quản lý" in problem.message
    assert "@vhttdl-anh, @vhttdl-binh" in problem.message


def test_deleting_in_another_units_folder_says_so():
    [problem] = check("khonglao-chi", OTHER, status="D")
    assert "không được xoá tệp" in problem.message


def test_editors_may_change_everything():
    assert check("bientap-hai", OWN, OTHER, "generator/cli.py", "content/units.yaml") == []
    assert check("BIENTAP-SO", "content/events/don-vi-moi/su-kien.yaml") == []


def test_the_repositorys_own_workflow_acts_as_an_editor():
    assert check("github-actions[bot]", OTHER) == []


def test_team_maintainers_are_left_to_codeowners_review():
    [problem] = check("someone", "content/events/ubnd-phuong-tan-phong/x.yaml")
    assert problem.code == "team-review" and not problem.is_error
    assert "@laichau-sukien/phuong-tan-phong" in problem.message
    # A unit with accounts and a team: an account passes, anyone else waits for the team.
    assert check("khonglao-chi", MIXED) == []
    assert [p.code for p in check("someone", MIXED)] == ["team-review"]


def test_a_folder_of_no_registered_unit_needs_an_editor():
    [problem] = check("vhttdl-anh", "content/events/so-vhtt/le-hoi.yaml", status="A")
    assert problem.code == "unknown-unit-folder" and problem.is_error
    assert "'so-vhtt'" in problem.message


CODE_AND_CONFIGURATION = ("content/units.yaml", ".github/workflows/publish.yml", ".github/CODEOWNERS",
                          "content/events/loose.yaml", "generator/pipeline/validate.py", "pyproject.toml",
                          "mkdocs.yml", "overrides/main.html", "tests/conftest.py", "scripts/same-output.sh",
                          "sitecustomize.py", "content/event.schema.json", "docs/index.md")


def test_changes_outside_the_units_folders_need_an_editor():
    problems = check("vhttdl-anh", *CODE_AND_CONFIGURATION)
    assert [p.code for p in problems] == ["editor-review"] * len(CODE_AND_CONFIGURATION)
    assert all(p.is_error for p in problems)
    assert check("bientap-so", *CODE_AND_CONFIGURATION) == []


# --- In a git repository, as the pull-request workflow runs it ---------------

def run_check(repo, author: str):
    return CliRunner().invoke(main, ["check-owners", "-f", str(repo / "mkdocs.yml"), "--author", author,
                                     "--base", "origin/main", "--format", "github"], catch_exceptions=False)


def test_pull_request_editing_another_units_folder_fails_with_an_annotation(tmp_path, monkeypatch):
    repo = pull_request_repo(tmp_path)
    monkeypatch.chdir(repo)
    other = event_path(repo, "so-vhttdl", "giai-dua-xe-dap-2026")
    other.write_text(other.read_text(encoding="utf-8").replace("xe đạp", "xe đạp địa hình"), encoding="utf-8")
    commit_all(repo, "edit another unit's event")
    result = run_check(repo, "khonglao-chi")
    assert result.exit_code == 1
    assert ("::error file=content/events/so-vhttdl/giai-dua-xe-dap-2026.yaml,line=1,col=1,"
            "title=not-maintainer::") in result.output
    assert run_check(repo, "vhttdl-anh").exit_code == 0


def test_rights_come_from_the_base_branch(tmp_path, monkeypatch):
    repo = pull_request_repo(tmp_path)
    monkeypatch.chdir(repo)
    units = repo / "content" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("- vhttdl-anh", "- vhttdl-anh\n    - mallory"),
                     encoding="utf-8")
    other = event_path(repo, "so-vhttdl", "giai-dua-xe-dap-2026")
    other.unlink()
    commit_all(repo, "grant myself rights and delete an event")
    result = run_check(repo, "mallory")
    assert result.exit_code == 1
    assert "title=not-maintainer" in result.output and "title=editor-review" in result.output


def test_a_rename_counts_on_both_sides(tmp_path):
    repo = pull_request_repo(tmp_path)
    git(repo, "mv", "content/events/so-vhttdl/giai-dua-xe-dap-2026.yaml",
        "content/events/ubnd-xa-khong-lao/giai-dua-xe-dap-2026.yaml")
    commit_all(repo, "move an event to another unit")
    changes = changed_files(repo, "origin/main")
    assert sorted((c.status, c.path) for c in changes) == [
        ("A", "content/events/ubnd-xa-khong-lao/giai-dua-xe-dap-2026.yaml"),
        ("D", "content/events/so-vhttdl/giai-dua-xe-dap-2026.yaml"),
    ]


def test_an_unknown_base_is_an_environment_error(tmp_path, monkeypatch):
    repo = pull_request_repo(tmp_path)
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["check-owners", "--author", "x", "--base", "origin/khong-co"])
    assert result.exit_code == 2
    assert "không tìm thấy phiên bản git 'origin/khong-co'" in result.output
