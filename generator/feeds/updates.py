"""``feeds/updates.atom``: what changed, in words, for the press.

One entry per occurrence and revision that moved an event, changed its
place or its status (from the git history), and one per news item of the
event's ``updates``.  Ids are tag URIs built from the event's key and the
revision's number or the item's date, so they stay put as history grows.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from itertools import groupby

from feedgen.feed import FeedGenerator

from ..load.config import SiteConfig
from ..vcs.history import OccurrenceChange, announced_inactive
from ..site import urls
from ..model.event import INACTIVE, Content, Event, Location, Update, When, day_of, is_all_day
from . import common
from .announcements import EPOCH, GENERATOR, add_entry_links
from .common import Item
from ..site.i18n import numeric_date, numeric_when, t


@dataclass(frozen=True)
class Notice:
    """One entry of the feed: a change of an occurrence, or a news item."""

    id: str
    at: dt.datetime
    title: str
    html: str
    item: Item
    title_en: str  # the title in English, for the English press page (the feed is Vietnamese)


def update_notices(items: list[Item], content: Content, config: SiteConfig,
                   now: dt.datetime) -> list[Notice]:
    """Every entry of the feed, newest first (the press page shows the
    first ones)."""
    notices = [notice for item in items for notice in _notices(item, content, config, now)]
    notices.sort(key=lambda e: (e.at, e.id), reverse=True)
    return notices


def updates_feed(items: list[Item], content: Content, config: SiteConfig,
                 now: dt.datetime) -> bytes:
    notices = update_notices(items, content, config, now)
    root = common.site_root(config)
    fg = FeedGenerator()
    fg.id(root + urls.UPDATES_ATOM)
    fg.title(common.word("updates_title").format(site=common.text(config.site_name)))
    fg.subtitle(common.word("updates_subtitle"))
    fg.author(name=common.text(config.site_name), uri=root)
    fg.language("vi")
    fg.generator(GENERATOR)
    fg.updated(common.utc(max((e.at for e in notices), default=EPOCH)))
    fg.link(href=root + urls.UPDATES_ATOM, rel="self", type="application/atom+xml")
    fg.link(href=root, rel="alternate", type="text/html")
    links = {}
    for notice in reversed(notices):  # feedgen prepends
        fe = fg.add_entry()
        fe.id(notice.id)
        fe.title(notice.title)
        fe.published(common.utc(notice.at))
        fe.updated(common.utc(notice.at))
        unit = content.unit(notice.item.event.unit)
        fe.author(name=common.text(unit.name) if unit else notice.item.event.unit)
        fe.content(notice.html, type="html")
        links[notice.id] = [("alternate", "text/html", notice.item.url)]
    return add_entry_links(fg.atom_str(), links)


def _notices(item: Item, content: Content, config: SiteConfig, now: dt.datetime):
    event = item.event
    known = item.history.changes
    if not item.history.tracked:  # git never saw it: what it says now is what was announced
        history = item.history
        known = (*announced_inactive(item.occurrences, history.published), *known)
    by_revision = groupby(known, key=lambda c: (c.revision, c.key))
    for (revision, key), group in by_revision:
        changes = list(group)
        if changes[0].at > now:  # announced ahead of time: not news yet
            continue
        words = describe(changes, content)
        english = f"{_name(item, key, 'en')}: {describe(changes, content, 'en', _notes_en(event))}"
        yield Notice(_tag(config, changes[0].at, f"su-kien/{key}/thay-doi/{revision}"),
                    changes[0].at, f"{_name(item, key)}: {words}",
                    _html(words, item), item, english)
    seen: dict[dt.datetime, int] = {}
    for update in sorted(event.updates, key=lambda u: u.at):
        if update.at > now:  # announced ahead of time: not news yet
            continue
        seen[update.at] = seen.get(update.at, 0) + 1
        stamp = f"{common.utc(update.at):%Y%m%dT%H%M%SZ}-{seen[update.at]}"
        yield Notice(_tag(config, update.at, f"su-kien/{event.id}/tin/{stamp}"), update.at,
                    f"{common.text(event.title)}: {_headline(update)}",
                    common.markdown_html(update.text) + _more(item), item,
                    f"{_title(event, 'en')}: {_headline(update)}")  # news items are written in Vietnamese


def describe(changes: list[OccurrenceChange], content: Content, lang: str = "vi",
             notes_en: dict[str, str] | None = None) -> str:
    """A revision's changes to one occurrence, in words: 'Hoãn từ 12/4 sang
    19/4', 'Đổi địa điểm: ...', 'Hủy sự kiện: ...' (``lang`` "en":
    'Postponed from 12/4 to 19/4'...; ``notes_en`` gives the English of the
    Vietnamese status notes that have one)."""
    kinds = {change.kind for change in changes}
    sentences = []
    for change in changes:  # the shape of old/new follows the kind (see OccurrenceChange)
        match change.old, change.new:
            case (dt.date() as old_start, old_end), (dt.date() as new_start, new_end):
                sentences.append(_time_words(old_start, old_end, new_start, new_end, lang))
            case Location() as old, Location() as new:
                sentences.append(_place_words(old, new, content, lang))
            case (str() as old_status, _), (str() as status, note):
                if not ("time" in kinds and status == "confirmed"):
                    sentences.append(_status_words(old_status, status, note, lang, notes_en or {}))
    return "; ".join(sentences)


def _time_words(old_start: When, old_end: When | None, new_start: When, new_end: When | None,
                lang: str) -> str:
    with_year = old_start.year != new_start.year
    old_day, new_day = day_of(old_start), day_of(new_start)
    same_clock = (isinstance(old_start, dt.datetime) and isinstance(new_start, dt.datetime)
                  and old_start.timetz() == new_start.timetz())
    if same_clock and old_day != new_day:  # "Hoãn từ 2/12 sang 9/12": the time of day did not change
        old, new = numeric_date(old_day, year=with_year), numeric_date(new_day, year=with_year)
    else:
        old, new = _moment(old_start, with_year), _moment(new_start, with_year)
    if new_day > old_day:
        return t(lang, "change_later").format(old=old, new=new)
    if new_day < old_day:
        return t(lang, "change_earlier").format(old=old, new=new)
    if old_start != new_start:
        return t(lang, "change_clock").format(old=old, new=new)
    return t(lang, "change_end").format(new=numeric_when(new_start, new_end, common.LANG),
                                        old=numeric_when(old_start, old_end, common.LANG))


def _place_words(old: Location, new: Location, content: Content, lang: str) -> str:
    return t(lang, "change_place").format(new=common.place(new, content, lang=lang),
                                          old=common.place(old, content, lang=lang))


def _status_words(old_status: str, status: str, note: str | None, lang: str, notes_en: dict[str, str]) -> str:
    if lang == "en" and note in notes_en:
        note = notes_en[note]
    note = common.text(note)
    if status != "confirmed":
        # without a note, a postponement says it has no date yet, a tentative one that it is unsure
        bare = {"cancelled": "now_cancelled", "postponed": "now_postponed_undated",
                "tentative": "now_tentative_unsure"}[status]
        return f"{t(lang, f'now_{status}')}: {note}" if note else t(lang, bare)
    if old_status in INACTIVE:
        return t(lang, "now_resumed")
    return t(lang, "now_confirmed")


def _notes_en(event: Event) -> dict[str, str]:
    """The English of the event's current status notes (its own, each
    year's), by their Vietnamese text."""
    pairs = [(event.status_note, event.en.status_note if event.en else None)]
    pairs += [(o.status_note, o.status_note_en) for o in event.exceptions]
    return {vi: en for vi, en in pairs if vi and en}


def _moment(value: When, with_year: bool) -> str:
    day = numeric_date(day_of(value), year=with_year)
    return day if is_all_day(value) else f"{value:%H:%M} {day}"


def _name(item: Item, key: str, lang: str = "vi") -> str:
    event = item.event
    year = f" ({key.rsplit('-', 1)[1]})" if event.repeat else ""
    return f"{_title(event, lang)}{year}"


def _title(event: Event, lang: str) -> str:
    english = event.en.title if lang == "en" and event.en else None
    return common.text(english or event.title)


def _headline(update: Update) -> str:
    """The news item's first line, in plain words, shortened for a title."""
    lines = common.markdown_text(update.text).splitlines()
    first = lines[0].strip() if lines else ""
    return first if len(first) <= 120 else first[:119].rstrip() + "…"


def _html(words: str, item: Item) -> str:
    return f"<p>{html.escape(words)}</p>" + _more(item)


def _more(item: Item) -> str:
    return f'\n<p><a href="{html.escape(item.url)}">{html.escape(common.word("feed_more"))}</a></p>'


def _tag(config: SiteConfig, at: dt.datetime, specific: str) -> str:
    """A tag URI (RFC 4151): stable, and valid as an Atom id.  ``specific``
    ("su-kien/<key>/thay-doi/<n>") names the entry; it is no path of the
    site and must never change, whatever the site's paths do."""
    return f"tag:{config.host},{common.utc(at):%Y-%m-%d}:{specific}"
