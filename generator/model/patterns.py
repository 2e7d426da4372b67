"""The forms of ids, phone numbers and e-mail addresses: one definition
that the validator, ``sukien new`` / ``sukien from-issue`` and the JSON
Schema (editors' completion) all use, so that they cannot disagree.

Each pattern is written so that Python's ``re`` and the ECMAScript
regular expressions of JSON Schema read it alike (anchored, lookaheads
only); length limits that belong to the form are inside the pattern.
"""

from __future__ import annotations

import re

ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
EVENT_ID_LENGTH = (3, 80)  # an event id (its file name), inclusive
# digits, spaces, . - ( ), a leading +; at least one digit; one number
PHONE = r"^(?=[^0-9]*[0-9])\+?[0-9 .()-]{1,40}$"
EMAIL = r'^(?=.{1,254}$)[^@\s<>(),;:"]+@[^@\s<>(),;:"]+\.[^@\s<>(),;:".]{2,}$'

_ID, _PHONE, _EMAIL = re.compile(ID), re.compile(PHONE), re.compile(EMAIL)

# What no text may hold: C0/C1 controls (tab and line ends aside), the
# bidirectional overrides that make a text display as another ("Trojan
# Source"), and what XML cannot carry (U+FFFE, U+FFFF, lone surrogates)
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
CONTROL = re.compile(f"[{_CONTROLS}]")
CONTROL_OR_BREAK = re.compile(f"[\t\n\r{_CONTROLS}]")  # for one-line texts


def is_id(value: str) -> bool:
    """The form of every id (units, categories, areas, tags, events)."""
    return _ID.fullmatch(value) is not None


def is_event_id(value: str) -> bool:
    low, high = EVENT_ID_LENGTH
    return low <= len(value) <= high and is_id(value)


def is_phone(value: str) -> bool:
    return _PHONE.fullmatch(value) is not None


def is_email(value: str) -> bool:
    return _EMAIL.fullmatch(value) is not None
