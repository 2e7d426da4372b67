"""The words and paths of the theme's frame (header, footer, head links,
error page), for the templates in ``overrides/``.

MkDocs renders the frame from Jinja templates, which cannot import Python,
and ``sukien export`` hands the theme to builders that run no plugin.  So
``overrides/partials/sk-words.html`` is *generated* from the site's words
(:mod:`generator.site.i18n`) and paths (:mod:`generator.site.urls`), like
``content/event.schema.json`` from the schema; a test keeps it current.
Regenerate it with::

    python -c "from generator.site.frame import partial; print(partial(), end='')" \\
        > overrides/partials/sk-words.html
"""

from __future__ import annotations

import json

from . import urls
from .i18n import LANGS, t

PARTIAL = "overrides/partials/sk-words.html"
LOCALES = {"vi": "vi_VN", "en": "en_US"}
# the templates' name of a word -> its key in i18n
WORDS = {
    "site": "site", "tagline": "tagline", "skip": "frame_skip", "menu": "frame_menu",
    "calendar": "calendar", "categories": "categories", "areas": "areas", "units": "units",
    "subscribe": "subscribe", "press": "frame_press", "press_desk": "frame_press_desk", "about": "about", "search": "search_title",
    "search_button": "search_button", "quick_search": "frame_quick_search", "switch": "frame_switch",
    "switch_label": "frame_switch_label", "feed_ics": "feed_events", "feed_rss": "feed_rss",
    "feed_atom": "feed_atom", "feed_updates": "feed_updates", "feed_json": "feed_json",
    "open_data": "frame_open_data", "footer": "frame_footer", "not_found": "frame_not_found",
    "not_found_text": "frame_not_found_text", "not_found_calendar": "frame_not_found_calendar",
    "not_found_search": "frame_not_found_search", "not_found_home": "frame_not_found_home", "or": "frame_or",
}
# (MIME type, word, path) of the feeds every page offers for autodiscovery
SITE_FEEDS = (
    ("application/rss+xml", "feed_rss", urls.EVENTS_RSS),
    ("application/atom+xml", "feed_atom", urls.EVENTS_ATOM),
    ("application/atom+xml", "feed_updates", urls.UPDATES_ATOM),
    ("text/calendar", "feed_ics", urls.EVENTS_ICS),
    ("application/feed+json", "feed_json", urls.EVENTS_JSON),
)


def words(lang: str) -> dict[str, str]:
    return {**{name: t(lang, key) for name, key in WORDS.items()}, "locale": LOCALES[lang]}


def paths(lang: str) -> dict[str, str]:
    sections = {name: urls.section(lang, kind) for name, kind in (
        ("calendar", "calendar"), ("categories", "category"), ("areas", "area"), ("units", "unit"),
        ("subscribe", "subscribe"), ("press", "press"), ("about", "about"), ("search", "search"))}
    feeds = {"events_ics": urls.EVENTS_ICS, "events_rss": urls.EVENTS_RSS, "events_atom": urls.EVENTS_ATOM,
             "updates_atom": urls.UPDATES_ATOM, "open_data": urls.OPEN_DATA}
    return {"home": urls.home(lang), **sections, **feeds}


def partial() -> str:
    """The Jinja source of ``overrides/partials/sk-words.html``."""
    def literal(value: object) -> str:  # JSON literals are Jinja literals too
        return json.dumps(value, ensure_ascii=False, indent=2)
    return (
        "{#- Generated from generator/site/i18n.py and urls.py by generator/site/frame.py:"
        " do not edit. -#}\n"
        f"{{% set words = {literal({lang: words(lang) for lang in LANGS})} %}}\n"
        f"{{% set paths = {literal({lang: paths(lang) for lang in LANGS})} %}}\n"
        f"{{% set site_feeds = {literal([list(feed) for feed in SITE_FEEDS])} %}}\n"
    )
