"""The registries: units, categories and areas, and the optional tags."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from ..model import event as model, patterns
from ..load.yamlread import Node
from . import parts, values
from .filecheck import Fields, FileCheck, fields, fold

UNIT_KEYS = ("id", "name", "name_en", "short", "kind", "website", "contact", "maintainers")
CATEGORY_KEYS = ("id", "name", "name_en", "color", "icon")
AREA_KEYS = ("id", "name", "name_en", "region", "region_en", "geo")
TAG_KEYS = ("id", "name", "name_en")


RegistryItem = model.Unit | model.Category | model.Area | model.Tag


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


E = TypeVar("E", bound=_HasId)


def read_units(ck: FileCheck, root: Node) -> list[model.Unit] | None:
    return _entries(ck, root, "units", UNIT_KEYS, ("id", "name"), _unit)


def read_categories(ck: FileCheck, root: Node) -> list[model.Category] | None:
    return _entries(ck, root, "categories", CATEGORY_KEYS, ("id", "name", "name_en"), _category)


def read_areas(ck: FileCheck, root: Node) -> list[model.Area] | None:
    return _entries(ck, root, "areas", AREA_KEYS, ("id", "name"), _area)


def read_tags(ck: FileCheck, root: Node) -> list[model.Tag] | None:
    return _entries(ck, root, "tags", TAG_KEYS, ("id", "name"), _tag)


def name_index(items: Iterable[RegistryItem]) -> dict[str, str]:
    """Folded names (with and without the commune/ward prefix) to ids,
    so that 'Khổng Lào' suggests 'khong-lao'."""
    index: dict[str, str] = {}
    for item in items:
        for name in (item.name, getattr(item, "name_en", None) or ""):
            folded = fold(name) if name else ""
            for prefix in ("xa-", "phuong-", "thi-tran-"):
                if folded.startswith(prefix):
                    index.setdefault(folded[len(prefix):], item.id)
            if folded:
                index.setdefault(folded, item.id)
    return index


def _entries(ck: FileCheck, root: Node, label: str, keys: tuple[str, ...], required: tuple[str, ...],
             build: Callable[[FileCheck, Fields, str], E | None]) -> list[E] | None:
    """The registry's entries, or None when it is not a list at all.  An
    entry with a problem is still kept when it has an id, so that the
    events that name it are not flagged too."""
    items = values.sequence(ck, root, label, limit=None)
    if items is None:
        return None
    result: list[E] = []
    seen: set[str] = set()
    for index, node in enumerate(items or ()):
        where = f"{label}[{index + 1}]"
        got = fields(ck, node, keys, where)
        if got is None:
            continue
        for name in required:
            if name not in got:
                parts.missing(ck, node, where, name, f"{name}: ...", got)
        if "id" not in got:
            continue
        entry = build(ck, got, where)
        if entry is None or not entry.id:
            continue
        if not patterns.is_id(entry.id):
            ck.report(got["id"][1], "invalid-registry",
                      f"'{where}.id': '{entry.id}' phải viết thường, không dấu, nối bằng '-'",
                      f"'{where}.id': '{entry.id}' must be lowercase ASCII words joined by '-'")
        if entry.id in seen:
            ck.report(got["id"][1], "invalid-registry",
                      f"'{where}.id': mã '{entry.id}' đã được dùng ở một mục khác",
                      f"'{where}.id': the id '{entry.id}' is used twice")
        else:
            seen.add(entry.id)
            result.append(entry)
    return result


def _named(found: dict) -> dict:
    """A registry entry without a usable name still has its id."""
    found["id"] = found.get("id") or ""
    found["name"] = found.get("name") or found["id"]
    return found


def _texts(ck: FileCheck, got: Fields, where: str, names: tuple[str, ...]) -> dict:
    return {name: values.field_text(ck, got, where, name) for name in names if name in got}


def _unit(ck: FileCheck, got: Fields, where: str) -> model.Unit:
    found = _named(_texts(ck, got, where, ("id", "name", "name_en", "short", "kind")))
    if "website" in got:
        found["website"] = values.url(ck, got["website"][1], f"{where}.website")
    if "contact" in got:
        found["contact"] = parts.contact(ck, *got["contact"], f"{where}.contact")
    if "maintainers" in got:
        items = values.sequence(ck, got["maintainers"][1], f"{where}.maintainers") or ()
        found["maintainers"] = tuple(
            name for i, item in enumerate(items)
            if (name := values.text(ck, item, f"{where}.maintainers[{i + 1}]"))
        )
    return model.Unit(**found)


def _category(ck: FileCheck, got: Fields, where: str) -> model.Category:
    found = _named(_texts(ck, got, where, CATEGORY_KEYS))
    found.setdefault("name_en", found["name"])
    return model.Category(**found)


def _area(ck: FileCheck, got: Fields, where: str) -> model.Area:
    found = _named(_texts(ck, got, where, ("id", "name", "name_en", "region", "region_en")))
    if "geo" in got:
        found["geo"] = values.geo(ck, got["geo"][1], f"{where}.geo")
    return model.Area(**found)


def _tag(ck: FileCheck, got: Fields, where: str) -> model.Tag:
    return model.Tag(**_named(_texts(ck, got, where, TAG_KEYS)))
