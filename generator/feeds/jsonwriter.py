"""The feeds' JSON files (open data, JSON Feed), compact, with their items
written one at a time.

A file is ``json_text`` of its data (no indentation: the standard
library's C encoder writes it, where indenting leaves it for Python code
four times slower, and the file is a third smaller).  Each item of the
file's list (an event's record, a feed's item) is written on its own, so
that an item kept from an earlier build (:class:`Written`) goes in as its
text: :func:`json_file` makes exactly ``json_text`` of the whole data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..site.jsontext import json_text


@dataclass(frozen=True)
class Written:
    """An item as :func:`json_file` writes it (``json_text`` of it)."""

    text: str


def written(data: object) -> Written:
    return Written(json_text(data))


def json_file(head: Mapping[str, object], key: str, items: Sequence[object]) -> bytes:
    """``json_text({**head, key: items})`` and a line break, as UTF-8,
    with each :class:`Written` item as it is (``key`` not in ``head``)."""
    parts = [item.text if isinstance(item, Written) else json_text(item) for item in items]
    opening = json_text(dict(head))[:-1] + ("," if head else "")
    return f"{opening}{json_text(key)}:[{','.join(parts)}]}}\n".encode()
