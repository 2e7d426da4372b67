"""The quick pre-check before the scan for tags, anchors and aliases never
lets one through: whatever the parser's own events show, ``parse`` refuses."""

import random

import pytest

from generator.load.yamlread import parse, scan_events

PIECES = ["a", "b: ", "title", ": ", "- ", "[", "]", "{", "}", ", ", "!", "!!str ", "&", "&x ", "*", "*x", "**",
          "\n", "  ", "\t", "\u00a0", "\u3000", "đậm", "Văn hoá & Du lịch", "#", "'", '"', "|\n  ", "?", "x"]


@pytest.mark.parametrize("text", [
    "a: [&x 1, *x]\n", "a: {b: !t c}\n", "a:\t!t c\n", "- &a\n  b: *a\n", "!t a\n", "&a b\n",
    "a: [*x]\n", "a: {b: *c}\n", "a: b\n---\n!!str c\n",
])
def test_every_node_property_is_reported(text):
    assert (issue := scan_events(text)) is not None
    assert parse(text) == (None, issue)


def test_random_documents_agree_with_the_parser_events():
    rng = random.Random(12)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12)))
        issue = scan_events(text)
        if issue is not None:
            found += 1
            node, problem = parse(text)
            assert node is None and problem is not None, repr(text)
            # the same problem, or a syntax error where libyaml stops first ("[?&x")
            assert problem.code in (issue.code, "yaml-syntax"), repr(text)
    assert found > 1000  # the pieces do make tags, anchors and aliases

