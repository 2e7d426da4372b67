"""An event page kept by the hash of its inputs is only ever given again
for the very page: across many variants of the content, the configuration
and the clock, pages with equal keys are equal, and a rebuild with the
memo warm is byte for byte a clean one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path, PurePath

import pytest

from generator.load.config import load_site_config
from generator.pipeline import core_memo
from generator.pipeline.memo import PageMemo
from generator.pipeline.prepare import prepare

from conftest import ROOT, SITE_CONTENT, SITE_NOW

NOW = dt.datetime.fromisoformat(SITE_NOW)
EVENTS = Path("events")
THEN = EVENTS / "so-vhttdl" / "le-hoi-then-kin-pang.yaml"


def _edit(name: Path, old: str, new: str) -> Callable[[Path], None]:
    def change(content: Path) -> None:
        path = content / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def _other_photo(content: Path) -> None:
    """The photo's file replaced by one of another size (its YAML unchanged)."""
    from PIL import Image

    Image.new("RGB", (640, 200), (200, 80, 20)).save(content / EVENTS / "so-vhttdl" / "images" / "then-kin-pang.png")


def _variants() -> dict[str, tuple[Callable[[Path], None] | None, dt.datetime, dict]]:
    """Name: (a change to the content, the build's now, changes to the configuration)."""
    hour, day = dt.timedelta(hours=1), dt.timedelta(days=1)
    return {
        "as bundled": (None, NOW, {}),
        "an hour later": (None, NOW + hour, {}),
        "that evening": (None, NOW.replace(hour=19), {}),
        "the next day": (None, NOW + day, {}),
        "the next evening, an event begun": (None, (NOW + day).replace(hour=19), {}),
        "during a conference": (None, (NOW + 2 * day).replace(hour=10), {}),
        "that noon, the conference over": (None, (NOW + 2 * day).replace(hour=12), {}),
        "after the festival": (None, NOW + 7 * day, {}),
        "a year on": (None, NOW + 365 * day, {}),
        "a title": (_edit(THEN, "title: Lễ hội Then Kin Pang", "title: Lễ hội Then Kin Pang mới"), NOW, {}),
        "a date": (_edit(THEN, "start: 2026-04-26 07:30", "start: 2026-04-25 07:30"), NOW, {}),
        "a move past its neighbours": (_edit(THEN, "start: 2026-04-26 07:30\nend: 2026-04-26 17:30",
                                             "start: 2026-06-26 07:30\nend: 2026-06-26 17:30"), NOW, {}),
        "the calendar begins earlier": (_edit(EVENTS / "ubnd-xa-khong-lao" / "le-hoi-hoan.yaml",
                                              "start: 2026-05-02", "start: 2024-06-02"), NOW, {}),
        "a category": (_edit(THEN, "category: le-hoi", "category: van-hoa"), NOW, {}),
        "a deadline": (_edit(THEN, "accreditation_deadline: 2026-04-23", "accreditation_deadline: 2026-04-19"),
                       NOW, {}),
        "an update": (_edit(THEN, "text: Ban tổ chức công bố", "text: Ban tổ chức đã công bố"), NOW, {}),
        "the photo's text": (_edit(THEN, "alt: Minh họa lễ hội", "alt: Ảnh lễ hội"), NOW, {}),
        "the photo's file": (_other_photo, NOW, {}),
        "a category's name": (_edit(Path("categories.yaml"), "name: ", "name: Mới "), NOW, {}),
        "a unit's name": (_edit(Path("units.yaml"), "name: ", "name: Mới "), NOW, {}),
        "an area's name": (_edit(Path("areas.yaml"), "name: ", "name: Mới "), NOW, {}),
        "the site's address": (None, NOW, {"site_url": "https://lich.example.vn/"}),
        "the years ahead": (None, NOW, {"years_ahead": 1}),
        "the site's zone": (None, NOW, {"timezone": "Asia/Tokyo"}),
    }


def _pages(content: Path, now: dt.datetime, settings: dict) -> dict[str, tuple[str | None, object]]:
    """Every event page of a build: its key and the page itself."""
    config = dataclasses.replace(load_site_config(ROOT / "mkdocs.yml").with_content(content), **settings)
    prepared = prepare(config, now)
    assert prepared.ok, prepared.problems
    kept = core_memo.kept_pages(prepared.site.pages, config, prepared.content, now, PageMemo(content.parent / "unused"))
    assert kept is not None
    return {source: (kept.key(source), prepared.site.pages.page(source))
            for source in prepared.site.pages if prepared.site.pages.inputs(source) is not None}


def test_pages_with_equal_keys_are_equal(tmp_path):
    seen: dict[str, tuple[str, object]] = {}
    keyed = 0
    content = tmp_path / "content"  # one place: where the content lies is part of the shared frame
    for name, (change, now, settings) in _variants().items():
        shutil.rmtree(content, ignore_errors=True)
        shutil.copytree(SITE_CONTENT, content)
        if change:
            change(content)
        for source, (key, page) in _pages(content, now, settings).items():
            assert key is not None, (name, source)
            keyed += 1
            if key in seen:
                first, kept = seen[key]
                assert page == kept, f"{name}: {source} has the key of {first} but not its page"
            else:
                seen[key] = (f"{name}: {source}", page)
    assert len(seen) < keyed  # many pages were the same in several variants: the memo has work


def test_a_change_changes_the_keys_of_the_pages_it_shows_on(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    before = _pages(content, NOW, {})
    _edit(THEN, "title: Lễ hội Then Kin Pang", "title: Lễ hội Then Kin Pang mới")(content)
    after = _pages(content, NOW, {})
    changed = {source for source in before if before[source][1] != after[source][1]}
    rekeyed = {source for source in before if before[source][0] != after[source][0]}
    assert changed and changed <= rekeyed
    assert len(rekeyed) < len(before)  # the pages that do not show it keep their keys


def _commit(repo: Path, day: str, message: str) -> None:
    stamp = f"{day}T08:00:00+07:00"
    for args in (["add", "-A"], ["commit", "-q", "-m", message, "--date", stamp]):
        subprocess.run(["git", "-c", "user.name=Sở VHTTDL", "-c", "user.email=so@example.vn", *args], cwd=repo,
                       check=True, capture_output=True, env={**os.environ, "GIT_COMMITTER_DATE": stamp})


def test_the_days_of_its_history_are_inputs(tmp_path):
    """An edit then undone leaves the event as it was but its page says it
    was changed: its key must say so too."""
    repo = tmp_path / "repo"
    content = repo / "content"
    shutil.copytree(SITE_CONTENT, content)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    _commit(repo, "2026-03-01", "Nội dung ban đầu")
    before = _pages(content, NOW, {})
    path = content / THEN
    original = path.read_bytes()
    _edit(THEN, "title: Lễ hội Then Kin Pang", "title: Lễ hội Then Kin Pang mới")(content)
    _commit(repo, "2026-03-10", "Sửa tên")
    path.write_bytes(original)
    _commit(repo, "2026-03-15", "Trả lại tên")
    after = _pages(content, NOW, {})
    assert [s for s in before if before[s][1] != after[s][1]]  # the page says when it was changed
    assert [s for s in before if before[s][0] == after[s][0] and before[s][1] != after[s][1]] == []


def test_keys_do_not_depend_on_the_process(tmp_path):
    """String hashing differs from one process to the next (a random seed
    each, PYTHONHASHSEED unset): the keys must not."""
    script = (
        "import sys, datetime as dt\n"
        "sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests']\n"
        "from tests.pipeline.test_core_memo import _pages\n"
        "from pathlib import Path\n"
        "pages = _pages(Path(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3]), {})\n"
        "print('\\n'.join(f'{s} {k}' for s, (k, _) in sorted(pages.items())))\n"
    )
    content = tmp_path / "content"  # out of git: the checkout's commits are dated after SITE_NOW
    shutil.copytree(SITE_CONTENT, content)
    found = set()
    env = {name: value for name, value in os.environ.items() if name != "PYTHONHASHSEED"}
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script, str(ROOT), str(content), SITE_NOW],
                              env=env, capture_output=True, text=True, check=True, cwd=tmp_path)
        found.add(done.stdout)
    assert len(found) == 1 and found.pop().count("\n") > 10


def test_a_value_without_a_canonical_form_has_no_key():
    with pytest.raises(core_memo.NoCanonicalForm):
        core_memo.Canonical().form(object())


def test_an_events_repr_shows_all_it_holds(tmp_path):
    """An event's key is the hash of its repr (five times faster than
    walking its fields): every dataclass an event holds must have the repr
    dataclasses write, of every field, and hold only values whose repr is
    their whole value."""
    config = load_site_config(ROOT / "mkdocs.yml").with_content(SITE_CONTENT)
    prepared = prepare(config, NOW)
    seen: set[type] = set()

    def check(value: object) -> None:
        if value is None or isinstance(value, (str, int, float, bool, dt.date, dt.time, PurePath)):
            if isinstance(value, dt.datetime | dt.time) and value.tzinfo is not None:
                assert repr(value.tzinfo) in (f"zoneinfo.ZoneInfo(key='{value.tzinfo}')", repr(dt.UTC),
                                              repr(value.tzinfo)) and "0x" not in repr(value.tzinfo)
            return
        if isinstance(value, (tuple, list)):
            for item in value:
                check(item)
            return
        if isinstance(value, dict):
            for key, item in value.items():
                check(key)
                check(item)
            return
        assert dataclasses.is_dataclass(value), type(value)
        kind = type(value)
        if kind not in seen:
            seen.add(kind)
            written = getattr(kind.__repr__, "__wrapped__", None)  # the repr dataclasses write (exec'd)
            assert written is not None and written.__code__.co_filename == "<string>", kind
            assert all(field.repr for field in dataclasses.fields(value)), kind
        for field in dataclasses.fields(value):
            check(getattr(value, field.name))

    for event in prepared.content.events:
        check(event)
    assert len(seen) > 5


def test_a_page_comes_back_from_the_memo_as_it_was_made(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    config = load_site_config(ROOT / "mkdocs.yml").with_content(content)
    prepared = prepare(config, NOW)
    memo = PageMemo(tmp_path / "cache")
    made = [core_memo.kept_pages(prepared.site.pages, config, prepared.content, NOW, memo)
            for _ in range(2)]
    sources = [s for s in prepared.site.pages if prepared.site.pages.inputs(s) is not None]
    assert not any(memo.holds(made[0].key(source)) for source in sources)
    first = [made[0].page(source) for source in sources]  # rendered and stored
    assert all(memo.holds(made[1].key(source)) for source in sources)
    again = [made[1].page(source) for source in sources]  # from the memo
    assert again == first == [prepared.site.pages.page(source) for source in sources]
    assert [page.anchors for page in again] == [page.anchors for page in first]
    assert any(page.anchors for page in again)
    assert any(page.image for page in again) and any(page.feeds for page in again)
