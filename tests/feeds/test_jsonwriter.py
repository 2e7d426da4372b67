"""The feeds' JSON writer makes exactly the text of ``json_text(data,
indent=2)``: on the data of the built feeds, on generated data of every
JSON type, and for data that ``json`` itself must judge."""

import json
import random

import pytest
from feedsupport import built

from generator.feeds.jsonwriter import indented_json
from generator.site.jsontext import json_text

FILES = built()
JSON_FILES = sorted(path for path in FILES if path.endswith(".json"))


def test_the_feeds_have_json_files():
    assert {"api/events.json", "feeds/events.json"} <= set(JSON_FILES)


@pytest.mark.parametrize("path", JSON_FILES)
def test_a_built_feed_is_written_as_json_writes_it(path):
    data = json.loads(FILES[path])
    assert FILES[path] == (json_text(data, indent=2) + "\n").encode("utf-8")
    assert indented_json(data) == json_text(data, indent=2)


WORDS = ["", "a", "Lễ hội", "<b>", "A&B", "x > y", '"quoted"', "back\\slash", "line\nbreak\ttab",
         "\u2028\u2029", "\x00\x1f", "😀", "\ufeffbom", "</script>"]


def generated(chosen: random.Random, depth: int = 0):
    """A value of any JSON type, containers nested up to four deep."""
    kind = chosen.randrange(11 if depth < 4 else 7)
    if kind == 0:
        return chosen.choice(WORDS)
    if kind == 1:
        return chosen.choice([0, 1, -7, 10**20, True, False])
    if kind == 2:
        return chosen.choice([0.0, -0.0, 1.5, 1e-7, 1e22, 22.129, 103.465, 1 / 3])
    if kind == 3:
        return None
    if kind in (4, 5, 6):
        return chosen.choice(WORDS) + chosen.choice(WORDS)
    size = chosen.choice([0, 1, 2, 5])
    if kind in (7, 8):
        return {chosen.choice(WORDS) + str(i): generated(chosen, depth + 1) for i in range(size)}
    items = [generated(chosen, depth + 1) for _ in range(size)]
    return tuple(items) if kind == 9 else items


@pytest.mark.parametrize("seed", range(5))
def test_generated_data_is_written_as_json_writes_it(seed):
    chosen = random.Random(seed)
    for _ in range(400):
        data = generated(chosen)
        assert indented_json(data) == json_text(data, indent=2)


@pytest.mark.parametrize("data", [
    {1: "a", None: "b", 2.5: "c", False: "d"},  # keys json turns into strings
    [float("nan"), float("inf"), float("-inf")],
    {"nested": [{"x": {}}, [], [[]]]},
])
def test_data_json_judges_is_written_as_json_writes_it(data):
    assert indented_json(data) == json_text(data, indent=2)


@pytest.mark.parametrize("data", [{"when": object()}, {("a", "b"): 1}])
def test_data_json_refuses_is_refused_the_same_way(data):
    with pytest.raises(TypeError) as expected:
        json_text(data, indent=2)
    with pytest.raises(TypeError) as got:
        indented_json(data)
    assert str(got.value) == str(expected.value)


def test_a_circular_structure_is_refused_the_same_way():
    data: list = []
    data.append(data)
    with pytest.raises(ValueError, match="Circular"):
        indented_json(data)


def test_a_value_written_ahead_goes_in_as_it_is():
    """A feed's item kept from an earlier build (written two levels deep)
    gives the file the very text of the item written in place."""
    from generator.feeds.jsonwriter import written_at
    item = {"id": "https://x/su-kien/a/", "tags": ["Lễ hội", "<b>"], "_sukien": {"start": "2026-04-10", "end": None}}
    whole = {"version": "1.1", "items": [item, {"id": "b"}]}
    written = written_at(item, 2)
    assert written is not None
    assert indented_json({"version": "1.1", "items": [written, {"id": "b"}]}) == indented_json(whole)
    assert indented_json({"items": [written], "odd": float("nan")}) == json_text({"items": [item], "odd": float("nan")}, indent=2)
