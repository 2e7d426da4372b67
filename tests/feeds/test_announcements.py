"""RSS, Atom and JSON Feed: valid (feedparser, the RFC 4287 RELAX NG
schema) and saying what readers need (order, dates, titles, identity)."""

import datetime as dt
import json
import re
from dataclasses import replace
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from feedsupport import DATA, NOW, SITE, ZONE, built, config, load
from lxml import etree

from generator.site.catalogue import Catalogue
from generator.feeds import build_feeds
from generator.vcs.history import History

FILES = built()
ATOM_FEEDS = ["feeds/events.atom", "feeds/updates.atom"]
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture(scope="module")
def atom_schema():
    return etree.RelaxNG(etree.parse(str(DATA / "schema" / "atom.rng")))


@pytest.mark.parametrize("path", ATOM_FEEDS)
def test_atom_is_valid_against_rfc_4287(atom_schema, path):
    document = etree.fromstring(FILES[path])
    assert atom_schema.validate(document), atom_schema.error_log


def test_the_schema_rejects_a_broken_feed(atom_schema):
    document = etree.fromstring(FILES["feeds/events.atom"])
    entry = document.find("{http://www.w3.org/2005/Atom}entry")
    entry.remove(entry.find("{http://www.w3.org/2005/Atom}id"))
    assert not atom_schema.validate(document)


@pytest.mark.parametrize("path", ["feeds/events.rss", *ATOM_FEEDS])
def test_feedparser_reads_without_complaint(path):
    feed = feedparser.parse(FILES[path])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.get("language", "vi").startswith("vi")
    assert feed.entries


def test_one_item_per_event_newest_announcement_first():
    feed = feedparser.parse(FILES["feeds/events.rss"])
    assert len(feed.entries) == 8
    assert len({e.id for e in feed.entries}) == 8
    published = [parsedate_to_datetime(e.published) for e in feed.entries]
    assert published == sorted(published, reverse=True)
    assert all(moment <= NOW for moment in published)  # never in the future


def test_rss_channel_links_page_and_itself():
    rss = etree.fromstring(FILES["feeds/events.rss"])
    channel = rss.find("channel")
    assert channel.findtext("link") == SITE
    (self_link,) = channel.findall("{http://www.w3.org/2005/Atom}link")
    assert (self_link.get("rel"), self_link.get("href")) == ("self", SITE + "feeds/events.rss")
    assert channel.findtext("language") == "vi"
    for item in channel.findall("item"):
        guid = item.find("guid")
        assert guid.text == item.findtext("link") and guid.get("isPermaLink") == "true"


def test_atom_identity_dates_and_links():
    feed = etree.fromstring(FILES["feeds/events.atom"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    assert feed.find("a:link[@rel='self']", ns).get("href") == SITE + "feeds/events.atom"
    entries = feed.findall("a:entry", ns)
    updated = [e.findtext("a:updated", namespaces=ns) for e in entries]
    assert feed.findtext("a:updated", namespaces=ns) == max(updated)  # not the build time
    for entry in entries:
        alternate = entry.find("a:link[@rel='alternate']", ns)
        assert alternate.get("type") == "text/html"
        assert alternate.get("href") == entry.findtext("a:id", namespaces=ns)
        assert entry.findtext("a:published", namespaces=ns) <= entry.findtext("a:updated", namespaces=ns)


def test_titles_carry_date_and_place():
    titles = {e.link: e.title for e in feedparser.parse(FILES["feeds/events.atom"]).entries}
    assert titles[SITE + "su-kien/ngay-hoi-van-hoa-ba-ngay/"] == (
        "Ngày hội Văn hoá, Thể thao và Du lịch các dân tộc — 1/5 – 3/5/2026, "
        "Quảng trường Nhân dân tỉnh, Phường Tân Phong")
    # a series announces its next occurrence; its year is in the date, said once
    assert titles[SITE + "su-kien/le-hoi-then-kin-pang/"].startswith(
        "Lễ hội Then Kin Pang — 07:30 26/4 – 17:00 27/4/2026, Sân văn hoá")
    assert titles[SITE + "su-kien/cho-phien-huy/"].startswith("[ĐÃ HỦY] Chợ phiên vùng cao — ")


def test_json_feed_1_1():
    feed = json.loads(FILES["feeds/events.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["language"] == "vi"
    assert feed["feed_url"] == SITE + "feeds/events.json"
    rss_ids = [e.id for e in feedparser.parse(FILES["feeds/events.rss"]).entries]
    assert [item["id"] for item in feed["items"]] == rss_ids
    images = {item["id"]: item.get("image") for item in feed["items"]}
    assert images[SITE + "su-kien/ngay-hoi-van-hoa-ba-ngay/"] == "https://sukien.example.vn/anh/ngay-hoi.jpg"
    for item in feed["items"]:
        assert RFC3339.match(item["date_published"]) and RFC3339.match(item["date_modified"])
        assert item["content_html"] and item["title"]


def test_updates_feed_says_news_and_nothing_from_the_future():
    entries = {e.title: e for e in feedparser.parse(FILES["feeds/updates.atom"]).entries}
    news = entries["Ngày hội Văn hoá, Thể thao và Du lịch các dân tộc: Đã mở đăng ký gian hàng ẩm thực, hạn chót 15/4."]
    assert news.link == SITE + "su-kien/ngay-hoi-van-hoa-ba-ngay/"
    assert news.id.startswith("tag:sukien.example.vn,2026-02-20:")
    assert not [title for title in entries if "chưa đến hạn" in title]  # an update dated after NOW


def test_an_event_first_announced_cancelled_or_postponed_is_news():
    entries = {e.link: e for e in feedparser.parse(FILES["feeds/updates.atom"]).entries}
    cancelled = entries[SITE + "su-kien/cho-phien-huy/"]
    assert cancelled.title == "Chợ phiên vùng cao: Hủy sự kiện: Hủy theo chỉ đạo phòng chống dịch"
    postponed = entries[SITE + "su-kien/giai-bong-chuyen-hoan/"]
    assert postponed.title.startswith("Giải bóng chuyền hơi các bản: Hoãn sự kiện: Do mưa lớn")
    assert SITE + "su-kien/dem-van-nghe-doc-hai/" not in entries  # confirmed: nothing to say


def test_open_data_has_every_event_with_occurrences():
    data = json.loads(FILES["api/events.json"])
    assert data["schema_version"] == "1.0"
    events = {event["id"]: event for event in data["events"]}
    assert len(events) == 8
    then_kin_pang = events["le-hoi-then-kin-pang"]
    assert then_kin_pang["repeat"] == "lunar-yearly"
    assert then_kin_pang["location"]["geo"] == [22.5, 103.43]
    occurrences = {o["key"]: o for o in then_kin_pang["occurrences"]}
    assert occurrences["le-hoi-then-kin-pang-2027"]["status"] == "cancelled"
    assert occurrences["le-hoi-then-kin-pang-2026"]["start"] == "2026-04-26T07:30:00+07:00"
    assert occurrences["le-hoi-then-kin-pang-2026"]["lunar"]["label_vi"] == "Ngày 10 tháng 3 âm lịch"
    assert occurrences["le-hoi-then-kin-pang-2026"]["uid"] == "le-hoi-then-kin-pang-2026@sukien.example.vn"
    three_days = events["ngay-hoi-van-hoa-ba-ngay"]["occurrences"][0]
    assert (three_days["start"], three_days["end"], three_days["all_day"]) == (
        "2026-05-01", "2026-05-03", True)
    assert "<strong>" in then_kin_pang["description_html"]
    assert dt.datetime.fromisoformat(then_kin_pang["published"]) <= NOW


def test_a_series_item_moves_to_the_next_year_once_this_years_is_over():
    """The announcement is about the occurrence not yet over (as the event
    page features it): at 15:00, after a 08:00-11:00 edition, the next one."""
    content = load()
    base = content.events[0]
    start = dt.datetime(2026, 4, 26, 8, 0, tzinfo=ZONE)
    series = replace(base, start=start, end=start.replace(hour=11), repeat="yearly", repeat_until=None,
                     exceptions=(), published=None)
    tree = replace(content, events=(series,), _index={})

    def starts(hour):
        now = start.replace(hour=hour)
        files = build_feeds(Catalogue.build(tree, config(), now), config(), History(), now)
        return [item["_sukien"]["start"] for item in json.loads(files["feeds/events.json"])["items"]]
    assert starts(10) == ["2026-04-26T08:00:00+07:00"]
    assert starts(15) == ["2027-04-26T08:00:00+07:00"]


def test_a_title_that_ends_with_its_own_day_does_not_say_it_twice():
    import datetime as dt

    from generator.feeds.common import headline
    from generator.model.event import Content, Contact, Event, Location
    from generator.model.occurrence import Occurrence

    def title_of(name: str, day: dt.date) -> str:
        event = Event(id="ngay-phap-luat", unit="so-tu-phap", path="", title=name, summary="s", category="c",
                      start=day, location=Location("Các xã, phường"), contact=Contact("x"), repeat="yearly")
        return headline(Occurrence(event, day.year, day, None, "confirmed"), Content(root=""))

    assert title_of("Ngày Pháp luật Việt Nam (9/11)", dt.date(2027, 11, 9)) == (
        "Ngày Pháp luật Việt Nam — 9/11/2027, Các xã, phường")
    assert title_of("Hội thi (9/11)", dt.date(2027, 11, 10)).startswith("Hội thi (9/11) — 10/11/2027")
