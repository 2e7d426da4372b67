"""The command line in Vietnamese (English with --lang en or an English
LANG), Click's own messages included, and never a traceback."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator import cli_i18n
from generator.cli import main

DATA = Path(__file__).resolve().parent / "data" / "workflow"


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, prog_name="sukien")


@pytest.mark.parametrize("args, message", [
    (["report"], "Lỗi: Thiếu tùy chọn '--month'."),
    (["report", "--month", "04/2026"],
     "Lỗi: Giá trị không hợp lệ cho '--month': '04/2026' không đúng dạng YYYY-MM (ví dụ 2026-04)"),
    (["report", "--month", "2026-13"], "Giá trị không hợp lệ cho '--month': '2026-13': tháng 13 không có (tháng từ 01 đến 12)"),
    (["report", "--month"], "Lỗi: Tùy chọn '--month' cần một giá trị."),
    (["report", "--month", "2026-04", "--format", "pdf"],
     "Lỗi: Giá trị không hợp lệ cho '--format': 'pdf' không phải một trong các giá trị 'md', 'csv', 'docx'."),
    (["report", "--mont", "2026-04"], "Lỗi: Không có tùy chọn '--mont'. (Có phải ý bạn là một trong:"),
    (["reprot"], "Lỗi: Không có lệnh 'reprot'."),
    (["export"], "Lỗi: Thiếu đối số 'OUT_DIR'."),
    (["validate", "extra", "--content", "/nonexistent/x"], "sukien: lỗi: không tìm thấy thư mục nội dung"),
], ids=["missing-month", "month-form", "month-13", "month-no-value", "format", "typo", "command", "argument",
        "environment"])
def test_usage_errors_in_vietnamese_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output and "Error" not in result.stderr and "Usage" not in result.stderr


def test_a_usage_error_shows_the_vietnamese_usage_and_where_to_look():
    result = run("report", "--month", "2026/04")
    assert result.stderr.splitlines()[:2] == ["Cách dùng: sukien report [TÙY_CHỌN]",
                                              "Xem hướng dẫn: 'sukien report --help'."]


@pytest.mark.parametrize("how", ["flag", "lang", "lc_all"])
def test_english_with_lang_en_or_an_english_locale(how):
    args, env = ["report", "--month", "04/2026"], None
    if how == "flag":
        args.append("--lang=en")
    else:
        env = {"LANG": "en_US.UTF-8"} if how == "lang" else {"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}
    result = run(*args, env=env)
    assert result.exit_code == 2
    assert "Error: Invalid value for '--month': '04/2026' is not in the form YYYY-MM (for example 2026-04)" in result.stderr
    assert result.stderr.startswith("Usage: sukien report [OPTIONS]")


def test_lang_flag_wins_over_the_locale():
    result = run("report", "--lang", "vi", env={"LANG": "en_US.UTF-8"})
    assert "Lỗi: Thiếu tùy chọn '--month'." in result.stderr


def test_help_in_vietnamese_first():
    result = run("--help")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Cách dùng: sukien [TÙY_CHỌN] LỆNH [THAM_SỐ]..."
    assert "Tùy chọn:" in lines and "Lệnh:" in lines
    assert "  -h, --help      Hiện hướng dẫn này rồi thoát." in lines
    report = run("report", "--help").stdout
    assert report.startswith("Cách dùng: sukien report [TÙY_CHỌN]\n\n  Báo cáo sự kiện trong tháng")
    assert "[bắt" in report and "buộc]" in report and "[mặc định: md]" in report and "Usage" not in report


def test_help_in_english():
    result = run("report", "--help", "--lang", "en")
    assert result.stdout.startswith("Usage: sukien report [OPTIONS]\n\n  The monthly report of events per unit")
    assert "Options:" in result.stdout and "[required]" in result.stdout and "Tùy chọn" not in result.stdout
    assert "Show this message and exit." in result.stdout
    group = run("--help", env={"LANG": "en_US.UTF-8"}).stdout
    assert "Commands:" in group and "  report        The monthly report" in group


def test_every_command_and_option_says_it_in_both_languages():
    for name, command in main.commands.items():
        assert command.help_vi and command.help_en, name
        assert not command.help_vi.isascii(), f"{name}: its help is Vietnamese first"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help_vi and param.help_en, f"{name} {param.opts}"


def _click_messages() -> set[str]:
    """Every message Click's modules look up through gettext."""
    found = set()
    for module in ("core", "exceptions", "formatting", "parser", "types", "decorators", "termui"):
        tree = ast.parse(Path(click.__file__).with_name(f"{module}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                found.update(a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


# Raised for a programmer's mistake in declaring a command, never met by a user.
_FOR_DEVELOPERS = ("Arguments take exactly", "Boolean option", "Could not determine name", "Name '{name}' defined",
                   "No options defined", "DeprecationWarning", "Choice({choices})", "Unknown color")


def test_the_catalogue_covers_every_click_message_a_user_can_meet():
    messages = {m for m in _click_messages() if not m.startswith(_FOR_DEVELOPERS)}
    assert len(messages) > 50
    assert sorted(messages - set(cli_i18n.CLICK_VI)) == []


def test_a_real_process_answers_in_vietnamese_without_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "report", "-f", str(DATA / "mkdocs.yml"),
                           "--month", "tháng 4"], capture_output=True, text=True, cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "Lỗi: Giá trị không hợp lệ cho '--month': 'tháng 4' không đúng dạng YYYY-MM" in done.stderr


@pytest.mark.parametrize("lang, message", [
    ("vi", "sukien: lỗi: không tìm thấy thư mục nội dung"), ("en", "sukien: error: no content folder"),
])
def test_our_own_environment_errors_follow_the_language(tmp_path, lang, message):
    result = run("report", "--month", "2026-04", "--content", str(tmp_path / "nowhere"), "--lang", lang)
    assert result.exit_code == 2 and message in result.stderr


def test_new_without_id_but_force_id_in_english(tmp_path):
    (tmp_path / "content").mkdir()
    result = run("new", "--content", str(tmp_path / "content"), "--force-id", "--lang", "en")
    assert result.exit_code == 2 and "sukien: error: --force-id needs --id" in result.stderr


def test_a_report_that_cannot_be_written_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-15T12:00")
    result = run("report", "-f", str(DATA / "mkdocs.yml"), "--month", "2026-04", "--format", "docx",
                 "-o", str(tmp_path / "no" / "such" / "bao-cao.docx"))
    assert result.exit_code == 2 and "sukien: lỗi: không ghi được tệp" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_no_english_type_names_left_in_any_vietnamese_help():
    """Click names an option's type (TEXT, FILENAME, PATH...) after it; in
    Vietnamese help they are Vietnamese too."""
    english = {"TEXT", "FILENAME", "FILE", "PATH", "DIRECTORY", "INTEGER", "FLOAT"}
    for name in main.commands:
        shown = set(run(name, "--help").stdout.replace("[", " ").replace("]", " ").split())
        assert not shown & english, (name, shown & english)
    assert "--body-file TỆP" in run("from-issue", "--help").stdout
    assert "--body-file FILENAME" in run("from-issue", "--help", "--lang", "en").stdout
