"""The tourist's pages in headless Chromium, on content trees generated
for the purpose (tests/site/touristtree.py) with the page clock pinned to
the build's: the first screen of a phone, search, the month filters,
sharing."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading

import pytest

from test_browser import CHROMEDRIVER, CHROMIUM, _Quiet, browser, css, phone, pin_clock, texts, wait_for  # noqa: F401
from touristtree import NOW, build_tree, few_events, many_events

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs Debian's chromium and chromium-driver")
PINNED = dt.datetime.fromisoformat(NOW).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _serve(site):
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def origins(tmp_path_factory):
    servers, found = [], {}
    for name, events in (("many", many_events()), ("few", few_events())):
        server, origin = _serve(build_tree(tmp_path_factory.mktemp(name), events))
        servers.append(server)
        found[name] = origin
    yield found
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def clock(browser):  # noqa: F811
    pin_clock(browser, PINNED)
    yield browser


@pytest.mark.parametrize("tree", ["many", "few"])
@pytest.mark.parametrize("page", ["", "en/"])
def test_a_phone_shows_two_event_cards_on_the_first_screen(clock, origins, tree, page):
    phone(clock, True)
    try:
        clock.get(origins[tree] + page)
        tops = clock.execute_script(
            "return Array.from(document.querySelectorAll('.sk-card')).filter(function (c) {"
            " return c.getClientRects().length; }).map(function (c) { return c.getBoundingClientRect().top; })")
        height = clock.execute_script("return window.innerHeight")
        assert height == 844
        assert len([top for top in tops if 0 <= top < height]) >= 2, tops
        empty = clock.execute_script(
            "return Array.from(document.querySelectorAll('.sk-empty')).filter(function (e) {"
            " return e.getClientRects().length; }).length")
        assert empty == 0  # no "no events" section takes the screen
        first = css(clock, ".sk-card")[0]
        badge = first.find_element("css selector", ".sk-date")
        assert badge.find_element("css selector", ".sk-date__day").text.isdigit()
        more = css(clock, "a[href$='sap-toi/'], a[href$='upcoming/']")
        assert more and more[0].is_displayed()
    finally:
        phone(clock, False)


def test_home_cards_show_thumbnails_loaded_lazily_from_this_host(clock, origins):
    clock.get(origins["many"])
    thumbs = css(clock, ".sk-card img.sk-card__thumb")
    assert thumbs
    assert all(t.get_attribute("loading") == "lazy" and "/media/thumbs/" in t.get_attribute("src") for t in thumbs)
    names = clock.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert all(name.startswith(origins["many"]) for name in names), names


def test_search_ranks_what_is_ahead_first_and_hides_what_ended_unless_asked(clock, origins):
    """'hoat dong' matches events that ended before NOW and events ahead."""
    clock.get(origins["many"] + "tim-kiem/?q=hoat+dong")
    titles = wait_for(lambda: texts(clock, "#sk-results .sk-card__title"))
    ended = wait_for(lambda: True) and css(clock, "#sk-results .sk-card--ended")
    assert not ended  # without "Tìm cả sự kiện đã qua", nothing that has ended
    assert "Hoạt động số 0 của Nhà văn hóa xã Sìn Hồ" not in titles  # 20 August: over
    assert "Hoạt động số 10 của Hội trường xã" in titles  # 9 October: ahead
    css(clock, "#sk-past")[0].click()
    wait_for(lambda: css(clock, "#sk-results .sk-card--ended"))
    cards = clock.execute_script(
        "return Array.from(document.querySelectorAll('#sk-results .sk-card')).map(function (c) {"
        " return [c.querySelector('.sk-card__title').textContent, c.classList.contains('sk-card--ended'),"
        " (c.querySelector('.sk-badge--ended') || {}).textContent || '']; })")
    flags = [is_ended for _, is_ended, _ in cards]
    assert True in flags and False in flags
    assert flags == sorted(flags)  # every upcoming one before every ended one
    assert all(word == "Đã kết thúc" for _, is_ended, word in cards if is_ended)
    assert "Hoạt động số 0 của Nhà văn hóa xã Sìn Hồ" in [title for title, _, _ in cards]


def test_search_results_show_the_lunar_date_of_lunar_festivals(clock, origins):
    clock.get(origins["many"] + "tim-kiem/?q=xip+xi")
    wait_for(lambda: texts(clock, "#sk-results .sk-card__title"))
    assert texts(clock, "#sk-results .sk-card__lunar") == ["Ngày 14–15 tháng 7 âm lịch"]
    assert texts(clock, "#sk-results .sk-date__lunar") == ["14/7 ÂL"]  # the badge, as on every card


def test_month_filters_work_without_a_reload(clock, origins):
    from selenium.webdriver.support.ui import Select

    clock.get(origins["many"] + "lich/2026-10/")
    clock.execute_script("window.skNotReloaded = true;")
    day = css(clock, "#d-2026-10-09")[0].find_element("xpath", "..")
    assert len(day.find_elements("css selector", ".sk-card")) == 2  # a sport and a food market
    select = Select(css(clock, "#sk-filter-category")[0])
    select.select_by_visible_text("Thể thao")
    shown = clock.execute_script(
        "return Array.from(document.querySelectorAll('.sk-days .sk-card')).filter(function (c) {"
        " return c.getClientRects().length; }).map(function (c) { return c.getAttribute('data-category'); })")
    assert shown and set(shown) == {"the-thao"}
    assert [c.is_displayed() for c in day.find_elements("css selector", ".sk-card")].count(True) == 1
    chips = clock.execute_script(
        "return Array.from(document.querySelectorAll('.sk-chip')).filter(function (c) {"
        " return !c.hidden; }).map(function (c) { return c.getAttribute('data-category'); })")
    assert set(chips) == {"the-thao"}
    Select(css(clock, "#sk-filter-area")[0]).select_by_visible_text("Xã Sìn Hồ")
    none = css(clock, ".sk-filter__none")[0]
    visible = clock.execute_script(
        "return document.querySelectorAll('.sk-days .sk-card:not([hidden])').length")
    assert none.is_displayed() == (visible == 0)
    assert clock.execute_script("return window.skNotReloaded === true")


def test_share_buttons_appear_only_where_the_browser_can(clock, origins):
    url = origins["many"] + "su-kien/ngay-hoi-am-thuc-en/"
    clock.get(url)
    native = css(clock, "[data-share=native]")[0]
    assert not native.is_displayed()  # headless Chromium on Linux has no share sheet
    assert css(clock, "a[href*='facebook.com/sharer']")[0].is_displayed()
    clock.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "navigator.share = function (data) { window.skShared = data; return Promise.resolve(); };")})
    clock.get(url)
    native = css(clock, "[data-share=native]")[0]
    assert native.is_displayed()
    native.click()
    shared = wait_for(lambda: clock.execute_script("return window.skShared"))
    assert shared["url"] == "https://sukien.laichau.gov.vn/su-kien/ngay-hoi-am-thuc-en/"
    assert shared["title"] == "Ngày hội ẩm thực Sìn Hồ"
    copy = css(clock, "[data-share=copy]")[0]
    assert copy.is_displayed()  # 127.0.0.1 is a secure context with a clipboard


def test_a_stale_home_page_marks_what_ended_instead_of_emptying(clock, origins):
    """Two months after the build (the nightly rebuild has failed), every
    card is over: they stay, marked, and the first screen is not empty."""
    pin_clock(clock, "2027-02-01T03:00:00Z")
    phone(clock, True)
    try:
        clock.get(origins["few"])
        cards = [c for c in css(clock, ".sk-card") if c.is_displayed()]
        assert len(cards) >= 2
        assert all("sk-card--ended" in c.get_attribute("class") for c in cards)
        assert all(c.find_element("css selector", ".sk-badge--ended").text == "Đã kết thúc" for c in cards)
    finally:
        phone(clock, False)


def test_english_search_results_mark_what_is_in_vietnamese_as_the_cards_do(clock, origins):
    clock.get(origins["many"] + "en/search/?q=hoat+dong+10")
    wait_for(lambda: texts(clock, "#sk-results .sk-card__title"))
    (card,) = clock.execute_script(
        "return Array.from(document.querySelectorAll('#sk-results .sk-card')).map(function (c) {"
        " return [c.querySelector('.sk-card__title').getAttribute('lang'),"
        " Array.from(c.querySelectorAll('.sk-card__meta [lang=vi]')).map(function (e) { return e.textContent; }),"
        " c.querySelector('.sk-card__meta').textContent,"
        " c.querySelector('.sk-card__summary').getAttribute('lang'),"
        " Array.from(c.querySelectorAll('.sk-badge')).map(function (b) { return b.textContent; })]; })")
    title_lang, vietnamese_places, meta, summary_lang, badges = card
    assert title_lang == "vi" and summary_lang == "vi" and "in Vietnamese" in badges
    assert vietnamese_places == ["Hội trường xã"]  # the place only, not the area's English name
    assert meta.split(" · ", 1)[1] == "Hội trường xã, Xã Tam Đường · Sports", meta
    clock.get(origins["many"] + "en/search/?q=food+festival")
    wait_for(lambda: texts(clock, "#sk-results .sk-card__title"))
    marked = clock.execute_script("return document.querySelectorAll('#sk-results [lang=vi]').length")
    assert texts(clock, "#sk-results .sk-card__title") == ["Sin Ho food festival"] and marked == 0
