"""`sukien validate` as a unit's staff and CI use it."""

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from contenttree import VALID, make_tree, with_fields
from generator.cli import main
from generator.rules import RULES


def invoke(*args):
    return CliRunner().invoke(main, ["validate", *args])


def broken_tree(tmp_path):
    return make_tree(tmp_path, {
        "so-vhttdl/le-hoi-a.yaml": with_fields(start="2025-04-07", end="2025-04-06"),
        "so-vhttdl/le-hoi-b.yaml": VALID,
    })


def test_valid_tree_exits_0(tmp_path):
    result = invoke("--content", str(make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})))
    assert result.exit_code == 0 and result.stdout == ""


def test_text_format_is_located_and_vietnamese(tmp_path):
    result = invoke("--content", str(broken_tree(tmp_path)))
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert re.fullmatch(r".*events/so-vhttdl/le-hoi-a\.yaml:5:6: lỗi: ngày kết thúc \(2025-04-06\) trước ngày bắt đầu \(2025-04-07\) \[end-before-start\]", line)


def test_english_messages(tmp_path):
    result = invoke("--content", str(broken_tree(tmp_path)), "--lang", "en")
    assert ": error: end (2025-04-06) is before start (2025-04-07)" in result.stdout


def test_github_annotations(tmp_path):
    result = invoke("--content", str(broken_tree(tmp_path)), "--format", "github")
    assert re.fullmatch(r"::error file=.*le-hoi-a\.yaml,line=5,col=6,title=end-before-start::.*\n", result.stdout)


def test_json_format(tmp_path):
    result = invoke("--content", str(broken_tree(tmp_path)), "--format", "json")
    (item,) = json.loads(result.stdout)
    assert item["code"] == "end-before-start" and (item["line"], item["column"]) == (5, 6)
    assert set(item) == {"file", "line", "column", "severity", "code", "message"}


def test_warnings_pass_unless_strict(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(location="\n  name: Sân\n  geo: [21.0, 105.8]")})
    assert invoke("--content", str(content)).exit_code == 0
    result = invoke("--content", str(content), "--strict")
    assert result.exit_code == 1 and ": cảnh báo: " in result.stdout


def test_missing_content_dir_is_exit_2(tmp_path):
    result = invoke("--content", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_bad_option_is_exit_2(tmp_path):
    assert invoke("--format", "xml").exit_code == 2


def test_every_problem_in_one_run(tmp_path):
    content = make_tree(tmp_path, {
        f"so-vhttdl/le-hoi-{i}.yaml": with_fields(category="khong-co", start="2026-02-30") for i in "abc"
    })
    lines = invoke("--content", str(content)).stdout.splitlines()
    assert len(lines) == 6


def test_python_m_generator_runs(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    done = subprocess.run([sys.executable, "-m", "generator", "validate", "--content", str(content)], capture_output=True, text=True)
    assert done.returncode == 0 and "1 tệp sự kiện" in done.stderr


SPEC_CODE = re.compile(r"^\| `([a-z-]+)` \|", re.M)


def _codes(path) -> set[str]:
    return set(SPEC_CODE.findall(path.read_text(encoding="utf-8")))


def test_the_projects_rule_code_table_is_the_rule_table():
    from pathlib import Path

    documented = _codes(Path(__file__).resolve().parents[2] / "spec" / "rule-codes.md")
    assert documented == set(RULES)


def test_the_provinces_rule_codes_are_all_implemented():
    from pathlib import Path

    import pytest

    spec = Path(__file__).resolve().parents[3] / "shared/spec/rule-codes.md"
    if not spec.exists():
        pytest.skip("the shared spec is not beside this checkout")
    codes = _codes(spec)
    assert codes and codes <= set(RULES)


@pytest.mark.parametrize("files, expected", [(1, "1 event file checked: 1 error, 0 warnings."),
                                             (2, "2 event files checked: 0 errors, 1 warning.")])
def test_the_english_summary_counts_in_english(files, expected):
    from generator.model.problems import Problem
    from generator.pipeline.validate import ValidationResult

    severity = "error" if files == 1 else "warning"
    problem = Problem("a.yaml", 1, 1, "yaml-syntax", "x", "x", severity)
    assert ValidationResult(None, [problem], files).summary("en") == expected  # type: ignore[arg-type]
