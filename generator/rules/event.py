"""An event file's top level: required fields, dates, status and series.

``check_event`` walks the composed YAML once, reports every problem and,
when the file has no error, returns the ``model.Event``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache
from zoneinfo import available_timezones

from ..model import event as model
from ..load.yamlread import Node
from . import dates, parts, series, values
from .filecheck import FileCheck, fields, suggest
from .series import STATUS_ALIASES

TOP_KEYS = (
    "title", "summary", "category", "start", "end", "timezone", "status", "status_note",
    "location", "online_url", "description", "image", "tags", "price", "contact", "press",
    "co_organizers", "reference", "links", "schedule", "repeat", "repeat_until", "exceptions",
    "updates", "coverage", "published", "en",
)
REQUIRED = {
    "title": "title: Lễ hội Then Kin Pang",
    "summary": "summary: Một hoặc hai câu giới thiệu sự kiện.",
    "category": "category: le-hoi",
    "start": "start: 2026-04-26",
    "location": "'location:' rồi dòng dưới thụt lề '  name: Sân văn hoá trung tâm xã'",
    "contact": "'contact:' rồi các dòng dưới thụt lề '  name: Phòng Văn hoá - Xã hội' và '  phone: \"0213 3800 000\"'",
}
REPEAT_ALIASES = {
    "annual": "yearly", "annually": "yearly", "hang-nam": "yearly", "hằng năm": "yearly",
    "lunar": "lunar-yearly", "am-lich": "lunar-yearly", "hang-nam-am-lich": "lunar-yearly",
}
TIMEZONE_ALIASES = {
    name: "Asia/Ho_Chi_Minh"
    for name in ("GMT+7", "UTC+7", "GMT+07:00", "UTC+07:00", "+07:00", "+7", "ICT", "ASIA/HANOI", "ASIA/SAIGON", "VIETNAM")
}
KEY_ALIASES = {
    "tieu-de": "title", "ten": "title", "ten-su-kien": "title", "name": "title",
    "tom-tat": "summary", "gioi-thieu": "summary", "mo-ta": "description", "noi-dung": "description",
    "chu-de": "category", "danh-muc": "category", "loai": "category", "categories": "category",
    "bat-dau": "start", "ngay-bat-dau": "start", "date": "start", "begin": "start",
    "ket-thuc": "end", "ngay-ket-thuc": "end", "finish": "end",
    "dia-diem": "location", "place": "location", "venue": "location",
    "lien-he": "contact", "anh": "image", "hinh-anh": "image", "gia": "price", "gia-ve": "price",
    "trang-thai": "status", "the": "tags", "tag": "tags", "bao-chi": "press", "lap-lai": "repeat",
    "bao-chi-dua-tin": "coverage", "dua-tin": "coverage", "press-coverage": "coverage", "articles": "coverage",
    "cap-nhat": "updates", "tin-tuc": "updates", "lich-trinh": "schedule", "chuong-trinh": "schedule",
    "programme": "schedule", "program": "schedule", "english": "en", "tieng-anh": "en",
}


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_event(ck: FileCheck, root: Node, event_id: str, unit: str, path: str) -> model.Event | None:
    got = fields(ck, root, TOP_KEYS, "", aliases=KEY_ALIASES)
    if got is None:
        return None
    zone = _timezone(ck, got)
    found: dict = {"timezone": zone}
    for name, read in READERS.items():
        if name in got:
            value = read(ck, *got[name], zone)
            if value is not None:
                found[name] = value
    for name, example in REQUIRED.items():
        if name not in got and not _indented_by_mistake(ck, name, got):
            parts.missing(ck, None, "", name, example, got)
    _check_span(ck, got, found)
    series.check(ck, got, found)
    if ck.failed or not all(name in found for name in REQUIRED):
        return None
    return model.Event(id=event_id, unit=unit, path=path, **found)


def _indented_by_mistake(ck: FileCheck, name: str, got) -> bool:
    """A missing top-level key found inside a nested mapping (``contact:``
    indented under ``location:``): its unknown-key problem becomes one
    indentation problem at its line, and the key is not reported missing."""
    stray = ck.nested_unknown.get(name)
    if stray is None or name in got.empty:
        return False
    where, node, index = stray
    line = node.start_mark.line + 1
    old = ck.problems[index]
    ck.problems[index] = replace(
        old,
        message=f"thụt lề sai ở dòng {line}: '{name}' là trường cấp ngoài cùng nhưng đang thụt lề vào trong "
                f"'{where}'; hãy xoá dấu cách ở đầu dòng {line} (các dòng con của '{name}' thụt 2 dấu cách)",
        message_en=f"wrong indentation on line {line}: '{name}' is a top-level key but is indented into "
                   f"'{where}'; remove the spaces before it",
    )
    return True


def _timezone(ck: FileCheck, got: dict) -> str:
    if "timezone" not in got:
        return ck.config.timezone
    node = got["timezone"][1]
    value = values.text(ck, node, "timezone")
    if value is None or model.is_place_zone(value):
        return value or ck.config.timezone
    guess = TIMEZONE_ALIASES.get(value.upper().replace(" ", "")) or suggest(
        value, sorted(z for z in _zones() if model.is_place_zone(z)))
    ck.report(
        node, "invalid-timezone",
        f"'timezone': '{value}' không phải tên múi giờ của một nơi (dạng 'Châu lục/Thành phố', như 'Asia/Ho_Chi_Minh')"
        + (f"; có phải ý bạn là '{guess}'?" if guess else "; thường không cần ghi trường này (mặc định Asia/Ho_Chi_Minh)"),
        f"'timezone': '{value}' is not the IANA name of a place ('Area/City')"
        + (f"; did you mean '{guess}'?" if guess else ""),
    )
    return ck.config.timezone


def _text(max_len=None):
    def read(ck, k, node, zone):
        return values.text(ck, node, k.value, max_len) or None
    return read


def _category(ck: FileCheck, key: Node, node: Node, zone: str):
    value = values.text(ck, node, "category")
    known = ck.registries.categories
    if value is None or known is None or value in known:
        return value
    guess = suggest(value, known, ck.registries.category_names)
    listing = ", ".join(known)
    ck.report(
        node, "unknown-category",
        f"chủ đề '{value}' không có trong categories.yaml"
        + (f"; có phải ý bạn là '{guess}' ({known[guess].name})?" if guess else "")
        + f" (các chủ đề: {listing})",
        f"category '{value}' is not in categories.yaml" + (f"; did you mean '{guess}'?" if guess else "")
        + f" (categories: {listing})",
    )
    return None


def _date_field(ck: FileCheck, key: Node, node: Node, zone: str):
    return parts.date_value(ck, node, key.value, zone)


def _published(ck: FileCheck, key: Node, node: Node, zone: str):
    value = _date_field(ck, key, node, zone)
    return None if value is None else parts.as_datetime(value, zone)


def _status(ck, key, node, zone):
    return values.choice(ck, node, "status", model.STATUSES, STATUS_ALIASES)


def _repeat(ck, key, node, zone):
    return values.choice(ck, node, "repeat", model.REPEATS, REPEAT_ALIASES)


def _tags(ck, key, node, zone):
    items = values.sequence(ck, node, "tags")
    found = (values.tag(ck, item, f"tags[{i + 1}]") for i, item in enumerate(items or ()))
    return tuple(tag for tag in found if tag)


def _co_organizers(ck, key, node, zone):
    items = values.sequence(ck, node, "co_organizers")
    found = (values.text(ck, item, f"co_organizers[{i + 1}]") for i, item in enumerate(items or ()))
    return tuple(name for name in found if name)


def _check_span(ck: FileCheck, got: dict, found: dict) -> None:
    start, end = found.get("start"), found.get("end")
    if start is None or end is None:
        return
    node = got["end"][1]
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        ck.report(
            node, "mixed-date-kinds",
            f"'start' ({dates.show(start)}) và 'end' ({dates.show(end)}) phải cùng dạng: "
            "cả hai là ngày (sự kiện cả ngày) hoặc cả hai là ngày giờ",
            f"'start' ({dates.show(start)}) and 'end' ({dates.show(end)}) must both be dates or both date-times",
        )
        del found["end"]
    elif end < start:
        ck.report(
            node, "end-before-start",
            f"ngày kết thúc ({dates.show(end)}) trước ngày bắt đầu ({dates.show(start)})",
            f"end ({dates.show(end)}) is before start ({dates.show(start)})",
        )


READERS = {
    "title": _text(150),
    "summary": _text(300),
    "category": _category,
    "start": _date_field,
    "end": _date_field,
    "status": _status,
    "status_note": _text(),
    "location": lambda ck, k, n, z: parts.location(ck, k, n),
    "online_url": lambda ck, k, n, z: values.url(ck, n, "online_url"),
    "description": lambda ck, k, n, z: values.markdown(ck, n, "description"),
    "image": lambda ck, k, n, z: parts.image(ck, k, n),
    "tags": _tags,
    "price": _text(),
    "contact": lambda ck, k, n, z: parts.contact(ck, k, n, "contact"),
    "press": parts.press,
    "co_organizers": _co_organizers,
    "reference": parts.reference,
    "links": lambda ck, k, n, z: parts.links(ck, n),
    "schedule": lambda ck, k, n, z: series.schedule(ck, n, z),
    "repeat": _repeat,
    "repeat_until": lambda ck, k, n, z: values.year(ck, n, "repeat_until"),
    "exceptions": lambda ck, k, n, z: series.exceptions(ck, k, n, z),
    "updates": lambda ck, k, n, z: parts.updates(ck, n, z),
    "coverage": lambda ck, k, n, z: parts.coverage(ck, n, z),
    "published": _published,
    "en": lambda ck, k, n, z: parts.english(ck, k, n),
}
