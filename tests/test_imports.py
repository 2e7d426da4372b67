"""The core stays free of MkDocs and of the CLI library (style guide:
the click way, importing in a fresh interpreter)."""

import json
import subprocess
import sys

import pytest

CORE = [
    "generator.model", "generator.config", "generator.content", "generator.validate",
    "generator.lunar", "generator.repeats", "generator.richtext", "generator.schema",
    "generator.history", "generator.feeds", "generator.pages", "generator.export",
    "generator.build", "generator.serve", "generator.media", "generator.report",
    "generator.codeowners", "generator.ownership", "generator.from_issue", "generator.newevent",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_neither_mkdocs_nor_click(module):
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'click', 'material'})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []
