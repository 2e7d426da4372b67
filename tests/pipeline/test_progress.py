"""A long build says what it is doing, in Vietnamese: a bar on a terminal,
plain lines in a log; `sukien build` end to end, on a pipe and on a pty."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

from generator.pipeline.progress import PLAIN_EVERY, PROGRESS_ENV, Progress, is_ci

from generator.site import urls
from conftest import ROOT, SITE_CONTENT, SITE_NOW


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_terminal_gets_a_bar_then_the_stage_s_line():
    out, clock = io.StringIO(), Clock()
    stage = Progress(out, bar=True, clock=clock).stage("build_pages", "unit_pages", 2000)
    for _ in range(2000):
        clock.now += 0.001
        stage.step()
    assert round(stage.done(), 6) == 2.0
    text = out.getvalue()
    frames = text.split("\r")
    assert len(frames) > 10  # redrawn in place as it goes
    assert re.search(r"\rDựng trang \[############------------\] 1\.0\d\d/2\.000 trang 50%", text)
    assert frames[-1] == "\x1b[KDựng trang: 2.000 trang (2,0 giây)\n"
    assert "\n" not in "".join(frames[:-1])  # one line on the screen


def test_a_log_gets_plain_lines_a_long_stage_now_and_then():
    out, clock = io.StringIO(), Clock()
    stage = Progress(out, bar=False, clock=clock).stage("build_write", "unit_pages", 25_000)
    for _ in range(25_000):
        clock.now += 0.001  # 25 s in all
        stage.step()
    stage.done()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue() and "\x1b" not in out.getvalue()
    assert len(lines) == int(25 // PLAIN_EVERY) + 1
    assert re.fullmatch(r"Ghi trang: \d+\.\d{3}/25\.000 trang…", lines[0])
    assert lines[-1] == "Ghi trang: 25.000 trang (25,0 giây)"


def test_a_stage_without_steps_says_its_count_and_english_on_request():
    out, clock = io.StringIO(), Clock()
    stage = Progress(out, "en", bar=True, clock=clock).stage("build_feeds", "unit_files")
    clock.now += 1.25
    stage.done(1234)
    assert out.getvalue() == "Writing calendars, feeds, QR codes and the search index: 1,234 files (1.2 s)\n"


def test_bar_only_on_a_terminal_outside_ci(tmp_path):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert Progress(Tty(), environ={}).bar
    assert not Progress(Tty(), environ={"CI": "true"}).bar
    assert Progress(Tty(), environ={"CI": "false"}).bar
    assert not Progress(io.StringIO(), environ={}).bar
    assert is_ci({"CI": "1"}) and not is_ci({"CI": ""})
    assert Progress.from_env({}) is None
    assert Progress.from_env({PROGRESS_ENV: "en"}).lang == "en"


# -- `sukien build`, as staff and CI run it ------------------------------------

def _command(site: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "-f", str(ROOT / "mkdocs.yml"),
            "-d", str(site), "--content", str(SITE_CONTENT)]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return {**env, "SUKIEN_NOW": SITE_NOW, **extra}


def _count(pattern: str, text: str) -> int:
    [found] = re.findall(pattern, text, re.MULTILINE)
    return int(found.replace(".", ""))


def test_build_in_a_log_says_each_stage_with_its_count(tmp_path):
    site = tmp_path / "site"
    done = subprocess.run(_command(site), env=_env(), capture_output=True, text=True, check=True)
    log = done.stderr
    events = len(list((SITE_CONTENT / "events").rglob("*.yaml")))
    pages = len([p for p in site.rglob("*.html") if p != site / "404.html"])
    feeds = len([p for p in site.rglob("*") if p.suffix in (".ics", ".rss", ".atom")]
                + [site / "feeds/events.json", site / "api/events.json"]
                + list((site / urls.QR_DIR).glob("*.svg")) + list((site / "search").glob("*.json")))
    assert _count(r"^Kiểm tra nội dung: (\d+) sự kiện \(\d+,\d giây\)$", log) == events
    assert _count(r"(?m)^Đọc nội dung và lịch sử git: (\d+) sự kiện \(\d+,\d giây\)$", log) == events
    assert _count(r"(?m)^Dựng trang: (\d+) trang \(\d+,\d giây\)$", log) == pages
    assert _count(r"(?m)^Ghi trang: (\d+) trang \(\d+,\d giây\)$", log) == pages
    assert _count(r"(?m)^Ghi lịch, nguồn tin, mã QR và chỉ mục tìm kiếm: (\d+) tệp \(\d+,\d giây\)$", log) == feeds
    files = sum(1 for p in site.rglob("*") if p.is_file())
    assert _count(rf"(?m)^Đã tạo trang tại {re.escape(str(site))}: ([\d.]+) tệp trong \d+,\d giây$", log) == files
    assert "INFO" not in log and "\r" not in log
    assert "Building documentation" not in log and f".{site.name}-" not in log  # no temporary folder


def _on_a_terminal(command: list[str], env: dict[str, str]) -> str:
    """What a terminal shows while ``command`` runs with it as its stderr."""
    leader, follower = pty.openpty()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=follower) as process:
        os.close(follower)
        shown = b""
        while True:
            ready, _, _ = select.select([leader], [], [], 120)
            try:
                chunk = os.read(leader, 65536) if ready else b""
            except OSError:  # the process has closed its side
                chunk = b""
            if not chunk:
                break
            shown += chunk
        process.wait()
    os.close(leader)
    assert process.returncode == 0
    return shown.decode("utf-8")


def test_build_on_a_terminal_draws_bars_but_not_under_ci(tmp_path):
    shown = _on_a_terminal(_command(tmp_path / "a"), _env())
    assert re.search(r"\rDựng trang \[[#-]{24}\] \d+/\d+ trang \d+%", shown)
    assert re.search(r"\r\x1b\[KGhi trang: \d+ trang \(\d+,\d giây\)", shown)
    under_ci = _on_a_terminal(_command(tmp_path / "b"), _env(CI="true"))
    assert "\r\x1b" not in under_ci and "[#" not in under_ci and "[-" not in under_ci
    assert re.search(r"Dựng trang: \d+ trang", under_ci)


def test_build_speaks_english_when_asked(tmp_path):
    site = tmp_path / "site"
    done = subprocess.run(_command(site) + ["--lang", "en"], env=_env(), capture_output=True, text=True,
                          check=True)
    assert re.search(r"(?m)^Rendering pages: [\d,]+ pages \(\d+\.\d s\)$", done.stderr)
    assert re.search(rf"(?m)^Site built in {re.escape(str(site))}: [\d,]+ files in \d+\.\d s$", done.stderr)
    assert "trang" not in done.stderr
