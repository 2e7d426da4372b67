"""What every page renderer needs: the content, the agenda, the language
and the page's own URL (to write relative links)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ...load.config import SiteConfig
from ..media import Picture
from ...model.event import Area, Category, Content, Event, ScheduleItem, Tag, Unit, Update
from ...model.occurrence import Occurrence
from .. import urls
from .agenda import Agenda
from ..i18n import t
from .markup import in_lang, marked


@dataclass(frozen=True)
class Localized:
    """A text and the language it is really written in."""

    text: str
    lang: str


@dataclass(frozen=True)
class Ctx:
    content: Content
    config: SiteConfig
    agenda: Agenda
    lang: str
    url: str  # this page, site-relative
    media: Mapping[str, Picture] = field(default_factory=dict)  # published images, by site path

    def at(self, url: str) -> Ctx:
        return replace(self, url=url)

    def for_lang(self, lang: str) -> Ctx:
        return replace(self, lang=lang)

    def link(self, path: str) -> str:
        return urls.relative(self.url, path)

    def absolute(self, path: str) -> str:
        return urls.absolute(self.config.site_url, path)

    # -- names of registry entries, in the page's language --------------------

    def category_name(self, category_id: str) -> str:
        return self._name(self.content.category(category_id), category_id)

    def area_name(self, area_id: str) -> str:
        return self._name(self.content.area(area_id), area_id)

    def region_name(self, area_id: str) -> str | None:
        found = self.content.area(area_id)
        if found is None:
            return None
        return (found.region_en or found.region) if self.lang == "en" else found.region

    def unit_name(self, unit_id: str) -> str:
        return self._name(self.content.unit(unit_id), unit_id)

    def tag_name(self, tag_id: str) -> str:
        """A tag by its name in tags.yaml, or as written when it is not listed."""
        return self._name(self.content.tag(tag_id), tag_id)

    def name_html(self, kind: str, item_id: str) -> str:
        """The escaped name of registry entry ``item_id`` of ``kind``
        ('category', 'area', 'unit', 'tag'), marked lang="vi" on an English
        page when the registry gives it no English name."""
        found = getattr(self.content, kind)(item_id)
        name = self._name(found, item_id)
        vietnamese = found is not None and not found.name_en
        return in_lang(name, "vi" if vietnamese else self.lang, self.lang)

    def _name(self, found: Category | Area | Unit | Tag | None, written: str) -> str:
        """A registry entry's name in the page's language; what was written
        when the registry does not list it."""
        if found is None:
            return written
        return (found.name_en or found.name) if self.lang == "en" else found.name

    # -- texts of events, English when there is a translation -----------------

    def translated(self, event: Event) -> bool:
        return self.lang == "vi" or bool(event.en and event.en.title)

    def title(self, event: Event) -> Localized:
        return self._pick(event.title, event.en.title if event.en else None)

    def summary(self, event: Event) -> Localized:
        return self._pick(event.summary, event.en.summary if event.en else None)

    def description(self, event: Event) -> Localized:
        return self._pick(event.description or "", event.en.description if event.en else None)

    def place(self, event: Event) -> Localized:
        return self._pick(event.location.name, event.en.location_name if event.en else None)

    def address(self, event: Event) -> Localized | None:
        return self._optional(event.location.address, self._en(event, "location_address"))

    def directions(self, event: Event) -> Localized | None:
        return self._optional(event.location.directions, self._en(event, "directions"))

    def price(self, event: Event) -> Localized | None:
        return self._optional(event.price, self._en(event, "price"))

    def press_note(self, event: Event) -> Localized | None:
        return self._optional(event.press.note if event.press else None, self._en(event, "press_note"))

    def image_alt(self, event: Event) -> Localized | None:
        return self._optional(event.image.alt if event.image else None, self._en(event, "image_alt"))

    def image_credit(self, event: Event) -> Localized | None:
        return self._optional(event.image.credit if event.image else None, self._en(event, "image_credit"))

    def item_title(self, item: ScheduleItem) -> Localized:
        return self._pick(item.title, item.title_en)

    def item_place(self, item: ScheduleItem) -> Localized | None:
        return self._optional(item.place, item.place_en)

    def update_text(self, update: Update) -> Localized:
        return self._pick(update.text, update.text_en)

    def status_note(self, occ: Occurrence) -> Localized | None:
        picked = self._pick(occ.status_note or "", occ.status_note_en)
        return picked if picked.text else None

    @staticmethod
    def _en(event: Event, name: str) -> str | None:
        return getattr(event.en, name) if event.en else None

    def _optional(self, vi: str | None, en: str | None) -> Localized | None:
        return self._pick(vi, en) if vi else None

    def show(self, text: Localized) -> str:
        """HTML of a text: marked lang="vi" and '(in Vietnamese)' on an
        English page that has no translation of it."""
        return marked(text.text, text.lang, self.lang, t(self.lang, "in_vietnamese"))

    def _pick(self, vi: str, en: str | None) -> Localized:
        if self.lang == "en" and en:
            return Localized(en, "en")
        return Localized(vi, "vi")
