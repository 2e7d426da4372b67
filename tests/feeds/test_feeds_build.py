"""The whole set of feeds: deterministic, and written to disk calmly."""

import datetime as dt

from feedsupport import CONTENT, NOW, built, config, load
from icalendar import Calendar

from generator.site.catalogue import Catalogue
from generator.feeds import build_feeds, feed_files, write_feeds
from generator.vcs.history import History


def test_two_builds_are_byte_identical():
    first = build_feeds(Catalogue.build(load(), config(), NOW), config(), History(), NOW)
    second = build_feeds(Catalogue.build(load(), config(), NOW), config(), History(), NOW)
    assert first == second


def test_the_files_one_at_a_time_are_the_whole_set(tmp_path):
    catalogue = Catalogue.build(load(), config(), NOW)
    stream = feed_files(catalogue, config(), History(), NOW)
    path, data = next(stream)  # made before the others
    rest = list(stream)
    assert dict([(path, data)] + rest) == built()
    assert len(rest) + 1 == len(built())  # no path twice
    written = write_feeds(tmp_path, iter([(path, data)] + rest))
    assert {p.relative_to(tmp_path).as_posix() for p in written} == set(built())
    assert (tmp_path / path).read_bytes() == data


def test_the_time_of_day_of_the_build_changes_nothing():
    evening = NOW.replace(hour=23, minute=59)
    assert build_feeds(Catalogue.build(load(), config(), evening), config(), History(), evening) == built()


def test_the_clock_only_moves_what_it_must():
    """A year later, past occurrences leave the site calendar, yet an event's
    own calendar keeps its identities and dates."""
    a_year_on = NOW + dt.timedelta(days=365)
    later = build_feeds(Catalogue.build(load(), config(), a_year_on), config(), History(), a_year_on)
    assert b"ngay-hoi-van-hoa-ba-ngay@" not in later["feeds/events.ics"]
    assert b"ngay-hoi-van-hoa-ba-ngay@" in built()["feeds/events.ics"]

    def identities(files):
        cal = Calendar.from_ical(files["su-kien/le-hoi-then-kin-pang.ics"])
        return [(str(e["UID"]), e.decoded("DTSTART"), str(e["STATUS"])) for e in cal.walk("VEVENT")]

    assert identities(built()) == identities(later)[:len(identities(built()))]


def test_write_feeds_writes_only_what_changed(tmp_path):
    files = built()
    assert len(write_feeds(tmp_path, files)) == len(files)
    assert (tmp_path / "feeds" / "category" / "le-hoi.ics").read_bytes() == files["feeds/category/le-hoi.ics"]
    changed = {**files, "feeds/events.rss": b"<rss/>"}
    assert write_feeds(tmp_path, changed) == [tmp_path / "feeds" / "events.rss"]


def test_content_tree_is_the_test_data():
    assert load(CONTENT).event("le-hoi-then-kin-pang") is not None
