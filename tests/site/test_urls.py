"""Links between site paths (generator.site.urls.relative)."""

from __future__ import annotations

import posixpath
import random

import pytest

from generator.site import urls

PATHS = ["", "su-kien/hoi-xuan/", "en/events/hoi-xuan/", "lich/2026/12/", "en/calendar/2026/12/",
         "assets/sukien.css", "feeds/events.ics", "bao-chi/", "en/", "lich/", "su-kien/",
         "404.html", "search/search_index.json", "lich/2026/", "su-kien/hoi-xuan/anh.jpg"]


def reference(from_page: str, to: str) -> str:
    """What the links were before: posixpath.relpath, from the site's root."""
    target = posixpath.relpath("/" + (to or "."), "/" + (from_page or "."))
    if to.endswith("/") or not to:
        target = "./" if target == "." else target + "/"
    return target


@pytest.mark.parametrize("from_page", PATHS)
def test_relative_agrees_with_relpath_between_site_paths(from_page):
    for to in PATHS:
        assert urls.relative(from_page, to) == reference(from_page, to), (from_page, to)


def test_relative_agrees_with_relpath_on_random_paths():
    rng = random.Random(12)
    names = ["a", "b", "ab", "lich", "2026", "x.html", ".", ""]
    for _ in range(5000):
        a = "/".join(rng.choice(names) for _ in range(rng.randint(0, 4))) + rng.choice(["", "/"])
        b = "/".join(rng.choice(names) for _ in range(rng.randint(0, 4))) + rng.choice(["", "/"])
        assert urls.relative(a, b) == reference(a, b), (a, b)


def test_a_page_links_to_itself_and_to_the_root():
    assert urls.relative("su-kien/hoi-xuan/", "su-kien/hoi-xuan/") == "./"
    assert urls.relative("su-kien/hoi-xuan/", "") == "../../"
    assert urls.relative("", "assets/sukien.css") == "assets/sukien.css"
