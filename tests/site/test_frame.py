"""The theme's words and paths are the site's: overrides/partials/sk-words.html
is generated from i18n and urls, and the templates hard-code no path."""

from __future__ import annotations

import re
from pathlib import Path

from generator.site import frame, urls

ROOT = Path(__file__).resolve().parents[2]


def test_the_themes_word_partial_is_current():
    written = (ROOT / frame.PARTIAL).read_text(encoding="utf-8")
    assert written == frame.partial(), (
        "overrides/partials/sk-words.html is out of date: regenerate it as generator/site/frame.py says")


def test_the_templates_use_the_partials_paths_only():
    public = {urls.EVENTS_ICS, urls.EVENTS_RSS, urls.EVENTS_ATOM, urls.UPDATES_ATOM, urls.OPEN_DATA,
              *(urls.section(lang, kind) for lang in ("vi", "en") for kind in ("calendar", "search", "subscribe"))}
    for template in (ROOT / "overrides").rglob("*.html"):
        if template.name == "sk-words.html":
            continue
        quoted = set(re.findall(r"""['"]([a-z0-9/.-]+)['"]\s*\|\s*url""", template.read_text(encoding="utf-8")))
        assert not quoted & public, f"{template.name} writes {quoted & public}: take them from sk.paths"


def _article(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0].strip()


def test_a_generated_page_is_the_cores_html_inside_the_frame(built_site):
    """overrides/main.html gives a page the plugin made as it is, without
    Material's content partial (its five includes add nothing to it)."""
    import datetime as dt
    from conftest import SITE_CONTENT, SITE_NOW
    from generator.load.config import load_site_config
    from generator.pipeline.prepare import prepare

    config = load_site_config(ROOT / "mkdocs.yml").with_content(SITE_CONTENT)
    pages = prepare(config, dt.datetime.fromisoformat(SITE_NOW)).site.pages
    for url in (urls.event("vi", "le-hoi-then-kin-pang"), urls.event("en", "le-hoi-then-kin-pang"),
                urls.section("vi", "press")):
        body = pages.page(urls.source(url)).body.strip()
        assert _article((built_site / url / "index.html").read_text(encoding="utf-8")) == body


def test_a_written_page_without_a_heading_still_gets_the_themes(tmp_path, monkeypatch):
    import shutil
    from conftest import SITE_CONTENT, SITE_NOW, build_pinned
    project = tmp_path / "project"
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs" / "gioi-thieu.md").write_text("---\ntitle: Về trang\n---\n\nMột đoạn văn.\n", encoding="utf-8")
    monkeypatch.setattr("conftest.ROOT", project)
    site = build_pinned(SITE_CONTENT, tmp_path / "site", SITE_NOW)
    article = _article((site / "gioi-thieu" / "index.html").read_text(encoding="utf-8"))
    assert article.startswith("<h1>Về trang</h1>") and "<p>Một đoạn văn.</p>" in article
