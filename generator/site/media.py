"""Event images stored in the content tree, as the site publishes them.

No uploaded file is ever published as it is: the site publishes a
derivative that Pillow has decoded and encoded again (so no script, no
metadata and no hidden payload of the original can reach the site).  A
photo (PNG, JPEG, WebP, GIF; :mod:`generator.load.images` reads it, and
the validator refuses anything else, SVG included) is published turned
upright, converted to sRGB, at most 1200 px on its longer side, JPEG with
no metadata (no EXIF: no camera, no GPS position), and small enough for a
phone's first load.  The same file gives the same bytes on every build.

:func:`image_location` is the one place that says where an event's image
is published: the pages and the feeds both ask it.  Cards show a small
square thumbnail (:func:`thumbnail_location`): a photo's own, cut from its
centre at build time and at most 15 KiB; a small SVG drawing is its own
thumbnail.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageCms, ImageOps
from slugify import slugify

from ..load.images import DECODE_SIDE, RASTER, ImageRefused, decode
from ..model.event import Content, Event

MEDIA_DIR = "media"
MAX_SIDE = DECODE_SIDE
MAX_BYTES = 100 * 1024
THUMB_DIR = f"{MEDIA_DIR}/thumbs"
THUMB_SIDE = 144  # pixels: a 72 px square on a phone's 2x screen
THUMB_MAX_BYTES = 15 * 1024
_THUMB_QUALITIES = (70, 60, 50, 40)
# (longest side, JPEG quality), tried in order until the file is small enough
_STEPS = ((MAX_SIDE, 80), (MAX_SIDE, 70), (1000, 70), (800, 70), (640, 70), (480, 65))
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True)
class Picture:
    """A published image: its source in the content tree and the bytes
    published in its place (always a fresh encoding, never the source's)."""

    source: Path
    data: bytes
    width: int
    height: int


def published_media(content: Content) -> dict[str, Picture]:
    """Site path -> picture, for every publishable local image."""
    root = Path(content.root)
    found: dict[str, Picture] = {}
    for event in content.events:
        if event.image is None or event.image.is_url:
            continue
        picture = _picture(root / event.image.src)
        if picture is not None:
            found[site_path(event)] = picture
            thumb = _thumbnail_picture(root / event.image.src, picture)
            if thumb is not None:
                found[thumb_path(event)] = thumb
    return dict(sorted(found.items()))


def thumb_path(event: Event) -> str:
    """Where the card thumbnail of a local image is published: under
    media/thumbs/, beside the photo's own path."""
    return f"{THUMB_DIR}/{site_path(event)[len(MEDIA_DIR) + 1:]}"


def thumbnail_location(event: Event, media) -> str | None:
    """The site path of the card thumbnail, if the event has one."""
    if event.image is None or event.image.is_url:
        return None
    path = thumb_path(event)
    return path if path in media else None


def _thumbnail_picture(source: Path, picture: Picture) -> Picture | None:
    stat = source.stat()
    thumb = _thumbnail(str(source), stat.st_mtime_ns, stat.st_size)
    return None if thumb is None else Picture(source, thumb, THUMB_SIDE, THUMB_SIDE)


@functools.lru_cache(maxsize=256)
def _thumbnail(path: str, mtime_ns: int, size: int) -> bytes | None:
    """A square JPEG cut from the photo's centre, THUMB_SIDE pixels, at
    most THUMB_MAX_BYTES (None if the photo cannot be read)."""
    try:
        image = _upright_srgb(decode(Path(path)))
    except ImageRefused:
        return None
    square = ImageOps.fit(image, (THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    data = b""
    for quality in _THUMB_QUALITIES:
        out = io.BytesIO()
        square.save(out, "JPEG", quality=quality, optimize=True)
        data = out.getvalue()
        if len(data) <= THUMB_MAX_BYTES:
            break
    return data


def site_path(event: Event) -> str:
    """Where a local image of ``event`` is published (site-relative): a
    photo's derivative is a .jpg named after the source's name and type
    ('anh.png' -> 'anh-png.jpg'), so that 'anh.png' and 'anh.jpg' side by
    side stay two images.  A folder or name with anything but ASCII
    letters, digits, '.', '_' and '-' (accents, spaces, quotes, a newline)
    is published as its slug and a short hash of it: the same address in
    every page, feed and calendar, with nothing to escape."""
    assert event.image is not None, "only events with an image are published"
    source = PurePosixPath(event.image.src)
    name = f"{_safe(source.stem)}-{_safe(source.suffix[1:].lower())}.jpg"
    return "/".join((MEDIA_DIR, *map(_safe, source.parent.parts), name))


_SAFE = re.compile(r"[A-Za-z0-9._-]+")


def _safe(part: str) -> str:
    if _SAFE.fullmatch(part) and part not in (".", ".."):
        return part
    digest = hashlib.sha256(part.encode("utf-8")).hexdigest()[:8]
    return f"{slugify(part, max_length=60) or 'anh'}-{digest}"


def image_location(event: Event, media) -> str | None:
    """The https URL of the image, or its site path if it is published."""
    if event.image is None:
        return None
    if event.image.is_url:
        return event.image.src
    path = site_path(event)
    return path if path in media else None


def _picture(source: Path) -> Picture | None:
    if not source.is_file() or source.suffix.lower() not in RASTER:
        return None
    stat = source.stat()
    derived = _derive(str(source), stat.st_mtime_ns, stat.st_size)
    if derived is None:
        return None
    data, width, height = derived
    return Picture(source, data, width, height)


@functools.lru_cache(maxsize=256)
def _derive(path: str, mtime_ns: int, size: int) -> tuple[bytes, int, int] | None:
    """The published JPEG of a photo, or None when it cannot be read (the
    validator refuses such a file: this only guards a file changed since).

    Cached by file and modification (the pages and the feeds both ask);
    ``mtime_ns`` and ``size`` are only part of the key."""
    try:
        image = decode(Path(path))
    except ImageRefused:
        return None
    return _encode(_upright_srgb(image))


def _upright_srgb(image: Image.Image) -> Image.Image:
    """The photo turned as the camera says, in sRGB on white."""
    upright = ImageOps.exif_transpose(image, in_place=False)
    profile = image.info.get("icc_profile")
    if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info):
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        upright = flat
    if profile and upright.mode in ("RGB", "CMYK", "L"):
        try:
            converted = ImageCms.profileToProfile(upright, io.BytesIO(profile), _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # a broken profile: the pixels as they are
        if converted is not None:
            return converted
    return upright.convert("RGB")


def _encode(image: Image.Image) -> tuple[bytes, int, int]:
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    image.info.clear()  # the encoder would carry over comments and XMP
    data, size = b"", image.size
    for side, quality in _STEPS:
        smaller = image.copy()
        smaller.thumbnail((side, side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        smaller.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
        data, size = out.getvalue(), smaller.size
        if len(data) <= MAX_BYTES:
            break
    return data, size[0], size[1]
