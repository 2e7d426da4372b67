"""What a long build says it is doing, in the staff's language.

Every stage ends with one line saying what it did, how many and how long::

    Dựng trang: 2.068 trang (5,3 giây)

While a stage with a known total runs, a terminal shows a bar redrawn in
place; a log (standard error is not a terminal, or ``CI`` is set, as in
GitHub Actions) gets plain lines instead: the final one, and one every
:data:`PLAIN_EVERY` seconds while a stage lasts, so that a long build is
seen to be alive without filling the log.

``sukien build`` reports its own stages and hands the language to its site
builder through :data:`PROGRESS_ENV`; the MkDocs plugin reports the stages
that run there (:meth:`Progress.from_env`).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import TextIO

from ..site.i18n import LANGS, number_label, seconds_label, t

PROGRESS_ENV = "SUKIEN_PROGRESS"  # its value: the language of the messages
PLAIN_EVERY = 10.0  # seconds between two plain lines of one stage
BAR_EVERY = 0.1  # seconds between two redraws of a bar
BAR_WIDTH = 24


def is_ci(environ: Mapping[str, str]) -> bool:
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class Progress:
    """Reports stages on ``stream`` (standard error by default)."""

    def __init__(self, stream: TextIO | None = None, lang: str = "vi", *, bar: bool | None = None,
                 environ: Mapping[str, str] = os.environ,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.lang = lang if lang in LANGS else "vi"
        self.bar = bar if bar is not None else (_isatty(self.stream) and not is_ci(environ))
        self.clock = clock

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Progress | None:
        """The reporter ``sukien build`` asked its site builder for, if any."""
        lang = environ.get(PROGRESS_ENV)
        return cls(lang=lang, environ=environ) if lang else None

    def stage(self, key: str, unit: str, total: int | None = None) -> Stage:
        """Start the stage named by the word ``key``, counting ``unit``
        (a word too: ``unit_pages``...) up to ``total`` when known."""
        return Stage(self, key, unit, total)

    def built(self, path: object, files: int, seconds: float) -> None:
        """The last line of a build: where the site is, how big, how long."""
        self.say(t(self.lang, "build_done").format(path=path, count=self.number(files),
                                                   time=self.seconds(seconds)))

    def say(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()

    def number(self, value: int) -> str:
        return number_label(value, self.lang)

    def seconds(self, value: float) -> str:
        return seconds_label(value, self.lang)


class Stage:
    """One stage under way: :meth:`step` as it goes, :meth:`done` at the end."""

    def __init__(self, progress: Progress, key: str, unit: str, total: int | None) -> None:
        self.progress, self.total, self.count = progress, total, 0
        self.label, self.unit = t(progress.lang, key), t(progress.lang, unit)
        self.began = self.shown = progress.clock()
        self._drawn = False

    def step(self, count: int = 1) -> None:
        self.count += count
        now = self.progress.clock()
        if self.progress.bar and self.total and (not self._drawn or now - self.shown >= BAR_EVERY):
            self._draw()
            self.shown = now
        elif not self.progress.bar and now - self.shown >= PLAIN_EVERY:
            self.progress.say(f"{self.label}: {self._tally()} {self.unit}…")
            self.shown = now

    def done(self, count: int | None = None) -> float:
        """Say what the stage did (``count``, else the steps counted) and
        return how long it took, in seconds."""
        seconds = self.progress.clock() - self.began
        total = self.count if count is None else count
        clear = "\r\x1b[K" if self._drawn else ""
        self.progress.stream.write(clear)
        self.progress.say(f"{self.label}: {self.progress.number(total)} {self.unit} "
                          f"({self.progress.seconds(seconds)})")
        return seconds

    def _tally(self) -> str:
        done = self.progress.number(self.count)
        return f"{done}/{self.progress.number(self.total)}" if self.total else done

    def _draw(self) -> None:
        assert self.total
        filled = min(BAR_WIDTH, BAR_WIDTH * self.count // self.total)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        percent = min(100, 100 * self.count // self.total)
        self.progress.stream.write(f"\r{self.label} [{bar}] {self._tally()} {self.unit} {percent}%\x1b[K")
        self.progress.stream.flush()
        self._drawn = True


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream: no bar
        return False
