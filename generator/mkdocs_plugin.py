"""The ``sukien`` MkDocs plugin: a thin adapter over the core.

It loads the content (``SUKIEN_CONTENT`` overrides the configured folder),
stops the build when the content is invalid, hands every generated page and
file to MkDocs as virtual files (event pages stay out of the navigation),
writes the feeds after the build, and makes ``mkdocs serve`` watch the
content.  Everything it hands over comes from ``generator.pipeline.prepare.prepare``,
which ``sukien export`` writes to disk for other builders.

A generated page is HTML already (raw HTML blocks, which Markdown passes
through unchanged): :class:`GeneratedPage` gives it to the theme without a
Markdown pass, renders it only when MkDocs reads it, and parks its HTML in
a :class:`~generator.pipeline.spool.Spool` until MkDocs writes it, so that
the pages are never all in memory at once.

The theme's output for a generated page is kept in a
:class:`~generator.pipeline.memo.PageMemo` by the hash of everything it
depends on (:class:`ThemeMemo`): a page whose inputs are those of an earlier
build is written from there without running the theme's templates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from itertools import chain
from pathlib import Path

import jinja2
from jinja2.utils import missing
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .model import clock
from .pipeline import cache
from .pipeline.builder import CONTENT_ENV, REPORTED_ENV, CalledOff, handing_over, taken_over
from .pipeline import collection, core_memo, standing
from .pipeline.core_memo import KeptPages
from .pipeline.feed_memo import qr_files
from .pipeline.memo import PageMemo
from .pipeline.publish import JOURNAL_ENV, Journal, recover
from .load.config import ConfigError, SiteConfig, plugin_options, site_config
from .pipeline.prepare import Prepared, prepare, read_committed
from .pipeline.target import UnsafeTarget, check_target
from .pipeline.progress import Progress, Stage
from .pipeline.spool import Spool
from .pipeline.stencil import Stencils
from .pipeline.background import Forked, SecondCore, Shares
from .site.pages import Pages
from .feeds import FEED_PARTS, write_feeds
from .model.problems import format_text

log = logging.getLogger("mkdocs.plugins.sukien")

# Theme files the site does not use: Material's scripts (the site has its
# own small one, and no CDN-loading code should be served), source maps,
# the default favicon and the palette sheet.
_UNUSED_THEME_FILES = ("assets/javascripts/", "assets/images/favicon.png", "assets/stylesheets/palette.")
# The template of a page that a forked copy of the builder writes: nothing
# (MkDocs writes no file for an empty output).
_ELSEWHERE = "sukien/written-elsewhere.html"


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


class GeneratedPage(Page):
    """A page of :class:`~generator.site.pages.Pages`: its metadata and
    HTML come from the core, not from Markdown."""

    def __init__(self, file: File, config: MkDocsConfig, pages: SecondCore, spool: Spool) -> None:
        super().__init__(None, file, config)
        self._pages, self._spool = pages, spool
        self._anchors: set[str] = set()
        self.own_meta: MutableMapping | None = None  # the metadata, while the memo's template stands in (ThemeMemo)
        self.core_key: str | None = None  # of the core's page (generator.pipeline.core_memo)
        self.may_stand = True  # out of the navigation (generator.pipeline.standing)
        self.standing = False  # its key is the last build's: not read (yet)

    def _set_canonical_url(self, base: str | None) -> None:
        # MkDocs joins every page's URL to the site's with urljoin, and
        # splits the result again: a fifth of handing 20,000 pages over
        joined = plain_join(base, self.url)
        if joined is None:
            super()._set_canonical_url(base)
        else:
            self.canonical_url, self.abs_url = joined

    def read_source(self, config: MkDocsConfig) -> None:
        self.core_key, made = self._pages.made(self.file.src_uri)
        if made is None and not self.may_stand:
            made = self._pages.page(self.file.src_uri)
        if made is None:  # the plugin settles it once the theme's frame is known (SukienPlugin._settle)
            self.standing = True
            self.meta, self.markdown = {"template": _ELSEWHERE}, ""
            return
        self._take(made)

    def fill(self) -> None:
        """Read the page after all: it does not stand as the last build wrote it."""
        self.standing = False
        self._take(self._pages.page(self.file.src_uri))
        self.present_anchor_ids = self._anchors

    def stand(self, anchors: Iterable[str]) -> None:
        """Leave the page as the last build wrote it (its anchors noted then)."""
        self._anchors = set(anchors)
        self.present_anchor_ids = self._anchors

    def _take(self, made) -> None:
        self.meta, self.markdown = made.meta(), ""
        html = made.body.strip()  # what Markdown makes of raw HTML blocks
        self._anchors = made.anchors
        self._spool.put(self.file.src_uri, html)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.toc = "", get_toc([])  # the HTML waits in the spool
        self.present_anchor_ids = self._anchors

    def take_content(self) -> None:
        """Bring the HTML back just before the theme writes the page."""
        if self.file.src_uri in self._spool:
            self.content = self._spool.take(self.file.src_uri)


_PLAIN_BASE = re.compile(r"https?://[^/?#;]+((?:/(?!\.\.?/)[^/?#;]+)*)/")
_PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?")


def plain_join(base: str | None, url: str) -> tuple[str, str] | None:
    """``urljoin(base, url)`` and its path, for a site URL and a page URL
    that need none of its rules (a plain folder path below a plain site
    URL ending in "/"); None for any other."""
    found = _PLAIN_BASE.fullmatch(base) if base else None
    if found is None or _PLAIN_PATH.fullmatch(url) is None:
        return None
    return f"{base}{url}", f"{found.group(1) or ''}/{url}"


# The template of a page written from the memo: no theme file, no front
# matter names it (it comes from the loader ThemeMemo adds).
_PASSTHROUGH = "<sukien: page from the memo>"
# a template that reads it changes its output every second: nothing to memoise
_CLOCK = b"build_date_utc"


class ThemeMemo:
    """The theme's output for generated pages, given again when a page's
    inputs are those of an earlier build (:mod:`generator.pipeline.memo`
    keeps them).

    MkDocs picks a page's template from ``page.meta["template"]`` before the
    ``page_context`` event, so :meth:`route` gives every generated page a
    one-line template that writes ``page.content`` as it is, and
    :meth:`dress`, in that event, makes ``page.content`` the page's whole
    output: the stored one, or the page's own template (``main.html``)
    rendered with its context and then stored.  What is stored is
    ``template.render``'s text without the page's HTML in it (:func:`frame_of`:
    the key holds its hash, and the page's HTML is at hand): the
    ``post_page`` hooks run after, on both paths, as they do without the
    memo.  The forked copy that writes half
    of the pages (``SukienPlugin._share_theme``) is made after the routing
    and dresses its pages the same way; the memo is pruned once it is done.

    Under ``sukien build``, which notes its pages for the next build, a
    page that may stand (out of the navigation, its core page keyed) keeps
    no frame: the next build leaves it standing
    (:mod:`generator.pipeline.standing`), and only a page whose file was
    lost or changed is dressed again.

    A page's key hashes its own inputs (:meth:`key`: its HTML, metadata,
    title, paths and URLs, table of contents, neighbours, sitemap date) and
    the frame every page shares (:func:`_frame`: the code and installed
    distributions, the theme's templates and overrides, the configuration
    as MkDocs loaded it, the navigation, the build's day).
    """

    def __init__(self, env: jinja2.Environment, config: MkDocsConfig, nav: Navigation, today: str,
                 memo: PageMemo, noted: bool = False) -> None:
        self.env, self.memo = env, memo
        self.frame = _frame(env, config, nav, today)  # the environment's loader has _PASSTHROUGH
        self.noted = noted  # the build notes its pages: those that may stand are not kept here
        self.stencils: dict[str, Stencils | None] = {}  # by template name

    def route(self, page: GeneratedPage) -> None:
        if self.frame is not None and not page.standing and not page.file.inclusion.is_excluded():  # drafts: after
            page.own_meta, page.meta = page.meta, {**page.meta, "template": _PASSTHROUGH}

    def dress(self, page: GeneratedPage, context) -> None:
        if page.own_meta is None or page.meta.get("template") != _PASSTHROUGH:  # not routed, or written elsewhere
            return
        page.meta, page.own_meta = page.own_meta, None
        content = page.content or ""
        if self.noted and page.core_key is not None and page.may_stand:
            # the next build leaves it standing (generator.pipeline.standing)
            # or, its file lost, dresses it again: its frame kept here was
            # 40 % of what a full build stores, and was seldom read
            page.content = self._render(page, context)
            return
        key = self.key(page, content)
        kept = self.memo.get(key)
        output = around(kept, content) if kept is not None else None
        if output is None:
            output = self._render(page, context)
            self.memo.put(key, frame_of(output, content))
        page.content = output

    def _render(self, page: GeneratedPage, context) -> str:
        name = page.meta.get("template", "main.html")
        if name not in self.stencils:
            self.stencils[name] = self._stencils(self.env.get_template(name))
        made = self.stencils[name] if page.may_stand else None  # in the navigation: its state is the page's
        return made.render(page, context) if made is not None else self.env.get_template(name).render(context)

    def _stencils(self, template: jinja2.Template) -> Stencils | None:
        """The template's stencils (:mod:`generator.pipeline.stencil`); the
        build's time is in no template's context that matters here
        (:func:`_frame`: no memo, and no stencil, when a template reads it)."""
        if "url" not in self.env.filters:
            return None
        return Stencils(template.render, self.env, unread=frozenset({"build_date_utc"}))

    def key(self, page: GeneratedPage, content: str) -> str:
        inputs = {
            "source": page.file.src_uri, "dest": page.file.dest_uri, "url": page.url,
            "canonical": page.canonical_url, "abs": page.abs_url, "edit": page.edit_url,
            "title": page.title, "homepage": page.is_homepage, "meta": page.meta,
            "toc": _toc(page.toc), "ancestors": [section.title for section in page.ancestors],
            "previous": _neighbour(page.previous_page), "next": _neighbour(page.next_page),
            "update_date": page.update_date,
            "html": hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest(),
        }
        return hashlib.sha256(f"{self.frame}\0{_inputs_json(inputs)}".encode("ascii")).hexdigest()


def frame_of(output: str, content: str) -> str:
    """What the memo keeps of a page's ``output``: the theme's frame around
    its ``content`` (the key holds the content's hash, and the core's memo
    the content: kept whole, it doubled what a build stores), as
    ``<length of what comes before>:<before><after>``."""
    cut = output.find(content) if content else -1
    if cut < 0:
        return f"-:{output}"
    return f"{cut}:{output[:cut]}{output[cut + len(content):]}"


def around(kept: str, content: str) -> str | None:
    """The output :func:`frame_of` kept, around ``content`` again (None for
    what it cannot have written)."""
    head, _, rest = kept.partition(":")
    if head == "-":
        return rest
    if not head.isdigit() or int(head) > len(rest):
        return None
    cut = int(head)
    return rest[:cut] + content + rest[cut:]


# The theme's words (overrides/partials/language.html), which Material's
# base.html imports with each page's context: what of it the override reads.
_LANGUAGE = "partials/language.html"


class _ThemeTemplate(jinja2.Template):
    """The theme's templates, where the module of :data:`_LANGUAGE` is made
    once for each pair of values it reads (the front matter's ``lang``,
    the theme's ``language``) and given again: making it anew for every
    page (its context, its imports) cost 2 % of a build."""

    def make_module(self, vars=None, shared=False, locals=None):  # noqa: A002 (Jinja's names)
        key = _language_key(self.environment, vars, locals or {}) if self.name == _LANGUAGE and shared else None
        if key is None:
            return super().make_module(vars, shared, locals)
        made = self.__dict__.setdefault("_sk_modules", {})
        if key not in made:
            made[key] = super().make_module(vars, shared, locals)
        return made[key]


def _language_key(env: jinja2.Environment, context: Mapping | None, names: Mapping) -> tuple[str, str] | None:
    """``page.meta.lang`` and ``config.theme.language`` as the template
    reads them from ``context`` (None when either is not a plain string,
    or when the importing template's own ``names`` hide them: no module
    kept)."""
    if not context or any(names.get(name, missing) is not missing for name in ("page", "config")):
        return None
    page, config = context.get("page"), context.get("config")
    meta = env.getattr(page, "meta") if page else None
    lang = env.getattr(meta, "lang") if page and meta else ""
    theme = env.getattr(env.getattr(config, "theme"), "language")
    if isinstance(lang, jinja2.Undefined):
        lang = ""
    return (lang, theme) if isinstance(lang, str) and isinstance(theme, str) else None


def _frame(env: jinja2.Environment, config: MkDocsConfig, nav: Navigation, today: str) -> str | None:
    """The hash of what every page's output shares, or None when it cannot
    be known (a template reads the time of the build)."""
    digest = hashlib.sha256(b"sukien theme memo 2\n")
    cache.add_code(digest)
    for index, folder in enumerate(config.theme.dirs):
        for path in _theme_files(Path(folder), whole=folder == config.theme.custom_dir):
            data = path.read_bytes()
            if _CLOCK in data:
                return None
            digest.update(f"theme {index} {path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    settings = {name: value for name, value in config.items()
                if name != "site_dir"}  # `sukien build` gives MkDocs a temporary folder; no template reads it
    digest.update(_json({
        "config": settings, "theme": [config.theme.name, config.theme.dirs, sorted(config.theme.static_templates)],
        "nav": [_nav_item(item) for item in nav.items], "homepage": nav.homepage and nav.homepage.url,
        "globals": sorted(env.globals), "filters": sorted(env.filters), "today": today,
    }).encode("ascii"))
    return digest.hexdigest()


def _compiling(env: jinja2.Environment) -> str:
    """The hash of what a template compiles to beside its source: the code
    (Jinja's and every other distribution's version) and the environment's
    settings (an extension a plugin adds, the syntax, autoescaping)."""
    digest = hashlib.sha256(b"sukien templates 1\n")
    cache.add_code(digest)
    settings = [sorted(env.extensions), env.autoescape, env.finalize, env.optimized, env.trim_blocks,
                env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.block_start_string,
                env.block_end_string, env.variable_start_string, env.variable_end_string,
                env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                env.line_comment_prefix, env.undefined, env.is_async]
    digest.update(_json(settings).encode("ascii"))
    return digest.hexdigest()[:24]


def _theme_files(folder: Path, whole: bool) -> Iterator[Path]:
    """Every file of the overrides; of an installed theme, its templates
    (its icons and assets are its distribution's version, in the key)."""
    for top, names, files in os.walk(folder):
        names[:] = sorted(n for n in names if n != "__pycache__" and (whole or n not in (".icons", "assets")))
        for name in sorted(files):
            if whole or name.endswith((".html", ".xml", ".yml", ".yaml", ".txt", ".js")):
                yield Path(top, name)


def _nav_item(item) -> dict:
    children = getattr(item, "children", None) or []
    return {"kind": type(item).__name__, "title": item.title, "url": getattr(item, "url", None),
            "children": [_nav_item(child) for child in children]}


def _neighbour(page: Page | None) -> list | None:
    return None if page is None else [page.title, page.url]


def _toc(items) -> list:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in items]


def _inputs_json(inputs: dict) -> str:
    """A page's inputs as JSON: by ``json``'s C encoder when they are JSON
    data (a generated page's are: its metadata is the core's, with string
    keys), else as :func:`_json` writes them (a list at the top, where
    these are an object: the two never give the same text)."""
    try:
        return json.dumps(inputs, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return _json(inputs)


def _json(value: object) -> str:
    return json.dumps(_plain(value), ensure_ascii=True, separators=(",", ":"))


def _plain(value: object) -> object:
    """``value`` as JSON data, in its order.  What has no plain form is
    written as its type and ``repr``: one holding a memory address changes
    every build, and only costs the memo its hits."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, BasePlugin):
        return {"plugin": f"{type(value).__module__}.{type(value).__qualname__}", "config": _plain(value.config)}
    if isinstance(value, Mapping):
        return [[str(name), _plain(item)] for name, item in value.items()]
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(item) for item in value)
    return f"{type(value).__module__}.{type(value).__qualname__} {value!r}"


class _QuietSkips(logging.Filter):
    """MkDocs says 'Page skipped' for each page it writes no file for:
    not for the pages a forked copy or the plugin writes."""

    pages: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (self.pages and message.startswith("Page skipped: '")
                    and message.split("'")[1] in self.pages)


_QUIET_SKIPS = _QuietSkips()
logging.getLogger("mkdocs.commands.build").addFilter(_QUIET_SKIPS)


def _journal(environ: Mapping[str, str]) -> Journal | None:
    """The journal ``sukien build`` opened for this build, if any (without
    one, MkDocs writes everything into its own folder, which ``sukien
    build`` then takes into the site: the same files, more slowly)."""
    folder = environ.get(JOURNAL_ENV)
    try:
        return Journal(Path(folder)) if folder else None
    except OSError:
        return None


class SukienPlugin(BasePlugin):
    config_class = SukienConfig

    def __init__(self) -> None:
        self.prepared: Prepared | None = None
        self.spool: Spool | None = None
        self.content_dir: Path | None = None
        self.today = ""
        self.progress = Progress.from_env()  # under `sukien build`: say what is being done
        self.stage: Stage | None = None
        self.second: SecondCore | None = None
        self.shares: Shares | None = None  # the feeds' parts, shared by the builder's copies
        self.nav: Navigation | None = None
        self.theme: ThemeMemo | None = None
        self.theme_share: tuple[Forked, list[GeneratedPage], Sequence[File], jinja2.Environment] | None = None
        self.journal: Journal | None = None  # under `sukien build`: pages and feeds go into the site, in place
        self.previewing = False  # under `mkdocs serve` (not --dirty)
        self.preview: tuple[Journal, cache.Listing | None, Path] | None = None  # its journal, listing, scratch
        self.memo: PageMemo | None = None  # of this build's pages: the core's and the theme's
        self.core: KeptPages | None = None  # the core's pages, given again when their inputs are
        self.now: dt.datetime | None = None
        self.site_config: SiteConfig | None = None
        self.generated: list[GeneratedPage] = []
        self.noting = False  # under `sukien build`: the pages' keys noted for the next build
        self.left_alone: list[File] = []  # the files of the pages that stand (standing.py)
        self.elsewhere: list[File] = []  # the files of the pages a forked copy writes
        self.templates_left: set[str] = set()  # the templates that list every page, not yet written
        self.last: standing.LastBuild | None = None  # what the last one noted

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.progress:
            # MkDocs' own English lines (and its temporary site folder) say
            # nothing to unit staff; its warnings still show
            logging.getLogger("mkdocs.commands.build").setLevel(logging.WARNING)
        try:
            site = site_config(self.config, config, config.config_file_path).with_content(
                os.environ.get(CONTENT_ENV))
            check_target(Path(config.site_dir), site, replaces=True)  # MkDocs empties site_dir
            # under `sukien build`: git's part of the history while the
            # content is checked, then wait for the content
            committed = read_committed(site) if handing_over() else None
            handed = taken_over()
            self._begin("build_read", "unit_events")
            now = clock.now(site.timezone)
            prepared = prepare(site, now, (handed.content, handed.problems) if handed else None, committed)
            if handed:  # nothing said or written before `sukien build` says the site is to be built
                handed.cleared()
        except (ConfigError, UnsafeTarget, clock.ClockError) as error:
            raise PluginError(str(error)) from error
        except CalledOff as error:
            raise PluginError("sukien build đã dừng trước khi giao nội dung / sukien build stopped first") from error
        level = logging.DEBUG if os.environ.get(REPORTED_ENV) else logging.WARNING
        for line in format_text(prepared.problems).splitlines():
            log.log(level, line)
        if not prepared.ok:
            raise PluginError("nội dung có lỗi, không tạo trang (chạy 'sukien validate' để xem chi tiết)")
        own = _journal(os.environ)
        self.journal = own or self._preview_in_place(config)
        self.prepared, self.content_dir, self.today = prepared, Path(site.content_dir), now.date().isoformat()
        self.now, self.site_config = now, site
        self.noting = own is not None
        self.last = standing.last_build(cache.slot_of(site, own.target, cache.cache_root())) if own else None
        collection.settle()  # what is prepared lives until the build ends
        self._end(len(prepared.content.events))
        if self.journal is not None:  # the feeds go into the site, not the folder MkDocs empties next
            self._start_second(config)
        return config

    def _start_second(self, config: MkDocsConfig) -> None:
        """The forked copy that makes the second half of the pages ahead,
        then writes the feeds, beside the builder
        (:mod:`generator.pipeline.background`)."""
        assert self.prepared is not None
        pages = self.prepared.site.pages
        sources = list(pages)
        self.core = self._kept_pages(pages, config)
        if self.memo is not None:
            self.memo.read_index()  # once, for the copies too
        # half the pages, whether the memo holds them or not (a third, when it
        # held them, kept the builder busy longer: 0.25 s of a one-change
        # rebuild at 10,000 events)
        shares = self.shares = Shares(FEED_PARTS)
        self.second = SecondCore(self.core or core_memo.Rendered(pages), sources[len(sources) - len(sources) // 2:],
                                 lambda: self._write_feeds(config.site_dir, shares.taken()))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.prepared is not None
        for file in list(files):
            if file.src_uri.startswith(_UNUSED_THEME_FILES) or file.src_uri.endswith(".map"):
                files.remove(file)
        site = self.prepared.site
        self.spool = Spool()
        self.generated = []
        if self.second is None:
            self._start_second(config)  # MkDocs has emptied the site folder the feeds go into
        assert self.second is not None
        for path in site.pages:
            page = GeneratedPage(File.generated(config, path, content=""), config, self.second, self.spool)
            files.append(page.file)
            self.generated.append(page)
        for path, data in site.assets.items():
            files.append(File.generated(config, path, content=data))
        self._begin("build_pages", "unit_pages", len(files.documentation_pages()))
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # the sitemap's dates: the build's (pinned) day, not the wall clock
        page.update_date = self.today
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._step()
        return markdown

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        for page in nav.pages:  # its title is in other pages: read it
            if isinstance(page, GeneratedPage):
                page.may_stand = False
        return nav

    @event_priority(-100)  # after any other plugin's: the theme's environment as it will be
    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self._end()
        self._begin("build_write", "unit_pages", len(files.documentation_pages()))
        if env.loader is not None:
            env.loader = jinja2.ChoiceLoader([
                jinja2.DictLoader({_ELSEWHERE: "", _PASSTHROUGH: "{{ page.content }}"}), env.loader])
            self.theme = self._theme_memo(env, config)
        self._settle(files)
        if self.theme is not None:  # every generated page through the memo, before the copy that writes half
            for file in files.documentation_pages():
                if isinstance(file.page, GeneratedPage):
                    self.theme.route(file.page)
        self.templates_left = {*config.theme.static_templates, *config.extra_templates}
        self._leave_alone()
        self._compiled_templates(env, config)
        if not env.cache:  # no template loaded yet: every one is made a _ThemeTemplate
            env.template_class = _ThemeTemplate
        self._share_theme(env, config, files)
        self._leave_alone()  # no template lists every page: the copy's pages, at once
        return env

    @event_priority(-100)  # after any other plugin's: the template as written
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        self.templates_left.discard(template_name)
        self._leave_alone()
        return output_content

    def _leave_alone(self) -> None:
        """Once the sitemap and the other templates that list every page
        are written, the pages that stand, and those a forked copy writes,
        are out of MkDocs' hands: its loop over the pages goes by them
        (20,000 pages after one change, each given a context, an empty
        template and a skipped file, were 2 s)."""
        if not self.templates_left:
            for file in self.left_alone:
                file.inclusion = InclusionLevel.EXCLUDED
            for file in self.elsewhere:  # written, by the copy: counted here as MkDocs' loop counted them
                file.inclusion = InclusionLevel.EXCLUDED
                self._step()
            self.left_alone, self.elsewhere = [], []

    @event_priority(-100)  # after any other plugin's: the theme gets the context they made
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if isinstance(page, GeneratedPage) and page.meta.get("template") != _ELSEWHERE:
            page.take_content()
            if self.theme is not None:
                self.theme.dress(page, context)
        return context

    @event_priority(-100)  # after any other plugin's: the page as MkDocs would write it
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, GeneratedPage):
            page.content = None  # written: let it go
        self._step()
        if self.journal is not None and output.strip():  # written here, in place: MkDocs writes nothing
            self.journal.write(page.file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace"))
            _QUIET_SKIPS.pages.add(page.file.src_uri)
            return ""
        return output

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.prepared is not None
        extras = self._theme_share_done(config)
        frame = self.theme.frame if self.theme is not None else None
        self.theme = None
        self._close_spool()
        self._end()
        self._begin("build_feeds", "unit_files")
        count = self._write_extras(config.site_dir) if extras is None else extras
        count += self.second.feeds_written() if self.second else 0
        left = self.shares.left() if self.shares is not None else []
        if left:  # what no copy wrote (one failed): here, knowing what it began
            if self.journal is not None:
                self.journal.note_others()
            count += self._write_feeds(config.site_dir, left)
        self._close_second()
        if self.memo is not None:
            self.memo.finish()  # every page and feed entry read and written: the copies' too
        self.core = self.memo = None
        self._note_pages(frame)
        self.generated = []
        self._end(count)
        if self.preview is not None:  # MkDocs' own files into the preview, then what it no longer has out
            journal, before, scratch = self.preview
            self.preview = self.journal = None
            journal.finish(scratch, before.files if before else ())
            shutil.rmtree(scratch, ignore_errors=True)
        collection.release()

    def on_build_error(self, *, error: Exception) -> None:
        self.theme = self.core = self.memo = None
        if self.preview is not None:
            journal, _, scratch = self.preview
            self.preview = self.journal = None
            journal.rollback()
            shutil.rmtree(scratch, ignore_errors=True)
        if self.theme_share:
            self.theme_share[0].cancel()
            self.theme_share = None
        _QUIET_SKIPS.pages = set()
        self._close_spool()
        if self.second:
            self.second.cancel()
        self._close_second()
        collection.release()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.previewing = command == "serve" and not dirty

    def _preview_in_place(self, config: MkDocsConfig) -> Journal | None:
        """Under ``mkdocs serve``: the preview's folder written in place, as
        ``sukien build`` writes a site (only the files whose bytes changed:
        a save no longer rewrites the whole site), MkDocs' own files into a
        folder of their own first (MkDocs empties it)."""
        if not self.previewing:
            return None
        root = Path(config.site_dir)
        try:
            recover(root)
            before = cache.scan(root)
            journal = Journal.begin(root)
        except OSError:
            return None
        scratch = Path(tempfile.mkdtemp(prefix=".sukien-preview-"))
        config["site_dir"] = str(scratch)
        self.preview = (journal, before, scratch)
        return journal

    # -- the theme's work on two cores, and given again -----------------------

    def _memo(self, config: MkDocsConfig) -> PageMemo | None:
        """The memo of this build (the core's pages, the theme's frames, the
        feeds' entries, the QR codes, the compiled templates; a preview's
        own kind: its site URL differs), made on first use; None when the
        cache would be in the site."""
        if self.memo is None and not cache.cache_root().resolve().is_relative_to(Path(config.site_dir).resolve()):
            kind = hashlib.sha256(f"{config.config_file_path}\n{config.site_url}".encode()).hexdigest()[:16]
            self.memo = PageMemo(cache.cache_root(), kind)
        return self.memo

    def _kept_pages(self, pages: Pages, config: MkDocsConfig) -> KeptPages | None:
        """The core's event pages through the memo, when they can be keyed."""
        assert self.prepared is not None and self.now is not None and self.site_config is not None
        memo = self._memo(config)
        last = self.last.keys if self.last else None
        return core_memo.kept_pages(pages, self.site_config, self.prepared.content, self.now, memo, last) if memo else None

    def _compiled_templates(self, env: jinja2.Environment, config: MkDocsConfig) -> None:
        """The theme's templates compiled in an earlier build, when their
        sources are the same (compiling them cost each build 0.2 s)."""
        memo = self._memo(config)
        folder = memo.templates_folder(_compiling(env)) if memo is not None and env.bytecode_cache is None else None
        if folder is not None:
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))

    def _theme_memo(self, env: jinja2.Environment, config: MkDocsConfig) -> ThemeMemo | None:
        memo = self._memo(config)
        return ThemeMemo(env, config, self.nav, self.today, memo, self.noting) if self.nav is not None and memo else None

    def _settle(self, files: Files) -> None:
        """Leave the pages that stand as the last build wrote them
        (:mod:`generator.pipeline.standing`: noted as kept in the journal,
        the copies write nothing for them); read the others after all."""
        pages = {file.src_uri: file.page for file in files.documentation_pages()
                 if isinstance(file.page, GeneratedPage) and file.page.standing}
        stand: set[str] = set()
        if pages and self.last is not None and self.journal is not None:
            frame = self.theme.frame if self.theme is not None else None
            stand = self.last.standing(frame, self.journal.target,
                                       {source: page.file.dest_uri for source, page in pages.items()})
        for source, page in pages.items():
            if source in stand:
                page.stand(self.last.anchors.get(source, ()) if self.last else ())
            else:
                page.fill()
        if stand and self.journal is not None:
            self.journal.keep(pages[source].file.dest_uri for source in stand)
            _QUIET_SKIPS.pages = _QUIET_SKIPS.pages | stand
            self.left_alone = [pages[source].file for source in stand]

    def _note_pages(self, frame: str | None) -> None:
        """Note each generated page's key for the next build (under
        ``sukien build``, when the theme's output can be kept)."""
        if not self.noting or frame is None or self.journal is None:
            return
        standing.note(self.journal.folder, frame, (
            (page.file.src_uri, page.core_key, page.present_anchor_ids or ()) for page in self.generated
            if page.core_key is not None and page.may_stand))

    def _share_theme(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> None:
        """A forked copy of the builder puts the theme around the second half
        of the generated pages and writes them, while MkDocs does the rest
        (and, for these, writes nothing)."""
        if self.nav is None:
            return
        generated = [f.page for f in files.documentation_pages()
                     if isinstance(f.page, GeneratedPage) and not f.page.standing]
        theirs = generated[len(generated) // 2:]
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        nav = self.nav

        def write_theirs() -> int:
            self.stage = None  # the builder alone says how far it is
            for page in theirs:
                mkdocs_build._build_page(page, config, doc_files, nav, env)
            # it has time left (the builder has more pages): the search
            # index, the QR codes, then the feeds the other copy has not taken
            written = self._write_extras(config.site_dir)
            return written + (self._write_feeds(config.site_dir, self.shares.taken(backwards=True))
                              if self.shares is not None else 0)

        self.theme_share = (Forked(write_theirs), theirs, doc_files, env)
        for page in theirs:
            page.meta = {**page.meta, "template": _ELSEWHERE}
        self.elsewhere = [page.file for page in theirs]
        _QUIET_SKIPS.pages = _QUIET_SKIPS.pages | {page.file.src_uri for page in theirs}

    def _theme_share_done(self, config: MkDocsConfig) -> int | None:
        """Wait for the copy: how many files of the search index and QR
        codes it wrote after its pages; if it failed, write its pages here
        (their HTML is still in the spool: only the copy took it): None."""
        if self.theme_share is None:
            return None
        copy, theirs, doc_files, env = self.theme_share
        self.theme_share = None
        if copy.wait():
            return copy.result
        if self.journal is not None:
            self.journal.note_others()  # the pages it began
        assert self.nav is not None
        for page in theirs:
            page.meta = {k: v for k, v in page.meta.items() if k != "template"}
        for page in theirs:
            mkdocs_build._build_page(page, config, doc_files, self.nav, env)
        return None

    def _close_second(self) -> None:
        _QUIET_SKIPS.pages = set()
        if self.second is not None:
            self.second.close()
            self.second = None
        if self.shares is not None:
            self.shares.close()
            self.shares = None

    def _write_feeds(self, site_dir: str, parts: Iterable[str]) -> int:
        """Make and write the feeds of ``parts`` (of :data:`~generator.feeds.FEED_PARTS`),
        each noted done once written; how many files there are."""
        assert self.prepared is not None and self.shares is not None
        canonical = self.core.canonical if self.core is not None else None  # the copy's: its pages' forms
        count = 0
        for part in parts:
            count += self._write(site_dir, self.prepared.feed_files(self.memo, canonical, (part,)))
            self.shares.done(part)
        return count

    def _write_extras(self, site_dir: str) -> int:
        """Write the search index and the QR codes that lead to the feeds
        (by the copy that writes half the pages, after them; by the builder
        when there is no such copy or it failed); how many files."""
        assert self.prepared is not None
        site = self.prepared.site
        return self._write(site_dir, chain(site.search().items(), qr_files(site.qr_codes(), self.memo)))

    def _write(self, site_dir: str, files: Iterable[tuple[str, bytes]]) -> int:
        count = 0
        for pair in files:
            if self.journal is not None:
                self.journal.write(*pair)
            else:
                write_feeds(site_dir, (pair,))
            count += 1
        return count

    def _close_spool(self) -> None:
        if self.spool is not None:
            self.spool.close()
            self.spool = None

    # -- progress (only under `sukien build`) ---------------------------------

    def _begin(self, key: str, unit: str, total: int | None = None) -> None:
        self.stage = self.progress.stage(key, unit, total) if self.progress else None

    def _step(self) -> None:
        if self.stage:
            self.stage.step()

    def _end(self, count: int | None = None) -> None:
        if self.stage:
            self.stage.done(count)
            self.stage = None
