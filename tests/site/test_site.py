"""Whole builds of a small content tree: `sukien build`, `mkdocs build`,
`sukien export`, and what every built page must hold."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from click.testing import CliRunner

from generator.cli import main

from conftest import ROOT, SITE_CONTENT, SITE_NOW
from test_pages import EVENTS, Tags

HOST = "sukien.laichau.gov.vn"
# attributes through which a page makes the browser request something
_LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
          "audio": "src", "embed": "src", "object": "data", "track": "src"}
_LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect",
                 "dns-prefetch", "manifest", "apple-touch-icon"}


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def third_party(url: str) -> bool:
    host = urlsplit(url).hostname
    return bool(host) and host != HOST


def test_every_event_has_its_pages_and_calendar_file(built_site):
    for event_id in EVENTS:
        assert (built_site / "su-kien" / event_id / "index.html").is_file()
        assert (built_site / "en" / "events" / event_id / "index.html").is_file()
        assert (built_site / "su-kien" / f"{event_id}.ics").is_file()
    for path in ("index.html", "en/index.html", "lich/2026-04/index.html", "theo-doi/index.html",
                 "chu-de/le-hoi/index.html", "dia-ban/khong-lao/index.html", "don-vi/so-vhttdl/index.html",
                 "404.html", "robots.txt", "sitemap.xml", "feeds/events.ics", "feeds/events.rss",
                 "feeds/events.atom", "feeds/category/le-hoi.ics", "api/events.json",
                 "theo-doi/qr/events.svg", "gioi-thieu/index.html", "en/about/index.html"):
        assert (built_site / path).is_file(), path


def test_json_ld_of_built_pages(built_site):
    def data(path: str) -> dict:
        text = (built_site / path).read_text(encoding="utf-8")
        [found] = [json.loads(body) for attrs, body in Tags(text).scripts
                   if attrs.get("type") == "application/ld+json"]
        return found

    then = data("su-kien/le-hoi-then-kin-pang/index.html")
    assert then["startDate"] == "2026-04-26T07:30:00+07:00"
    assert then["eventStatus"] == "https://schema.org/EventScheduled"
    assert data("en/events/hoi-nghi-xuc-tien/index.html")["eventStatus"] == "https://schema.org/EventCancelled"


def test_pages_have_language_canonical_alternates_and_metadata(built_site):
    text = (built_site / "en/events/le-hoi-then-kin-pang/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in text
    tags = Tags(text)
    assert tags.find("link", rel="canonical", href=f"https://{HOST}/en/events/le-hoi-then-kin-pang/")
    assert tags.find("link", rel="alternate", hreflang="vi", href=f"https://{HOST}/su-kien/le-hoi-then-kin-pang/")
    assert tags.find("meta", property="og:title", content="Then Kin Pang Festival")
    assert tags.find("meta", name="twitter:card")
    assert tags.find("a", hreflang="vi", href="../../../su-kien/le-hoi-then-kin-pang/")
    assert '<html lang="vi"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_feed_autodiscovery_on_every_page(built_site):
    for path in html_files(built_site):
        types = {a.get("type") for a in Tags(path.read_text(encoding="utf-8")).find("link", rel="alternate")}
        assert {"application/rss+xml", "application/atom+xml", "text/calendar"} <= types, path


def test_every_page_has_a_raster_social_image(built_site):
    for path in html_files(built_site):
        tags = Tags(path.read_text(encoding="utf-8"))
        [og] = [a["content"] for a in tags.find("meta", property="og:image")]
        [twitter] = [a["content"] for a in tags.find("meta", name="twitter:image")]
        assert og == twitter and og.startswith("https://") and og.endswith((".png", ".jpg")), path
        if not third_party(og):  # else an event's own image on its https address
            assert (built_site / og.split(HOST + "/", 1)[1]).is_file(), path
        assert tags.find("meta", property="og:image:alt"), path


def test_no_third_party_host_is_requested(built_site):
    for path in html_files(built_site):
        for tag, attrs in Tags(path.read_text(encoding="utf-8")).tags:
            if tag == "link" and set((attrs.get("rel") or "").split()) & _LOADING_RELS:
                assert not third_party(attrs.get("href", "")), (path, attrs)
            if tag in _LOADS:
                assert not third_party(attrs.get(_LOADS[tag]) or ""), (path, attrs)
            assert not third_party(attrs.get("srcset") or ""), (path, attrs)
    for path in built_site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert "@import" not in text, path
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert url.startswith(("data:", "#")) or not third_party(url), (path, url)
    for path in built_site.rglob("*.js"):
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", path.read_text(encoding="utf-8")), path


def test_no_script_from_hostile_markdown(built_site):
    for path in html_files(built_site):
        text = path.read_text(encoding="utf-8")
        code = [body for attrs, body in Tags(text).scripts if attrs.get("type") != "application/ld+json"]
        assert "alert(" not in "".join(code), path
        for tag, attrs in Tags(text).tags:
            if tag == "script" and attrs.get("src"):
                assert attrs["src"].endswith("assets/sukien.js"), path
            assert not any(k.startswith("on") for k in attrs), (path, tag, attrs)
            assert not any((v or "").strip().lower().startswith("javascript:") for v in attrs.values()), path


def test_every_link_has_an_address(built_site):
    """An <a> without href is not crawlable (a hostile link's address is
    removed, and its text stays as text)."""
    for path in html_files(built_site):
        for tag, attrs in Tags(path.read_text(encoding="utf-8")).tags:
            if tag == "a":
                assert attrs.get("href"), (path, attrs)


def test_event_page_first_load_stays_light(built_site):
    """HTML + CSS + JS (gzip-compressed) and images of an event page within 150 KiB."""
    page = built_site / "su-kien" / "le-hoi-then-kin-pang" / "index.html"
    text = page.read_text(encoding="utf-8")
    tags = Tags(text)
    files = [page]
    files += [page.parent / a["href"] for a in tags.find("link", rel="stylesheet")]
    files += [page.parent / a["src"] for a in tags.find("script") if a.get("src")]
    files += [page.parent / a["href"] for a in tags.find("link", rel="icon")]
    images = [page.parent / a["src"] for a in tags.find("img")]
    assert images  # the page shows its image
    total = sum(len(gzip.compress(f.resolve().read_bytes())) for f in files + images)
    assert total <= 150 * 1024, total
    assert not list(built_site.glob("search/*.json"))[0].name in text  # no search data on page view


def test_sitemap_lists_events_and_robots_points_to_it(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"https://{HOST}/su-kien/le-hoi-then-kin-pang/" in sitemap
    assert f"https://{HOST}/en/events/le-hoi-then-kin-pang/" in sitemap
    assert f"Sitemap: https://{HOST}/sitemap.xml" in (built_site / "robots.txt").read_text()


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "SUKIEN_NOW": SITE_NOW, "NO_MKDOCS_2_WARNING": "1", **extra}


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_mkdocs_build_gives_the_same_site(built_site, tmp_path):
    out = tmp_path / "mkdocs-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"),
                    "-d", str(out)], env=_env(SUKIEN_CONTENT=str(SITE_CONTENT)), check=True)
    mine, theirs = _tree(built_site), _tree(out)
    assert sorted(mine) == sorted(theirs)
    assert [p for p in mine if mine[p] != theirs[p]] == []


def test_export_builds_without_the_plugin(built_site, tmp_path):
    out = tmp_path / "export"
    result = CliRunner().invoke(main, ["export", str(out), "-f", str(ROOT / "mkdocs.yml"),
                                       "--content", str(SITE_CONTENT)], env=_env())
    assert result.exit_code == 0, result.output
    assert (out / "docs" / "su-kien" / "le-hoi-then-kin-pang" / "index.md").is_file()
    assert (out / "docs" / "feeds" / "events.ics").is_file()
    assert "sukien" not in (out / "mkdocs.yml").read_text(encoding="utf-8").split("plugins:")[1]
    site = tmp_path / "exported-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / "mkdocs.yml"),
                    "-d", str(site)], env=_env(), check=True)
    # The plugin hands its pages to the theme without a Markdown pass; plain
    # MkDocs renders the exported Markdown into the very same bytes.  Only
    # the sitemap's dates (the plugin pins them to the build's day) and the
    # theme files the plugin leaves out differ.
    exported, built = _tree(site), _tree(built_site)
    assert set(built) <= set(exported)
    assert len([p for p in built if p.endswith(".html")]) > 2 * len(EVENTS)
    assert [p for p in built if built[p] != exported[p] and not p.startswith("sitemap.xml")] == []


def test_invalid_content_builds_nothing_and_keeps_the_old_site(tmp_path):
    content = tmp_path / "content"
    subprocess.run(["cp", "-r", str(SITE_CONTENT), str(content)], check=True)
    bad = content / "events" / "so-vhttdl" / "hong.yaml"
    bad.write_text("title: Hỏng\nstart: 07/04/2026\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site),
                                       "--content", str(content)], env=_env())
    assert result.exit_code == 1
    assert "hong.yaml" in result.output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "old"


def test_preview_watches_the_content(monkeypatch):
    from mkdocs.config import load_config

    watched = []

    class Server:
        def watch(self, path):
            watched.append(path)

    monkeypatch.setenv("SUKIEN_NOW", SITE_NOW)
    monkeypatch.setenv("SUKIEN_CONTENT", str(SITE_CONTENT))
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    config.plugins.on_config(config)
    config.plugins.on_serve(Server(), config=config, builder=None)
    assert watched == [str(SITE_CONTENT)]
