"""The core stays free of MkDocs and of the CLI library (style guide:
the click way, importing in a fresh interpreter).  The modules are found
by walking the package, so a new module is checked without being listed."""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator

ADAPTERS = {"generator.cli", "generator.cli_i18n", "generator.mkdocs_plugin", "generator.mkdocs_command",
            "generator.__main__"}  # cli_i18n: the CLI's languages
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


def test_validation_imports_pillow_only_for_a_photo(tmp_path):
    """Pillow is imported when an event names a photo (it is 7 ms of every
    start otherwise), and the photo is still decoded and refused as before
    in an interpreter that had not imported it."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from contenttree import make_tree, with_fields\n"
        "from generator.load.config import SiteConfig\n"
        "from generator.pipeline.validate import validate_tree\n"
        "content = make_tree(Path(sys.argv[2]), {'so-vhttdl/le-hoi-thu.yaml': with_fields()})\n"
        "codes = lambda: [p.code for p in validate_tree(SiteConfig(content_dir=content)).problems]\n"
        "before = (codes(), 'PIL' in sys.modules)\n"
        "(content / 'events/so-vhttdl/images').mkdir()\n"
        "(content / 'events/so-vhttdl/images/anh.png').write_bytes(b'\\x89PNG\\r\\n\\x1a\\nnot really')\n"
        "(content / 'events/so-vhttdl/le-hoi-thu.yaml').write_text(with_fields(image='\\n  src: images/anh.png\\n  alt: x'))\n"
        "print(json.dumps([before, (codes(), 'PIL' in sys.modules)]))\n"
    )
    tests = str(Path(__file__).resolve().parent)
    done = subprocess.run([sys.executable, "-c", code, tests, str(tmp_path)], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [[[], False], [["invalid-image"], True]]
