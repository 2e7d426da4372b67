"""The site builder's process (MkDocs' ``build``, :mod:`generator.mkdocs_command`), started early.

Starting it costs about half a second (the interpreter, MkDocs, the
theme, the plugin and the core it imports, MkDocs' configuration): more
than a one-change rebuild of a small archive spends on its pages.  So
``sukien build`` starts it before it checks the content, and it gets that
far while the content is checked on the same machine's other core; then
it waits, in the plugin's ``config`` event, for the content on a pipe
(:func:`taken_over`).  ``sukien build`` hands it over (:meth:`send`) when
the content is valid and, while the builder reads it and prepares the
site, works out whether the site folder already is this build's; then it
lets it build (:meth:`go`, :meth:`Handed.cleared`) or stops it
(:meth:`stop`, as when the content is invalid): it has written nothing and
said nothing by then.

The core never imports MkDocs: the builder is only ever a command.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from ..load.config import SiteConfig
from ..model.event import Content
from ..model.problems import Problem
from . import collection, publish
from .fdwrite import write_all
from .progress import PROGRESS_ENV, Progress

CONTENT_ENV = "SUKIEN_CONTENT"
REPORTED_ENV = "SUKIEN_PROBLEMS_REPORTED"  # the plugin need not print them again
LOADED_ENV = "SUKIEN_LOADED"  # the pipe the validated content comes on: the plugin need not read it again
_GO = b"sukien content 2\n"  # what comes first on that pipe, then the pickle
_BUILD = b"build\n"  # then, once the site is to be built and its journal begun


def builder_env(config: SiteConfig, content_dir: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # the theme's banner says nothing to unit staff
    env.pop(PROGRESS_ENV, None)  # only `sukien build` asks for it, when it reports progress
    env.pop(publish.JOURNAL_ENV, None)  # only `sukien build` gives one, to its own builder
    env.pop(LOADED_ENV, None)
    if content_dir is not None:
        env[CONTENT_ENV] = str(Path(content_dir).resolve())
    return env


class SiteBuilder:
    """A started site builder, waiting for its content.  It writes
    MkDocs' own files into ``scratch`` and every page and feed into the
    site through the journal of ``target`` (:mod:`generator.pipeline.publish`),
    which must be begun before :meth:`go`."""

    def __init__(self, process: subprocess.Popen, pipe: int, scratch: Path) -> None:
        self.process, self.scratch = process, scratch
        self._pipe = pipe
        self._sender: threading.Thread | None = None

    @classmethod
    @contextmanager
    def started(cls, config: SiteConfig, target: Path, strict: bool, content_dir: Path | None,
                progress: Progress | None) -> Iterator[SiteBuilder]:
        """The builder of ``config``'s site into ``target``, stopped (if it
        did not run) and its scratch folder removed afterwards."""
        # absolute: MkDocs reads a relative -d from the folder of mkdocs.yml
        scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent)).resolve()
        reading, writing = os.pipe()
        try:
            env = {**builder_env(config, content_dir), REPORTED_ENV: "1", LOADED_ENV: str(reading),
                   publish.JOURNAL_ENV: str(publish.journal_of(Path(os.path.abspath(target))))}
            if progress:
                env[PROGRESS_ENV] = progress.lang
            process = subprocess.Popen(_command(config, scratch, strict), env=env, pass_fds=(reading,))
        except BaseException:
            os.close(writing)
            shutil.rmtree(scratch, ignore_errors=True)
            raise
        finally:
            os.close(reading)
        builder = cls(process, writing, scratch)
        try:
            yield builder
        finally:
            builder.stop()
            shutil.rmtree(scratch, ignore_errors=True)

    def send(self, content: Content, problems: list[Problem]) -> None:
        """Hand the validated content over, from a thread (the builder may
        still be starting): the builder reads it and prepares the site,
        then waits for :meth:`go` before it writes or says anything."""
        data = handed_over(content, problems)
        self._sender = threading.Thread(target=self._write, args=(data,), daemon=True)
        self._sender.start()

    def _write(self, data: bytes) -> None:
        with suppress(BrokenPipeError):  # it stopped first (a configuration it refused): it said why
            write_all(self._pipe, data)

    def go(self) -> int:
        """Let the builder build (the site's journal begun); its exit code."""
        self._joined()
        with suppress(BrokenPipeError):
            write_all(self._pipe, _BUILD)
        os.close(self._pipe)
        self._pipe = -1
        return self.process.wait()

    def _joined(self) -> None:
        if self._sender is not None:
            self._sender.join()
            self._sender = None

    def stop(self) -> None:
        """Stop a builder that was not let build (nothing is built), or is
        still running when the build is abandoned."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._joined()  # its pipe has no reader now: the thread is done
        if self._pipe >= 0:
            os.close(self._pipe)
            self._pipe = -1


def handed_over(content: Content, problems: list[Problem]) -> bytes:
    """What goes on the pipe for :func:`taken_over`: :data:`_BUILD`
    follows, or nothing."""
    return _GO + pickle.dumps((content, problems), pickle.HIGHEST_PROTOCOL)


def _command(config: SiteConfig, scratch: Path, strict: bool) -> list[str]:
    command = [sys.executable, "-m", "generator.mkdocs_command", "build", "--clean", "-f", str(config.config_file),
               "-d", str(scratch)]
    return [*command, "--strict"] if strict else command


class CalledOff(Exception):
    """``sukien build`` stopped before letting the builder build."""


class Handed:
    """The content ``sukien build`` validated, and the word to build."""

    def __init__(self, content: Content, problems: list[Problem], pipe: BinaryIO) -> None:
        self.content, self.problems, self._pipe = content, problems, pipe

    def cleared(self) -> None:
        """Wait until ``sukien build`` lets the build go on: the site is to
        be built (not the one already there) and its journal is begun.
        Raises CalledOff when it does not."""
        with self._pipe as pipe:
            if pipe.read(len(_BUILD)) != _BUILD:
                raise CalledOff


def handing_over(environ: Mapping[str, str] = os.environ) -> bool:
    """In the site builder: whether ``sukien build`` hands the content over
    (:func:`taken_over` waits for it)."""
    return environ.get(LOADED_ENV, "").isdigit()


def taken_over(environ: Mapping[str, str] = os.environ) -> Handed | None:
    """In the site builder: the content ``sukien build`` validated, once it
    hands it over (None when it does not give any: read it).  Raises
    CalledOff when the pipe closes first."""
    if not handing_over(environ):
        return None
    pipe = environ[LOADED_ENV]
    try:
        handed = os.fdopen(int(pipe), "rb")
    except OSError:
        return None
    try:
        with collection.off():  # the objects being made hold no cycle
            if handed.read(len(_GO)) != _GO:
                raise CalledOff
            content, problems = pickle.load(handed)  # from our own parent, on a pipe only it holds
        if not isinstance(content, Content):
            raise CalledOff
    except (pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError, OSError) as error:
        handed.close()
        raise CalledOff from error
    except BaseException:
        handed.close()
        raise
    return Handed(content, problems, handed)


