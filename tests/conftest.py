"""Shared fixtures: the small site content tree and its built site."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_CONTENT = ROOT / "tests" / "data" / "site" / "content"
SITE_NOW = "2026-04-20T10:00:00+07:00"  # a Monday


@pytest.fixture(scope="session", autouse=True)
def _site_cache(tmp_path_factory):
    """Builds keep their sites in a folder of the test session, not in the
    user's cache (the builds' children inherit it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUKIEN_CACHE_DIR", str(tmp_path_factory.mktemp("site-cache")))
        yield


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site of tests/data/site/content, built once by `sukien build`
    with the clock pinned at SITE_NOW."""
    return build_pinned(SITE_CONTENT, tmp_path_factory.mktemp("built") / "site", SITE_NOW)


def build_pinned(content: Path, out: Path, now: str) -> Path:
    """`sukien build` of ``content`` into ``out`` with SUKIEN_NOW set to ``now``."""
    from generator.pipeline.build import build
    from generator.load.config import load_site_config

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUKIEN_NOW", now)
        config = load_site_config(ROOT / "mkdocs.yml").with_content(content)
        result = build(config, site_dir=out, content_dir=content)
    assert result.built, result.problems
    return out


@pytest.fixture(autouse=True)
def vietnamese_command_line(monkeypatch):
    """The command line speaks Vietnamese unless a test asks otherwise,
    whatever the locale of the machine running the tests."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
