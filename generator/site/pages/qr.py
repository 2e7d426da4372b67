"""QR codes of the feeds, drawn at build time as SVG with segno."""

from __future__ import annotations

import io

import segno

from .. import urls


def qr_svg(text: str, title: str) -> bytes:
    """A scalable QR code (a viewBox, no fixed size), black on white."""
    code = segno.make(text, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", border=2, xmldecl=False, omitsize=True, title=title,
              dark="#000", light="#fff", svgclass=None, lineclass=None)
    return out.getvalue()


def feed_target(site_url: str, path: str) -> str:
    """What a phone should open: calendars as webcal:// subscriptions,
    other feeds as their https URL."""
    return urls.webcal(site_url, path) if path.endswith(".ics") else urls.absolute(site_url, path)
