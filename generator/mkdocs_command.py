"""``python -m generator.mkdocs_command build ...``: MkDocs' own command line
(``python -m mkdocs``) for the site builder of ``sukien build``
(:mod:`generator.pipeline.builder`), which leaves without taking the
process apart (:func:`generator.pipeline.process.leave`).

A builder holds the whole prepared site when MkDocs is done (400 MB at
10,000 events); Python's exit frees it object by object, 0.2 s that
``sukien build`` waited for.  Its exit code is MkDocs' (a strict build
that warned is 1), its output flushed first; nothing it made is left
behind by leaving early (the temporary files have no name, the memo's
packs are closed at the end of the build).

The cycle collector does not run while the builder imports MkDocs and
the theme and prepares the site (:mod:`generator.pipeline.collection`).
"""

from __future__ import annotations

import sys

from .pipeline import collection, process


def main(args: list[str]) -> int:
    """MkDocs' command line on ``args``; its exit code."""
    from mkdocs.__main__ import cli  # after the collector is paused: most of the start's objects

    try:
        cli.main(args=args, prog_name="mkdocs", standalone_mode=True)
    except SystemExit as leaving:
        code = leaving.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":
    collection.pause()  # until the plugin has prepared the site
    process.leave(main(sys.argv[1:]))
