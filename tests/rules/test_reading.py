"""Reading rules: encoding, YAML syntax, tags, aliases, size, shapes."""

import pytest

from contenttree import VALID, check, problems, with_fields


def test_valid_file_has_no_problem(tmp_path):
    assert check(tmp_path, VALID) == []


@pytest.mark.parametrize("data, expected", [
    (b"\xff\xfetitle: x\n", ("invalid-encoding", 1, 1)),
    (b"title: ok\nsummary: caf\xe9\n", ("invalid-encoding", 2, 13)),
    (b"title: a\x00b\n", ("invalid-encoding", 1, 9)),
    (b"", ("empty-file", 1, 1)),
    (b"# chi co ghi chu\n", ("empty-file", 1, 1)),
    (b"title: x\n\tsummary: y\n", ("yaml-syntax", 2, 1)),
    (b"title: x: y\n", ("yaml-syntax", 1, 9)),
    (b"title: x\n---\ntitle: y\n", ("yaml-syntax", 2, 1)),
    (b"x: !!python/object:os.system {}\n", ("yaml-tag", 1, 4)),
    (b"title: !!binary aGVsbG8=\n", ("yaml-tag", 1, 8)),
    (b"a: &x [1, 2]\nb: *x\n", ("yaml-alias", 1, 4)),
    (b"a: *x\n", ("yaml-alias", 1, 4)),
    (b"- a\n- b\n", ("wrong-type", 1, 1)),
    (b"just text\n", ("wrong-type", 1, 1)),
])
def test_file_level_problems(tmp_path, data, expected):
    assert check(tmp_path, data)[0] == expected


def test_tab_message_names_the_tab(tmp_path):
    (problem,) = problems(tmp_path, b"title: x\n\tsummary: y\n")
    assert "Tab" in problem.message and "Tab" in problem.message_en


def test_alias_bomb_is_refused_quickly(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    assert check(tmp_path, bomb.encode()) == [("yaml-alias", 1, 4)]


def test_deep_nesting_is_a_syntax_error_not_a_crash(tmp_path):
    data = ("title: " + "[" * 50000 + "]" * 50000 + "\n").encode()
    assert check(tmp_path, data)[0][0] == "yaml-syntax"


def test_file_too_large(tmp_path):
    data = VALID.encode() + b"description: |\n" + b"  " + b"x" * 2000 + b"\n"
    assert check(tmp_path, data, max_file_size=1000) == [("file-too-large", 1, 1)]


def test_bom_and_crlf_keep_exact_text(tmp_path):
    text = "\ufeff" + with_fields(title="no").replace("\n", "\r\n")
    assert check(tmp_path, text.encode("utf-8")) == []


def test_duplicate_key_points_at_second(tmp_path):
    assert check(tmp_path, VALID + "title: Lần hai\n") == [("duplicate-key", 13, 1)]


def test_duplicate_nested_key(tmp_path):
    text = with_fields(contact='\n  name: A\n  phone: "0912 345 678"\n  name: B')
    assert check(tmp_path, text) == [("duplicate-key", 13, 3)]


@pytest.mark.parametrize("key, suggestion", [
    ("summry", "summary"), ("Title", "title"), ("mo_ta", "description"),
    ("dia_diem", "location"), ("ngay_ket_thuc", "end"),
])
def test_unknown_key_suggests(tmp_path, key, suggestion):
    (problem,) = problems(tmp_path, VALID + f"{key}: x\n")
    assert problem.code == "unknown-key" and (problem.line, problem.column) == (13, 1)
    assert f"'{suggestion}'" in problem.message and f"'{suggestion}'" in problem.message_en


def test_unknown_nested_key(tmp_path):
    text = with_fields(location="\n  name: Sân\n  adress: Bản Nà Vàn")
    (problem,) = problems(tmp_path, text)
    assert (problem.code, problem.line, problem.column) == ("unknown-key", 8, 3)
    assert "location.adress" in problem.message and "'address'" in problem.message


@pytest.mark.parametrize("data", [b"---\n", b"~\n", b"---\n# nothing\n...\n"])
def test_null_document_is_empty(tmp_path, data):
    assert check(tmp_path, data) == [("empty-file", 1, 1)]


@pytest.mark.parametrize("value", ["~", "null", ""])
def test_null_end_means_no_end(tmp_path, value):
    assert check(tmp_path, with_fields(end=value) if value else with_fields(end="")) == []


def test_quoted_null_is_text(tmp_path):
    assert check(tmp_path, with_fields(title='"null"')) == []


def test_control_character_is_located(tmp_path):
    assert check(tmp_path, b"title: x\nsummary: \"a\x07b\"\n") == [("yaml-syntax", 2, 12)]
