"""Site configuration: the ``sukien`` plugin options in mkdocs.yml."""

from __future__ import annotations

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
