"""Site configuration: the ``sukien`` plugin options in mkdocs.yml."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.config import ConfigError, config_from_mapping


def _options(**options) -> dict:
    return {"site_name": "T", "plugins": [{"sukien": options}]}


def test_geo_bounds_are_four_numbers():
    config = config_from_mapping(_options(geo_bounds=[21, "102.5", 23, 104]))
    assert config.geo_bounds == (21.0, 102.5, 23.0, 104.0)


@pytest.mark.parametrize("bounds", [[21.6, 102.2, 22.9], [1, 2, 3, 4, 5], [], "abcd", 5])
def test_other_geo_bounds_are_a_config_error(bounds):
    with pytest.raises(ConfigError, match="geo_bounds|tuỳ chọn"):
        config_from_mapping(_options(geo_bounds=bounds))


def test_three_geo_bounds_stop_validate_with_a_message_not_a_traceback(tmp_path):
    """Found by the type checker: three numbers used to pass and crash the
    first event with a map point."""
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - sukien:\n      geo_bounds: [21.6, 102.2, 22.9]\n",
                                         encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-f", str(tmp_path / "mkdocs.yml")])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "geo_bounds cần 4 số" in result.output


def _project(tmp_path, site_url: str) -> Path:
    """A copy of the bundled project's mkdocs.yml (with its docs and theme)
    whose site_url is ``site_url``, over the small test content."""
    root = Path(__file__).resolve().parents[2]
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("site_url: https://sukien.laichau.gov.vn/", f"site_url: {site_url}")
    text = text.replace("content: content", f"content: {root / 'tests/data/site/content'}")
    for folder in ("docs", "overrides"):
        shutil.copytree(root / folder, tmp_path / folder)
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


ENV_URL = "!ENV [SUKIEN_TEST_SITE_URL, 'https://macdinh.example/']"


@pytest.mark.parametrize("value, expected", [("https://bien.example/", "https://bien.example/"),
                                             (None, "https://macdinh.example/")])
def test_site_url_from_an_environment_variable_as_mkdocs_reads_it(tmp_path, monkeypatch, value, expected):
    """``!ENV [VAR, default]`` means VAR when it is set, else the default,
    for validate and build (the CLI's reader) exactly as for MkDocs."""
    from generator.load.config import load_site_config

    if value is None:
        monkeypatch.delenv("SUKIEN_TEST_SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SUKIEN_TEST_SITE_URL", value)
    assert load_site_config(_project(tmp_path, ENV_URL)).site_url == expected


def test_export_reads_the_same_configuration(tmp_path, monkeypatch):
    """Export used to read mkdocs.yml with its own reader, which failed on
    ``!ENV``; it now reads it like validate and build, and the exported
    project and feeds carry the URL the variable gives."""
    monkeypatch.setenv("SUKIEN_TEST_SITE_URL", "https://bien.example/")
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-20T10:00:00+07:00")
    config = _project(tmp_path / "project", ENV_URL)
    result = CliRunner().invoke(main, ["export", "-f", str(config), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    exported = (tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: https://bien.example/" in exported
    assert "sukien" not in exported.split("plugins:")[1].split("\n\n")[0]
    feed = (tmp_path / "out" / "docs" / "feeds" / "events.json").read_text(encoding="utf-8")
    assert "https://bien.example/" in feed and "sukien.laichau.gov.vn" not in feed


def test_the_plugin_declares_the_core_options_once():
    """The plugin's options are the core's table: same names, same defaults."""
    from generator.load.config import plugin_options
    from generator.mkdocs_plugin import SukienPlugin

    plugin = SukienPlugin()
    errors, _warnings = plugin.load_config({})
    assert errors == []
    assert dict(plugin.config) == {option.name: option.default for option in plugin_options()}


def test_site_url_is_a_folder_as_mkdocs_makes_it():
    """MkDocs (hence the plugin and the built site) adds the final slash;
    validate and export read the same URL."""
    from mkdocs.config.defaults import MkDocsConfig

    mkdocs = MkDocsConfig()
    mkdocs.load_dict({"site_name": "T", "site_url": "https://vi-du.example/lich"})
    assert mkdocs.validate() == ([], [])
    ours = config_from_mapping({"site_name": "T", "site_url": "https://vi-du.example/lich"})
    assert ours.site_url == mkdocs.site_url == "https://vi-du.example/lich/"


def test_export_keeps_the_tags_it_does_not_read(tmp_path, monkeypatch):
    """A ``!!python/name:`` value (Material's emoji index) is written back
    as it was, and the exported project builds with MkDocs alone."""
    import subprocess
    import sys

    monkeypatch.setenv("SUKIEN_NOW", "2026-04-20T10:00:00+07:00")
    config = _project(tmp_path / "project", "https://sukien.laichau.gov.vn/")
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - attr_list\n",
        "  - attr_list\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"),
        encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "-f", str(config), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    exported = (tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in exported
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "out" / "mkdocs.yml")],
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "site" / "feeds" / "events.ics").is_file()


def test_the_plugin_hands_its_validated_options_to_the_core(tmp_path, monkeypatch):
    """MkDocs validates the options (a wrong kind stops it), and the plugin
    builds from ``self.config``: here its content folder and site URL."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    monkeypatch.delenv("SUKIEN_CONTENT", raising=False)
    monkeypatch.setenv("SUKIEN_TEST_SITE_URL", "https://bien.example/")
    monkeypatch.setenv("SUKIEN_NOW", "2026-04-20T10:00:00+07:00")
    config = _project(tmp_path, ENV_URL)
    mkdocs = load_config(str(config))
    plugin = mkdocs.plugins["sukien"]

    def read_again(*_args):
        raise AssertionError("the plugin reads mkdocs.yml a second time")

    monkeypatch.setattr("generator.load.config.read_mkdocs_yml", read_again)
    mkdocs.plugins.on_config(mkdocs)
    assert plugin.content_dir == Path(plugin.config["content"])
    assert plugin.prepared.ok and "https://bien.example/" in plugin.prepared.feeds["feeds/events.rss"].decode()
    config.write_text(config.read_text(encoding="utf-8").replace("years_ahead: 2", "years_ahead: hai"),
                      encoding="utf-8")
    with pytest.raises((Abort, ConfigurationError)):
        load_config(str(config))


import pytest as _pytest


@_pytest.mark.parametrize("plugins", ["plugins: sukien", "plugins:\n  - sukien: [1]", "plugins:\n  - {}\n  - search"])
def test_odd_plugin_sections_are_config_errors_or_ignored_never_a_traceback(tmp_path, plugins):
    from click.testing import CliRunner

    from generator.cli import main

    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\n{plugins}\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    result = CliRunner().invoke(main, ["validate", "-f", str(config)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (1, 2) and "Traceback" not in result.output


@_pytest.mark.parametrize("option", ["years_ahead: 1000", "years_ahead: -1", "past_days: 999999",
                                     "max_file_size: 0", "max_file_size: 99999999999"])
def test_options_that_would_make_the_build_unbounded_are_config_errors(option):
    from generator.load.config import ConfigError, config_from_mapping

    key, value = option.split(": ")
    with _pytest.raises(ConfigError):
        config_from_mapping({"plugins": [{"sukien": {key: int(value)}}]})


@_pytest.mark.parametrize("key, value", [("site_name", "Sự kiện \uffff"), ("site_url", "https://x.vn/\n"),
                                         ("site_name", "Lịch \x1b[2J")])
def test_site_settings_that_xml_cannot_carry_are_config_errors(key, value):
    from generator.load.config import ConfigError, config_from_mapping

    with _pytest.raises(ConfigError):
        config_from_mapping({key: value})
