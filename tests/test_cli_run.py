"""The ``sukien`` command leaves without taking the process apart
(generator.cli.run): its output is whole and its exit code is the
command's."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from conftest import ROOT, SITE_CONTENT, SITE_NOW


def _sukien(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "SUKIEN_NOW": SITE_NOW, "LANG": "vi_VN.UTF-8"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_output_is_whole_and_the_exit_code_the_commands(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    valid = _sukien("validate", "--format", "json", "--content", str(content))
    assert valid.returncode == 0 and json.loads(valid.stdout) == []
    event = next((content / "events").rglob("*.yaml"))
    event.write_text(event.read_text(encoding="utf-8").replace("start:", "start: ngày mai\nx_start:", 1),
                     encoding="utf-8")
    invalid = _sukien("validate", "--format", "json", "--content", str(content))
    assert invalid.returncode == 1
    assert any(problem["file"].endswith(event.name) for problem in json.loads(invalid.stdout))
    missing = _sukien("validate", "--content", str(tmp_path / "none"))
    assert missing.returncode == 2 and "không tìm thấy thư mục nội dung" in missing.stderr
    assert _sukien("--version").stdout.startswith("sukien")
