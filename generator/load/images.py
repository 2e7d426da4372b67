"""Reading an event's photo: the one decoder the validator and the
publisher share, so that what ``validate`` accepts is what the site can
publish, and what it refuses is refused at the file's line.

Only raster photos are accepted (PNG, JPEG, WebP, GIF): an SVG is a
document that can run script on the site's own origin, so it is refused
rather than filtered.  Pillow is asked for those four formats only (a
file named ``.png`` that is really EPS or PSD is never handed to another
decoder), and the size is checked from the header before any pixel is
decoded, so that a small file cannot ask for gigabytes (a decompression
bomb).  A JPEG is decoded at a reduced scale when that is enough for the
published size, so a large camera photo stays cheap.
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow is imported when a photo is decoded: checking a tree of events without one needs none
    from PIL import Image

RASTER = (".png", ".jpg", ".jpeg", ".webp", ".gif")
FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a phone's original is 2 to 10 MB
MAX_PIXELS = 50_000_000  # decoded, after JPEG's reduced-scale decoding: at most 200 MB of pixels
DECODE_SIDE = 1200  # the published photo's longest side (what a reduced-scale decode must still cover)
WORK_SIDE = 2 * DECODE_SIDE  # a larger decoded photo is shrunk to this at once, before colour work


@dataclass(frozen=True)
class Refusal:
    """Why a file cannot be an event's photo: a rule code and the words."""

    code: str
    vi: str
    en: str


class ImageRefused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.en)
        self.refusal = refusal


def refusal(path: Path) -> Refusal | None:
    """None when ``path`` is a photo the site can publish, else why not
    (the file is decoded: a truncated or corrupt photo is found here)."""
    try:
        stat = path.stat()
    except OSError:
        return None  # not found: image-not-found says so
    return _refusal(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1024)
def _refusal(path: str, mtime_ns: int, size: int) -> Refusal | None:
    """Cached by file and modification (``mtime_ns`` and ``size`` are
    only part of the key)."""
    try:
        decode(Path(path))
    except ImageRefused as refused:
        return refused.refusal
    return None


def decode(path: Path) -> Image.Image:
    """The first frame of the photo at ``path``, decoded, at most
    WORK_SIDE on its longer side, its metadata (orientation, colour
    profile, transparency) kept in ``info`` for the publisher; raises
    ImageRefused.  The few last results are kept (the validator, the
    photo and its thumbnail ask in turn): the caller must not change it."""
    try:
        stat = path.stat()
    except OSError:
        raise ImageRefused(_UNREADABLE) from None
    return _decoded(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _decoded(name: str, mtime_ns: int, size: int) -> Image.Image:
    """``decode``, by file and modification (``mtime_ns`` is only part of
    the key); at most WORK_SIDE² pixels each, so four stay small."""
    from PIL import Image

    path = Path(name)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        raise ImageRefused(_SVG)
    if suffix not in RASTER:
        raise ImageRefused(_not_a_photo(suffix))
    if size > MAX_FILE_BYTES:
        raise ImageRefused(_too_heavy(size))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as opened:
                opened.draft("RGB", (DECODE_SIDE, DECODE_SIDE))  # JPEG: decode at a smaller scale
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise ImageRefused(_too_many_pixels(width, height))
                opened.seek(0)
                opened.load()
                exif = opened.getexif()
                if max(opened.size) > WORK_SIDE:  # shrink before any copy: one full-size buffer at most
                    opened.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.LANCZOS)
                image = opened.copy()
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused(_too_many_pixels(0, 0)) from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError, MemoryError):
        raise ImageRefused(_UNREADABLE) from None
    if exif:
        image.info["exif"] = exif.tobytes()  # the orientation survives the copy
    return image


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


_SVG = Refusal(
    "unsupported-image",
    "'image.src': không nhận ảnh SVG (tệp SVG có thể chứa mã chạy trên trang); hãy xuất ảnh ra PNG hoặc JPEG "
    "rồi ghi 'images/ten-anh.png'",
    "'image.src': SVG images are not accepted (an SVG can carry script); export it as PNG or JPEG",
)
_UNREADABLE = Refusal(
    "invalid-image",
    "'image.src': tệp ảnh bị hỏng hoặc không phải ảnh PNG, JPEG, WebP hay GIF như tên tệp ghi; "
    "hãy mở ảnh trên máy, lưu lại dưới dạng JPEG rồi tải lên lại",
    "'image.src': the image file is corrupt or is not the PNG, JPEG, WebP or GIF its name says",
)


def _not_a_photo(suffix: str) -> Refusal:
    return Refusal(
        "unsupported-image",
        f"'image.src': không nhận tệp '{suffix or '(không có đuôi)'}' làm ảnh; chỉ nhận ảnh .jpg, .jpeg, .png, .webp, .gif",
        f"'image.src': '{suffix or '(no extension)'}' files are not accepted; use .jpg, .jpeg, .png, .webp or .gif",
    )


def _too_heavy(size: int) -> Refusal:
    return Refusal(
        "image-too-large",
        f"'image.src': tệp ảnh quá nặng ({_number(size)} byte, tối đa {_number(MAX_FILE_BYTES)}); "
        "hãy thu nhỏ ảnh (khoảng 2000 điểm ảnh mỗi chiều là đủ) rồi tải lên lại",
        f"'image.src': the image file is too heavy ({size} bytes, at most {MAX_FILE_BYTES})",
    )


def _too_many_pixels(width: int, height: int) -> Refusal:
    size = f" ({_number(width)} × {_number(height)} điểm ảnh)" if width and height else ""
    return Refusal(
        "image-too-large",
        f"'image.src': ảnh quá lớn{size}, tối đa {_number(MAX_PIXELS // 1_000_000)} triệu điểm ảnh; "
        "hãy thu nhỏ ảnh (khoảng 2000 điểm ảnh mỗi chiều là đủ) rồi tải lên lại",
        f"'image.src': the image is too large{size.replace('điểm ảnh', 'pixels')}, "
        f"at most {MAX_PIXELS // 1_000_000} million pixels",
    )
