"""`sukien from-issue`: an "Đăng ký sự kiện" issue-form body to a valid event file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.workflow import newevent
from generator.workflow.answers import parse_repeat
from generator.cli import main
from generator.workflow.from_issue import FIELDS, MULTILINE, NO_RESPONSE, parse_body

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "dang-ky-su-kien.yml"
DATA = Path(__file__).resolve().parents[1] / "data" / "workflow"
LABEL = {key: label for label, key in FIELDS}


def body(**answers: str) -> str:
    """A body as GitHub renders a submitted form: every field, in the form's
    order, ``_No response_`` where empty."""
    return "\n\n".join(f"### {label}\n\n{answers.get(key) or NO_RESPONSE}" for label, key in FIELDS) + "\n"


MINIMAL = dict(
    unit="so-vhttdl", title="Giải đua thuyền truyền thống", summary="Giải đua thuyền trên sông Đà.",
    category="Thể thao (the-thao)", start="2026-09-02", place="Bến thuyền Nậm Nhùn",
    contact_name="Phòng Thể dục thể thao", phone="0213 3800 003",
)
FULL = dict(
    unit="Sở Văn hóa, Thể thao và Du lịch", title="Ngày hội Văn hóa dân tộc Mông",
    summary="Ngày hội giới thiệu văn hóa, trang phục và trò chơi dân gian của đồng bào Mông.",
    category="Văn hóa (van-hoa)", start="05/09/2027 08:00", end="2027-09-06 17:00",
    repeat="Hằng năm, cùng ngày âm lịch (lịch Việt Nam)", place="Sân vận động xã Tả Lèng",
    address="Trung tâm xã", area="Tả Lèng",
    description="### Chương trình\r\n\r\n- Thi trang phục   \r\n- Ném pao: 14:00\r\n",
    online_url="https://www.youtube.com/@laichau", price="Miễn phí",
    contact_name="Phòng Văn hóa xã Tả Lèng", email="vanhoa@example.vn", press_invited="Có",
    accreditation_deadline="2027-09-01", title_en="Hmong Culture Day",
    summary_en="Hmong culture, costumes and folk games.", description_en="Programme: costumes, pao throwing.",
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    return tmp_path


def from_issue(project: Path, text: str, *args: str):
    return CliRunner().invoke(main, ["from-issue", "-f", str(project / "mkdocs.yml"), *args], input=text,
                              catch_exceptions=False)


def validate(project: Path, path: str):
    return CliRunner().invoke(main, ["validate", "-f", str(project / "mkdocs.yml"), path])


@pytest.mark.parametrize("answers", [MINIMAL, FULL], ids=["minimal", "full"])
def test_submitted_forms_give_files_that_validate(project, answers):
    result = from_issue(project, body(**answers), "--write")
    assert result.exit_code == 0, result.output
    path = result.stdout.strip()
    assert Path(path).is_file()
    checked = validate(project, path)
    assert checked.exit_code == 0, checked.output


def test_the_full_form_keeps_every_field(project):
    result = from_issue(project, body(**FULL))
    assert result.exit_code == 0, result.output
    doc = yaml.load(result.stdout, Loader=yaml.BaseLoader)
    assert list(doc) == ["title", "summary", "category", "start", "end", "location", "online_url",
                         "description", "price", "contact", "press", "repeat", "en"]
    assert doc["category"] == "van-hoa" and doc["repeat"] == "lunar-yearly"
    assert doc["start"] == "2027-09-05 08:00"  # 05/09/2027 written in ISO form
    assert doc["location"] == {"name": "Sân vận động xã Tả Lèng", "address": "Trung tâm xã", "area": "ta-leng"}
    assert doc["description"] == "### Chương trình\n\n- Thi trang phục\n- Ném pao: 14:00\n"
    assert doc["press"] == {"invited": "true", "accreditation_deadline": "2027-09-01"}
    assert doc["en"] == {"title": "Hmong Culture Day", "summary": "Hmong culture, costumes and folk games.",
                         "description": "Programme: costumes, pao throwing.\n"}
    assert "\n  phone:" not in result.stdout and "email: vanhoa@example.vn" in result.stdout


def test_the_file_goes_to_the_units_folder_with_a_free_id(project):
    (project / "content/events/so-vhttdl/giai-dua-thuyen-truyen-thong-2026.yaml").write_text("x", encoding="utf-8")
    result = from_issue(project, body(**MINIMAL), "--write")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("content/events/so-vhttdl/giai-dua-thuyen-truyen-thong-2026-2.yaml")


def test_what_is_wrong_is_listed_in_vietnamese(project):
    bad = dict(MINIMAL, title="", unit="so-khong-co", start="ngày 2 tháng 9", phone="",
               online_url="javascript:alert(1)", id="Le Hoi")
    before = sorted((project / "content").rglob("*"))
    result = from_issue(project, body(**bad), "--write")
    assert result.exit_code == 1
    out = result.output
    assert out.startswith("Phiếu đăng ký chưa hợp lệ, xin sửa các mục sau:\n")
    for label in ("Đơn vị tổ chức", "Tên sự kiện", "Bắt đầu", "Thư điện tử",
                  "Đường dẫn phát trực tuyến", "Mã sự kiện"):
        assert f"- «{label}»:" in out, label
    assert "«Tên sự kiện»: mục bắt buộc, chưa điền" in out
    assert "hoặc điền «Số điện thoại»" in out
    assert "«Đơn vị tổ chức»: không có đơn vị \"so-khong-co\" trong content/units.yaml" in out
    assert sorted((project / "content").rglob("*")) == before


def test_the_validator_has_the_last_word(project):
    from generator.load.config import load_site_config
    from generator.workflow.from_issue import Draft, check_draft

    draft = Draft("so-vhttdl", "su-kien-thu", "title: Thử\nsummary: Thử\ncategory: khong-co\n")
    problems = check_draft(load_site_config(project / "mkdocs.yml"), draft)
    codes = {p.code for p in problems}
    assert {"unknown-category", "missing-required"} <= codes
    assert {p.path for p in problems} == {draft.path(project / "content").as_posix()}


def test_a_taken_id_is_refused(project):
    result = from_issue(project, body(**dict(MINIMAL, id="giai-dua-xe-dap-2026")))
    assert result.exit_code == 1
    assert "«Mã sự kiện»: mã \"giai-dua-xe-dap-2026\" đã được dùng" in result.output


def test_a_body_that_is_no_form():
    assert parse_body("Xin chào, tôi muốn đăng ký sự kiện.") == {}
    result = CliRunner().invoke(main, ["from-issue", "-f", str(DATA / "mkdocs.yml")], input="Xin chào")
    assert result.exit_code == 1
    assert "không phải phiếu \"Đăng ký sự kiện\"" in result.output


def test_headings_inside_a_value_and_crlf_line_ends():
    text = body(title="A", description="### Chương trình\n\n### Tên sự kiện giả").replace("\n", "\r\n")
    values = parse_body(text)
    assert values["title"] == "A"
    assert values["description"] == "### Chương trình\n\n### Tên sự kiện giả"
    assert values["summary"] is None


# --- The form and the parser agree -----------------------------------------------

def form_fields() -> list[dict]:
    return [item for item in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"] if item["type"] != "markdown"]


def test_the_form_has_exactly_the_parsers_fields():
    assert [f["attributes"]["label"] for f in form_fields()] == [label for label, _ in FIELDS]


def test_every_question_of_sukien_new_is_on_the_form():
    keys = {key for _, key in FIELDS}
    assert {q.key for q in newevent.questions(newevent.RegistryChoices())} <= keys


def test_required_fields_of_the_form_are_the_required_questions():
    required = {f["attributes"]["label"] for f in form_fields() if f.get("validations", {}).get("required")}
    needed = {LABEL[q.key] for q in newevent.questions(newevent.RegistryChoices()) if q.needed({"phone": "x", "press_phone": "x"})}
    assert required == needed


def test_dropdowns_offer_what_the_parser_understands():
    dropdowns = {f["attributes"]["label"]: f["attributes"]["options"] for f in form_fields() if f["type"] == "dropdown"}
    categories = yaml.safe_load((ROOT / "content" / "categories.yaml").read_text(encoding="utf-8"))
    assert dropdowns[LABEL["category"]] == [f"{c['name']} ({c['id']})" for c in categories]
    assert [parse_repeat(o, {}) for o in dropdowns[LABEL["repeat"]]] == [None, "yearly", "lunar-yearly"]
    assert [newevent.parse_yes_no(o, {}) for o in dropdowns[LABEL["press_invited"]]] == [False, True]


# --- Headings inside answers (review: a description hijacked later fields) --------

DESCRIPTIONS = {
    "a later field's heading": "Mô tả.\n\n### Giá vé\n\nNgười lớn 20.000 đ.\n\n### Liên hệ\n\nGọi ban tổ chức.",
    "the English summary's heading": "Mô tả lễ hội.\n\n### Tóm tắt tiếng Anh\n\nSẽ có sau.",
    "its own heading": "### Giới thiệu chi tiết\n\nPhần lễ.\n\n### Giới thiệu chi tiết\n\nPhần hội.",
    "the next field's heading": "Xem trực tuyến:\n\n### Đường dẫn phát trực tuyến\n\nsẽ báo sau",
    "an earlier field's heading": "### Tóm tắt\n\nLễ hội lớn.\n\n### Đơn vị tổ chức\n\nubnd-tinh",
}


@pytest.mark.parametrize("description", DESCRIPTIONS.values(), ids=DESCRIPTIONS)
def test_headings_inside_the_description_stay_in_it(description):
    answers = dict(FULL, description=description)
    values = parse_body(body(**answers))
    assert values["description"] == description
    for key, value in answers.items():
        assert values[key] == value.replace("\r\n", "\n").strip(), key


def test_a_heading_in_the_description_changes_no_other_field_of_the_file(project):
    result = from_issue(project, body(**dict(FULL, description=DESCRIPTIONS["the English summary's heading"])))
    assert result.exit_code == 0, result.output
    doc = yaml.load(result.stdout, Loader=yaml.BaseLoader)
    assert doc["price"] == "Miễn phí" and doc["en"]["title"] == "Hmong Culture Day"
    assert doc["en"]["summary"] == FULL["summary_en"]
    assert "### Tóm tắt tiếng Anh" in doc["description"]


def test_headings_are_read_as_the_descriptions_rather_than_the_summaries():
    """Between two textareas a heading could belong to either answer;
    a description holds headings far more often than a summary does."""
    text = "### Giới thiệu tiếng Anh\n\nProgramme.\n\n### Giới thiệu tiếng Anh\n\nPao throwing."
    values = parse_body(body(**dict(FULL, description_en=text)))
    assert (values["summary_en"], values["description_en"]) == (FULL["summary_en"], text)


def test_a_heading_in_a_one_line_answer_is_not_taken_as_a_field():
    """A one-line answer cannot hold a heading: such a body was written by
    hand, and its odd answer must be refused, not silently read."""
    values = parse_body(body(**dict(MINIMAL, unit="so-vhttdl\n\n### Đơn vị tổ chức\n\nubnd-tinh")))
    assert values["unit"] == "so-vhttdl\n\n### Đơn vị tổ chức\n\nubnd-tinh"
    assert values["title"] == MINIMAL["title"]


def test_multiline_fields_are_the_forms_textareas():
    assert {LABEL[key] for key in MULTILINE} == {f["attributes"]["label"] for f in form_fields()
                                                 if f["type"] == "textarea"}


def test_a_description_quoting_the_whole_form_many_times():
    description = "\n\n".join(f"### {label}\n\nx" for label, _ in FIELDS * 300)
    assert parse_body(body(**dict(FULL, description=description)))["description"] == description


# --- Answers as staff write them ----------------------------------------------

@pytest.mark.parametrize("start, end, expected", [
    ("7h30 ngày 5/9/2027", "17h ngày 6/9/2027", ("2027-09-05 07:30", "2027-09-06 17:00")),
    ("Chủ nhật, 5/9/2027", "Thứ Hai, 6/9/2027", ("2027-09-05", "2027-09-06")),
    ("5/9/2027 lúc 7h30", "17:00:00", ("2027-09-05 07:30", "2027-09-05 17:00")),
    ("2027-09-05T07:30:00+07:00", "2027-09-05T17:00+07:00", ("2027-09-05 07:30", "2027-09-05 17:00")),
])
def test_dates_as_staff_write_them(project, start, end, expected):
    result = from_issue(project, body(**dict(FULL, start=start, end=end)))
    assert result.exit_code == 0, result.output
    doc = yaml.load(result.stdout, Loader=yaml.BaseLoader)
    assert (doc["start"], doc["end"]) == expected


def test_a_date_that_is_no_date_is_quoted_whole(project):
    result = from_issue(project, body(**dict(MINIMAL, start="26/4/2026 – 28/4/2026")))
    assert result.exit_code == 1
    assert '«Bắt đầu»: "26/4/2026 – 28/4/2026" không phải là ngày' in result.output
    assert "2026-04-26 07:30" in result.output


def test_names_as_staff_write_them(project):
    answers = dict(MINIMAL, unit="UBND xã Khổng Lào", category="văn hoá", area="khổng lào")
    doc = yaml.load(from_issue(project, body(**answers)).stdout, Loader=yaml.BaseLoader)
    assert (doc["category"], doc["location"]["area"]) == ("van-hoa", "khong-lao")
    wrong = from_issue(project, body(**dict(MINIMAL, unit="1", area="Huyện Tả Lèng")))
    assert '«Đơn vị tổ chức»: không có đơn vị "1" trong content/units.yaml' in wrong.output
    assert '«Xã, phường»: không có xã, phường "Huyện Tả Lèng" trong content/areas.yaml; ' \
           'có phải ý bạn là "ta-leng" (Xã Tả Lèng)?' in wrong.output


def test_an_english_summary_without_english_title_is_kept(project):
    result = from_issue(project, body(**dict(MINIMAL, summary_en="Traditional boat race on the Da river.")))
    assert result.exit_code == 0, result.output
    doc = yaml.load(result.stdout, Loader=yaml.BaseLoader)
    assert doc["en"] == {"summary": "Traditional boat race on the Da river."}


def test_an_invalid_phone_without_email_is_the_only_problem(project):
    result = from_issue(project, body(**dict(MINIMAL, phone="0213 3800 003 (máy lẻ 5)")))
    assert result.exit_code == 1
    assert "«Số điện thoại»:" in result.output
    assert "Thư điện tử" not in result.output


def test_a_repeating_event_has_no_year_in_its_id(project):
    answers = dict(MINIMAL, title="Lễ hội Then Kin Pang", repeat="Hằng năm, cùng ngày âm lịch (lịch Việt Nam)")
    result = from_issue(project, body(**answers), "--write")
    assert result.exit_code == 0, result.output
    # le-hoi-then-kin-pang.yaml is taken in the sample tree: the first free variant
    assert result.stdout.strip().endswith("content/events/so-vhttdl/le-hoi-then-kin-pang-2.yaml")
    second = from_issue(project, body(**dict(answers, title="Hội đua thuyền", repeat="Hằng năm, cùng ngày dương lịch")))
    assert second.exit_code == 0 and "repeat: yearly" in second.stdout
