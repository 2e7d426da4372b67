"""The feeds' JSON files are ``json_text`` of their data, compact, with
each item written on its own: on the built feeds, and on generated data
of every JSON type, kept items included."""

import json
import random

import pytest
from feedsupport import built

from generator.feeds.jsonwriter import Written, json_file, written
from generator.site.jsontext import json_text

FILES = built()
JSON_FILES = sorted(path for path in FILES if path.endswith(".json"))


def test_the_feeds_have_json_files():
    assert {"api/events.json", "feeds/events.json"} <= set(JSON_FILES)


@pytest.mark.parametrize("path", JSON_FILES)
def test_a_built_feed_is_compact_json_text(path):
    data = json.loads(FILES[path])
    assert FILES[path] == (json_text(data) + "\n").encode("utf-8")
    assert b"\n" not in FILES[path].rstrip(b"\n")  # one line: no indentation


WORDS = ["", "a", "Lễ hội", "<b>", "A&B", "x > y", '"quoted"', "back\\slash", "line\nbreak\ttab",
         "\u2028\u2029", "\x00\x1f", "😀", "\ufeffbom", "</script>", "]}", '","items":[']


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
def test_a_file_of_items_written_apart_is_the_json_text_of_the_whole(seed):
    chosen = random.Random(seed)
    for _ in range(200):
        head = {chosen.choice(WORDS) + str(i): generated(chosen, 1) for i in range(chosen.choice([0, 1, 3]))}
        items = [generated(chosen, 1) for _ in range(chosen.choice([0, 1, 4]))]
        kept = [written(item) if chosen.random() < 0.5 else item for item in items]
        whole = json_text({**head, "items": items}) + "\n"
        assert json_file(head, "items", kept) == whole.encode("utf-8")
        assert json.loads(whole) == json.loads(json.dumps({**head, "items": items}))


def test_a_kept_item_goes_in_as_its_text():
    """An item kept from an earlier build is not written again: its text is
    the file's, even were it not the item's (the memo's key says whether
    it is)."""
    assert json_file({"version": "1.1"}, "items", [Written('{"id":"kept"}'), {"id": "new"}]) == \
        b'{"version":"1.1","items":[{"id":"kept"},{"id":"new"}]}\n'
