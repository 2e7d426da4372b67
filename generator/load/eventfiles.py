"""Which files of the content tree are event files: the one rule that
loading the tree, reading its git history and ``sukien new`` share.

An event file lies below ``events/`` (in its unit's folder), outside the
``images`` folders and hidden folders, is not hidden itself, and its name
ends in ``.yaml`` or ``.yml`` in any case (browsers' upload forms and some
editors write ``.YAML``).  Its name without the suffix is the event's id.
A file so named directly in ``events/`` belongs to no unit: the loader
reads it only to report it (``unknown-unit``), so it is never published.
"""

from __future__ import annotations

from pathlib import PurePosixPath

EVENTS = "events"
EVENT_SUFFIXES = (".yaml", ".yml")


def is_event_name(name: str) -> bool:
    """The file name of an event file (its folder aside)."""
    return name.lower().endswith(EVENT_SUFFIXES) and not name.startswith(".")


def holds_events(folder_name: str) -> bool:
    """False for the folders below ``events/`` that hold no event file."""
    return folder_name != "images" and not folder_name.startswith(".")


def is_event_path(path: str) -> bool:
    """A path relative to the content folder, with ``/``, names an event
    file (``events/<unit>/<id>.yaml``, or deeper in the unit's folder)."""
    *folders, name = PurePosixPath(path).parts
    return (len(folders) >= 2 and folders[0] == EVENTS and all(map(holds_events, folders[1:]))
            and is_event_name(name))


def event_id_of(name: str) -> str:
    """The id an event file's name gives (the name without its suffix)."""
    return name[: name.lower().rfind(".")]
