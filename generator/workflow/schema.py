"""The JSON Schema (draft 2020-12) of an event file, for editor help.

Editors such as VS Code's YAML extension use it for completion, hover help
and early warnings; the validator stays the authority.  The schema is
therefore never stricter than the validator: our reader takes every scalar
as text, while an editor sees YAML types, so free-text fields also accept
numbers and booleans (``title: no``, ``title: 2026``), a phone number may
arrive as an integer (``phone: 0912345678``) and ``press.invited`` may be a
boolean or one of its words (``có``/``không``).

Given the registries, ``category``, ``location.area`` and ``co_organizers``
offer their ids (with names) for completion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model import patterns
from ..model.event import DEFAULT_TIMEZONE, REPEATS, STATUSES

SCHEMA_ID = "https://sukien.laichau.gov.vn/event.schema.json"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../event.schema.json"

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?\s*(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$"
)
TIME_PATTERN = r"^[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?$"
URL_PATTERN = r"^https?://[^\s/?#]+[^\s]*$"
HTTPS_PATTERN = r"^https://[^\s/?#]+[^\s]*$"
IMAGE_PATH_PATTERN = (r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!/)(?!(.*/)?\.\.(/|$))[^\\]+"
                      r"\.([jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP]|[gG][iI][fF])$")  # photos only: no SVG
INVITED_WORDS = ("true", "false", "yes", "no", "có", "không", "co", "khong")  # any case

STATUS_VI = {
    "confirmed": "Đã xác nhận (mặc định)",
    "tentative": "Dự kiến, chưa chắc chắn",
    "postponed": "Hoãn, chưa có ngày mới (ghi lý do ở status_note)",
    "cancelled": "Huỷ (ghi lý do ở status_note; không xoá tệp)",
}
REPEAT_VI = {
    "yearly": "Hằng năm, cùng ngày dương lịch",
    "lunar-yearly": "Hằng năm, cùng ngày âm lịch (lịch Việt Nam)",
}


@dataclass(frozen=True)
class RegistryChoices:
    """Ids offered for completion, each with a label: ``(id, label)``."""

    units: tuple[tuple[str, str], ...] = ()
    categories: tuple[tuple[str, str], ...] = ()
    areas: tuple[tuple[str, str], ...] = ()


def read_registries(content_dir: str | Path) -> RegistryChoices:
    """The ids and names in ``units.yaml``, ``categories.yaml`` and
    ``areas.yaml``.  Tolerant: a missing or malformed registry (reported by
    the validator, not here) gives no entries."""
    root = Path(content_dir)
    return RegistryChoices(
        units=_entries(root / "units.yaml", ("name",)),
        categories=_entries(root / "categories.yaml", ("name",)),
        areas=_entries(root / "areas.yaml", ("name", "region")),
    )


def _entries(path: Path, label_keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.BaseLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ()
    entries = []
    for item in data if isinstance(data, list) else ():
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            parts = [item[k] for k in label_keys if isinstance(item.get(k), str)]
            label = parts[0] + "".join(f" ({p})" for p in parts[1:]) if parts else item["id"]
            entries.append((item["id"], label))
    return tuple(entries)


def schema_json(registries: RegistryChoices | None = None) -> str:
    """The schema as JSON text with a final newline (stable output)."""
    return json.dumps(event_schema(registries), ensure_ascii=False, indent=2) + "\n"


def event_schema(registries: RegistryChoices | None = None) -> dict:
    """The JSON Schema of one event file."""
    reg = registries or RegistryChoices()
    props = {
        "title": _text("Tên sự kiện", "Tên sự kiện, văn bản thuần, tối đa 150 ký tự.", 150, required=True),
        "summary": _text(
            "Tóm tắt",
            "Một hoặc hai câu, văn bản thuần, tối đa 300 ký tự. Dùng trong thẻ sự kiện, "
            "nguồn tin và kết quả tìm kiếm.", 300, required=True),
        "category": _choice(reg.categories, "Chủ đề", "Mã chủ đề trong categories.yaml."),
        "start": _date_or_time("Bắt đầu", "Ngày `2025-04-07` (sự kiện cả ngày) hoặc ngày giờ "
                       "`2025-04-07 07:30`, theo múi giờ của sự kiện."),
        "end": _date_or_time("Kết thúc", "Cùng kiểu với `start` (cùng là ngày hoặc cùng là ngày giờ), "
                     "không trước `start`. Với sự kiện cả ngày đây là **ngày cuối cùng** (tính cả ngày đó)."),
        "timezone": _doc({"type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$",
                          "default": DEFAULT_TIMEZONE, "examples": [DEFAULT_TIMEZONE]},
                         "Múi giờ", "Tên múi giờ IANA; mặc định Asia/Ho_Chi_Minh."),
        "status": _enum(STATUS_VI, "Trạng thái", "Trạng thái sự kiện.", default="confirmed"),
        "status_note": _text("Ghi chú trạng thái", "Lý do hoãn hoặc huỷ; hiển thị nổi bật."),
        "location": _location(reg),
        "online_url": _url("Đường dẫn trực tuyến", "Đường dẫn xem trực tiếp hoặc tham gia trực tuyến."),
        "description": _markdown("Nội dung", "Nội dung chi tiết, viết bằng Markdown."),
        "image": _image(),
        "tags": _doc({"type": "array", "items": _id_string("Thẻ", "Thẻ ngắn dạng mã: chữ thường không dấu, số, gạch nối.")},
                     "Thẻ", "Danh sách thẻ ngắn dạng mã, ví dụ `le-hoi`, `dan-toc-thai`."),
        "price": _text("Giá vé", "Văn bản tự do, ví dụ \"Miễn phí\", \"50.000 đ\"."),
        "contact": _contact("Liên hệ", "Đầu mối liên hệ chính thức (người phát ngôn): "
                            "`name` bắt buộc, cùng ít nhất một trong `phone`, `email`."),
        "press": _press(),
        "co_organizers": _doc({"type": "array", "items": _co_organizer(reg)}, "Đơn vị phối hợp",
                              "Danh sách mã đơn vị (trong units.yaml) hoặc tên đơn vị tự do."),
        "reference": _mapping("Văn bản căn cứ", "Văn bản chính thức làm căn cứ tổ chức sự kiện.", {
            "number": _text("Số hiệu", "Số, ký hiệu văn bản, ví dụ \"930-CV/BTGTU\"."),
            "date": _date("Ngày văn bản", "Ngày ban hành (YYYY-MM-DD)."),
            "url": _url("Đường dẫn", "Đường dẫn tới văn bản."),
        }),
        "links": _doc({"type": "array", "items": _mapping("Liên kết", "Một liên kết.", {
            "title": _text("Tiêu đề", "Tiêu đề liên kết.", required=True),
            "url": _url("Đường dẫn", "Địa chỉ http:// hoặc https://."),
        }, required=["title", "url"])}, "Liên kết", "Danh sách liên kết `{title, url}`."),
        "schedule": _schedule(),
        "repeat": _enum(REPEAT_VI, "Lặp lại", "Sự kiện lặp lại hằng năm theo dương lịch hoặc âm lịch."),
        "repeat_until": _year("Lặp đến năm", "Năm cuối cùng của chuỗi sự kiện (tính cả năm đó)."),
        "exceptions": _exceptions(),
        "updates": _updates(),
        "coverage": _coverage(),
        "published": _date_or_time("Ngày công bố", "Thời điểm sự kiện được công bố lần đầu (YYYY-MM-DD HH:MM). "
                           "Bỏ trống thì lấy từ lịch sử phiên bản."),
        "en": _mapping("Bản tiếng Anh", "Phiên bản tiếng Anh của sự kiện.", {
            "title": _text("Tên tiếng Anh", "Tên sự kiện bằng tiếng Anh."),
            "summary": _text("Tóm tắt tiếng Anh", "Tóm tắt bằng tiếng Anh."),
            "description": _markdown("Nội dung tiếng Anh", "Nội dung chi tiết bằng tiếng Anh (Markdown)."),
            "location_name": _text("Địa điểm tiếng Anh", "Tên địa điểm bằng tiếng Anh."),
            "status_note": _text("Ghi chú trạng thái tiếng Anh", "Lý do hoãn hoặc huỷ, bằng tiếng Anh."),
            "location_address": _text("Địa chỉ tiếng Anh", "Địa chỉ của địa điểm, viết cho khách nước ngoài."),
            "directions": _text("Đường đi tiếng Anh", "Cách đi tới địa điểm, bằng tiếng Anh."),
            "price": _text("Giá vé tiếng Anh", "Giá vé bằng tiếng Anh, ví dụ \"Free\", \"50,000 VND\"."),
            "press_note": _text("Ghi chú báo chí tiếng Anh", "Hướng dẫn cho phóng viên, bằng tiếng Anh."),
            "image_alt": _text("Mô tả ảnh tiếng Anh", "Mô tả ngắn nội dung ảnh, bằng tiếng Anh."),
            "image_credit": _text("Nguồn ảnh tiếng Anh", "Tác giả hoặc nguồn ảnh, bằng tiếng Anh."),
        }),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "$comment": "Tạo bởi lệnh `sukien schema`; không sửa tay.",
        "title": "Tệp sự kiện (định dạng v1)",
        "description": "Một sự kiện trong lịch sự kiện tỉnh Lai Châu: content/events/<mã đơn vị>/<mã sự kiện>.yaml",
        "type": "object",
        "required": ["title", "summary", "category", "start", "location", "contact"],
        "properties": props,
        "additionalProperties": False,
        "allOf": [_same_kind(DATE_PATTERN), _same_kind(DATETIME_PATTERN)],
    }


def _doc(schema: dict, title: str, text: str) -> dict:
    """Attach a title and help text; Markdown help where the text uses it."""
    plain = text.replace("`", "").replace("**", "")
    doc = {"title": title, "description": plain}
    if plain != text:
        doc["markdownDescription"] = text
    return {**doc, **schema}


def _union(*patterns: str) -> str:
    return "^(?:" + "|".join(p.strip("^$") for p in patterns) + ")$"


def _pattern(pattern: str, message: str, types: str | list[str] = "string") -> dict:
    return {"type": types, "pattern": pattern, "patternErrorMessage": message}


def _text(title: str, text: str, max_length: int | None = None, required: bool = False) -> dict:
    # Numbers and booleans too: the reader takes every scalar as text.
    schema: dict = {"type": ["string", "number", "boolean"]}
    if required:
        schema["minLength"] = 1
    if max_length:
        schema["maxLength"] = max_length
    return _doc(schema, title, text)


def _markdown(title: str, text: str) -> dict:
    return _text(title, text + " Có thể dùng nhiều dòng (`|`).")


def _id_string(title: str, text: str) -> dict:
    return _doc(_pattern(patterns.ID, "Chỉ dùng chữ thường không dấu a-z, chữ số và dấu gạch nối "
                         "đơn, ví dụ le-hoi-then-kin-pang-2026."), title, text)


def _choice(entries, title: str, text: str) -> dict:
    if not entries:
        return _id_string(title, text)
    return _doc({"type": "string", "enum": [i for i, _ in entries],
                 "enumDescriptions": [label for _, label in entries]}, title, text)


def _enum(labels: dict[str, str], title: str, text: str, default: str | None = None) -> dict:
    values = [v for v in (*STATUSES, *REPEATS) if v in labels]
    schema: dict = {"type": "string", "enum": values, "enumDescriptions": [labels[v] for v in values]}
    if default:
        schema["default"] = default
    return _doc(schema, title, text)


def _date_or_time(title: str, text: str) -> dict:
    return _doc(_pattern(
        _union(DATE_PATTERN, DATETIME_PATTERN),
        "Cần ngày YYYY-MM-DD (ví dụ 2026-04-07) hoặc ngày giờ YYYY-MM-DD HH:MM (ví dụ 2026-04-07 07:30)."),
        title, text)


def _date(title: str, text: str) -> dict:
    return _doc(_pattern(DATE_PATTERN, "Cần ngày dạng YYYY-MM-DD, ví dụ 2026-04-07."), title, text)


def _url(title: str, text: str, pattern: str = URL_PATTERN) -> dict:
    return _doc(_pattern(pattern, "Cần địa chỉ đầy đủ bắt đầu bằng https:// (hoặc http://)."), title, text)


def _year(title: str, text: str) -> dict:
    return _doc({**_pattern(r"^[0-9]{4}$", "Cần năm gồm 4 chữ số, ví dụ 2030.", ["integer", "string"]),
                 "minimum": 1900, "maximum": 2200}, title, text)


def _mapping(title: str, text: str, props: dict, required: list[str] | None = None) -> dict:
    schema: dict = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = required
    return _doc(schema, title, text)


def _same_kind(pattern: str) -> dict:
    """``end`` must be of the same kind (date or date-time) as ``start``."""
    kind = "ngày" if pattern == DATE_PATTERN else "ngày giờ"
    return {
        "if": {"properties": {"start": {"type": "string", "pattern": pattern}}, "required": ["start"]},
        "then": {"properties": {"end": {"pattern": pattern, "patternErrorMessage":
                                        f"start là {kind} nên end cũng phải là {kind}."}}},
    }


def _location(reg: RegistryChoices) -> dict:
    coordinate = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[+-]?[0-9]+(\.[0-9]+)?$"}]}
    geo = {"type": "array", "minItems": 2, "maxItems": 2, "items": False, "prefixItems": [
        {**coordinate, "title": "Vĩ độ", "minimum": -90, "maximum": 90},
        {**coordinate, "title": "Kinh độ", "minimum": -180, "maximum": 180},
    ]}
    return _mapping("Địa điểm", "Nơi diễn ra sự kiện; `name` bắt buộc.", {
        "name": _text("Tên địa điểm", "Tên địa điểm, ví dụ \"Sân văn hoá trung tâm xã Khổng Lào\".",
                      required=True),
        "address": _text("Địa chỉ", "Địa chỉ cụ thể."),
        "area": _choice(reg.areas, "Xã, phường", "Mã xã, phường trong areas.yaml."),
        "geo": _doc(geo, "Toạ độ", "Toạ độ `[vĩ độ, kinh độ]`, ví dụ `[22.50, 103.43]`."),
        "map_url": _url("Bản đồ", "Đường dẫn bản đồ của địa điểm."),
        "directions": _text("Đường đi", "Cách đi tới địa điểm: tuyến đường, khoảng cách từ trung tâm tỉnh, "
                            "chỗ đỗ xe, đường mùa mưa."),
    }, required=["name"])


def _image() -> dict:
    src = {"type": "string", "anyOf": [{"pattern": HTTPS_PATTERN}, {"pattern": IMAGE_PATH_PATTERN}]}
    return _mapping("Ảnh", "Ảnh đại diện của sự kiện; có `src` thì phải có `alt`.", {
        "src": _doc(src, "Tệp ảnh", "Đường dẫn tương đối từ tệp sự kiện tới một ảnh JPEG, PNG, WebP hoặc GIF "
                    "(ví dụ `images/then-kin-pang.jpg`, không ra ngoài thư mục content; không nhận SVG) "
                    "hoặc địa chỉ `https://`."),
        "alt": _text("Mô tả ảnh", "Mô tả ngắn nội dung ảnh cho người khiếm thị.", required=True),
        "credit": _text("Nguồn ảnh", "Tác giả hoặc nguồn ảnh."),
    }, required=["src", "alt"])


def _contact(title: str, text: str) -> dict:
    schema = _mapping(title, text, {
        "name": _text("Tên", "Tên đơn vị hoặc người làm đầu mối.", required=True),
        "phone": _doc(_pattern(patterns.PHONE, "Số điện thoại chỉ gồm chữ số, dấu cách, chấm, gạch nối, "
                               "ngoặc và dấu + ở đầu.", ["string", "integer"]),
                      "Điện thoại", "Số điện thoại; nên đặt trong ngoặc kép, ví dụ `\"0213 3800 000\"`."),
        "email": _doc(_pattern(patterns.EMAIL, "Cần địa chỉ thư điện tử, ví dụ vanphong@laichau.gov.vn."),
                      "Thư điện tử", "Địa chỉ thư điện tử."),
    }, required=["name"])
    schema["anyOf"] = [{"required": ["phone"]}, {"required": ["email"]}]
    return schema


def _press() -> dict:
    words = [form for w in INVITED_WORDS for form in (w, w.capitalize(), w.upper())]
    invited = {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": words}], "default": False}
    return _mapping("Báo chí", "Thông tin mời báo chí.", {
        "invited": _doc(invited, "Mời báo chí", "Có mời báo chí không: `true`/`false`, "
                        "`yes`/`no` hoặc `có`/`không`."),
        "accreditation_deadline": _date_or_time("Hạn đăng ký tác nghiệp", "Ngày hoặc ngày giờ."),
        "note": _text("Ghi chú cho báo chí", "Hướng dẫn cho phóng viên."),
        "contact": _contact("Liên hệ báo chí", "Đầu mối cho báo chí, cùng dạng với `contact`."),
    })


def _co_organizer(reg: RegistryChoices) -> dict:
    free = {"type": "string", "minLength": 1}
    if not reg.units:
        return _doc(free, "Đơn vị phối hợp", "Mã đơn vị hoặc tên đơn vị.")
    units = {"type": "string", "enum": [i for i, _ in reg.units],
             "enumDescriptions": [label for _, label in reg.units]}
    return _doc({"anyOf": [units, free]}, "Đơn vị phối hợp", "Mã đơn vị trong units.yaml hoặc tên đơn vị.")


def _schedule() -> dict:
    moment = _pattern(_union(TIME_PATTERN, DATETIME_PATTERN),
                      "Cần giờ HH:MM (ví dụ 08:30) hoặc ngày giờ YYYY-MM-DD HH:MM.")
    item = _mapping("Mục chương trình", "Một mục của chương trình.", {
        "start": _doc(moment, "Bắt đầu", "Giờ `HH:MM` (trong ngày đầu tiên của sự kiện) hoặc ngày giờ."),
        "end": _doc(moment, "Kết thúc", "Giờ `HH:MM` hoặc ngày giờ."),
        "title": _text("Nội dung", "Tên mục chương trình.", required=True),
        "place": _text("Nơi", "Nơi diễn ra mục này."),
        "en": _mapping("Bản tiếng Anh", "Tên và nơi của mục này bằng tiếng Anh.", {
            "title": _text("Nội dung tiếng Anh", "Tên mục chương trình bằng tiếng Anh."),
            "place": _text("Nơi tiếng Anh", "Nơi diễn ra mục này, bằng tiếng Anh."),
        }),
    }, required=["start", "title"])
    return _doc({"type": "array", "items": item}, "Chương trình",
                "Danh sách mục chương trình `{start, end, title, place, en}`.")


def _exceptions() -> dict:
    year = _mapping("Ngoại lệ của một năm", "Thay đổi riêng cho lần tổ chức năm đó.", {
        "status": _enum(STATUS_VI, "Trạng thái", "Trạng thái của lần tổ chức năm đó."),
        "status_note": _text("Ghi chú trạng thái", "Lý do hoãn hoặc huỷ."),
        "start": _date_or_time("Bắt đầu", "Ngày bắt đầu mới; chỉ có `start` thì giữ nguyên thời lượng."),
        "end": _date_or_time("Kết thúc", "Ngày kết thúc mới."),
        "en": _mapping("Bản tiếng Anh", "Ghi chú bằng tiếng Anh.", {
            "status_note": _text("Ghi chú trạng thái tiếng Anh", "Lý do hoãn hoặc huỷ, bằng tiếng Anh."),
        }),
    })
    return _doc({"type": "object", "patternProperties": {r"^[0-9]{4}$": year}, "additionalProperties": False},
                "Ngoại lệ", "Thay đổi theo từng năm của chuỗi sự kiện lặp lại: khoá là năm "
                "(ví dụ `2027:`), giá trị là `{status, status_note, start, end, en}`.")


def _coverage() -> dict:
    item = _mapping("Bài báo", "Một bài báo viết về sự kiện.", {
        "outlet": _text("Cơ quan báo chí", "Tên báo, đài, ví dụ \"Báo Lai Châu\".", required=True),
        "title": _text("Tên bài", "Tên bài báo, phóng sự.", required=True),
        "url": _url("Đường dẫn", "Địa chỉ http:// hoặc https:// của bài."),
        "date": _date("Ngày đăng", "Ngày bài được đăng (YYYY-MM-DD)."),
    }, required=["outlet", "title", "url"])
    return _doc({"type": "array", "items": item}, "Báo chí đưa tin",
                "Các bài báo đã đưa tin về sự kiện (sau sự kiện): danh sách `{outlet, title, url, date}`.")


def _updates() -> dict:
    item = _mapping("Tin cập nhật", "Một tin cập nhật.", {
        "at": _date_or_time("Thời điểm", "Thời điểm đăng tin (YYYY-MM-DD HH:MM)."),
        "text": _markdown("Nội dung", "Nội dung tin (Markdown)."),
        "en": _mapping("Bản tiếng Anh", "Nội dung tin bằng tiếng Anh.", {
            "text": _markdown("Nội dung tiếng Anh", "Nội dung tin bằng tiếng Anh (Markdown)."),
        }),
    }, required=["at", "text"])
    return _doc({"type": "array", "items": item}, "Tin cập nhật",
                "Tin trước, trong và sau sự kiện: danh sách `{at, text, en}`.")
