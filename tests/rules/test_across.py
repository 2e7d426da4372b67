"""Rules across files: a copied event (duplicate-event) and a new event
that is already over (new-event-in-past), as staff and the PR check meet them."""

import subprocess

import pytest
from click.testing import CliRunner

from contenttree import VALID, make_tree, with_fields, write_event
from generator.cli import main
from generator.load.config import SiteConfig
from generator.pipeline.validate import validate_tree

COPY = "ubnd-xa-khong-lao/then-kin-pang-khong-lao.yaml"


def found(content, **kwargs):
    return [(p.path.split("content/")[-1], p.code, p.severity)
            for p in validate_tree(SiteConfig(content_dir=content), **kwargs).problems]


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_a_copy_under_another_name_is_a_warning_naming_the_other_file(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID, COPY: VALID})
    problems = validate_tree(SiteConfig(content_dir=content)).problems
    assert [(p.path.split("content/")[-1], p.code, p.severity, p.line) for p in problems] == [
        ("events/so-vhttdl/le-hoi-a.yaml", "duplicate-event", "warning", 1),
        (f"events/{COPY}", "duplicate-event", "warning", 1),
    ]
    assert f"events/{COPY}" in problems[0].message and "events/so-vhttdl/le-hoi-a.yaml" in problems[1].message
    assert "2026-04-26" in problems[0].message


def test_title_compared_without_accents_case_or_time_of_day(tmp_path):
    copy = with_fields(title="LE HOI THEN KIN PANG", start="2026-04-26", end="2026-04-27")
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID, COPY: copy})
    assert [code for _, code, _ in found(content)] == ["duplicate-event"] * 2


@pytest.mark.parametrize("change", [
    {"title": "Lễ hội Then Kin Pang lần thứ hai"},
    {"start": "2026-04-27 07:30"},
    {"location": "\n  name: Sân\n  area: tan-phong"},
])
def test_other_title_day_or_area_is_no_duplicate(tmp_path, change):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID, COPY: with_fields(**change)})
    assert found(content) == []


def test_duplicate_is_an_error_only_with_strict(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID, COPY: VALID})
    runner = CliRunner()
    assert runner.invoke(main, ["validate", "--content", str(content)]).exit_code == 0
    strict = runner.invoke(main, ["validate", "--content", str(content), "--strict"])
    assert strict.exit_code == 1 and "[duplicate-event]" in strict.stdout


def test_validating_the_copy_alone_names_the_original(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    copy = write_event(content, COPY, VALID)
    (problem,) = validate_tree(SiteConfig(content_dir=content), files=[copy]).problems
    assert problem.code == "duplicate-event" and problem.path.endswith(COPY)
    assert "so-vhttdl/le-hoi-a.yaml" in problem.message


@pytest.fixture
def repo(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID,
                                   "so-vhttdl/hoi-cu.yaml": with_fields(title="Hội cũ", start="2025-01-05",
                                                                         end=None)})
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    return content


def test_pull_request_check_shows_the_duplicate_on_the_changed_file(repo, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-03-01")
    write_event(repo, COPY, VALID)
    result = CliRunner().invoke(main, ["validate", "--content", str(repo), "--base", "main", "--format", "github"])
    (line,) = result.stdout.splitlines()
    assert line.startswith("::warning file=") and f"{COPY},line=1,col=1,title=duplicate-event::" in line
    assert "so-vhttdl/le-hoi-a.yaml" in line and result.exit_code == 0


def test_an_edited_copy_is_flagged_not_the_untouched_original(repo, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-03-01")
    write_event(repo, COPY, with_fields(title="Hội khác"))
    git(repo.parent, "add", ".")
    git(repo.parent, "commit", "-qm", "copy")
    write_event(repo, COPY, VALID)
    assert found(repo, base="HEAD") == [(f"events/{COPY}", "duplicate-event", "warning")]


@pytest.mark.parametrize("fields, past", [
    ({"start": "2025-06-01", "end": None}, True),
    ({"start": "2026-02-28 07:30", "end": "2026-03-01 09:00"}, False),  # still on
    ({"start": "2025-06-01", "end": None, "repeat": "yearly"}, False),  # a series goes on
    ({"start": "2024-06-01", "end": None, "repeat": "yearly", "repeat_until": "2025"}, True),
    ({"start": "2024-06-01", "end": None, "repeat": "yearly", "repeat_until": "2026"}, False),
])
def test_new_event_in_past_with_base(repo, monkeypatch, fields, past):
    monkeypatch.setenv("SUKIEN_NOW", "2026-03-01T08:00:00+07:00")
    write_event(repo, "so-vhttdl/hoi-moi.yaml", with_fields(title="Hội mới", **fields))
    expected = [("events/so-vhttdl/hoi-moi.yaml", "new-event-in-past", "warning")] if past else []
    assert found(repo, base="main") == expected


def test_past_events_already_at_the_base_are_not_new(repo, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2027-01-01")
    (repo / "events/so-vhttdl/hoi-cu.yaml").write_text(with_fields(title="Hội cũ đã sửa", start="2025-01-05",
                                                                   end=None), encoding="utf-8")
    assert found(repo, base="main") == []
    assert found(repo) == []  # without --base nothing is new


def test_new_event_in_past_message(repo, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-03-01")
    write_event(repo, "so-vhttdl/hoi-moi.yaml", with_fields(title="Hội mới", start="2025-07-01", end=None))
    result = CliRunner().invoke(main, ["validate", "--content", str(repo), "--base", "main", "--strict"])
    assert result.exit_code == 1
    assert "cảnh báo: sự kiện mới này đã kết thúc (bắt đầu 2025-07-01" in result.stdout
    assert "[new-event-in-past]" in result.stdout


def test_problems_point_at_the_title_and_start_lines_not_a_comment(repo, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-03-01")
    header = "# yaml-language-server: $schema=../../event.schema.json\n# Bản sao\n"
    write_event(repo, COPY, header + VALID)
    write_event(repo, "so-vhttdl/hoi-moi.yaml", header + with_fields(title="Hội mới", start="2025-07-01", end=None))
    lines = {p.code: (p.line, p.column) for p in validate_tree(SiteConfig(content_dir=repo), base="main").problems}
    start = 1 + (header + with_fields(start="2025-07-01")).splitlines().index("start: 2025-07-01")
    assert lines == {"duplicate-event": (3, 1), "new-event-in-past": (start, 1)}
