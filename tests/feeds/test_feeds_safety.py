"""Hostile Markdown and HTML in an event file leave no trace in any feed:
no script, no event handler, no javascript: or data: URL, neither in the
bytes nor in the HTML that a reader gets after unescaping the XML."""

import json
import re
import shutil

import pytest
from feedsupport import CONTENT, DATA, NOW, config, load
from lxml import etree

from generator.site.catalogue import Catalogue
from generator.feeds import build_feeds
from generator.vcs.history import History

FORBIDDEN = re.compile(
    r"<\s*(script|img|svg|iframe)|\bon(error|load|click|mouseover)\s*=|javascript\s*:|data\s*:\s*text"
    r"|alert\s*\(", re.IGNORECASE)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(CONTENT, root)
    target = root / "events" / "so-vhttdl" / "doc-hai.yaml"
    shutil.copy(DATA / "hostile" / "doc-hai.yaml", target)
    content = load(root)
    assert content.event("doc-hai") is not None  # the hostile event is really built
    return build_feeds(Catalogue.build(content, config(root), NOW), config(root), History(), NOW)


def texts(path: str, data: bytes) -> list[str]:
    """What a reader sees once the container format is decoded."""
    if path.endswith(".json"):
        found: list[str] = []

        def walk(value):
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(json.loads(data))
        return found
    if path.endswith((".rss", ".atom")):
        root = etree.fromstring(data)
        return [t for element in root.iter() for t in (element.text, *element.attrib.values()) if t]
    return [data.decode("utf-8")]


def test_no_trace_in_any_file(files):
    assert any(b"doc-hai" in data for data in files.values())
    for path, data in files.items():
        assert not FORBIDDEN.search(data.decode("utf-8")), path
        for text in texts(path, data):
            assert not FORBIDDEN.search(text), (path, text)


def test_harmless_text_survives(files):
    data = files["feeds/events.atom"].decode("utf-8")
    assert "Hội thi" in data and "Tin" in files["feeds/updates.atom"].decode("utf-8")
    assert "lý do" in files["su-kien/doc-hai.ics"].decode("utf-8")
