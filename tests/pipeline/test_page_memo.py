"""The theme's output for a generated page is given again from the memo
only when nothing it depends on has changed, and only when it is intact:
each input is changed in turn, and the rebuild with the memo warm is
compared, file by file, with a clean build (empty cache)."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from generator.pipeline import cache
from generator.pipeline.memo import KEEP_BUILDS, KEEP_KINDS, PageMemo, stored
from generator.pipeline.process import leave_copy

from test_cache import _append, _build, _edit, _tree, project  # noqa: F401 (a fixture)
from conftest import ROOT


def _entries(kept: Path) -> dict[str, bytes]:
    """The theme's outputs in the memo, by key (not the core's pages, kept
    as the length of a JSON object, the object and their HTML beside them,
    tests/pipeline/test_core_memo.py, nor the feeds' entries, JSON arrays
    and objects, calendars and QR codes, tests/pipeline/test_feed_memo.py)."""
    found = {key: _read(pack, offset, length) for key, pack, offset, length, _ in stored(kept)}
    return {key: data for key, data in found.items()
            if not data.startswith((b"{", b"[", b"BEGIN:VCALENDAR", b"<svg")) and not re.match(rb"\d+:\{", data)}


def _read(pack: Path, offset: int, length: int) -> bytes:
    with pack.open("rb") as data:
        data.seek(offset)
        return data.read(length)


def _fits(kept: bytes, output: bytes) -> bool:
    """Whether the theme's frame ``kept`` is that of the page ``output``
    (the memo keeps a page's output without its content)."""
    head, _, rest = kept.decode("utf-8").partition(":")
    page = output.decode("utf-8")
    if head == "-":
        return rest == page
    cut = int(head)
    return len(rest) < len(page) and page.startswith(rest[:cut]) and page.endswith(rest[cut:])


def _key_of(kept: Path, output: bytes) -> str:
    """The key of the memo entry that holds ``output``'s frame."""
    found = [key for key, data in _entries(kept).items() if _fits(data, output)]
    assert len(found) == 1
    return found[0]


def _show_the_nav(root: Path) -> None:
    """Make every page's output read the navigation (titles, URLs, order)
    and its neighbours, as a theme with a menu or page footer does."""
    _edit(root / "overrides" / "partials" / "sk-footer.html", '<footer class="sk-footer">',
          '<footer class="sk-footer"><ul>{% for item in nav %}<li><a href="{{ item.url | url }}">'
          '{{ item.title }}</a></li>{% endfor %}</ul>'
          '{% if page.next_page %}<a rel="next" href="{{ page.next_page.url | url }}">'
          '{{ page.next_page.title }}</a>{% endif %}')


def test_a_page_is_given_from_the_memo_only_when_intact(project, tmp_path, monkeypatch):  # noqa: F811
    kept = tmp_path / "cache"
    _build(project, tmp_path / "a", kept, monkeypatch)
    built = _tree(tmp_path / "a")
    stored_first = _entries(kept)
    assert stored_first and not [p for p in (tmp_path / "a").rglob("*") if p.suffix in (".pack", ".index")]
    pages = [path for path in built if path.endswith(".html")]
    assert len(stored_first) < len(pages) // 4  # pages that may stand keep no frame: the next build leaves them
    for _, pack, offset, length, digest in stored(kept):
        assert hashlib.sha256(_read(pack, offset, length)).hexdigest() == digest

    _build(project, tmp_path / "b", kept, monkeypatch)  # another folder: no site to give again
    assert _tree(tmp_path / "b") == built
    assert _entries(kept) == stored_first  # every page found its output, none was added

    home = _key_of(kept, built["index.html"])
    served = built["index.html"].replace(b"</body>", b"<!-- memo --></body>")
    forged = PageMemo(kept, "forged")
    forged.put(home, "-:" + served.decode("utf-8"))  # a whole page
    forged.finish()
    _build(project, tmp_path / "c", kept, monkeypatch)
    assert _tree(tmp_path / "c")["index.html"] == served  # the page came from the memo

    (_, pack, offset, length, _), = [entry for entry in stored(kept) if entry[0] == home][-1:]
    with pack.open("r+b") as data:  # changed on disk, the same length
        data.seek(offset)
        data.write(served.replace(b"<!-- memo -->", b"<!-- m3mo -->")[:length])
    _build(project, tmp_path / "d", kept, monkeypatch)
    assert _tree(tmp_path / "d") == built
    (_, pack, offset, length, _), = [entry for entry in stored(kept)
                                     if _fits(_entries(kept).get(entry[0], b"-:"), built["lich/index.html"])][-1:]
    os.truncate(pack, offset + length - 100)  # cut short
    _build(project, tmp_path / "e", kept, monkeypatch)
    assert _tree(tmp_path / "e") == built
    assert set(_entries(kept)) == set(stored_first)  # rendered again and stored again, intact


def test_each_input_of_the_theme_in_turn(project, tmp_path, monkeypatch):  # noqa: F811
    _show_the_nav(project)
    site, kept = tmp_path / "site", tmp_path / "cache"
    _build(project, site, kept, monkeypatch)
    event = next((project / "content" / "events").rglob("*.yaml"))
    mkdocs_yml = project / "mkdocs.yml"
    changes = {
        "an event": lambda: _edit(event, "title: ", "title: Đã sửa "),
        "a registry": lambda: _edit(project / "content" / "categories.yaml", "name: ", "name: Mới "),
        "mkdocs.yml extra": lambda: _append(mkdocs_yml, "\nextra:\n  version:\n    provider: mike\n"),
        "a theme option": lambda: _edit(mkdocs_yml, "  features: []", "  features: []\n  palette:\n    scheme: slate"),
        "an override template": lambda: _edit(project / "overrides" / "partials" / "sk-header.html",
                                              '<header class="sk-header">', '<header class="sk-header" data-x="1">'),
        "the navigation": lambda: (_edit(mkdocs_yml, "  - gioi-thieu.md\n", ""),
                                   _edit(mkdocs_yml, "  - index.md\n", "  - index.md\n  - gioi-thieu.md\n")),
        "a hand-written page's title": lambda: _edit(project / "docs" / "gioi-thieu.md", "title: ", "title: Mới: "),
        "the build's day": lambda: monkeypatch.setenv("SUKIEN_NOW", "2026-04-21T10:00:00+07:00"),
    }
    for n, (name, change) in enumerate(changes.items()):
        before, memo = _tree(site), _entries(kept)
        change()
        _build(project, site, kept, monkeypatch)
        clean = tmp_path / f"clean-{n}"
        _build(project, clean, tmp_path / f"empty-{n}", monkeypatch)
        a, b = _tree(site), _tree(clean)
        assert sorted(a) == sorted(b) and [p for p in a if a[p] != b[p]] == [], name
        assert a != before, name  # the change shows: a page from the memo would have been stale
        if name in ("an event", "a registry"):  # the frame is the same: most pages came from the memo
            assert len(set(memo) & set(_entries(kept))) > len(memo) // 2, name


def test_a_memo_keeps_what_the_last_builds_of_each_kind_used(tmp_path):
    def build(*keys: str, kind: str = "build") -> None:
        memo = PageMemo(tmp_path, kind)
        for key in keys:
            if memo.get(key) is None:
                memo.put(key, f"<html>{key} ✓</html>")
        memo.finish()

    def left() -> list[str]:
        return sorted({key for key, *_ in stored(tmp_path)})

    build("aa1", "bb1")
    last = KEEP_BUILDS + 2
    for n in range(2, last + 1):  # bb1 used by every build, each cc by one
        build("bb1", f"cc{n}")
    # a build's entries are kept together: aa1 lives as long as bb1 is used
    assert left() == ["aa1", "bb1", *(f"cc{n}" for n in range(last - KEEP_BUILDS + 1, last + 1))]
    assert PageMemo(tmp_path).get("bb1") == "<html>bb1 ✓</html>"
    assert PageMemo(tmp_path).get("cc2") is None

    kept = left()
    for n in range(2 * KEEP_BUILDS):  # previews, with keys of their own
        build(f"ee{n}", kind="serve")
    assert set(kept) < set(left())  # they do not push out the last builds' pages
    for kind in range(KEEP_KINDS):  # until the builds are no longer among the last kinds
        build(f"ff{kind}", kind=f"other-{kind}")
    assert not set(kept) & set(left())


def test_copies_of_a_build_write_packs_of_their_own_and_the_build_keeps_them(tmp_path):
    memo = PageMemo(tmp_path)
    memo.put("aa", "<p>before the copy</p>")
    child = os.fork()
    if child == 0:
        try:
            memo.put("bb", "<p>in the copy</p>")
            assert memo.get("bb") == "<p>in the copy</p>"  # held back, then written when read
        finally:
            leave_copy(0)  # what the copy holds back is written as it leaves
    os.waitpid(child, 0)
    assert memo.get("aa") == "<p>before the copy</p>"
    memo.finish()
    assert len(list((tmp_path / "pages" / "packs").glob("*.pack"))) == 2
    again = PageMemo(tmp_path)
    assert (again.get("aa"), again.get("bb")) == ("<p>before the copy</p>", "<p>in the copy</p>")


def test_the_memo_lives_under_the_cache_root(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "kept"))
    memo = PageMemo(cache.cache_root())
    memo.put("0123abcd", "<p>x</p>")
    assert sorted(p.suffix for p in (tmp_path / "kept" / "pages" / "packs").iterdir()) == [".index", ".pack"]


def test_no_memo_when_a_template_reads_the_time_of_the_build(project, tmp_path, monkeypatch):  # noqa: F811
    _edit(project / "overrides" / "partials" / "sk-footer.html", "<p>{{ w['footer'] }}</p>",
          "<p>{{ w['footer'] }} {{ build_date_utc }}</p>")
    kept = tmp_path / "cache"
    _build(project, tmp_path / "site", kept, monkeypatch)
    assert not _entries(kept)  # its pages differ by the second: none would be right again


def test_templates_compiled_for_one_environment_are_never_loaded_by_another(tmp_path):
    import jinja2
    from generator.mkdocs_plugin import _compiling
    plain, other = jinja2.Environment(), jinja2.Environment(extensions=["jinja2.ext.do"], trim_blocks=True)
    assert _compiling(plain) == _compiling(jinja2.Environment()) != _compiling(other)
    memo = PageMemo(tmp_path)
    first = memo.templates_folder(_compiling(plain))
    second = memo.templates_folder(_compiling(other))
    assert first is not None and second is not None and first != second
    assert second.is_dir() and not first.exists()  # one environment's at a time


def test_the_theme_memo_keeps_the_frame_and_puts_the_content_back():
    from generator.mkdocs_plugin import around, frame_of
    content = "<h1>Lễ hội: 3 ngày</h1><p>Một đoạn văn.</p>"
    output = f"<!doctype html><title>12:00</title><article>{content}</article><footer>{content}</footer>"
    kept = frame_of(output, content)
    assert len(kept) < len(output) - len(content) + 8  # the content is not kept
    assert around(kept, content) == output
    assert around(frame_of("<p>nothing of it</p>", content), content) == "<p>nothing of it</p>"
    assert around(frame_of(output, ""), "") == output
    assert around("<!doctype html> written whole by an older build", content) is None


def test_the_theme_s_words_are_made_once_a_language_and_write_the_same():
    """Material's base.html imports partials/language.html with each page's
    context; the plugin keeps its module by the two values it reads."""
    import jinja2

    from generator.mkdocs_plugin import _ThemeTemplate

    templates = {
        "partials/language.html": (ROOT / "overrides" / "partials" / "language.html").read_text(encoding="utf-8"),
        "partials/languages/vi.html": '{% macro t(key) %}{{ {"language": "vi", "x": "một"}[key] }}{% endmacro %}',
        "partials/languages/en.html": '{% macro t(key) %}{{ {"language": "en", "x": "one", "y": "two"}[key] }}{% endmacro %}',
        "base.html": '{% import "partials/language.html" as lang with context %}{% set page_words = 1 %}'
                     '<html lang="{{ lang.t(\'language\') }}">{{ lang.t("x") }} {{ lang.t("y") }} {{ lang.t("z") }}',
    }

    class Page:
        def __init__(self, meta):
            self.meta = meta

    class Theme:
        language = "vi"

    class Config:
        theme = Theme()

    pages = [Page({"lang": "en"}), Page({"lang": "vi"}), Page({}), Page({"lang": "fr"}), None, Page({"lang": "en"}),
             Page({"lang": ["en"]})]
    plain = jinja2.Environment(loader=jinja2.DictLoader(templates))
    kept = jinja2.Environment(loader=jinja2.DictLoader(templates))
    kept.template_class = _ThemeTemplate
    made = []
    real = jinja2.Template.make_module
    try:
        jinja2.Template.make_module = lambda self, *a, **k: made.append(self.name) or real(self, *a, **k)
        outputs = [kept.get_template("base.html").render(page=page, config=Config()) for page in pages]
    finally:
        jinja2.Template.make_module = real
    assert outputs == [plain.get_template("base.html").render(page=page, config=Config()) for page in pages]
    assert outputs[0] == '<html lang="en">one two z' and outputs[1] == '<html lang="vi">một two z'
    # en, vi, no language (no page: the same key), fr (the site's words: a key of its own), a list (not kept)
    assert made.count("partials/language.html") == 5
