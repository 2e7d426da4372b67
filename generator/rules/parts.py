"""Nested parts of an event: location, contact, image, press, reference,
links, updates and the English version."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

from ..model import event as model
from ..load import images
from ..load.yamlread import Node
from . import dates, values
from .filecheck import FileCheck, fields, suggest

LOCATION_KEYS = ("name", "address", "area", "geo", "map_url", "directions")
CONTACT_KEYS = ("name", "phone", "email")
IMAGE_KEYS = ("src", "alt", "credit")
PRESS_KEYS = ("invited", "accreditation_deadline", "note", "contact")
REFERENCE_KEYS = ("number", "date", "url")
LINK_KEYS = ("title", "url")
UPDATE_KEYS = ("at", "text", "en")
UPDATE_EN_KEYS = ("text",)
COVERAGE_KEYS = ("outlet", "title", "url", "date")
EN_KEYS = ("title", "summary", "description", "location_name", "status_note",
           "location_address", "directions", "price", "press_note", "image_alt", "image_credit")


def missing(ck: FileCheck, at: Node | None, where: str, name: str, example: str, got=None) -> None:
    """A required field is absent (located at its mapping's key or at the
    file) or empty (located at its own key)."""
    full = f"{where}.{name}" if where else name
    if name in getattr(got, "misspelt", {}):
        return  # the misspelt key's problem names it, at the typo's line
    empty = getattr(got, "empty", {}).get(name)
    if empty is not None:
        ck.report(
            empty, "missing-required",
            f"trường bắt buộc '{full}' đang để trống (ví dụ: {example})",
            f"the required field '{full}' is empty (for example: {example})",
        )
        return
    ck.report(
        at, "missing-required",
        f"thiếu trường bắt buộc '{full}' (ví dụ: {example})",
        f"the required field '{full}' is missing (for example: {example})",
    )


def location(ck: FileCheck, key: Node, node: Node) -> model.Location | None:
    got = fields(ck, node, LOCATION_KEYS, "location", key)
    if got is None:
        return None
    if "name" not in got:
        missing(ck, key, "location", "name", "name: Sân vận động tỉnh", got)
    name = values.field_text(ck, got, "location", "name")
    address = values.field_text(ck, got, "location", "address")
    area = _area(ck, got["area"][1]) if "area" in got else None
    geo = values.geo(ck, got["geo"][1], "location.geo") if "geo" in got else None
    map_url = values.url(ck, got["map_url"][1], "location.map_url") if "map_url" in got else None
    directions = values.field_text(ck, got, "location", "directions")
    return model.Location(name or "", address, area, geo, map_url, directions) if name else None


def _area(ck: FileCheck, node: Node) -> str | None:
    value = values.text(ck, node, "location.area")
    areas = ck.registries.areas
    if value is None or areas is None or value in areas:
        return value
    guess = suggest(value, areas, ck.registries.area_names)
    ck.report(
        node, "unknown-area",
        f"địa bàn '{value}' không có trong areas.yaml"
        + (f"; có phải ý bạn là '{guess}' ({areas[guess].name})?" if guess else "; hãy dùng mã xã/phường, ví dụ 'khong-lao'"),
        f"area '{value}' is not in areas.yaml" + (f"; did you mean '{guess}'?" if guess else ""),
    )
    return None


def contact(ck: FileCheck, key: Node, node: Node, where: str) -> model.Contact | None:
    got = fields(ck, node, CONTACT_KEYS, where, key)
    if got is None:
        return None
    name = values.field_text(ck, got, where, "name")
    if not name:
        missing(ck, key, where, "name", "name: Phòng Văn hoá - Xã hội", got)
    phone = values.phone(ck, got["phone"][1], f"{where}.phone") if "phone" in got else None
    email = values.email(ck, got["email"][1], f"{where}.email") if "email" in got else None
    if "phone" not in got and "email" not in got:
        ck.report(
            key, "contact-incomplete",
            f"'{where}' cần ít nhất một số điện thoại ('phone') hoặc email ('email') để báo chí và người dân liên hệ",
            f"'{where}' needs at least a 'phone' or an 'email'",
        )
    return model.Contact(name, phone, email) if name else None


def image(ck: FileCheck, key: Node, node: Node) -> model.Image | None:
    got = fields(ck, node, IMAGE_KEYS, "image", key)
    if got is None:
        return None
    if "src" not in got:
        missing(ck, key, "image", "src", "src: images/anh-le-hoi.jpg", got)
        return None
    src = _image_src(ck, got["src"][1])
    alt = values.field_text(ck, got, "image", "alt")
    if not alt:
        missing(ck, key, "image", "alt", "alt: Mô tả ngắn nội dung ảnh cho người khiếm thị", got)
    credit = values.field_text(ck, got, "image", "credit")
    return model.Image(src, alt, credit) if src and alt else None


def _image_src(ck: FileCheck, node: Node) -> str | None:
    raw = values.text(ck, node, "image.src")
    if raw is None:
        return None
    if values._SCHEME.match(raw) and not _WINDOWS_DRIVE.match(raw):
        return values.url(ck, node, "image.src", https_only=True)
    if ck.file is None or ck.content_root is None:
        return raw
    return _inside_content(ck, node, raw, ck.file, ck.content_root)


def _inside_content(ck: FileCheck, node: Node, raw: str, file: Path, root: Path) -> str | None:
    candidate = _on_disk(Path(os.path.normpath(file.parent / raw)))
    absolute = raw.startswith(("/", "\\")) or _WINDOWS_DRIVE.match(raw)
    relative = None if absolute else _below(candidate, root)
    if relative is None:
        ck.report(
            node, "unsafe-path",
            f"'image.src': đường dẫn '{raw}' đi ra ngoài thư mục content/; hãy đặt ảnh trong thư mục "
            "images/ của đơn vị và ghi 'images/ten-anh.jpg'",
            f"'image.src': the path '{raw}' leaves content/; put the image in your unit's images/ "
            "folder and write 'images/name.jpg'",
        )
        return None
    if not _is_file(candidate):
        shown = raw if len(raw) <= 120 else raw[:120] + "…"
        ck.report(
            node, "image-not-found",
            f"'image.src': không tìm thấy tệp ảnh '{shown}' (tính từ thư mục của tệp sự kiện); "
            "hãy tải ảnh lên hoặc sửa tên tệp (phân biệt chữ hoa, chữ thường)",
            f"'image.src': the image file '{shown}' does not exist (relative to the event file)",
        )
        return None
    refused = images.refusal(candidate)
    if refused is not None:
        ck.report(node, refused.code, refused.vi, refused.en)
        return None
    return relative.as_posix()


_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:[\\/]")


def _below(path: Path, root: Path) -> Path | None:
    """``path`` relative to ``root``, if it stays inside after symlinks."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return None
    try:
        if path.is_symlink() or path.exists():
            path.resolve(strict=True).relative_to(root.resolve())
    except (ValueError, RuntimeError):  # outside, or a symlink loop
        return None
    except OSError:  # unreadable (a name too long, say): reported as not found
        pass
    return relative


def _on_disk(path: Path) -> Path:
    """The path as stored on disk: NFC or NFD accents (macOS writes NFD)."""
    try:
        if path.exists():
            return path
    except OSError:  # a name too long, say
        return path
    for form in ("NFD", "NFC"):
        other = Path(unicodedata.normalize(form, str(path)))
        try:
            if other.exists():
                return other
        except OSError:
            break
    return path


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, say
        return False


def press(ck: FileCheck, key: Node, node: Node, zone: str) -> model.Press | None:
    got = fields(ck, node, PRESS_KEYS, "press", key)
    if got is None:
        return None
    invited = values.boolean(ck, got["invited"][1], "press.invited") if "invited" in got else False
    deadline = None
    if "accreditation_deadline" in got:
        deadline = date_value(ck, got["accreditation_deadline"][1], "press.accreditation_deadline", zone)
    note = values.field_text(ck, got, "press", "note")
    press_contact = contact(ck, *got["contact"], "press.contact") if "contact" in got else None
    return model.Press(bool(invited), deadline, note, press_contact)


def date_value(ck: FileCheck, node: Node, where: str, zone: str, kinds=(dates.KIND_DATE, dates.KIND_DATETIME)):
    """The date (or date-time) a field holds, or None when it holds none (reported)."""
    value = values.text(ck, node, where)
    return None if value is None else dates.parse_when(ck, node, where, zone, kinds)


def reference(ck: FileCheck, key: Node, node: Node, zone: str) -> model.Reference | None:
    got = fields(ck, node, REFERENCE_KEYS, "reference", key)
    if got is None:
        return None
    number = values.field_text(ck, got, "reference", "number")
    date = date_value(ck, got["date"][1], "reference.date", zone, (dates.KIND_DATE,)) if "date" in got else None
    url = values.url(ck, got["url"][1], "reference.url") if "url" in got else None
    return model.Reference(number, date, url)


def list_items(ck: FileCheck, node: Node, label: str, keys, required: dict[str, str]):
    """``(where, item node, fields)`` of each mapping in a list such as
    ``links``, with its missing required keys reported."""
    for index, item in enumerate(values.sequence(ck, node, label) or ()):
        where = f"{label}[{index + 1}]"
        got = fields(ck, item, keys, where)
        if got is None:
            continue
        for name, example in required.items():
            if name not in got:
                missing(ck, item, where, name, example, got)
        yield where, item, got


def links(ck: FileCheck, node: Node) -> tuple[model.Link, ...]:
    result = []
    required = {"title": "title: Kế hoạch tổ chức", "url": "url: https://..."}
    for where, _, got in list_items(ck, node, "links", LINK_KEYS, required):
        title = values.field_text(ck, got, where, "title")
        url = values.url(ck, got["url"][1], f"{where}.url") if "url" in got else None
        if title and url:
            result.append(model.Link(title, url))
    return tuple(result)


def updates(ck: FileCheck, node: Node, zone: str) -> tuple[model.Update, ...]:
    result = []
    required = {"at": "at: 2026-04-20 09:00", "text": "text: Nội dung tin"}
    for where, _, got in list_items(ck, node, "updates", UPDATE_KEYS, required):
        at = date_value(ck, got["at"][1], f"{where}.at", zone) if "at" in got else None
        body = values.markdown(ck, got["text"][1], f"{where}.text") if "text" in got else None
        english_texts = nested_english(ck, got, where, UPDATE_EN_KEYS, markdown=True)
        if at is not None and body:
            result.append(model.Update(as_datetime(at, zone), body, english_texts.get("text")))
    return tuple(sorted(result, key=lambda u: u.at))


def coverage(ck: FileCheck, node: Node, zone: str) -> tuple[model.Coverage, ...]:
    """Articles about the event: outlet, title and an http(s) url, with an
    optional ISO date."""
    result = []
    required = {"outlet": "outlet: Báo Lai Châu", "title": "title: Tên bài báo", "url": "url: https://..."}
    for where, _, got in list_items(ck, node, "coverage", COVERAGE_KEYS, required):
        outlet = values.field_text(ck, got, where, "outlet")
        title = values.field_text(ck, got, where, "title")
        url = values.url(ck, got["url"][1], f"{where}.url") if "url" in got else None
        date = date_value(ck, got["date"][1], f"{where}.date", zone, (dates.KIND_DATE,)) if "date" in got else None
        if outlet and title and url:
            result.append(model.Coverage(outlet, title, url, date))
    return tuple(sorted(result, key=lambda c: (c.date is None, c.date or dt.date.min)))


def english(ck: FileCheck, key: Node, node: Node) -> model.English | None:
    got = fields(ck, node, EN_KEYS, "en", key)
    if got is None:
        return None
    limits = {"title": 150, "summary": 300}
    parts = {
        name: values.markdown(ck, got[name][1], "en.description") if name == "description"
        else values.field_text(ck, got, "en", name, limits.get(name))
        for name in EN_KEYS if name in got
    }
    return model.English(**parts)


def nested_english(ck: FileCheck, got, where: str, keys: tuple[str, ...], markdown: bool = False) -> dict[str, str]:
    """The texts of an item's own ``en:`` mapping (a schedule item's, an
    update's), by key; an unknown key in it is reported like anywhere else.
    ``markdown``: the texts are Markdown, bounded like the Vietnamese ones."""
    if "en" not in got:
        return {}
    found = fields(ck, got["en"][1], keys, f"{where}.en", got["en"][0])
    if found is None:
        return {}
    texts = {name: values.markdown(ck, found[name][1], f"{where}.en.{name}") if markdown
             else values.field_text(ck, found, f"{where}.en", name) for name in keys if name in found}
    return {name: text for name, text in texts.items() if text}


def as_datetime(value, zone: str):
    """A date read where a date-time is expected means its midnight."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time(0, 0), tzinfo=ZoneInfo(zone))
