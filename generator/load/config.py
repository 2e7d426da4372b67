"""Site configuration: ``mkdocs.yml`` and the ``sukien`` plugin's options.

The one reader of ``mkdocs.yml`` for the CLI, ``sukien build`` and
``sukien export``, and the one declaration of the plugin's options.

Where the options are declared: here, in the core, as the fields of
:class:`SiteConfig` that carry :func:`_option` metadata (name in
``mkdocs.yml``, kind, default).  :func:`plugin_options` lists them as plain
data, and the MkDocs plugin generates its ``config_class`` from that list,
so MkDocs validates exactly these options with exactly these defaults and
the plugin hands its validated ``self.config`` back to
:func:`site_config`.  The core never imports MkDocs (the reverse would
put MkDocs under ``sukien validate``), which is why the table lives here
and the adapter is built from it rather than the other way round.

``mkdocs.yml`` is read as MkDocs reads it where it matters to the core:
``!ENV [VAR, default]`` gives the variable's value (else the default),
through the same ``pyyaml_env_tag`` constructor MkDocs uses; any other tag
(``!!python/name:...``, ``!relative``) is kept as a :class:`Tagged` value,
which the core ignores and ``sukien export`` writes back unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
import yaml_env_tag  # type: ignore[import-untyped]

from ..model import patterns
from ..model.event import DEFAULT_TIMEZONE, is_place_zone

DEFAULT_BOUNDS = (21.6, 102.2, 22.9, 103.9)  # south, west, north, east


class ConfigError(Exception):
    """The site configuration cannot be read (exit code 2)."""


@dataclass(frozen=True)
class Option:
    """One option of the ``sukien`` plugin: its name in ``mkdocs.yml``, its
    kind (``str``, ``int``, ``numbers`` or ``strings``, a list of either)
    and its default as it is written in ``mkdocs.yml``."""

    name: str
    kind: str
    default: Any


def _option(name: str, kind: str, default: Any) -> Any:
    """A :class:`SiteConfig` field that is also a plugin option."""
    stored = Path(default) if name == "content" else tuple(default) if isinstance(default, list) else default
    return field(default=stored, metadata={"option": Option(name, kind, default)})


@dataclass(frozen=True)
class SiteConfig:
    content_dir: Path = _option("content", "str", "content")
    site_url: str = "https://sukien.laichau.gov.vn/"
    site_name: str = "Sự kiện Lai Châu"
    timezone: str = _option("timezone", "str", DEFAULT_TIMEZONE)
    geo_bounds: tuple[float, float, float, float] = _option("geo_bounds", "numbers", list(DEFAULT_BOUNDS))
    years_ahead: int = _option("years_ahead", "int", 2)
    past_days: int = _option("past_days", "int", 60)
    max_file_size: int = _option("max_file_size", "int", 1024 * 1024)
    editors: tuple[str, ...] = _option("editors", "strings", [])
    featured_categories: tuple[str, ...] = _option("featured_categories", "strings", ["le-hoi"])
    config_file: Path | None = None
    site_dir: str = "site"  # as written in mkdocs.yml, relative to it

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "localhost"

    def with_content(self, content_dir: str | Path | None) -> SiteConfig:
        return self if content_dir is None else replace(self, content_dir=Path(content_dir))


def plugin_options() -> Iterator[Option]:
    """The plugin's options, in declaration order."""
    for item in fields(SiteConfig):
        if "option" in item.metadata:
            yield item.metadata["option"]


@dataclass(frozen=True)
class Tagged:
    """A value under a YAML tag the core does not interpret."""

    tag: str
    value: Any


class _MkDocsLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs' ``!ENV``; other tags become :class:`Tagged`."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


_MkDocsLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
_MkDocsLoader.add_multi_constructor("", _tagged)


class MkDocsDumper(yaml.SafeDumper):
    """Writes :class:`Tagged` values back under their tag."""


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


MkDocsDumper.add_representer(Tagged, _represent_tagged)


def read_mkdocs_yml(config_file: str | Path) -> dict:
    """``mkdocs.yml`` as data (see the module's docstring)."""
    path = Path(config_file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"không đọc được {path}: {error}") from error
    return parse_mkdocs_yml(text, str(path))


def parse_mkdocs_yml(text: str, source: str) -> dict:
    """The text of a ``mkdocs.yml`` (``source`` names it in messages) as data."""
    try:
        data = yaml.load(text, Loader=_MkDocsLoader) or {}
    except yaml.YAMLError as error:
        raise ConfigError(f"không đọc được {source}: {error}") from error
    if not isinstance(data, dict):
        raise ConfigError(f"{source} không phải là một bảng cấu hình YAML")
    return data


def load_site_config(config_file: str | Path = "mkdocs.yml") -> SiteConfig:
    """Read the site's configuration; a missing file gives the defaults."""
    path = Path(config_file)
    if not path.exists():
        return SiteConfig(content_dir=path.parent / "content")
    return config_from_mapping(read_mkdocs_yml(path), path)


def config_from_mapping(data: Mapping, path: Path | None = None) -> SiteConfig:
    """The configuration from ``mkdocs.yml`` read as data."""
    return site_config(_plugin_section(data.get("plugins") or []), data, path)


def site_config(options: Mapping, site: Mapping, path: str | Path | None) -> SiteConfig:
    """The configuration from the plugin's options (as in ``mkdocs.yml``;
    absent ones take their default) and the site's own settings
    (``site_url``, ``site_name``, ``site_dir``): what the CLI reads itself
    and what the plugin hands over from MkDocs' validated configuration."""
    base = Path(path).parent if path else Path(".")
    defaults = SiteConfig()
    given = {option.name: options.get(option.name, option.default) for option in plugin_options()}
    try:
        return SiteConfig(
            content_dir=base / _text(given["content"]),
            site_url=_folder(_text(site.get("site_url") or defaults.site_url)),
            site_name=_text(site.get("site_name") or defaults.site_name),
            timezone=_zone(_text(given["timezone"])),
            geo_bounds=_bounds(given["geo_bounds"]),
            years_ahead=_within(given["years_ahead"], "years_ahead", 0, 20),
            past_days=_within(given["past_days"], "past_days", 0, 3660),
            max_file_size=_within(given["max_file_size"], "max_file_size", 1024, 16 * 1024 * 1024),
            editors=tuple(_text(e) for e in given["editors"]),
            featured_categories=tuple(_text(c) for c in given["featured_categories"]),
            config_file=Path(path) if path else None,
            site_dir=_text(site.get("site_dir") or defaults.site_dir),
        )
    except (TypeError, ValueError) as error:
        raise ConfigError(f"tuỳ chọn của plugin sukien không hợp lệ: {error}") from error


def _within(value: Any, name: str, low: int, high: int) -> int:
    """A whole number option within its bounds: the build's cost stays
    bounded by the number of events (years of a series, days kept)."""
    number = int(value)
    if not low <= number <= high:
        raise ValueError(f"{name} phải từ {low} đến {high}, không phải {number}")
    return number


def _zone(value) -> str:
    """The site's zone: a place, as for an event (see ``is_place_zone``)."""
    if not isinstance(value, str) or not is_place_zone(value):
        raise ValueError(f"timezone '{value}' không phải tên múi giờ của một nơi (ví dụ Asia/Ho_Chi_Minh)")
    return value


def _text(value: Any) -> str:
    if isinstance(value, Tagged | dict | list):
        raise TypeError(f"cần một chuỗi, không phải {value!r}")
    text = str(value)
    if patterns.CONTROL_OR_BREAK.search(text):  # it reaches every feed: XML cannot carry these
        raise ValueError(f"{text!r} chứa ký tự điều khiển hoặc ký tự không in được")
    return text



def _folder(url: str) -> str:
    """The site's URL ends with a slash, as MkDocs makes it."""
    return url if url.endswith("/") else url + "/"


def _bounds(value) -> tuple[float, float, float, float]:
    """``geo_bounds`` as four numbers; any other count is a ValueError
    (reported as a bad option, not left to crash the geo rule later)."""
    numbers = [float(v) for v in value]
    if len(numbers) != 4:
        raise ValueError(f"geo_bounds cần 4 số [nam, tây, bắc, đông], không phải {len(numbers)}")
    south, west, north, east = numbers
    return (south, west, north, east)


def _plugin_section(plugins) -> dict:
    """The options of the ``sukien`` entry, in list or mapping form."""
    if isinstance(plugins, dict):
        items = list(plugins.items())
    elif isinstance(plugins, list):  # entries: a name, or {name: options} (an empty {} names nothing)
        items = [next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in plugins if p != {}]
    else:
        raise ConfigError(f"'plugins' phải là một danh sách, không phải {plugins!r}")
    for name, options in items:
        if name == "sukien":
            if options is not None and not isinstance(options, dict):
                raise ConfigError("tuỳ chọn của plugin sukien phải là một bảng (tên: giá trị)")
            return dict(options or {})
    return {}
