"""Writing event files the way units write them (``sukien new`` and
``sukien from-issue`` share this)."""

from __future__ import annotations

import re

import yaml

from .schema import SCHEMA_COMMENT


class Quoted(str):
    """Written in double quotes whatever it holds (phone numbers)."""


class _Dumper(yaml.SafeDumper):
    """Quotes every string that a YAML 1.1 or 1.2 reader could take for a
    number, boolean or null (``no``, ``0912345678``), and leaves ISO dates
    plain, as units write them: our reader takes every scalar as text."""


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
_Dumper.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Dumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"), list("-+.0123456789"))
_Dumper.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^[yYnN]$"), list("yYnN"))


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if isinstance(value, Quoted) else ("|" if "\n" in value else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Quoted, _represent_str)


def dump_event(doc: dict) -> str:
    """The file's text: the schema line for editors, then the mapping."""
    body = yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000)
    return f"{SCHEMA_COMMENT}\n{body}"
