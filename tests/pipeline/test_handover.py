"""`sukien build` hands the content it validated to the site builder
instead of letting it read and validate the whole tree again."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.load.config import load_site_config
from generator.load.content import load_content
from generator.pipeline.build import LOADED_ENV, _handed_over, taken_over
from tests.conftest import ROOT, SITE_CONTENT


def test_the_builder_takes_over_exactly_what_was_validated():
    config = load_site_config(ROOT / "mkdocs.yml").with_content(SITE_CONTENT)
    content, problems = load_content(config)
    with _handed_over(content, problems) as name:
        assert name is not None
        assert stat.S_IMODE(os.stat(name).st_mode) == 0o600  # no one else reads (or plants) it
        assert taken_over({LOADED_ENV: name}) == (content, problems)
    assert not Path(name).exists()  # gone after the build


def test_without_a_usable_handover_the_builder_reads_the_tree(tmp_path):
    broken = tmp_path / "broken.pickle"
    broken.write_bytes(b"not a pickle")
    assert taken_over({}) is None
    assert taken_over({LOADED_ENV: str(tmp_path / "missing.pickle")}) is None
    assert taken_over({LOADED_ENV: str(broken)}) is None
