"""spec/event-format.md, the format documented inside the project, is kept
in step with the JSON Schema: every key the schema knows is documented, at
the top level and below it, and every documented key is in the schema."""

from __future__ import annotations

import re
from pathlib import Path

from generator.workflow.schema import event_schema

SPEC = Path(__file__).resolve().parents[2] / "spec" / "event-format.md"
ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+) \|", re.M)


def _section(title: str) -> str:
    text = SPEC.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def documented(title: str) -> dict[str, str]:
    """``{key: required column}`` of a section's table."""
    return {key: required.strip() for key, required in ROW.findall(_section(title))}


def schema_keys(node: dict, prefix: str = "") -> dict[str, bool]:
    """Every key path of the schema (``links[].url``, ``exceptions.<year>.en``),
    with whether its mapping requires it."""
    found: dict[str, bool] = {}
    if isinstance(node.get("items"), dict):
        found.update(schema_keys(node["items"], prefix + "[]"))
    required = set(node.get("required", ()))
    for key, child in node.get("properties", {}).items():
        path = f"{prefix}.{key}" if prefix else key
        found[path] = key in required
        found.update(schema_keys(child, path))
    for child in node.get("patternProperties", {}).values():
        found[f"{prefix}.<year>"] = False
        found.update(schema_keys(child, f"{prefix}.<year>"))
    return found


def test_the_readme_points_to_the_spec_in_the_repository():
    readme = (SPEC.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "(spec/event-format.md)" in readme and "(spec/rule-codes.md)" in readme and "(spec/outputs.md)" in readme


def test_every_top_level_key_is_documented_and_every_documented_key_exists():
    keys = {path: needed for path, needed in schema_keys(event_schema()).items() if "." not in path and "[" not in path}
    table = documented("Fields")
    assert sorted(table) == sorted(keys)
    assert {key for key, needed in table.items() if needed == "yes"} == {key for key, needed in keys.items() if needed}


def test_every_nested_key_is_documented_and_every_documented_key_exists():
    keys = {path: needed for path, needed in schema_keys(event_schema()).items() if "." in path or "[" in path}
    table = documented("Nested keys")
    missing, unknown = sorted(set(keys) - set(table)), sorted(set(table) - set(keys))
    assert (missing, unknown) == ([], []), "document the first in spec/event-format.md, or drop the second"
    assert {k for k, v in table.items() if v == "yes"} == {k for k, v in keys.items() if v}
