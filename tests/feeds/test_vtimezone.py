"""Every VTIMEZONE reads right in ical.js (Thunderbird), vobject, libical
(Evolution, GNOME) and icalendar: events in zones with summer time, north
and south, and without it, start at the instants zoneinfo gives."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from contenttree import make_tree, with_fields
from feedsupport import NOW, config, ical_js, load
from generator.feeds import build_feeds
from generator.site.catalogue import Catalogue
from generator.vcs.history import History

# (id, zone, start, end): across Berlin's March change, New York in July,
# Sydney's summer (January) and winter (June), the change in Sydney in
# April, a zone without summer time, and a date in 2040 (past the 2038
# horizon of icalendar's own VTIMEZONEs)
EVENTS = [
    ("berlin-maerz", "Europe/Berlin", "2026-03-28 20:00", "2026-03-29 10:00"),
    ("berlin-sommer", "Europe/Berlin", "2026-07-01 09:00", "2026-07-01 11:00"),
    ("berlin-2040", "Europe/Berlin", "2040-06-01 09:00", "2040-06-01 11:00"),
    ("new-york-july", "America/New_York", "2026-07-04 19:00", "2026-07-04 22:00"),
    ("new-york-nov", "America/New_York", "2026-11-01 01:30", "2026-11-01 03:00"),
    ("sydney-summer", "Australia/Sydney", "2027-01-26 09:00", "2027-01-26 12:00"),
    ("sydney-winter", "Australia/Sydney", "2026-06-15 09:00", "2026-06-15 12:00"),
    ("sydney-april", "Australia/Sydney", "2026-04-04 20:00", "2026-04-05 10:00"),
    ("lai-chau", "Asia/Ho_Chi_Minh", "2026-04-26 07:30", "2026-04-26 17:00"),
]
LIBICAL = Path(__file__).with_name("libical_dump.py")


def expected(zone: str, when: str) -> int:
    return int(dt.datetime.fromisoformat(when).replace(tzinfo=ZoneInfo(zone)).timestamp())


@pytest.fixture(scope="module")
def calendar_files(tmp_path_factory, monkeypatch_module=None) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("zones")
    content_dir = make_tree(root, {f"so-vhttdl/{name}.yaml": with_fields(timezone=zone, start=start, end=end)
                                   for name, zone, start, end in EVENTS})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUKIEN_NOW", NOW.isoformat())
        content = load(content_dir)
    files = build_feeds(Catalogue.build(content, config(content_dir, years_ahead=20), NOW),
                        config(content_dir, years_ahead=20), History(), NOW)
    out = {}
    for path, data in files.items():
        if path.endswith(".ics"):
            target = root / "out" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            out[path] = target
    return out


def starts_by(reader: str, paths: list[Path]) -> dict[str, int]:
    """UID prefix (the event id) -> DTSTART as a UTC instant, per reader."""
    found: dict[str, int] = {}
    if reader == "ical.js":
        for calendar in ical_js(paths):
            assert "error" not in calendar, calendar
            found.update({e["uid"].split("@")[0]: e["startUnix"] for e in calendar["events"]})
    elif reader == "vobject":
        for path in paths:
            for event in vobject.readOne(path.read_text(encoding="utf-8")).vevent_list:
                found[event.uid.value.split("@")[0]] = int(event.dtstart.value.timestamp())
    elif reader == "icalendar":
        for path in paths:
            for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
                found[str(event["UID"]).split("@")[0]] = int(event.decoded("DTSTART").timestamp())
    elif reader == "libical":
        python = shutil.which("python3", path="/usr/bin")
        probe = subprocess.run([python or "python3", "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
                               capture_output=True)
        if python is None or probe.returncode != 0:
            pytest.skip("libical needs /usr/bin/python3 with python3-gi and gir1.2-ical-3.0")
        done = subprocess.run([python, str(LIBICAL), *map(str, paths)], capture_output=True, text=True, check=True)
        found.update({e["uid"].split("@")[0]: e["unix"] for e in json.loads(done.stdout)})
    return found


@pytest.mark.parametrize("reader", ["ical.js", "vobject", "libical", "icalendar"])
def test_each_event_starts_at_the_zoneinfo_instant(calendar_files, reader):
    one_per_event = [calendar_files[f"su-kien/{name}.ics"] for name, *_ in EVENTS]
    assert starts_by(reader, one_per_event) == {name: expected(zone, start) for name, zone, start, _ in EVENTS}
    site = starts_by(reader, [calendar_files["feeds/events.ics"]])  # every zone in one calendar
    assert {name: site[name] for name, *_ in EVENTS} == {name: expected(zone, start)
                                                        for name, zone, start, _ in EVENTS}


def test_no_rdate_lists(calendar_files):
    for path in calendar_files.values():
        for line in path.read_text(encoding="utf-8").splitlines():
            assert not line.startswith("RDATE"), path
