"""The site builder's cycle collector: paused while it starts, then
collecting seldom, never turned on for a caller that turned it off."""

from __future__ import annotations

import gc

import pytest

from generator.pipeline import collection


@pytest.fixture
def collector():
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def test_paused_while_starting_then_seldom(collector):
    gc.enable()
    collection.pause()
    assert not gc.isenabled()
    kept = [[] for _ in range(1000)]
    collection.settle()
    assert gc.isenabled() and gc.get_threshold()[0] == collection.YOUNG > 700
    assert gc.get_freeze_count() >= len(kept)  # what was made before is out of reach


def test_a_collector_turned_off_by_the_caller_stays_off(collector):
    gc.disable()
    collection.pause()
    collection.settle()
    assert not gc.isenabled()


def test_what_a_build_froze_is_collected_again_after_it(collector):
    """``sukien serve`` builds many times in one process: a cycle made
    before one build is freed once that build is over."""
    class Node:
        pass

    node = Node()
    node.me = node
    collection.settle()
    del node
    assert gc.get_freeze_count() > 0
    collection.release()
    assert gc.get_freeze_count() == 0 and gc.collect() > 0
