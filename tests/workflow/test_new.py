"""``sukien new``: the answers' rules, the id, the file it writes (which must
validate and read back with its exact text) and the command's two modes."""

from __future__ import annotations

from pathlib import Path

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import yaml
from click.testing import CliRunner

from generator.workflow import answers as an
from generator.workflow import newevent as ne
from generator.cli import main
from generator.load.config import SiteConfig
from generator.workflow.schema import SCHEMA_COMMENT, RegistryChoices
from generator.pipeline.validate import validate_tree

UNITS = """\
- id: so-vhttdl
  name: Sở Văn hoá, Thể thao và Du lịch
- id: ubnd-xa-khong-lao
  name: UBND xã Khổng Lào
"""
CATEGORIES = """\
- id: le-hoi
  name: Lễ hội truyền thống
  name_en: Traditional festivals
- id: van-hoa
  name: Văn hoá
  name_en: Culture
"""
AREAS = """\
- id: khong-lao
  name: Xã Khổng Lào
  region: Phong Thổ
- id: tan-phong
  name: Phường Tân Phong
  region: Thành phố Lai Châu
"""

FLAGS = {
    "--unit": "so-vhttdl", "--title": "Lễ hội Then Kin Pang",
    "--summary": "Lễ hội truyền thống của đồng bào Thái trắng, cầu mưa thuận gió hoà.",
    "--category": "le-hoi", "--start": "2026-04-26 07:30", "--end": "2026-04-27 17:00",
    "--place": "Sân văn hoá trung tâm xã Khổng Lào", "--area": "khong-lao",
    "--contact-name": "Phòng Văn hoá - Xã hội xã Khổng Lào", "--phone": "0213 3800 000",
}


@pytest.fixture(autouse=True)
def before_the_events(monkeypatch):
    """The events of these tests are ahead: no date is confirmed as past."""
    monkeypatch.setenv("SUKIEN_NOW", "2026-03-01T09:00:00+07:00")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "events").mkdir(parents=True)
    for name, text in (("units", UNITS), ("categories", CATEGORIES), ("areas", AREAS)):
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def run(content: Path, *args: str, input: str | None = None, **flags: str):
    """Run ``sukien new`` with FLAGS; keyword flags (``phone=...`` or
    ``**{"--phone": ...}``) replace them, None removes one."""
    argv = ["new", "-f", str(content.parent / "mkdocs.yml"), "--content", str(content), *args]
    named = {key if key.startswith("--") else "--" + key.replace("_", "-"): v for key, v in flags.items()}
    for flag, value in {**FLAGS, **named}.items():
        argv += [flag, value] if value is not None else []
    return CliRunner().invoke(main, argv, input=input)


def loaded(content: Path, event_id: str):
    """The event as the validator reads it; the tree must have no problem."""
    result = validate_tree(SiteConfig(content_dir=content))
    assert [p.text() for p in result.problems] == []
    return result.content.event(event_id)


def test_scripted_new_writes_a_valid_file_in_the_unit_folder(content):
    result = run(content, "--press-invited", "--title-en", "Then Kin Pang Festival")
    assert result.exit_code == 0, result.output
    path = content / "events/so-vhttdl/le-hoi-then-kin-pang-2026.yaml"
    assert result.stdout.strip() == path.as_posix()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_COMMENT + "\n")
    event = loaded(content, "le-hoi-then-kin-pang-2026")
    assert (event.unit, event.category, event.location.area) == ("so-vhttdl", "le-hoi", "khong-lao")
    assert event.start.isoformat() == "2026-04-26T07:30:00+07:00"
    assert event.contact.phone == "0213 3800 000"
    assert event.press.invited is True
    assert event.en.title == "Then Kin Pang Festival"
    keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert keys == ["title", "summary", "category", "start", "end", "location", "contact", "press", "en"]


@pytest.mark.parametrize("title", ["no", "Yes", "on", "~", "null", "2026", "1e3", "08:30",
                                   "- Hội xuân", "Hội nghị: tổng kết #1", "'Mùa vàng'", "y"])
def test_tricky_text_is_written_so_that_it_reads_back_exactly(content, title):
    result = run(content, title=title, phone="0912345678", id="su-kien", email="vp@laichau.gov.vn")
    assert result.exit_code == 0, result.output
    event = loaded(content, "su-kien-2026")
    assert (event.title, event.contact.phone) == (title, "0912345678")
    # Other YAML readers (editors, scripts) must read the same text too.
    data = yaml.safe_load((content / "events/so-vhttdl/su-kien-2026.yaml").read_text(encoding="utf-8"))
    assert (data["title"], data["contact"]["phone"]) == (title, "0912345678")


def test_missing_flags_without_a_terminal_are_a_usage_error_listing_them(content):
    result = run(content, **{"--unit": None, "--start": None, "--phone": None})
    assert result.exit_code == 2
    assert "thiếu tuỳ chọn bắt buộc: --unit, --start, --email hoặc --phone" in result.stderr
    assert not list((content / "events").rglob("*.yaml"))


def test_invalid_flags_are_all_reported(content):
    result = run(content, **{"--start": "30/02/2026", "--category": "khong-co", "--phone": "0912 abc"})
    assert result.exit_code == 2
    for flag in ("--start", "--category", "--phone"):
        assert f"{flag}: " in result.stderr


def test_a_unit_not_in_the_registry_gets_a_suggestion(content):
    result = run(content, unit="so-vhtdl")
    assert result.exit_code == 2
    assert ('--unit: không có đơn vị "so-vhtdl" trong content/units.yaml; '
            'có phải ý bạn là "so-vhttdl" (Sở Văn hoá, Thể thao và Du lịch)?') in result.stderr


def test_a_missing_content_tree_is_an_environment_error(tmp_path):
    result = run(tmp_path / "content")
    assert result.exit_code == 2 and "không tìm thấy thư mục nội dung" in result.stderr
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize("name", ["Le-Hoi-Then-Kin-Pang-2026.yml", "le-hoi-then-kin-pang-2026.YAML"])
def test_an_existing_id_is_never_overwritten_in_any_unit(content, name):
    """Whatever the case of its name, an event file the validator reads
    (``.YAML`` too) holds its id."""
    other = content / "events/ubnd-xa-khong-lao" / name
    other.parent.mkdir()
    other.write_text("giữ nguyên\n", encoding="utf-8")
    result = run(content)
    assert result.exit_code == 1
    assert "đã được dùng" in result.stderr and other.name in result.stderr
    assert other.read_text(encoding="utf-8") == "giữ nguyên\n"
    assert not (content / "events/so-vhttdl").exists()


def test_id_flag_is_a_base_unless_forced(content):
    assert run(content, id="Then Kin Pang").stdout.strip().endswith("/then-kin-pang-2026.yaml")
    assert run(content, "--force-id", id="then-kin-pang").stdout.strip().endswith("/then-kin-pang.yaml")
    assert run(content, "--force-id", id="Then Kin Pang").exit_code == 2
    assert run(content, "--force-id").exit_code == 2


def test_interactive_flow_asks_in_vietnamese_and_reasks_invalid_answers(content):
    answers = [
        "9", "2",  # unit: out of range, then by number
        "Ngày hội văn hoá dân tộc Mông", "", "Giao lưu văn hoá, thể thao của đồng bào Mông.",
        "",  # no description
        "van-hoa",
        "07/04/2026",  # Vietnamese day-first form, stored as ISO
        "2026-04-01", "2026-04-09",  # end before start, then valid
        "Sân vận động xã", "", "tan-phong",
        "Đường tỉnh 132, cách trung tâm 20 km", "",  # directions, no price
        "Ban tổ chức", "abc", "", "",  # bad phone, no phone, no e-mail either...
        "bt@laichau.gov.vn",  # ...so the e-mail is asked again
        "có", "", "",  # press invited, no deadline, no press contact
        "âm lịch", "", "",  # repeat, no English, default id
    ]
    result = run(content, "--interactive", input="\n".join(answers) + "\n",
                 **{flag: None for flag in FLAGS})
    assert result.exit_code == 0, result.output
    assert "Đơn vị tổ chức" in result.stderr and "ubnd-xa-khong-lao — UBND xã Khổng Lào" in result.stderr
    assert result.stderr.count("Chưa đúng") == 3 and result.stderr.count("bắt buộc") == 1
    assert "Cần thư điện tử liên hệ hoặc số điện thoại liên hệ (ít nhất một)" in result.stderr
    event = loaded(content, "ngay-hoi-van-hoa-dan-toc-mong")  # a series: no year in its id
    assert event.unit == "ubnd-xa-khong-lao"
    assert (event.start.isoformat(), event.end.isoformat()) == ("2026-04-07", "2026-04-09")
    assert (event.contact.phone, event.contact.email) == (None, "bt@laichau.gov.vn")
    assert (event.repeat, event.press.invited, event.en) == ("lunar-yearly", True, None)
    assert (event.location.directions, event.price) == ("Đường tỉnh 132, cách trung tâm 20 km", None)


def test_interactive_flow_uses_valid_flags_and_offers_a_free_id(content):
    first = run(content)
    assert first.exit_code == 0
    result = run(content, "--interactive", "--no-press-invited", input="\n" * 9, area="tan-phong")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("/le-hoi-then-kin-pang-2026-2.yaml")
    assert loaded(content, "le-hoi-then-kin-pang-2026-2").press is None


@pytest.mark.parametrize("title, year, expected", [
    ("Lễ hội Then Kin Pang", 2026, "le-hoi-then-kin-pang-2026"),
    ("Đại hội Đoàn tỉnh Lai Châu", 2027, "dai-hoi-doan-tinh-lai-chau-2027"),
    ("Tuần văn hoá du lịch 2026", 2026, "tuan-van-hoa-du-lich-2026"),
    ("!!!", 2026, "su-kien-2026"),
    ("Lễ hội Then Kin Pang", None, "le-hoi-then-kin-pang"),  # a series: one file for every year
    ("Hè", None, "su-kien-he"), ("!!!", None, "su-kien"),
])
def test_derive_id(title, year, expected):
    assert ne.derive_id(title, year) == expected


def test_derived_id_of_a_long_title_is_a_valid_id():
    event_id = ne.derive_id("Hội nghị " * 30, 2026)
    assert len(event_id) <= 80 and event_id.endswith("-2026") and "--" not in event_id


@pytest.mark.parametrize("text, expected", [
    ("2026-04-07", "2026-04-07"), ("7/4/2026", "2026-04-07"), ("2026-04-07T07:30", "2026-04-07 07:30"),
    ("07/04/2026 7h30", "2026-04-07 07:30"), ("2026-04-07  19:05", "2026-04-07 19:05"),
    # What unit staff write (review of sukien new / from-issue):
    ("7h30 ngày 26/4/2026", "2026-04-26 07:30"), ("7h30 26/4/2026", "2026-04-26 07:30"),
    ("26/4/2026, 7h30", "2026-04-26 07:30"), ("26/4/2026 lúc 7h30", "2026-04-26 07:30"),
    ("26/4/2026 7 giờ 30", "2026-04-26 07:30"), ("Ngày 26/4/2026", "2026-04-26"),
    ("Thứ Bảy, 26/4/2026", "2026-04-26"), ("thứ 7 ngày 26 tháng 4 năm 2026", "2026-04-26"),
    ("Chủ nhật, 26.4.2026 lúc 7:30", "2026-04-26 07:30"),
    ("2026-04-26 19:30:00", "2026-04-26 19:30"), ("2026-04-26 19:30:15", "2026-04-26 19:30:15"),
    ("2026-04-26T07:30+07:00", "2026-04-26 07:30"), ("2026-04-26T07:30:00+07:00", "2026-04-26 07:30"),
    ("2026-04-26 07:30 +07:00", "2026-04-26 07:30"), ("7:30 sáng 26/4/2026", "2026-04-26 07:30"),
    ("7 giờ tối ngày 26/4/2026", "2026-04-26 19:00"),
])
def test_parse_when_accepts_common_forms_and_gives_iso(text, expected):
    assert an.parse_when(text) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "07/04/26", "2026-04-07 25:00", "2026-04-26 24:00", "ngày mai",
                                  "7:30", "26/4/2026 – 28/4/2026", "Thứ Bảy", "2026-04-26 07:30+08:00",
                                  "2026-04-26 07:30Z", "26/4/2026 " + "7h30 " * 40])
def test_parse_when_rejects_quoting_the_whole_answer_and_the_iso_form(text):
    with pytest.raises(an.AnswerError) as raised:
        an.parse_when(text)
    message = str(raised.value)
    assert message.startswith(f'"{text}"') or (len(text) > 60 and message.startswith(f'"{text[:60]}'))
    assert "2026-04-26 07:30" in message


@pytest.mark.parametrize("text, expected", [
    ("yearly", "yearly"), ("hằng năm", "yearly"), ("Hàng năm", "yearly"), ("Hằng năm, cùng ngày dương lịch", "yearly"),
    ("lunar-yearly", "lunar-yearly"), ("âm lịch", "lunar-yearly"), ("hằng năm theo âm lịch", "lunar-yearly"),
    ("hàng năm âm lịch", "lunar-yearly"), ("không", None), ("Không lặp lại", None),
])
def test_parse_repeat_takes_vietnamese_words(text, expected):
    assert an.parse_repeat(text, {}) == expected


def test_parse_repeat_refuses_other_words():
    for bad in ("hằng tháng", "nam"):
        with pytest.raises(an.AnswerError):
            an.parse_repeat(bad, {})


def test_parse_end_keeps_the_kind_of_start_and_its_order():
    timed = {"start": "2026-04-07 07:30"}
    assert an.parse_end("17:00", timed) == an.parse_end("17h", timed) == "2026-04-07 17:00"
    for bad in ("2026-04-08", "06:00"):
        with pytest.raises(an.AnswerError):
            an.parse_end(bad, timed)
    with pytest.raises(an.AnswerError):
        an.parse_end("2026-04-08 08:00", {"start": "2026-04-07"})
    assert an.parse_end("17h ngày 8/4/2026", timed) == an.parse_end("8.4.2026 17h", timed) == "2026-04-08 17:00"


def test_a_time_of_day_ending_an_all_day_start_says_where_the_time_goes():
    with pytest.raises(an.AnswerError) as raised:
        an.parse_end("17h00", {"start": "2026-04-07"})
    assert "bắt đầu chỉ có ngày (2026-04-07, cả ngày)" in str(raised.value)
    assert "2026-04-07 07:30" in str(raised.value)


def test_from_flags_needs_phone_or_email():
    answers = {"unit": "a-b", "title": "T", "summary": "S", "category": "le-hoi", "start": "2026-01-01",
               "place": "P", "contact_name": "C"}
    with pytest.raises(ne.FlagProblems) as raised:
        ne.from_flags(ne.questions(RegistryChoices()), answers)
    assert raised.value.missing == ["--email hoặc --phone"]
    assert ne.from_flags(ne.questions(RegistryChoices()), {**answers, "email": "a@b.vn"})["email"] == "a@b.vn"


def test_text_answers_are_one_clean_nfc_line():
    title = next(q for q in ne.questions(RegistryChoices()) if q.key == "title")
    assert title.parse("  Le\u0302\u0303 hội\n  Then Kin Pang ", {}) == "Lễ hội Then Kin Pang"
    for bad in ("Lễ hội\x00", "x" * 151):
        with pytest.raises(an.AnswerError):
            title.parse(bad, {})


# --- Registry answers by name ----------------------------------------------------

@pytest.mark.parametrize("flags, expected", [
    ({"unit": "Sở Văn hóa, Thể thao và Du lịch"}, ("so-vhttdl", "le-hoi", "khong-lao")),  # hóa for hoá
    ({"unit": "UBND xã Khổng Lào", "category": "văn hóa", "area": "Khổng Lào"},
     ("ubnd-xa-khong-lao", "van-hoa", "khong-lao")),
    ({"category": "LỄ HỘI TRUYỀN THỐNG", "area": "Phường Tân Phong"}, ("so-vhttdl", "le-hoi", "tan-phong")),
    ({"area": "Xã Khổng Lào (Phong Thổ)"}, ("so-vhttdl", "le-hoi", "khong-lao")),
])
def test_registry_answers_may_be_names_as_listed(content, flags, expected):
    result = run(content, id="su-kien", **flags)
    assert result.exit_code == 0, result.output
    event = loaded(content, "su-kien-2026")
    assert (event.unit, event.category, event.location.area) == expected


def test_a_number_is_an_answer_only_where_the_list_was_shown(content):
    result = run(content, unit="1")
    assert result.exit_code == 2 and '--unit: không có đơn vị "1"' in result.stderr


def test_a_name_matching_nothing_gets_the_closest_entry(content):
    result = run(content, area="Khong Lau")
    assert result.exit_code == 2
    assert '--area: không có xã, phường "Khong Lau" trong content/areas.yaml; có phải ý bạn là "khong-lao"' \
        in result.stderr


# --- Repeating events, English summary, phone and e-mail ----------------------------

def test_a_repeating_event_has_no_year_in_its_id(content):
    result = run(content, repeat="hằng năm theo âm lịch")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("/so-vhttdl/le-hoi-then-kin-pang.yaml")
    assert loaded(content, "le-hoi-then-kin-pang").repeat == "lunar-yearly"
    assert run(content, repeat="yearly", id="Then Kin Pang").stdout.strip().endswith("/then-kin-pang.yaml")


def test_an_english_summary_alone_is_kept(content):
    result = run(content, summary_en="Rain-praying festival of the White Thai people.")
    assert result.exit_code == 0, result.output
    english = loaded(content, "le-hoi-then-kin-pang-2026").en
    assert (english.title, english.summary) == (None, "Rain-praying festival of the White Thai people.")


def test_an_invalid_phone_is_reported_alone(content):
    result = run(content, phone="0912 abc")
    assert result.exit_code == 2
    assert "--phone: " in result.stderr
    assert "--email" not in result.stderr and "thiếu" not in result.stderr


def interactive(content: Path, *lines: str, **flags: str | None):
    """``sukien new --interactive`` answering ``lines`` (flags as in ``run``)."""
    return run(content, "--interactive", input="".join(f"{line}\n" for line in lines), **flags)


def test_a_phone_number_typed_at_the_email_prompt_is_the_phone(content):
    # description, address, directions, price, phone, e-mail (required now), the phone at the e-mail prompt,
    # then press, repeat, English, id
    result = interactive(content, "", "", "", "", "", "", "0213 3800 000", "", "", "", "", phone=None)
    assert result.exit_code == 0, result.output
    assert "Cần thư điện tử liên hệ hoặc số điện thoại liên hệ (ít nhất một)" in result.stderr
    assert 'Đã ghi "0213 3800 000" là số điện thoại liên hệ.' in result.stderr
    contact = loaded(content, "le-hoi-then-kin-pang-2026").contact
    assert (contact.phone, contact.email) == ("0213 3800 000", None)


@pytest.mark.parametrize("typed", ["", "Lễ hội"], ids=["ctrl-d-at-once", "ctrl-d-later"])
def test_ctrl_d_cancels_in_vietnamese(content, typed):
    result = interactive(content, *([typed] if typed else []), title=None)
    assert result.exit_code == 1
    assert "Đã huỷ, chưa tạo tệp." in result.stderr and "Aborted" not in result.output
    assert not list((content / "events").rglob("*.yaml"))


def test_english_place_directions_and_price_are_written_under_en(content):
    result = run(content, directions="QL4D, 30 km từ trung tâm", price="Miễn phí", title_en="Then Kin Pang Festival",
                 place_en="Khong Lao commune square", directions_en="Road 4D, 30 km from the centre",
                 price_en="Free")
    assert result.exit_code == 0, result.output
    event = loaded(content, "le-hoi-then-kin-pang-2026")
    assert (event.location.directions, event.price) == ("QL4D, 30 km từ trung tâm", "Miễn phí")
    assert (event.en.location_name, event.en.directions, event.en.price) == (
        "Khong Lao commune square", "Road 4D, 30 km from the centre", "Free")


@pytest.mark.parametrize("flag, value", [
    ("phone", "0213 3800 000"), ("phone", "+84 (213) 3800-000"), ("phone", "0" * 40), ("phone", "0" * 41),
    ("phone", "() -"), ("email", "vanphong@laichau.gov.vn"), ("email", "a" * 230 + "@laichau.gov.vn"),
    ("email", "a" * 240 + "@laichau.gov.vn"), ("email", "vanphong@laichau"),
])
def test_new_and_the_validator_agree_on_phones_and_emails(content, flag, value):
    """``sukien new`` takes a value exactly when the validator does: both
    read the one pattern module (a 41-digit phone or a 255-character
    address used to pass the one and fail the other)."""
    result = run(content, **{flag: value})
    if result.exit_code == 2:  # refused: write the same event by hand
        target = content / "events" / "so-vhttdl" / "le-hoi-then-kin-pang-2026.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(EVENT_WITH.format(flag=flag, value=value), encoding="utf-8")
    problems = validate_tree(SiteConfig(content_dir=content)).problems
    assert (result.exit_code == 0) == (problems == []), (result.stderr, [p.text() for p in problems])


EVENT_WITH = """\
title: Lễ hội Then Kin Pang
summary: Lễ hội truyền thống của đồng bào Thái trắng, cầu mưa thuận gió hoà.
category: le-hoi
start: 2026-04-26
location:
  name: Sân văn hoá trung tâm xã Khổng Lào
  area: khong-lao
contact:
  name: Phòng Văn hoá - Xã hội xã Khổng Lào
  {flag}: "{value}"
"""


# --- Press, price, description, names, dates in the past (issue 10) -------------

REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """A tree with the province's real registries (61 units, 38 areas)."""
    root = tmp_path / "content"
    (root / "events").mkdir(parents=True)
    for name in ("units", "categories", "areas"):
        (root / f"{name}.yaml").write_text((REPO_CONTENT / f"{name}.yaml").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    return root


def test_interactive_flow_asks_press_deadline_press_contact_price_and_description(content):
    lines = [
        "Phần lễ: rước nước, cúng thần suối.", "Phần hội: té nước, ném còn.", "",  # description, 2 paragraphs
        "", "khong-lao", "", "Miễn phí", "",  # address, area, directions, price, e-mail
        "có", "20/4/2026 17h", "Bộ phận báo chí Ban tổ chức", "0912 000 135", "",  # press
        "", "", "",  # repeat, English, id
    ]
    result = interactive(content, *lines, description=None, area=None, press_invited=None)
    assert result.exit_code == 0, result.output
    for prompt in ("Giới thiệu chi tiết", "Giá vé", "Hạn đăng ký tác nghiệp", "Người phát ngôn, liên hệ báo chí"):
        assert prompt in result.stderr
    assert "  → Thứ Hai, 20/04/2026, 17:00\n" in result.stderr  # the deadline typed "20/4/2026 17h", read back
    event = loaded(content, "le-hoi-then-kin-pang-2026")
    assert event.description == "Phần lễ: rước nước, cúng thần suối.\n\nPhần hội: té nước, ném còn."
    assert event.price == "Miễn phí"
    assert event.press.invited and event.press.accreditation_deadline.isoformat() == "2026-04-20T17:00:00+07:00"
    assert (event.press.contact.name, event.press.contact.phone) == ("Bộ phận báo chí Ban tổ chức", "0912 000 135")
    text = (content / "events/so-vhttdl/le-hoi-then-kin-pang-2026.yaml").read_text(encoding="utf-8")
    assert "description: |\n  Phần lễ: rước nước, cúng thần suối.\n\n  Phần hội: té nước, ném còn.\n" in text


def test_scripted_press_price_and_description(content):
    result = run(content, "--press-invited", "--accreditation-deadline", "2026-04-20",
                 "--press-contact-name", "Phòng báo chí", "--press-email", "baochi@laichau.gov.vn",
                 "--price", "50.000 đồng", "--description", "Dòng một.\nDòng hai.")
    assert result.exit_code == 0, result.output
    event = loaded(content, "le-hoi-then-kin-pang-2026")
    assert event.press.accreditation_deadline == dt.date(2026, 4, 20)
    assert event.press.contact.email == "baochi@laichau.gov.vn" and event.price == "50.000 đồng"
    assert event.description == "Dòng một.\nDòng hai."


def test_a_deadline_after_the_start_is_refused(content):
    result = run(content, "--press-invited", "--accreditation-deadline", "2026-04-28")
    assert result.exit_code == 2 and "--accreditation-deadline: hạn đăng ký (2026-04-28) sau thời điểm" in result.stderr


def test_a_unit_by_part_of_its_name_without_accents(province):
    result = run(province, unit="tan uyen", area="Tân Uyên", category="Lễ hội")
    assert result.exit_code == 0, result.output
    assert "/events/ubnd-xa-tan-uyen/" in result.stdout
    assert loaded(province, "le-hoi-then-kin-pang-2026").location.area == "tan-uyen"


def test_several_matches_give_a_short_numbered_list_not_the_registry(province):
    result = interactive(province, "Mường", "2", *[""] * 10, unit=None, area=None, category="le-hoi")
    assert result.exit_code == 0, result.output
    assert '"Mường" khớp với 5 mục' in result.stderr
    listing = [line for line in result.stderr.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert len(listing) == 5 and "2. ubnd-xa-muong-kim" in listing[1]
    assert "ubnd-tinh" not in result.stderr  # the 61 units are never listed
    assert "/events/ubnd-xa-muong-kim/" in result.stdout
    assert "  → ubnd-xa-muong-kim — Ủy ban nhân dân xã Mường Kim" in result.stderr


def test_an_ambiguous_flag_names_the_candidates(province):
    result = run(province, unit="Sở", category="le-hoi", area=None)
    assert result.exit_code == 2
    assert '--unit: "Sở" khớp với 8 đơn vị: so-vhttdl (Sở Văn hóa, Thể thao và Du lịch)' in result.stderr


def test_a_date_in_the_past_is_confirmed_and_can_be_typed_again(content, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-12-01T09:00:00+07:00")
    lines = ["",  # description; the dates come from the flags, then the confirmation:
             "không", "2027-04-15 07:30", "2027-04-15 17:00",  # wrong: typed again
             "", "", "", "", "", "", "", ""]  # address, directions, price, e-mail, press, repeat, English, id
    result = interactive(content, *lines)
    assert result.exit_code == 0, result.output
    assert "Sự kiện này đã kết thúc: 2026-04-26 07:30 – 2026-04-27 17:00 là trước hôm nay (2026-12-01)." in result.stderr
    assert loaded(content, "le-hoi-then-kin-pang-2027").start.isoformat() == "2027-04-15T07:30:00+07:00"


def test_a_past_date_kept_on_purpose(content, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-12-01T09:00:00+07:00")
    result = interactive(content, "", "có", "", "", "", "", "", "", "", "")
    assert result.exit_code == 0, result.output
    assert loaded(content, "le-hoi-then-kin-pang-2026").start.year == 2026


def test_a_past_date_from_flags_is_a_warning(content, monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", "2026-12-01T09:00:00+07:00")
    result = run(content)
    assert result.exit_code == 0 and "cảnh báo: Sự kiện này đã kết thúc" in result.stderr


@pytest.mark.parametrize("flag, value", [("start", "0001-01-01"), ("start", "2926-04-26 08:00"),
                                          ("title", "Hội \uffff thi"), ("title", "Hội \u202e thi")])
def test_new_refuses_what_the_validator_refuses(content, monkeypatch, flag, value):
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-20")
    flags = {"unit": "so-vhttdl", "title": "Hội thi", "summary": "Tóm tắt", "category": "le-hoi",
             "start": "2026-05-01", "place": "Sân", "contact-name": "A", "phone": "0213 3800 000", flag: value}
    args = ["new", "--no-interactive", "--content", str(content)]
    for name, text in flags.items():
        args += [f"--{name}", text]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert f"--{flag}" in result.output
    assert not list(Path(content, "events", "so-vhttdl").glob("hoi-thi*.yaml"))


def test_every_prompt_fits_one_terminal_line():
    """A prompt that wraps in an 80-column terminal is hard to read (the
    answer starts on the next line); the default shown is counted."""
    from generator.workflow.newevent import questions
    from generator.workflow.schema import RegistryChoices

    long = [(q.key, len(q.prompt)) for q in questions(RegistryChoices())
            if len(q.prompt) + (len(q.default) + 3 if q.default else 0) + 2 > 78]
    assert long == []


@pytest.mark.parametrize("value, said", [
    ("2027-03-04 07:30", "Thứ Năm, 04/03/2027, 07:30"), ("2027-03-04", "Thứ Năm, 04/03/2027"), ("17:00", "17:00")])
def test_a_date_is_read_back_with_its_weekday(value, said):
    """03/04 typed is the 3rd of April: read back in words, staff see it."""
    from generator.workflow.newevent import said_when

    assert said_when(value) == said


def test_a_timed_start_without_end_is_over_when_its_day_is(content, monkeypatch):
    """sukien new judges a date by the model's rule (Occurrence.is_over): a
    07:30 start without an end lasts its day, so at 20:00 it is not past."""
    from generator.workflow.newevent import past_message

    evening = dt.datetime(2026, 4, 26, 20, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert past_message({"start": "2026-04-26 07:30"}, evening) is None
    assert past_message({"start": "2026-04-26 07:30"}, evening + dt.timedelta(hours=4)) is not None
    assert past_message({"start": "2026-04-26 07:30", "end": "09:00"}, evening) is not None
    assert past_message({"start": "2026-04-25", "end": "2026-04-26"}, evening) is None
