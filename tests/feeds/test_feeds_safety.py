"""Hostile Markdown and HTML in an event file leave no markup that can run
in any feed: no script, image, frame or event handler, no javascript: or
data: link, neither in the files' bytes nor in the HTML a reader gets once
the container format is decoded.  Plain-text fields (titles, summaries,
notes, names) are text: they reach every feed exactly as written, markup
characters included, escaped by each format."""

import json
import re
import shutil

import pytest
from feedsupport import CONTENT, DATA, NOW, config, load
from icalendar import Calendar
from lxml import etree, html

from generator.site.catalogue import Catalogue
from generator.feeds import build_feeds
from generator.vcs.history import History

# markup in a file's bytes (its plain text is escaped, so none may show)
MARKUP = re.compile(r"<\s*(script|img|svg|iframe)|<[^>]*\bon(error|load|click|mouseover)\s*=", re.IGNORECASE)
HTML_KEYS = {"content_html", "description_html", "text_html"}
ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "Hội thi <script>alert(1)</script> xấu"  # tests/data/feeds/hostile/doc-hai.yaml


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(CONTENT, root)
    target = root / "events" / "so-vhttdl" / "doc-hai.yaml"
    shutil.copy(DATA / "hostile" / "doc-hai.yaml", target)
    content = load(root)
    assert content.event("doc-hai") is not None  # the hostile event is really built
    return build_feeds(Catalogue.build(content, config(root), NOW), config(root), History(), NOW)


def html_values(path: str, data: bytes) -> list[str]:
    """The values a reader renders as HTML, once the container is decoded."""
    if path.endswith(".json"):
        found: list[str] = []

        def walk(value, key=""):
            if isinstance(value, str) and key in HTML_KEYS:
                found.append(value)
            elif isinstance(value, dict):
                for name, item in value.items():
                    walk(item, name)
            elif isinstance(value, list):
                for item in value:
                    walk(item, key)

        walk(json.loads(data))
        return found
    if path.endswith(".rss"):
        return [e.text for e in etree.fromstring(data).iter("description", "{*}encoded") if e.text]
    if path.endswith(".atom"):
        root = etree.fromstring(data)
        return [e.text for e in root.iter(f"{ATOM}content", f"{ATOM}summary")
                if e.text and e.get("type") in ("html", "xhtml")]
    return []


def runnable(fragment: str) -> list[str]:
    """What could run in an HTML fragment: elements, handlers, links."""
    found = []
    for element in html.fragment_fromstring(fragment, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("script", "img", "svg", "iframe", "object", "embed", "style", "form"):
            found.append(element.tag)
        for name, value in element.attrib.items():
            if name.startswith("on") or (name in ("href", "src") and re.match(r"\s*(javascript|data|vbscript):",
                                                                            value, re.I)):
                found.append(f"{element.tag}@{name}={value}")
    return found


def test_no_markup_that_can_run_in_any_file(files):
    assert any(b"doc-hai" in data for data in files.values())
    rendered = 0
    for path, data in files.items():
        if not path.endswith(".ics"):  # iCalendar is plain text: it carries the title as written
            assert not MARKUP.search(data.decode("utf-8")), path
        for value in html_values(path, data):
            rendered += 1
            assert runnable(value) == [], (path, value)
    assert rendered


def test_plain_text_reaches_every_feed_exactly_as_written(files):
    feed = json.loads(files["feeds/events.json"])
    assert any(item["title"].startswith("[ĐÃ HỦY] " + TITLE) for item in feed["items"])
    rss_titles = [e.text for e in etree.fromstring(files["feeds/events.rss"]).iter("title")]
    atom_titles = [e.text for e in etree.fromstring(files["feeds/events.atom"]).iter(f"{ATOM}title")]
    assert any(t.startswith("[ĐÃ HỦY] " + TITLE) for t in rss_titles)
    assert any(t.startswith("[ĐÃ HỦY] " + TITLE) for t in atom_titles)
    (event,) = Calendar.from_ical(files["su-kien/doc-hai.ics"]).walk("VEVENT")
    assert str(event["SUMMARY"]) == "[ĐÃ HỦY] " + TITLE
    opendata = json.loads(files["api/events.json"])
    assert TITLE in [e["title"] for e in opendata["events"]]


def test_harmless_text_survives(files):
    data = files["feeds/events.atom"].decode("utf-8")
    assert "Hội thi" in data and "Tin" in files["feeds/updates.atom"].decode("utf-8")
    assert "lý do" in files["su-kien/doc-hai.ics"].decode("utf-8")
