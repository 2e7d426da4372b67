"""The validator's rules: one stable code each, grouped by family.

``RULES`` is the table of every code the validator can report, with its
severity and a one-line description in Vietnamese and English (used for
documentation and kept true by tests).  The spec's codes
(``spec/rule-codes.md``) are never renamed; codes added here cover rules
the spec does not list.

This package is also the parser from composed YAML to the frozen
``model`` objects: each reader checks a node and returns its clean value
in the same pass, because the message needs the node (file, line, column)
and the value needs the check (a separate pass would walk every file
twice, and the validator's speed goal is 1.5 times PyYAML's C loader).
The modules:

- ``filecheck``: one file's check (``FileCheck``: where problems go, the
  ids the registries know) and the walk over mappings (unknown keys,
  suggestions);
- ``values``: scalars (text, URLs, phones, e-mail, choices, coordinates),
  their forms from ``model.patterns``;
- ``dates``: dates, date-times and times of day as units write them;
- ``parts``: the nested parts of an event (location, contact, image,
  press, links, updates, English);
- ``series``: repeats, exceptions and the programme, asking
  ``model.repeats.Series`` the series rules;
- ``event``: an event file's top level, returning the ``model.Event``;
- ``registries``: ``units.yaml``, ``categories.yaml`` and ``areas.yaml``.

Which files are read, and in what order, is ``load/``'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.problems import ERROR, WARNING


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    vi: str
    en: str


_TABLE = [
    ("end-before-start", ERROR, "ngày/giờ kết thúc trước ngày/giờ bắt đầu", "end is before start"),
    ("unknown-key", ERROR, "trường không có trong định dạng", "key not defined at that level"),
    ("duplicate-key", ERROR, "một trường được viết hai lần", "the same key twice in one mapping"),
    ("yaml-syntax", ERROR, "tệp không đúng cú pháp YAML", "the file is not well-formed YAML"),
    ("yaml-alias", ERROR, "dùng bí danh YAML (*tên)", "YAML aliases are refused"),
    ("yaml-tag", ERROR, "dùng thẻ YAML (!!...)", "an explicit YAML tag"),
    ("empty-file", ERROR, "tệp trống", "the file has no YAML document"),
    ("file-too-large", ERROR, "tệp quá lớn", "the event file is over the size limit"),
    ("invalid-encoding", ERROR, "tệp không phải văn bản UTF-8", "not UTF-8 text"),
    ("wrong-type", ERROR, "giá trị sai dạng (danh sách, bảng, văn bản)", "the value has the wrong shape"),
    ("missing-required", ERROR, "thiếu trường bắt buộc", "a required field is absent or empty"),
    ("contact-incomplete", ERROR, "đầu mối liên hệ thiếu cả điện thoại lẫn email", "contact has neither phone nor email"),
    ("mixed-date-kinds", ERROR, "bắt đầu và kết thúc không cùng dạng (ngày / ngày giờ)", "start and end are not the same kind"),
    ("invalid-date", ERROR, "ngày không tồn tại", "a date that does not exist"),
    ("date-format", ERROR, "ngày không viết theo dạng YYYY-MM-DD", "a date not in ISO form"),
    ("invalid-time", ERROR, "giờ hoặc phút không hợp lệ", "an hour or minute out of range"),
    ("unknown-category", ERROR, "chủ đề không có trong categories.yaml", "category not in categories.yaml"),
    ("unknown-area", ERROR, "địa bàn không có trong areas.yaml", "location.area not in areas.yaml"),
    ("unknown-unit", ERROR, "thư mục đơn vị không có trong units.yaml", "events/<unit>/ folder not in units.yaml"),
    ("invalid-id", ERROR, "tên tệp không phải mã sự kiện hợp lệ", "the file name is not an id"),
    ("duplicate-id", ERROR, "hai tệp sự kiện cùng mã", "two event files with the same id"),
    ("image-not-found", ERROR, "không tìm thấy tệp ảnh", "image.src file does not exist"),
    ("unsafe-path", ERROR, "đường dẫn ra ngoài thư mục content/", "a path that leaves content/"),
    ("unsafe-url", ERROR, "địa chỉ nguy hiểm (javascript:, data:, ...)", "a javascript:, data:, vbscript: or file: URL"),
    ("invalid-url", ERROR, "địa chỉ web không hợp lệ", "not an absolute http(s) URL"),
    ("invalid-geo", ERROR, "toạ độ không hợp lệ", "geo is not [lat, lon] in range"),
    ("invalid-value", ERROR, "giá trị không nằm trong danh sách cho phép", "a value outside its fixed set"),
    ("too-long", ERROR, "văn bản quá dài", "title or summary too long"),
    ("repeat-until-before-start", ERROR, "repeat_until trước năm bắt đầu", "repeat_until before the start year"),
    ("exception-outside-series", ERROR, "ngoại lệ cho năm không thuộc chuỗi sự kiện", "an exceptions year not in the series"),
    ("invalid-timezone", ERROR, "múi giờ không hợp lệ", "timezone is not an IANA zone name"),
    ("invalid-tag", ERROR, "thẻ (tag) không đúng dạng mã", "a tag that is not in id form"),
    ("geo-outside-bounds", WARNING, "toạ độ nằm ngoài tỉnh", "geo outside the province's bounds"),
    ("invalid-phone", ERROR, "số điện thoại có ký tự không hợp lệ", "a phone number with invalid characters"),
    ("invalid-email", ERROR, "địa chỉ email không hợp lệ", "not an e-mail address"),
    ("missing-registry", ERROR, "thiếu hoặc không đọc được tệp danh mục", "a registry is absent or unreadable"),
    ("removed-event", ERROR, "sự kiện đã công bố bị xoá hoặc đổi tên", "a published event file was deleted or renamed"),
    ("duplicate-event", WARNING, "sự kiện trùng với một sự kiện khác (cùng tên, ngày bắt đầu, địa bàn)", "another event has the same title, first day and area"),
    ("new-event-in-past", WARNING, "sự kiện mới đã kết thúc", "a new event file whose every occurrence has ended"),
    # Codes added by this project (rules the spec's table does not cover).
    ("timezone-mismatch", ERROR, "độ lệch giờ (+07:00) không khớp múi giờ của sự kiện", "an explicit offset disagrees with the event's time zone"),
    ("lunar-leap-month", ERROR, "chuỗi âm lịch bắt đầu trong tháng nhuận", "a lunar-yearly series starting in a leap month"),
    ("schedule-outside-event", ERROR, "mục chương trình nằm ngoài thời gian sự kiện", "a schedule item outside the event"),
    ("too-many-problems", ERROR, "tệp có quá nhiều lỗi, chỉ liệt kê 100 lỗi đầu", "more problems than are listed"),
    ("internal-error", ERROR, "lỗi nội bộ của trình kiểm tra", "an internal validator error (a bug)"),
    ("unsupported-image", ERROR, "ảnh không phải PNG, JPEG, WebP hay GIF (SVG không được nhận)", "image.src is not a PNG, JPEG, WebP or GIF photo (SVG is refused)"),
    ("invalid-image", ERROR, "tệp ảnh hỏng hoặc không đúng loại", "image.src cannot be decoded as the photo its name says"),
    ("image-too-large", ERROR, "ảnh quá nặng hoặc quá nhiều điểm ảnh", "image.src is over 20 MiB or 50 million pixels"),
    ("date-out-of-range", ERROR, "năm quá xa hiện tại (ngoài 30 năm trước đến 20 năm sau)", "a year more than 30 years before or 20 after the build's year"),
    ("event-too-long", ERROR, "sự kiện kéo dài hơn 366 ngày", "an event (or one occurrence of a series) lasts more than 366 days"),
    ("series-overlap", ERROR, "một lần của chuỗi sự kiện chưa kết thúc thì lần sau đã bắt đầu", "an occurrence of a series begins before the previous one ends"),
    ("markdown-too-complex", ERROR, "văn bản Markdown quá phức tạp (quá nhiều dòng, '[', '|' hoặc lồng quá sâu)", "Markdown over 300 lines, 50 '[', 1,000 '|' or 8 levels of lists and quotes"),
    ("too-many-items", ERROR, "danh sách có quá 200 mục", "a list of an event with more than 200 items"),
    ("invalid-registry", ERROR, "mục trong tệp danh mục không hợp lệ", "an invalid entry in a registry"),
]

RULES: dict[str, Rule] = {code: Rule(code, sev, vi, en) for code, sev, vi, en in _TABLE}


def severity(code: str) -> str:
    return RULES[code].severity
