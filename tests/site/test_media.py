"""Event images stored in the content tree reach the pages and the feeds
at the same published address; a photo is published as a small, upright
JPEG without its metadata (tests/rules/test_images.py: what is refused)."""

import datetime as dt
import io
import json
import random
from zoneinfo import ZoneInfo

from icalendar import Calendar
from PIL import Image

from contenttree import make_tree, with_fields
from generator.site.catalogue import Catalogue
from generator.load.config import SiteConfig
from generator.load.content import load_content
from generator.feeds import build_feeds
from generator.site.media import MAX_BYTES, THUMB_MAX_BYTES, THUMB_SIDE, published_media
from generator.site.pages import render_site

NOW = dt.datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def small_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "#4a8").save(out, "PNG")
    return out.getvalue()


def tree(tmp_path, svg: str | bytes, name: str = "anh.png"):
    image = f"\n  src: images/{name}\n  alt: Ảnh lễ hội"
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(image=image)})
    (content / "events/so-vhttdl/images").mkdir()
    target = content / "events/so-vhttdl/images" / name
    target.write_bytes(svg if isinstance(svg, bytes) else svg.encode())
    config = SiteConfig(content_dir=content, site_url="https://example.org/lich/")
    loaded, problems = load_content(config)
    assert problems == []
    return loaded, config


def test_local_image_published_and_linked_by_feeds(tmp_path):
    content, config = tree(tmp_path, small_png())
    assert list(published_media(content)) == ["media/events/so-vhttdl/images/anh-png.jpg",
                                              "media/thumbs/events/so-vhttdl/images/anh-png.jpg"]
    files = build_feeds(Catalogue.build(content, config, NOW), config, None, NOW)
    url = "https://example.org/lich/media/events/so-vhttdl/images/anh-png.jpg"
    assert json.loads(files["feeds/events.json"])["items"][0]["image"] == url
    assert json.loads(files["api/events.json"])["events"][0]["image_url"] == url
    (event,) = Calendar.from_ical(files["su-kien/le-hoi-a.ics"]).walk("VEVENT")
    assert str(event["IMAGE"]) == url and event["IMAGE"].params["VALUE"] == "URI"


def test_future_announcement_is_held_back_from_the_announcement_feeds(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": with_fields(published="2026-04-10 08:00")})
    config = SiteConfig(content_dir=content)
    loaded, _ = load_content(config)
    files = build_feeds(Catalogue.build(loaded, config, NOW), config, None, NOW)
    assert json.loads(files["feeds/events.json"])["items"] == []
    assert b"le-hoi-a" not in files["feeds/events.rss"]
    assert b"UID:le-hoi-a@" in files["feeds/events.ics"]
    ten_days_on = NOW + dt.timedelta(days=10)
    later = build_feeds(Catalogue.build(loaded, config, ten_days_on), config, None, ten_days_on)
    assert json.loads(later["feeds/events.json"])["items"][0]["date_published"] == "2026-04-10T01:00:00Z"


def noise_png(width: int, height: int) -> bytes:
    """A photo as heavy as they come: random pixels (JPEG's worst case)."""
    pixels = random.Random(4).randbytes(width * height * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), pixels).save(out, "PNG", compress_level=1)
    return out.getvalue()


def test_a_photo_is_published_small_and_linked_by_pages_and_feeds(tmp_path):
    content, config = tree(tmp_path, noise_png(2400, 1500), "anh.png")
    pictures = published_media(content)
    path = "media/events/so-vhttdl/images/anh-png.jpg"
    thumb = "media/thumbs/events/so-vhttdl/images/anh-png.jpg"
    assert list(pictures) == [path, thumb]
    picture = pictures[path]
    assert len(picture.data) <= MAX_BYTES
    with Image.open(io.BytesIO(picture.data)) as derived:
        assert derived.format == "JPEG"
        assert derived.size == (picture.width, picture.height)
        assert max(derived.size) <= 1200
        assert abs(derived.width / derived.height - 2400 / 1500) < 0.01
    url = "https://example.org/lich/" + path
    files = build_feeds(Catalogue.build(content, config, NOW), config, None, NOW)
    assert json.loads(files["feeds/events.json"])["items"][0]["image"] == url
    site = render_site(Catalogue.build(content, config, NOW), config, NOW)
    assert site.assets[path] == picture.data
    page = site.pages["su-kien/le-hoi-a/index.md"]
    assert (f'<img src="../../{path}" alt="Ảnh lễ hội" width="{picture.width}" height="{picture.height}" '
            'fetchpriority="high" decoding="async">') in page  # it heads the page: fetched first, not lazily
    assert page.index(f'src="../../{path}"') < page.index("<h1")
    assert f"url: {url}" in page  # the page's OpenGraph image


def test_cards_show_a_small_square_thumbnail_loaded_lazily(tmp_path):
    content, config = tree(tmp_path, noise_png(2400, 1500), "anh.png")
    thumb = published_media(content)["media/thumbs/events/so-vhttdl/images/anh-png.jpg"]
    assert len(thumb.data) <= THUMB_MAX_BYTES  # even random noise, JPEG's worst case
    with Image.open(io.BytesIO(thumb.data)) as small:
        assert (small.format, small.size) == ("JPEG", (THUMB_SIDE, THUMB_SIDE))
    site = render_site(Catalogue.build(content, config, NOW), config, NOW)
    assert site.assets["media/thumbs/events/so-vhttdl/images/anh-png.jpg"] == thumb.data
    for page in ("index.md", "chu-de/le-hoi/index.md", "lich/2026-04/index.md", "en/index.md"):
        text = site.pages[page]
        assert 'media/thumbs/events/so-vhttdl/images/anh-png.jpg" alt="" class="sk-card__thumb" loading="lazy"' in text, page


def test_the_same_photo_gives_the_same_bytes(tmp_path):
    photo = noise_png(900, 600)
    first = published_media(tree(tmp_path / "a", photo, "anh.png")[0])
    second = published_media(tree(tmp_path / "b", photo, "anh.png")[0])
    assert [p.data for p in first.values()] == [p.data for p in second.values()]


def test_a_photo_loses_its_metadata_and_stands_upright(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to view
    exif[0x010F] = "Máy ảnh"  # camera maker
    exif[0x8825] = {2: (22.0, 30.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    Image.new("RGB", (400, 200), "#4a8").save(out, "JPEG", exif=exif, comment=b"note")
    content, _ = tree(tmp_path, out.getvalue(), "anh.jpg")
    [(path, picture)] = [(k, v) for k, v in published_media(content).items() if "/thumbs/" not in k]
    assert path == "media/events/so-vhttdl/images/anh-jpg.jpg"
    with Image.open(io.BytesIO(picture.data)) as derived:
        assert derived.size == (200, 400)
        assert not derived.getexif() and "exif" not in derived.info and "comment" not in derived.info


def test_a_photo_broken_after_validation_is_neither_published_nor_linked(tmp_path):
    content, config = tree(tmp_path, small_png(), "anh.png")
    (tmp_path / "content/events/so-vhttdl/images/anh.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    assert published_media(content) == {}
    assert "image" not in json.loads(build_feeds(Catalogue.build(content, config, NOW), config, None, NOW)["feeds/events.json"])["items"][0]
    page = render_site(Catalogue.build(content, config, NOW), config, NOW).pages["su-kien/le-hoi-a/index.md"]
    assert "<img" not in page


def test_committed_event_with_a_local_image_is_not_seen_as_changed(tmp_path):
    import os
    import subprocess

    from generator.load.content import parse_event_text
    from generator.vcs.history import read_history

    content, config = tree(tmp_path, small_png())
    when = "2026-03-01T10:00:00+07:00"
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, env={**os.environ, **env})
    history = read_history(config.content_dir, lambda text, path: parse_event_text(text, path, content, config))
    found = history.of(content.events[0], now=NOW, years_ahead=2)
    assert found.tracked and found.last_modified == dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)


def test_a_transparent_photo_with_a_colour_profile_is_published_on_white(tmp_path):
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    logo = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    logo.paste((200, 30, 30, 255), (100, 50, 200, 150))
    out = io.BytesIO()
    logo.save(out, "PNG", icc_profile=profile)
    content, _ = tree(tmp_path, out.getvalue(), "logo.png")
    [picture] = [v for k, v in published_media(content).items() if "/thumbs/" not in k]
    with Image.open(io.BytesIO(picture.data)) as derived:
        assert derived.mode == "RGB" and "icc_profile" not in derived.info
        assert min(derived.getpixel((5, 5))) >= 250  # transparent became white
        red, green, blue = derived.getpixel((150, 100))
        assert red > 170 and green < 70 and blue < 70
