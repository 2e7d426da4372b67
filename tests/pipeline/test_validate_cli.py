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


BROKEN = {  # one of each kind of problem the reader and the rules report
    "so-vhttdl/cu-phap.yaml": 'title: "Lễ hội\nstart: 2026-04-26\n',
    "so-vhttdl/the-yaml.yaml": with_fields(title="!!str Lễ hội"),
    "so-vhttdl/bi-danh.yaml": with_fields(title="&a Lễ hội", summary="*a"),
    "so-vhttdl/sai-ten.yaml": with_fields(tittle="Lễ hội", catgory="le-hoi", title=None),
    "so-vhttdl/sai-kieu.yaml": with_fields(summary="[a, b]", contact="Phòng Văn hoá", location="{name: [x]}"),
    "so-vhttdl/sai-ngay.yaml": with_fields(start="26/4/2026", end="2026-02-30", published="2206-01-01"),
    "so-vhttdl/trung-khoa.yaml": VALID + "title: Lễ hội\n",
    "so-vhttdl/trung-su-kien.yaml": VALID,
    "so-vhttdl/ban-sao.yaml": VALID,
    "so-vhttdl/chuoi.yaml": with_fields(repeat="lunar-yearly", repeat_until="2300", exceptions="\n  2027: {}"),
    "so-vhttdl/ma-hoa.yaml": b"title: L\xe1\x00\n",
    "don-vi-la/Lễ Hội.yaml": VALID,
}


def test_validation_makes_no_reference_cycles(tmp_path):
    """What lets the command run without the cycle collector: checking a
    tree, broken files included, leaves no garbage only it would free."""
    code = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "from generator.load.config import SiteConfig\n"
        "from generator.pipeline.validate import validate_tree\n"
        "gc.collect(); gc.disable()\n"
        "result = validate_tree(SiteConfig(content_dir=Path(sys.argv[1])))\n"
        "codes = {p.code for p in result.problems}\n"
        "del result\n"
        "print(len(codes), gc.collect())\n"
    )
    content = make_tree(tmp_path, BROKEN)
    done = subprocess.run([sys.executable, "-c", code, str(content)], capture_output=True, text=True, check=True)
    kinds, garbage = map(int, done.stdout.split())
    assert kinds == 13 and garbage == 0


def test_the_collector_is_back_after_an_in_process_run(tmp_path):
    import gc

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    assert invoke("--content", str(make_tree(tmp_path, BROKEN))).exit_code == 1
    assert gc.isenabled() and gc.get_freeze_count() == frozen
