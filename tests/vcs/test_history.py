"""SEQUENCE, LAST-MODIFIED, published and the change list, from commits in
temporary git repositories."""

import datetime as dt
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from feedsupport import CONTENT, NOW, config, load
from icalendar import Calendar
from lxml import etree

from generator.load.content import parse_event_text
from generator.site.catalogue import Catalogue
from generator.vcs import git as git_module
from generator.vcs import history as history_module
from generator.feeds import build_feeds
from generator.vcs.history import History, read_history, summarise

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")

EVENT = """\
title: {title}
summary: Giải đấu truyền thống của xã.
category: van-hoa
start: {start}
{extra}location:
  name: {place}
  area: khong-lao
contact:
  name: UBND xã Khổng Lào
  phone: "0213 3800 222"
"""
UTC = dt.UTC
ATOM = "{http://www.w3.org/2005/Atom}"


def git(root, *args, when=None):
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    subprocess.run(["git", "-c", "user.name=Biên tập", "-c", "user.email=bt@example.vn",
                    "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=root, check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(root), **env})


@pytest.fixture
def repo(tmp_path):
    """A repository whose content tree has the test registries only."""
    content = tmp_path / "content"
    content.mkdir()
    for name in ("units.yaml", "categories.yaml", "areas.yaml"):
        shutil.copy(CONTENT / name, content / name)
    git(tmp_path, "init", "-q")
    return tmp_path


def save(repo, when, *, event_id="giai-dau", title="Giải kéo co", start="2026-04-12",
         place="Sân bản Nà Ít", extra="", commit=True, suffix=".yaml"):
    path = repo / "content" / "events" / "ubnd-xa-khong-lao" / f"{event_id}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(EVENT.format(title=title, start=start, place=place, extra=extra), encoding="utf-8")
    if commit:
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"{event_id} {when}", when=when)


def load_history(content, cfg):
    """The history as the build reads it: old revisions parsed with the
    current registries."""
    return read_history(cfg.content_dir, lambda text, path: parse_event_text(text, path, content, cfg))


def build(repo, now=NOW):
    cfg = config(repo / "content")
    content = load(cfg.content_dir)
    return build_feeds(Catalogue.build(content, cfg, now), cfg, load_history(content, cfg), now)


def vevent(files, event_id="giai-dau", year=None):
    """The VEVENT of an event (or of one year of a series) in its own file."""
    key = f"{event_id}-{year}" if year else event_id
    cal = Calendar.from_ical(files[f"su-kien/{event_id}.ics"])
    return next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith(key + "@"))


def utc(text):
    return dt.datetime.fromisoformat(text).astimezone(UTC)


def update_titles(files):
    feed = etree.fromstring(files["feeds/updates.atom"])
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


def test_sequence_rises_on_time_place_and_status_and_not_on_wording(repo):
    steps = [
        ("2026-01-05T10:00:00+07:00", {}),
        ("2026-01-10T10:00:00+07:00", {"title": "Giải kéo co mở rộng"}),
        ("2026-01-20T10:00:00+07:00", {"title": "Giải kéo co mở rộng", "start": "2026-04-19"}),
        ("2026-02-01T10:00:00+07:00", {"title": "Giải kéo co mở rộng", "start": "2026-04-19",
                                       "place": "Nhà văn hoá xã"}),
        ("2026-02-10T10:00:00+07:00", {"title": "Giải kéo co mở rộng", "start": "2026-04-19",
                                       "place": "Nhà văn hoá xã",
                                       "extra": "status: cancelled\nstatus_note: Mưa lũ\n"}),
    ]
    seen = []
    for when, fields in steps:
        save(repo, when, **fields)
        event = vevent(build(repo))
        seen.append((event["SEQUENCE"], event.decoded("LAST-MODIFIED")))
    assert [sequence for sequence, _ in seen] == [0, 0, 1, 2, 3]
    assert [modified for _, modified in seen] == [utc(when) for when, _ in steps]
    files = build(repo)
    event = vevent(files)
    assert event.decoded("CREATED") == utc("2026-01-05T10:00:00+07:00")
    assert event.decoded("DTSTAMP") == event.decoded("LAST-MODIFIED")
    assert str(event["STATUS"]) == "CANCELLED"
    assert update_titles(files) == [
        "Giải kéo co mở rộng: Hủy sự kiện: Mưa lũ",
        ("Giải kéo co mở rộng: Đổi địa điểm: Nhà văn hoá xã, Xã Khổng Lào "
         "(trước đây: Sân bản Nà Ít, Xã Khổng Lào)"),
        "Giải kéo co mở rộng: Hoãn từ 12/4 sang 19/4",
    ]
    rss = files["feeds/events.rss"].decode()
    assert "<pubDate>Mon, 05 Jan 2026 03:00:00 +0000</pubDate>" in rss  # first commit


def test_moving_the_accreditation_deadline_raises_the_sequence_of_its_entry(repo):
    """Regression: the press calendar's deadline entry moved with the
    deadline but kept SEQUENCE 0, and calendar apps ignore such a move."""
    invited = "press: {{invited: true, accreditation_deadline: {}}}\n"
    sequences = []
    for when, title, deadline in (("2026-01-05T10:00:00+07:00", "Giải kéo co", "2026-04-08"),
                                  ("2026-01-10T10:00:00+07:00", "Giải kéo co mở rộng", "2026-04-08"),
                                  ("2026-01-20T10:00:00+07:00", "Giải kéo co mở rộng", "2026-04-09 17:00")):
        save(repo, when, title=title, extra=invited.format(deadline))
        calendar = Calendar.from_ical(build(repo)["feeds/bao-chi.ics"])
        entry = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("giai-dau.han-dang-ky@"))
        sequences.append((entry["SEQUENCE"], str(entry["DTSTART"].to_ical(), "ascii")))
    assert sequences == [(0, "20260408"), (0, "20260408"), (1, "20260409T170000")]

def test_an_event_first_committed_already_postponed_is_news_once(repo):
    save(repo, "2026-01-05T10:00:00+07:00", extra="status: postponed\nstatus_note: Chờ lịch mới\n")
    save(repo, "2026-01-06T10:00:00+07:00", title="Giải kéo co các bản",
         extra="status: postponed\nstatus_note: Chờ lịch mới\n")  # wording only: no more news
    feed = etree.fromstring(build(repo)["feeds/updates.atom"])
    [entry] = feed.iter(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Giải kéo co các bản: Hoãn sự kiện: Chờ lịch mới"
    assert entry.findtext(f"{ATOM}id") == "tag:sukien.example.vn,2026-01-05:su-kien/giai-dau/thay-doi/1"
    assert entry.findtext(f"{ATOM}updated") == "2026-01-05T03:00:00+00:00"


@pytest.mark.parametrize("suffix", [".YAML", ".Yml"])
def test_an_event_file_in_capitals_has_a_history_like_any_other(repo, suffix):
    """The loader takes ``giai-dau.YAML`` as an event; its history used to
    skip it, so it never got a SEQUENCE or a change entry."""
    save(repo, "2026-01-05T10:00:00+07:00", suffix=suffix)
    save(repo, "2026-01-20T10:00:00+07:00", start="2026-04-19", suffix=suffix)
    files = build(repo)
    assert vevent(files)["SEQUENCE"] == 1
    assert vevent(files).decoded("CREATED") == utc("2026-01-05T10:00:00+07:00")
    assert update_titles(files) == ["Giải kéo co: Hoãn từ 12/4 sang 19/4"]


def test_a_merged_branch_counts_once_at_its_merge(repo):
    save(repo, "2026-01-05T10:00:00+07:00")
    git(repo, "checkout", "-q", "-b", "doi-lich")
    save(repo, "2026-01-06T10:00:00+07:00", start="2026-04-13")
    save(repo, "2026-01-07T10:00:00+07:00", start="2026-04-14")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "doi-lich", when="2026-01-09T10:00:00+07:00")
    event = vevent(build(repo))
    assert event["SEQUENCE"] == 1
    assert event.decoded("LAST-MODIFIED") == utc("2026-01-09T10:00:00+07:00")


def test_uncommitted_change_counts_from_the_start_of_the_day(repo):
    save(repo, "2026-01-05T10:00:00+07:00")
    save(repo, None, start="2026-04-20", commit=False)
    event = vevent(build(repo))
    assert event["SEQUENCE"] == 1
    assert event.decoded("LAST-MODIFIED") == utc("2026-03-01T00:00:00+07:00")


def test_lunar_exception_changes_only_its_year(repo):
    lunar = "repeat: lunar-yearly\n"
    save(repo, "2026-01-05T10:00:00+07:00", event_id="then-kin-pang", start="2025-04-07", extra=lunar)
    save(repo, "2026-01-15T10:00:00+07:00", event_id="then-kin-pang", start="2025-04-07",
         extra=lunar + "exceptions:\n  2027:\n    status: cancelled\n    status_note: Trùng lịch\n")
    files = build(repo)
    assert str(vevent(files, "then-kin-pang", 2027)["STATUS"]) == "CANCELLED"
    assert str(vevent(files, "then-kin-pang", 2026)["STATUS"]) == "CONFIRMED"
    assert update_titles(files) == ["Giải kéo co (2027): Hủy sự kiện: Trùng lịch"]


def test_same_history_gives_the_same_bytes_on_another_clone(repo, tmp_path):
    save(repo, "2026-01-05T10:00:00+07:00")
    save(repo, "2026-01-20T10:00:00+07:00", start="2026-04-19", place="Nhà văn hoá xã")
    first = build(repo)
    assert build(repo) == first
    assert build(repo, NOW.replace(hour=21)) == first  # same day, same feeds
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    assert build(clone) == first


def test_a_shallow_clone_is_flagged(repo, tmp_path):
    save(repo, "2026-01-05T10:00:00+07:00")
    save(repo, "2026-01-20T10:00:00+07:00", start="2026-04-19")
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    assert read_history(clone / "content", lambda text, path: None).shallow
    assert not read_history(repo / "content", lambda text, path: None).shallow


def test_outside_git_everything_derives_from_the_event(tmp_path):
    tree = tmp_path / "content"
    shutil.copytree(CONTENT, tree)
    history = read_history(tree, lambda text, path: None)
    assert history == History()
    cfg = config(tree)
    files = build_feeds(Catalogue.build(load(tree), cfg, NOW), cfg, history, NOW)
    future = vevent(files, "ngay-hoi-van-hoa-ba-ngay")
    assert future["SEQUENCE"] == 0
    # the start of the event's first day, whatever the day of the build
    assert future.decoded("CREATED") == utc("2026-05-01T00:00:00+07:00") == future.decoded("LAST-MODIFIED")
    assert future.decoded("DTSTAMP") == future.decoded("LAST-MODIFIED")
    past = vevent(files, "hoi-cho-da-qua")
    assert past.decoded("CREATED") == utc("2025-01-10T00:00:00+07:00")


def test_outside_git_the_calendars_do_not_depend_on_the_day_of_the_build(tmp_path):
    tree = tmp_path / "content"
    shutil.copytree(CONTENT, tree)
    cfg = config(tree)
    content = load(tree)
    days = [NOW, NOW + dt.timedelta(days=1, hours=5), NOW + dt.timedelta(days=9)]
    builds = [build_feeds(Catalogue.build(content, cfg, day), cfg, History(), day) for day in days]
    for path in builds[0]:
        if path.endswith(".ics"):
            assert builds[0][path] == builds[1][path] == builds[2][path], path
    # and open data agrees with the calendars on SEQUENCE, a cancelled event's included
    data = json.loads(builds[0]["api/events.json"])
    for event in data["events"]:
        for occurrence in event["occurrences"]:
            (found,) = [v for v in Calendar.from_ical(builds[0][f"su-kien/{event['id']}.ics"]).walk("VEVENT")
                        if str(v["UID"]) == occurrence["uid"]]
            assert found["SEQUENCE"] == occurrence["sequence"], occurrence["uid"]


def test_whole_tree_in_few_git_calls(repo, monkeypatch):
    for number in range(40):
        save(repo, None, event_id=f"su-kien-{number:02d}", commit=False)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "nhiều sự kiện", when="2026-01-05T10:00:00+07:00")
    for number in range(0, 40, 2):
        save(repo, None, event_id=f"su-kien-{number:02d}", start="2026-04-19", commit=False)
    git(repo, "commit", "-q", "-am", "đổi lịch", when="2026-01-06T10:00:00+07:00")
    calls = []
    real = git_module.subprocess.run
    monkeypatch.setattr(git_module.subprocess, "run",
                        lambda *a, **k: calls.append(a) or real(*a, **k))
    cfg = config(repo / "content")
    content = load(cfg.content_dir)
    history = load_history(content, cfg)
    assert len(calls) <= 3
    sequences = [history.of(e, now=NOW, years_ahead=2).sequence for e in content.events]
    assert sorted(sequences) == [0] * 20 + [1] * 20


def test_declared_published_wins_and_a_future_one_is_kept():
    event = load().event("ngay-hoi-van-hoa-ba-ngay")
    declared = dt.datetime(2026, 1, 15, 9, 0, tzinfo=NOW.tzinfo)
    assert summarise(replace(event, published=declared), (), now=NOW, years_ahead=2).published == declared
    later = NOW + dt.timedelta(days=3)
    ahead = summarise(replace(event, published=later), (), now=NOW, years_ahead=2)
    assert ahead.published == later == ahead.created  # held back by the feeds, never re-dated


def test_cancelling_a_timed_event_without_end_later_that_day_is_news():
    """It lasts the rest of its day (Occurrence): a cancellation at 15:00 of
    an event that began at 07:30 and gave no end is still reported."""
    zone = NOW.tzinfo
    start = dt.datetime(2026, 4, 12, 7, 30, tzinfo=zone)
    event = replace(load().event("ngay-hoi-van-hoa-ba-ngay"), start=start, end=None, repeat=None,
                    exceptions=())
    cancelled = replace(event, status="cancelled", status_note="Mưa lũ")
    revisions = [history_module.Revision(dt.datetime(2026, 4, 1, 3, 0, tzinfo=UTC), "a", event),
                 history_module.Revision(dt.datetime(2026, 4, 12, 15, 0, tzinfo=zone), "b", cancelled)]
    found = summarise(cancelled, revisions, now=dt.datetime(2026, 4, 13, tzinfo=zone), years_ahead=2)
    assert [(c.kind, c.new) for c in found.changes] == [("status", ("cancelled", "Mưa lũ"))]
    revisions[1] = replace(revisions[1], time=dt.datetime(2026, 4, 13, 0, 0, tzinfo=zone))  # the day after
    found = summarise(cancelled, revisions, now=dt.datetime(2026, 4, 14, tzinfo=zone), years_ahead=2)
    assert found.changes == ()


def test_events_already_read_are_not_parsed_again_and_give_the_same_history(repo, monkeypatch):
    from generator.pipeline import prepare as prepare_module
    from generator.vcs import history as history_module

    save(repo, "2026-01-05T09:00:00+07:00")
    save(repo, "2026-02-05T09:00:00+07:00", start="2026-04-19")
    save(repo, "2026-03-05T09:00:00+07:00", event_id="hoi-cho", place="Chợ Nà Ít")
    save(repo, "2026-03-06T09:00:00+07:00", event_id="hoi-cho", title="Hội chợ đã sửa", commit=False)
    cfg = config(repo / "content")
    content = load(cfg.content_dir)
    known = prepare_module._as_committed(content, prepare_module._tree_blobs(Path(cfg.content_dir)))
    fetched = []
    real_blobs = history_module._blobs
    monkeypatch.setattr(history_module, "_blobs", lambda root, blobs: fetched.extend(blobs) or real_blobs(root, blobs))
    parsed = []

    def parse(text, path):
        parsed.append(path)
        return parse_event_text(text, path, content, cfg)

    reused = read_history(cfg.content_dir, parse, known)
    assert parsed == ["events/ubnd-xa-khong-lao/giai-dau.yaml", "events/ubnd-xa-khong-lao/hoi-cho.yaml"]
    assert len(fetched) == 2  # the first giai-dau and the committed hoi-cho, not the current giai-dau
    assert reused == load_history(content, cfg)
    assert [r.event for r in reused.revisions["giai-dau"]][-1] is next(e for e in content.events if e.id == "giai-dau")


def test_git_read_before_the_events_gives_the_same_history(repo, monkeypatch):
    """``sukien build``'s site builder reads git's part while the content is
    still checked: the history is the one read at once, and a file of the
    tree that is not among the events read has its revisions fetched then."""
    from generator.pipeline import prepare as prepare_module

    save(repo, "2026-01-05T09:00:00+07:00")
    save(repo, "2026-02-05T09:00:00+07:00", start="2026-04-19")
    save(repo, "2026-03-05T09:00:00+07:00", event_id="hoi-cho", place="Chợ Nà Ít")
    save(repo, "2026-03-06T09:00:00+07:00", event_id="hoi-cho", title="Hội chợ đã sửa", commit=False)
    cfg = config(repo / "content")
    committed = prepare_module.read_committed(cfg)  # before any event is read
    assert set(committed.tree) == {"events/ubnd-xa-khong-lao/giai-dau.yaml", "events/ubnd-xa-khong-lao/hoi-cho.yaml"}
    assert len(committed.log.texts) == 2  # the first giai-dau and the committed hoi-cho
    content = load(cfg.content_dir)
    known = prepare_module._as_committed(content, committed.tree)
    assert len(known) == 2

    def parse(text, path):
        return parse_event_text(text, path, content, cfg)

    whole = load_history(content, cfg)
    assert read_history(cfg.content_dir, parse, known, committed.log) == whole
    one = {key: event for key, event in known.items() if event.id == "hoi-cho"}
    assert read_history(cfg.content_dir, parse, one, committed.log) == whole


def test_a_revision_that_is_not_text_is_asked_of_git_once(repo, monkeypatch):
    from generator.vcs import history as history_module

    path = repo / "content" / "events" / "ubnd-xa-khong-lao" / "giai-dau.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"title: \xff\xfe not UTF-8\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "hỏng", when="2026-01-04T09:00:00+07:00")
    save(repo, "2026-01-05T09:00:00+07:00")
    cfg = config(repo / "content")
    content = load(cfg.content_dir)
    calls = []
    real_blobs = history_module._blobs
    monkeypatch.setattr(history_module, "_blobs", lambda root, blobs: calls.append(blobs) or real_blobs(root, blobs))
    history = load_history(content, cfg)
    assert [len(blobs) for blobs in calls if blobs] == [2]  # both revisions, in one call: none asked again
    assert len(history.revisions["giai-dau"]) == 1  # the one that is not text is no revision
