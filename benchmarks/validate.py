"""Benchmark: validating N events against parsing them with PyYAML's C loader.

Goal (issue 2): validating 10,000 events takes at most 1.5 times what
``yaml.load(..., Loader=yaml.CSafeLoader)`` needs only to parse the same
files.  Both sides read the files from disk; the best of several runs is
compared.

    python benchmarks/validate.py [--events 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.load.config import SiteConfig  # noqa: E402
from generator.load.content import load_tree  # noqa: E402

TEMPLATE = """\
# yaml-language-server: $schema=../../event.schema.json
title: Lễ hội số {n} của đồng bào Thái trắng
summary: Lễ hội truyền thống cầu mưa thuận gió hoà, mùa màng bội thu, có phần lễ và phần hội.
category: le-hoi
start: 2026-{month:02d}-{day:02d} 07:30
end: 2026-{month:02d}-{day2:02d} 17:00
status: confirmed
repeat: {repeat}
location:
  name: Sân văn hoá trung tâm xã Khổng Lào
  address: Bản Khổng Lào, xã Khổng Lào
  area: khong-lao
  geo: [22.50, 103.43]
contact:
  name: Phòng Văn hoá - Xã hội xã Khổng Lào
  phone: 0213 3800 {n3:03d}
  email: vhxh.khonglao@example.vn
press:
  invited: có
  accreditation_deadline: 2026-{month:02d}-01
  contact:
    name: Văn phòng Sở
    phone: "0213 3876 543"
tags: [le-hoi, thai-trang, phong-tho]
schedule:
  - start: 07:30
    end: 09:00
    title: Lễ rước nước
  - start: 09:00
    title: Khai mạc phần hội
description: |
  Phần lễ gồm nghi thức rước nước, cúng thần bản, cầu mưa.

  Phần hội có **ném còn**, kéo co, đẩy gậy và múa xoè.
en:
  title: Festival number {n}
  summary: A traditional festival of the White Thai people.
"""


def make_tree(root: Path, count: int) -> Path:
    content = root / "content"
    (content / "events").mkdir(parents=True)
    for name in ("units.yaml", "categories.yaml", "areas.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    units = [line.split(":", 1)[1].strip() for line in (content / "units.yaml").read_text().splitlines()
             if line.startswith("- id:")][:20]
    for n in range(count):
        folder = content / "events" / units[n % len(units)]
        folder.mkdir(exist_ok=True)
        month, day = 1 + n % 12, 1 + n % 27
        text = TEMPLATE.format(n=n, n3=n % 1000, month=month, day=day, day2=day + 1,
                               repeat="lunar-yearly" if n % 5 == 0 else "yearly")
        (folder / f"le-hoi-so-{n}.yaml").write_text(text, encoding="utf-8")
    return content


def parse_only(files: list[Path]) -> None:
    for file in files:
        yaml.load(file.read_bytes(), Loader=yaml.CSafeLoader)


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = make_tree(Path(tmp), args.events)
        files = sorted(content.glob("events/*/*.yaml"))
        config = SiteConfig(content_dir=content)
        loaded = load_tree(config)
        assert not loaded.problems, loaded.problems[:3]
        assert len(loaded.content.events) == args.events
        parse = best_of(args.repeat, lambda: parse_only(files))
        validate = best_of(args.repeat, lambda: load_tree(config))
    ratio = validate / parse
    print(f"{args.events} events: CSafeLoader parse {parse:.2f} s, sukien validate {validate:.2f} s, "
          f"ratio {ratio:.2f} (goal <= 1.5)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
