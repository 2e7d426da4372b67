"""Where every page lives, in both languages.

Page URLs are site-relative directory URLs ("su-kien/<id>/", "" for the
home page); links inside a page are written relative to that page, so the
site works under any base path.  These paths are a public interface
(outputs.md): add, never rename.
"""

from __future__ import annotations

from urllib.parse import urlsplit

_SECTIONS = {
    "vi": {
        "event": "su-kien", "calendar": "lich", "category": "chu-de", "area": "dia-ban",
        "unit": "don-vi", "subscribe": "theo-doi", "search": "tim-kiem", "about": "gioi-thieu",
        "press": "bao-chi",
        "upcoming": "sap-toi",
    },
    "en": {
        "event": "en/events", "calendar": "en/calendar", "category": "en/categories",
        "area": "en/areas", "unit": "en/units", "subscribe": "en/subscribe",
        "search": "en/search", "about": "en/about",  # about: a hand-written page (docs/)
        "press": "en/press", "upcoming": "en/upcoming",
    },
}
# anchors inside pages that links and words point to (public too)
_ANCHORS = {
    "vi": {"main_feeds": "nguon-chinh", "howto": "huong-dan", "month_list": "danh-sach"},
    "en": {"main_feeds": "main-feeds", "howto": "how-to", "month_list": "list"},
}
# feeds/<kind>/<id>.ics for the kinds of list pages
FEED_KIND = {"category": "category", "area": "area", "unit": "unit"}
SEARCH_DIR = "search"
SEARCH_INDEX = f"{SEARCH_DIR}/index.json"  # the list of years; then one shard per year and language
SITEMAP = "sitemap.xml"  # written by the site builder
QR_DIR = "theo-doi/qr"
# the site-wide feeds and the open data
EVENTS_ICS = "feeds/events.ics"
EVENTS_RSS = "feeds/events.rss"
EVENTS_ATOM = "feeds/events.atom"
EVENTS_JSON = "feeds/events.json"
UPDATES_ATOM = "feeds/updates.atom"
OPEN_DATA = "api/events.json"
# the press desk's feeds: the events the press is invited to (and, in the
# calendar, their accreditation deadlines)
PRESS_ICS, PRESS_RSS, PRESS_ATOM = "feeds/bao-chi.ics", "feeds/bao-chi.rss", "feeds/bao-chi.atom"


def home(lang: str) -> str:
    return "en/" if lang == "en" else ""


def section(lang: str, kind: str) -> str:
    """The index page of a kind: 'chu-de/', 'en/calendar/' ..."""
    return _SECTIONS[lang][kind] + "/"


def anchor(lang: str, name: str) -> str:
    """The id of a part of a page: 'nguon-chinh', 'main-feeds' ..."""
    return _ANCHORS[lang][name]


def item(lang: str, kind: str, item_id: str) -> str:
    """The page of one event, category, area or unit."""
    return f"{_SECTIONS[lang][kind]}/{item_id}/"


def event(lang: str, event_id: str) -> str:
    return item(lang, "event", event_id)


def month(lang: str, year: int, month_number: int) -> str:
    return f"{_SECTIONS[lang]['calendar']}/{year:04d}-{month_number:02d}/"


def event_ics(event_id: str) -> str:
    return f"su-kien/{event_id}.ics"


def feed(kind: str, item_id: str) -> str:
    """The calendar feed of a category, area or unit."""
    return f"feeds/{FEED_KIND[kind]}/{item_id}.ics"


def search_shard(lang: str, year: int) -> str:
    return f"{SEARCH_DIR}/{lang}-{year}.json"


def qr(name: str) -> str:
    """The QR code of a feed ('events', 'category-le-hoi', ...)."""
    return f"{QR_DIR}/{name}.svg"


def source(url: str) -> str:
    """The Markdown source path of a page URL ('lich/' -> 'lich/index.md')."""
    return f"{url}index.md"


def relative(from_page: str, to: str) -> str:
    """A link from the page at ``from_page`` to the site path ``to``: what
    ``posixpath.relpath`` says with both taken from the site's root, worked
    out without its calls to the file system's current folder (pages hold
    hundreds of thousands of links at 10,000 events)."""
    start, path = _parts(from_page), _parts(to)
    common = 0
    for a, b in zip(start, path, strict=False):
        if a != b:
            break
        common += 1
    target = "/".join([".."] * (len(start) - common) + path[common:]) or "."
    if to.endswith("/") or not to:
        target = "./" if target == "." else target + "/"
    return target


def _parts(path: str) -> list[str]:
    """The folders and name of a site path, normalised as ``posixpath.normpath`` would."""
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return parts


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def webcal(site_url: str, path: str) -> str:
    """The webcal:// form of a calendar feed (subscription, not download)."""
    parts = urlsplit(absolute(site_url, path))
    return f"webcal://{parts.netloc}{parts.path}"


def other(lang: str) -> str:
    return "en" if lang == "vi" else "vi"
