"""Field rules: required fields, dates and times, values, URLs, series."""

import pytest

from contenttree import check, photo_bytes, problems, with_fields


def codes(tmp_path, **changes):
    return check(tmp_path, with_fields(**changes))


@pytest.mark.parametrize("key", ["title", "summary", "category", "start", "location", "contact"])
def test_missing_required_top_level_at_file(tmp_path, key):
    assert codes(tmp_path, **{key: None}) == [("missing-required", 1, 1)]


def test_empty_required_value_is_missing(tmp_path):
    assert codes(tmp_path, title='""')[0][0] in {"missing-required"}


@pytest.mark.parametrize("location, expected", [
    ("\n  address: Bản Nà Vàn", ("missing-required", 6, 1)),
    ("Sân vận động", ("wrong-type", 6, 1)),
    ("\n  name: Sân\n  area: khong-lao-cu", ("unknown-area", 8, 9)),
    ("\n  name: Sân\n  geo: [22.5]", ("invalid-geo", 8, 8)),
    ("\n  name: Sân\n  geo: [95, 103.4]", ("invalid-geo", 8, 8)),
    ("\n  name: Sân\n  geo: [a, b]", ("invalid-geo", 8, 8)),
    ("\n  name: Sân\n  geo: [21.0, 105.8]", ("geo-outside-bounds", 8, 8)),
    ("\n  name: Sân\n  map_url: www.openstreetmap.org", ("invalid-url", 8, 12)),
])
def test_location(tmp_path, location, expected):
    assert codes(tmp_path, location=location) == [expected]


def test_geo_warning_is_not_an_error(tmp_path):
    (problem,) = problems(tmp_path, with_fields(location="\n  name: Sân\n  geo: [21.0, 105.8]"))
    assert problem.severity == "warning" and "[21.0, 105.8]" in problem.message


def test_swapped_geo_suggests_the_order(tmp_path):
    (problem,) = problems(tmp_path, with_fields(location="\n  name: Sân\n  geo: [103.43, 22.5]"))
    assert problem.code == "invalid-geo" and "[22.5, 103.43]" in problem.message


def test_area_suggested_from_commune_name(tmp_path):
    (problem,) = problems(tmp_path, with_fields(location="\n  name: Sân\n  area: Khổng Lào"))
    assert "'khong-lao'" in problem.message


@pytest.mark.parametrize("contact, expected", [
    ("\n  name: A", ("contact-incomplete", 10, 1)),
    ('\n  phone: "0912 345 678"', ("missing-required", 10, 1)),
    ("\n  name: A\n  phone: 0912-345-678 (anh Tú)", ("invalid-phone", 12, 10)),
    ("\n  name: A\n  email: abc@", ("invalid-email", 12, 10)),
])
def test_contact(tmp_path, contact, expected):
    assert codes(tmp_path, contact=contact) == [expected]


@pytest.mark.parametrize("phone", ["0912345678", "0213 3800 000", "+84 912 345 678", "(0213) 3.800.000", "0912-345-678"])
def test_phone_forms_accepted_unquoted(tmp_path, phone):
    assert codes(tmp_path, contact=f"\n  name: A\n  phone: {phone}") == []


def test_press_contact_incomplete(tmp_path):
    text = with_fields(press="\n  invited: có\n  contact:\n    name: Văn phòng")
    assert check(tmp_path, text) == [("contact-incomplete", 15, 3)]


@pytest.mark.parametrize("value, ok", [("true", True), ("no", True), ("có", True), ("không", True), ("Yes", True), ("maybe", False)])
def test_press_invited_values(tmp_path, value, ok):
    found = codes(tmp_path, press=f"\n  invited: {value}")
    assert found == ([] if ok else [("invalid-value", 14, 12)])


@pytest.mark.parametrize("start, end, expected", [
    ("2026-04-26", "2026-04-25", ("end-before-start", 5, 6)),
    ("2026-04-26 07:30", "2026-04-26 07:00", ("end-before-start", 5, 6)),
    ("2026-04-26", "2026-04-27 10:00", ("mixed-date-kinds", 5, 6)),
    ("2026-02-30", "2026-03-01", ("invalid-date", 4, 8)),
    ("2026-13-01", "2026-03-01", ("invalid-date", 4, 8)),
    ("26/04/2026", "2026-04-27", ("date-format", 4, 8)),
    ("2026-04-26 25:00", "2026-04-27 10:00", ("invalid-time", 4, 8)),
    ("2026-04-26 07:60", "2026-04-27 10:00", ("invalid-time", 4, 8)),
    ("2026-04-26 07:30+08:00", "2026-04-27 10:00", ("timezone-mismatch", 4, 8)),
])
def test_dates(tmp_path, start, end, expected):
    assert codes(tmp_path, start=start, end=end) == [expected]


@pytest.mark.parametrize("start", [
    "2026-04-26", "2026-04-26 07:30", "2026-04-26T07:30", "2026-04-26 07:30:00",
    "2026-04-26T07:30:00+07:00", "'2026-04-26 07:30'",
])
def test_accepted_date_forms(tmp_path, start):
    end = "2026-04-27" if len(start.strip("'")) == 10 else "2026-04-27 10:00"
    assert codes(tmp_path, start=start, end=end) == []


@pytest.mark.parametrize("written, iso", [
    ("07/04/2025", "2025-04-07"), ("7/4/2025", "2025-04-07"), ("07.04.2025", "2025-04-07"),
    ("2025/4/7", "2025-04-07"), ("2025-4-7", "2025-04-07"), ("ngày 7 tháng 4 năm 2025", "2025-04-07"),
    ("7/4/2025 7h30", "2025-04-07 07:30"),
])
def test_date_format_message_shows_iso(tmp_path, written, iso):
    (problem,) = [p for p in problems(tmp_path, with_fields(start=written, end=None))]
    assert problem.code == "date-format" and f"'{iso}'" in problem.message and f"'{iso}'" in problem.message_en


def test_a_day_that_does_not_exist_is_not_suggested(tmp_path):
    (problem,) = [p for p in problems(tmp_path, with_fields(start="31/02/2026", end=None))]
    assert problem.code == "date-format" and "2026-02-31" not in problem.message + problem.message_en
    assert "YYYY-MM-DD" in problem.message


def test_end_before_start_message_quotes_both(tmp_path):
    (problem,) = problems(tmp_path, with_fields(start="2025-04-07", end="2025-04-06"))
    assert problem.message == "ngày kết thúc (2025-04-06) trước ngày bắt đầu (2025-04-07)"


@pytest.mark.parametrize("changes, expected", [
    ({"category": "lehoi"}, ("unknown-category", 3, 11)),
    ({"status": "huỷ"}, ("invalid-value", 13, 9)),
    ({"repeat": "every-year"}, ("invalid-value", 13, 9)),
    ({"timezone": "Asia/Hanoi"}, ("invalid-timezone", 13, 11)),
    ({"tags": "[Lễ Hội]"}, ("invalid-tag", 13, 8)),
    ({"tags": "le-hoi"}, ("wrong-type", 13, 7)),
    ({"title": "'" + "x" * 151 + "'"}, ("too-long", 1, 8)),
    ({"summary": "'" + "x" * 301 + "'"}, ("too-long", 2, 10)),
    ({"online_url": "javascript:alert(1)"}, ("unsafe-url", 13, 13)),
    ({"online_url": "DATA:text/html,x"}, ("unsafe-url", 13, 13)),
    ({"online_url": "ftp://example.org"}, ("invalid-url", 13, 13)),
    ({"title": "[a, b]"}, ("wrong-type", 1, 8)),
    ({"links": "\n  - title: Kế hoạch\n    url: vbscript:x"}, ("unsafe-url", 15, 10)),
    ({"reference": "\n  number: 930-CV/BTGTU\n  date: 12/3/2026"}, ("date-format", 15, 9)),
    ({"image": "\n  src: http://example.org/a.jpg\n  alt: Ảnh"}, ("invalid-url", 14, 8)),
    ({"image": "\n  src: /etc/passwd\n  alt: Ảnh"}, ("unsafe-path", 14, 8)),
    ({"image": "\n  src: images/khong-co.jpg\n  alt: Ảnh"}, ("image-not-found", 14, 8)),
    ({"image": "\n  src: https://example.org/a.jpg"}, ("missing-required", 13, 1)),
    ({"updates": "\n  - at: 2026-04-20 09:00"}, ("missing-required", 14, 5)),
    ({"en": "\n  titel: Then Kin Pang"}, ("unknown-key", 14, 3)),
])
def test_values(tmp_path, changes, expected):
    assert codes(tmp_path, **changes) == [expected]


@pytest.mark.parametrize("status, suggestion", [("huỷ", "cancelled"), ("canceled", "cancelled"), ("hoãn", "postponed")])
def test_status_suggestions(tmp_path, status, suggestion):
    (problem,) = problems(tmp_path, with_fields(status=status))
    assert f"'{suggestion}'" in problem.message


def test_image_inside_content(tmp_path):
    (tmp_path / "content/events/so-vhttdl/images").mkdir(parents=True)
    (tmp_path / "content/events/so-vhttdl/images/anh.gif").write_bytes(photo_bytes("GIF"))
    assert codes(tmp_path, image="\n  src: images/anh.gif\n  alt: Ảnh lễ hội") == []


def test_image_symlink_out_of_content(tmp_path):
    (tmp_path / "content/events/so-vhttdl/images").mkdir(parents=True)
    (tmp_path / "outside.jpg").write_text("x")
    (tmp_path / "content/events/so-vhttdl/images/anh.jpg").symlink_to(tmp_path / "outside.jpg")
    assert codes(tmp_path, image="\n  src: images/anh.jpg\n  alt: Ảnh") == [("unsafe-path", 14, 8)]


SERIES = dict(start="2026-04-26", end="2026-04-27", repeat="lunar-yearly")


@pytest.mark.parametrize("changes, expected", [
    ({"repeat_until": "2025"}, ("repeat-until-before-start", 14, 15)),
    ({"repeat_until": "2030-12-31"}, ("invalid-value", 14, 15)),
    ({"exceptions": "\n  2031:\n    status: cancelled", "repeat_until": "2030"}, ("exception-outside-series", 15, 3)),
    ({"exceptions": "\n  2025:\n    status: cancelled"}, ("exception-outside-series", 15, 3)),
    ({"exceptions": "\n  2027:\n    start: 2027-05-10\n    end: 2027-05-09"}, ("end-before-start", 17, 10)),
    ({"exceptions": "\n  2027:\n    start: 2027-05-10 08:00"}, ("mixed-date-kinds", 16, 12)),
    ({"exceptions": "\n  2027:\n    statut: cancelled"}, ("unknown-key", 16, 5)),
    ({"exceptions": "\n  next:\n    status: cancelled"}, ("invalid-value", 15, 3)),
])
def test_series(tmp_path, changes, expected):
    assert codes(tmp_path, **SERIES, **changes) == [expected]


def test_exceptions_without_repeat(tmp_path):
    assert codes(tmp_path, exceptions="\n  2027:\n    status: cancelled") == [("exception-outside-series", 13, 1)]


def test_valid_series_with_exceptions(tmp_path):
    text = with_fields(**SERIES, repeat_until="2030",
                       exceptions="\n  2027:\n    status: cancelled\n    status_note: Mưa lũ\n  2028:\n    start: 2028-05-01")
    assert check(tmp_path, text) == []


def test_lunar_series_cannot_start_in_leap_month(tmp_path):
    # 2025-07-25 is day 1 of the leap 6th lunar month
    assert codes(tmp_path, start="2025-07-25", end=None, repeat="lunar-yearly") == [("lunar-leap-month", 4, 8)]


@pytest.mark.parametrize("schedule, expected", [
    ("\n  - start: 08:30\n    title: Khai mạc", []),
    ("\n  - start: 2026-04-27 08:00\n    end: 2026-04-27 09:00\n    title: Rước nước", []),
    ("\n  - start: 8h30\n    title: Khai mạc", [("invalid-time", 14, 12)]),
    ("\n  - start: 08:30\n    end: 08:00\n    title: Khai mạc", [("end-before-start", 15, 10)]),
    ("\n  - start: 2026-05-02 08:00\n    title: Bế mạc", [("schedule-outside-event", 14, 12)]),
    ("\n  - title: Khai mạc", [("missing-required", 14, 5)]),
])
def test_schedule(tmp_path, schedule, expected):
    assert codes(tmp_path, schedule=schedule) == expected


def test_unquoted_time_stays_a_time(tmp_path):
    from generator.load.config import SiteConfig
    from generator.load.content import load_content
    from contenttree import make_tree

    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-thu.yaml": with_fields(schedule="\n  - start: 08:30\n    title: Khai mạc")})
    loaded, found = load_content(SiteConfig(content_dir=content))
    assert found == [] and str(loaded.events[0].schedule[0].start) == "08:30:00"
