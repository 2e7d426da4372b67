"""What an event page tells the press, and what it says once the event is
over.

The press box ("Dành cho báo chí") is a list of label/value pairs, every
value with its own label (the note too), so that each label sits beside
its value on a wide screen and above it on a phone.  A deadline that has
passed reads as closed; an event whose every occurrence has ended says so
at the top and offers no "Thêm vào lịch".  Both are decided at build time
and carry the instant they turn (``data-sk-closes``, ``data-sk-ends``), so
that the page script corrects them between nightly rebuilds.
"""

from __future__ import annotations

from ...model.event import Contact, Event, When
from ...model.occurrence import Occurrence
from ...model.press import closes, invited, is_closed
from .. import urls
from . import links
from .rendering import Ctx
from ..i18n import day_label, deadline_label, t
from .markup import el, esc, in_lang, iso, link


def is_past(ctx: Ctx, event: Event) -> bool:
    """True when every occurrence of the event has ended."""
    return all(x.is_over(ctx.agenda.now) for x in ctx.agenda.by_event[event.id])


def past_banner(ctx: Ctx, event: Event) -> str:
    """'Sự kiện đã diễn ra', shown when the event is over (the script shows
    it once the last occurrence ends, if the page was built before).  An
    event none of whose occurrences takes place (cancelled, or postponed
    with no new date) never took place: its status banner says what became
    of it, and it gets no such banner."""
    occurrences = ctx.agenda.by_event[event.id]
    if not any(x.is_active for x in occurrences):
        return ""
    ends = max(x.ends for x in occurrences)
    return el("p", el("strong", esc(t(ctx.lang, "banner_past"))), class_="sk-banner sk-banner--past",
              role="note", data_sk_ends=iso(ends), hidden=not is_past(ctx, event))


def deadline_html(ctx: Ctx, event: Event, deadline: When) -> str:
    """The deadline as on the page ('Thứ Năm, 19/11/2026, 17:00'), marked
    closed when it has passed."""
    closed = is_closed(deadline, event.timezone, ctx.agenda.now)
    mark = el("span", esc(t(ctx.lang, "deadline_closed")), class_="sk-badge sk-badge--closed",
              data_sk_closes=iso(closes(deadline, event.timezone)), hidden=not closed)
    return el("time", esc(deadline_label(deadline, ctx.lang)), datetime=iso(deadline)) + " " + mark


def contact_html(contact: Contact, lang: str) -> str:
    """'Name · phone · e-mail', the phone and e-mail as links.  A contact's
    name has no English form: on an English page it is marked lang="vi"
    (a screen reader then reads it in Vietnamese)."""
    parts = [in_lang(contact.name, "vi", lang)]
    if contact.phone:
        parts.append(link(links.tel(contact.phone), esc(contact.phone)))
    if contact.email:
        parts.append(link(f"mailto:{contact.email}", esc(contact.email)))
    return " · ".join(parts)


def press_box(ctx: Ctx, item: Occurrence) -> str:
    event = item.event
    rows = []
    press = event.press
    if press is not None:
        rows.append((t(ctx.lang, "press_invited"), esc(t(ctx.lang, "yes" if press.invited else "no"))))
        if press.invited and press.accreditation_deadline is not None:  # no deadline to meet uninvited
            rows.append((t(ctx.lang, "accreditation"), deadline_html(ctx, event, press.accreditation_deadline)))
        if press.contact is not None:
            rows.append((t(ctx.lang, "press_contact"), contact_html(press.contact, ctx.lang)))
        note = ctx.press_note(event)
        if note:
            rows.append((t(ctx.lang, "press_note"), ctx.show(note)))
    reference = event.reference
    if reference is not None and (reference.number or reference.url):
        text = esc(reference.number or "")
        if reference.date:
            text += f" {esc(t(ctx.lang, 'dated'))} {esc(day_label(reference.date, ctx.lang))}"
        if reference.url:
            text += " · " + link(reference.url, esc(t(ctx.lang, "read_document")), rel="noopener")
        rows.append((t(ctx.lang, "document"), text.strip(" ·")))
    if not rows:
        return ""
    pairs = "".join(el("div", el("dt", esc(k)) + el("dd", v), class_="sk-pair") for k, v in rows)
    desk = ""
    if invited(event):
        desk = el("p", link(ctx.link(urls.section(ctx.lang, "press")), esc(t(ctx.lang, "press_desk_link"))))
    return el("section", el("h2", esc(t(ctx.lang, "press"))) + el("dl", pairs, class_="sk-facts sk-facts--press")
              + desk, class_="sk-press")
