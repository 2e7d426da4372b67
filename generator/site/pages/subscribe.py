"""The subscribe page (``theo-doi/``): every feed, how to add it on each
device, and a QR code per feed (the SVG files are made by :func:`qr_files`)."""

from __future__ import annotations

from . import links
from .. import urls
from .context import Ctx
from .lists import KINDS, name_of, qr_path, registry
from .markup import block, el, esc, link
from .page import Page
from .qr import feed_target, qr_svg

# key, site path, MIME type, Vietnamese title, English title
MAIN_FEEDS = (
    ("events", urls.EVENTS_ICS, "text/calendar",
     "Tất cả sự kiện (lịch iCalendar)", "All events (iCalendar)"),
    ("rss", urls.EVENTS_RSS, "application/rss+xml",
     "Sự kiện mới công bố (RSS)", "Newly announced events (RSS)"),
    ("atom", urls.EVENTS_ATOM, "application/atom+xml",
     "Sự kiện mới công bố (Atom)", "Newly announced events (Atom)"),
    ("updates", urls.UPDATES_ATOM, "application/atom+xml",
     "Thay đổi: hoãn, hủy, đổi giờ, đổi địa điểm (Atom)",
     "Changes: postponed, cancelled, new times and places (Atom)"),
    ("json", urls.EVENTS_JSON, "application/feed+json", "JSON Feed", "JSON Feed"),
)
COLLAPSED = ("area", "unit")  # kinds whose list of feeds opens on demand

_HOWTO = {
    "vi": (
        ("Android (Google Lịch)", (
            "Bấm nút <b>Thêm vào Google Lịch</b> ở mục <a href=\"#nguon-chinh\">Các nguồn chính</a> phía trên (mở bằng trình duyệt, đăng nhập tài khoản Google) rồi chọn <b>Thêm</b>.",
            "Hoặc trên máy tính: vào calendar.google.com, mục <b>Lịch khác</b> → <b>Từ URL</b>, dán địa chỉ lịch (https://…/feeds/events.ics).",
            "Lịch mới sẽ tự đồng bộ sang ứng dụng Google Lịch trên điện thoại (bật lịch đó trong phần Cài đặt của ứng dụng nếu chưa thấy).",
        )),
        ("iPhone, iPad (Lịch)", (
            "Bấm liên kết <b>webcal://</b> ở mục <a href=\"#nguon-chinh\">Các nguồn chính</a> phía trên hoặc quét mã QR ở đó bằng Camera, rồi chọn <b>Đăng ký</b>.",
            "Hoặc: Cài đặt → Lịch → Tài khoản → Thêm tài khoản → Khác → <b>Thêm lịch đã đăng ký</b>, dán địa chỉ lịch.",
        )),
        ("Outlook", (
            "Outlook.com: Lịch → <b>Thêm lịch</b> → <b>Đăng ký từ web</b>, dán địa chỉ lịch, đặt tên rồi Nhập.",
            "Outlook trên máy tính: Trang chủ → Thêm lịch → <b>Từ Internet</b>, dán địa chỉ lịch.",
        )),
        ("Thunderbird", (
            "Lịch → <b>Lịch mới</b> → <b>Trên mạng</b>, dán địa chỉ lịch (định dạng iCalendar/ICS), chọn Tìm lịch rồi Đăng ký.",
        )),
        ("Trình đọc tin RSS", (
            "Dán địa chỉ RSS hoặc Atom vào trình đọc tin (Feedly, Inoreader, NetNewsWire, Thunderbird…).",
            "Nguồn <b>Thay đổi</b> báo mỗi khi sự kiện bị hoãn, hủy, đổi giờ hoặc đổi địa điểm: dành cho báo chí.",
        )),
    ),
    "en": (
        ("Android (Google Calendar)", (
            "Tap <b>Add to Google Calendar</b> in <a href=\"#main-feeds\">Main feeds</a> above (opens in the browser, signed in to Google) and choose <b>Add</b>.",
            "Or on a computer: open calendar.google.com, <b>Other calendars</b> → <b>From URL</b>, and paste the calendar address (https://…/feeds/events.ics).",
            "The calendar then syncs to the Google Calendar app on the phone (turn it on in the app's settings if it does not show).",
        )),
        ("iPhone, iPad (Calendar)", (
            "Tap the <b>webcal://</b> link in <a href=\"#main-feeds\">Main feeds</a> above or scan its QR code with the Camera, then choose <b>Subscribe</b>.",
            "Or: Settings → Calendar → Accounts → Add Account → Other → <b>Add Subscribed Calendar</b>, and paste the address.",
        )),
        ("Outlook", (
            "Outlook.com: Calendar → <b>Add calendar</b> → <b>Subscribe from web</b>, paste the address, name it and Import.",
            "Outlook on a computer: Home → Add Calendar → <b>From Internet</b>, and paste the address.",
        )),
        ("Thunderbird", (
            "Calendar → <b>New Calendar</b> → <b>On the Network</b>, paste the address (iCalendar/ICS), Find Calendars, Subscribe.",
        )),
        ("RSS readers", (
            "Paste the RSS or Atom address into a feed reader (Feedly, Inoreader, NetNewsWire, Thunderbird…).",
            "The <b>Changes</b> feed tells when an event is postponed, cancelled, moved or retimed: made for the press.",
        )),
    ),
}


def qr_img(ctx: Ctx, path: str, label: str, size: int = 148) -> str:
    return (f'<img src="{esc(ctx.link(path))}" alt="{esc(label)}" width="{size}" height="{size}"'
            ' loading="lazy" class="sk-qr">')


def subscribe_page(ctx: Ctx) -> Page:
    url = urls.section(ctx.lang, "subscribe")
    ctx = ctx.at(url)
    vi = ctx.lang == "vi"
    title = "Theo dõi lịch sự kiện" if vi else "Subscribe to the calendar"
    intro = ("Đăng ký một lần, lịch trên điện thoại hoặc máy tính tự cập nhật khi sự kiện thay đổi, bị hoãn hoặc hủy."
             if vi else "Subscribe once: your phone or computer calendar then updates itself when an event changes, "
             "is postponed or cancelled.")
    body = block(
        el("h1", esc(title)),
        el("p", esc(intro), class_="sk-lead"),
        el("h2", esc("Các nguồn chính" if vi else "Main feeds"), id="nguon-chinh" if vi else "main-feeds"),
        _main_feeds(ctx),
        el("h2", esc("Hướng dẫn theo thiết bị" if vi else "Step by step, per device"), id="huong-dan" if vi else "how-to"),
        "\n".join(el("section", el("h3", esc(name)) + el("ol", "".join(el("li", step) for step in steps)))
                  for name, steps in _HOWTO[ctx.lang]),
        *[_kind_table(ctx, kind) for kind in KINDS],
        el("p", f"{esc('Dữ liệu mở cho cổng thông tin và ứng dụng:' if vi else 'Open data for portals and apps:')} "
           + link(ctx.link(urls.OPEN_DATA), urls.OPEN_DATA, type="application/json")),
    )
    return Page(url=url, lang=ctx.lang, title=title, description=intro, body=body,
                alternate=urls.section(urls.other(ctx.lang), "subscribe"))


def _main_feeds(ctx: Ctx) -> str:
    rows = []
    for key, path, kind, vi, en in MAIN_FEEDS:
        name = vi if ctx.lang == "vi" else en
        actions = []
        if path.endswith(".ics"):
            webcal = urls.webcal(ctx.config.site_url, path)
            actions.append(link(webcal, esc(webcal), class_="sk-url"))
            label = "Thêm vào Google Lịch" if ctx.lang == "vi" else "Add to Google Calendar"
            actions.append(link(links.google_subscribe(webcal), esc(label), rel="noopener", class_="sk-button"))
        address = urls.absolute(ctx.config.site_url, path)
        actions.append(link(ctx.link(path), esc(address), type=kind, class_="sk-url"))
        qr_label = ("Mã QR: " if ctx.lang == "vi" else "QR code: ") + name
        rows.append(el("section", el("h3", esc(name)) + el("ul", "".join(el("li", a) for a in actions))
                       + qr_img(ctx, urls.qr(key), qr_label), class_="sk-feed"))
    return el("div", "\n".join(rows), class_="sk-feeds")


def _kind_table(ctx: Ctx, kind: str) -> str:
    heading = {"category": ("Theo chủ đề", "By category"), "area": ("Theo địa bàn", "By area"),
               "unit": ("Theo đơn vị", "By organiser")}[kind][ctx.lang == "en"]
    noun = {"category": ("chủ đề", "categories"), "area": ("địa bàn", "areas"),
            "unit": ("đơn vị", "organisers")}[kind][ctx.lang == "en"]
    rows = []
    for entry in registry(ctx, kind):
        path = urls.feed(kind, entry.id)
        name = name_of(ctx, kind, entry.id)
        webcal = urls.webcal(ctx.config.site_url, path)
        qr = el("details", el("summary", "QR") + qr_img(ctx, qr_path(kind, entry.id), f"QR: {name}"), class_="sk-more")
        cells = (el("th", link(ctx.link(urls.item(ctx.lang, kind, entry.id)), esc(name)), scope="row")
                 + el("td", link(webcal, "webcal") + " · " + link(ctx.link(path), ".ics", type="text/calendar"))
                 + el("td", qr))
        rows.append(el("tr", cells))
    table = el("div", el("table", el("tbody", "\n".join(rows)), class_="sk-feedtable"), class_="sk-scroll")
    if kind in COLLAPSED:  # long lists: the page stays short until asked
        shown = f"Xem {len(rows)} {noun}" if ctx.lang == "vi" else f"Show all {len(rows)} {noun}"
        table = el("details", el("summary", esc(shown)) + table, class_="sk-more")
    return el("section", el("h2", esc(heading)) + table)


def qr_files(ctx: Ctx) -> dict[str, bytes]:
    """Every feed's QR code, by site path."""
    site = ctx.config.site_url
    files = {urls.qr(key): qr_svg(feed_target(site, path), f"QR {path}")
             for key, path, *_ in MAIN_FEEDS}
    for kind in KINDS:
        for entry in registry(ctx, kind):
            path = urls.feed(kind, entry.id)
            files[qr_path(kind, entry.id)] = qr_svg(feed_target(site, path), f"QR {path}")
    return files
