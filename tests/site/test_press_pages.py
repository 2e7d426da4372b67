"""The press desk page and what event pages say once over, on a site built
by `sukien build` from the press tree (tests/presstree.py) with the clock
pinned (SUKIEN_NOW) the day after the press conference: its page says it
has ended and offers no "Thêm vào lịch", its deadline reads as closed; the
press page lists the invited events of the next 14 days in order, the open
deadlines soonest first, and is valid HTML whose every link resolves.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from contenttree import make_tree
from presstree import EVENTS

from conftest import build_pinned

NOW = "2026-03-11T12:00:00+07:00"  # the day after "Họp báo Tuần Văn hoá" (10/3, 09:00–10:30)
SITE_URL = "https://sukien.laichau.gov.vn/"


@pytest.fixture(scope="module")
def press_site(tmp_path_factory) -> Path:
    content = make_tree(tmp_path_factory.mktemp("press-content"), EVENTS)
    return build_pinned(content, tmp_path_factory.mktemp("press-built") / "site", NOW)


def document(site: Path, path: str):
    """The page parsed by html5lib in strict mode: a parse error fails."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse((site / path / "index.html").read_text(encoding="utf-8"))


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def by_class(root, name: str) -> list:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def shown(element) -> bool:
    return element.get("hidden") is None


# -- an ended event --------------------------------------------------------------

@pytest.mark.parametrize("path, words", [("su-kien/hop-bao", "Sự kiện đã diễn ra"),
                                         ("en/events/hop-bao", "This event has ended")])
def test_an_ended_event_says_so_and_offers_no_add_to_calendar(press_site, path, words):
    root = document(press_site, path)
    [banner] = by_class(root, "sk-banner--past")
    assert shown(banner) and words in text_of(banner)
    assert banner.get("data-sk-ends") == "2026-03-10T10:30:00+07:00"
    assert not by_class(root, "sk-add")
    assert not [e for e in root.iter() if (e.get("href") or "").endswith("hop-bao.ics")]  # no link, no <link>
    assert "Thêm vào lịch" not in text_of(root) and "Add to calendar" not in text_of(root)
    [closed] = by_class(root, "sk-badge--closed")
    assert shown(closed) and closed.get("data-sk-closes") == "2026-03-09T17:00:00+07:00"


def test_an_event_still_ahead_keeps_its_add_to_calendar_and_open_deadline(press_site):
    root = document(press_site, "su-kien/ngay-hoi")
    [banner] = by_class(root, "sk-banner--past")
    assert not shown(banner) and banner.get("data-sk-ends") == "2026-03-23T00:00:00+07:00"
    assert by_class(root, "sk-add")
    [mark] = by_class(root, "sk-badge--closed")
    assert not shown(mark) and mark.get("data-sk-closes") == "2026-03-16T00:00:00+07:00"
    deadline = next(e for e in root.iter("time") if e.get("datetime") == "2026-03-15")
    assert text_of(deadline) == "Chủ Nhật, 15/03/2026"


# -- the press page ------------------------------------------------------------

def section(root, anchor: str):
    return next(s for s in root.iter("section") if any(h.get("id") == anchor for h in s.iter("h2")))


def event_links(element) -> list[str]:
    return [a.get("href").strip("./").split("/")[-1] for a in element.iter("a")
            if "su-kien/" in (a.get("href") or "") or "events/" in (a.get("href") or "")]


def test_the_agenda_lists_the_invited_events_of_the_next_14_days_in_order(press_site):
    agenda = section(document(press_site, "bao-chi"), "lich-tac-nghiep")
    # 11/3 to 25/3: the festival (20/3) and the cancelled market (23/3), not the
    # conference that is over, nor the events the press is not invited to
    assert event_links(agenda) == ["ngay-hoi", "cho-phien"]
    days = [text_of(h) for h in agenda.iter("h3")]
    assert days == ["Thứ Sáu, 20/3/2026", "Thứ Hai, 23/3/2026"]
    text = text_of(agenda)
    assert "0213 3800 777" in text  # whom to call: the official contact, no press contact given
    assert "Đã hủy" in text  # the market is cancelled, and says so


def test_open_deadlines_soonest_first(press_site):
    deadlines = section(document(press_site, "bao-chi"), "han-dang-ky")
    # closed (the conference) and cancelled (the market) ones are not open
    assert event_links(deadlines) == ["ngay-hoi", "then-kin-pang"]
    assert [li.get("data-sk-until") for li in deadlines.iter("li")] == [
        "2026-03-16T00:00:00+07:00", "2026-04-20T11:00:00+07:00"]


def test_recent_changes_and_spokespeople(press_site):
    root = document(press_site, "bao-chi")
    changes = text_of(section(root, "thay-doi"))
    assert "Chợ phiên vùng cao: Hủy sự kiện: Mưa lũ" in changes  # announced already cancelled
    people = text_of(section(root, "nguoi-phat-ngon"))
    assert "Sở Văn hóa, Thể thao và Du lịch" in people and "UBND xã Khổng Lào" in people
    feeds = [a.get("href") for a in section(root, "nguon-tin").iter("a")]
    assert "webcal://sukien.laichau.gov.vn/feeds/bao-chi.ics" in feeds
    assert "../feeds/bao-chi.rss" in feeds and "../feeds/bao-chi.atom" in feeds


def test_the_english_press_page_is_in_english(press_site):
    root = document(press_site, "en/press")
    assert [text_of(h) for h in root.iter("h2")][:2] == ["Press agenda: the next 14 days",
                                                         "Accreditation deadlines still open"]
    assert event_links(section(root, "lich-tac-nghiep")) == ["ngay-hoi", "cho-phien"]
    assert "Friday, 20 March 2026" in text_of(root)


def test_menu_and_footer_link_the_press_page(press_site):
    for path, target in (("", "bao-chi/"), ("en/", "en/press/"), ("su-kien/hop-bao/", "bao-chi/")):
        root = document(press_site, path)
        found = [resolve(path, a.get("href")) for part in ("sk-nav", "sk-footer")
                 for container in by_class(root, part) for a in container.iter("a")]
        assert found.count(target) == 2, (path, found)


# -- valid HTML, links that resolve --------------------------------------------

def resolve(page: str, href: str) -> str | None:
    """The site path a link points to, None when it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        if not href.startswith(SITE_URL):
            return None
        return unquote(parts.path).lstrip("/")
    target = posixpath.normpath(posixpath.join(page or ".", unquote(parts.path))) if parts.path else page
    target = "" if target == "." else target
    return target + "/" if href.split("#")[0].endswith("/") and target else target


def exists(site: Path, path: str) -> bool:
    target = site / path
    return target.is_file() or (target / "index.html").is_file()


@pytest.mark.parametrize("path", ["bao-chi/", "en/press/", "su-kien/hop-bao/", "en/events/ngay-hoi/"])
def test_valid_html_unique_ids_and_every_link_resolves(press_site, path):
    root = document(press_site, path)  # strict: raises on any parse error
    ids = Counter(e.get("id") for e in root.iter() if e.get("id"))
    assert [name for name, count in ids.items() if count > 1] == []
    anchors = set(ids)
    checked = 0
    for element in root.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is None or value.startswith(("mailto:", "tel:", "webcal:", "geo:")):
                continue
            target = resolve(path, value)
            if target is None:
                continue
            assert exists(press_site, target), (path, value)
            fragment = urlsplit(value).fragment
            if fragment and target.rstrip("/") == path.rstrip("/"):
                assert fragment in anchors, (path, value)
            checked += 1
    assert checked > 20


def test_the_press_feeds_are_built_and_linked_for_autodiscovery(press_site):
    root = document(press_site, "bao-chi")
    feeds = {link.get("href") for link in root.iter("link") if link.get("rel") == "alternate"}
    assert {"../feeds/bao-chi.ics", "../feeds/bao-chi.rss", "../feeds/bao-chi.atom"} <= feeds
    for path in ("feeds/bao-chi.ics", "feeds/bao-chi.rss", "feeds/bao-chi.atom", "theo-doi/qr/bao-chi-ics.svg"):
        assert (press_site / path).is_file(), path
