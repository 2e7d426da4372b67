"""The benchmarks' generated trees stay valid content with a real history:
a rule that starts refusing them would otherwise only show when someone
runs a ten-minute benchmark."""

import datetime as dt
import sys
from pathlib import Path

from generator.load.config import SiteConfig
from generator.pipeline.validate import validate_tree
from generator.load.content import parse_event_text
from generator.vcs.history import read_history

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import tree as bench_tree  # noqa: E402


def test_a_generated_tree_is_valid_and_its_history_counts_changes(tmp_path):
    made = bench_tree.make_tree(tmp_path / "tree", 160, images=True)
    config = SiteConfig(content_dir=made.content)
    result = validate_tree(config)
    assert result.problems == []
    assert result.files_checked == len(made.files) == 160
    assert {e.repeat for e in result.content.events} >= {None, "yearly", "lunar-yearly"}
    assert any(e.image is not None for e in result.content.events)

    changed = made.files[80]
    bench_tree.commit_change(made, changed)
    content = validate_tree(config).content
    history = read_history(made.content, lambda text, path: parse_event_text(text, path, content, config))
    now = dt.datetime.fromisoformat(bench_tree.NOW)
    sequences = {e.id: history.of(e, now=now, years_ahead=2).sequence for e in content.events}
    assert sequences[changed.stem] >= 1  # its end moved: a change calendars must see
    assert sum(sequences.values()) >= 160 // 50 + 1  # the commit that moved some events counts too
