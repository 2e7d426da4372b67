"""Event images stored in the content tree reach the pages and the feeds
at the same published address; a scripted SVG is not published."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

from icalendar import Calendar

from contenttree import make_tree, with_fields
from generator.config import SiteConfig
from generator.content import load_content
from generator.feeds import build_feeds
from generator.media import published_media

NOW = dt.datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def tree(tmp_path, svg: str):
    image = "\n  src: images/anh.svg\n  alt: Ảnh lễ hội"
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(image=image)})
    (content / "events/so-vhttdl/images").mkdir()
    (content / "events/so-vhttdl/images/anh.svg").write_text(svg)
    config = SiteConfig(content_dir=content, site_url="https://example.org/lich/")
    loaded, problems = load_content(config)
    assert problems == []
    return loaded, config


def test_local_image_published_and_linked_by_feeds(tmp_path):
    content, config = tree(tmp_path, "<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert list(published_media(content)) == ["media/events/so-vhttdl/images/anh.svg"]
    files = build_feeds(content, config, None, NOW)
    url = "https://example.org/lich/media/events/so-vhttdl/images/anh.svg"
    assert json.loads(files["feeds/events.json"])["items"][0]["image"] == url
    assert json.loads(files["api/events.json"])["events"][0]["image_url"] == url
    (event,) = Calendar.from_ical(files["su-kien/le-hoi-a.ics"]).walk("VEVENT")
    assert str(event["IMAGE"]) == url and event["IMAGE"].params["VALUE"] == "URI"


def test_scripted_svg_is_neither_published_nor_linked(tmp_path):
    content, config = tree(tmp_path, "<svg onload='alert(1)'/>")
    assert published_media(content) == {}
    files = build_feeds(content, config, None, NOW)
    assert "image" not in json.loads(files["feeds/events.json"])["items"][0]
    assert b"IMAGE" not in files["su-kien/le-hoi-a.ics"]


def test_future_announcement_is_held_back_from_the_announcement_feeds(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(published="2026-04-10 08:00")})
    config = SiteConfig(content_dir=content)
    loaded, _ = load_content(config)
    files = build_feeds(loaded, config, None, NOW)
    assert json.loads(files["feeds/events.json"])["items"] == []
    assert b"le-hoi-a" not in files["feeds/events.rss"]
    assert b"UID:le-hoi-a@" in files["feeds/events.ics"]
    later = build_feeds(loaded, config, None, NOW + dt.timedelta(days=10))
    assert json.loads(later["feeds/events.json"])["items"][0]["date_published"] == "2026-04-10T01:00:00Z"
