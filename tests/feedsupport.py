"""Shared helpers of the feed tests: the test content tree, a pinned clock,
a build, and ical.js through node."""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.site.catalogue import Catalogue
from generator.load.config import SiteConfig
from generator.load.content import load_content
from generator.feeds import build_feeds, write_feeds
from generator.vcs.history import History
from generator.model.event import Content
from generator.model.problems import ERROR

DATA = Path(__file__).parent / "data" / "feeds"
CONTENT = DATA / "content"
JS = Path(__file__).parent / "js"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime(2026, 3, 1, 8, 0, tzinfo=ZONE)
HOST = "sukien.example.vn"
SITE = f"https://{HOST}/"


def config(content_dir: Path = CONTENT, **options) -> SiteConfig:
    return SiteConfig(content_dir=content_dir, site_url=SITE, **options)


def load(content_dir: Path = CONTENT) -> Content:
    content, problems = load_content(config(content_dir))
    assert not [p for p in problems if p.severity == ERROR], problems
    return content


@functools.cache
def built(now: dt.datetime = NOW) -> dict[str, bytes]:
    """The feeds of the test tree, without git history (the tree lives in
    the project's repository, whose history must not leak into tests)."""
    return build_feeds(Catalogue.build(load(), config(), now), config(), History(), now)


def calendars(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in files.items() if path.endswith(".ics")}


def ical_js(paths: list[Path]) -> list[dict]:
    """What ical.js (Thunderbird's parser) reads from these files; skips
    when node or the npm packages of tests/js are missing."""
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "ical.js").is_dir():
        pytest.skip("node and tests/js/node_modules (npm ci) are needed for ical.js")
    result = subprocess.run([node, str(JS / "parse-ics.mjs"), *map(str, paths)],
                            capture_output=True, check=True, text=True)
    return json.loads(result.stdout)


def write(files: dict[str, bytes], root: Path) -> dict[str, Path]:
    write_feeds(root, files)
    return {relative: root / relative for relative in files}
