"""Vietnamese lunar dates against published dates (reference section A)."""

import datetime as dt

import pytest

from generator.model.lunar import LunarError, in_year, is_leap_month, month_length, to_lunar, to_solar
from generator.model.occurrence import LunarDay

# "day/month[n]/lunar year = solar date"; "n" marks a leap (nhuận) month.
REFERENCE = [
    "1/1/1985 = 1985-01-21",  # Tết 1985: China 20 Feb
    "1/1/2007 = 2007-02-17",  # Tết 2007: China 18 Feb
    "1/1/2020 = 2020-01-25",
    "1/1/2021 = 2021-02-12",
    "1/1/2022 = 2022-02-01",
    "1/1/2023 = 2023-01-22",
    "1/1/2024 = 2024-02-10",
    "1/1/2025 = 2025-01-29",
    "1/1/2026 = 2026-02-17",
    "1/1/2030 = 2030-02-02",  # Tết 2030: China 3 Feb
    "15/1/2025 = 2025-02-12",  # Rằm tháng Giêng
    "10/3/2024 = 2024-04-18",  # Giỗ Tổ Hùng Vương
    "10/3/2025 = 2025-04-07",
    "15/8/2024 = 2024-09-17",  # Trung thu
    "15/8/2025 = 2025-10-06",
    "1/4n/2020 = 2020-05-23",
    "1/2n/2023 = 2023-03-22",
    "1/6n/2025 = 2025-07-25",
    "1/7/2025 = 2025-08-23",
]

# Published festival dates with their lunar date (reference section B).
PUBLISHED = [
    "10/3/2023 = 2023-04-29",  # Then Kin Pang 2023
    "14/2/2024 = 2024-03-23",  # Nàng Han 2024
    "15/2/2024 = 2024-03-24",
    "12/1/2024 = 2024-02-21",  # Lê Lợi temple 2024
    "7/10/2020 = 2020-11-21",  # Hà Nhì Tết Khu Sự Chà 2020
    "13/2/2024 = 2024-03-22",  # Bun Vốc Nặm 2024
]

# Festivals projected in the reference: "day/month: solar dates of 2025, 2026, 2027".
PROJECTED = [
    "10/3: 2025-04-07 2026-04-26 2027-04-16",  # Then Kin Pang
    "14/2: 2025-03-13 2026-04-01 2027-03-21",  # Nàng Han
    "12/1: 2025-02-09 2026-02-28 2027-02-17",  # Lê Lợi temple
    "15/9: 2025-11-04 2026-10-24 2027-10-14",  # Kin Lẩu Khẩu Mẩu
]


def parse(case: str) -> tuple[LunarDay, dt.date]:
    lunar, solar = case.split(" = ")
    day, month, year = lunar.split("/")
    leap = month.endswith("n")
    return LunarDay(int(day), int(month.rstrip("n")), int(year), leap), dt.date.fromisoformat(solar)


def rejected(day: int, month: int, year: int, leap: bool = False) -> str:
    with pytest.raises(LunarError) as caught:
        to_solar(day, month, year, leap)
    return str(caught.value)


@pytest.mark.parametrize("case", REFERENCE + PUBLISHED)
def test_lunar_to_solar(case):
    lunar, solar = parse(case)
    assert to_solar(lunar.day, lunar.month, lunar.year, lunar.leap) == solar


@pytest.mark.parametrize("case", REFERENCE + PUBLISHED)
def test_solar_to_lunar(case):
    lunar, solar = parse(case)
    assert to_lunar(solar) == lunar


@pytest.mark.parametrize("case", PROJECTED)
def test_projected_festivals(case):
    lunar, solar_dates = case.split(": ")
    day, month = map(int, lunar.split("/"))
    expected = [dt.date.fromisoformat(text) for text in solar_dates.split()]
    assert [in_year(day, month, year) for year in (2025, 2026, 2027)] == expected


def test_tet_and_hung_kings_agree_with_holidays_package():
    holidays = pytest.importorskip("holidays")
    calendar = holidays.Vietnam(years=range(1968, 2101), language="en_US")
    tet = sorted(day for day, name in calendar.items() if name == "Lunar New Year")
    assert len(tet) == 2100 - 1968 + 1
    assert tet == [to_solar(1, 1, day.year) for day in tet]
    hung = sorted(day for day, name in calendar.items()
                  if name == "Hung Kings' Commemoration Day")
    assert len(hung) == 2100 - 2007 + 1
    assert hung == [to_solar(10, 3, day.year) for day in hung]


def test_a_datetime_counts_by_its_date():
    assert to_lunar(dt.datetime(2030, 2, 2, 23, 59)) == LunarDay(1, 1, 2030)


def test_leap_months():
    assert is_leap_month(dt.date(2025, 7, 25))
    assert not is_leap_month(dt.date(2025, 8, 23))
    assert not is_leap_month(dt.date(2025, 6, 25))


def test_series_use_the_ordinary_month_of_a_leap_year():
    # 2025 has a leap month 6; the ordinary month 6 begins at the new moon of 25 June.
    assert in_year(1, 6, 2025) == dt.date(2025, 6, 25)
    assert in_year(15, 6, 2025) < to_solar(1, 6, 2025, leap=True)


def test_month_lengths():
    # Tết 2025 is 29 January and 30/2/2025 does not exist: month 1 has 30 days, month 2 has 29.
    assert month_length(1, 2025) == 30
    assert month_length(2, 2025) == 29


def test_day_30_falls_on_the_last_day_of_a_29_day_month():
    assert in_year(30, 2, 2025) == dt.date(2025, 3, 28)  # 29/2, where lunar-vn would give 1/3
    assert in_year(30, 1, 2025) == dt.date(2025, 2, 27)  # month 1 has a day 30


def test_day_30_of_a_29_day_month_is_rejected():
    assert "that month has only 29 days" in rejected(30, 2, 2025)


def test_leap_flag_in_a_year_without_leap_month_is_rejected():
    assert "2024 has no leap month 8 (it has no leap month)" in rejected(15, 8, 2024, leap=True)


def test_leap_flag_on_the_wrong_month_is_rejected():
    assert "2025 has no leap month 5 (its leap month is 6)" in rejected(1, 5, 2025, leap=True)


@pytest.mark.parametrize("day, month", [(1, 13), (0, 1), (31, 1), (1, 0)])
def test_impossible_numbers_are_rejected(day, month):
    assert "lunar months are numbered 1 to 12" in rejected(day, month, 2025)


@pytest.mark.parametrize("year", [1898, 2101, 3000])
def test_years_out_of_range_are_rejected(year):
    assert "outside the supported years 1900-2100" in rejected(1, 1, year)


@pytest.mark.parametrize("day", [dt.date(1899, 12, 31), dt.date(2101, 1, 1)])
def test_solar_dates_out_of_range_are_rejected(day):
    with pytest.raises(LunarError, match="outside the supported years"):
        to_lunar(day)


def test_month_length_of_a_missing_leap_month_is_an_error():
    with pytest.raises(LunarError, match="no leap month"):
        month_length(5, 2025, leap=True)
