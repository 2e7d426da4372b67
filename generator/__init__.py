"""sukien: the public event calendar of Lai Châu province.

The core (loading, validation, repeats, feeds, page Markdown) imports
neither MkDocs nor the CLI; ``cli.py`` and ``mkdocs_plugin.py`` are thin
adapters over it.
"""
