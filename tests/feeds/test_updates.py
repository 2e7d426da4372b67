"""The words of feeds/updates.atom, one change at a time."""

import datetime as dt

import pytest
from feedsupport import NOW, ZONE, load

from generator.feeds.updates import describe
from generator.vcs.history import OccurrenceChange
from generator.model.event import Location

CONTENT = load()


def moment(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=ZONE) if " " in text else dt.date.fromisoformat(text)


def time_change(old, new):
    return OccurrenceChange(NOW, 2, "giai-dau", "time", (moment(old), None), (moment(new), None))


def status_change(old, new, note=None):
    return OccurrenceChange(NOW, 2, "giai-dau", "status", (old, None), (new, note))


@pytest.mark.parametrize("changes, words", [
    ([time_change("2026-04-12", "2026-04-19")], "Hoãn từ 12/4 sang 19/4"),
    ([time_change("2026-04-19", "2026-04-12")], "Dời lên sớm hơn, từ 19/4 sang 12/4"),
    ([time_change("2026-12-30", "2027-01-06")], "Hoãn từ 30/12/2026 sang 6/1/2027"),
    ([time_change("2026-04-12 07:30", "2026-04-12 14:00")], "Đổi giờ từ 07:30 12/4 sang 14:00 12/4"),
    ([status_change("confirmed", "cancelled", "Mưa lũ")], "Hủy sự kiện: Mưa lũ"),
    ([status_change("confirmed", "cancelled")], "Hủy sự kiện"),
    ([status_change("confirmed", "postponed")], "Hoãn sự kiện, chưa có ngày mới"),
    ([status_change("tentative", "confirmed")], "Đã xác nhận tổ chức"),
    ([status_change("postponed", "confirmed")], "Sự kiện được tổ chức trở lại"),
    # a postponed event that gets its new date: the date says it all
    ([time_change("2026-04-12", "2026-05-03"), status_change("postponed", "confirmed")],
     "Hoãn từ 12/4 sang 3/5"),
])
def test_words(changes, words):
    assert describe(changes, CONTENT) == words


def test_place_words_use_the_commune_name():
    change = OccurrenceChange(NOW, 2, "giai-dau", "place", Location("Sân bản Nà Ít", area="khong-lao"),
                    Location("Nhà văn hoá", address="Bản Mới; xã Khổng Lào", area="khong-lao"))
    assert describe([change], CONTENT) == (
        "Đổi địa điểm: Nhà văn hoá, Bản Mới; xã Khổng Lào (trước đây: Sân bản Nà Ít, Xã Khổng Lào)")


@pytest.mark.parametrize("changes, words", [
    ([time_change("2026-04-12", "2026-04-19")], "Postponed from 12/4 to 19/4"),
    ([status_change("confirmed", "cancelled", "Mưa lũ")], "Cancelled: Floods"),  # its English is known
    ([status_change("confirmed", "postponed", "Chưa rõ")], "Postponed: Chưa rõ"),  # no English: as written
    ([status_change("postponed", "confirmed")], "Going ahead again"),
])
def test_words_in_english_for_the_english_press_page(changes, words):
    assert describe(changes, CONTENT, "en", {"Mưa lũ": "Floods"}) == words
