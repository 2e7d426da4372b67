"""Benchmark: `sukien serve` on N generated events, from saving one event
file to its new page being served.

Generates a tree (``tree.py``, 1,000 events by default), starts ``sukien
serve`` on it (clock pinned, cache in the work folder), waits for the
first build, then ``--edits`` times: changes the title of one event file
(a different event each time), and polls that event's page over HTTP until
the new title is in it.  Prints, per edit, the seconds from the moment the
file was saved to the moment the page showed it, and MkDocs' own figure
for the rebuild ("Documentation built in ..."); then the median.  The goal
of issue 12 is at most 3 s at 1,000 events.

    python benchmarks/serve.py [--events 1000] [--edits 3] [--keep DIR]

The file watcher of ``mkdocs serve`` polls every 0.5 s and waits 0.1 s for
changes to stop, so about 0.3 s of each figure is detection.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tree import NOW, ROOT, make_tree  # noqa: E402

_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, limit: float, server: subprocess.Popen) -> float:
    """Seconds until the page at ``url`` holds ``text`` (polled every 50 ms)."""
    began = time.perf_counter()
    while time.perf_counter() - began < limit:
        if server.poll() is not None:
            sys.exit(f"sukien serve stopped ({server.returncode})")
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - began
        time.sleep(0.05)
    sys.exit(f"{url} did not show {text!r} within {limit:.0f} s")


class BuildLog:
    """MkDocs' lines from the server's standard error, kept as they come."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in iter(stream.readline, b""):
            self.lines.append(line.decode("utf-8", errors="replace").rstrip())

    def builds(self) -> list[float]:
        return [float(m.group(1)) for line in self.lines if (m := _BUILT.search(line))]


def retitle(path: Path, mark: str) -> str:
    """Give the event in ``path`` a new title; returns it."""
    text = path.read_text(encoding="utf-8")
    old = re.search(r"^title: (.*)$", text, re.M)
    assert old, path
    title = f"{old.group(1)} ({mark})"
    path.write_text(text.replace(old.group(0), f"title: {title}", 1), encoding="utf-8")
    return title


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000, help="Events in the generated tree.")
    parser.add_argument("--edits", type=int, default=3, help="Edits to time, one event each.")
    parser.add_argument("--keep", type=Path, help="Keep the tree and cache in this folder.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sukien-serve-"))
    shutil.rmtree(work / "tree", ignore_errors=True)
    shutil.rmtree(work / "cache", ignore_errors=True)
    tree = make_tree(work / "tree", args.events)
    port = free_port()
    env = {**os.environ, "SUKIEN_NOW": NOW, "XDG_CACHE_HOME": str(work / "cache")}
    script = Path(sys.executable).with_name("sukien")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "generator"]
    command = head + ["serve", "-f", str(ROOT / "mkdocs.yml"), "--content", str(tree.content),
                      "-a", f"127.0.0.1:{port}"]
    print(f"sukien serve, {args.events} events, {os.cpu_count()} cores, now = {NOW}, work folder {work}", flush=True)
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    log = BuildLog(server.stderr)
    try:
        first = tree.files[0]
        base = f"http://127.0.0.1:{port}/"
        began = time.perf_counter()
        wait_for(base + f"su-kien/{first.stem}/", "<title>", 600, server)
        print(f"  first build served after {time.perf_counter() - began:.1f} s", flush=True)
        seen = []
        for n in range(args.edits):
            path = tree.files[(n + 1) * len(tree.files) // (args.edits + 1)]
            time.sleep(1.0)  # the watcher's poll and the server settle
            title = retitle(path, f"sửa {n + 1}")
            seconds = wait_for(base + f"su-kien/{path.stem}/", title, 120, server)
            time.sleep(0.5)  # MkDocs prints its time once the build is done
            builds = log.builds()
            seen.append(seconds)
            print(f"  edit {n + 1}: {path.stem} shown after {seconds:.2f} s "
                  f"(MkDocs: rebuilt in {builds[-1] if builds else float('nan'):.2f} s)", flush=True)
        print(f"  median {statistics.median(seen):.2f} s from save to new page (goal <= 3 s)")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
