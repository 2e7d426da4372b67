"""Site configuration: the ``sukien`` plugin's options in ``mkdocs.yml``.

Read without importing MkDocs, so that the core and the CLI work alone
(and keep working with another MkDocs-compatible builder).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..model.event import DEFAULT_TIMEZONE, is_place_zone

DEFAULT_BOUNDS = (21.6, 102.2, 22.9, 103.9)  # south, west, north, east
DEFAULT_MAX_FILE_SIZE = 1024 * 1024


class ConfigError(Exception):
    """The site configuration cannot be read (exit code 2)."""


@dataclass(frozen=True)
class SiteConfig:
    content_dir: Path = Path("content")
    site_url: str = "https://sukien.laichau.gov.vn/"
    site_name: str = "Sự kiện Lai Châu"
    timezone: str = DEFAULT_TIMEZONE
    geo_bounds: tuple[float, float, float, float] = DEFAULT_BOUNDS
    years_ahead: int = 2
    past_days: int = 60
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    editors: tuple[str, ...] = ()
    config_file: Path | None = None
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "localhost"

    def with_content(self, content_dir: str | Path | None) -> "SiteConfig":
        return self if content_dir is None else replace(self, content_dir=Path(content_dir))


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as ``!ENV`` or ``!!python/name:``;
    we only need plain options, so every unknown tag reads as None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_site_config(config_file: str | Path = "mkdocs.yml") -> SiteConfig:
    """Read the plugin options; a missing file gives the defaults."""
    path = Path(config_file)
    if not path.exists():
        return SiteConfig(content_dir=path.parent / "content")
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigError(f"không đọc được {path}: {error}") from error
    if not isinstance(data, dict):
        raise ConfigError(f"{path} không phải là một bảng cấu hình YAML")
    return config_from_mapping(data, path)


def config_from_mapping(data: dict, path: Path | None = None) -> SiteConfig:
    options = _plugin_options(data.get("plugins") or [])
    base = path.parent if path else Path(".")
    defaults = SiteConfig()
    try:
        return SiteConfig(
            content_dir=base / str(options.get("content", "content")),
            site_url=str(data.get("site_url") or defaults.site_url),
            site_name=str(data.get("site_name") or defaults.site_name),
            timezone=_zone(options.get("timezone", defaults.timezone)),
            geo_bounds=_bounds(options.get("geo_bounds", DEFAULT_BOUNDS)),
            years_ahead=int(options.get("years_ahead", defaults.years_ahead)),
            past_days=int(options.get("past_days", defaults.past_days)),
            max_file_size=int(options.get("max_file_size", DEFAULT_MAX_FILE_SIZE)),
            editors=tuple(str(e) for e in options.get("editors", ())),
            config_file=path,
            extra=options,
        )
    except (TypeError, ValueError) as error:
        raise ConfigError(f"tuỳ chọn của plugin sukien không hợp lệ: {error}") from error


def _zone(value) -> str:
    """The site's zone: a place, as for an event (see ``is_place_zone``)."""
    if not isinstance(value, str) or not is_place_zone(value):
        raise ValueError(f"timezone '{value}' không phải tên múi giờ của một nơi (ví dụ Asia/Ho_Chi_Minh)")
    return value


def _bounds(value) -> tuple[float, float, float, float]:
    """``geo_bounds`` as four numbers; any other count is a ValueError
    (reported as a bad option, not left to crash the geo rule later)."""
    numbers = [float(v) for v in value]
    if len(numbers) != 4:
        raise ValueError(f"geo_bounds cần 4 số [nam, tây, bắc, đông], không phải {len(numbers)}")
    south, west, north, east = numbers
    return (south, west, north, east)


def _plugin_options(plugins) -> dict:
    """The options of the ``sukien`` entry, in list or mapping form."""
    items = plugins.items() if isinstance(plugins, dict) else (
        (next(iter(p)), next(iter(p.values()))) if isinstance(p, dict) else (p, None)
        for p in plugins
    )
    for name, options in items:
        if name == "sukien":
            return dict(options or {})
    return {}
