"""What a tourist reads, checked on a content tree the site was not written
for (tests/site/touristtree.py): lunar dates on every card and in every day
cell (against lunar-vn's own conversion), English that is whole and marked
where it is not, getting there, photos and page weight, what has ended."""

from __future__ import annotations

import datetime as dt
import gzip
import re
from pathlib import Path

import feedparser
import lunar_vn
import pytest
from icalendar import Calendar
from lxml import html as lxml_html

from touristtree import build_tree, many_events

DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_tree(tmp_path_factory.mktemp("tourist"), many_events())


_PART = re.compile(r"^([a-z0-9]*)((?:\.[\w-]+)*)((?:\[[^\]]+\])*)$")


def xpath(selector: str) -> str:
    """The XPath of a simple CSS selector (tags, classes, [attr], [attr=value],
    descendants, alternatives): lxml's own needs a package the site does not."""
    alternatives = []
    for alternative in selector.split(","):
        path = "."
        for part in alternative.split():
            tag, classes, attributes = _PART.match(part).groups()
            tests = [f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in classes.split(".")[1:]]
            for attribute in re.findall(r"\[([^\]]+)\]", attributes):
                name, _, value = attribute.partition("=")
                tests.append(f"@{name}='{value.strip(chr(39))}'" if value else f"@{name}")
            path += f"//{tag or '*'}" + "".join(f"[{test}]" for test in tests)
        alternatives.append(path)
    return " | ".join(alternatives)


def select(node, selector: str) -> list:
    return node.xpath(xpath(selector))


def doc(site: Path, page: str):
    return lxml_html.fromstring((site / page / "index.html").read_text(encoding="utf-8"))


def moon(day: dt.date):
    return lunar_vn.solar_to_lunar(day)


def expected_label(first: dt.date, last: dt.date) -> str:
    """The lunar words, written here from lunar-vn's dates (not the site's code)."""
    a, b = moon(first), moon(last)
    if first == last:
        return f"Ngày {a.day} tháng {a.month} âm lịch"
    if a.month == b.month:
        return f"Ngày {a.day}–{b.day} tháng {a.month} âm lịch"
    return f"Ngày {a.day} tháng {a.month} – {b.day} tháng {b.month} âm lịch"


def lunar_series() -> dict[str, int]:
    """Event id -> its length in days, for every lunar-yearly event of the tree."""
    found = {}
    for name, (_, text) in many_events().items():
        if "repeat: lunar-yearly" in text:
            start = dt.date.fromisoformat(re.search(r"^start: (\S+)", text, re.M).group(1))
            end = re.search(r"^end: (\S+)", text, re.M)
            found[name] = (dt.date.fromisoformat(end.group(1)) - start).days if end else 0
    return found


def lunar_cards(page) -> list[tuple[str, dt.date, str, str]]:
    """(event id, first day, lunar line, badge) of every card of a lunar festival on a page."""
    series = lunar_series()
    found = []
    for card in select(page, "li.sk-card"):
        event_id = select(card, "a.sk-card__title")[0].get("href").rstrip("/").rsplit("/", 1)[-1]
        if event_id in series:
            first = dt.date.fromisoformat(DAY.match(select(card, "time")[0].get("datetime")).group(1))
            line = select(card, ".sk-card__lunar")
            badge = select(card, ".sk-date__lunar")
            found.append((event_id, first, line[0].text_content() if line else "",
                          badge[0].text_content() if badge else ""))
    return found


def test_every_lunar_occurrence_shows_its_lunar_date_on_its_month_and_category_pages(site):
    series = lunar_series()
    assert len(series) == 3
    seen: dict[str, set[dt.date]] = {name: set() for name in series}
    for month in sorted((site / "lich").glob("20*-*")):
        for event_id, first, line, badge in lunar_cards(doc(site, f"lich/{month.name}")):
            last = first + dt.timedelta(days=series[event_id])
            assert line == expected_label(first, last), (month.name, event_id)
            assert badge == f"{moon(first).day}/{moon(first).month} ÂL"
            seen[event_id].add(first)
    for event_id, days in seen.items():
        # one occurrence a lunar year, 2025 to 2028 (two years ahead of 2026), each on its lunar day
        assert {d.year for d in days} == {2025, 2026, 2027, 2028}, (event_id, days)
        assert len({(moon(d).day, moon(d).month) for d in days}) <= 2  # day 30 may fall on 29
    category = lunar_cards(doc(site, "chu-de/le-hoi-dan-toc"))
    assert {event_id for event_id, *_ in category} == set(series)
    for event_id, first, line, _ in category:
        assert line == expected_label(first, first + dt.timedelta(days=series[event_id]))
    english = lunar_cards(doc(site, "en/categories/le-hoi-dan-toc"))
    assert english and all(line.startswith(("Day ", "Days ")) and "lunar month" in line for *_, line, _ in english)


def test_a_festival_across_the_end_of_a_lunar_month_names_both_months(site):
    cards = [c for month in sorted((site / "lich").glob("20*-*"))
             for c in lunar_cards(doc(site, f"lich/{month.name}")) if c[0] == "hoi-cuoi-thang-tam"]
    assert cards and all(" – " in line and line.count("tháng") == 2 for _, _, line, _ in cards)


def test_every_day_cell_carries_lunar_vn_s_lunar_date(site):
    cells = leaps = 0
    for folder in ("lich", "en/calendar"):
        for month in sorted((site / folder).glob("20*-*")):
            page = doc(site, f"{folder}/{month.name}")
            for cell in select(page, "table.sk-month td"):
                day = dt.date.fromisoformat(cell.get("data-date"))
                found = moon(day)
                assert cell.get("data-lunar") == f"{found.day}/{found.month}{'L' if found.leap else ''}", day
                if "sk-out" in (cell.get("class") or ""):
                    continue
                shown = select(cell, ".sk-moon")[0].text
                leap = "N" if found.leap else ""  # nhuận
                assert shown == (f"{found.day}/{found.month}{leap}" if found.day == 1 else str(found.day))
                leaps += found.leap
                word = select(cell, ".sk-moon__word")
                named = {1: {"Mùng 1", "New moon"}, 15: {"Rằm", "Full moon"}}.get(found.day)
                assert (word[0].text in named) if named else not word
                cells += 1
    assert cells > 500 and leaps  # 2025 and 2028 have a leap month




def test_without_script_the_month_filters_are_links_to_category_and_area_pages(site):
    page = doc(site, "lich/2026-10")
    links = [a.get("href") for a in select(page, ".sk-filter a")]
    assert any("/chu-de/" in href for href in links) and any("/dia-ban/" in href for href in links)
    months = {c.get("data-category") for c in select(page, ".sk-days .sk-card")}
    assert {href.rstrip("/").rsplit("/", 1)[-1] for href in links if "/chu-de/" in href} == months


def test_english_page_shows_the_new_english_texts_and_marks_what_is_untranslated(site):
    page = doc(site, "en/events/ngay-hoi-am-thuc-en")
    text = page.text_content()
    for english in ("Centre of Sin Ho commune", "Road 128, 60 km from Lai Chau city", "Reporters register at the gate.",
                    "Commune photo", "Opening", "Main stage", "Brocade stalls added.", "Dao people"):
        assert english in text, english
    assert select(page, "figure img")[0].get("alt") == "Dishes on a bamboo tray"
    untranslated = {e.text_content(): e for e in select(page, "[lang=vi]")}
    assert "20.000 đồng" in untranslated and "Thi nấu cỗ" in untranslated  # price, second programme item
    for value in ("20.000 đồng", "Thi nấu cỗ"):
        note = untranslated[value].getnext()
        assert note is not None and note.text_content() == "(in Vietnamese)"
    assert "am-thuc-vung-cao" in text  # a tag the registry does not list: as written
    vietnamese = doc(site, "su-kien/ngay-hoi-am-thuc-en").text_content()
    assert "Dân tộc Dao" in vietnamese and "Theo đường 128" in vietnamese and "(in Vietnamese)" not in vietnamese


def test_directions_reach_the_feeds(site):
    (event,) = Calendar.from_ical((site / "su-kien/ngay-hoi-am-thuc-en.ics").read_bytes()).walk("VEVENT")
    assert "Đường đi: Theo đường 128, cách thành phố Lai Châu 60 km" in str(event["DESCRIPTION"])
    rss = feedparser.parse((site / "feeds/events.rss").read_bytes())
    (entry,) = [e for e in rss.entries if e.link.endswith("/ngay-hoi-am-thuc-en/")]
    assert "Đường đi: Theo đường 128" in entry.description


def test_feed_summaries_carry_the_lunar_range_and_titles_the_date_once(site):
    feed = feedparser.parse((site / "feeds/events.atom").read_bytes())
    (entry,) = [e for e in feed.entries if e.link.endswith("/le-hoi-xip-xi/")]
    assert entry.summary.startswith("Ngày 14–15 tháng 7 âm lịch. ")
    assert not re.search(r"\(20\d\d\)", entry.title) and entry.title.count("/20") == 1
    (event,) = [e for e in Calendar.from_ical((site / "su-kien/le-hoi-xip-xi.ics").read_bytes()).walk("VEVENT")
                if str(e["DTSTART"].dt).startswith("2026")]
    assert "(ngày 14–15 tháng 7 âm lịch)" in str(event["DESCRIPTION"])


def test_a_place_is_not_written_twice_on_cards(site):
    for card in select(doc(site, "dia-ban/sin-ho"), "li.sk-card"):
        meta = select(card, ".sk-card__meta")[0].text_content()
        assert meta.casefold().count("xã sìn hồ") <= 1, meta


def test_cards_of_what_has_ended_say_so(site):
    page = doc(site, "chu-de/am-thuc")
    ended = select(page, "li.sk-card--ended")
    assert ended and all(select(c, ".sk-badge--ended")[0].text_content() == "Đã kết thúc" for c in ended)
    first_past = select(page, "h2")[[h.text_content() for h in select(page, "h2")].index("Đã diễn ra")]
    assert all("sk-card--ended" in c.get("class") for c in select(first_past.getnext(), "li.sk-card"))


def test_the_list_of_what_is_coming_is_in_order_and_only_ahead(site):
    page = doc(site, "sap-toi")
    starts = [select(c, "time")[0].get("datetime") for c in select(page, "li.sk-card")]
    assert starts and all(s[:10] >= "2026-09-10" for s in starts)
    assert [s[:10] for s in starts] == sorted(s[:10] for s in starts)
    assert select(doc(site, ""), "a[href='sap-toi/']")


def test_unit_pages_say_what_the_unit_is_and_put_the_qr_code_after_the_list(site):
    page = doc(site, "don-vi/ubnd-xa-sin-ho")
    facts = select(page, ".sk-unit-facts")[0].text_content()
    assert "Ủy ban nhân dân xã, phường" in facts and "0213 3870 111" in facts and "https://sinho.example.vn" in facts
    for path in ("don-vi/ubnd-xa-sin-ho", "chu-de/am-thuc", "dia-ban/muong-te", "en/areas/muong-te"):
        layout = select(doc(site, path), ".sk-listpage")[0]
        children = [child.get("class") for child in layout]
        assert children == ["sk-listpage__main", "sk-feedbox"], path
        assert select(layout[1], "img.sk-qr")


def _first_load(site: Path, page: str, lazy_too: bool = True) -> int:
    """Bytes of a page's first load: HTML, CSS, JS and icon gzip-compressed, images as they are."""
    file = site / page / "index.html"
    tree = lxml_html.fromstring(file.read_text(encoding="utf-8"))
    texts = [file] + [file.parent / e.get("href") for e in select(tree, "link[rel=stylesheet], link[rel=icon]")]
    texts += [file.parent / e.get("src") for e in select(tree, "script[src]")]
    images = {(file.parent / e.get("src")).resolve() for e in select(tree, "img")
              if lazy_too or e.get("loading") != "lazy"}
    return (sum(len(gzip.compress(f.resolve().read_bytes())) for f in texts)
            + sum(len(f.read_bytes()) for f in images))


def test_pages_with_photos_stay_light(site):
    event = site / "su-kien/ngay-hoi-am-thuc-en/index.html"
    head = select(lxml_html.fromstring(event.read_text(encoding="utf-8")), "figure img")[0]
    assert head.get("fetchpriority") == "high" and head.get("width") and head.get("height")
    assert _first_load(site, "su-kien/ngay-hoi-am-thuc-en") <= 150 * 1024
    home = doc(site, "")
    thumbs = select(home, "img.sk-card__thumb")
    assert len(thumbs) >= 3 and all(t.get("loading") == "lazy" for t in thumbs)
    assert all((site / t.get("src")).stat().st_size <= 15 * 1024 for t in thumbs)
    assert _first_load(site, "") <= 200 * 1024  # every thumbnail counted, lazy or not


def test_open_data_carries_the_new_texts_and_the_tags_registry(site):
    import json

    data = json.loads((site / "api/events.json").read_text(encoding="utf-8"))
    assert data["tags"] == [{"id": "dan-toc-dao", "name": "Dân tộc Dao", "name_en": "Dao people"}]
    (event,) = [e for e in data["events"] if e["id"] == "ngay-hoi-am-thuc-en"]
    assert event["location"]["directions"].startswith("Theo đường 128")
    assert (event["en"]["price"], event["en"]["image_alt"]) == (None, "Dishes on a bamboo tray")
    assert event["schedule"][0]["title_en"] == "Opening" and event["schedule"][1]["title_en"] is None
    assert event["updates"][0]["text_en_html"] == "<p>Brocade stalls added.</p>"


@pytest.mark.parametrize("page, anchor", [("theo-doi", "nguon-chinh"), ("en/subscribe", "main-feeds")])
def test_the_subscribe_how_to_points_to_buttons_that_are_above_it(site, page, anchor):
    text = (site / page / "index.html").read_text(encoding="utf-8")
    target = text.index(f'id="{anchor}"')
    google = text.index("Thêm vào Google Lịch" if page == "theo-doi" else "Add to Google Calendar")
    how_to = text.index(f'href="#{anchor}"')
    assert target < google < how_to  # the button is above the words that send the reader to it
    assert "bên dưới" not in text and " below " not in text


def test_a_remote_image_is_a_link_below_the_facts_never_a_request(tmp_path):
    from zoneinfo import ZoneInfo

    from contenttree import make_tree, with_fields
    from generator.load.config import SiteConfig
    from generator.load.content import load_content
    from generator.site.catalogue import Catalogue
    from generator.site.pages import render_site

    image = "\n  src: https://anh.example.vn/then.jpg\n  alt: Ảnh lễ hội\n  credit: Báo Lai Châu"
    english = "\n  title: Then Kin Pang\n  image_alt: Festival photo"
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(image=image, en=english)})
    config = SiteConfig(content_dir=content)
    loaded, problems = load_content(config)
    assert problems == []
    now = dt.datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    pages = render_site(Catalogue.build(loaded, config, now), config, now).pages
    english_page = pages["en/events/le-hoi-a/index.md"].split("\n---\n", 1)[1]  # the body, after the front matter
    assert "<img" not in english_page and "anh.example.vn" not in english_page.split("<h1")[0]
    assert ('<a href="https://anh.example.vn/then.jpg" rel="noopener">View image: Festival photo</a> '
            '(<span lang="vi">Báo Lai Châu</span> <span class="sk-untr">(in Vietnamese)</span>)') in english_page
    assert english_page.index("sk-image-link") > english_page.index("sk-facts")
    assert "<img" not in pages["index.md"].split("sk-card__title")[1].split("</li>")[0]  # no remote thumbnail
