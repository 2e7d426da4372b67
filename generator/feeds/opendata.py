"""``api/events.json``: open data for portals and apps.

Every event with all its fields (as in the event file, keys unchanged),
plus its page and calendar URLs, its history numbers and its occurrences.
Markdown fields are published as sanitised HTML (``description_html``,
``updates[].text_html``) so that no consumer can be handed raw markup.
Dates are ISO 8601; an all-day ``end`` is the inclusive last day, as in the
files.  ``schema_version`` rises on any incompatible change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import partial

from ..load.config import SiteConfig
from ..model.event import Content, Event
from ..model.occurrence import Occurrence
from . import common
from ..site.i18n import lunar_label
from .common import Item, Kept
from .jsonwriter import json_file

SCHEMA_VERSION = "1.0"
_MARKDOWN = {"description": "description_html", "text": "text_html", "text_en": "text_en_html"}
_INTERNAL = {"path"}


def open_data(items: list[Item], content: Content, config: SiteConfig, kept: Kept | None = None) -> bytes:
    """The file; ``kept``: each event's record as an earlier build wrote it
    from the same inputs."""
    root = common.site_root(config)
    head = {
        "schema_version": SCHEMA_VERSION,
        "site": {"name": config.site_name, "url": root, "timezone": config.timezone},
        "units": [_plain(unit) for unit in content.units],
        "categories": [_plain(category) for category in content.categories],
        "areas": [_plain(area) for area in content.areas],
        "tags": [_plain(tag) for tag in content.tags],
    }
    return json_file(head, "events", [common.kept_json(item, "open data", kept, partial(_event, item, config))
                                      for item in sorted(items, key=lambda i: i.event.id)])


def _event(item: Item, config: SiteConfig) -> dict:
    record = _plain(item.event)
    history = item.history
    record.update({
        "url": item.url,
        "ics_url": common.event_ics_url(config, item.event.id),
        "published": common.rfc3339(history.published),
        "last_modified": common.rfc3339(history.last_modified),
        "sequence": max((common.sequence(item, occ) for occ in item.occurrences), default=history.sequence),
        "image_url": item.image,
        "occurrences": [_occurrence(item, occ, config) for occ in item.occurrences],
    })
    return record


def _occurrence(item: Item, occ: Occurrence, config: SiteConfig) -> dict:
    return {
        "key": occ.key,
        "uid": f"{occ.key}@{config.host}",
        "sequence": common.sequence(item, occ),
        "year": occ.year,
        "all_day": occ.all_day,
        "start": _value(occ.start),
        "end": _value(occ.end),
        "status": occ.status,
        "status_note": common.text(occ.status_note) or None,
        "status_note_en": common.text(occ.status_note_en) or None,
        "lunar": {**_plain(occ.lunar), "label_vi": lunar_label(occ.lunar, occ.lunar, "vi")} if occ.lunar else None,
    }


def _plain(value: object) -> dict:
    """A dataclass as JSON-ready data, Markdown rendered, text cleaned."""
    out = {}
    for name, markdown in _fields(type(value)):
        raw = getattr(value, name)
        if markdown and (raw is None or isinstance(raw, str)):
            out[markdown] = common.markdown_html(raw) or None
        else:
            out[name] = _value(raw)
    return out


def _fields(kind: type) -> tuple[tuple[str, str | None], ...]:
    """A dataclass's published fields, each with the key of its HTML when
    it is Markdown (once per class: ``dataclasses.fields`` is slow)."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(
            (field.name, _MARKDOWN.get(field.name)) for field in dataclasses.fields(kind)
            if not field.name.startswith("_") and not (issubclass(kind, Event) and field.name in _INTERNAL))
    return found


_FIELDS: dict[type, tuple[tuple[str, str | None], ...]] = {}

_AS_IS = (int, float, bool, type(None))


def _value(value):
    kind = type(value)
    if kind is str:  # the plain types first: most values are
        return common.text(value)
    if kind in _AS_IS:
        return value
    if dataclasses.is_dataclass(value):
        return _plain(value)
    if isinstance(value, (tuple, list)):
        return [_value(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, str):
        return common.text(value)
    return value
