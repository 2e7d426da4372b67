"""An event's image: only a photo Pillow can decode within bounded memory
is accepted, and refused files are located at the ``src`` line; what the
site publishes is always a fresh JPEG, never the uploaded bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zlib

import pytest
from PIL import Image

from contenttree import check, make_tree, with_fields
from generator.load.config import SiteConfig
from generator.load.content import load_content
from generator.model.event import Content
from generator.site.catalogue import Catalogue
from generator.site.media import published_media
from generator.site.pages import render_site

SRC_LINE = ("image", 14, 8)  # where 'src: images/...' puts its value in the valid event


def codes_for(tmp_path, name: str, data: bytes):
    folder = tmp_path / "content/events/so-vhttdl/images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return check(tmp_path, with_fields(image=f"\n  src: images/{name}\n  alt: Ảnh lễ hội"))


def png_bytes(size=(60, 30), **info) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "#4a8").save(out, "PNG", **info)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` in a few hundred bytes
    (a decompression bomb's header)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    row = zlib.compress(b"\0" * 1000)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", row) + chunk(b"IEND", b""))


SCRIPTED_SVG = (b"<svg xmlns='http://www.w3.org/2000/svg'><a href='#'><animate attributeName='href' "
                b"values='&#106;avascript:alert(1)'/><text y='20'>x</text></a></svg>")


@pytest.mark.parametrize("name, data", [
    ("anh.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
    ("anh.svg", SCRIPTED_SVG),
    ("ANH.SVG", SCRIPTED_SVG),
    ("anh.html", b"<script>alert(1)</script>"),
    ("anh.svgz", zlib.compress(SCRIPTED_SVG)),
    ("anh", png_bytes()),
])
def test_anything_but_a_photo_is_refused_at_its_line(tmp_path, name, data):
    assert codes_for(tmp_path, name, data) == [("unsupported-image", 14, 8)]


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\nnot really",
    png_bytes()[:-30],  # truncated upload
    SCRIPTED_SVG,  # an SVG under a photo's name
    b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n",  # EPS would run Ghostscript
    b"8BPS" + b"\0" * 40,  # PSD
    b"",
])
def test_a_file_that_is_not_the_photo_it_claims_is_refused(tmp_path, data):
    assert codes_for(tmp_path, "anh.png", data) == [("invalid-image", 14, 8)]


def test_a_decompression_bomb_is_refused_from_its_header(tmp_path):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert codes_for(tmp_path, "anh.png", png_header_only(30000, 30000)) == [("image-too-large", 14, 8)]
    assert codes_for(tmp_path, "anh2.png", png_header_only(8000, 7000))[0] == ("image-too-large", 14, 8)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 100_000  # no pixel was decoded


def test_a_heavy_file_is_refused(tmp_path):
    data = png_bytes() + b"\0" * (21 * 1024 * 1024)
    assert codes_for(tmp_path, "anh.png", data) == [("image-too-large", 14, 8)]


def test_messages_are_vietnamese_and_say_what_to_do(tmp_path):
    from contenttree import problems

    folder = tmp_path / "content/events/so-vhttdl/images"
    folder.mkdir(parents=True)
    (folder / "anh.svg").write_bytes(SCRIPTED_SVG)
    (problem,) = problems(tmp_path, with_fields(image="\n  src: images/anh.svg\n  alt: Ảnh"))
    assert "SVG" in problem.message and "PNG hoặc JPEG" in problem.message


@pytest.mark.parametrize("name, fmt", [("anh.jpg", "JPEG"), ("anh.webp", "WEBP"), ("anh.gif", "GIF"),
                                       ("anh.png", "PNG"), ("anh.jpeg", "PNG")])
def test_real_photos_are_accepted(tmp_path, name, fmt):
    out = io.BytesIO()
    Image.new("RGB", (80, 40), "#4a8").save(out, fmt)
    assert codes_for(tmp_path, name, out.getvalue()) == []


def test_published_bytes_are_never_the_uploaded_ones(tmp_path):
    """A PNG carrying an HTML payload (in a text chunk and after its end)
    is published as a fresh JPEG: the payload is gone."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    data = png_bytes((300, 200), pnginfo=info) + b"<html><script>alert(2)</script></html>"
    assert codes_for(tmp_path, "anh.png", data) == []
    config = SiteConfig(content_dir=tmp_path / "content")
    content, _ = load_content(config)
    now = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    site = render_site(Catalogue.build(content, config, now), config, now)
    published = [data for path, data in site.assets.items() if path.startswith("media/")]
    assert len(published) == 2  # the photo and its card thumbnail
    for data in published:
        assert data.startswith(b"\xff\xd8") and b"script" not in data


def test_an_svg_that_slipped_past_validation_is_still_not_published(tmp_path):
    import dataclasses

    content_dir = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields()})
    config = SiteConfig(content_dir=content_dir)
    loaded, _ = load_content(config)
    (content_dir / "events/so-vhttdl/images").mkdir()
    (content_dir / "events/so-vhttdl/images/anh.svg").write_bytes(SCRIPTED_SVG)
    event = loaded.events[0]
    from generator.model.event import Image as EventImage

    sneaked = dataclasses.replace(event, image=EventImage("events/so-vhttdl/images/anh.svg", "Ảnh", None))
    content = Content(**{**{f.name: getattr(loaded, f.name) for f in dataclasses.fields(loaded)}, "events": (sneaked,)})
    assert published_media(content) == {}


@pytest.mark.parametrize("name", ['ảnh lễ hội.png', 'a"b<c>.png', "dòng\nmới.png", "x'onerror=alert(1).png"])
def test_a_photo_with_an_odd_name_is_published_under_a_plain_one(tmp_path, name):
    import json

    folder = tmp_path / "content/events/so-vhttdl/images"
    folder.mkdir(parents=True)
    (folder / name).write_bytes(png_bytes())
    text = with_fields(image=f"\n  src: {json.dumps('images/' + name)}\n  alt: Ảnh")
    assert check(tmp_path, text) == []
    config = SiteConfig(content_dir=tmp_path / "content")
    content, _ = load_content(config)
    paths = list(published_media(content))
    assert len(paths) == 2, paths
    for path in paths:
        assert re.fullmatch(r"media/(thumbs/)?events/so-vhttdl/images/[a-z0-9-]+-png\.jpg", path), path
