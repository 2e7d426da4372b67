"""Benchmark: building the whole site (pages, feeds) for N generated events.

Generates N events in a temporary content tree (the project's registries,
events spread over three years, a fifth of them lunar or yearly series,
some cancelled), runs ``sukien build`` on it and reports the time, the peak
memory of the build (validation in this process, MkDocs in its child), the
site's size and the compressed weight of one event page.

    python benchmarks/build_site.py [--events 1000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from generator.pipeline.build import build  # noqa: E402
from generator.load.config import load_site_config  # noqa: E402

TEMPLATE = """\
title: {title}
summary: {summary}
category: {category}
start: {start}
end: {end}
{extra}location:
  name: Nhà văn hóa {area_name}
  address: Bản Trung tâm, {area_name}
  area: {area}
  geo: [22.{lat:03d}, 103.{lon:03d}]
contact:
  name: Văn phòng {unit}
  phone: "0213 3800 {n3:03d}"
  email: lienhe{n}@example.vn
description: |
  Chương trình gồm **phần lễ** và phần hội: {summary}
  - Khai mạc lúc 7 giờ 30
  - Giao lưu văn nghệ, thể thao
en:
  title: {title_en}
  summary: Event number {n} in Lai Chau province.
"""
NAMES = ("Lễ hội", "Hội nghị", "Giải chạy", "Ngày hội văn hóa", "Hội chợ", "Tuần du lịch")


def _ids(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def make_tree(root: Path, count: int, seed: int = 7) -> Path:
    content = root / "content"
    (content / "events").mkdir(parents=True)
    for name in ("units.yaml", "categories.yaml", "areas.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    units = [u["id"] for u in _ids(content / "units.yaml")]
    categories = [c["id"] for c in _ids(content / "categories.yaml")]
    areas = {a["id"]: a["name"] for a in _ids(content / "areas.yaml")}
    rng = random.Random(seed)
    for n in range(count):
        unit = units[n % len(units)]
        area = rng.choice(sorted(areas))
        year, month, day = rng.choice((2025, 2026, 2027)), rng.randint(1, 12), rng.randint(1, 26)
        if n % 10 == 0:
            year = 2026  # a lunar series cannot start in a leap month (2025 has one)
        timed = n % 3 != 0
        span = rng.choice((0, 0, 1, 2))
        start = f"{year}-{month:02d}-{day:02d}" + (" 07:30" if timed else "")
        end = f"{year}-{month:02d}-{day + span:02d}" + (" 17:00" if timed else "")
        extra = ""
        if n % 5 == 0:
            extra += f"repeat: {'lunar-yearly' if n % 10 == 0 else 'yearly'}\n"
        if n % 17 == 0:
            extra += "status: cancelled\nstatus_note: Hủy theo thông báo của Ban tổ chức.\n"
        title = f"{NAMES[n % len(NAMES)]} số {n} tại {areas[area]}"
        folder = content / "events" / unit
        folder.mkdir(exist_ok=True)
        (folder / f"su-kien-{n:05d}.yaml").write_text(TEMPLATE.format(
            title=title, title_en=f"Event {n}", summary=f"Sự kiện số {n} của tỉnh Lai Châu, mời du khách tham dự.",
            category=categories[n % len(categories)], start=start, end=end, extra=extra, area=area,
            area_name=areas[area], unit=unit, lat=rng.randint(100, 600), lon=rng.randint(0, 500),
            n=n, n3=n % 1000), encoding="utf-8")
    return content


def event_page_weight(site: Path) -> int:
    """Gzip size of an event page with its stylesheets, script and icon."""
    page = next((site / "su-kien").glob("*/index.html"))
    text = page.read_text(encoding="utf-8")
    refs = re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', text)
    refs += re.findall(r'<script src="([^"]+)"', text)
    files = [page] + [(page.parent / ref).resolve() for ref in refs]
    return sum(len(gzip.compress(f.read_bytes())) for f in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="Keep the tree and site in this folder.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sukien-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SUKIEN_NOW", "2026-04-20T10:00:00+07:00")
    try:
        content = make_tree(work, args.events)
        config = load_site_config(ROOT / "mkdocs.yml").with_content(content)
        began = time.perf_counter()
        result = build(config, site_dir=work / "site", content_dir=content)
        seconds = time.perf_counter() - began
        if not result.built:
            sys.exit(f"build failed: {result.problems[:5]} (exit {result.returncode})")
        files = [p for p in (work / "site").rglob("*") if p.is_file()]
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"events: {args.events}")
        print(f"build time: {seconds:.1f} s")
        print(f"peak memory: validation {own:.0f} MiB, site builder {child:.0f} MiB")
        print(f"site: {len(files)} files, {sum(p.stat().st_size for p in files) / 2**20:.1f} MiB")
        print(f"event page first load (gzip): {event_page_weight(work / 'site') / 1024:.1f} KiB")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
