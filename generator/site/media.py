"""Event images stored in the content tree, as the site publishes them.

An SVG is published as it is, unless it could run script when opened
directly (then it is not published at all).  A photo (PNG, JPEG, WebP,
GIF) is never published as uploaded: a phone's 5 MB original would make
the event page heavy.  The site publishes a derivative instead: turned
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
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageCms, ImageOps

from ..model.event import Content, Event

MEDIA_DIR = "media"
RASTER = (".png", ".jpg", ".jpeg", ".webp", ".gif")
MAX_SIDE = 1200
MAX_BYTES = 100 * 1024
THUMB_DIR = f"{MEDIA_DIR}/thumbs"
THUMB_SIDE = 144  # pixels: a 72 px square on a phone's 2x screen
THUMB_MAX_BYTES = 15 * 1024
_THUMB_QUALITIES = (70, 60, 50, 40)
# (longest side, JPEG quality), tried in order until the file is small enough
_STEPS = ((MAX_SIDE, 80), (MAX_SIDE, 70), (1000, 70), (800, 70), (640, 70), (480, 65))
_SVG_DANGER = re.compile(rb"<script|<foreignobject|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE)
_NUMBER = rb"([0-9]*\.?[0-9]+)"
_VIEWBOX = re.compile(rb"\sviewBox\s*=\s*[\"']\s*-?" + _NUMBER + rb"[\s,]+-?" + _NUMBER
                      + rb"[\s,]+" + _NUMBER + rb"[\s,]+" + _NUMBER, re.IGNORECASE)
_SIZE = {name: re.compile(rb"\s" + name.encode() + rb"\s*=\s*[\"']\s*" + _NUMBER + rb"(?:px)?\s*[\"']", re.IGNORECASE)
         for name in ("width", "height")}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True)
class Picture:
    """A published image: its source in the content tree and, for a photo,
    the bytes published in its place (``None``: the source is copied)."""

    source: Path
    data: bytes | None = None
    width: int | None = None
    height: int | None = None


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
    """Where the card thumbnail of a local image is published: a photo's
    under media/thumbs/, an SVG's is the drawing itself."""
    path = site_path(event)
    if path.lower().endswith(".svg"):
        return path
    return f"{THUMB_DIR}/{path[len(MEDIA_DIR) + 1:]}"


def thumbnail_location(event: Event, media) -> str | None:
    """The site path of the card thumbnail, if the event has one."""
    if event.image is None or event.image.is_url:
        return None
    path = thumb_path(event)
    picture = media.get(path)
    if picture is None or (picture.data is None and picture.source.stat().st_size > THUMB_MAX_BYTES):
        return None  # an SVG too heavy for a card
    return path


def _thumbnail_picture(source: Path, picture: Picture) -> Picture | None:
    if picture.data is None:  # an SVG: its own thumbnail
        return None
    stat = source.stat()
    thumb = _thumbnail(str(source), stat.st_mtime_ns, stat.st_size)
    return None if thumb is None else Picture(source, thumb, THUMB_SIDE, THUMB_SIDE)


@functools.lru_cache(maxsize=256)
def _thumbnail(path: str, mtime_ns: int, size: int) -> bytes | None:
    """A square JPEG cut from the photo's centre, THUMB_SIDE pixels, at
    most THUMB_MAX_BYTES (None if the photo cannot be read)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                opened.draft("RGB", (THUMB_SIDE * 2, THUMB_SIDE * 2))
                image = _upright_srgb(opened)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
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
    """Where a local image of ``event`` is published (site-relative): an
    SVG keeps its path under media/, a photo's derivative is a .jpg named
    after the source's name and type ('anh.png' -> 'anh-png.jpg'), so that
    'anh.png' and 'anh.jpg' side by side stay two images."""
    assert event.image is not None, "only events with an image are published"
    source = PurePosixPath(event.image.src)
    if source.suffix.lower() in RASTER:
        source = source.with_name(f"{source.stem}-{source.suffix[1:].lower()}.jpg")
    return f"{MEDIA_DIR}/{source}"


def image_location(event: Event, media) -> str | None:
    """The https URL of the image, or its site path if it is published."""
    if event.image is None:
        return None
    if event.image.is_url:
        return event.image.src
    path = site_path(event)
    return path if path in media else None


def _picture(source: Path) -> Picture | None:
    if not source.is_file():
        return None
    suffix = source.suffix.lower()
    if suffix == ".svg":
        data = source.read_bytes()
        return None if _SVG_DANGER.search(data) else Picture(source, None, *_svg_size(data))
    if suffix not in RASTER:
        return None
    stat = source.stat()
    derived = _derive(str(source), stat.st_mtime_ns, stat.st_size)
    if derived is None:
        return None
    data, width, height = derived
    return Picture(source, data, width, height)


def _svg_size(data: bytes) -> tuple[int | None, int | None]:
    """The drawing's size from its viewBox (or plain width and height), so
    that the page reserves its place; (None, None) when it does not say."""
    tag = _SVG_TAG.search(data)
    if tag is None:
        return None, None
    box = _VIEWBOX.search(tag.group(0))
    if box is not None:
        width, height = float(box.group(3)), float(box.group(4))
    else:
        found_width, found_height = (_SIZE[name].search(tag.group(0)) for name in ("width", "height"))
        if found_width is None or found_height is None:
            return None, None
        width, height = float(found_width.group(1)), float(found_height.group(1))
    if width <= 0 or height <= 0:
        return None, None
    return max(1, round(width)), max(1, round(height))


@functools.lru_cache(maxsize=256)
def _derive(path: str, mtime_ns: int, size: int) -> tuple[bytes, int, int] | None:
    """The published JPEG of a photo, or None when it cannot be read.

    Cached by file and modification (the pages and the feeds both ask);
    ``mtime_ns`` and ``size`` are only part of the key."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a smaller scale
                image = _upright_srgb(opened)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    return _encode(image)


def _upright_srgb(image: Image.Image) -> Image.Image:
    """The first frame, turned as the camera says, in sRGB on white."""
    image.seek(0)
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
