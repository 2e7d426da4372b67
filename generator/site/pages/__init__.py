"""The website's pages, rendered from the content as plain data.

:func:`render_site` returns every generated page (rendered when it is
read; as Markdown, raw HTML blocks under YAML front matter) and the
generated assets (robots.txt, the event photos' derivatives) and, made
when asked, the search data and the QR codes.  Nothing here knows
MkDocs: the plugin (``generator.mkdocs_plugin``) hands these to MkDocs as
virtual files, and ``sukien export`` writes them to disk for any
MkDocs-compatible builder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from ...load.config import SiteConfig
from ...model.event import Event
from ..catalogue import Catalogue
from ...feeds.updates import Notice
from . import calendar, event, home, lists, press, search, subscribe
from .. import urls
from .agenda import Agenda
from .rendering import Ctx
from ..i18n import LANGS
from .page import Page
from .qr import QrCode


class Pages(Mapping[str, str]):
    """The generated pages by Markdown source path, each rendered only when
    it is asked for and never kept: a builder takes them one at a time, so
    a large archive is never all in memory at once.

    ``pages[source]`` is the page as Markdown (what ``sukien export``
    writes); :meth:`page` is the same page as data (metadata and HTML body).
    """

    def __init__(self, makers: dict[str, Callable[[], Page]] | None = None,
                 inputs: dict[str, Callable[[], tuple]] | None = None) -> None:
        self._makers = dict(makers or {})
        self._inputs = dict(inputs or {})

    def inputs(self, source: str) -> tuple | None:
        """What the page of ``source`` reads beyond what every page shares
        (:func:`event.event_inputs`), when that is known; else None."""
        found = self._inputs.get(source)
        return None if found is None else found()

    def page(self, source: str) -> Page:
        made = self._makers[source]()
        if made.source != source:
            raise RuntimeError(f"the page registered as {source} renders {made.source}")
        return made

    def __getitem__(self, source: str) -> str:
        return self.page(source).markdown()

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


@dataclass
class Site:
    pages: Pages = field(default_factory=Pages)
    assets: dict[str, bytes] = field(default_factory=dict)  # site path -> bytes (photos' derivatives too)
    # files no page's build reads (the search index, the QR codes), made
    # when asked: a builder can write them beside the pages, as it does
    # the feeds
    search: Callable[[], dict[str, bytes]] = dict
    qr_codes: Callable[[], dict[str, QrCode]] = dict

    def side(self) -> dict[str, bytes]:
        """The search index's files and the QR codes', drawn."""
        return {**self.search(), **{path: code.svg() for path, code in self.qr_codes().items()}}


def render_site(catalogue: Catalogue, config: SiteConfig, now: dt.datetime,
                dates: dict[str, tuple[str | None, str | None]] | None = None,
                news: Sequence[Notice] = ()) -> Site:
    """Every generated page and file of the site, as seen at ``now``; the
    pages are rendered when they are read (:class:`Pages`).

    ``dates`` maps an event id to the days (ISO) it was published and last
    modified, when the caller knows them (from version control); ``news``
    are the entries of ``feeds/updates.atom``, newest first (the press page
    shows the recent ones).
    """
    content, pictures = catalogue.content, catalogue.media
    agenda = Agenda(catalogue.every_occurrence(), now)
    site = Site(assets={path: p.data for path, p in pictures.items()})
    months = agenda.months()
    makers: dict[str, Callable[[], Page]] = {}
    inputs: dict[str, Callable[[], tuple]] = {}
    for lang in LANGS:
        ctx = Ctx(content, config, agenda, lang, urls.home(lang), pictures)
        makers.update(_makers(ctx, months, dates or {}, news))
        inputs.update({urls.source(urls.event(lang, e.id)): partial(_event_inputs, ctx, e, (dates or {}).get(e.id))
                       for e in content.events})
        inputs.update({urls.source(urls.month(lang, y, m)): partial(_month_inputs, ctx, y, m, months)
                       for y, m in months})
        inputs.update({urls.source(urls.item(lang, kind, entry.id)): partial(_list_inputs, ctx, kind, entry.id)
                       for kind in lists.KINDS for entry in lists.registry(ctx, kind)})
    site.pages = Pages(makers, inputs)
    ctx = Ctx(content, config, agenda, "vi", "")
    site.search = partial(search.search_files, ctx)
    site.qr_codes = partial(_qr_codes, ctx)
    site.assets["robots.txt"] = robots(config).encode("utf-8")
    return site


def _makers(ctx: Ctx, months: list[tuple[int, int]], dates: dict[str, tuple[str | None, str | None]],
            news: Sequence[Notice]) -> dict[str, Callable[[], Page]]:
    """The pages of one language, by source path: each URL here is the one
    its renderer gives the page (:meth:`Pages.page` checks it)."""
    lang = ctx.lang
    makers: dict[str, Callable[[], Page]] = {
        urls.home(lang): partial(home.home_page, ctx, ctx.config.featured_categories),
        urls.section(lang, "upcoming"): partial(home.upcoming_page, ctx),
        urls.section(lang, "calendar"): partial(calendar.index_page, ctx, months),
        urls.section(lang, "subscribe"): partial(subscribe.subscribe_page, ctx),
        urls.section(lang, "search"): partial(search.search_page, ctx),
        urls.section(lang, "press"): partial(press.press_page, ctx, news),
    }
    makers.update({urls.month(lang, y, m): partial(calendar.month_page, ctx, y, m, months) for y, m in months})
    makers.update({urls.event(lang, e.id): partial(event.event_page, ctx, e, dates.get(e.id, (None, None)))
                   for e in ctx.content.events})
    for kind in lists.KINDS:
        makers[urls.section(lang, kind)] = partial(lists.index_page, ctx, kind)
        makers.update({urls.item(lang, kind, entry.id): partial(lists.list_page, ctx, kind, entry.id)
                       for entry in lists.registry(ctx, kind)})
    return {urls.source(url): make for url, make in makers.items()}


def _event_inputs(ctx: Ctx, e: Event, found: tuple[str | None, str | None] | None) -> tuple:
    return ("event page", ctx.lang, event.event_inputs(ctx, e, found or (None, None)))


def _month_inputs(ctx: Ctx, year: int, month: int, months: list[tuple[int, int]]) -> tuple:
    return ("month page", ctx.lang, calendar.month_inputs(ctx, year, month, months))


def _list_inputs(ctx: Ctx, kind: str, item_id: str) -> tuple:
    return ("list page", ctx.lang, lists.list_inputs(ctx, kind, item_id))


def _qr_codes(ctx: Ctx) -> dict[str, QrCode]:
    return {**subscribe.qr_codes(ctx), **press.press_qr_codes(ctx.config.site_url)}


def robots(config: SiteConfig) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(config.site_url, urls.SITEMAP)}\n"
