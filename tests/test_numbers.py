"""Vietnamese number formats, as sources and documents write them."""

from __future__ import annotations

import math

import pytest

from cchc_research.errors import DataError
from cchc_research.numbers import parse_fraction, parse_number
from cchc_research.sources.readers.common import number


@pytest.mark.parametrize("text, expected", [
    ("95,6", 95.6), ("26.131", 26131), ("1.234.567", 1234567), ("1.234,5", 1234.5), ("89.30", 89.3),
    ("06", 6), ("-2,15", -2.15), ("12 345", 12345),
])
def test_vietnamese_style(text, expected):
    assert parse_number(text, "vi") == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [("44.396", 44.396), ("12,345", 12345), ("1,234.5", 1234.5)])
def test_english_style(text, expected):
    assert parse_number(text, "en") == pytest.approx(expected)


def test_fractions():
    assert parse_fraction("89.30/100") == (89.3, 100)
    assert parse_fraction("7/63") == (7, 63)
    assert parse_fraction("91,47") == (91.47, None)


@pytest.mark.parametrize("text", ["", "abc", "9,5,1", "1.2.3"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text, "vi")


def test_data_cells_accept_both_marks_and_scores_out_of_100():
    """Data columns are machine-written with a decimal point; a decimal comma or '/100' is also read."""
    assert number("95.6", file="f", row=2, column="value") == 95.6
    assert number("95,6", file="f", row=2, column="value") == 95.6
    assert number("89.30/100", file="f", row=2, column="value") == 89.3
    assert math.isnan(number("", file="f", row=2, column="value"))
    with pytest.raises(DataError, match=r"f, row 9, column 'value': malformed number \(value: '9,5,1'\)"):
        number("9,5,1", file="f", row=9, column="value")
