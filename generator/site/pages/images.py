"""An event's image on its page, and for the social sites that show a link
to it.

A local image is shown from where :mod:`generator.site.media` publishes it (a
photo's small derivative, with its size so that nothing jumps while it
loads); a remote one is a link, never a request to another host.  Social
sites ignore SVG: a remote SVG drawing leaves them the site's own picture.
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
        return SocialImage(location, _alt(ctx, event))
    return SocialImage(ctx.absolute(location), _alt(ctx, event), picture.width, picture.height)


def _alt(ctx: Ctx, event: Event) -> str:
    alt = ctx.image_alt(event)
    return alt.text if alt else ""


def figure(ctx: Ctx, event: Event) -> str:
    """The photo that heads the event page: sized, and fetched first (it is
    the largest thing the first screen shows).  Its description and credit
    are in the page's language when the file gives them so; otherwise the
    Vietnamese ones are marked as such.  A remote image is not shown (no
    request to another host): :func:`remote_link` links to it."""
    image, location = event.image, image_url(ctx, event)
    alt, credit = ctx.image_alt(event), ctx.image_credit(event)
    if image is None or image.is_url or location is None or alt is None:
        return ""
    picture = ctx.media[location]
    img = (f"<img{attrs(src=ctx.link(location), alt=alt.text, lang=alt.lang if alt.lang != ctx.lang else None, width=picture.width, height=picture.height, fetchpriority='high', decoding='async')}>")
    caption = el("figcaption", f"{esc(t(ctx.lang, 'photo'))}: {ctx.show(credit)}") if credit else ""
    return el("figure", img + caption, class_="sk-figure sk-figure--lead")


def remote_link(ctx: Ctx, event: Event) -> str:
    """A link to an image kept on another site, with its description."""
    image, alt, credit = event.image, ctx.image_alt(event), ctx.image_credit(event)
    if image is None or not image.is_url or alt is None:
        return ""
    text = link(image.src, esc(f"{t(ctx.lang, 'image_link')}: {alt.text}"), rel="noopener",
                lang=alt.lang if alt.lang != ctx.lang else None)
    return el("p", text + (f" ({ctx.show(credit)})" if credit else ""), class_="sk-image-link")
