"""The core stays free of MkDocs and of the CLI library (style guide:
the click way, importing in a fresh interpreter).  The modules are found
by walking the package, so a new module is checked without being listed."""

import json
import pkgutil
import subprocess
import sys

import pytest

import generator

ADAPTERS = {"generator.cli", "generator.cli_i18n", "generator.mkdocs_plugin", "generator.__main__"}  # cli_i18n: the CLI's languages
CORE = sorted(
    module.name for module in pkgutil.walk_packages(generator.__path__, "generator.")
    if module.name not in ADAPTERS
)


def test_the_walk_finds_the_whole_core():
    """Guards the walk itself: the packages and the modules deep inside them."""
    assert {"generator.model.event", "generator.site.pages", "generator.site.pages.event",
            "generator.vcs.git", "generator.load.config"} <= set(CORE)
    assert len(CORE) > 60


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_neither_mkdocs_nor_click(module):
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'click', 'material'})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []
