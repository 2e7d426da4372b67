"""An event's calendar entries and own .ics file kept by the hash of their
inputs are only ever given again for the very same text: across many
variants of the content, its git history, the configuration and the clock,
equal keys hold equal texts; leaving any input out of the key gives two
texts one key; and feeds made with the memo warm are byte for byte those
made without it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.feeds.common import Item
from generator.load.config import load_site_config
from generator.pipeline import feed_memo
from generator.pipeline.core_memo import shared_frame
from generator.pipeline.memo import PageMemo
from generator.pipeline.prepare import prepare

from conftest import ROOT, SITE_CONTENT, SITE_NOW

NOW = dt.datetime.fromisoformat(SITE_NOW)
EVENTS = Path("events")
THEN = EVENTS / "so-vhttdl" / "le-hoi-then-kin-pang.yaml"  # lunar-yearly, invited, a deadline, an update
WEEK = EVENTS / "so-vhttdl" / "tuan-van-hoa-2026.yaml"
FAIR = EVENTS / "ubnd-xa-khong-lao" / "hoi-cho-hang-nam.yaml"  # yearly, a year cancelled
BASE = load_site_config(ROOT / "mkdocs.yml")
Step = Callable[[Path], None]  # a change to the repository (its content in content/)


def _edit(name: Path, old: str, new: str) -> Step:
    def change(repo: Path) -> None:
        path = repo / "content" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def _commit(day: str) -> Step:
    def commit(repo: Path) -> None:
        stamp = f"{day}T08:00:00+07:00"
        if not (repo / ".git").exists():
            subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
        for args in (["add", "-A"], ["commit", "-q", "--allow-empty", "-m", f"Sửa ngày {day}", "--date", stamp]):
            subprocess.run(["git", "-c", "user.name=Sở VHTTDL", "-c", "user.email=so@example.vn", *args],
                           cwd=repo, check=True, capture_output=True, env={**os.environ, "GIT_COMMITTER_DATE": stamp})
    return commit


TITLE = _edit(THEN, "title: Lễ hội Then Kin Pang", "title: Lễ hội Then Kin Pang mới")
UNTITLE = _edit(THEN, "title: Lễ hội Then Kin Pang mới", "title: Lễ hội Then Kin Pang")
CANCEL = _edit(WEEK, "end: 2026-04-26\n", "end: 2026-04-26\nstatus: cancelled\nstatus_note: Hoãn vì mưa lũ.\n")
ABROAD = _edit(THEN, "category: le-hoi\n", "category: le-hoi\ntimezone: Europe/Paris\n")
NEW_YEAR = EVENTS / "ubnd-xa-khong-lao" / "don-nam-moi.yaml"
LATER = _edit(NEW_YEAR, "start: 2026-12-30\nend: 2027-01-02", "start: 2034-12-30\nend: 2035-01-02")
SOON = _edit(THEN, "at: 2026-04-10 09:00", "at: 2026-04-22 09:00")  # an update not yet due at NOW


def _other_photo(repo: Path) -> None:
    """The photo's file replaced by one of another size (its YAML unchanged)."""
    from PIL import Image

    Image.new("RGB", (640, 200), (200, 80, 20)).save(repo / "content" / THEN.parent / "images" / "then-kin-pang.png")


def _variants() -> dict[str, tuple[list[Step], dt.datetime, dict]]:
    """Name: (steps on a copy of the test site, the build's now, changes to the configuration)."""
    hour, day = dt.timedelta(hours=1), dt.timedelta(days=1)
    first = _commit("2026-03-01")
    return {
        "out of git": ([], NOW, {}),
        "out of git, an hour later": ([], NOW + hour, {}),
        "out of git, a year on": ([], NOW + 365 * day, {}),
        "out of git, a title": ([TITLE], NOW, {}),
        "out of git, the site's address": ([], NOW, {"site_url": "https://lich.example.vn/"}),
        "out of git, the years ahead": ([], NOW, {"years_ahead": 1}),
        "out of git, the site's zone": ([], NOW, {"timezone": "Asia/Tokyo"}),
        "out of git, a category's name": ([_edit(Path("categories.yaml"), "name: ", "name: Mới ")], NOW, {}),
        "out of git, a unit's name": ([_edit(Path("units.yaml"), "name: ", "name: Mới ")], NOW, {}),
        "out of git, an area's name": ([_edit(Path("areas.yaml"), "name: ", "name: Mới ")], NOW, {}),
        "out of git, an image elsewhere": ([_edit(FAIR, "https://images.example.org/hoi-cho.jpg",
                                                  "https://images.example.org/cho.jpg")], NOW, {}),
        "out of git, the photo's file": ([_other_photo], NOW, {}),
        "out of git, an event abroad, another years later": ([ABROAD, LATER], NOW, {}),
        "out of git, an event abroad": ([ABROAD], NOW, {}),
        "out of git, an event abroad, the site's zone": ([ABROAD], NOW, {"timezone": "Asia/Tokyo"}),
        "committed": ([first], NOW, {}),
        "committed, the next day": ([first], NOW + day, {}),
        "committed, the deadline passed": ([first], NOW + 4 * day, {}),
        "committed, a year on": ([first], NOW + 365 * day, {}),
        "committed, the years ahead": ([first], NOW, {"years_ahead": 1}),
        "committed, the site's address": ([first], NOW, {"site_url": "https://lich.example.vn/"}),
        "a commit more": ([first, TITLE, _commit("2026-03-10")], NOW, {}),
        "an edit, then reverted": ([first, TITLE, _commit("2026-03-10"), UNTITLE, _commit("2026-03-15")], NOW, {}),
        "an edit not committed": ([first, TITLE], NOW, {}),
        "an edit not committed, an hour later": ([first, TITLE], NOW + hour, {}),
        "a cancelled occurrence": ([first, CANCEL, _commit("2026-04-01")], NOW, {}),
        "an update to come": ([first, SOON, _commit("2026-04-02")], NOW, {}),
        "an update come due": ([first, SOON, _commit("2026-04-02")], NOW + 3 * day, {}),
    }


def _stripped(item: Item, name: str) -> Item:
    return dataclasses.replace(item, **{name: None})


class Recording(feed_memo.KeptFeeds):
    """Keeps nothing; notes each text it is given under its key, and under
    the keys that would be made with one input left out."""

    def __init__(self, config, content, notes: dict[str, list[tuple[str, str]]]) -> None:
        shared = feed_memo.frame(config, content)
        assert shared is not None
        super().__init__(shared, PageMemo(Path("/nonexistent")))
        purpose = "sukien feed entries 1"
        self.frames = {
            "the configuration": shared_frame(purpose, BASE.with_content(content.root), content),
            # (the tags' registry and the content's folder are in the frame,
            # which the pages' share, though no entry reads them)
            **{f"the {name}": shared_frame(purpose, config, dataclasses.replace(content, **{name: ()}))
               for name in ("units", "categories", "areas")},
        }
        self.notes = notes

    def get(self, item: Item, part: str) -> str | None:
        return None

    def put(self, item: Item, part: str, text: str) -> None:
        key = self.key(item, part)
        assert key is not None
        self.notes.setdefault("", []).append((key, text))
        dropped = {f"the item's {f.name}": (_stripped(item, f.name), part) for f in dataclasses.fields(Item)}
        dropped["the part (the site's years)"] = (item, "ics file" if part.startswith("ics file") else part)
        dropped["the part (the current occurrence)"] = (item, "json feed item" if part.startswith("json feed") else part)
        for name, (other, other_part) in dropped.items():
            self.notes.setdefault(name, []).append((self.key(other, other_part) or "", text))
        keep = self._shared
        for name, shared in self.frames.items():
            assert shared is not None
            self._shared = shared
            self.notes.setdefault(name, []).append((self.key(item, part) or "", text))
        self._shared = keep


def _build(repo: Path, steps: list[Step], now: dt.datetime, settings: dict,
           notes: dict[str, list[tuple[str, str]]], monkeypatch) -> None:
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(SITE_CONTENT, repo / "content")
    for step in steps:
        step(repo)
    config = dataclasses.replace(BASE.with_content(repo / "content"), **settings)
    prepared = prepare(config, now)
    assert prepared.ok, prepared.problems
    monkeypatch.setattr(feed_memo, "kept_feeds",
                        lambda config, content, memo, canonical=None: Recording(config, content, notes))
    files = dict(prepared.feed_files(PageMemo(repo.parent / "unused")))
    assert any(path.startswith("su-kien/") for path in files)


def _clashes(notes: list[tuple[str, str]]) -> int:
    """How many texts have the key of another text."""
    seen: dict[str, str] = {}
    clashes = 0
    for key, text in notes:
        clashes += key in seen and seen[key] != text
        seen.setdefault(key, text)
    return clashes


def test_texts_with_equal_keys_are_equal_and_every_input_counts(tmp_path, monkeypatch):
    notes: dict[str, list[tuple[str, str]]] = {}
    repo = tmp_path / "repo"  # one place: where the content lies is part of the shared frame
    for steps, now, settings in _variants().values():
        _build(repo, steps, now, settings, notes, monkeypatch)
    keyed = notes.pop("")
    assert _clashes(keyed) == 0
    assert 3 * len({key for key, _ in keyed}) < 2 * len(keyed)  # many texts were the same in several variants
    # an input left out gives two texts one key, but for those that only
    # repeat others here (each occurrence holds its event; the URL and the
    # image are the event's, at the site's address): they stay in the key
    assert {name for name, dropped in notes.items() if _clashes(dropped) == 0} == {
        "the item's event", "the item's url", "the item's image"}


def test_feeds_with_the_memo_warm_are_the_feeds(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(SITE_CONTENT, repo / "content")
    _commit("2026-03-01")(repo)
    config = BASE.with_content(repo / "content")
    clean = dict(prepare(config, NOW).feed_files())
    memo = PageMemo(tmp_path / "cache")
    assert dict(prepare(config, NOW).feed_files(memo)) == clean
    memo.finish()
    TITLE(repo)  # one event changed: the others' entries are given from the memo
    _commit("2026-03-10")(repo)
    warm = PageMemo(tmp_path / "cache")
    rebuilt = list(prepare(config, NOW).feed_files(warm))
    again = list(prepare(config, NOW).feed_files())
    assert rebuilt == again and dict(rebuilt) != clean
    assert warm._index is not None and len(warm._used) == 1  # entries were given


@pytest.mark.parametrize("part", ["ics entries", "ics file 2024 2031"])
def test_an_item_without_a_canonical_form_has_no_key(part):
    kept = feed_memo.KeptFeeds("frame", PageMemo(Path("/nonexistent")))
    item = Item(object(), (), object(), "https://x/")  # type: ignore[arg-type]
    assert kept.key(item, part) is None
    assert kept.get(item, part) is None


def test_qr_codes_are_drawn_once_and_given_again_for_the_same_text(tmp_path, monkeypatch):
    from generator.site.pages.qr import QrCode
    codes = {"theo-doi/qr/events.svg": QrCode("webcal://example.org/feeds/events.ics", "QR feeds/events.ics"),
             "theo-doi/qr/rss.svg": QrCode("https://example.org/feeds/events.rss", "QR feeds/events.rss")}
    memo = PageMemo(tmp_path)
    drawn = dict(feed_memo.qr_files(codes, memo))
    memo.finish()
    assert drawn == {path: code.svg() for path, code in codes.items()} and drawn["theo-doi/qr/rss.svg"].startswith(b"<svg")
    real = QrCode.svg
    monkeypatch.setattr(QrCode, "svg", lambda self: pytest.fail("drawn again"))
    assert dict(feed_memo.qr_files(codes, PageMemo(tmp_path))) == drawn
    moved = {"theo-doi/qr/events.svg": QrCode("webcal://example.net/feeds/events.ics", "QR feeds/events.ics"),
             "theo-doi/qr/rss.svg": QrCode("https://example.org/feeds/events.rss", "QR RSS")}
    monkeypatch.setattr(QrCode, "svg", real)
    assert dict(feed_memo.qr_files(moved, PageMemo(tmp_path))) == {path: real(code) for path, code in moved.items()}
