"""Markdown written by units, rendered to HTML that is safe to publish.

The Markdown is rendered first and the *result* is cleaned with nh3 (a
maintained sanitiser, Rust's ammonia), so raw HTML inside the Markdown gets
the same treatment: no script, no event handler, no ``javascript:`` or
``data:`` URL.  A link that loses its address that way becomes plain text:
an ``<a>`` without ``href`` is neither a link nor crawlable.
"""

from __future__ import annotations

import functools
import html
import re

import markdown
import nh3

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
_SCHEMES = {"http", "https", "mailto", "tel"}
# An <a> as nh3 writes it (every attribute value double-quoted, quotes
# escaped inside) and its text: links cannot nest, so the next </a> closes it.
_ANCHOR = re.compile(r'<a((?:\s+[^\s=>"]+="[^"]*")*)\s*>(.*?)</a>', re.DOTALL)
_HREF = re.compile(r'\shref="')
_HREF_VALUE = re.compile(r'\shref="([^"]*)"')
# One converter, reset between texts: building one per call is slow.
_MARKDOWN = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


@functools.lru_cache(maxsize=8192)
def render_markdown(text: str | None) -> str:
    """Markdown to sanitised HTML ('' for no text); once per text and
    build (a description reaches both languages' pages and every feed)."""
    if not text:
        return ""
    html = _MARKDOWN.reset().convert(text)
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener nofollow",
    )
    return _ANCHOR.sub(_unwrap_dead_link, clean)


def _unwrap_dead_link(anchor: re.Match) -> str:
    """An anchor whose address the sanitiser removed gives way to its text."""
    return anchor.group(0) if _HREF.search(anchor.group(1)) else anchor.group(2)


def plain_text(text: str | None) -> str:
    """Markdown to plain text (for iCalendar descriptions, meta tags); a
    link keeps its address after its words ('Cổng tỉnh (https://...)'),
    since a plain-text reader has no other way to follow it."""
    if not text:
        return ""
    linked = _ANCHOR.sub(_spelled_out, render_markdown(text))
    return html.unescape(nh3.clean(linked, tags=set())).strip()


def _spelled_out(anchor: re.Match) -> str:
    """A sanitised link as its text and its address (once, when they differ)."""
    href = _HREF_VALUE.search(anchor.group(1))
    if href is None:
        return anchor.group(2)
    address = href.group(1)
    words = html.unescape(nh3.clean(anchor.group(2), tags=set())).strip()
    if html.unescape(address).removeprefix("mailto:").removeprefix("tel:") in (words, ""):
        return anchor.group(2)
    return f"{anchor.group(2)} ({address})"
