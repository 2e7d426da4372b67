"""The page renderers as plain functions: no MkDocs, no browser."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import markdown
import pytest
import yaml

from generator.site.catalogue import Catalogue
from generator.site import richtext
from generator.load.config import SiteConfig
from generator.load.content import load_content
from generator.site.pages import links, render_site
from generator.site.pages.markup import anchor_ids
from generator.site import urls
from generator.site.pages.agenda import Agenda
from generator.model.repeats import occurrences
from generator.site.i18n import day_label, when_label

from conftest import SITE_CONTENT, SITE_NOW
from contenttree import make_tree, with_fields

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime.fromisoformat(SITE_NOW)
EVENTS = ("le-hoi-then-kin-pang", "tuan-van-hoa-2026", "hoi-nghi-xuc-tien", "le-hoi-hoan",
          "hostile-markdown", "hoi-cho-hang-nam", "tinh-nguyen-he", "don-nam-moi")


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def find(self, tag: str, **wanted) -> list[dict]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]


@pytest.fixture(scope="module")
def site():
    config = SiteConfig(content_dir=SITE_CONTENT)
    content, problems = load_content(config)
    assert not problems
    return render_site(Catalogue.build(content, config, NOW), config, NOW)


def page(site, url: str) -> tuple[dict, str]:
    """Front matter and HTML (as MkDocs' Markdown would make it) of a page."""
    text = site.pages[urls.source(url)]
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), markdown.markdown(body, extensions=["toc", "tables", "attr_list"])


def json_ld(html: str) -> dict:
    [data] = [json.loads(text) for attrs, text in Tags(html).scripts
              if attrs.get("type") == "application/ld+json"]
    return data


# -- words and dates -------------------------------------------------------------

def test_vietnamese_and_english_day_labels():
    assert day_label(dt.date(2026, 4, 25), "vi") == "Thứ Bảy, 25/4/2026"
    assert day_label(dt.date(2026, 4, 26), "vi") == "Chủ Nhật, 26/4/2026"
    assert day_label(dt.date(2026, 4, 25), "en") == "Saturday, 25 April 2026"


def test_when_labels_cover_all_day_and_timed_ranges():
    start = dt.datetime(2026, 4, 26, 7, 30, tzinfo=ZONE)
    assert when_label(start, start.replace(hour=17, minute=0), "vi") == "Chủ Nhật, 26/4/2026, 07:30–17:00"
    assert when_label(start, None, "vi") == "Chủ Nhật, 26/4/2026, 07:30"
    assert when_label(dt.date(2026, 4, 24), dt.date(2026, 4, 26), "vi") == \
        "Thứ Sáu, 24/4/2026 – Chủ Nhật, 26/4/2026"
    assert when_label(dt.date(2026, 4, 24), None, "en") == "Friday, 24 April 2026 (all day)"


@pytest.mark.parametrize("start, target, expected", [
    ("su-kien/a/", "lich/2026-04/", "../../lich/2026-04/"),
    ("su-kien/a/", "", "../../"),
    ("", "su-kien/a.ics", "su-kien/a.ics"),
    ("en/events/a/", "en/events/a/", "./"),
])
def test_relative_links(start, target, expected):
    assert urls.relative(start, target) == expected


# -- rich text -------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "[bấm vào](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)" title="x>y">bấm <b>vào</b></a>',
    '<a href="data:text/html,<script>alert(1)</script>">bấm vào</a>',
    "[bấm vào](vbscript:msgbox(1))",
    '<a name="neo">bấm vào</a>',
])
def test_a_link_without_a_safe_address_becomes_its_text(source):
    html = richtext.render_markdown(f"Trước {source} sau")
    assert "<a" not in html and "alert" not in html
    assert "bấm" in html and "vào" in html and html.startswith("<p>Trước") and "sau</p>" in html


def test_safe_links_stay_links():
    html = richtext.render_markdown('[trang](https://example.org/ "Tên") và <a href="mailto:a@b.vn">thư</a>')
    assert '<a href="https://example.org/" title="Tên" rel="noopener nofollow">trang</a>' in html
    assert '<a href="mailto:a@b.vn" rel="noopener nofollow">thư</a>' in html


# -- the agenda --------------------------------------------------------------------

def every_occurrence(content, until_year):
    return [occ for event in content.events for occ in occurrences(event, until_year=until_year)]


def test_agenda_sections_at_a_pinned_now():
    content, _ = load_content(SiteConfig(content_dir=SITE_CONTENT))
    agenda = Agenda(every_occurrence(content, 2028), NOW)
    on_now = {x.event.id for x in agenda.on_now()}
    ahead = agenda.upcoming()
    assert on_now == {"hoi-cho-hang-nam"}  # 20-21 April, all day
    assert {"hostile-markdown", "tuan-van-hoa-2026", "le-hoi-then-kin-pang", "hoi-nghi-xuc-tien",
            "le-hoi-hoan"} <= {x.event.id for x in ahead}
    assert all(x.begins > NOW for x in ahead) and ahead == sorted(ahead, key=lambda x: x.begins)
    assert [x.event.id for x in agenda.upcoming(3)] == [x.event.id for x in ahead[:3]]
    assert agenda.featured_of["hoi-cho-hang-nam"].year == 2026


# -- pages ------------------------------------------------------------------------

def test_every_event_has_a_vietnamese_and_an_english_page(site):
    for event_id in EVENTS:
        assert urls.source(urls.event("vi", event_id)) in site.pages
        assert urls.source(urls.event("en", event_id)) in site.pages


def test_pages_name_their_language_and_alternate(site):
    front, _ = page(site, "en/events/le-hoi-then-kin-pang/")
    assert front["lang"] == "en"
    assert front["alternates"] == {"vi": "su-kien/le-hoi-then-kin-pang/",
                                   "en": "en/events/le-hoi-then-kin-pang/"}
    assert front["title"] == "Then Kin Pang Festival"


def test_event_page_facts(site):
    _, html = page(site, "su-kien/le-hoi-then-kin-pang/")
    assert "Chủ Nhật, 26/4/2026, 07:30–17:30" in html
    assert "Ngày 10 tháng 3 âm lịch" in html
    assert "openstreetmap.org/?mlat=22.49200&amp;mlon=103.42100" in html
    assert "930-CV/SVHTTDL" in html and "Hạn đăng ký tác nghiệp" in html
    assert "Hội Nông dân xã" in html
    tags = Tags(html)
    assert tags.find("a", href="../le-hoi-then-kin-pang.ics")
    google = [a["href"] for a in tags.find("a") if a.get("data-cal") == "google"]
    assert "dates=20260426T003000Z%2F20260426T103000Z" in google[0]
    outlook = [a["href"] for a in tags.find("a") if a.get("data-cal") == "outlook"]
    assert "startdt=2026-04-26T07%3A30%3A00%2B07%3A00" in outlook[0]


def test_all_day_event_links_use_an_exclusive_end(site):
    _, html = page(site, "su-kien/tuan-van-hoa-2026/")
    google = [a["href"] for a in Tags(html).find("a") if a.get("data-cal") == "google"]
    assert "dates=20260424%2F20260427" in google[0]


def test_json_ld_dates_status_place_and_offers(site):
    _, html = page(site, "su-kien/le-hoi-then-kin-pang/")
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-04-26T07:30:00+07:00"
    assert data["endDate"] == "2026-04-26T17:30:00+07:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 22.492, "longitude": 103.421}
    assert data["location"]["address"]["streetAddress"] == "Bản Khổng Lào"
    assert data["organizer"]["name"] == "Sở Văn hóa, Thể thao và Du lịch"
    assert data["offers"]["price"] == "0" and data["offers"]["priceCurrency"] == "VND"
    assert data["image"] == ["https://sukien.laichau.gov.vn/media/events/so-vhttdl/images/then-kin-pang-png.jpg"]

    week = json_ld(page(site, "su-kien/tuan-van-hoa-2026/")[1])
    assert (week["startDate"], week["endDate"]) == ("2026-04-24", "2026-04-26")
    assert week["offers"]["price"] == "50000"
    assert week["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"

    cancelled = json_ld(page(site, "su-kien/hoi-nghi-xuc-tien/")[1])
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    postponed = json_ld(page(site, "en/events/le-hoi-hoan/")[1])
    assert postponed["eventStatus"] == "https://schema.org/EventPostponed"


def calendar_links(html: str) -> dict[str, dict[str, str]]:
    """The query of the Google and Outlook links of an event page."""
    return {a["data-cal"]: {k: v[0] for k, v in parse_qs(urlsplit(a["href"]).query).items()}
            for a in Tags(html).find("a") if a.get("data-cal")}


@pytest.mark.parametrize("url, title", [
    ("su-kien/hoi-nghi-xuc-tien/", "[ĐÃ HỦY] Hội nghị xúc tiến du lịch"),
    ("su-kien/le-hoi-hoan/", "[HOÃN] Ngày hội văn hóa xã Khổng Lào"),
])
def test_calendar_links_mark_what_will_not_happen_as_the_ics_does(site, url, title):
    found = calendar_links(page(site, url)[1])
    assert found["google"]["text"] == found["outlook"]["subject"] == title


def test_calendar_links_in_english_mark_a_cancellation_in_english(site):
    found = calendar_links(page(site, "en/events/hoi-nghi-xuc-tien/")[1])
    assert found["google"]["text"] == "[CANCELLED] Tourism promotion conference"
    assert calendar_links(page(site, "en/events/tuan-van-hoa-2026/")[1])["google"]["text"] == \
        "Ethnic Culture Week 2026"


@pytest.mark.parametrize("schedule, end", [
    (None, "08:30"),  # one hour
    ('\n  - {start: "07:30", end: "09:00", title: Khai mạc}\n  - {start: "14:00", title: Văn nghệ}', "15:00"),
    ('\n  - {start: "07:30", end: "11:15", title: Khai mạc}', "11:15"),
])
def test_a_timed_event_without_end_is_never_a_zero_length_entry(tmp_path, schedule, end):
    content, _ = load_content(SiteConfig(content_dir=make_tree(
        tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(end=None, schedule=schedule)})))
    [item] = Agenda(every_occurrence(content, 2027), NOW).occurrences
    assert links.timed_end(item) == dt.datetime.fromisoformat(f"2026-04-26T{end}:00+07:00")
    google = parse_qs(urlsplit(links.google_calendar(item, "x", "", "")).query)["dates"][0]
    assert google == f"20260426T003000Z/{links.timed_end(item).astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"


@pytest.fixture(scope="module")
def site_in_june():
    """The site seen after this year's fair: its 2027 edition is cancelled,
    the 2028 one goes ahead."""
    config = SiteConfig(content_dir=SITE_CONTENT)
    content, _ = load_content(config)
    june = dt.datetime(2026, 6, 1, 9, 0, tzinfo=ZONE)
    return render_site(Catalogue.build(content, config, june), config, june)


def test_a_series_whose_next_year_is_cancelled_features_the_year_that_goes_ahead(site_in_june):
    _, html = page(site_in_june, "su-kien/hoi-cho-hang-nam/")
    data = json_ld(html)
    assert (data["startDate"], data["eventStatus"]) == ("2028-04-20", "https://schema.org/EventScheduled")
    assert calendar_links(html)["google"]["dates"] == "20280420/20280422"
    assert calendar_links(html)["google"]["text"] == "Hội chợ nông sản Khổng Lào"
    [banner] = [a for a in Tags(html).find("p") if "sk-banner" in a.get("class", "") and "hidden" not in a]
    assert banner["class"] == "sk-banner sk-banner--cancelled"
    assert "Năm 2027: sự kiện đã bị hủy. Năm 2027 không tổ chức." in html.replace("<strong>", "").replace(
        "</strong>", "")
    assert "Sự kiện đã bị hủy" not in html
    assert "sk-badge" not in html.split("<h1>")[1].split("</h1>")[0]
    _, english = page(site_in_june, "en/events/hoi-cho-hang-nam/")
    assert "The 2027 edition has been cancelled." in english


def test_neighbours_say_their_status(site):
    _, html = page(site, "su-kien/hoi-nghi-xuc-tien/")
    assert "sk-neighbours" not in html  # alone in its category
    _, html = page(site, "su-kien/tuan-van-hoa-2026/")
    neighbours = html.split('class="sk-neighbours"')[1]
    assert "le-hoi-hoan/" in neighbours and "sk-badge--postponed" in neighbours


def test_status_banner_carries_the_note(site):
    _, html = page(site, "su-kien/hoi-nghi-xuc-tien/")
    assert "Sự kiện đã bị hủy." in html and "Hủy do trùng lịch với hội nghị của tỉnh." in html
    _, html = page(site, "en/events/hoi-nghi-xuc-tien/")
    assert "This event has been cancelled." in html and "clashes with a provincial conference" in html


def test_untranslated_event_in_english_is_marked_and_keeps_vietnamese(site):
    _, html = page(site, "en/events/le-hoi-hoan/")
    assert "has not been translated" in html
    assert '<span lang="vi">Ngày hội văn hóa xã Khổng Lào</span>' in html


def test_hostile_markdown_never_becomes_script(site):
    for lang in ("vi", "en"):
        _, html = page(site, urls.event(lang, "hostile-markdown"))
        tags = Tags(html)
        assert [a.get("type") for a, _ in tags.scripts] == ["application/ld+json"]
        for tag, attrs in tags.tags:
            assert tag not in ("iframe", "img", "svg", "b")
            assert not any(name.startswith("on") for name in attrs), (tag, attrs)
            assert not any("javascript:" in (value or "") for value in attrs.values()), (tag, attrs)
        assert "&lt;script&gt;" in html  # shown as text
        assert "<em>" not in html.split("<h1>")[1].split("</h1>")[0]  # the title is not Markdown


def test_remote_image_is_a_link_not_a_request(site):
    _, html = page(site, "su-kien/hoi-cho-hang-nam/")
    assert not Tags(html).find("img")
    assert Tags(html).find("a", href="https://images.example.org/hoi-cho.jpg")


def test_series_lists_its_years_with_their_status(site):
    _, html = page(site, "su-kien/hoi-cho-hang-nam/")
    assert "Chủ Nhật, 20/4/2025 – Thứ Hai, 21/4/2025" in html
    assert "Năm 2027 không tổ chức." in html


def test_month_grid_is_an_accessible_table(site):
    _, html = page(site, "lich/2026-04/")
    tags = Tags(html)
    assert len(tags.find("th", scope="col")) == 7
    assert "<caption>Tháng 4 năm 2026</caption>" in html
    assert tags.find("td", **{"data-date": "2026-04-20", "aria-current": "date"})
    cells = html.split('data-date="')
    days_with_week = [c[:10] for c in cells[1:] if "tuan-van-hoa-2026/" in c.split("</td>")[0]]
    assert days_with_week == ["2026-04-24", "2026-04-25", "2026-04-26"]
    assert tags.find("a", rel="prev", href="../2026-03/")
    assert tags.find("a", rel="next", href="../2026-05/")


def test_a_day_of_the_grid_links_to_its_events_in_the_list(site):
    _, html = page(site, "lich/2026-04/")
    days = {a["href"] for a in Tags(html).find("a", **{"class": "sk-daylink"})}
    assert "#d-2026-04-24" in days  # the culture week begins that day
    assert "#d-2026-04-29" not in days and "#d-2026-04-23" in days  # the programme goes on since the 23rd
    assert all(Tags(html).find("h3", id=day[1:]) for day in days)
    assert ('<a href="#d-2026-04-22" class="sk-daylink"><span class="sk-daynum" aria-hidden="true">22'
            '<span class="sk-moon">6</span></span>'
            '<span class="sk-sr">Thứ Tư, 22/4/2026 (âm lịch 6/3): 1 sự kiện, 1 đã hủy</span></a>') in html
    _, index = page(site, "lich/")
    assert {a["href"] for a in Tags(index).find("a", **{"class": "sk-daylink"})} == {f"2026-04/{d}" for d in days}


def test_months_run_from_the_first_event_to_the_last(site):
    assert urls.source("lich/2025-04/") in site.pages  # the series' first year
    assert urls.source("lich/2028-04/") in site.pages  # years_ahead after 2026
    assert urls.source("en/calendar/2026-04/") in site.pages


def test_list_pages_offer_their_feed(site):
    front, html = page(site, "chu-de/le-hoi/")
    assert front["feeds"] == [{"type": "text/calendar", "title": "Sự kiện Lai Châu: Lễ hội truyền thống",
                               "href": "feeds/category/le-hoi.ics"}]
    assert "webcal://sukien.laichau.gov.vn/feeds/category/le-hoi.ics" in html
    assert Tags(html).find("img", src="../../theo-doi/qr/category-le-hoi.svg")


def test_a_qr_code_for_every_feed(site):
    expected = {"events", "rss", "atom", "updates", "json", "category-le-hoi", "category-van-hoa",
                "category-hoi-nghi", "bao-chi-ics", "bao-chi-rss", "bao-chi-atom", "area-khong-lao", "area-tan-phong", "unit-so-vhttdl",
                "unit-ubnd-xa-khong-lao", "unit-ubnd-phuong-tan-phong"}
    codes = site.side()  # written beside the pages, like the feeds
    found = {path.rsplit("/", 1)[1][:-4] for path in codes if path.startswith(urls.QR_DIR)}
    assert found == expected
    assert codes[f"{urls.QR_DIR}/events.svg"].startswith(b"<svg")
    assert not any(path.startswith(urls.QR_DIR) for path in site.assets)


def test_subscribe_page_opens_the_long_lists_on_demand(site):
    _, html = page(site, "theo-doi/")
    sections = {part.split("</h2>")[0]: part for part in html.split("<h2")[1:]}
    by_area = next(v for k, v in sections.items() if "Theo địa bàn" in k)
    by_category = next(v for k, v in sections.items() if "Theo chủ đề" in k)
    assert '<details class="sk-more"><summary>Xem 2 địa bàn</summary>' in by_area
    assert "<summary>Xem" not in by_category
    _, english = page(site, "en/subscribe/")
    assert "<summary>Show all 3 organisers</summary>" in english


def test_search_files_are_split_by_year_and_language(site):
    manifest = json.loads(site.search()["search/index.json"])
    assert manifest["years"] == [2026, 2027]
    in_2026 = {r[0]: r for r in json.loads(site.search()["search/vi-2026.json"])}
    assert "su-kien/tuan-van-hoa-2026/" in in_2026
    assert in_2026["su-kien/hoi-cho-hang-nam/"][3] == "2026-04-20"  # a series: its current occurrence
    titles = {r[1] for r in json.loads(site.search()["search/en-2026.json"])}
    assert "Then Kin Pang Festival" in titles


def test_an_event_spanning_years_is_filed_under_each_with_its_last_day(site):
    in_2026 = {r[0]: r for r in json.loads(site.search()["search/vi-2026.json"])}
    in_2027 = {r[0]: r for r in json.loads(site.search()["search/vi-2027.json"])}
    assert set(in_2027) == {"su-kien/don-nam-moi/"}
    assert in_2026["su-kien/don-nam-moi/"] == in_2027["su-kien/don-nam-moi/"]
    assert in_2027["su-kien/don-nam-moi/"][3:] == [
        "2026-12-30", "Sân văn hóa trung tâm xã, Xã Khổng Lào", "Lễ hội truyền thống",
        "Đêm văn nghệ, lửa trại và đếm ngược sang năm mới của các bản trong xã.", "confirmed", "2027-01-02",
        "", "2027-01-03T00:00:00+07:00",  # no lunar date (not a lunar festival); the instant it ends
        ["30", "Th12", ""],  # the date badge
        "", len("Sân văn hóa trung tâm xã")]  # nothing untranslated on a Vietnamese record; where the place ends


def test_robots_and_media(site):
    assert b"Sitemap: https://sukien.laichau.gov.vn/sitemap.xml" in site.assets["robots.txt"]
    assert {path for path in site.assets if path.startswith("media/")} == {
        "media/events/so-vhttdl/images/then-kin-pang-png.jpg", "media/thumbs/events/so-vhttdl/images/then-kin-pang-png.jpg"}


# -- what the MkDocs plugin relies on -------------------------------------------


class _Targets(HTMLParser):
    """What a link can aim at, as an HTML parser (and MkDocs) finds it."""

    def __init__(self, text: str):
        super().__init__()
        self.found: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.update(v for k, v in attrs if k == "id" or (k == "name" and tag == "a"))


def test_link_targets_are_found_without_an_html_parser(site):
    for source in site.pages:
        body = site.pages.page(source).body
        assert anchor_ids(body) == _Targets(body).found, source
    assert anchor_ids('<a name="x"></a><p data-id="y" id="a&amp;b"><span name="z">') == {"x", "a&b"}


def test_pages_render_when_read_under_their_own_source(site):
    sources = list(site.pages)
    assert len(sources) == len(set(sources)) == len(site.pages)
    for source in sources:
        assert site.pages.page(source).source == source
    assert site.pages[sources[0]].startswith("---\n")


@pytest.mark.parametrize("params", [
    {"text": "Lễ hội Then Kin Pang", "details": "Ngày 10/3 âm lịch\nXem: https://x.vn/su-kien/a/?b=1&c=2#d"},
    {"u": "https://sukien.laichau.gov.vn/su-kien/le-hoi/", "text": "A & B = C/D ~ e_f.g-h 😀 100%"},
    {"": "", "q+r": "+ ' \" < > \\ \t"},
])
def test_a_link_query_is_what_urlencode_writes(params):
    from urllib.parse import quote, urlencode
    assert links._query(params) == urlencode(params, quote_via=quote)
    assert links._query(params) == urlencode(params, quote_via=quote)  # quoted once, given again
