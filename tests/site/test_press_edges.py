"""Edges of the press desk, on a site built by `sukien build` from the
press tree (tests/presstree.py) and an event abroad, with the clock pinned
the day after the cancelled market (23/3): the event abroad names the zone
of its times and deadline (they are not Vietnam's), the cancelled market
is not said to have taken place, the event the press is not invited to
shows no deadline although its file names one, and the English press page
tells the recent changes in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from contenttree import make_tree
from presstree import ABROAD, EVENTS

from conftest import build_pinned
from test_press_pages import by_class, document, section, text_of

NOW = "2026-03-24T12:00:00+07:00"
CALLED_OFF = {"so-vhttdl/dem-tho.yaml": """\
    title: Đêm thơ xuân
    summary: Đêm thơ.
    category: van-hoa
    start: 2026-03-30 19:30
    status: cancelled
    status_note: Nhà văn hoá đang sửa chữa.
    location: {name: Nhà văn hoá, area: tan-phong}
    contact: {name: Nhà văn hoá, phone: "0213 3800 006"}
    en: {title: Spring poetry night, summary: Poetry., status_note: The culture house is under repair.}
    """}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = make_tree(tmp_path_factory.mktemp("edges-content"), EVENTS | ABROAD | CALLED_OFF)
    return build_pinned(content, tmp_path_factory.mktemp("edges-built") / "site", NOW)


@pytest.mark.parametrize("path, zone", [("su-kien/xuc-tien-osaka", "(giờ Asia/Tokyo, UTC+09:00)"),
                                        ("en/events/xuc-tien-osaka", "(Asia/Tokyo time, UTC+09:00)")])
def test_a_deadline_abroad_names_its_zone_on_the_event_page(site, path, zone):
    [deadline] = [e for e in document(site, path).iter("time") if e.get("datetime") == "2026-03-25T12:00:00+09:00"]
    assert text_of(deadline).endswith(f"25/03/2026, 12:00 {zone}")


def test_the_press_agenda_names_the_zone_of_a_time_abroad(site):
    root = document(site, "bao-chi")
    hours = [text_of(e) for e in by_class(section(root, "lich-tac-nghiep"), "sk-desk-time")]
    assert "10:00 (giờ Asia/Tokyo, UTC+09:00)" in hours
    deadlines = text_of(section(root, "han-dang-ky"))
    assert "25/03/2026, 12:00 (giờ Asia/Tokyo, UTC+09:00)" in deadlines
    assert "10:00–16:00 (giờ Asia/Tokyo, UTC+09:00)" in deadlines


@pytest.mark.parametrize("path", ["su-kien/cho-phien", "en/events/cho-phien"])
def test_a_cancelled_event_past_its_date_is_not_said_to_have_taken_place(site, path):
    root = document(site, path)
    assert not by_class(root, "sk-banner--past")  # nor can the page script show one
    assert "đã diễn ra" not in text_of(root) and "has ended" not in text_of(root)
    assert "Mưa lũ" in text_of(root)  # what became of it is said
    assert not by_class(root, "sk-add")


def test_an_uninvited_event_shows_no_deadline(site):
    [box] = by_class(document(site, "su-kien/khong-moi"), "sk-press")
    pairs = [(text_of(pair.find("dt")), text_of(pair.find("dd"))) for pair in by_class(box, "sk-pair")]
    assert [label for label, _ in pairs] == ["Mời báo chí", "Liên hệ báo chí"]
    assert pairs[0][1] == "Không" and not by_class(box, "sk-badge--closed")


def test_the_english_press_page_tells_the_changes_in_english(site):
    changes = text_of(section(document(site, "en/press"), "thay-doi"))
    assert "Spring poetry night: Cancelled: The culture house is under repair." in changes
    assert "Chợ phiên vùng cao: Cancelled: Mưa lũ" in changes  # no English given: the Vietnamese stays
    assert "Hủy sự kiện" not in changes
    vietnamese = text_of(section(document(site, "bao-chi"), "thay-doi"))
    assert "Đêm thơ xuân: Hủy sự kiện: Nhà văn hoá đang sửa chữa." in vietnamese
