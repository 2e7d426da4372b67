"""Small inputs that used to end in a traceback: a stdout that is not
UTF-8, an issue body that is not UTF-8, a malformed SUKIEN_NOW."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from contenttree import make_tree, with_fields


def sukien(*args: str, env: dict | None = None, cwd=None, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, input=stdin, cwd=cwd,
                          env={**os.environ, **(env or {})})


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
def test_validate_never_crashes_on_its_output_encoding(tmp_path, encoding):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(start="26/04/2026")})
    done = sukien("validate", "--content", str(content), env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    text = done.stdout.decode("utf-8")
    assert "le-hoi-a.yaml:4:8: lỗi:" in text and "[date-format]" in text and "2026-04-26" in text
    assert "Đã kiểm tra 1 tệp sự kiện" in done.stderr.decode("utf-8")


def test_from_issue_with_a_body_that_is_not_utf8(tmp_path):
    make_tree(tmp_path)
    done = sukien("from-issue", "--content", str(tmp_path / "content"), stdin="### Tên\n\nH\u00f4\u0323i ch\u1ee3 \u00e2m".encode("utf-16"))
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert "không phải văn bản UTF-8" in done.stderr.decode("utf-8")


@pytest.mark.parametrize("value", ["hôm nay", "2026-13-01", "0001-01-01", "9999-12-31T23:59:59-12:00"])
def test_a_malformed_sukien_now_is_an_environment_error(tmp_path, value):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields()})
    done = sukien("validate", "--content", str(content), env={"SUKIEN_NOW": value})
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert "SUKIEN_NOW" in done.stderr.decode("utf-8")


def test_a_key_with_terminal_escapes_is_shown_not_obeyed(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": '"\\e[2J\\e[31mxoá màn hình": 1\n' + with_fields()})
    done = sukien("validate", "--content", str(content))
    assert done.returncode == 1
    assert b"\x1b" not in done.stdout and b"\\u001b[2J" in done.stdout
    github = sukien("validate", "--content", str(content), "--format", "github")
    assert b"\x1b" not in github.stdout and github.stdout.count(b"\n") == 1
