"""What every page renderer needs: the content, the agenda, the language
and the page's own URL (to write relative links)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ...load.config import SiteConfig
from ..media import Picture
from ...model.event import Content, Event
from ...model.occurrence import Occurrence
from .. import urls
from .agenda import Agenda


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
        found = self.content.category(category_id)
        if found is None:
            return category_id
        return found.name_en if self.lang == "en" else found.name

    def area_name(self, area_id: str) -> str:
        found = self.content.area(area_id)
        if found is None:
            return area_id
        return (found.name_en or found.name) if self.lang == "en" else found.name

    def region_name(self, area_id: str) -> str | None:
        found = self.content.area(area_id)
        if found is None:
            return None
        return (found.region_en or found.region) if self.lang == "en" else found.region

    def unit_name(self, unit_id: str) -> str:
        found = self.content.unit(unit_id)
        if found is None:
            return unit_id
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

    def status_note(self, occ: Occurrence) -> Localized | None:
        picked = self._pick(occ.status_note or "", occ.status_note_en)
        return picked if picked.text else None

    def _pick(self, vi: str, en: str | None) -> Localized:
        if self.lang == "en" and en:
            return Localized(en, "en")
        return Localized(vi, "vi")
