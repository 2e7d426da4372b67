"""The page of one event (``su-kien/<id>/``, ``en/events/<id>/``)."""

from __future__ import annotations

import datetime as dt

from .. import richtext
from ...model.event import Event
from . import actions, images, jsonld, links
from .. import urls
from ...model.occurrence import Occurrence
from .cards import badge, color_style, dates_element, lunar_text
from .rendering import Ctx, Localized
from ..i18n import PROVINCE, clock, date_label, day_label, offset_label, t, when_label
from .markup import block, el, esc, in_lang, iso, json_script, link
from .page import Feed, Page
from .press_box import contact_html, is_past, past_banner, press_box


def event_page(ctx: Ctx, event: Event, dates: tuple[str | None, str | None] = (None, None)) -> Page:
    """``dates`` are the day it was published and last modified (ISO), if known."""
    item = ctx.agenda.featured_of[event.id]
    url = urls.event(ctx.lang, event.id)
    ctx = ctx.at(url)
    image = images.image_url(ctx, event)
    if image is not None and "://" not in image:
        image = ctx.absolute(image)
    title = ctx.title(event)
    past = is_past(ctx, event)  # then nothing offers to add it to a calendar
    body = block(
        images.figure(ctx, event),
        _header(ctx, item),
        _facts(ctx, item),
        "" if past else actions.add_to_calendar(ctx, item),
        _description(ctx, event),
        _schedule(ctx, item),
        _updates(ctx, event),
        images.remote_link(ctx, event),
        press_box(ctx, item),
        _coverage(ctx, event),
        _series(ctx, event),
        _extra_links(ctx, event),
        actions.share(ctx, item),
        _neighbours(ctx, event),
        _dates(ctx, dates),
        json_script(jsonld.event_data(ctx, item, image)),
    )
    when_text = when_label(item.start, item.end, ctx.lang)
    return Page(
        url=url,
        lang=ctx.lang,
        title=title.text,
        description=f"{when_text} · {ctx.place(event).text}. {ctx.summary(event).text}",
        body=body,
        alternate=urls.event(urls.other(ctx.lang), event.id),
        feeds=() if past else (Feed("text/calendar", title.text, urls.event_ics(event.id)),),
        image=images.social_image(ctx, event),
        og_type="article",
        lastmod=dates[1],
    )


def event_inputs(ctx: Ctx, event: Event, dates: tuple[str | None, str | None] = (None, None)) -> tuple:
    """What :func:`event_page` reads beyond what every page shares (the
    registries, the configuration, the language, the clock state and the
    code): the event, its occurrences and which it features and passes
    over, its neighbours in its category, its photo, its dates.  A page
    whose inputs are equal is the same page (``generator.pipeline.core_memo``
    keeps pages by them); whoever makes the page read more adds it here."""
    item = ctx.agenda.featured_of[event.id]
    location = images.image_url(ctx, event)
    picture = ctx.media.get(location) if location is not None else None
    return (event, tuple(ctx.agenda.by_event.get(event.id, ())), item, tuple(ctx.agenda.passed_over(item)),
            ctx.agenda.neighbours(event.id), location, picture and (picture.width, picture.height), dates)


def _header(ctx: Ctx, item: Occurrence) -> str:
    event = item.event
    title = ctx.title(event)
    kicker = link(ctx.link(urls.item(ctx.lang, "category", event.category)),
                  esc(ctx.category_name(event.category)), class_="sk-cat",
                  style=color_style(ctx, event.category))
    status = "" if event.repeat else badge(ctx, item.status)  # a series: each year says its own
    parts = [el("p", kicker, class_="sk-kicker"),
             el("h1", (in_lang(title.text, title.lang, ctx.lang) + " " + status).strip())]
    parts.append(past_banner(ctx, event))
    if not ctx.translated(event):
        parts.append(el("p", esc(t(ctx.lang, "untranslated")), class_="sk-note sk-untranslated"))
    for shown in ctx.agenda.passed_over(item) + [item]:
        if shown.status != "confirmed":
            parts.append(_banner(ctx, shown))
    parts.append(el("p", ctx.show(ctx.summary(event)), class_="sk-lead"))
    return el("header", "\n".join(parts), class_="sk-event-head")


def _banner(ctx: Ctx, item: Occurrence) -> str:
    """The status of an occurrence, with its note; in a series, of its year."""
    if item.event.repeat:
        words = t(ctx.lang, f"banner_year_{item.status}").format(year=item.year)
    else:
        words = t(ctx.lang, f"banner_{item.status}")
    text = el("strong", esc(words))
    note = ctx.status_note(item)
    if note:
        text += " " + in_lang(note.text, note.lang, ctx.lang)
    return el("p", text, class_=f"sk-banner sk-banner--{item.status}", role="note")


def _facts(ctx: Ctx, item: Occurrence) -> str:
    event = item.event
    rows = [(t(ctx.lang, "when"), _dates_in_full(ctx, item))]
    rows.append((t(ctx.lang, "where"), _where(ctx, event)))
    if event.online_url:
        rows.append((t(ctx.lang, "online"), link(event.online_url, esc(t(ctx.lang, "online_link")),
                                                 rel="noopener")))
    price = ctx.price(event)
    if price:
        rows.append((t(ctx.lang, "price"), ctx.show(price)))
    rows.append((t(ctx.lang, "organizer"), _organizers(ctx, event)))
    rows.append((t(ctx.lang, "contact"), contact_html(event.contact, ctx.lang)))
    if event.tags:
        tags = " ".join(el("span", ctx.name_html("tag", tag), class_="sk-tag", data_tag=tag) for tag in event.tags)
        rows.append((t(ctx.lang, "tags"), tags))
    return el("dl", "".join(el("dt", esc(k)) + el("dd", v) for k, v in rows), class_="sk-facts")


def _dates_in_full(ctx: Ctx, occ: Occurrence) -> str:
    """The dates with the UTC offset of a timed occurrence and its lunar date."""
    text = dates_element(ctx, occ)
    if isinstance(occ.start, dt.datetime):
        text += " " + el("span", f"({esc(offset_label(occ.start))})", class_="sk-muted")
    moon = lunar_text(ctx, occ)
    if moon:
        text += "<br>" + el("span", esc(moon), class_="sk-lunar")
    return text


def _where(ctx: Ctx, event: Event) -> str:
    where = event.location
    place = ctx.place(event)
    lines = [el("strong", ctx.show(place))]
    address = ctx.address(event)
    if address:
        lines.append(ctx.show(address))
    if where.area:
        area = link(ctx.link(urls.item(ctx.lang, "area", where.area)), ctx.name_html("area", where.area))
        region = ctx.region_name(where.area)
        lines.append(area + (f" ({esc(region)})" if region else ""))
    query = ", ".join(x for x in (where.name, where.address, ctx.area_name(where.area) if where.area else None, PROVINCE) if x)
    maps = [link(links.osm(where, query), esc(t(ctx.lang, "map")), rel="noopener")]
    if where.map_url:
        maps.append(link(where.map_url, esc(t(ctx.lang, "map_other")), rel="noopener"))
    lines.append(" · ".join(maps))
    directions = ctx.directions(event)
    if directions:
        lines.append(el("span", f"{esc(t(ctx.lang, 'directions'))}: {ctx.show(directions)}", class_="sk-directions"))
    geo = links.geo_uri(where)
    if geo and where.geo:
        coordinates = f"{where.geo[0]:.5f}, {where.geo[1]:.5f}"
        lines.append(f"{esc(t(ctx.lang, 'coordinates'))}: " + link(geo, esc(coordinates)))
    return "<br>".join(lines)


def _organizers(ctx: Ctx, event: Event) -> str:
    text = link(ctx.link(urls.item(ctx.lang, "unit", event.unit)), ctx.name_html("unit", event.unit))
    if event.co_organizers:
        names = []
        for name in event.co_organizers:
            if ctx.content.unit(name) is not None:
                names.append(link(ctx.link(urls.item(ctx.lang, "unit", name)), ctx.name_html("unit", name)))
            else:
                names.append(in_lang(name, "vi", ctx.lang))  # a free-text name, as the unit wrote it
        text += f"<br>{esc(t(ctx.lang, 'co_organizers'))}: " + "; ".join(names)
    return text


def _description(ctx: Ctx, event: Event) -> str:
    text = ctx.description(event)
    if not text.text:
        return ""
    return el("section", el("h2", esc(t(ctx.lang, "about"))) + _rich(ctx, text), class_="sk-description")


def _rich(ctx: Ctx, text: Localized) -> str:
    """Markdown rendered; an untranslated text marked lang="vi" and said to be in Vietnamese."""
    rendered = richtext.render_markdown(text.text)
    if text.lang == ctx.lang:
        return el("div", rendered)
    return el("div", rendered, lang=text.lang) + el("p", esc(t(ctx.lang, "in_vietnamese")), class_="sk-untr")


def _schedule(ctx: Ctx, item: Occurrence) -> str:
    event = item.event
    if not event.schedule:
        return ""
    rows = []
    for entry in event.schedule:
        start = _moment(ctx, entry.start, item)
        end = _moment(ctx, entry.end, item) if entry.end is not None else ""
        span = f"{start}–{end}" if end else start
        where = ctx.item_place(entry)
        place = f" ({ctx.show(where)})" if where else ""
        rows.append(el("tr", el("th", span, scope="row") + el("td", ctx.show(ctx.item_title(entry)) + place)))
    head = el("tr", el("th", esc(t(ctx.lang, "time")), scope="col")
              + el("th", esc(t(ctx.lang, "item")), scope="col"))
    table = el("table", el("thead", head) + el("tbody", "".join(rows)), class_="sk-schedule")
    return el("section", el("h2", esc(t(ctx.lang, "schedule"))) + table)


def _moment(ctx: Ctx, value: dt.time | dt.datetime, item: Occurrence) -> str:
    """A programme time; a date-time on another day than the first shows its day."""
    if isinstance(value, dt.datetime):
        if value.date() != item.first_day:
            return esc(f"{day_label(value.date(), ctx.lang)}, {clock(value)}")
        return esc(clock(value))
    return esc(clock(value))


def _updates(ctx: Ctx, event: Event) -> str:
    if not event.updates:
        return ""
    items = []
    for update in sorted(event.updates, key=lambda u: u.at, reverse=True):
        stamp = el("time", esc(f"{day_label(update.at.date(), ctx.lang)}, {clock(update.at)}"),
                   datetime=iso(update.at))
        items.append(el("li", el("p", stamp, class_="sk-muted") + _rich(ctx, ctx.update_text(update))))
    return el("section", el("h2", esc(t(ctx.lang, "updates")))
              + el("ol", "".join(items), class_="sk-updates"), class_="sk-updates-box")


def _coverage(ctx: Ctx, event: Event) -> str:
    """The articles the press published about the event: outlet, linked
    title (in the language it was written in), date."""
    if not event.coverage:
        return ""
    items = []
    for article in event.coverage:
        text = el("strong", esc(article.outlet)) + ": " + link(article.url, in_lang(article.title, "vi", ctx.lang),
                                                              rel="noopener")
        if article.date is not None:
            text += " " + el("time", esc(f"({day_label(article.date, ctx.lang)})"), datetime=iso(article.date),
                             class_="sk-muted")
        items.append(el("li", text))
    return el("section", el("h2", esc(t(ctx.lang, "coverage"))) + el("ul", "".join(items), class_="sk-coverage"),
              class_="sk-coverage-box")


def _series(ctx: Ctx, event: Event) -> str:
    items = ctx.agenda.by_event.get(event.id, [])
    if not event.repeat or len(items) < 2:
        return ""
    rows = []
    for item in items:
        text = dates_element(ctx, item)
        text += _lunar_aside(ctx, item)
        text += " " + badge(ctx, item.status)
        note = ctx.status_note(item)
        if note and item.status != "confirmed":
            text += " " + in_lang(note.text, note.lang, ctx.lang)
        rows.append(el("li", text.strip()))
    return el("section", el("h2", esc(t(ctx.lang, "series"))) + el("ul", "".join(rows), class_="sk-series"))


def _extra_links(ctx: Ctx, event: Event) -> str:
    if not event.links:
        return ""
    items = "".join(el("li", link(x.url, esc(x.title), rel="noopener")) for x in event.links)
    return el("section", el("h2", esc(t(ctx.lang, "links"))) + el("ul", items))


def _neighbours(ctx: Ctx, event: Event) -> str:
    before, after = ctx.agenda.neighbours(event.id)
    if before is None and after is None:
        return ""
    cells = []
    for item, key, rel in ((before, "previous", "prev"), (after, "next", "next")):
        if item is None:
            continue
        title = ctx.title(item.event)
        label = el("span", esc(t(ctx.lang, key)), class_="sk-muted")
        cells.append(el("li", label + " " + link(ctx.link(urls.event(ctx.lang, item.event.id)),
                                                 in_lang(title.text, title.lang, ctx.lang), rel=rel)
                        + " " + dates_element(ctx, item) + _lunar_aside(ctx, item) + (" " + badge(ctx, item.status)).rstrip()))
    heading = f"{t(ctx.lang, 'neighbours')}: {ctx.category_name(event.category)}"
    return el("nav", el("h2", esc(heading)) + el("ul", "".join(cells)), class_="sk-neighbours",
              aria_label=t(ctx.lang, "neighbours"))


def _lunar_aside(ctx: Ctx, item: Occurrence) -> str:
    """' (Ngày 10 tháng 3 âm lịch)' after the date of a lunar festival."""
    moon = lunar_text(ctx, item)
    return f" ({esc(moon)})" if moon else ""


def _dates(ctx: Ctx, dates: tuple[str | None, str | None]) -> str:
    published, modified = dates
    if not published:
        return ""
    text = f"{t(ctx.lang, 'published')} {date_label(dt.date.fromisoformat(published), ctx.lang)}"
    if modified and modified > published:
        text += f", {t(ctx.lang, 'modified')} {date_label(dt.date.fromisoformat(modified), ctx.lang)}"
    return el("p", esc(text), class_="sk-muted sk-dates")
