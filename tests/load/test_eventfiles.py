"""The one rule for which files are event files."""

import pytest

from generator.load.eventfiles import event_id_of, is_event_path


@pytest.mark.parametrize("path, expected", [
    ("events/so-vhttdl/le-hoi.yaml", True),
    ("events/so-vhttdl/le-hoi.yml", True),
    ("events/so-vhttdl/le-hoi.YAML", True),
    ("events/so-vhttdl/nam-2026/le-hoi.Yml", True),
    ("events/le-hoi.yaml", False),  # no unit folder: not an event file of any unit
    ("events/so-vhttdl/.le-hoi.yaml", False),
    ("events/so-vhttdl/images/anh.yaml", False),
    ("events/.git/config.yaml", False),
    ("events/so-vhttdl/le-hoi.yaml.bak", False),
    ("units.yaml", False),
    ("khac/so-vhttdl/le-hoi.yaml", False),
])
def test_which_paths_are_event_files(path, expected):
    assert is_event_path(path) is expected


def test_the_id_is_the_name_without_its_suffix_in_any_case():
    assert [event_id_of(n) for n in ("le-hoi.yaml", "le-hoi.YAML", "le.hoi.yml")] == ["le-hoi", "le-hoi", "le.hoi"]
