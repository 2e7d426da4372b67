"""Press coverage (the "after"): read from the file, shown on the event page
and published in the open data."""

import datetime as dt
import json

import markdown
import pytest

from contenttree import check, make_tree, with_fields
from generator.feeds import build_feeds
from generator.load.config import SiteConfig
from generator.load.content import load_content
from generator.site import urls
from generator.site.catalogue import Catalogue
from generator.site.pages import render_site

COVERAGE = """
  - outlet: Báo Lai Châu
    title: Rộn ràng lễ hội Then Kin Pang
    url: https://baolaichau.vn/van-hoa/then-kin-pang
    date: 2026-04-27
  - outlet: VTV
    title: Té nước cầu mưa ở Khổng Lào
    url: http://vtv.vn/then-kin-pang"""
NOW = dt.datetime(2026, 5, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def content(tmp_path):
    loaded, problems = load_content(SiteConfig(content_dir=make_tree(
        tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(coverage=COVERAGE)})))
    assert problems == []
    return loaded


def test_coverage_is_read_in_date_order_undated_last(content):
    (event,) = content.events
    assert [(c.outlet, c.date) for c in event.coverage] == [("Báo Lai Châu", dt.date(2026, 4, 27)), ("VTV", None)]


@pytest.mark.parametrize("item, expected", [
    ("\n  - title: Bài\n    url: https://b.vn/a", [("missing-required", 14, 5)]),
    ("\n  - outlet: Báo\n    title: Bài", [("missing-required", 14, 5)]),
    ("\n  - outlet: Báo\n    title: Bài\n    url: https://b.vn/a\n    author: An", [("unknown-key", 17, 5)]),
    ("\n  - outlet: Báo\n    title: Bài\n    url: ftp://b.vn/a", [("invalid-url", 16, 10)]),
    ("\n  - outlet: Báo\n    title: Bài\n    url: javascript:alert(1)", [("unsafe-url", 16, 10)]),
    ("\n  - outlet: Báo\n    title: Bài\n    url: https://b.vn/a\n    date: 27/04/2026", [("date-format", 17, 11)]),
    ("https://b.vn/a", [("wrong-type", 13, 11)]),
])
def test_coverage_problems(tmp_path, item, expected):
    assert check(tmp_path, with_fields(coverage=item)) == expected


def test_event_page_shows_the_articles_in_both_languages(content):
    config = SiteConfig(content_dir=content.root)
    site = render_site(Catalogue.build(content, config, NOW), config, NOW)
    for lang, heading in (("vi", "Báo chí đưa tin"), ("en", "Press coverage")):
        text = site.pages[urls.source(urls.event(lang, "le-hoi-a"))]
        html = markdown.markdown(text.split("---\n", 2)[2], extensions=["attr_list"])
        assert f"<h2>{heading}</h2>" in html
        assert 'href="https://baolaichau.vn/van-hoa/then-kin-pang"' in html and "Rộn ràng lễ hội Then Kin Pang" in html
        assert "<strong>VTV</strong>" in html and 'datetime="2026-04-27"' in html


def test_open_data_publishes_the_coverage(content):
    config = SiteConfig(content_dir=content.root)
    files = build_feeds(Catalogue.build(content, config, NOW), config, None, NOW)
    (event,) = json.loads(files["api/events.json"])["events"]
    assert event["coverage"] == [
        {"outlet": "Báo Lai Châu", "title": "Rộn ràng lễ hội Then Kin Pang",
         "url": "https://baolaichau.vn/van-hoa/then-kin-pang", "date": "2026-04-27"},
        {"outlet": "VTV", "title": "Té nước cầu mưa ở Khổng Lào", "url": "http://vtv.vn/then-kin-pang", "date": None},
    ]


def test_an_event_without_coverage_has_an_empty_list_and_no_section(tmp_path):
    loaded, _ = load_content(SiteConfig(content_dir=make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields()})))
    config = SiteConfig(content_dir=loaded.root)
    files = build_feeds(Catalogue.build(loaded, config, NOW), config, None, NOW)
    assert json.loads(files["api/events.json"])["events"][0]["coverage"] == []
    site = render_site(Catalogue.build(loaded, config, NOW), config, NOW)
    assert "Báo chí đưa tin" not in site.pages[urls.source(urls.event("vi", "le-hoi-a"))]
