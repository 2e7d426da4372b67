"""The core stays free of MkDocs and of the CLI library (style guide:
the click way, importing in a fresh interpreter)."""

import json
import subprocess
import sys

import pytest

CORE = [
    "generator.model.event", "generator.load.config", "generator.load.content", "generator.pipeline.validate",
    "generator.model.lunar", "generator.model.repeats", "generator.site.richtext", "generator.workflow.schema",
    "generator.vcs.history", "generator.feeds", "generator.site.pages", "generator.pipeline.export",
    "generator.pipeline.build", "generator.pipeline.serve", "generator.site.media", "generator.workflow.report",
    "generator.workflow.codeowners", "generator.workflow.ownership", "generator.workflow.from_issue", "generator.workflow.newevent",
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
