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
