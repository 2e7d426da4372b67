"""Announcements: RSS 2.0, Atom and JSON Feed 1.1, one item per event,
newest announcement first, the event's date and place in every title.

feedgen writes RSS and Atom, each from its own generator because it keeps
one list of links for both formats (the RSS channel link must be the HTML
page, ``atom:link rel="self"`` the file itself).  Its Atom entries lose
``rel`` and ``type`` on links (lkiesow/python-feedgen#135), so entry links
are added afterwards with lxml.  Nothing here reads the build clock: the
feeds' dates are the events' own.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Collection
from dataclasses import dataclass
from functools import partial

from feedgen.feed import FeedGenerator
from lxml import etree

from ..load.config import SiteConfig
from ..model.event import Content
from ..model.occurrence import Occurrence
from ..model.press import invited
from ..site import urls
from . import common, press
from .common import Item, Kept
from .jsonwriter import json_file

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = dt.datetime(2025, 1, 1, tzinfo=common.UTC)  # the dates of an empty feed
GENERATOR = "sukien"


@dataclass(frozen=True)
class Channel:
    """What tells one announcement feed from another: its path and words."""

    path: str
    subtitle: str = common.word("feed_about")
    title_suffix: str = ""  # after the site's name


EVENTS_RSS, EVENTS_ATOM = Channel(urls.EVENTS_RSS), Channel(urls.EVENTS_ATOM)
PRESS_ABOUT, PRESS_SUFFIX = common.word("feed_press_about"), common.word("feed_press_suffix")
PRESS_RSS = Channel(urls.PRESS_RSS, PRESS_ABOUT, PRESS_SUFFIX)
PRESS_ATOM = Channel(urls.PRESS_ATOM, PRESS_ABOUT, PRESS_SUFFIX)


@dataclass(frozen=True)
class Entry:
    """An event with its current occurrence, and its texts made once for
    every feed that lists it."""

    item: Item
    occ: Occurrence
    title: str
    summary: str
    body: str
    category: str  # the category's name
    unit: str  # the unit's name


def entry(item: Item, occ: Occurrence, content: Content) -> Entry:
    return Entry(item, occ, common.headline(occ, content), common.summary(occ), body_html(item, occ, content),
                 _category(item, content), _unit_name(item, content))


ANNOUNCEMENT_FORMATS = ("atom", "rss", "json")


def announcement_entries(items: list[Item], content: Content, now: dt.datetime,
                         kept: Kept | None = None) -> list[Entry]:
    """Each event announced by ``now`` (none before its date) with its
    current occurrence (the next one not yet over, else its last), the
    newest first: the entries of every announcement feed; ``kept``: each
    entry's texts as an earlier build made them from the same inputs."""
    announced = [item for item in items if item.history.published <= now]
    ordered = sorted(announced, key=lambda i: (i.history.published, i.event.id), reverse=True)
    return [_kept_entry(item, occ, content, kept) for item in ordered if (occ := item.current(now)) is not None]


def _kept_entry(item: Item, occ: Occurrence, content: Content, kept: Kept | None) -> Entry:
    """:func:`entry`, its texts from ``kept`` when there (a rebuild after one
    change made 10,000 entries' HTML again, in each copy that writes an
    announcement feed)."""
    part = f"announcement entry {occ.key}"
    known = kept.get(item, part) if kept is not None else None
    texts = json.loads(known) if known is not None else None
    if isinstance(texts, list) and len(texts) == 5 and all(isinstance(text, str) for text in texts):
        return Entry(item, occ, *texts)
    made = entry(item, occ, content)
    if kept is not None:
        kept.put(item, part, json.dumps([made.title, made.summary, made.body, made.category, made.unit],
                                        ensure_ascii=False))
    return made


def announcement_feeds(entries: list[Entry], content: Content, config: SiteConfig, kept: Kept | None = None,
                       formats: Collection[str] = ANNOUNCEMENT_FORMATS) -> dict[str, bytes]:
    """The feeds of ``formats`` (Atom and RSS: the events' and the
    press's; JSON: the events') of ``entries`` (:func:`announcement_entries`);
    ``kept``: each JSON Feed item as an earlier build wrote it from the
    same inputs."""
    for_press = [e for e in entries if invited(e.item.event)]
    files: dict[str, bytes] = {}
    if "rss" in formats:
        files.update({urls.EVENTS_RSS: rss(entries, config), urls.PRESS_RSS: rss(for_press, config, PRESS_RSS)})
    if "atom" in formats:
        files.update({urls.EVENTS_ATOM: atom(entries, config), urls.PRESS_ATOM: atom(for_press, config, PRESS_ATOM)})
    if "json" in formats:
        files[urls.EVENTS_JSON] = json_feed(entries, content, config, kept)
    return files


def rss(entries: list[Entry], config: SiteConfig, channel: Channel = EVENTS_RSS) -> bytes:
    fg = _channel(config, channel)
    fg.link(href=common.site_root(config) + channel.path, rel="self",
            type="application/rss+xml")
    fg.link(href=common.site_root(config), rel="alternate")  # the last one is RSS's <link>
    fg.lastBuildDate(common.utc(_newest(entries, lambda i: i.history.updated)))
    fg.pubDate(common.utc(_newest(entries, lambda i: i.history.published)))
    for e in reversed(entries):  # feedgen prepends
        fe = fg.add_entry()
        fe.title(e.title)
        fe.link(href=e.item.url)
        fe.guid(e.item.url, permalink=True)
        fe.pubDate(common.utc(e.item.history.published))
        fe.description(e.body)
        fe.category(term=e.category)
    return fg.rss_str(pretty=True)


def atom(entries: list[Entry], config: SiteConfig, channel: Channel = EVENTS_ATOM) -> bytes:
    fg = _channel(config, channel)
    fg.updated(common.utc(_newest(entries, lambda i: i.history.updated)))
    fg.link(href=common.site_root(config) + channel.path, rel="self",
            type="application/atom+xml")
    fg.link(href=common.site_root(config), rel="alternate", type="text/html")
    links = {}
    for e in reversed(entries):
        item = e.item
        fe = fg.add_entry()
        fe.id(item.url)
        fe.title(e.title)
        fe.published(common.utc(item.history.published))
        fe.updated(common.utc(item.history.updated))
        fe.author(name=e.unit)
        fe.summary(e.summary)
        fe.content(e.body, type="html")
        fe.category(term=item.event.category, label=e.category)
        links[item.url] = [("alternate", "text/html", item.url),
                           ("related", "text/calendar", common.event_ics_url(config, item.event.id))]
    return add_entry_links(fg.atom_str(), links)


def json_feed(entries: list[Entry], content: Content, config: SiteConfig, kept: Kept | None = None) -> bytes:
    """JSON Feed 1.1, with the event's time and place in ``_sukien``."""
    root = common.site_root(config)
    head = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": common.text(config.site_name),
        "home_page_url": root,
        "feed_url": root + urls.EVENTS_JSON,
        "description": common.word("feed_about"),
        "language": "vi",
        "authors": [{"name": common.text(config.site_name), "url": root}],
    }
    return json_file(head, "items", [common.kept_json(e.item, f"json feed item {e.occ.key}", kept,
                                                      partial(_json_item, e, content, config)) for e in entries])


def _json_item(e: Entry, content: Content, config: SiteConfig) -> dict:
    item, occ = e.item, e.occ
    event = item.event
    extension: dict[str, object] = {
        "start": occ.start.isoformat(),
        "end": occ.end.isoformat() if occ.end else None,
        "status": occ.status,
        "location": common.place(event.location, content),
        "ics": common.event_ics_url(config, event.id),
    }
    found = press.facts(item, occ)
    if found is not None:
        extension.update(press.json_fields(found))
    entry = {
        "id": item.url,
        "url": item.url,
        "title": e.title,
        "summary": e.summary,
        "content_html": e.body,
        "date_published": common.rfc3339(item.history.published),
        "date_modified": common.rfc3339(item.history.updated),
        "authors": [{"name": e.unit}],
        "tags": [e.category, *event.tags],
        "language": "vi",
        "_sukien": extension,
    }
    if item.image:
        entry["image"] = item.image
    return entry


def body_html(item: Item, occ: Occurrence, content: Content) -> str:
    """The HTML of an entry: status, summary, key facts, the description
    (rendered and sanitised by richtext), a link to the page."""
    event, esc = occ.event, html.escape
    parts = []
    word = common.status_word(occ.status)
    if word:
        note = common.text(occ.status_note)
        parts.append(f"<p><strong>{esc(word)}{': ' + esc(note) if note else '.'}</strong></p>")
    parts.append(f"<p>{esc(common.text(event.summary))}</p>")
    when = common.dates_and_lunar(occ)
    facts = [(common.word("when"), when), (common.word("where"), common.place(event.location, content)),
             *common.directions_fact(event),
             (common.word("organizer"), _unit_name(item, content)),
             (common.word("feed_contact"), common.contact_line(event))]
    parts.append("<ul>" + "".join(f"<li>{esc(k)}: {esc(v)}</li>" for k, v in facts) + "</ul>")
    found = press.facts(item, occ)
    if found is not None:
        parts.append(press.html_block(found))
    parts.append(common.markdown_html(event.description))
    parts.append(f'<p><a href="{esc(item.url)}">{esc(common.word("feed_more"))}</a></p>')
    return "\n".join(part for part in parts if part)


def add_entry_links(atom_bytes: bytes, links: dict[str, list[tuple[str, str, str]]]) -> bytes:
    """Give each Atom entry (found by its id) its links with rel and type."""
    root = etree.fromstring(atom_bytes)
    for entry in root.iter(f"{{{ATOM}}}entry"):
        for old in entry.findall(f"{{{ATOM}}}link"):
            entry.remove(old)
        for rel, kind, href in links.get(entry.findtext(f"{{{ATOM}}}id") or "", []):
            etree.SubElement(entry, f"{{{ATOM}}}link", rel=rel, type=kind, href=href)
    return _xml(root)


def _channel(config: SiteConfig, channel: Channel) -> FeedGenerator:
    """What RSS and Atom share; each format gets its own generator."""
    fg = FeedGenerator()
    fg.id(common.site_root(config) + channel.path)
    fg.title(common.text(config.site_name) + channel.title_suffix)
    fg.subtitle(channel.subtitle)
    fg.description(channel.subtitle)
    fg.author(name=common.text(config.site_name), uri=common.site_root(config))
    fg.language("vi")
    fg.generator(GENERATOR)
    return fg


def _newest(entries: list[Entry], value) -> dt.datetime:
    return max((value(e.item) for e in entries), default=EPOCH)


def _category(item: Item, content: Content) -> str:
    category = content.category(item.event.category)
    return common.text(category.name) if category else item.event.category


def _unit_name(item: Item, content: Content) -> str:
    unit = content.unit(item.event.unit)
    return common.text(unit.name) if unit else item.event.unit


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
