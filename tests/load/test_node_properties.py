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



def _shape(node):
    """A node tree as plain values: kinds, tags, styles, text and every mark."""
    if node is None:
        return None
    marks = (node.start_mark.line, node.start_mark.column, node.start_mark.index,
             node.end_mark.line, node.end_mark.column, node.end_mark.index)
    if isinstance(node.value, str):
        inner = node.value
    elif node.value and isinstance(node.value[0], tuple):
        inner = [(_shape(k), _shape(v)) for k, v in node.value]
    else:
        inner = [_shape(item) for item in node.value]
    return type(node).__name__, node.tag, getattr(node, "style", None), getattr(node, "flow_style", None), marks, inner


def test_the_file_bytes_and_its_text_compose_alike():
    """libyaml reads the file's bytes when they are at hand: the nodes and
    their marks, and every issue (syntax, control characters) are those of
    the decoded text."""
    rng = random.Random(7)
    pieces = PIECES + ["\r\n", "\x07", "\x85", "\u2028", "\ufeff", "ngày 26/4", "\U0001f600", "a: b: c"]
    checked = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        (node, issue), (from_bytes, bytes_issue) = parse(text), parse(text, text.encode("utf-8"))
        assert (_shape(from_bytes), bytes_issue) == (_shape(node), issue)
        checked += node is not None
    assert checked > 500
