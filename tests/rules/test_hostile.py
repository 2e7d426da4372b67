"""Hostile and odd input found in review: each is located, explained, and
never crashes, hangs or spills onto the good file beside it."""

import unicodedata

import pytest

from contenttree import VALID, check, make_tree, photo_bytes, problems, with_fields
from generator.load.config import SiteConfig
from generator.pipeline.validate import validate_tree


@pytest.mark.parametrize("changes, expected", [
    ({"start": '"2026' + " " * 60000 + 'x"'}, ("date-format", 4, 8)),
    ({"online_url": "https://[::1/"}, ("invalid-url", 13, 13)),
    ({"online_url": "https://laichau.gov.vn:abc/"}, ("invalid-url", 13, 13)),
    ({"online_url": "https://laichau.gov.vn:99999/"}, ("invalid-url", 13, 13)),
    ({"image": "\n  src: images/" + "a" * 5000 + ".svg\n  alt: Ảnh"}, ("image-not-found", 14, 8)),
    ({"image": "\n  src: C:\\Users\\a.jpg\n  alt: Ảnh"}, ("unsafe-path", 14, 8)),
    ({"image": "\n  src: http://example.org/a.jpg\n  alt: Ảnh"}, ("invalid-url", 14, 8)),
    ({"title": '"Hội\\0nghị"'}, ("invalid-encoding", 1, 8)),
    ({"title": '"Hội nghị\\a"'}, ("invalid-encoding", 1, 8)),
    ({"title": "Lễ hội \u202eiah"}, ("invalid-encoding", 1, 8)),
    ({"start": "２０２６-04-26"}, ("date-format", 4, 8)),
    ({"repeat": "yearly", "repeat_until": "２０３０"}, ("invalid-value", 14, 15)),
    ({"location": "\n  name: Sân\n  geo: [2_2.4, 10_3.4]"}, ("invalid-geo", 8, 8)),
    ({"location": '\n  name: Sân\n  geo: ["22,4", "103,4"]'}, ("invalid-geo", 8, 8)),
    ({"price": "!!str 100"}, ("yaml-tag", 13, 8)),
    ({"price": "! abc"}, ("yaml-tag", 13, 8)),
])
def test_hostile_values(tmp_path, changes, expected):
    assert check(tmp_path, with_fields(**changes)) == [expected]


@pytest.mark.parametrize("schedule, code", [
    ("8 giờ 30 phút", "invalid-time"), ("7:30 sáng", "invalid-time"), ("14h00-16h00", "invalid-time"),
])
def test_loose_times_get_time_messages(tmp_path, schedule, code):
    (problem,) = problems(tmp_path, with_fields(schedule=f"\n  - start: {schedule}\n    title: Khai mạc"))
    assert problem.code == code and "HH:MM" in problem.message


def test_time_only_end_asks_for_the_date(tmp_path):
    (problem,) = problems(tmp_path, with_fields(end="11:30"))
    assert problem.code == "date-format" and "11:30" in problem.message and "YYYY-MM-DD" in problem.message


@pytest.mark.parametrize("value, hint", [
    ("GMT+7", "Asia/Ho_Chi_Minh"), ("//laichau.gov.vn", "https://laichau.gov.vn"),
])
def test_suggestions(tmp_path, value, hint):
    key = "timezone" if "GMT" in value else "online_url"
    (problem,) = problems(tmp_path, with_fields(**{key: value}))
    assert f"'{hint}'" in problem.message


def test_exception_status_suggestion(tmp_path):
    text = with_fields(start="2026-04-26", end=None, repeat="yearly", exceptions="\n  2027:\n    status: huỷ")
    (problem,) = problems(tmp_path, text)
    assert "'cancelled'" in problem.message


def test_problem_count_is_capped(tmp_path):
    text = "".join(f"ả{i}: v\n" for i in range(5000))
    found = problems(tmp_path, text)
    assert len(found) == 101 and [p.code for p in found].count("too-many-problems") == 1


def test_control_character_location_counts_characters(tmp_path):
    assert check(tmp_path, "title: Hội nghị tổng kết\nsummary: de\x07f\n".encode()) == [("yaml-syntax", 2, 12)]


def test_line_separator_does_not_shift_lines(tmp_path):
    text = with_fields(summary="Lễ hội\u2028truyền thống") + "khoa_la: x\n"
    assert check(tmp_path, text) == [("unknown-key", 13, 1)]


def test_nfd_image_name_is_found(tmp_path):
    name = unicodedata.normalize("NFD", "ảnh-lễ-hội.gif")
    folder = tmp_path / "content/events/so-vhttdl/images"
    folder.mkdir(parents=True)
    (folder / name).write_bytes(photo_bytes("GIF"))
    assert check(tmp_path, with_fields(image=f"\n  src: images/{unicodedata.normalize('NFC', name)}\n  alt: Ảnh")) == []


@pytest.mark.parametrize("registry, text", [
    ("units.yaml", "id: so-vhttdl\n"), ("categories.yaml", "just text\n"),
])
def test_broken_registry_does_not_flag_good_events(tmp_path, registry, text):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    (content / registry).write_text(text)
    found = validate_tree(SiteConfig(content_dir=content)).problems
    assert {p.path.split("/")[-1] for p in found} == {registry}


def test_bad_registry_entry_keeps_its_events(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    (content / "units.yaml").write_text("- id: SO-vhttdl\n  name: Sở\n- id: so-vhttdl\n")
    found = validate_tree(SiteConfig(content_dir=content)).problems
    assert {p.path.split("/")[-1] for p in found} == {"units.yaml"}


def test_registry_symlink_out_of_tree(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    (tmp_path / "outside.yaml").write_text((content / "areas.yaml").read_text())
    (content / "areas.yaml").unlink()
    (content / "areas.yaml").symlink_to(tmp_path / "outside.yaml")
    codes = {p.code for p in validate_tree(SiteConfig(content_dir=content)).problems}
    assert "unsafe-path" in codes


def test_events_folder_symlink_out_of_tree(tmp_path):
    content = make_tree(tmp_path)
    outside = make_tree(tmp_path / "other", {"so-vhttdl/le-hoi-a.yaml": VALID}) / "events"
    (content / "events").rmdir()
    (content / "events").symlink_to(outside)
    result = validate_tree(SiteConfig(content_dir=content))
    assert [p.code for p in result.problems] == ["unsafe-path"] and not result.content.events


def test_dangling_symlink(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    (content / "events/so-vhttdl/le-hoi-b.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (problem,) = validate_tree(SiteConfig(content_dir=content)).problems
    assert problem.code == "unsafe-path" and "hỏng" in problem.message


def test_yaml_in_images_folder_is_not_an_event(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID, "so-vhttdl/images/meta.yaml": "x: 1\n"})
    assert validate_tree(SiteConfig(content_dir=content)).problems == []


@pytest.mark.parametrize("field, value, at", [
    ("online_url", '"https://a.vn/x\\nX-INJECT:1"', (13, 13)),
    ("online_url", '"https://a.vn/<script>"', (13, 13)),
    ("links", '\n  - title: "A"\n    url: "https://a.vn/\\r\\nX-EVIL:1"', (15, 10)),
    ("location", '\n  name: "S"\n  map_url: "https://a.vn/\\tq"', (8, 12)),
])
def test_a_url_with_whitespace_or_markup_is_refused(tmp_path, field, value, at):
    assert check(tmp_path, with_fields(**{field: value})) == [("invalid-url", *at)]
