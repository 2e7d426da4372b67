"""JSON as the site publishes it (feeds, open data, search, JSON-LD)."""

from __future__ import annotations

import json


def json_text(data: object, indent: int | None = None) -> str:
    """JSON whose strings carry no markup in its bytes: '<', '>' and '&'
    are \\u escapes (the same text once decoded), so no string can close a
    <script> block, and a client that sniffs the file as HTML finds none."""
    separators = None if indent else (",", ":")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
