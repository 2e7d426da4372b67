"""An event's image on its page, and for the social sites that show a link
to it.

A local image is shown from where :mod:`generator.site.media` publishes it (a
photo's small derivative, with its size so that nothing jumps while it
loads); a remote one is a link, never a request to another host.  Social
sites ignore SVG: an SVG drawing leaves them the site's own picture.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..media import image_location
from ...model.event import Event
from .rendering import Ctx
from ..i18n import t
from .markup import attrs, el, esc, link
from .page import SocialImage


def image_url(ctx: Ctx, event: Event) -> str | None:
    """Site path of a published local image (under media/), or the https URL."""
    return image_location(event, ctx.media)


def social_image(ctx: Ctx, event: Event) -> SocialImage | None:
    """The image social sites show for the page; None leaves the site's."""
    location = image_url(ctx, event)
    if event.image is None or location is None or urlsplit(location).path.lower().endswith(".svg"):
        return None
    picture = ctx.media.get(location)
    if picture is None:
        return SocialImage(location, event.image.alt)
    return SocialImage(ctx.absolute(location), event.image.alt, picture.width, picture.height)


def figure(ctx: Ctx, event: Event) -> str:
    image = event.image
    location = image_url(ctx, event)
    if image is None or location is None:
        return ""
    credit = el("figcaption", esc(f"{t(ctx.lang, 'photo')}: {image.credit}")) if image.credit else ""
    if image.is_url:
        return el("p", link(image.src, esc(f"{t(ctx.lang, 'image_link')}: {image.alt}"), rel="noopener")
                  + (f" ({esc(image.credit)})" if image.credit else ""), class_="sk-image-link")
    picture = ctx.media[location]
    img = f"<img{attrs(src=ctx.link(location), alt=image.alt, width=picture.width, height=picture.height, loading='lazy', decoding='async')}>"
    return el("figure", img + credit, class_="sk-figure")
