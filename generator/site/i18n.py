"""Words and date formats of the two languages of the site.

Vietnamese dates read "Thứ Bảy, 26/4/2026" (day/month without leading
zeros, the weekday capitalised); English ones "Saturday, 26 April 2026".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.occurrence import LunarDay

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

_TEXT = {
    "site": ("Sự kiện Lai Châu", "Lai Châu Events"),
    "tagline": (
        "Lịch sự kiện, lễ hội và hoạt động chính thức của tỉnh Lai Châu",
        "Official calendar of events and festivals in Lai Châu province, Vietnam",
    ),
    "all_day": ("cả ngày", "all day"),
    "when": ("Thời gian", "When"),
    "where": ("Địa điểm", "Where"),
    "lunar": ("Âm lịch", "Lunar date"),
    "online": ("Trực tuyến", "Online"),
    "online_link": ("Xem trực tuyến", "Watch online"),
    "price": ("Giá vé", "Price"),
    "organizer": ("Đơn vị tổ chức", "Organiser"),
    "co_organizers": ("Phối hợp", "Co-organisers"),
    "contact": ("Liên hệ chính thức", "Official contact"),
    "category": ("Chủ đề", "Category"),
    "area": ("Địa bàn", "Area"),
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
    "document": ("Văn bản", "Official document"),
    "document_no": ("Số", "No."),
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
    "today": ("Hôm nay", "Today"),
    "continued": ("tiếp", "continued"),
    "since": ("từ", "since"),
    "now_on": ("Đang diễn ra", "On now"),
    "coming": ("Sắp tới", "Coming up"),
    "featured": ("Lễ hội nổi bật", "Featured festivals"),
    "categories": ("Chủ đề", "Categories"),
    "areas": ("Địa bàn", "Areas"),
    "units": ("Đơn vị", "Organisers"),
    "subscribe": ("Theo dõi", "Subscribe"),
    "subscribe_title": ("Theo dõi lịch sự kiện", "Subscribe to the calendar"),
    "upcoming": ("Sắp diễn ra", "Upcoming"),
    "past": ("Đã diễn ra", "Past"),
    "more_past": ("Các sự kiện cũ hơn có trong", "Older events are in the"),
    "feed_calendar": ("Đăng ký lịch (webcal)", "Subscribe (webcal)"),
    "feed_file": ("Tệp .ics", ".ics file"),
    "feed_google": ("Thêm vào Google Lịch", "Add to Google Calendar"),
    "feed_howto": ("Hướng dẫn theo dõi", "How to subscribe"),
    "qr_of": ("Mã QR của", "QR code of"),
    "search": ("Tìm kiếm", "Search"),
    "search_title": ("Tìm sự kiện", "Search events"),
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
    "full_moon": ("Rằm", "Full moon"),
    "new_moon": ("Mùng 1", "New moon"),
    "lunar_short": ("ÂL", "lunar"),
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
    return f"{day.day}/{day.month}/{day.year}"


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


def lunar_label(first: "LunarDay", last: "LunarDay", lang: str) -> str:
    """'Ngày 14 tháng 2 âm lịch', a range 'Ngày 14–15 tháng 2 âm lịch' or
    'Ngày 29 tháng 2 – 1 tháng 3 âm lịch'; 'Day 14 of lunar month 2',
    'Days 14–15 of lunar month 2' ... (a leap month is said so)."""
    def month(day: "LunarDay") -> str:
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


def lunar_short(day: "LunarDay") -> str:
    """'14/2', '14/2N' in a leap month: a day cell's or a badge's lunar date."""
    return f"{day.day}/{day.month}{'N' if day.leap else ''}"


def month_short(month: int, lang: str) -> str:
    """A date badge's month: 'Th4' or 'Apr'."""
    return MONTHS_SHORT_EN[month - 1] if lang == "en" else f"Th{month}"
