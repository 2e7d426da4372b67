"""Where ``sukien build`` and ``sukien export`` may write.

``build`` replaces its target folder as a whole, and ``export`` writes
``mkdocs.yml``, ``docs/`` and ``overrides/`` into its own: a slip of ``-d``
(``-d .``, ``-d content``, ``-d ~``) must never cost the project.  A target
is refused when it is, or holds, the project (the folder of mkdocs.yml),
its configuration, its content, its docs or theme folders, or a git
repository; or when it lies inside the content, docs, theme or ``.git``
folders.  ``build`` also refuses a folder that holds files but is not a
site (no ``index.html``), since it would delete them.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..load.config import ConfigError, SiteConfig, read_mkdocs_yml


EXPORT_HEADER = "# Exported by `sukien export`"  # the first line of an exported mkdocs.yml


class UnsafeTarget(Exception):
    """The output folder would destroy the project (exit code 2)."""


def _mkdocs(config: SiteConfig) -> dict:
    """The plain keys of mkdocs.yml ({} when it is absent or unreadable:
    the defaults are protected then)."""
    if not config.config_file or not Path(config.config_file).is_file():
        return {}
    try:
        return read_mkdocs_yml(config.config_file)
    except ConfigError:
        return {}


def check_target(target: Path, config: SiteConfig, *, replaces: bool) -> None:
    """Raise UnsafeTarget when writing to ``target`` could lose anything
    of the project; ``replaces``: the target is deleted and rebuilt."""
    here = _real(target)
    kept = _protected(config)
    for name, path in kept.items():
        if here == path or path.is_relative_to(here):
            raise UnsafeTarget(_refusal(target, f"đây là hoặc chứa {name} ({_shown(path)})"))
    for name in ("thư mục nội dung", "thư mục docs", "thư mục giao diện", "kho git (.git)"):
        folder = kept.get(name)
        if folder is not None and here.is_relative_to(folder):
            raise UnsafeTarget(_refusal(target, f"thư mục này nằm trong {name} ({_shown(folder)})"))
    if not here.is_dir() or not any(here.iterdir()):
        return
    if replaces and not _is_site(here):
        raise UnsafeTarget(_refusal(target, "thư mục đã có tệp nhưng không phải trang web do sukien tạo, "
                                    "mà lệnh build sẽ xoá và thay toàn bộ thư mục đích"))
    if not replaces and not _is_export(here):
        raise UnsafeTarget(_refusal(target, "thư mục đã có tệp nhưng không phải bản xuất của sukien export, "
                                    "mà lệnh sẽ ghi đè mkdocs.yml, docs/ và overrides/ trong đó",
                                    example="sukien export build/site-src"))


def check_output_file(target: Path, config: SiteConfig) -> None:
    """Raise UnsafeTarget when writing the file ``target`` (``sukien report
    -o``) would overwrite the configuration or land in the content, docs,
    theme or ``.git`` folders."""
    here = _real(target)
    kept = _protected(config)
    if here == kept.get("tệp cấu hình"):
        raise UnsafeTarget(_refusal(target, "đây là tệp cấu hình của trang", "tệp", "-o bao-cao.md"))
    for name in ("thư mục nội dung", "thư mục docs", "thư mục giao diện", "kho git (.git)"):
        folder = kept.get(name)
        if folder is not None and here.is_relative_to(folder):
            raise UnsafeTarget(_refusal(target, f"tệp này nằm trong {name} ({_shown(folder)})", "tệp",
                                        "-o bao-cao.md"))


def _protected(config: SiteConfig) -> dict[str, Path]:
    data = _mkdocs(config)
    project = Path(config.config_file).parent if config.config_file else Path(config.content_dir).parent
    found = {"dự án": _real(project), "thư mục nội dung": _real(Path(config.content_dir))}
    if config.config_file:
        found["tệp cấu hình"] = _real(Path(config.config_file))
    docs = data.get("docs_dir")
    found["thư mục docs"] = _real(project / (docs if isinstance(docs, str) and docs else "docs"))
    theme = data.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str) and theme["custom_dir"]:
        found["thư mục giao diện"] = _real(project / theme["custom_dir"])
    for folder in (found["dự án"], *found["dự án"].parents):
        if (folder / ".git").exists():
            found["kho git (.git)"] = folder / ".git"
            break
    return found


def _is_export(folder: Path) -> bool:
    """A folder ``sukien export`` wrote before (its mkdocs.yml says so)."""
    try:
        with (folder / "mkdocs.yml").open(encoding="utf-8") as config:
            return config.readline().startswith(EXPORT_HEADER)
    except (OSError, UnicodeDecodeError):
        return False


def _is_site(folder: Path) -> bool:
    return (folder / "index.html").is_file()


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix() or "."
    except ValueError:
        return path.as_posix()


def _refusal(target: Path, why: str, what: str = "trang", example: str = "-d site") -> str:
    return (f"không ghi {what} vào '{target.as_posix()}': {why}; không có gì bị xoá. "
            f"Hãy chọn một chỗ khác, ví dụ '{example}'")
