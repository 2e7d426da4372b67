"""Every event of a content tree as the build publishes it: its
occurrences up to the build's horizon and its image where it is published.

Worked out once per build (:func:`generator.pipeline.prepare.prepare`) and
handed to the pages and the feeds alike, so that neither expands a series
or resolves an image again, and both publish the same years and pictures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..load.config import SiteConfig
from ..model.clock_state import horizon_year
from ..model.event import Content, Event
from ..model.occurrence import Occurrence
from ..model.repeats import occurrences
from .media import Picture, image_location, published_media


@dataclass(frozen=True)
class Catalogue:
    content: Content
    occurrences: Mapping[str, tuple[Occurrence, ...]]  # event id -> its occurrences, in year order
    media: Mapping[str, Picture]  # site path -> every published local image

    @classmethod
    def build(cls, content: Content, config: SiteConfig, now: dt.datetime) -> Catalogue:
        """The catalogue at ``now``: a series is published up to
        ``years_ahead`` years after the current year (the site's)."""
        until_year = horizon_year(now, config.timezone, config.years_ahead)
        expanded = {event.id: tuple(occurrences(event, until_year=until_year)) for event in content.events}
        return cls(content, expanded, published_media(content))

    def of(self, event: Event) -> tuple[Occurrence, ...]:
        return self.occurrences[event.id]

    def every_occurrence(self) -> Iterator[Occurrence]:
        for event in self.content.events:
            yield from self.occurrences[event.id]

    def image(self, event: Event) -> str | None:
        """The event's image: its https URL, or its site path if published."""
        return image_location(event, self.media)
