"""Build small content trees for tests: registries plus event files."""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator.load.config import SiteConfig
from generator.pipeline.validate import validate_tree

UNITS = """\
- id: so-vhttdl
  name: Sở Văn hóa, Thể thao và Du lịch
  maintainers: [nguyen-van-a]
- id: ubnd-xa-khong-lao
  name: UBND xã Khổng Lào
"""
CATEGORIES = """\
- {id: le-hoi, name: Lễ hội truyền thống, name_en: Traditional festivals}
- {id: van-hoa, name: Văn hóa, name_en: Culture}
"""
AREAS = """\
- {id: khong-lao, name: Xã Khổng Lào, region: Phong Thổ}
- {id: tan-phong, name: Phường Tân Phong, region: Thành phố Lai Châu}
"""
VALID = """\
title: Lễ hội Then Kin Pang
summary: Lễ hội truyền thống của đồng bào Thái trắng.
category: le-hoi
start: 2026-04-26 07:30
end: 2026-04-27 17:00
location:
  name: Sân văn hoá trung tâm xã Khổng Lào
  area: khong-lao
  geo: [22.50, 103.43]
contact:
  name: Phòng Văn hoá - Xã hội
  phone: "0213 3800 000"
"""


def make_tree(root: Path, events: dict[str, str] | None = None, registries: bool = True) -> Path:
    """A content tree under ``root``; ``events`` maps paths below
    ``events/`` to file text (dedented)."""
    content = root / "content"
    (content / "events").mkdir(parents=True, exist_ok=True)
    if registries:
        (content / "units.yaml").write_text(UNITS, encoding="utf-8")
        (content / "categories.yaml").write_text(CATEGORIES, encoding="utf-8")
        (content / "areas.yaml").write_text(AREAS, encoding="utf-8")
    for name, text in (events or {}).items():
        write_event(content, name, text)
    return content


def write_event(content: Path, name: str, text: str | bytes) -> Path:
    path = content / "events" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def with_fields(**changes: str | None) -> str:
    """The valid event with top-level keys replaced (None removes one);
    values are raw YAML text placed after 'key:'."""
    lines, skip = [], False
    for line in VALID.splitlines():
        key = line.split(":", 1)[0]
        if not line.startswith(" "):
            skip = key in changes
            if skip and changes[key] is not None:
                lines.append(f"{key}:{changes[key]}" if changes[key].startswith("\n") else f"{key}: {changes[key]}")
        if not skip:
            lines.append(line)
    present = {line.split(":", 1)[0] for line in VALID.splitlines() if not line.startswith(" ")}
    for key, value in changes.items():
        if key not in present and value is not None:
            lines.append(f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}")
    return "\n".join(lines) + "\n"


def check(tmp_path: Path, text: str | bytes, name: str = "so-vhttdl/le-hoi-thu.yaml", **config):
    """(code, line, column) of every problem of one event file."""
    content = make_tree(tmp_path, {name: text})
    result = validate_tree(SiteConfig(content_dir=content, **config))
    return [(p.code, p.line, p.column) for p in result.problems]


def problems(tmp_path: Path, text: str | bytes, name: str = "so-vhttdl/le-hoi-thu.yaml", **config):
    content = make_tree(tmp_path, {name: text})
    return validate_tree(SiteConfig(content_dir=content, **config)).problems


def photo_bytes(fmt: str = "PNG", size: tuple[int, int] = (40, 20)) -> bytes:
    """A small real photo file, as an event's image."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, "#4a8").save(out, fmt)
    return out.getvalue()
