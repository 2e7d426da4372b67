"""Accepted files make builds of bounded cost: every date within a window
around the build's year, an event (or an occurrence) at most 366 days, a
series' occurrences one after another, and zones that are places.  Each
refusal is located at its line."""

from __future__ import annotations

import pytest

from contenttree import check, with_fields

NOW = "2026-04-20T10:00:00+07:00"  # the window is 1996..2046


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    monkeypatch.setenv("SUKIEN_NOW", NOW)


@pytest.mark.parametrize("start, end", [
    ("0001-01-01", "0001-01-02"), ("9999-12-30", "9999-12-31"), ("2926-04-26", "2926-04-27"),
    ("1026-04-26", "1026-04-27"), ("1995-12-31", "1996-01-01"), ("0001-01-01 00:00", "0001-01-01 08:00"),
    ("9999-12-31 23:00", "9999-12-31 23:59"),
])
def test_a_year_far_from_now_is_refused_at_its_line(tmp_path, start, end):
    found = check(tmp_path, with_fields(start=start, end=end))
    assert ("date-out-of-range", 4, 8) in found
    assert {code for code, _, _ in found} == {"date-out-of-range"}


def test_an_end_far_away_is_refused_at_the_end(tmp_path):
    assert check(tmp_path, with_fields(end="3026-04-27 17:00")) == [("date-out-of-range", 5, 6)]


def test_the_edges_of_the_window_are_accepted(tmp_path):
    assert check(tmp_path, with_fields(start="1996-01-01", end="1996-01-02")) == []
    assert check(tmp_path / "b", with_fields(start="2046-12-30", end="2046-12-31")) == []


@pytest.mark.parametrize("field, value, line", [
    ("published", "0001-01-01 08:00", 13), ("updates", "\n  - at: 9999-01-01 10:00\n    text: Tin", 14),
])
def test_other_dates_are_bounded_too(tmp_path, field, value, line):
    found = check(tmp_path, with_fields(**{field: value}))
    assert [(code, at) for code, at, _ in found] == [("date-out-of-range", line)]


@pytest.mark.parametrize("changes, expected", [
    (dict(repeat="yearly", repeat_until="9999"), [("date-out-of-range", 14, 15)]),
    (dict(start="1726-04-26", end="1726-04-27", repeat="yearly"),
     [("date-out-of-range", 4, 8), ("date-out-of-range", 5, 6)]),
    (dict(repeat="yearly", exceptions="\n  2999:\n    status: cancelled"), [("date-out-of-range", 15, 3)]),
])
def test_a_series_is_bounded(tmp_path, changes, expected):
    assert check(tmp_path, with_fields(**changes)) == expected


@pytest.mark.parametrize("changes", [
    dict(start="2026-01-01", end="2027-02-01"),
    dict(start="2026-01-01 08:00", end="2030-01-01 08:00"),
    dict(start="2026-04-26", end="2028-04-27", repeat="yearly"),
])
def test_an_event_that_lasts_more_than_a_year_is_refused(tmp_path, changes):
    assert check(tmp_path, with_fields(**changes)) == [("event-too-long", 5, 6)]


def test_a_year_moved_to_last_more_than_a_year_is_refused_at_its_end(tmp_path):
    found = check(tmp_path, with_fields(start="2026-04-26", end="2026-04-27", repeat="yearly",
                                        exceptions="\n  2027:\n    start: 2027-04-26\n    end: 2029-01-01"))
    assert found == [("event-too-long", 17, 10)]


@pytest.mark.parametrize("changes, line", [
    (dict(start="2026-03-01", end="2026-12-20", repeat="yearly",
          exceptions="\n  2027:\n    start: 2026-12-01\n    end: 2027-09-01"), 16),
    (dict(start="2026-02-17", end="2027-02-10", repeat="lunar-yearly"), 5),  # a lunar year is 354 days
])
def test_occurrences_of_a_series_that_overlap_are_refused(tmp_path, changes, line):
    found = check(tmp_path, with_fields(**changes))
    assert [(code, at) for code, at, _ in found] == [("series-overlap", line)]


@pytest.mark.parametrize("zone", ["localtime", "Factory", "posixrules", "EST5EDT", "US/Eastern", "Etc/GMT+7",
                                  "GMT", "Asia", "asia/ho_chi_minh", "../../etc/localtime", "/etc/localtime"])
def test_a_zone_that_is_not_a_place_is_refused(tmp_path, zone):
    assert check(tmp_path, with_fields(timezone=zone)) == [("invalid-timezone", 13, 11)]


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC",
                                  "America/Argentina/Buenos_Aires"])
def test_place_zones_are_accepted(tmp_path, zone):
    assert check(tmp_path, with_fields(timezone=zone)) == []


def test_the_site_zone_must_be_a_place_too(tmp_path):
    from generator.load.config import ConfigError, config_from_mapping

    with pytest.raises(ConfigError):
        config_from_mapping({"plugins": [{"sukien": {"timezone": "localtime"}}]})


LONG_LINKS = "".join(f"[{i}](https://x.example/{i}) " for i in range(51))


@pytest.mark.parametrize("description, code", [
    ("x" * 10_001, "too-long"),
    ("[" * 51, "markdown-too-complex"),
    (LONG_LINKS, "markdown-too-complex"),
    ("".join("    " * i + "- x\n" for i in range(12)), "markdown-too-complex"),
    ("> " * 9 + "x", "markdown-too-complex"),
    ("a\n=\n" * 200, "markdown-too-complex"),
    ("|a" * 1001, "markdown-too-complex"),
])
def test_markdown_whose_rendering_cost_is_unbounded_is_refused(tmp_path, description, code):
    import json

    text = with_fields(description=json.dumps(description))
    assert check(tmp_path, text) == [(code, 13, 14)]
    english = with_fields(en="\n  description: " + json.dumps(description))
    assert check(tmp_path / "en", english) == [(code, 14, 16)]
    update = with_fields(updates="\n  - at: 2026-04-20 09:00\n    text: " + json.dumps(description))
    assert check(tmp_path / "upd", update) == [(code, 15, 11)]


def test_a_real_description_is_accepted(tmp_path):
    import json

    text = ("Lễ hội Then Kin Pang của người Thái trắng.\n\n## Chương trình\n\n- **Ngày 1**: rước\n"
            "- *Ngày 2*: thi đấu\n    - kéo co\n    - ném còn\n\n> Lời mời của ban tổ chức.\n\n"
            "Xem thêm tại [Cổng thông tin](https://laichau.gov.vn) và [bản đồ](https://osm.org).\n\n"
            "| Giờ | Nội dung |\n|---|---|\n| 07:30 | Khai mạc |\n")
    assert check(tmp_path, with_fields(description=json.dumps(text))) == []


@pytest.mark.parametrize("title", ['"Lễ \\uFFFE hội"', '"Lễ \\uFFFF hội"', '"Lễ hội \\u202E lộn"'])
def test_characters_xml_cannot_carry_are_refused_at_their_line(tmp_path, title):
    assert check(tmp_path, with_fields(title=title)) == [("invalid-encoding", 1, 8)]


ATTACKS = {
    "year 1": with_fields(start="0001-01-01", end="0001-01-02"),
    "year 9999": with_fields(start="9999-12-31 20:00", end="9999-12-31 23:59"),
    "typo year": with_fields(start="2926-04-26", end="2926-04-27"),
    "centuries": with_fields(start="1726-04-26", end="1726-04-27", repeat="yearly"),
    "until 9999": with_fields(repeat="yearly", repeat_until="9999"),
    "overlap": with_fields(start="2026-01-01", end="2026-12-31", repeat="yearly",
                           exceptions="\n  2027:\n    start: 2026-12-15"),
    "U+FFFF": with_fields(title='"Lễ \\uFFFF hội"'),
    "localtime": with_fields(timezone="localtime"),
    "brackets": with_fields(description='"' + "[" * 5000 + '"'),
}


@pytest.mark.parametrize("text", ATTACKS.values(), ids=ATTACKS.keys())
def test_every_command_refuses_with_a_located_message_and_no_traceback(tmp_path, text):
    from click.testing import CliRunner

    from contenttree import make_tree
    from generator.cli import main

    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-thu.yaml": text})
    for args in (["validate", "--content", str(content)], ["validate", "--content", str(content), "--format", "json"],
                 ["export", str(tmp_path / "out"), "--content", str(content)],
                 ["report", "--month", "2026-04", "--content", str(content)]):
        result = CliRunner().invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.output)
        assert "Traceback" not in result.output
        if args[0] != "report":
            assert result.exit_code == 1, (args, result.output)
            assert "le-hoi-thu.yaml" in result.output


@pytest.mark.parametrize("field, text, line", [
    ("tags", "[" + ", ".join(f"the-{i}" for i in range(201)) + "]", 13),
    ("updates", "".join(f"\n  - at: 2026-04-01 10:00\n    text: Tin {i}" for i in range(201)), 14),
    ("schedule", "".join(f"\n  - start: '08:00'\n    title: Mục {i}" for i in range(201)), 14),
])
def test_a_list_of_more_than_200_items_is_refused(tmp_path, field, text, line):
    found = check(tmp_path, with_fields(**{field: text}))
    assert [(code, at) for code, at, _ in found] == [("too-many-items", line)]
