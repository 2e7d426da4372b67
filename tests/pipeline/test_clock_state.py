"""The site cache keys a build by its clock state (the day, and which of the
content's instants have come), not by the instant: two instants of one
state must give the same bytes, and every instant that changes the state
must change the key.

The tree has one day (2026-04-22, Lai Châu time) on which everything
happens: timed events that begin and end, one in another zone, one without
an end, all-day events that begin and end at its edges, a cancelled one, a
yearly series, accreditation deadlines (a date, a time), an update, an
event announced ahead of time (``published``), git history dated before
the day and a file not yet committed."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from contenttree import make_tree, write_event
from generator.load.config import SiteConfig, load_site_config
from generator.load.content import load_content
from generator.model.clock_state import ClockState, clock_state, instants
from generator.pipeline import cache
from generator.pipeline.build import build
from generator.pipeline.prepare import prepare
from generator.vcs.history import latest_revision

from conftest import ROOT

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = dt.date(2026, 4, 22)
MIDNIGHT = dt.datetime.combine(DAY, dt.time(), ZONE)

COMMITTED = {
    "so-vhttdl/hop-bao.yaml": """\
        title: Họp báo
        summary: Họp báo buổi sáng.
        category: van-hoa
        start: 2026-04-22 08:00
        end: 2026-04-22 11:30
        location: {name: Hội trường Sở, area: tan-phong}
        contact: {name: Văn phòng Sở, phone: "0213 3800 003"}
        press: {invited: true, accreditation_deadline: 2026-04-22 07:15}
        updates:
          - at: 2026-04-22 12:00
            text: Đã có ảnh và thông cáo.
        """,
    "so-vhttdl/hai-ngay.yaml": """\
        title: Hội thao hai ngày
        summary: Hai ngày thi đấu.
        category: le-hoi
        start: 2026-04-22
        end: 2026-04-23
        contact: {name: Ban tổ chức, phone: "0213 3800 777"}
        location: {name: Sân vận động tỉnh, area: tan-phong}
        press: {invited: true, accreditation_deadline: 2026-04-21}
        """,
    "so-vhttdl/da-xong.yaml": """\
        title: Hội chợ đã xong
        summary: Kết thúc hôm trước.
        category: van-hoa
        start: 2026-04-19
        end: 2026-04-21
        location: {name: Sân vận động, area: tan-phong}
        contact: {name: Ban tổ chức, phone: "0213 3800 778"}
        """,
    "ubnd-xa-khong-lao/dem-van-nghe.yaml": """\
        title: Đêm văn nghệ
        summary: Không có giờ kết thúc.
        category: van-hoa
        start: 2026-04-22 19:30
        location: {name: Nhà văn hoá, area: khong-lao}
        contact: {name: UBND xã, phone: "0213 3811 111"}
        """,
    "ubnd-xa-khong-lao/ban-giao.yaml": """\
        title: Giao lưu ở Paris
        summary: Giờ Paris.
        category: van-hoa
        timezone: Europe/Paris
        start: 2026-04-22 09:00
        end: 2026-04-22 10:00
        location: {name: Maison du Vietnam}
        contact: {name: UBND xã, phone: "0213 3811 112"}
        """,
    "ubnd-xa-khong-lao/bi-huy.yaml": """\
        title: Chợ phiên bị huỷ
        summary: Huỷ vì mưa.
        category: le-hoi
        start: 2026-04-22 14:00
        end: 2026-04-22 16:00
        status: cancelled
        status_note: Mưa lớn.
        location: {name: Chợ trung tâm, area: khong-lao}
        contact: {name: UBND xã, phone: "0213 3811 113"}
        """,
    "ubnd-xa-khong-lao/hang-nam.yaml": """\
        title: Lễ hằng năm
        summary: Mỗi năm một lần.
        category: le-hoi
        start: 2025-04-22 16:45
        end: 2025-04-22 18:00
        repeat: yearly
        location: {name: Sân đình, area: khong-lao}
        contact: {name: UBND xã, phone: "0213 3811 114"}
        """,
}
UNCOMMITTED = {
    "so-vhttdl/bao-truoc.yaml": """\
        title: Thông báo sớm
        summary: Công bố lúc 15:30.
        category: van-hoa
        start: 2026-05-10 08:00
        end: 2026-05-10 11:00
        published: 2026-04-22T15:30:00+07:00
        location: {name: Hội trường Sở, area: tan-phong}
        contact: {name: Văn phòng Sở, phone: "0213 3800 004"}
        press: {invited: true}
        """,
}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Sở VHTTDL", "-c", "user.email=so@example.vn", *args],
                   cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_DATE": "2026-04-01T09:00:00+07:00",
                        "GIT_COMMITTER_DATE": "2026-04-01T09:00:00+07:00"})


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clock")
    content = make_tree(root, COMMITTED)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Sự kiện")
    for name, text in UNCOMMITTED.items():
        write_event(content, name, text)
    return content


def _config(content: Path) -> SiteConfig:
    return SiteConfig(content_dir=content, site_url="https://sukien.example.vn/")


def _state(content: Path, now: dt.datetime) -> ClockState | None:
    config = _config(content)
    events = load_content(config)[0].events
    return clock_state(events, now, config.timezone, config.years_ahead, latest_revision(content))


def _outputs(content: Path, now: dt.datetime) -> dict[str, str]:
    """A digest of every generated page, asset and feed built at ``now``."""
    prepared = prepare(_config(content), now)
    assert prepared.ok, prepared.problems
    files: dict[str, bytes] = {path: text.encode() for path, text in prepared.site.pages.items()}
    files.update(prepared.site.assets)
    files.update(prepared.site.side())
    files.update(prepared.feeds)
    return {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}


def _turns(content: Path) -> list[dt.datetime]:
    """The instants of the day at which the state changes (midnight included)."""
    config = _config(content)
    found = instants(load_content(config)[0].events, DAY.year + config.years_ahead)
    return [t for t in found if MIDNIGHT <= t < MIDNIGHT + dt.timedelta(days=1)]


def test_the_day_has_every_kind_of_instant(tree):
    local = {t.astimezone(ZONE).time().isoformat("minutes") for t in _turns(tree)}
    # begins/ends (timed, all-day, abroad, cancelled, series), deadlines, an update, a published
    assert {"00:00", "07:15", "08:00", "11:30", "12:00", "14:00", "15:00", "15:30", "16:00",
            "16:45", "18:00", "19:30"} <= local


def test_one_clock_state_gives_the_same_bytes(tree):
    """At every instant of the day where the state may turn (one second
    either side of each instant and the instant itself) and at random
    ones, the outputs are those of every other instant of the same state,
    and two states differ in their outputs."""
    moments = {MIDNIGHT, MIDNIGHT + dt.timedelta(days=1, seconds=-1)}
    for turn in _turns(tree):
        moments.update(turn + dt.timedelta(seconds=s) for s in (-1, 0, 1))
    rng = random.Random(12)
    moments.update(MIDNIGHT + dt.timedelta(seconds=rng.randrange(86400), microseconds=rng.randrange(10**6))
                   for _ in range(12))
    by_state: dict[ClockState, dict[str, str]] = {}
    for now in sorted(m for m in moments if m.date() == DAY):
        state = _state(tree, now.astimezone(ZONE))
        assert state is not None and state.day == DAY
        outputs = _outputs(tree, now.astimezone(ZONE))
        if state in by_state:
            seen = by_state[state]
            assert sorted(seen) == sorted(outputs), now
            assert [p for p in outputs if outputs[p] != seen[p]] == [], (now, state)
        else:
            by_state[state] = outputs
    assert len(by_state) == len({t for t in _turns(tree) if t > MIDNIGHT}) + 1
    states = list(by_state.values())
    assert all(a != b for a, b in pairwise(states))  # each turn shows in some output


def test_each_instant_and_each_day_changes_the_key(tree, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    config = load_site_config(project / "mkdocs.yml").with_content(tree)
    content = load_content(config)[0]

    def key(now: dt.datetime) -> str | None:
        return cache.input_key(config, False, content, {"SUKIEN_NOW": now.isoformat()})

    keys = set()
    for turn in _turns(tree)[1:]:
        before, at, after = (key(turn + dt.timedelta(seconds=s)) for s in (-1, 0, 1))
        assert before is not None and before != at == after, turn
        keys.add(at)
    assert len(keys) == len(_turns(tree)) - 1
    assert key(MIDNIGHT + dt.timedelta(hours=23)) != key(MIDNIGHT + dt.timedelta(hours=25))  # the next day
    assert key(MIDNIGHT - dt.timedelta(seconds=1)) != key(MIDNIGHT)
    assert key(dt.datetime(2026, 4, 22, 22, 0, tzinfo=dt.UTC)) == key(MIDNIGHT + dt.timedelta(days=1, hours=4))


def test_a_revision_after_the_clock_keeps_nothing(tree):
    """History counts a commit dated after the build's clock as made at
    that instant: that site depends on the instant itself."""
    before_commit = dt.datetime(2026, 3, 31, 12, 0, tzinfo=ZONE)
    assert _state(tree, before_commit) is None
    assert _state(tree, before_commit + dt.timedelta(days=2)) is not None


def test_a_day_when_the_site_zone_changes_its_offset_keeps_nothing(tree):
    config = _config(tree)
    events = load_content(config)[0].events
    paris = "Europe/Paris"
    change = dt.datetime(2026, 3, 29, 12, 0, tzinfo=ZoneInfo(paris))  # summer time began at 02:00
    assert clock_state(events, change, paris, 2, None) is None
    assert clock_state(events, change + dt.timedelta(days=1), paris, 2, None) is not None


def test_a_real_clock_rebuild_is_given_again(tmp_path, monkeypatch):
    """`sukien build` twice without SUKIEN_NOW: the second build gives the
    first site again (unless an instant came between them: then it must
    not)."""
    monkeypatch.delenv("SUKIEN_NOW", raising=False)
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    content = make_tree(project, COMMITTED)
    config = load_site_config(project / "mkdocs.yml")
    site = tmp_path / "site"

    def state() -> ClockState | None:
        return _state(content, dt.datetime.now(ZONE))

    began = state()
    first = build(config, site_dir=site, content_dir=content)
    files = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = build(config, site_dir=site, content_dir=content)
    assert began is not None and first.built and second.built and not first.reused
    assert second.reused == (state() == began)
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == files or not second.reused


def test_an_event_s_own_instants_are_those_of_the_tree_s_state(tree):
    """The page keys ask for each event's instants; once the tree's clock
    state is known they come from it, and are the same either way."""
    from generator.model.clock_state import event_instants

    config = _config(tree)
    events = load_content(config)[0].events
    until = DAY.year + config.years_ahead
    alone = [event_instants(event, until) for event in events]  # nothing known yet of this tuple
    assert alone == [instants((event,), until) for event in events]
    clock_state(events, MIDNIGHT, config.timezone, config.years_ahead, None)
    assert [event_instants(event, until) for event in events] == alone
    assert sorted(set().union(*map(set, alone))) == instants(events, until)
    assert any(alone) and any(len(found) > 2 for found in alone)
