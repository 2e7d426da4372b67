"""Broken files as unit staff make them: each mistake is reported once, at
its own line (not where libyaml noticed it), in Vietnamese."""

import pytest

from contenttree import problems

# A real-looking event: long Vietnamese and English texts below the contact,
# so that a mistake near the top is noticed by libyaml far below it.
EVENT = """\
# yaml-language-server: $schema=../../event.schema.json
title: Lễ hội Then Kin Pang
summary: Lễ hội truyền thống của đồng bào Thái trắng xã Khổng Lào.
category: le-hoi
start: 2026-04-26 07:30
end: 2026-04-26 17:30
location:
  name: Sân lễ hội bên suối Nậm Lùm
  address: Xã Khổng Lào, tỉnh Lai Châu
  area: khong-lao
  geo: [22.492, 103.421]
contact:
  name: Phòng Quản lý Văn hóa
  phone: "0213 3800 051"
  email: quanlyvanhoa@laichau.example.vn
tags: [thai-trang, khong-lao]
schedule:
  - start: 07:30
    end: 09:00
    title: Lễ rước nước
  - start: 09:00
    title: Khai mạc lễ hội
description: |
  **Then Kin Pang** là lễ hội lớn nhất trong năm của đồng bào Thái trắng.

  Phần hội nổi tiếng với nghi lễ té nước bên suối Nậm Lùm.
en:
  title: Then Kin Pang Festival
  description: |
    **Then Kin Pang** ("offering to the sky") is the main yearly festival
    of the White Thai people of Khong Lao.
"""


def broken(line: int, old: str, new: str) -> str:
    lines = EVENT.splitlines(keepends=True)
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "".join(lines)


def test_the_event_is_valid(tmp_path):
    assert problems(tmp_path, EVENT) == []


@pytest.mark.parametrize("line, old, new, where, words", [
    # a closing double quote forgotten: libyaml notices it at the English text's quote
    (14, '"0213 3800 051"', '"0213 3800 051', (14, 10), ['dấu ngoặc kép " mở ở đây chưa được đóng', "dòng 30"]),
    (8, "name: Sân", "name: 'Sân", (8, 9), ["dấu ngoặc đơn ' mở ở đây chưa được đóng"]),
    (11, "103.421]", "103.421", (11, 8), ["danh sách mở bằng '[' ở đây chưa được đóng bằng ']'"]),
    (16, "[thai-trang, khong-lao]", "{thai-trang, khong-lao]", (16, 7), ["bảng mở bằng '{'"]),
], ids=["double-quote", "single-quote", "bracket", "brace"])
def test_unclosed_quote_or_bracket_is_reported_where_it_opens(tmp_path, line, old, new, where, words):
    (problem,) = problems(tmp_path, broken(line, old, new))
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", *where)
    for word in words:
        assert word in problem.message
    assert "not closed" in problem.message_en


@pytest.mark.parametrize("line, old, new, where, words", [
    (9, "  address", "   address", (9, 4), ["thụt lề sai ở dòng 9", "nhiều hơn dòng 8 ('name', 2 dấu cách)"]),
    (9, "  address", " address", (9, 2), ["thụt lề sai ở dòng 9", "ít hơn dòng 8"]),
    (10, "  area", "    area", (10, 5), ["thụt lề sai ở dòng 10", "nhiều hơn dòng 9 ('address'"]),
    (19, "    end", "     end", (19, 6), ["thụt lề sai ở dòng 19", "dòng 18 ('start', 4 dấu cách)"]),
    (21, "  - start", "   - start", (21, 4), ["thụt lề sai ở dòng 21"]),
    # the first key deeper than the ones below it: that first key is the mistake
    (8, "  name", "    name", (8, 5), ["thụt lề sai ở dòng 8: thụt 4 dấu cách, nhiều hơn dòng 9 ('address', 2"]),
], ids=["deeper", "shallower", "deeper-after-sibling", "schedule-item", "list-item", "first-key-deeper"])
def test_wrong_indentation_is_named_as_such_at_its_line(tmp_path, line, old, new, where, words):
    (problem,) = problems(tmp_path, broken(line, old, new))
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", *where)
    for word in words:
        assert word in problem.message
    assert "dấu ':'" not in problem.message and "wrong indentation" in problem.message_en


def test_a_colon_inside_a_value_is_still_explained_as_a_colon(tmp_path):
    (problem,) = problems(tmp_path, broken(3, "Khổng Lào.", "Khổng Lào: cầu mưa."))
    assert (problem.line, problem.column) == (3, 66)
    assert "dấu ':' không được phép ở đây" in problem.message


@pytest.mark.parametrize("line, old, new, key", [
    (2, "title:", "tittle:", "title"),
    (4, "category:", "categry:", "category"),
    (13, "  name:", "  nam:", "contact.name"),
])
def test_a_misspelt_required_key_is_one_problem_at_the_typo(tmp_path, line, old, new, key):
    (problem,) = problems(tmp_path, broken(line, old, new))
    assert (problem.code, problem.line) == ("unknown-key", line)
    assert f"có phải ý bạn là '{key.split('.')[-1]}'?" in problem.message
    assert f"Tệp đang thiếu trường '{key}'" in problem.message


def test_a_typo_beside_the_right_key_does_not_claim_it_is_missing(tmp_path):
    (problem,) = problems(tmp_path, EVENT + "tittle: Lần hai\n")
    assert problem.code == "unknown-key" and "thiếu" not in problem.message


def test_a_required_key_indented_into_the_mapping_above_is_one_problem_at_its_line(tmp_path):
    lines = EVENT.splitlines(keepends=True)
    assert lines[11] == "contact:\n"
    text = "".join(lines[:11] + ["  " + line for line in lines[11:15]] + lines[15:])  # contact under location
    (problem,) = problems(tmp_path, text)
    assert (problem.code, problem.line, problem.column) == ("unknown-key", 12, 3)
    assert problem.message.startswith("thụt lề sai ở dòng 12: 'contact' là trường cấp ngoài cùng")
    assert "indented into 'location'" in problem.message_en


@pytest.mark.parametrize("line, old, new, where, words", [
    # a nested key pulled out to the margin: the lines on either side agree, it is the odd one
    (9, "  address", "address", (9, 1), ["thụt lề sai ở dòng 9: thụt 0 dấu cách, ít hơn dòng 8 ('name', 2"]),
    (21, "  - start", "- start", (21, 1), ["mục danh sách '- ' thụt 0 dấu cách, các mục ở trên (dòng 18) thụt 2"]),
    # the first key of 'en:' at the margin: it is the one out, not the key below it
    (28, "  title: Then", "title: Then", (28, 1), ["thụt lề sai ở dòng 28: thụt 0 dấu cách, ít hơn dòng 29"]),
    # a key of a list item pulled back to the '- ': named against the item's keys, not the dashes
    (20, "    title: Lễ rước", "  title: Lễ rước", (20, 3), ["thụt 2 dấu cách, ít hơn dòng 19 ('end', 4"]),
], ids=["nested-key-out", "list-item-out", "first-nested-key-out", "item-key-out"])
def test_a_line_too_far_out_is_reported_at_that_line(tmp_path, line, old, new, where, words):
    (problem,) = problems(tmp_path, broken(line, old, new))
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", *where)
    for word in words:
        assert word in problem.message
    assert "wrong indentation" in problem.message_en


@pytest.mark.parametrize("line, old, new, where, words", [
    (4, "category: le-hoi", "category le-hoi", (4, 1), ["thiếu dấu ':' sau tên trường 'category'"]),
    (13, "  name: Phòng", "  name Phòng", (13, 3), ["thiếu dấu ':' sau tên trường 'name'"]),
    # a line of the description that lost its indentation
    (26, "  Phần hội", "Phần hội", (26, 1), ["hãy thụt lề cho thẳng với các dòng trên"]),
], ids=["top-key", "nested-key", "text-line"])
def test_a_line_without_colon_is_reported_at_that_line_not_the_next(tmp_path, line, old, new, where, words):
    (problem,) = problems(tmp_path, broken(line, old, new))
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", *where)
    for word in words:
        assert word in problem.message


def test_a_colon_inside_a_list_item_asks_for_quotes(tmp_path):
    (problem,) = problems(tmp_path, broken(16, "tags: [thai-trang, khong-lao]",
                                           "co_organizers:\n  - Ban tổ chức: Tuần Văn hóa"))
    assert (problem.code, problem.line, problem.column) == ("wrong-type", 17, 5)
    assert "dấu ':' ở giữa giá trị" in problem.message
    assert '"Ban tổ chức: Tuần Văn hóa"' in problem.message


def test_an_unclosed_quote_inside_brackets_is_the_quote_not_the_bracket(tmp_path):
    (problem,) = problems(tmp_path, broken(16, "[thai-trang, khong-lao]", "['thai-trang, khong-lao]"))
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", 16, 8)
    assert "dấu ngoặc đơn ' mở ở đây chưa được đóng" in problem.message


def test_words_after_a_closing_quote_are_named_as_such(tmp_path):
    (problem,) = problems(tmp_path, broken(2, "title: Lễ hội Then Kin Pang", 'title: "Lễ hội" Then Kin Pang'))
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", 2, 17)
    assert problem.message.startswith('lỗi cú pháp YAML: có chữ sau dấu " đóng (Then Kin Pang)')
    assert "thụt lề" not in problem.message


def test_a_value_beside_a_key_that_holds_a_block_is_named_at_that_key(tmp_path):
    """'contact: Phòng...' over its own name and phone: not 'contact' too far
    out (the block above has a 'name' too, so the lines below are contact's)."""
    (problem,) = problems(tmp_path, broken(12, "contact:", "contact: Phòng Văn hóa"))
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", 12, 1)
    assert "'contact' đã có giá trị trên cùng dòng" in problem.message
