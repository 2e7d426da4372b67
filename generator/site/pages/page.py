"""A generated page: its URL, its metadata and its HTML body, written out
as a Markdown file with YAML front matter.

The front matter is what the theme override (``overrides/main.html``)
turns into the ``<head>``: title, description, language and its
alternate, feed autodiscovery links, OpenGraph image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import yaml

from .. import urls
from .markup import anchor_ids

_SPACES = re.compile(r"\s+")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: front matter is hot


@dataclass(frozen=True)
class Feed:
    """A feed offered for autodiscovery: MIME type, title, site path."""

    type: str
    title: str
    href: str


@dataclass(frozen=True)
class SocialImage:
    """The image of a page for OpenGraph and Twitter cards (absolute URL)."""

    url: str
    alt: str
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Page:
    url: str
    lang: str
    title: str
    description: str
    body: str
    alternate: str | None = None  # the same page in the other language
    feeds: tuple[Feed, ...] = ()
    image: SocialImage | None = None  # None: the site's own picture
    og_type: str = "website"
    lastmod: str | None = None  # for the sitemap

    @property
    def source(self) -> str:
        return urls.source(self.url)

    @cached_property
    def anchors(self) -> set[str]:
        """The ids a link can point to in the body (worked out once: a
        forked copy that makes the page ahead sends them with it)."""
        return anchor_ids(self.body.strip())

    def meta(self) -> dict:
        alternates = {self.lang: self.url}
        if self.alternate is not None:
            alternates[urls.other(self.lang)] = self.alternate
        meta: dict[str, object] = {
            "title": one_line(self.title),
            "description": clip(one_line(self.description), 200),
            "lang": self.lang,
            "alternates": dict(sorted(alternates.items(), key=lambda kv: kv[0] != "vi")),
            "og_type": self.og_type,
            "hide": ["navigation", "toc"],
            "generator": "sukien",  # overrides/main.html: the page as it is, without the theme's extras
        }
        if self.feeds:
            meta["feeds"] = [{"type": f.type, "title": f.title, "href": f.href} for f in self.feeds]
        if self.image:
            image: dict[str, str | int] = {"url": self.image.url, "alt": self.image.alt}
            if self.image.width and self.image.height:
                image.update(width=self.image.width, height=self.image.height)
            meta["image"] = image
        if self.lastmod:
            meta["lastmod"] = self.lastmod
        return meta

    def markdown(self) -> str:
        front = yaml.dump(self.meta(), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
        return f"---\n{front}---\n\n{self.body}"


def one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
