"""A stencil gives a page the theme's output it would get from the
templates, or nothing: each page is rendered both ways and compared, with
templates that branch on the page's texts, and with the site's own theme."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.utils.templates import url_filter

from generator.pipeline import cache, stencil
from generator.pipeline.stencil import Stencils
from tests.conftest import ROOT, SITE_CONTENT, SITE_NOW


@dataclass
class Page:
    title: str
    url: str
    meta: dict = field(default_factory=dict)
    content: str = "<h1>Bài</h1>"
    is_homepage: bool = False


BRANCHES = """\
<title>{% if page.title != site %}{{ page.title | e }} – {% endif %}{{ site }}</title>
{% if page.meta.description %}<meta content="{{ page.meta.description | e }}">{% endif %}
{% for key in page.meta.alternates %}<link hreflang="{{ key }}" href="{{ page.meta.alternates[key] | url }}">{% endfor %}
<a href="{{ 'lich/' | url }}"{% if page.url[:5] == 'lich/' %} class="in"{% endif %}>{{ words[page.meta.lang] }}</a>
<a href="{{ 'su-kien/' | url }}">all</a> <a href="{{ 'su-kien/su-kien-00013/' | url }}">13</a>
{{ (page.title | e) | e }} {{ page.url }} {{ page.title | length > 30 }}
{% if "<h1" in page.content %}{{ page.content }}{% else %}<h1>{{ page.title }}</h1>{{ page.content }}{% endif %}
"""


def _env(source: str) -> tuple[jinja2.Environment, jinja2.Template]:
    env = jinja2.Environment()
    env.filters["url"] = url_filter
    return env, env.from_string(source)


def _stencils(env: jinja2.Environment, template: jinja2.Template, calls: list) -> Stencils:
    def render(context):
        calls.append(context["page"])
        return template.render(context)

    return Stencils(render, env)


def _page(number: int, **changes) -> Page:
    slug = f"su-kien-{number:05d}"
    page = Page(title=f"Lễ hội số {number}", url=f"su-kien/{slug}/",
                meta={"description": f"Mô tả {number}", "lang": "vi",
                      "alternates": {"vi": f"su-kien/{slug}/", "en": f"en/events/{slug}/"}},
                content=f"<h1>Lễ hội số {number}</h1><p>Nội dung {number} &amp; thêm</p>")
    for name, value in changes.items():
        setattr(page, name, value)
    return page


def _context(page: Page) -> dict:
    depth = page.url.rstrip("/").count("/") + 1 if page.url else 0
    return {"page": page, "site": "Sự kiện Lai Châu", "words": {"vi": "Lịch", "en": "Calendar"},
            "base_url": "/".join([".."] * depth) or "."}


def _both(pages: list[Page], source: str = BRANCHES) -> tuple[list[str], list[str], int]:
    env, template = _env(source)
    calls: list = []
    made = _stencils(env, template, calls)
    got = [made.render(page, _context(page)) for page in pages]
    real = [template.render(_context(page)) for page in pages]
    return got, real, len([page for page in calls if isinstance(page, Page)])


def test_pages_like_the_first_are_served_by_its_stencil():
    pages = [_page(n) for n in range(10, 50)]  # titles of one length: the template measures them
    got, real, rendered = _both(pages)
    assert got == real
    assert rendered == 3  # the first page, and its stencil's first two uses checked; every other one from it
    assert "Lễ hội số 17 – Sự kiện Lai Châu" in got[7]


@pytest.mark.parametrize("odd", [
    {"title": "Sự kiện Lai Châu"},  # equal to what the template compares it with
    {"title": "Hội <Xuân> & \"Tết\" 'mới'"},  # escaped once and twice
    {"title": "Một tên rất dài, dài hơn ba mươi chữ cái"},  # its length tested
    {"meta": {"description": "", "lang": "vi", "alternates": {"vi": "su-kien/x/"}}},  # empty, one key
    {"meta": {"description": "D", "lang": "en", "alternates": {"vi": "su-kien/x/", "en": "en/events/x/"}}},
    {"content": "<p>Không có tiêu đề</p>"},
    {"url": "lich/2026-04/"},  # another folder: its links are not the same
    {"url": "su-kien/su-kien-00009/", "meta": {"description": "D", "lang": "vi",
                                               "alternates": {"vi": "su-kien/su-kien-00009/con/"}}},
    {"meta": {"description": "D", "lang": "vi", "alternates": {"vi": "https://example.vn/x/"}}},
    {"is_homepage": True},
])
def test_a_page_that_differs_where_the_template_looks_gets_its_own_output(odd):
    pages = [_page(11), _page(12), _page(13, **odd), *(_page(n) for n in range(14, 20))]
    got, real, rendered = _both(pages)
    assert got == real
    assert rendered < len(pages) - 2


def _meta(**values) -> dict:
    return {"description": "D", "lang": "vi", "alternates": {"vi": "su-kien/x/"}, **values}


# a template, what the first pages have, what a later one has (after the
# stencil's first uses are checked): filters and tests that work on a text
# once it is a plain string, templates named by a text, values equal but
# printed differently, texts inside an inspection's tuple, Markup, and an
# inspection that fails on the later page's text
LATER = {
    "replace": ("{{ page.title | replace(' ', '+') }}", {"title": "Tết"}, {"title": "Lễ hội"}),
    "joined, then cut": ("{{ (page.title ~ ' – ' ~ site) | truncate(30) }}", {"title": "Ngắn"},
                         {"title": "Một tiêu đề rất dài cho sự kiện"}),
    "a filter block": ("{% filter upper %}{{ page.title }}{% endfilter %}", {"title": "ABC"}, {"title": "abc"}),
    "a number in a text": ("{% if page.meta.prio | int > 5 %}HOT{% endif %}", {"meta": _meta(prio="3")},
                           {"meta": _meta(prio="9")}),
    "title case": ("{{ page.title | title }}", {"title": "Hello World"}, {"title": "hello world"}),
    "escaped, then cut": ("{{ page.title | e | truncate(12) }}", {"title": "Short"}, {"title": "A much longer title"}),
    "an include named by a text": ("{% include ['p/' ~ page.meta.kind ~ '.html', 'p/d.html'] %}",
                                   {"meta": _meta(kind="a")}, {"meta": _meta(kind="f")}),
    "True and 1": ("{{ page.meta.flag }}", {"meta": _meta(flag=True)}, {"meta": _meta(flag=1)}),
    "a text in a tuple": ("{% if page.url.startswith((page.meta.a, 'zz')) %}IN{% endif %}",
                          {"meta": _meta(a="lich")}, {"meta": _meta(a="su-kien")}),
    "Markup": ("{{ page.content + '<hr>' }}", {"content": "plain"}, {"content": Markup("<p>x</p>")}),
    "a filter that reads the text itself": ("{{ page.meta.d | urlize }}", {"meta": _meta(d="x")},
                                            {"meta": _meta(d="see https://x.vn")}),
    "a link written with a backslash": ("<a href=\"{{ 'su-kien\\\\su-kien-00005/' | url }}\">5</a>", {}, {}),
    "an inspection that fails": ("{% if page.title.count('{') == 0 %}{{ page.title.format(1) }}{% endif %}",
                                 {"title": "abc"}, {"title": "a{b"}),
}


@pytest.mark.parametrize("case", LATER)
def test_a_later_page_gets_what_the_templates_give_it(case):
    source, first, later = LATER[case]
    env = jinja2.Environment(loader=jinja2.DictLoader({"p/f.html": "F", "p/d.html": "D", "t": source}))
    env.filters["url"] = url_filter
    template = env.get_template("t")
    made = _stencils(env, template, [])
    pages = [*(_page(n, **first) for n in range(1, 5)), _page(5, **later), _page(6, **first), _page(7, **later)]
    assert [made.render(p, _context(p)) for p in pages] == [template.render(_context(p)) for p in pages]
    assert env.filters["url"] is url_filter and "get_template" not in vars(env)  # given back


def test_a_text_printed_in_a_form_the_markers_do_not_show_leaves_the_template_alone():
    pages = [_page(n) for n in range(1, 6)]
    got, real, rendered = _both(pages, "<script>{{ page.title | tojson }}</script>{{ page.content }}")
    assert got == real
    assert rendered == len(pages)  # no stencil: every page rendered


def test_a_template_that_fails_on_marked_texts_is_rendered_as_before():
    source = "{% import 'x/' ~ page.meta.lang ~ '.html' as words %}{{ page.title }}"
    env = jinja2.Environment(loader=jinja2.DictLoader({"x/vi.html": "", "t": source}))
    env.filters["url"] = url_filter
    template = env.get_template("t")
    calls: list = []
    made = _stencils(env, template, calls)
    pages = [_page(n) for n in range(1, 4)]
    assert [made.render(p, _context(p)) for p in pages] == [template.render(_context(p)) for p in pages]
    assert env.filters["url"] is url_filter  # given back


def test_a_text_holding_a_markers_character_is_never_marked():
    pages = [_page(1, title="Lễ \ue000 hội"), _page(2, title="Lễ \ue001 hội"), _page(3)]
    got, real, _ = _both(pages)
    assert got == real


# --- the site's own theme -----------------------------------------------------

def _tricky_content(root: Path) -> Path:
    """The bundled content with titles the theme compares, escapes and
    shortens, and many events alike."""
    content = root / "content"
    shutil.copytree(SITE_CONTENT, content)
    first = next((content / "events").rglob("*.yaml"))
    text = first.read_text(encoding="utf-8")
    for n, title in enumerate(["Sự kiện Lai Châu", "Hội <Xuân> & \"Tết\" 'mới'", *[f"Ngày hội {n}" for n in range(12)]]):
        copy = first.with_name(f"ban-sao-{n}.yaml")
        lines = [f"title: '{title.replace(chr(39), chr(39) * 2)}'" if line.startswith("title:") else line
                 for line in text.splitlines()]
        copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return content


def test_the_sites_pages_are_the_same_through_stencils(tmp_path, monkeypatch):
    log = tmp_path / "log"
    real_render, real_fill = Stencils.render, stencil.Stencil.fill

    def checked(self, page, context):
        output = real_render(self, page, context)
        expected = self._render(context)
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{'same' if output == expected else 'DIFFERENT'} {page.url}\n")
        return output

    def counted(self, page, context):
        output = real_fill(self, page, context)
        if output is not None:
            with open(log, "a", encoding="utf-8") as out:
                out.write(f"filled {page.url}\n")
        return output

    monkeypatch.setattr(Stencils, "render", checked)
    monkeypatch.setattr(stencil.Stencil, "fill", counted)
    monkeypatch.setenv("SUKIEN_CONTENT", str(_tricky_content(tmp_path)))
    monkeypatch.setenv("SUKIEN_NOW", SITE_NOW)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(config)
    lines = log.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("DIFFERENT")] == []
    checked_pages = [line.split(" ", 1)[1] for line in lines if line.startswith("same ")]
    filled = {line.split(" ", 1)[1] for line in lines if line.startswith("filled ")}
    events = [url for url in checked_pages if url.startswith(("su-kien/", "en/events/"))]
    assert len(events) > 40
    # the events alike: all but a few from a stencil, in both languages
    assert len([url for url in events if url in filled]) > len(events) // 2
    assert any(url.startswith("en/events/") for url in filled) and any(url.startswith("su-kien/") for url in filled)
