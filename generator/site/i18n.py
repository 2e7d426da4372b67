"""Words and date formats of the two languages of the site.

Vietnamese dates read "Thứ Bảy, 26/4/2026" (day/month without leading
zeros, the weekday capitalised); English ones "Saturday, 26 April 2026".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.occurrence import LunarDay

from ..model.event import DEFAULT_TIMEZONE, When

LANGS = ("vi", "en")

WEEKDAYS = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WEEKDAYS_SHORT = {
    "vi": ("T2", "T3", "T4", "T5", "T6", "T7", "CN"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS_SHORT_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)

PROVINCE = "Lai Châu"  # the province, in both languages (maps' queries, structured data)

_TEXT = {
    "site": ("Sự kiện Lai Châu", "Lai Châu Events"),
    "tagline": (
        "Lịch sự kiện, lễ hội và hoạt động chính thức của tỉnh Lai Châu",
        "Official calendar of events and festivals in Lai Châu province, Vietnam",
    ),
    "all_day": ("cả ngày", "all day"),
    "when": ("Thời gian", "When"),
    "where": ("Địa điểm", "Where"),
    "online": ("Trực tuyến", "Online"),
    "online_link": ("Xem trực tuyến", "Watch online"),
    "price": ("Giá vé", "Price"),
    "organizer": ("Đơn vị tổ chức", "Organiser"),
    "co_organizers": ("Phối hợp", "Co-organisers"),
    "contact": ("Liên hệ chính thức", "Official contact"),
    "map": ("Xem bản đồ (OpenStreetMap)", "View map (OpenStreetMap)"),
    "map_other": ("Bản đồ của đơn vị", "Organiser's map"),
    "coordinates": ("Tọa độ", "Coordinates"),
    "add": ("Thêm vào lịch", "Add to calendar"),
    "add_ics": ("Tệp lịch (.ics) cho điện thoại, Outlook, Thunderbird",
                "Calendar file (.ics) for phones, Outlook, Thunderbird"),
    "add_google": ("Google Lịch", "Google Calendar"),
    "add_outlook": ("Outlook.com", "Outlook.com"),
    "about": ("Giới thiệu", "About"),
    "schedule": ("Chương trình", "Programme"),
    "time": ("Giờ", "Time"),
    "item": ("Nội dung", "Item"),
    "updates": ("Cập nhật", "Updates"),
    "image_link": ("Xem ảnh", "View image"),
    "photo": ("Ảnh", "Photo"),
    "press": ("Dành cho báo chí", "For the press"),
    "press_invited": ("Mời báo chí", "Press invited"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "accreditation": ("Hạn đăng ký tác nghiệp", "Accreditation deadline"),
    "press_contact": ("Liên hệ báo chí", "Press contact"),
    "press_note": ("Ghi chú cho báo chí", "Note for the press"),
    "deadline_closed": ("Đã hết hạn đăng ký", "Closed"),
    "deadline_for_year": ("cho lần tổ chức năm {year}", "for the {year} edition"),
    "deadline_entry": ("Hạn đăng ký tác nghiệp: {title}", "Accreditation deadline: {title}"),
    "banner_past": ("Sự kiện đã diễn ra.", "This event has ended."),
    "press_title": ("Dành cho báo chí", "For the press"),
    "press_desk_link": ("Lịch tác nghiệp, hạn đăng ký và nguồn tin cho báo chí",
                        "The press desk: agenda, deadlines and feeds"),
    "press_lead": (
        "Lịch tác nghiệp, hạn đăng ký, thay đổi và đầu mối liên hệ của các sự kiện mời báo chí tại tỉnh Lai Châu.",
        "The agenda, accreditation deadlines, changes and contacts of the events in Lai Châu province "
        "to which the press is invited.",
    ),
    "press_agenda": ("Lịch tác nghiệp 14 ngày tới", "Press agenda: the next 14 days"),
    "press_deadlines": ("Hạn đăng ký tác nghiệp còn mở", "Accreditation deadlines still open"),
    "press_changes": ("Thay đổi gần đây: hoãn, hủy, đổi giờ, đổi địa điểm",
                      "Recent changes: postponed, cancelled, moved"),
    "press_feeds": ("Nguồn tin cho báo chí", "Press feeds"),
    "spokespeople": ("Người phát ngôn và đầu mối liên hệ của các đơn vị", "Official spokespeople and contacts"),
    "no_press_events": ("Không có sự kiện mời báo chí trong 14 ngày tới.",
                        "No event the press is invited to in the next 14 days."),
    "no_deadlines": ("Không có hạn đăng ký nào còn mở.", "No accreditation deadline is open."),
    "no_changes": ("Chưa có thay đổi nào.", "No changes yet."),
    "all_changes": ("Tất cả thay đổi (Atom)", "Every change (Atom)"),
    "feed_press_ics": ("Lịch sự kiện mời báo chí, kèm hạn đăng ký (iCalendar)",
                       "Events the press is invited to, with deadlines (iCalendar)"),
    "feed_press_rss": ("Sự kiện mời báo chí (RSS)", "Events the press is invited to (RSS)"),
    "feed_press_atom": ("Sự kiện mời báo chí (Atom)", "Events the press is invited to (Atom)"),
    "document": ("Văn bản", "Official document"),
    "dated": ("ngày", "dated"),
    "read_document": ("Xem văn bản", "Read the document"),
    "links": ("Liên kết", "Links"),
    "coverage": ("Báo chí đưa tin", "Press coverage"),
    "tags": ("Thẻ", "Tags"),
    "share": ("Chia sẻ", "Share"),
    "share_email": ("Thư điện tử", "E-mail"),
    "series": ("Các năm tổ chức", "Every year"),
    "neighbours": ("Cùng chủ đề", "In the same category"),
    "previous": ("Trước", "Previous"),
    "next": ("Sau", "Next"),
    "published": ("Đăng ngày", "Published"),
    "modified": ("cập nhật", "updated"),
    "untranslated": (
        "Sự kiện này chưa có bản dịch.",
        "This event has not been translated yet; its details are shown in Vietnamese.",
    ),
    "untranslated_short": ("chưa dịch", "in Vietnamese"),
    "confirmed": ("", ""),
    "tentative": ("Dự kiến", "Tentative"),
    "postponed": ("Hoãn", "Postponed"),
    "cancelled": ("Đã hủy", "Cancelled"),
    "mark_cancelled": ("[ĐÃ HỦY]", "[CANCELLED]"),
    "mark_postponed": ("[HOÃN]", "[POSTPONED]"),
    "banner_tentative": ("Thời gian dự kiến, có thể thay đổi.",
                         "Tentative: the date may still change."),
    "banner_postponed": ("Sự kiện đã được hoãn.", "This event has been postponed."),
    "banner_cancelled": ("Sự kiện đã bị hủy.", "This event has been cancelled."),
    "banner_year_tentative": ("Năm {year}: thời gian dự kiến, có thể thay đổi.",
                              "{year}: tentative, the date may still change."),
    "banner_year_postponed": ("Năm {year}: sự kiện đã được hoãn.", "The {year} edition has been postponed."),
    "banner_year_cancelled": ("Năm {year}: sự kiện đã bị hủy.", "The {year} edition has been cancelled."),
    "calendar": ("Lịch", "Calendar"),
    "calendar_title": ("Lịch sự kiện", "Event calendar"),
    "month_events": ("Sự kiện trong tháng", "Events this month"),
    "no_events": ("Không có sự kiện.", "No events."),
    "all_months": ("Tất cả các tháng", "All months"),
    "this_month": ("Tháng này", "This month"),
    "continued": ("tiếp", "continued"),
    "now_on": ("Đang diễn ra", "On now"),
    "coming": ("Sắp tới", "Coming up"),
    "featured": ("Lễ hội nổi bật", "Featured festivals"),
    "categories": ("Chủ đề", "Categories"),
    "areas": ("Địa bàn", "Areas"),
    "units": ("Đơn vị", "Organisers"),
    "subscribe": ("Theo dõi", "Subscribe"),
    "subscribe_title": ("Theo dõi lịch sự kiện", "Subscribe to the calendar"),
    "subscribe_intro": (
        "Đăng ký một lần, lịch trên điện thoại hoặc máy tính tự cập nhật khi sự kiện thay đổi, bị hoãn hoặc hủy.",
        "Subscribe once: your phone or computer calendar then updates itself when an event changes, "
        "is postponed or cancelled.",
    ),
    "main_feeds": ("Các nguồn chính", "Main feeds"),
    "howto_title": ("Hướng dẫn theo thiết bị", "Step by step, per device"),
    "open_data": ("Dữ liệu mở cho cổng thông tin và ứng dụng:", "Open data for portals and apps:"),
    "feed_events": ("Tất cả sự kiện (lịch iCalendar)", "All events (iCalendar)"),
    "feed_rss": ("Sự kiện mới công bố (RSS)", "Newly announced events (RSS)"),
    "feed_atom": ("Sự kiện mới công bố (Atom)", "Newly announced events (Atom)"),
    "feed_updates": ("Thay đổi: hoãn, hủy, đổi giờ, đổi địa điểm (Atom)",
                     "Changes: postponed, cancelled, new times and places (Atom)"),
    "feed_json": ("Sự kiện mới công bố (JSON Feed)", "Newly announced events (JSON Feed)"),
    "feeds_by_category": ("Theo chủ đề", "By category"),
    "feeds_by_area": ("Theo địa bàn", "By area"),
    "feeds_by_unit": ("Theo đơn vị", "By organiser"),
    "show_all_category": ("Xem {count} chủ đề", "Show all {count} categories"),
    "show_all_area": ("Xem {count} địa bàn", "Show all {count} areas"),
    "show_all_unit": ("Xem {count} đơn vị", "Show all {count} organisers"),
    "qr_code": ("Mã QR", "QR code"),
    # -- the theme's frame (generator/site/frame.py writes them for the templates)
    "frame_skip": ("Chuyển đến nội dung chính", "Skip to the main content"),
    "frame_menu": ("Mục chính", "Main menu"),
    "frame_quick_search": ("Tìm nhanh", "Quick search"),
    "frame_switch": ("English", "Tiếng Việt"),
    "frame_switch_label": ("Xem bằng tiếng Anh", "Xem bằng tiếng Việt"),
    "frame_open_data": ("Dữ liệu mở", "Open data"),
    "frame_press": ("Báo chí", "Press"),
    "frame_press_desk": ("Dành cho báo chí", "For the press"),
    "frame_footer": (
        "Trang lịch sự kiện chính thức của tỉnh Lai Châu. Thông tin do các cơ quan, đơn vị tổ chức cung cấp.",
        "The official event calendar of Lai Châu province. Events are provided by the organising agencies and units.",
    ),
    "frame_not_found": ("Không tìm thấy trang", "Page not found"),
    "frame_not_found_text": (
        "Trang bạn tìm không có hoặc đã được chuyển. Sự kiện đã công bố không bao giờ bị xóa: hãy tìm trong",
        "This page does not exist or has moved. Published events are never deleted: look in the",
    ),
    "frame_not_found_calendar": ("lịch theo tháng", "calendar"),
    "frame_not_found_search": ("tìm kiếm", "search"),
    "frame_not_found_home": ("Về trang chủ", "Back to the home page"),
    "frame_or": ("hoặc", "or"),
    # -- the feeds (written in Vietnamese; the English is ready for English feeds)
    "feed_about": ("Các sự kiện tại tỉnh Lai Châu", "Events in Lai Châu province"),
    "feed_contact": ("Liên hệ", "Contact"),
    "feed_details": ("Chi tiết", "Details"),
    "feed_event": ("Sự kiện", "Event"),
    "feed_more": ("Xem chi tiết sự kiện", "See the event's details"),
    "zone_note": (" (giờ {zone}, UTC{offset})", " ({zone} time, UTC{offset})"),
    "calendar_about_all": ("Các sự kiện sắp diễn ra tại tỉnh Lai Châu ({site})",
                           "Coming events in Lai Châu province ({site})"),
    "calendar_about_category": ("Sự kiện thuộc chủ đề {name}", "Events in the category {name}"),
    "calendar_about_area": ("Sự kiện tại {name}", "Events in {name}"),
    "calendar_about_unit": ("Sự kiện do {name} tổ chức", "Events organised by {name}"),
    "calendar_about_press": ("Sự kiện mời báo chí tác nghiệp và hạn đăng ký tác nghiệp",
                             "Events the press is invited to, and their accreditation deadlines"),
    "feed_press_about": ("Các sự kiện tại tỉnh Lai Châu mời báo chí tác nghiệp, kèm hạn đăng ký và đầu mối liên hệ",
                         "Events in Lai Châu province the press is invited to, with accreditation deadlines "
                         "and contacts"),
    "feed_press_suffix": (": dành cho báo chí", ": for the press"),
    "updates_title": ("{site}: thay đổi và tin cập nhật", "{site}: changes and news"),
    "updates_subtitle": ("Hoãn, hủy, đổi thời gian, đổi địa điểm và tin mới về các sự kiện",
                         "Postponements, cancellations, new times and places, and news of the events"),
    "change_later": ("Hoãn từ {old} sang {new}", "Postponed from {old} to {new}"),
    "change_earlier": ("Dời lên sớm hơn, từ {old} sang {new}", "Brought forward from {old} to {new}"),
    "change_clock": ("Đổi giờ từ {old} sang {new}", "New time: {new} instead of {old}"),
    "change_end": ("Đổi thời gian kết thúc: {new} (trước đây: {old})", "New end: {new} (was: {old})"),
    "change_place": ("Đổi địa điểm: {new} (trước đây: {old})", "New place: {new} (was: {old})"),
    "now_cancelled": ("Hủy sự kiện", "Cancelled"),
    "now_postponed": ("Hoãn sự kiện", "Postponed"),
    "now_postponed_undated": ("Hoãn sự kiện, chưa có ngày mới", "Postponed, no new date yet"),
    "now_tentative": ("Chuyển sang dự kiến", "Now tentative"),
    "now_tentative_unsure": ("Chuyển sang dự kiến, chưa chắc chắn", "Now tentative, not yet certain"),
    "now_resumed": ("Sự kiện được tổ chức trở lại", "Going ahead again"),
    "now_confirmed": ("Đã xác nhận tổ chức", "Confirmed"),
    "upcoming": ("Sắp diễn ra", "Upcoming"),
    "past": ("Đã diễn ra", "Past"),
    "more_past": ("Các sự kiện cũ hơn có trong", "Older events are in the"),
    "feed_calendar": ("Đăng ký lịch (webcal)", "Subscribe (webcal)"),
    "feed_file": ("Tệp .ics", ".ics file"),
    "feed_google": ("Thêm vào Google Lịch", "Add to Google Calendar"),
    "feed_howto": ("Hướng dẫn theo dõi", "How to subscribe"),
    "qr_of": ("Mã QR của", "QR code of"),
    "search_title": ("Tìm sự kiện", "Search events"),
    "search_label": ("Từ khóa (gõ có dấu hoặc không dấu)", "Words (accents optional)"),
    "search_past": ("Tìm cả sự kiện đã qua", "Include past events"),
    "search_button": ("Tìm", "Search"),
    "search_none": ("Không tìm thấy sự kiện nào.", "No event found."),
    "search_count": ("{n} sự kiện", "{n} events"),  # {n}: filled in by the browser
    "search_count_one": ("{n} sự kiện", "{n} event"),
    "search_noscript": ("Tìm kiếm cần JavaScript. Bạn có thể xem", "Search needs JavaScript. You can browse the"),
    "website": ("Trang web", "Website"),
    "region": ("Vùng", "Region"),
    "all_events": ("Tất cả sự kiện", "All events"),
    "ended": ("Đã kết thúc", "Ended"),
    "all_upcoming": ("Xem tất cả sự kiện sắp tới", "See everything coming up"),
    "upcoming_title": ("Sự kiện sắp tới", "Coming up"),
    "in_vietnamese": ("(tiếng Việt)", "(in Vietnamese)"),
    "directions": ("Đường đi", "Getting there"),
    "share_native": ("Chia sẻ qua Zalo, Messenger…", "Share via Zalo, Messenger…"),
    "copy_link": ("Sao chép liên kết", "Copy link"),
    "copied": ("Đã sao chép liên kết", "Link copied"),
    "unit_kind": ("Loại đơn vị", "Kind of organisation"),
    "filter_category": ("Chủ đề", "Category"),
    "filter_area": ("Địa bàn", "Area"),
    "filter_all": ("Tất cả", "All"),
    "filter_none": ("Không có sự kiện nào khớp bộ lọc trong tháng này.", "No event this month matches the filters."),
    "filter_title": ("Lọc sự kiện", "Filter events"),
    "lunar": ("Âm lịch", "Lunar date"),
    "full_moon": ("Rằm", "Full moon"),
    "new_moon": ("Mùng 1", "New moon"),
    "lunar_short": ("ÂL", "lunar"),
    # what `sukien build` says it is doing (generator/pipeline/progress.py)
    "build_check": ("Kiểm tra nội dung", "Checking the content"),
    "build_read": ("Đọc nội dung và lịch sử git", "Reading the content and its git history"),
    "build_pages": ("Dựng trang", "Rendering pages"),
    "build_write": ("Ghi trang", "Writing pages"),
    "build_feeds": ("Ghi lịch, nguồn tin, mã QR và chỉ mục tìm kiếm", "Writing calendars, feeds, QR codes and the search index"),
    "build_reuse": ("Không có gì thay đổi, dùng lại bản dựng trước", "Nothing changed: the previous build, reused"),
    "build_done": ("Đã tạo trang tại {path}: {count} tệp trong {time}",
                   "Site built in {path}: {count} files in {time}"),
    "unit_events": ("sự kiện", "events"),
    "unit_pages": ("trang", "pages"),
    "unit_files": ("tệp", "files"),
}


# Subscribing on each device: (device, steps); a step is HTML, {calendar} the
# site-wide calendar's path, {main_feeds} a link to the page's main feeds.
HOWTO = {
    "vi": (
        ("Android (Google Lịch)", (
            "Bấm nút <b>Thêm vào Google Lịch</b> ở mục {main_feeds} phía trên (mở bằng trình duyệt, đăng nhập tài khoản Google) rồi chọn <b>Thêm</b>.",
            "Hoặc trên máy tính: vào calendar.google.com, mục <b>Lịch khác</b> → <b>Từ URL</b>, dán địa chỉ lịch (https://…/{calendar}).",
            "Lịch mới sẽ tự đồng bộ sang ứng dụng Google Lịch trên điện thoại (bật lịch đó trong phần Cài đặt của ứng dụng nếu chưa thấy).",
        )),
        ("iPhone, iPad (Lịch)", (
            "Bấm liên kết <b>webcal://</b> ở mục {main_feeds} phía trên hoặc quét mã QR ở đó bằng Camera, rồi chọn <b>Đăng ký</b>.",
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
            "Tap <b>Add to Google Calendar</b> in {main_feeds} above (opens in the browser, signed in to Google) and choose <b>Add</b>.",
            "Or on a computer: open calendar.google.com, <b>Other calendars</b> → <b>From URL</b>, and paste the calendar address (https://…/{calendar}).",
            "The calendar then syncs to the Google Calendar app on the phone (turn it on in the app's settings if it does not show).",
        )),
        ("iPhone, iPad (Calendar)", (
            "Tap the <b>webcal://</b> link in {main_feeds} above or scan its QR code with the Camera, then choose <b>Subscribe</b>.",
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


UNIT_KINDS = {
    "people-committee": ("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
    "department": ("Sở, ban, ngành của tỉnh", "Provincial department or agency"),
    "commune": ("Ủy ban nhân dân xã, phường", "Commune or ward People's Committee"),
    "party": ("Cơ quan Đảng", "Party body"),
    "organisation": ("Tổ chức chính trị - xã hội", "Mass organisation"),
    "press": ("Cơ quan báo chí", "Press agency"),
}


def unit_kind(kind: str, lang: str) -> str:
    """What a unit is, from ``kind`` in units.yaml (as written when unknown)."""
    vi, en = UNIT_KINDS.get(kind, (kind, kind))
    return en if lang == "en" else vi


def t(lang: str, key: str) -> str:
    """The text ``key`` in ``lang``."""
    vi, en = _TEXT[key]
    return en if lang == "en" else vi


def count_label(count: int, lang: str) -> str:
    """'3 sự kiện'; '1 event', '3 events'."""
    if lang == "en":
        return f"{count} event" if count == 1 else f"{count} events"
    return f"{count} sự kiện"


def number_label(value: int, lang: str) -> str:
    """'1.234' (Vietnamese groups thousands with dots); '1,234'."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def seconds_label(seconds: float, lang: str) -> str:
    """'2,5 giây'; '2.5 s'."""
    text = f"{seconds:.1f}"
    return f"{text.replace('.', ',')} giây" if lang == "vi" else f"{text} s"


def day_label(day: dt.date, lang: str) -> str:
    """'Thứ Bảy, 26/4/2026' or 'Saturday, 26 April 2026'."""
    weekday = WEEKDAYS[lang][day.weekday()]
    if lang == "en":
        return f"{weekday}, {day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{weekday}, {day.day}/{day.month}/{day.year}"


def date_label(day: dt.date, lang: str) -> str:
    """'26/4/2026' or '26 April 2026'."""
    if lang == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return numeric_date(day)


def numeric_date(day: dt.date, *, year: bool = True) -> str:
    """'7/4/2025', or '7/4' without the year: the feeds' dates, in digits
    whatever the language."""
    return f"{day.day}/{day.month}/{day.year}" if year else f"{day.day}/{day.month}"


def numeric_when(start: When, end: When | None, lang: str, *, year: bool = True) -> str:
    """A date range in digits, as the feeds say it: '7/4/2025',
    '7/4 – 9/4/2025', '07:30 7/4/2025', '07:30 – 17:00 7/4/2025' (a time
    in another zone than Vietnam's names it, in ``lang``)."""
    if not isinstance(start, dt.datetime):
        if end is None or end == start:
            return numeric_date(start, year=year)
        same_year = end.year == start.year
        return f"{numeric_date(start, year=year and not same_year)} – {numeric_date(end, year=year)}"
    zone = zone_note(start, lang)
    if not isinstance(end, dt.datetime):  # no end (a timed start never has a date end)
        return f"{start:%H:%M} {numeric_date(start, year=year)}{zone}"
    if end.date() == start.date():
        return f"{start:%H:%M} – {end:%H:%M} {numeric_date(start, year=year)}{zone}"
    same_year = end.year == start.year
    first = f"{start:%H:%M} {numeric_date(start, year=year and not same_year)}"
    return f"{first} – {end:%H:%M} {numeric_date(end, year=year)}{zone}"


def deadline_label(value: dt.date, lang: str) -> str:
    """An accreditation deadline: 'Thứ Năm, 19/11/2026, 17:00' (dd/mm/yyyy,
    the form of official letters), 'Thursday, 19/11/2026, 17:00'; a time in
    another zone than Vietnam's names it."""
    day = value.date() if isinstance(value, dt.datetime) else value
    text = f"{WEEKDAYS[lang][day.weekday()]}, {day:%d/%m/%Y}"
    return f"{text}, {clock(value)}{zone_note(value, lang)}" if isinstance(value, dt.datetime) else text


def zone_note(value: dt.datetime, lang: str) -> str:
    """' (giờ Asia/Tokyo, UTC+09:00)' for a time outside Vietnam's zone,
    which readers (and journalists meeting a deadline) would otherwise take
    for Vietnam time; '' for a Vietnam time."""
    key = getattr(value.tzinfo, "key", DEFAULT_TIMEZONE)
    if key == DEFAULT_TIMEZONE:
        return ""
    return t(lang, "zone_note").format(zone=key, offset=offset_label(value)[3:])


def month_label(year: int, month: int, lang: str) -> str:
    """'Tháng 4/2026' or 'April 2026'."""
    if lang == "en":
        return f"{MONTHS_EN[month - 1]} {year}"
    return f"Tháng {month}/{year}"


def month_caption(year: int, month: int, lang: str) -> str:
    """'Tháng 4 năm 2026' or 'April 2026' (a table caption)."""
    return f"Tháng {month} năm {year}" if lang == "vi" else month_label(year, month, lang)


def clock(value: dt.datetime | dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def offset_label(value: dt.datetime) -> str:
    """'UTC+07:00' for an aware date-time."""
    offset = value.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def when_label(start: dt.date, end: dt.date | None, lang: str) -> str:
    """A whole date range in words: all-day or timed, one day or several."""
    if not isinstance(start, dt.datetime):
        if end is None or end == start:
            return f"{day_label(start, lang)} ({t(lang, 'all_day')})"
        return f"{day_label(start, lang)} – {day_label(end, lang)}"
    first = f"{day_label(start.date(), lang)}, {clock(start)}"
    if end is None or not isinstance(end, dt.datetime):
        return first
    if end.date() == start.date():
        return f"{first}–{clock(end)}"
    return f"{first} – {day_label(end.date(), lang)}, {clock(end)}"


def lunar_label(first: LunarDay, last: LunarDay, lang: str) -> str:
    """'Ngày 14 tháng 2 âm lịch', a range 'Ngày 14–15 tháng 2 âm lịch' or
    'Ngày 29 tháng 2 – 1 tháng 3 âm lịch'; 'Day 14 of lunar month 2',
    'Days 14–15 of lunar month 2' ... (a leap month is said so)."""
    def month(day: LunarDay) -> str:
        if lang == "en":
            return f"lunar month {day.month}" + (" (leap)" if day.leap else "")
        return f"tháng {day.month}" + (" nhuận" if day.leap else "")

    same_month = (first.month, first.leap, first.year) == (last.month, last.leap, last.year)
    if lang == "en":
        if first == last:
            return f"Day {first.day} of {month(first)}"
        if same_month:
            return f"Days {first.day}–{last.day} of {month(first)}"
        return f"Day {first.day} of {month(first)} – day {last.day} of {month(last)}"
    if first == last:
        return f"Ngày {first.day} {month(first)} âm lịch"
    if same_month:
        return f"Ngày {first.day}–{last.day} {month(first)} âm lịch"
    return f"Ngày {first.day} {month(first)} – {last.day} {month(last)} âm lịch"


def lunar_short(day: LunarDay) -> str:
    """'14/2', '14/2N' in a leap month: a day cell's or a badge's lunar date."""
    return f"{day.day}/{day.month}{'N' if day.leap else ''}"


def month_short(month: int, lang: str) -> str:
    """A date badge's month: 'Th4' or 'Apr'."""
    return MONTHS_SHORT_EN[month - 1] if lang == "en" else f"Th{month}"
