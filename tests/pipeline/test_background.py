"""The feeds' work beside the site builder (generator.pipeline.background)."""

from __future__ import annotations

import os
import time

import pytest

from generator.pipeline.background import Background


def test_the_work_runs_in_another_process_and_its_count_comes_back(tmp_path):
    def work():
        (tmp_path / "pid").write_text(str(os.getpid()))
        return 42

    assert Background(work).result() == 42
    assert int((tmp_path / "pid").read_text()) != os.getpid()


def test_when_the_copy_fails_the_work_is_done_here(tmp_path):
    parent = os.getpid()

    def work():
        if os.getpid() != parent:
            raise RuntimeError("the copy fails")
        (tmp_path / "here").write_text("done")
        return 7

    assert Background(work).result() == 7
    assert (tmp_path / "here").read_text() == "done"


def test_an_error_of_the_work_itself_shows_in_the_builder():
    def work():
        raise ValueError("a feed cannot be made")

    with pytest.raises(ValueError, match="a feed cannot be made"):
        Background(work).result()


def test_not_allowed_means_done_here_when_asked():
    calls = []
    background = Background(lambda: calls.append(os.getpid()) or 3, allowed=False)
    assert calls == []
    assert background.result() == 3
    assert calls == [os.getpid()]


def test_cancel_stops_the_copy(tmp_path):
    def work():
        (tmp_path / "pid").write_text(str(os.getpid()))
        time.sleep(60)
        return 1

    background = Background(work)
    while not (tmp_path / "pid").exists() or not (tmp_path / "pid").read_text():
        time.sleep(0.01)
    background.cancel()
    with pytest.raises(ProcessLookupError):  # killed and reaped
        os.kill(int((tmp_path / "pid").read_text()), 0)
