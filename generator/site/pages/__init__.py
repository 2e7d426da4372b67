"""The website's pages, rendered from the content as plain data.

:func:`render_site` returns every generated page as Markdown (raw HTML
blocks under YAML front matter), the generated assets (search data, QR
codes, robots.txt, the event photos' derivatives).  Nothing here knows
MkDocs: the plugin (``generator.mkdocs_plugin``) hands these to MkDocs as
virtual files, and ``sukien export`` writes them to disk for any
MkDocs-compatible builder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...load.config import SiteConfig
from ..catalogue import Catalogue
from ...feeds.updates import Notice
from . import calendar, event, home, lists, press, search, subscribe
from .. import urls
from .agenda import Agenda
from .rendering import Ctx
from ..i18n import LANGS
from .page import Page


@dataclass
class Site:
    pages: dict[str, str] = field(default_factory=dict)  # Markdown source path -> text
    assets: dict[str, bytes] = field(default_factory=dict)  # site path -> bytes (photos' derivatives too)


def render_site(catalogue: Catalogue, config: SiteConfig, now: dt.datetime,
                dates: dict[str, tuple[str | None, str | None]] | None = None,
                news: Sequence[Notice] = ()) -> Site:
    """Every generated page and file of the site, as seen at ``now``.

    ``dates`` maps an event id to the days (ISO) it was published and last
    modified, when the caller knows them (from version control); ``news``
    are the entries of ``feeds/updates.atom``, newest first (the press page
    shows the recent ones).
    """
    content, pictures = catalogue.content, catalogue.media
    agenda = Agenda(catalogue.every_occurrence(), now)
    site = Site(assets={path: p.data for path, p in pictures.items()})
    featured = config.featured_categories
    months = agenda.months()
    for lang in LANGS:
        ctx = Ctx(content, config, agenda, lang, urls.home(lang), pictures)
        pages = [home.home_page(ctx, featured), home.upcoming_page(ctx), calendar.index_page(ctx, months),
                 subscribe.subscribe_page(ctx), search.search_page(ctx), press.press_page(ctx, news)]
        pages += [calendar.month_page(ctx, y, m, months) for y, m in months]
        pages += [event.event_page(ctx, e, (dates or {}).get(e.id, (None, None))) for e in content.events]
        for kind in lists.KINDS:
            pages.append(lists.index_page(ctx, kind))
            pages += [lists.list_page(ctx, kind, entry.id) for entry in lists.registry(ctx, kind)]
        site.pages.update(_markdown(pages))
    ctx = Ctx(content, config, agenda, "vi", "")
    site.assets.update(search.search_files(ctx))
    site.assets.update(subscribe.qr_files(ctx))
    site.assets.update(press.press_qr_files(config.site_url))
    site.assets["robots.txt"] = robots(config).encode("utf-8")
    return site


def _markdown(pages: list[Page]) -> dict[str, str]:
    return {page.source: page.markdown() for page in pages}


def robots(config: SiteConfig) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(config.site_url, urls.SITEMAP)}\n"
