"""Pages made ahead and feeds written beside the site builder
(generator.pipeline.background)."""

from __future__ import annotations

import os
import time

import pytest

from generator.pipeline.background import Forked, SecondCore, Shares
from generator.pipeline.core_memo import Rendered
from generator.site.pages import Pages
from generator.site.pages.page import Page

PARENT = os.getpid()


def made_by(url: str) -> Page:
    """A page that says which process made it."""
    return Page(url=url, lang="vi", title=str(os.getpid()), description="d", body=f"<p>{url}</p>")


def pages(count: int = 6) -> tuple[Pages, list[str]]:
    urls = [f"su-kien/e{n}/" for n in range(count)]
    makers = {f"{url}index.md": (lambda url=url: made_by(url)) for url in urls}
    return Pages(makers), list(makers)


def test_pages_ahead_come_from_the_copy_the_others_are_made_here(tmp_path):
    site, sources = pages()
    second = SecondCore(Rendered(site), sources[3:], lambda: 5)
    for source in sources:  # the builder's order: its half first
        made = second.page(source)
        assert made.source == source and made.body == site.page(source).body
        assert (made.title != str(PARENT)) == (source in sources[3:]), source
    assert second.feeds_written() == 5
    second.close()


def test_the_feeds_are_written_by_the_copy(tmp_path):
    def feeds():
        (tmp_path / "feeds.ics").write_text(str(os.getpid()))
        return 1

    site, sources = pages()
    assert SecondCore(Rendered(site), sources[3:], feeds).feeds_written() == 1
    assert int((tmp_path / "feeds.ics").read_text()) != PARENT


def test_a_copy_that_fails_in_the_pages_leaves_everything_to_the_builder(tmp_path):
    def fragile(url: str) -> Page:
        if os.getpid() != PARENT:
            raise RuntimeError("the copy fails")
        return made_by(url)

    makers = {f"su-kien/e{n}/index.md": (lambda n=n: fragile(f"su-kien/e{n}/")) for n in range(4)}
    site = Pages(makers)
    calls = []
    second = SecondCore(Rendered(site), list(makers)[2:], lambda: calls.append(os.getpid()) or 2)
    assert [second.page(s).title for s in makers] == [str(PARENT)] * 4
    assert second.feeds_written() == 2 and calls == [PARENT]


def test_a_copy_that_fails_in_the_feeds_leaves_the_feeds_to_the_builder():
    def feeds():
        if os.getpid() != PARENT:
            raise RuntimeError("the copy fails")
        return 3

    site, sources = pages()
    second = SecondCore(Rendered(site), sources[3:], feeds)
    assert second.page(sources[4]).title != str(PARENT)  # its pages were made
    assert second.feeds_written() == 3


def test_an_error_of_the_feeds_themselves_shows_in_the_builder():
    def feeds():
        raise ValueError("a feed cannot be made")

    site, sources = pages()
    with pytest.raises(ValueError, match="a feed cannot be made"):
        SecondCore(Rendered(site), sources[3:], feeds).feeds_written()


def test_not_allowed_means_everything_is_done_here():
    site, sources = pages()
    calls = []
    second = SecondCore(Rendered(site), sources[3:], lambda: calls.append(os.getpid()) or 4, allowed=False)
    assert {second.page(s).title for s in sources} == {str(PARENT)}
    assert calls == []
    assert second.feeds_written() == 4 and calls == [PARENT]


def test_cancel_stops_the_copy(tmp_path):
    def feeds():
        (tmp_path / "pid").write_text(str(os.getpid()))
        time.sleep(60)
        return 1

    site, sources = pages()
    second = SecondCore(Rendered(site), sources[3:], feeds)
    while not (tmp_path / "pid").exists() or not (tmp_path / "pid").read_text():
        time.sleep(0.01)
    second.cancel()
    with pytest.raises(ProcessLookupError):  # killed and reaped
        os.kill(int((tmp_path / "pid").read_text()), 0)


def test_a_copy_says_how_many_files_it_wrote_when_it_is_done():
    counted = Forked(lambda: 42)
    assert counted.wait() and counted.result == 42
    silent = Forked(lambda: None)
    assert silent.wait() and silent.result is None

    def fails() -> int:
        raise RuntimeError("a copy that fails says nothing")

    failed = Forked(fails)
    assert not failed.wait() and failed.result is None
    assert not Forked(lambda: 1, allowed=False).wait()


class _Standing(Rendered):
    """Pages whose even ones stand as the last build wrote them."""

    def made(self, source):
        number = int(source.split("/")[1][1:])
        return (f"key {source}", None) if number % 2 == 0 else (f"key {source}", self.page(source))


def test_the_copy_says_which_pages_stand_and_the_builder_can_still_read_them(tmp_path):
    site, sources = pages()
    second = SecondCore(_Standing(site), sources[3:], lambda: 0)
    for source in sources:
        key, made = second.made(source)
        number = int(source.split("/")[1][1:])
        assert key == f"key {source}" and (made is None) == (number % 2 == 0), source
        if made is not None:
            assert (made.title != str(PARENT)) == (source in sources[3:]), source
    assert second.page(sources[4]).body == site.page(sources[4]).body  # standing, read after all: made here
    assert second.page(sources[4]).title == str(PARENT)
    second.feeds_written()
    second.close()


def test_each_share_is_taken_by_one_process_and_what_a_failed_one_took_is_left():
    shares = Shares(["a", "b", "c", "d"])
    try:
        copy = Forked(lambda: [shares.done(name) for name in shares.taken(backwards=True)] and 0)
        mine = list(shares.taken())
        assert copy.wait()
        theirs = [name for name in shares.names if name not in shares.left()]  # done by the copy
        assert sorted(mine + theirs) == ["a", "b", "c", "d"] and not set(mine) & set(theirs)
        for name in mine:
            shares.done(name)
        assert shares.left() == []
    finally:
        shares.close()
    shares = Shares(["x", "y"])
    try:
        failed = Forked(lambda: next(iter(shares.taken())) and os._exit(3))
        assert not failed.wait()
        assert list(shares.taken()) == ["y"]  # x is the failed copy's: not taken again
        assert shares.left() == ["x", "y"]  # nothing done: the builder does both
    finally:
        shares.close()
