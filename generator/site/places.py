"""How a place is written: its name, address and commune or ward, each
part only when the parts before it do not already say it (a venue named
"Sân văn hoá xã Khổng Lào" in the area "Xã Khổng Lào" is written once)."""

from __future__ import annotations

from collections.abc import Iterable


def distinct(parts: Iterable[str | None]) -> list[str]:
    """The non-empty parts, leaving out each one the kept ones already contain
    (compared without case)."""
    kept: list[str] = []
    for part in parts:
        if part and part.casefold() not in ", ".join(kept).casefold():
            kept.append(part)
    return kept
