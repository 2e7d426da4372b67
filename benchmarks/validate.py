"""Benchmark: ``sukien validate`` of N events against a bare parse.

Goal (issues 2 and 12): validating 10,000 events takes at most 1.5 times
what a script that only parses the same files with PyYAML's C loader
(``yaml.load(..., Loader=yaml.CSafeLoader)``) needs.  Both are measured
end to end, as commands started in their own process (interpreter start
and imports included): ``sukien validate --format json`` against
``python -c <parse the files>``, alternately, the best of several runs
compared.  The tree is the build benchmark's (``tree.py``).

    python benchmarks/validate.py [--events 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tree import NOW, ROOT, make_tree  # noqa: E402

PARSE_ONLY = """\
import sys
from pathlib import Path
import yaml
root = Path(sys.argv[1])
for file in [*sorted(root.glob("*.yaml")), *sorted(root.glob("events/*/*.yaml"))]:
    yaml.load(file.read_bytes(), Loader=yaml.CSafeLoader)
"""


def validate_command(content: Path) -> list[str]:
    script = Path(sys.executable).with_name("sukien")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "generator"]
    return head + ["validate", "-f", str(ROOT / "mkdocs.yml"), "--content", str(content), "--format", "json"]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """Wall and CPU (user + system) seconds of the command, and its output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errors:
        began = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=out, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - began
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        errors.seek(0)
        if child.returncode != 0:
            sys.exit(f"{command[0]} failed: {errors.read().decode()[-2000:]}")
        return seconds, usage.ru_utime + usage.ru_stime, out.read()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--every-field", action="store_true",
                        help="Every event fills every optional section (press, programme, tags, links...).")
    args = parser.parse_args()
    env = {**os.environ, "SUKIEN_NOW": NOW}
    with tempfile.TemporaryDirectory(prefix="sukien-validate-") as tmp:
        tree = make_tree(Path(tmp) / "tree", args.events, every_field=args.every_field)
        parse_command = [sys.executable, "-c", PARSE_ONLY, str(tree.content)]
        validate = validate_command(tree.content)
        *_, out = timed(validate, env)  # warms the file cache; the tree must be valid
        problems = json.loads(out)
        assert not problems, problems[:3]
        parses, validations = [], []
        for _ in range(args.repeat):
            parses.append(timed(parse_command, env)[:2])
            validations.append(timed(validate, env)[:2])
    print(f"{args.events} events, best of {args.repeat} (median), as commands:")
    for what, index in (("wall", 0), ("CPU", 1)):
        parse, check = (min(run[index] for run in runs) for runs in (parses, validations))
        medians = (statistics.median(run[index] for run in runs) for runs in (parses, validations))
        print(f"  {what:<4} CSafeLoader parse {parse:5.2f} s ({next(medians):.2f}), sukien validate {check:5.2f} s "
              f"({next(medians):.2f}), ratio {check / parse:.2f} (goal <= 1.5)")
    ratio = min(run[0] for run in validations) / min(run[0] for run in parses)
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
