"""Small helpers to write HTML safely: every text goes through :func:`esc`.

Pages are Markdown files made of raw HTML blocks (Python-Markdown and every
MkDocs-compatible builder pass those through untouched), so no text of an
event is ever read as Markdown by the site builder: it is either escaped
here or rendered and sanitised by ``generator.site.richtext``.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from ..jsontext import json_text

Attr = str | int | bool | None

# A start tag as :func:`attrs` writes it (values double-quoted, never
# holding a quote or ">"), and the attributes a link can aim at.
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>")
_TARGET = re.compile(r'(?<=\s)(id|name)="([^"]*)"')


_SPECIAL = re.compile(r"[&<>\"']")
_NAMES: dict[str, str] = {}  # attribute names as written, by keyword


def esc(text: object) -> str:
    """Escape text for an HTML element or a quoted attribute (as
    ``html.escape(quote=True)``; most texts have nothing to escape)."""
    text = str(text)
    return html.escape(text, quote=True) if _SPECIAL.search(text) else text


def attrs(**values: Attr) -> str:
    """' name="value"' pairs; None and False are left out, True is a bare
    attribute.  A trailing underscore is dropped (class_), other
    underscores become hyphens (data_end, aria_current)."""
    return _attrs(values)


def _attrs(values: dict[str, Attr]) -> str:
    # the pages' innermost loop (a quarter of a million attributes at 1,000
    # events): esc written out, the names worked out once
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = _NAMES.get(key)
        if name is None:
            name = _NAMES[key] = key.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(" " + name)
            continue
        text = value if type(value) is str else str(value)
        if _SPECIAL.search(text):
            text = html.escape(text, quote=True)
        parts.append(f' {name}="{text}"')
    return "".join(parts)


def el(tag: str, inner: str = "", **values: Attr) -> str:
    """An element whose ``inner`` HTML is already safe."""
    if not values:
        return f"<{tag}>{inner}</{tag}>"
    return f"<{tag}{_attrs(values)}>{inner}</{tag}>"


def link(href: str, inner: str, **values: Attr) -> str:
    return el("a", inner, href=href, **values)


def iso(value: dt.date) -> str:
    """ISO 8601: a date, or a date-time with its offset (no seconds when zero)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def in_lang(text: str, text_lang: str, page_lang: str) -> str:
    """Escaped text, marked with its language when it differs from the page's."""
    return esc(text) if text_lang == page_lang else el("span", esc(text), lang=text_lang)


def marked(text: str, text_lang: str, page_lang: str, note: str) -> str:
    """Like :func:`in_lang`, and a text left untranslated is followed by
    ``note`` ('(in Vietnamese)') for the reader."""
    if text_lang == page_lang:
        return esc(text)
    return el("span", esc(text), lang=text_lang) + " " + el("span", esc(note), class_="sk-untr")


def json_script(data: object, kind: str = "application/ld+json") -> str:
    """A JSON data block that no string inside can close or break out of."""
    return f'<script type="{kind}">{json_text(data)}</script>'


def block(*parts: str) -> str:
    """Join HTML blocks for a Markdown page: each block starts a line and is
    followed by a blank line, which ends it for the Markdown parser."""
    return "\n\n".join(p.strip() for p in parts if p and p.strip()) + "\n"


def anchor_ids(page_html: str) -> set[str]:
    """The ids a link can point to in HTML written with these helpers
    (``id`` attributes and ``<a name>``), without an HTML parser."""
    found: set[str] = set()
    if 'id="' not in page_html and 'name="' not in page_html:
        return found  # an event's page: none (a look at every tag was 2 % of a 10k full build)
    for tag in _START_TAG.finditer(page_html):
        attributes = tag.group(2)
        if not attributes or ("id=" not in attributes and "name=" not in attributes):
            continue  # most tags: no target, and no need to look closer
        for name, value in _TARGET.findall(attributes):
            if name == "id" or tag.group(1).lower() == "a":
                found.add(html.unescape(value))
    return found
