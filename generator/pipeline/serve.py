"""``sukien serve``: MkDocs' live preview, in its own process.

The plugin makes the preview watch the content folder, so editing an event
file or a registry rebuilds and reloads the page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .builder import builder_env
from ..load.config import SiteConfig


def serve_command(config: SiteConfig, address: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "-f", str(config.config_file), "-a", address]


def serve(config: SiteConfig, address: str, content_dir: Path | None = None) -> int:
    """Run the preview until interrupted; returns its exit code."""
    try:
        return subprocess.call(serve_command(config, address), env=builder_env(config, content_dir))
    except KeyboardInterrupt:
        return 0
