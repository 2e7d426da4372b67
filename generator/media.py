"""Event images stored in the content tree, as the site publishes them.

The pages copy them under ``media/`` and the feeds link to them there; an
SVG that could run script when opened directly is not published.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Content, Event

MEDIA_DIR = "media"
_SVG_DANGER = re.compile(rb"<script|<foreignobject|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


def published_media(content: Content) -> dict[str, Path]:
    """Site path -> file to copy, for every publishable local image."""
    root = Path(content.root)
    found: dict[str, Path] = {}
    for event in content.events:
        if event.image is None or event.image.is_url:
            continue
        source = root / event.image.src
        if not source.is_file():
            continue
        if source.suffix.lower() == ".svg" and _SVG_DANGER.search(source.read_bytes()):
            continue
        found[site_path(event)] = source
    return dict(sorted(found.items()))


def site_path(event: Event) -> str:
    """Where a local image of ``event`` is published (site-relative)."""
    return f"{MEDIA_DIR}/{event.image.src}"


def image_location(event: Event, media) -> str | None:
    """The https URL of the image, or its site path if it is published."""
    if event.image is None:
        return None
    if event.image.is_url:
        return event.image.src
    path = site_path(event)
    return path if path in media else None
