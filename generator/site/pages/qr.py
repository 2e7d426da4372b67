"""QR codes of the feeds, drawn at build time as SVG with segno."""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno

from .. import urls


@dataclass(frozen=True)
class QrCode:
    """What a QR code of the site says, and its title."""

    text: str
    title: str

    def svg(self) -> bytes:
        """A scalable QR code (a viewBox, no fixed size), black on white."""
        code = segno.make(self.text, error="m", micro=False)
        out = io.BytesIO()
        code.save(out, kind="svg", border=2, xmldecl=False, omitsize=True, title=self.title,
                  dark="#000", light="#fff", svgclass=None, lineclass=None)
        return out.getvalue()


def feed_code(site_url: str, path: str) -> QrCode:
    """The QR code of the feed at site path ``path``: what a phone should
    open, calendars as webcal:// subscriptions, other feeds as their https
    URL."""
    target = urls.webcal(site_url, path) if path.endswith(".ics") else urls.absolute(site_url, path)
    return QrCode(target, f"QR {path}")
