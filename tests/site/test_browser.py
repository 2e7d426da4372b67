"""The built site in a real headless Chromium (Debian's chromium and
chromium-driver), served on 127.0.0.1.  The page clock is pinned to the
build's "now" so that the scripts see the same day as the build."""

from __future__ import annotations

import base64
import functools
import http.server
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs Debian's chromium and chromium-driver")

PINNED = "2026-04-20T03:00:00Z"  # SITE_NOW in UTC
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def origin(built_site):
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="sukien-chromium-")
    for flag in (*FLAGS, f"--user-data-dir={profile}", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    pin_clock(driver, PINNED)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def pin_clock(driver, when: str) -> None:
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": f"Date.now = function () {{ return Date.parse('{when}'); }};"})


def phone(driver, on: bool) -> None:
    if on:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def wait_for(condition, timeout: float = 5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out")


def css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def texts(driver, selector) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) { return e.textContent; })",
        selector)


def test_month_grid_marks_today_spans_days_and_is_keyboard_reachable(browser, origin):
    from selenium.webdriver.common.keys import Keys

    browser.get(origin + "lich/2026-04/")
    table = css(browser, "table.sk-month")[0]
    assert table.find_element("css selector", "caption").text == "Tháng 4 năm 2026"
    assert len(css(browser, "table.sk-month th[scope=col]")) == 7
    today = css(browser, "td[aria-current=date]")
    assert [cell.get_attribute("data-date") for cell in today] == ["2026-04-20"]
    spanned = [cell.get_attribute("data-date") for cell in css(browser, "td[data-date]")
               if cell.find_elements("css selector", "a[href*='tuan-van-hoa-2026']")]
    assert spanned == ["2026-04-24", "2026-04-25", "2026-04-26"]
    for _ in range(80):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        inside = browser.execute_script(
            "return !!arguments[0].closest('table.sk-month .sk-chip') && arguments[0].tagName === 'A'", focused)
        if inside:
            break
    else:
        raise AssertionError("no event of the grid is reachable with the keyboard")
    focused.send_keys(Keys.ENTER)
    wait_for(lambda: "/su-kien/" in browser.current_url)


def test_month_grid_on_a_phone_has_large_targets_and_readable_text(browser, origin):
    """On a phone a day with events is one large link to its events in the
    list; the events are bars; no text is smaller than 12 px; a long
    multi-day span never widens the page."""
    from selenium.webdriver.common.keys import Keys

    phone(browser, True)
    try:
        for month in ("lich/2026-04/", "lich/2026-05/", "en/calendar/2026-04/"):
            browser.get(origin + month)
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (month, overflow)
            sizes = browser.execute_script("""
                var small = [], targets = [];
                document.querySelectorAll('table.sk-month *').forEach(function (e) {
                  var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
                  if (own && e.getClientRects().length && !e.closest('.sk-sr')
                      && parseFloat(getComputedStyle(e).fontSize) < 12) { small.push(e.textContent); }
                });
                document.querySelectorAll('table.sk-month a').forEach(function (a) {
                  var r = a.getBoundingClientRect(), td = a.closest('td').getBoundingClientRect();
                  if (r.width || r.height) { targets.push([a.className, td.width, td.height, r.width, r.height]); }
                });
                return [small, targets];""")
            small, targets = sizes
            assert small == [], (month, small)
            assert targets and all(name == "sk-daylink" for name, *_ in targets), targets  # no event links shown
            assert all(w >= 24 and h >= 24 for _, w, h, *_ in targets), targets
        browser.get(origin + "lich/2026-04/")
        cell = css(browser, "td[data-date='2026-04-29']")[0]  # only the volunteer programme, begun on 23 April
        assert "(tiếp)" in cell.get_attribute("textContent")
        cell.click()
        wait_for(lambda: browser.current_url.endswith("#d-2026-04-23"))
        section = css(browser, "#d-2026-04-23")[0].find_element("xpath", "..")
        assert "tinh-nguyen-he" in section.get_attribute("innerHTML")
        browser.get(origin + "lich/2026-04/")
        for _ in range(80):
            browser.switch_to.active_element.send_keys(Keys.TAB)
            if browser.execute_script("return document.activeElement.className") == "sk-daylink":
                break
        else:
            raise AssertionError("no day of the grid is reachable with the keyboard")
    finally:
        phone(browser, False)


def test_month_grid_says_the_status_in_words(browser, origin):
    for url, word in (("lich/2026-04/", "(đã hủy)"), ("lich/2026-05/", "(hoãn)"),
                      ("en/calendar/2026-04/", "(cancelled)"), ("en/calendar/2026-05/", "(postponed)")):
        browser.get(origin + url)
        chips = texts(browser, "table.sk-month .sk-chip a")
        assert [c for c in chips if word in c], (url, word, chips)


def test_language_switch_goes_to_the_same_event_in_english_and_back(browser, origin):
    browser.get(origin + "su-kien/le-hoi-then-kin-pang/")
    switch = css(browser, "a.sk-lang")[0]
    assert switch.get_attribute("hreflang") == "en"
    switch.click()
    wait_for(lambda: browser.current_url.endswith("/en/events/le-hoi-then-kin-pang/"))
    assert browser.execute_script("return document.documentElement.lang") == "en"
    assert css(browser, "h1")[0].text == "Then Kin Pang Festival"
    css(browser, "a.sk-lang")[0].click()
    wait_for(lambda: browser.current_url.endswith("/su-kien/le-hoi-then-kin-pang/"))
    assert browser.execute_script("return document.documentElement.lang") == "vi"


def test_search_without_accents_finds_accented_titles(browser, origin):
    browser.get(origin + "su-kien/tuan-van-hoa-2026/")
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert not [name for name in loaded if "/search/" in name]  # nothing until one searches
    box = css(browser, "#sk-header-q")[0]
    box.send_keys("le hoi")
    box.submit()
    wait_for(lambda: "/tim-kiem/" in browser.current_url)
    titles = wait_for(lambda: texts(browser, "#sk-results .sk-card__title"))
    assert "Lễ hội Then Kin Pang" in titles
    assert "Lễ hội" in titles[0]  # title matches rank first
    query = css(browser, "#sk-q")[0]
    query.clear()
    query.send_keys("khong lao cho")
    wait_for(lambda: texts(browser, "#sk-results .sk-card__title") == ["Hội chợ nông sản Khổng Lào"])


def test_search_finds_what_is_on_now_though_it_began_last_year(browser, origin):
    """Seen on 2 January 2027, the New Year festival (30 December to
    2 January) is on now: found without asking for past events, and
    ranked before the events that are over."""
    pin_clock(browser, "2027-01-02T03:00:00Z")
    try:
        browser.get(origin + "tim-kiem/?q=khong+lao")
        titles = wait_for(lambda: texts(browser, "#sk-results .sk-card__title"))
        assert titles[0] == "Lễ hội đón năm mới Khổng Lào"
        browser.get(origin + "en/search/?q=new+year")
        wait_for(lambda: texts(browser, "#sk-results .sk-card__title") == ["Khong Lao New Year festival"])
        assert css(browser, "#sk-status")[0].text == "1 event"
    finally:
        pin_clock(browser, PINNED)


def test_add_to_calendar_links(browser, origin):
    browser.get(origin + "su-kien/le-hoi-then-kin-pang/")
    ics = css(browser, ".sk-add a[type='text/calendar']")[0].get_attribute("href")
    assert ics == origin + "su-kien/le-hoi-then-kin-pang.ics"
    text = browser.execute_async_script(
        "var done = arguments[1]; fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);", ics)
    assert text.startswith("BEGIN:VCALENDAR") and "Then Kin Pang" in text
    google = css(browser, ".sk-add a[data-cal=google]")[0].get_attribute("href")
    assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE")
    assert "dates=20260426T003000Z%2F20260426T103000Z" in google
    outlook = css(browser, ".sk-add a[data-cal=outlook]")[0].get_attribute("href")
    assert outlook.startswith("https://outlook.live.com/calendar/0/deeplink/compose?")


def test_cancelled_banner_is_shown_with_its_note(browser, origin):
    browser.get(origin + "su-kien/hoi-nghi-xuc-tien/")
    banner = css(browser, ".sk-banner--cancelled")[0]
    assert banner.is_displayed()
    assert "Sự kiện đã bị hủy." in banner.text and "trùng lịch" in banner.text
    assert css(browser, "h1 .sk-badge--cancelled")[0].text == "Đã hủy"


def test_home_hides_what_ended_since_the_build(browser, origin):
    pin_clock(browser, "2026-04-22T12:00:00Z")  # after the fair of 20-21 April
    try:
        browser.get(origin)
        now_on = css(browser, "[data-sk-section=now_on]")[0]
        assert not [c for c in now_on.find_elements("css selector", ".sk-card") if c.is_displayed()]
        assert not now_on.is_displayed()  # an empty section does not take the screen
    finally:
        pin_clock(browser, PINNED)


def test_only_this_host_is_contacted(browser, origin):
    for page in ("", "lich/2026-04/", "su-kien/le-hoi-then-kin-pang/", "theo-doi/"):
        browser.get(origin + page)
        names = browser.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
        assert all(name.startswith(origin) for name in names), names


def test_phone_shows_every_section_of_the_menu(browser, origin):
    phone(browser, True)
    try:
        for page in ("", "en/"):
            browser.get(origin + page)
            boxes = browser.execute_script(
                "return Array.from(document.querySelectorAll('.sk-nav a')).map(function (a) {"
                " var r = a.getBoundingClientRect(); return [a.textContent, r.left, r.right, r.height]; })")
            assert len(boxes) == 7
            assert all(left >= 0 and right <= 390 and height >= 24 for _, left, right, height in boxes), boxes
    finally:
        phone(browser, False)


@pytest.mark.parametrize("page", ["", "lich/2026-04/", "su-kien/le-hoi-then-kin-pang/", "theo-doi/", "bao-chi/",
                                  "en/events/hostile-markdown/"])
def test_phone_and_desktop_layouts(browser, origin, page, tmp_path):
    """Screenshots at 390 px and 1280 px (kept when SUKIEN_SCREENSHOTS names
    a folder); on the phone nothing may overflow sideways."""
    keep = os.environ.get("SUKIEN_SCREENSHOTS")
    name = page.strip("/").replace("/", "_") or "home"
    for width, is_phone in ((390, True), (1280, False)):
        phone(browser, is_phone)
        try:
            browser.get(origin + page)
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (page, width, overflow)
            shot = (Path(keep) if keep else tmp_path) / f"{name}-{width}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            assert browser.save_screenshot(str(shot))
            assert shot.read_bytes().startswith(b"\x89PNG")
        finally:
            phone(browser, False)


# -- the press box and what the page script corrects between builds ------------

PRESS_BOX = ("return Array.from(document.querySelectorAll('.sk-press .sk-pair')).map(function (pair) {"
             " var t = pair.querySelector('dt').getBoundingClientRect(),"
             " d = pair.querySelector('dd').getBoundingClientRect();"
             " return [pair.querySelector('dt').textContent, t.left, t.top, t.right, t.bottom, d.left, d.top]; })")


@pytest.mark.parametrize("width", [320, 390, 768, 1280, 1920])
def test_press_box_labels_sit_beside_or_above_their_own_values(browser, origin, width, tmp_path):
    """Every label of the press box (the note's too) shares its row with its
    value on a wide screen and sits directly above it on a phone."""
    is_phone = width < 720  # the layout's breakpoint, 45em
    if is_phone:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    else:
        browser.set_window_size(width, 1000)
    try:
        browser.get(origin + "su-kien/le-hoi-then-kin-pang/")
        pairs = browser.execute_script(PRESS_BOX)
        labels = [pair[0] for pair in pairs]
        assert labels == ["Mời báo chí", "Hạn đăng ký tác nghiệp", "Liên hệ báo chí", "Ghi chú cho báo chí", "Văn bản"]
        for label, t_left, t_top, t_right, t_bottom, d_left, d_top in pairs:
            if is_phone:
                assert abs(t_left - d_left) < 1 and 0 <= d_top - t_bottom < 12, (width, label)
            else:
                assert abs(t_top - d_top) < 2 and t_right <= d_left, (width, label)
        keep = os.environ.get("SUKIEN_SCREENSHOTS")
        if width in (390, 1280):
            browser.execute_script("document.querySelector('.sk-press').scrollIntoView()")
            shot = (Path(keep) if keep else tmp_path) / f"press-box-{width}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            assert browser.save_screenshot(str(shot))
    finally:
        phone(browser, False)
        browser.set_window_size(1280, 900)


def visible(browser, selector: str) -> list[bool]:
    return browser.execute_script(
        f"return Array.from(document.querySelectorAll({selector!r})).map(function (e) {{"
        " return e.getClientRects().length > 0; })")


def test_the_page_script_says_ended_and_closed_between_builds(browser, origin):
    # as built (20/4): the festival week (24–26/4) is ahead, Then Kin Pang's deadline (23/4) open
    browser.get(origin + "su-kien/tuan-van-hoa-2026/")
    assert visible(browser, ".sk-banner--past") == [False] and visible(browser, ".sk-add") == [True]
    browser.get(origin + "su-kien/le-hoi-then-kin-pang/")
    assert visible(browser, ".sk-badge--closed") == [False]
    later = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": "Date.now = function () { return Date.parse('2026-04-28T00:00:00Z'); };"})
    try:
        browser.get(origin + "su-kien/tuan-van-hoa-2026/")
        assert visible(browser, ".sk-banner--past") == [True] and visible(browser, ".sk-add") == [False]
        assert "Sự kiện đã diễn ra" in browser.find_element("css selector", ".sk-banner--past").text
        browser.get(origin + "su-kien/le-hoi-then-kin-pang/")
        assert visible(browser, ".sk-badge--closed") == [True]
        assert visible(browser, ".sk-banner--past") == [False]  # a series: next year is ahead
        browser.get(origin + "bao-chi/")
        deadlines = browser.find_element("css selector", "#han-dang-ky").find_element("xpath", "..")
        assert "Không có hạn đăng ký nào còn mở." in deadlines.text
        agenda = browser.find_element("css selector", "#lich-tac-nghiep").find_element("xpath", "..")
        assert "Lễ hội Then Kin Pang" not in agenda.text  # 26/4 is over by 28/4
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": later["identifier"]})


def test_the_press_page_prints_without_menu_or_buttons_and_with_links_written_out(browser, origin):
    browser.get(origin + "bao-chi/")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert visible(browser, ".sk-header") == [False] and visible(browser, ".sk-footer") == [False]
        assert not any(visible(browser, ".sk-button"))
        assert visible(browser, ".sk-qr") and all(visible(browser, ".sk-qr"))  # paper can be scanned
        written = browser.execute_script(
            "var a = document.querySelector('#lich-tac-nghiep').parentNode.querySelector('a[data-print]');"
            " return [a.getAttribute('data-print'), getComputedStyle(a, '::after').content];")
        assert written[0] == "https://sukien.laichau.gov.vn/su-kien/le-hoi-then-kin-pang/"
        assert written[0] in written[1]
        pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
        assert set(re.findall(rb"/MediaBox \[0 0 (\d+)\.?\d* (\d+)\.?\d*\]", pdf)) == {(b"594", b"841")}  # A4
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
