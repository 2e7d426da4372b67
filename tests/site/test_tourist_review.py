"""Defects found reviewing the tourist site on an unseen tree: the home
page's short list repeated a lunar series' coming years, an English page
left a contact's Vietnamese name unmarked, and the English page's
schema.org data kept the Vietnamese address and price beside their
English texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from touristtree import build_tree, few_events, many_events


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    chosen = many_events()
    events = few_events() | {name: chosen[name] for name in ("tet-com-moi", "le-hoi-xip-xi", "ngay-hoi-am-thuc-en")}
    unit, text = events["ngay-hoi-am-thuc-en"]
    events["ngay-hoi-am-thuc-en"] = unit, text.replace("  image_credit: Commune photo\n",
                                                       "  image_credit: Commune photo\n  price: 20,000 dong\n")
    return build_tree(tmp_path_factory.mktemp("review"), events)


def page(site: Path, path: str):
    return lxml_html.fromstring((site / path / "index.html").read_text(encoding="utf-8"))


def titles(node) -> list[str]:
    return [a.get("href").rstrip("/").rsplit("/", 1)[-1] for a in node.xpath(".//a[contains(@class, 'sk-card__title')]")]


@pytest.mark.parametrize("home, upcoming", [("", "sap-toi"), ("en", "en/upcoming")])
def test_the_home_page_lists_each_coming_event_once(site, home, upcoming):
    (coming,) = page(site, home).xpath("//section[@data-sk-section='coming']")
    shown = titles(coming)
    assert "tet-com-moi" in shown and "giai-chay-nui" in shown
    assert len(shown) == len(set(shown)), shown
    everything = titles(page(site, upcoming))
    assert everything.count("tet-com-moi") >= 2  # the full list keeps every year of the series


def vietnamese_only(node, text: str) -> bool:
    """Whether every element showing ``text`` is (inside) an element marked lang="vi"."""
    holders = [e for e in node.iter() if isinstance(e.tag, str) and e.text and text in e.text]
    return bool(holders) and all(e.xpath("ancestor-or-self::*[@lang][1]/@lang") == ["vi"] for e in holders)


def test_an_english_page_marks_a_contact_s_vietnamese_name(site):
    event = page(site, "en/events/ngay-hoi-am-thuc-en")
    facts = event.xpath("//dl[contains(@class, 'sk-facts')]")[0]
    assert vietnamese_only(facts, "Ban tổ chức")
    unit = page(site, "en/units/ubnd-xa-sin-ho")
    assert vietnamese_only(unit.xpath("//article")[0], "Văn phòng UBND xã Sìn Hồ")
    vietnamese = page(site, "su-kien/ngay-hoi-am-thuc-en").xpath("//dl[contains(@class, 'sk-facts')]")[0]
    assert "Ban tổ chức" in vietnamese.text_content() and not vietnamese.xpath(".//*[@lang]")


def schema_event(site: Path, path: str) -> dict:
    (script,) = page(site, path).xpath("//script[@type='application/ld+json']")
    return json.loads(script.text)


def test_the_english_schema_org_data_uses_the_english_address_and_price(site):
    english = schema_event(site, "en/events/ngay-hoi-am-thuc-en")
    assert english["location"]["address"]["streetAddress"] == "Centre of Sin Ho commune"
    assert english["offers"]["description"] == "20,000 dong" and english["offers"]["price"] == "20000"
    vietnamese = schema_event(site, "su-kien/ngay-hoi-am-thuc-en")
    assert vietnamese["location"]["address"]["streetAddress"] == "Trung tâm xã Sìn Hồ"
    assert vietnamese["offers"]["description"] == "20.000 đồng" and vietnamese["offers"]["price"] == "20000"


def test_an_english_page_marks_registry_names_that_have_no_english(site):
    """Xã Tam Đường and Hội Nông dân tỉnh have no name_en; Muong Te has."""
    event = page(site, "en/events/phien-cho")
    facts = event.xpath("//dl[contains(@class, 'sk-facts')]")[0]
    assert vietnamese_only(facts, "Xã Tam Đường") and vietnamese_only(facts, "Hội Nông dân tỉnh")
    cards = page(site, "en/upcoming").xpath("//li[contains(@class, 'sk-card')][.//a[contains(@href, 'phien-cho')]]")
    assert cards and all(vietnamese_only(card, "Xã Tam Đường") for card in cards)
    english = page(site, "en/events/giai-chay-nui").xpath("//dl[contains(@class, 'sk-facts')]")[0]
    (area,) = english.xpath(".//a[contains(@href, 'areas/muong-te')]")
    assert area.text_content() == "Muong Te" and not area.xpath("ancestor-or-self::*[@lang='vi']")
    tags = page(site, "en/events/ngay-hoi-am-thuc-en").xpath("//span[contains(@class, 'sk-tag')]")
    assert [t.text_content() for t in tags] == ["Dao people", "am-thuc-vung-cao"]
    assert not any(t.xpath(".//*[@lang]") for t in tags)
    vietnamese = page(site, "su-kien/phien-cho").xpath("//dl[contains(@class, 'sk-facts')]")[0]
    assert "Xã Tam Đường" in vietnamese.text_content() and not vietnamese.xpath(".//*[@lang]")
