"""The date-line parser: every common style of a header date, and lines that are not dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retell.extract.dates import date_line, parse_date

ENGLISH = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
GERMAN = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


STYLES = [
    lambda d: f"{WEEKDAYS[d.weekday()][:3]}. {ENGLISH[d.month - 1][:3]} {ordinal(d.day)}, {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {ENGLISH[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {ENGLISH[d.month - 1]} {d.year}",
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.day}. {GERMAN[d.month - 1]} {d.year}",
    lambda d: f"{ENGLISH[d.month - 1]} {d.day}, {d.year} at 4:12 pm",
    lambda d: f"Published: {d.day:02d}.{d.month:02d}.{d.year} 09:30 GMT",
    lambda d: f"{WEEKDAYS[d.weekday()]} {ordinal(d.day)} {ENGLISH[d.month - 1]} {d.year}",
]


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(range(len(STYLES))),
)
def test_every_style_reads_back_the_same_date(date: dt.date, style: int) -> None:
    line = STYLES[style](date)
    assert date_line(line) == date


@given(st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=60))
def test_lines_without_digits_are_never_dates(line: str) -> None:
    assert date_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "March 3, 2025 protest draws thousands to the square",
        "Council approves budget of 4.2m for 2025",
        "31/02/2025",
        "2025-13-01",
        "By Ada Brennan",
    ],
)
def test_headlines_and_impossible_dates_are_not_date_lines(line: str) -> None:
    assert date_line(line) is None


def test_ambiguous_numeric_dates_read_day_first_unless_impossible() -> None:
    assert date_line("03/04/2025") == dt.date(2025, 4, 3)
    assert date_line("04/23/2025") == dt.date(2025, 4, 23)


def test_parse_date_finds_a_date_inside_a_longer_line() -> None:
    found = parse_date("By Ada Brennan | 2 April 2025, 10:15")
    assert found is not None
    assert found[0] == dt.date(2025, 4, 2)
