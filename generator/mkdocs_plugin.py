"""The ``sukien`` MkDocs plugin: a thin adapter over the core.

It loads the content (``SUKIEN_CONTENT`` overrides the configured folder),
stops the build when the content is invalid, hands every generated page and
file to MkDocs as virtual files (event pages stay out of the navigation),
writes the feeds after the build, and makes ``mkdocs serve`` watch the
content.  Everything it hands over comes from ``generator.pipeline.prepare.prepare``,
which ``sukien export`` writes to disk for other builders.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .model import clock
from .pipeline.build import CONTENT_ENV, REPORTED_ENV
from .load.config import ConfigError, plugin_options, site_config
from .pipeline.prepare import Prepared, prepare
from .pipeline.target import UnsafeTarget, check_target
from .feeds import write_feeds
from .model.problems import format_text

log = logging.getLogger("mkdocs.plugins.sukien")

# Theme files the site does not use: Material's scripts (the site has its
# own small one, and no CDN-loading code should be served), source maps,
# the default favicon and the palette sheet.
_UNUSED_THEME_FILES = ("assets/javascripts/", "assets/images/favicon.png", "assets/stylesheets/palette.")


_KINDS = {
    "str": lambda default: c.Type(str, default=default),
    "int": lambda default: c.Type(int, default=default),
    "numbers": lambda default: c.ListOfItems(c.Type((int, float)), default=default),
    "strings": lambda default: c.ListOfItems(c.Type(str), default=default),
}

# The options are declared once, in the core (generator.load.config): this
# class is generated from that table, so MkDocs validates the same names,
# kinds and defaults that `sukien validate` reads without MkDocs.
SukienConfig: type[base.Config] = type("SukienConfig", (base.Config,), {
    option.name: _KINDS[option.kind](option.default) for option in plugin_options()
})


class SukienPlugin(BasePlugin):
    config_class = SukienConfig

    def __init__(self) -> None:
        self.prepared: Prepared | None = None
        self.content_dir: Path | None = None
        self.today = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            site = site_config(self.config, config, config.config_file_path).with_content(
                os.environ.get(CONTENT_ENV))
            check_target(Path(config.site_dir), site, replaces=True)  # MkDocs empties site_dir
            now = clock.now(site.timezone)
        except (ConfigError, UnsafeTarget, clock.ClockError) as error:
            raise PluginError(str(error)) from error
        prepared = prepare(site, now)
        level = logging.DEBUG if os.environ.get(REPORTED_ENV) else logging.WARNING
        for line in format_text(prepared.problems).splitlines():
            log.log(level, line)
        if not prepared.ok:
            raise PluginError("nội dung có lỗi, không tạo trang (chạy 'sukien validate' để xem chi tiết)")
        self.prepared, self.content_dir, self.today = prepared, Path(site.content_dir), now.date().isoformat()
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.prepared is not None
        for file in list(files):
            if file.src_uri.startswith(_UNUSED_THEME_FILES) or file.src_uri.endswith(".map"):
                files.remove(file)
        site = self.prepared.site
        for path, text in site.pages.items():
            files.append(File.generated(config, path, content=text))
        for path, data in site.assets.items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # the sitemap's dates: the build's (pinned) day, not the wall clock
        page.update_date = self.today
        return page

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.prepared is not None
        write_feeds(config.site_dir, self.prepared.feeds)
