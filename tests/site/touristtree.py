"""Content trees the site was not written for: other units, areas and
categories, photos, lunar festivals over several days (one across the end
of a lunar month), and many or few events.  Used to judge the tourist
pages with content nobody tuned them on."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import lunar_vn
from PIL import Image, ImageDraw

NOW = "2026-09-10T10:00:00+07:00"  # a Thursday

UNITS = """\
- id: ubnd-xa-sin-ho
  name: UBND xã Sìn Hồ
  name_en: Sin Ho Commune People's Committee
  kind: commune
  website: https://sinho.example.vn
  contact: {name: Văn phòng UBND xã Sìn Hồ, phone: "0213 3870 111", email: vanphong@sinho.example.vn}
- id: trung-tam-xuc-tien
  name: Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch
  kind: department
- id: hoi-nong-dan
  name: Hội Nông dân tỉnh
  kind: organisation
"""
CATEGORIES = """\
- {id: am-thuc, name: Ẩm thực, name_en: Food, color: "#8a3a12"}
- {id: le-hoi-dan-toc, name: Lễ hội các dân tộc, name_en: Ethnic festivals, color: "#6a1b9a"}
- {id: the-thao, name: Thể thao, name_en: Sports}
"""
AREAS = """\
- {id: sin-ho, name: Xã Sìn Hồ, name_en: Sin Ho, region: Sìn Hồ}
- {id: muong-te, name: Xã Mường Tè, name_en: Muong Te, region: Mường Tè}
- {id: tam-duong, name: Xã Tam Đường, region: Tam Đường}
"""
TAGS = """\
- {id: dan-toc-dao, name: Dân tộc Dao, name_en: Dao people}
"""
CONTACT = 'contact: {name: Ban tổ chức, phone: "0213 3870 222"}\n'


def lunar_date(day: int, month: int, year: int) -> dt.date:
    return lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day, month, year, False))


def month_end_in_lunar(year: int) -> dt.date:
    """A solar date that is the last day of lunar month 8 of ``year``."""
    first_of_9 = lunar_date(1, 9, year)
    return first_of_9 - dt.timedelta(days=1)


def photo(seed: int) -> bytes:
    """A plausible photo: a sky gradient, hills and some grain."""
    rnd = random.Random(seed)
    image = Image.new("RGB", (1600, 1000))
    draw = ImageDraw.Draw(image)
    top, bottom = (rnd.randrange(120, 220), 180, 230), (250, rnd.randrange(150, 220), 120)
    for y in range(1000):
        mix = y / 999
        draw.line([(0, y), (1600, y)], fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)))
    for n in range(5):
        x = rnd.randrange(0, 1600)
        draw.polygon([(x - 600, 1000), (x, rnd.randrange(350, 650)), (x + 600, 1000)],
                     fill=(40 + 20 * n, 110 + 10 * n, 60))
    noise = Image.effect_noise((1600, 1000), 18).convert("RGB")
    image = Image.blend(image, noise, 0.08)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


def _event(title, start, end, category, area, place, *, unit="ubnd-xa-sin-ho", extra="", image=None):
    text = (f"title: {title}\nsummary: {title} tại {place}, mời người dân và du khách tham dự.\n"
            f"category: {category}\nstart: {start}\n" + (f"end: {end}\n" if end else "")
            + f"location:\n  name: {place}\n" + (f"  area: {area}\n" if area else "") + CONTACT + extra)
    if image:
        text += f"image:\n  src: images/{image}\n  alt: Ảnh {title}\n  credit: Ảnh của đơn vị\n"
    return unit, text


def many_events() -> dict[str, tuple[str, str]]:
    """File name -> (unit, text): about twenty events around NOW."""
    span_end = month_end_in_lunar(2025)
    events = {
        "le-hoi-xip-xi": _event("Lễ hội Xíp Xì của người Thái", lunar_date(14, 7, 2025), lunar_date(15, 7, 2025),
                                "le-hoi-dan-toc", "sin-ho", "Bản Sìn Hồ", extra="repeat: lunar-yearly\n",
                                image="xip-xi.jpg"),
        "tet-com-moi": _event("Tết cơm mới", lunar_date(1, 10, 2025), None, "le-hoi-dan-toc", "muong-te",
                              "Nhà văn hóa xã Mường Tè", extra="repeat: lunar-yearly\n"),
        "hoi-cuoi-thang-tam": _event("Hội cuối tháng Tám âm lịch", span_end - dt.timedelta(days=1),
                                     span_end + dt.timedelta(days=1), "le-hoi-dan-toc", "tam-duong",
                                     "Sân vận động xã Tam Đường", extra="repeat: lunar-yearly\n"),
        "ngay-hoi-am-thuc-en": _event(
            "Ngày hội ẩm thực Sìn Hồ", "2026-09-20 08:00", "2026-09-20 17:00", "am-thuc", "sin-ho",
            "Quảng trường xã Sìn Hồ", image="am-thuc.jpg",
            extra=("price: 20.000 đồng\ntags: [dan-toc-dao, am-thuc-vung-cao]\n"
                   "schedule:\n  - start: \"08:00\"\n    title: Khai mạc\n    place: Sân khấu chính\n"
                   "    en: {title: Opening, place: Main stage}\n  - start: \"10:00\"\n    title: Thi nấu cỗ\n"
                   "updates:\n  - at: 2026-09-01 09:00\n    text: Bổ sung gian hàng thổ cẩm.\n    en: {text: Brocade stalls added.}\n"
                   "press:\n  invited: true\n  note: Phóng viên đăng ký tại cổng.\n"
                   "en:\n  title: Sin Ho food festival\n  summary: Highland dishes of the Dao and Mong people.\n"
                   "  location_name: Sin Ho commune square\n  location_address: Centre of Sin Ho commune\n"
                   "  directions: Road 128, 60 km from Lai Chau city; park by the market.\n"
                   "  press_note: Reporters register at the gate.\n  image_alt: Dishes on a bamboo tray\n"
                   "  image_credit: Commune photo\n")),
    }
    events["ngay-hoi-am-thuc-en"] = (events["ngay-hoi-am-thuc-en"][0], events["ngay-hoi-am-thuc-en"][1].replace(
        "location:\n  name: Quảng trường xã Sìn Hồ\n",
        "location:\n  name: Quảng trường xã Sìn Hồ\n  address: Trung tâm xã Sìn Hồ\n"
        "  directions: Theo đường 128, cách thành phố Lai Châu 60 km; đỗ xe cạnh chợ.\n"))
    places = [("sin-ho", "Nhà văn hóa xã Sìn Hồ"), ("muong-te", "Sân bóng bản Nậm Củm"),
              ("tam-duong", "Hội trường xã"), (None, "Trực tuyến")]
    categories = ["am-thuc", "the-thao", "le-hoi-dan-toc"]
    day = dt.date(2026, 8, 20)
    for n in range(18):
        area, place = places[n % len(places)]
        start = day + dt.timedelta(days=5 * n)
        image = f"anh-{n}.jpg" if n % 2 == 0 else None
        unit = ("ubnd-xa-sin-ho", "trung-tam-xuc-tien", "hoi-nong-dan")[n % 3]
        events[f"hoat-dong-{n:02d}"] = _event(f"Hoạt động số {n} của {place}", start, None, categories[n % 3],
                                              area, place, unit=unit, image=image)
    # the same day as 'hoat-dong-10' (a sport), another category: a filter must split the day
    events["cho-dem-sin-ho"] = _event("Chợ đêm ẩm thực Sìn Hồ", "2026-10-09 18:00", "2026-10-09 22:00", "am-thuc",
                                      "sin-ho", "Chợ trung tâm xã Sìn Hồ", unit="hoi-nong-dan")
    return events


def few_events() -> dict[str, tuple[str, str]]:
    return {
        "giai-chay-nui": _event("Giải chạy núi Mường Tè", "2026-10-04 06:00", "2026-10-04 12:00", "the-thao",
                                "muong-te", "Đỉnh Pu Si Lung", unit="trung-tam-xuc-tien"),
        "phien-cho": _event("Phiên chợ vùng cao", "2026-11-15", None, "am-thuc", "tam-duong", "Chợ Tam Đường",
                            unit="hoi-nong-dan", image="cho.jpg"),
        "da-qua": _event("Hội thi đã qua", "2026-08-01", None, "the-thao", "sin-ho", "Sân xã"),
    }


def write_tree(root: Path, events: dict[str, tuple[str, str]]) -> Path:
    content = root / "content"
    (content / "events").mkdir(parents=True)
    for name, text in (("units", UNITS), ("categories", CATEGORIES), ("areas", AREAS), ("tags", TAGS)):
        (content / f"{name}.yaml").write_text(text, encoding="utf-8")
    for seed, (name, (unit, text)) in enumerate(sorted(events.items())):
        folder = content / "events" / unit
        (folder / "images").mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("  src: images/"):
                (folder / "images" / line.split("/", 1)[1]).write_bytes(photo(seed))
    return content


def build_tree(root: Path, events: dict[str, tuple[str, str]]) -> Path:
    """The built site of a generated tree, with the clock at NOW."""
    import pytest

    from generator.load.config import load_site_config
    from generator.pipeline.build import build
    from conftest import ROOT

    content = write_tree(root, events)
    out = root / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUKIEN_NOW", NOW)
        config = load_site_config(ROOT / "mkdocs.yml").with_content(content)
        result = build(config, site_dir=out, content_dir=content)
    assert result.built, [p.text() for p in result.problems]
    return out
