"""Plain text is text in every feed: a title with '<<', '>>' or an entity
name reaches each format exactly as written, and a link in a description
keeps its address in the plain-text descriptions (iCalendar)."""

from __future__ import annotations

import json

import feedparser
from icalendar import Calendar
from lxml import etree

from contenttree import make_tree, with_fields
from feedsupport import NOW, config, load
from generator.feeds import build_feeds
from generator.site.catalogue import Catalogue
from generator.vcs.history import History

ATOM = "{http://www.w3.org/2005/Atom}"
TITLES = ["<<Lai Châu – Điểm hẹn>>", "A&amp;B và C&D", "Giá <50.000đ> & \"miễn phí\""]


def feeds_of(tmp_path, **fields):
    content_dir = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(**fields)})
    content = load(content_dir)
    return build_feeds(Catalogue.build(content, config(content_dir), NOW), config(content_dir), History(), NOW)


def test_titles_and_summaries_reach_every_feed_as_written(tmp_path):
    for i, title in enumerate(TITLES):
        files = feeds_of(tmp_path / str(i), title=json.dumps(title), summary=json.dumps("Tóm tắt " + title))
        seen = {
            "json": [item["title"] for item in json.loads(files["feeds/events.json"])["items"]],
            "opendata": [event["title"] for event in json.loads(files["api/events.json"])["events"]],
            "rss": [e.text for e in etree.fromstring(files["feeds/events.rss"]).iter("title")],
            "atom": [e.text for e in etree.fromstring(files["feeds/events.atom"]).iter(f"{ATOM}title")],
            "feedparser": [e.title for e in feedparser.parse(files["feeds/events.atom"]).entries],
            "ics": [str(e["SUMMARY"]) for e in Calendar.from_ical(files["su-kien/le-hoi-a.ics"]).walk("VEVENT")],
        }
        for where, found in seen.items():
            assert any(title in text for text in found), (where, title, found)
        summaries = [item["summary"] for item in json.loads(files["feeds/events.json"])["items"]]
        assert summaries == ["Tóm tắt " + title]


def test_a_link_keeps_its_address_in_the_calendar_description(tmp_path):
    description = json.dumps("Xem thêm tại [Cổng Thông tin điện tử tỉnh](https://laichau.gov.vn/su-kien?id=1&x=2).")
    files = feeds_of(tmp_path, description=description)
    (event,) = Calendar.from_ical(files["su-kien/le-hoi-a.ics"]).walk("VEVENT")
    assert ("Xem thêm tại Cổng Thông tin điện tử tỉnh (https://laichau.gov.vn/su-kien?id=1&x=2)."
            in str(event["DESCRIPTION"]))


def test_json_files_carry_no_markup_in_their_bytes(tmp_path):
    files = feeds_of(tmp_path, title=json.dumps("Hội <b onmouseover=alert(1)>thi</b>"))
    for path in ("feeds/events.json", "api/events.json"):
        assert b"<b" not in files[path] and b"\\u003cb onmouseover" in files[path]
        assert "Hội <b onmouseover=alert(1)>thi</b>" in json.dumps(json.loads(files[path]), ensure_ascii=False)
