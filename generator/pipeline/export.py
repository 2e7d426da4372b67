"""``sukien export``: the generated site as a plain MkDocs project.

:func:`export` writes what :func:`generator.pipeline.prepare.prepare`
produces to disk (``DIR/mkdocs.yml``, ``DIR/docs/``, ``DIR/overrides/``)
without the ``sukien`` plugin, so that any MkDocs-compatible builder can
build the site: the feeds sit in ``docs/`` and are copied to the same paths.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from ..load.config import ConfigError, MkDocsDumper, SiteConfig, project_folders, read_mkdocs_yml
from .prepare import Prepared, prepare
from .target import EXPORT_HEADER, check_target


def export(config: SiteConfig, out_dir: Path, now: dt.datetime) -> Prepared:
    """Write the generated project to ``out_dir``; nothing is written when
    the content is invalid.  Raises UnsafeTarget for an ``out_dir`` that
    is, holds or lies inside what the project keeps."""
    check_target(out_dir, config, replaces=False)
    prepared = prepare(config, now)
    if not prepared.ok:
        return prepared
    project = _project_settings(config)
    docs = out_dir / "docs"
    source_docs = project["docs_dir"]
    if source_docs.is_dir():
        shutil.copytree(source_docs, docs, dirs_exist_ok=True)
    if project["custom_dir"] is not None and project["custom_dir"].is_dir():
        shutil.copytree(project["custom_dir"], out_dir / "overrides", dirs_exist_ok=True)
    for path, text in prepared.site.pages.items():  # rendered one at a time
        _write(docs / path, text.encode("utf-8"))
    for path, data in {**prepared.site.assets, **prepared.site.side(), **prepared.feeds}.items():
        _write(docs / path, data)
    _write(out_dir / "mkdocs.yml", _plain_config(project["data"]).encode("utf-8"))
    return prepared


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _project_settings(config: SiteConfig) -> dict:
    """The project's mkdocs.yml as data, with its docs and theme folders."""
    path = config.config_file
    if path is None or not Path(path).is_file():
        raise ConfigError("sukien export cần tệp cấu hình mkdocs.yml của trang (tùy chọn -f)")
    data = read_mkdocs_yml(path)
    docs, custom = project_folders(data, path)
    return {"data": data, "docs_dir": docs, "custom_dir": custom}


def _plain_config(data: dict) -> str:
    """mkdocs.yml for the exported tree: same site, no sukien plugin."""
    plain = dict(data)
    plain["docs_dir"] = "docs"
    plain["site_dir"] = "site"
    if isinstance(plain.get("theme"), dict) and plain["theme"].get("custom_dir"):
        plain["theme"] = {**plain["theme"], "custom_dir": "overrides"}
    plugins = plain.get("plugins") or []
    plain["plugins"] = [p for p in plugins if p != "sukien" and not (isinstance(p, dict) and "sukien" in p)]
    header = f"{EXPORT_HEADER}: the generated pages and feeds are in docs/.\n"
    return header + yaml.dump(plain, Dumper=MkDocsDumper, allow_unicode=True, sort_keys=False)
