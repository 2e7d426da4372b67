"""Material for MkDocs ends its life in May 2027: the export of any tree
builds with Zensical 0.0.30 with no template error and a page for every
event, in both languages."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, SITE_CONTENT, SITE_NOW
from generator.cli import main


def zensical() -> str:
    found = shutil.which("zensical", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("zensical is not installed (pip install -e '.[test]')")
    return found


def test_the_export_builds_with_zensical_without_template_errors(tmp_path):
    tool = zensical()
    out = tmp_path / "export"
    result = CliRunner().invoke(main, ["export", str(out), "-f", str(ROOT / "mkdocs.yml"),
                                       "--content", str(SITE_CONTENT)], env={"SUKIEN_NOW": SITE_NOW})
    assert result.exit_code == 0, result.output
    done = subprocess.run([tool, "build", "-f", "mkdocs.yml"], cwd=out, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=600)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "Error" not in log, log
    site = out / "site"
    ids = sorted(path.stem for path in SITE_CONTENT.glob("events/*/*.yaml"))
    assert ids
    for event_id in ids:
        page = (site / "su-kien" / event_id / "index.html").read_text(encoding="utf-8")
        source = next(SITE_CONTENT.glob(f"events/*/{event_id}.yaml"))
        title = yaml.safe_load(source.read_text(encoding="utf-8"))["title"]
        assert "<h1" in page and html.escape(title) in page, event_id
        assert (site / "en" / "events" / event_id / "index.html").is_file(), event_id
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in home and 'aria-current="page"' in (site / "lich" / "index.html").read_text(encoding="utf-8")
