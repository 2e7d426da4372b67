"""Realistic generated content trees for the benchmarks.

A tree looks like the province's archive after some years: the project's
registries (61 units, the categories, the areas), about 400 events a year
spread over as many years as ``count`` needs (ending next year), each unit
with its own folder, a twentieth of the files yearly or lunar-yearly
series, some cancelled or postponed, some with press invitations,
programmes, updates and links, and optionally images.  It is a git
repository with one commit per year of announcements (dated the December
before), then a commit that moves some events and one that cancels some:
SEQUENCE, LAST-MODIFIED and ``published`` come from that history, as on
the real site.  The same ``count`` and ``seed`` give the same tree.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-12-01T10:00:00+07:00"  # every build of a tree sees the same day
LAST_YEAR = 2027
PER_YEAR = 400
NAMES = ("Lễ hội", "Hội nghị", "Giải chạy", "Ngày hội văn hóa", "Hội chợ", "Tuần du lịch", "Hội thảo",
         "Tập huấn", "Triển lãm", "Giải bóng đá")


@dataclass(frozen=True)
class Tree:
    root: Path  # the git repository
    content: Path  # root / "content"
    files: tuple[Path, ...]  # the event files, in generation order
    years: tuple[int, int]  # first and last year of the archive


def _ids(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _event_text(n: int, year: int, rng: random.Random, unit: str, category: str, area: str,
                area_name: str, image: str | None, every_field: bool) -> str:
    """One event file: the fields staff fill in, with the usual variety
    (or, with ``every_field``, every optional section)."""

    def every(k: int) -> bool:
        return every_field or n % k == 0

    series = "lunar-yearly" if n % 40 == 0 else "yearly" if n % 20 == 0 else None
    month, day = (2, rng.randint(1, 18)) if series == "lunar-yearly" else (rng.randint(1, 12), rng.randint(1, 26))
    span = rng.choice((0, 0, 0, 1, 2))
    timed = n % 3 != 0
    start = f"{year}-{month:02d}-{day:02d}" + (" 07:30" if timed else "")
    end = f"{year}-{month:02d}-{day + span:02d}" + (" 17:00" if timed else "")
    name = NAMES[n % len(NAMES)]
    lines = [
        "# yaml-language-server: $schema=../../event.schema.json",
        f"title: {name} số {n} tại {area_name} năm {year}",
        f"summary: {name} của {unit} tại {area_name}, mời nhân dân và du khách tham dự; sự kiện số {n}.",
        f"category: {category}",
        f"start: {start}",
        f"end: {end}",
    ]
    if series:
        lines.append(f"repeat: {series}")
        if n % 60 == 0 and year < LAST_YEAR:
            lines += ["repeat_until: " + str(min(year + 4, LAST_YEAR)), "exceptions:",
                      f"  {year + 1}:", "    status: cancelled", "    status_note: Tạm dừng một năm."]
    if n % 17 == 0:
        lines += ["status: cancelled", "status_note: Hủy theo thông báo của Ban tổ chức."]
    elif n % 29 == 0:
        lines += ["status: postponed", "status_note: Hoãn do thời tiết, sẽ thông báo ngày mới."]
    lines += [
        "location:",
        f"  name: Nhà văn hóa {area_name}",
        f"  address: Bản Trung tâm, {area_name}, tỉnh Lai Châu",
        f"  area: {area}",
        f"  geo: [22.{rng.randint(100, 600):03d}, 103.{rng.randint(0, 500):03d}]",
        "contact:",
        f"  name: Văn phòng {unit}",
        f'  phone: "0213 3800 {n % 1000:03d}"',
        f"  email: lienhe{n}@laichau.example.vn",
    ]
    if every(4):
        lines += ["press:", "  invited: có", f"  accreditation_deadline: {year}-{month:02d}-{day:02d}",
                  "  contact:", "    name: Văn phòng Sở", '    phone: "0213 3876 543"']
    if every(2):
        lines.append(f"tags: [{rng.choice(('le-hoi', 'van-hoa', 'the-thao', 'hoi-nghi'))}, nam-{year}]")
    if every(7):
        lines.append("price: Miễn phí")
    if every(6) and timed:
        lines += ["schedule:", "  - start: 07:30", "    end: 09:00", "    title: Đón tiếp đại biểu",
                  "  - start: 09:00", "    title: Khai mạc"]
    if every(8):
        lines += ["links:", f"  - title: Kế hoạch tổ chức số {n}", f"    url: https://laichau.example.vn/ke-hoach/{n}"]
    if image:
        lines += ["image:", f"  src: images/{image}", f"  alt: Ảnh {name.lower()} số {n}",
                  "  credit: Ban tổ chức"]
    if every(25):
        lines += ["updates:", f"  - at: {year}-{month:02d}-{day:02d} 18:00",
                  "    text: Ban tổ chức cảm ơn **nhân dân và du khách** đã tham dự."]
    lines += [
        "description: |",
        f"  Chương trình gồm **phần lễ** và phần hội tại {area_name}.",
        "",
        "  - Khai mạc lúc 7 giờ 30",
        "  - Giao lưu văn nghệ, thể thao",
        "  - Trưng bày sản phẩm địa phương",
        "en:",
        f"  title: Event {n} in {area_name}, {year}",
        f"  summary: Event number {n} of Lai Chau province.",
    ]
    return "\n".join(lines) + "\n"


def _image(path: Path, seed: int) -> None:
    from PIL import Image  # installed with the project

    rng = random.Random(seed)
    colour = tuple(rng.randint(40, 220) for _ in range(3))
    Image.new("RGB", (1600, 1000), colour).save(path, quality=85)


def _git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.vn",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.vn"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    # no automatic gc: it packs the loose objects in a detached process that
    # deletes thousands of files while the next build runs (see
    # benchmarks/README.md, "The file system")
    subprocess.run(["git", "-C", str(root), "-c", "gc.auto=0", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def make_tree(root: Path, count: int, *, images: bool = False, every_field: bool = False,
              seed: int = 7) -> Tree:
    """Generate ``count`` events in a new git repository at ``root``."""
    content = root / "content"
    (content / "events").mkdir(parents=True)
    for name in ("units.yaml", "categories.yaml", "areas.yaml", "event.schema.json"):
        shutil.copy(ROOT / "content" / name, content / name)
    units = [u["id"] for u in _ids(content / "units.yaml")]
    categories = [c["id"] for c in _ids(content / "categories.yaml")]
    areas = {a["id"]: a["name"] for a in _ids(content / "areas.yaml")}
    years = max(1, -(-count // PER_YEAR))
    first = LAST_YEAR - years + 1
    rng = random.Random(seed)
    _git(root, "init", "-q", "-b", "main")
    files: list[Path] = []
    for year in range(first, LAST_YEAR + 1):
        for n in range((year - first) * count // years, (year - first + 1) * count // years):
            unit = units[n % len(units)]
            area = rng.choice(sorted(areas))
            folder = content / "events" / unit
            folder.mkdir(exist_ok=True)
            image = None
            if images and n % 10 == 0:
                image = f"anh-{n:05d}.jpg"
                (folder / "images").mkdir(exist_ok=True)
                _image(folder / "images" / image, n)
            path = folder / f"su-kien-{n:05d}-{year}.yaml"
            path.write_text(_event_text(n, year, rng, unit, categories[n % len(categories)], area,
                                        areas[area], image, every_field), encoding="utf-8")
            files.append(path)
        _git(root, "add", "-A")
        announced = min(dt.date(year - 1, 12, 15), dt.date(2026, 11, 1))
        _git(root, "commit", "-q", "-m", f"Sự kiện năm {year}", date=f"{announced}T09:00:00+07:00")
    _edit_some(root, files, rng)
    return Tree(root, content, tuple(files), (first, LAST_YEAR))


def _edit_some(root: Path, files: list[Path], rng: random.Random) -> None:
    """Two later commits: some events move by a day, some are cancelled."""
    moved = rng.sample(files, max(1, len(files) // 50))
    for path in moved:
        change_one(path)
    _git(root, "commit", "-q", "-am", "Dời lịch một số sự kiện", date="2026-11-20T09:00:00+07:00")
    running = [path for path in files if "\nstatus:" not in path.read_text(encoding="utf-8")]
    for path in rng.sample(running, max(1, len(files) // 100)):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nlocation:", "\nstatus: cancelled\nstatus_note: Hủy.\nlocation:", 1),
                        encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Hủy một số sự kiện", date="2026-11-25T09:00:00+07:00")


def change_one(path: Path) -> None:
    """The edit a unit makes most: the event's summary and its time."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(" 17:00\n", " 16:30\n", 1).replace("\nsummary: ", "\nsummary: (Cập nhật) ", 1)
    path.write_text(text, encoding="utf-8")


def commit_change(tree: Tree, path: Path) -> None:
    """Change one event and commit it, as a merged pull request would."""
    change_one(path)
    _git(tree.root, "commit", "-q", "-am", f"Cập nhật {path.stem}", date="2026-11-30T09:00:00+07:00")
