"""Work split in two, half in a forked copy: the same result as done in
one process, whether the copy succeeds, fails or cannot be made."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator.load import halves as module
from generator.load.config import load_site_config
from generator.load.halves import halves
from generator.pipeline.validate import validate_tree

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import tree as bench_tree  # noqa: E402

PARENT = os.getpid()
ITEMS = [f"item-{n}" for n in range(module.MIN_ITEMS * 2 + 1)]


def _work(part):
    return [(item.upper(), os.getpid() == PARENT) for item in part]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_the_second_half_is_done_by_a_copy():
    first, second = halves(ITEMS, _work)
    assert [x for x, _ in first + second] == [item.upper() for item in ITEMS]
    assert all(here for _, here in first) and not any(here for _, here in second)


def test_a_copy_that_fails_leaves_its_half_to_this_process():
    def fails_in_copy(part):
        if os.getpid() != PARENT:
            raise RuntimeError("the copy fails")
        return _work(part)

    first, second = halves(ITEMS, fails_in_copy)
    assert [x for x, _ in first + second] == [item.upper() for item in ITEMS]
    assert all(here for _, here in first + second)


def test_without_fork_or_for_a_short_list_all_is_done_here(monkeypatch):
    first, second = halves(ITEMS[:10], _work)
    assert all(here for _, here in first + second) and len(first + second) == 10
    monkeypatch.delattr(os, "fork")
    first, second = halves(ITEMS, _work)
    assert [x for x, _ in first + second] == [item.upper() for item in ITEMS]


def test_a_tree_checked_on_two_cores_gives_what_one_gives(tmp_path, monkeypatch):
    """Every event and every problem, in order, of a tree with broken
    files, whichever half of the files they are in."""
    made = bench_tree.make_tree(tmp_path / "tree", module.MIN_ITEMS + 60)
    for n, path in enumerate(made.files[::7]):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("start:", "stat:", 1) if n % 2 else text + "\ntitle: lần nữa\n",
                        encoding="utf-8")
    config = load_site_config(bench_tree.ROOT / "mkdocs.yml").with_content(made.content)
    both = validate_tree(config)
    monkeypatch.delattr(os, "fork")
    alone = validate_tree(config)
    assert both.problems == alone.problems and len(both.problems) > 40
    assert both.content == alone.content and len(both.content.events) > module.MIN_ITEMS
