"""Everything the site builder needs, computed once; and ``sukien export``.

:func:`prepare` loads the content and its history and renders every
generated page, asset and feed: the MkDocs plugin hands the result to
MkDocs.  :func:`export` writes the same files to disk as a plain MkDocs
project (``DIR/mkdocs.yml``, ``DIR/docs/``, ``DIR/overrides/``) without the
``sukien`` plugin, so that any MkDocs-compatible builder can build the site:
the feeds sit in ``docs/`` and are copied to the same paths.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from ..load.config import ConfigError, SiteConfig
from ..load.content import load_content, parse_event_text
from ..feeds import build_feeds, feed_items
from ..feeds.updates import update_entries
from ..vcs.history import EventHistory, History, read_history
from ..model.event import Content, Event
from ..site.pages import Site, render_site
from ..model.problems import Problem, has_errors


# Shown by MkDocs (its logger hierarchy) and by any plain logging setup.
log = logging.getLogger("mkdocs.plugins.sukien")


@dataclass
class Prepared:
    content: Content
    problems: list[Problem]
    site: Site = field(default_factory=Site)
    feeds: dict[str, bytes] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def prepare(config: SiteConfig, now: dt.datetime) -> Prepared:
    """Load and render everything; with invalid content, only the problems."""
    content, problems = load_content(config)
    if has_errors(problems):
        return Prepared(content, problems)
    history = read_history(config.content_dir,
                           lambda text, path: parse_event_text(text, path, content, config))
    if history.shallow:
        log.warning("lịch sử git không đầy đủ (shallow clone): SEQUENCE, LAST-MODIFIED và ngày đăng "
                    "sẽ sai; hãy checkout với fetch-depth: 0 / the git history is shallow: "
                    "check out the full history")
    dates = {event.id: _dates(event, history, now, config) for event in content.events}
    items = feed_items(content, config, history, now)
    site = render_site(content, config, now, dates, update_entries(items, content, config, now))
    return Prepared(content, problems, site, build_feeds(content, config, history, now, items))


def _dates(event: Event, history: History, now: dt.datetime,
           config: SiteConfig) -> tuple[str | None, str | None]:
    """The days (site time) an event was published and last changed, when
    they do not depend on the build's clock: from git, or its own
    ``published``."""
    found: EventHistory = history.of(event, now=now, years_ahead=config.years_ahead)
    zone = ZoneInfo(config.timezone)
    published = event.published or (found.published if found.tracked else None)
    modified = found.last_modified if found.tracked else None
    return (published.astimezone(zone).date().isoformat() if published else None,
            modified.astimezone(zone).date().isoformat() if modified else None)


def export(config: SiteConfig, out_dir: Path, now: dt.datetime) -> Prepared:
    """Write the generated project to ``out_dir``; nothing is written when
    the content is invalid."""
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
    files: dict[str, bytes] = {path: text.encode("utf-8") for path, text in prepared.site.pages.items()}
    files.update(prepared.site.assets)
    files.update(prepared.feeds)
    for path, data in files.items():
        _write(docs / path, data)
    for path, source in prepared.site.media.items():
        _write(docs / path, source.read_bytes())
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
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8-sig")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigError(f"không đọc được {path}: {error}") from error
    base = Path(path).parent
    theme = data.get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return {"data": data, "docs_dir": base / str(data.get("docs_dir", "docs")),
            "custom_dir": base / str(custom) if custom else None}


def _plain_config(data: dict) -> str:
    """mkdocs.yml for the exported tree: same site, no sukien plugin."""
    plain = dict(data)
    plain["docs_dir"] = "docs"
    plain["site_dir"] = "site"
    if isinstance(plain.get("theme"), dict) and plain["theme"].get("custom_dir"):
        plain["theme"] = {**plain["theme"], "custom_dir": "overrides"}
    plugins = plain.get("plugins") or []
    plain["plugins"] = [p for p in plugins if p != "sukien" and not (isinstance(p, dict) and "sukien" in p)]
    header = "# Exported by `sukien export`: the generated pages and feeds are in docs/.\n"
    return header + yaml.safe_dump(plain, allow_unicode=True, sort_keys=False)
