import datetime as dt

import pytest

from desktop.i18n import set_language
from desktop.i18n.formatting import (
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_time,
    parse_money,
)

NBSP = "\xa0"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_finnish_practice_for_dates_and_times_in_every_language(language):
    assert format_date(dt.date(2019, 4, 17), language) == "17.4.2019"
    assert format_time(dt.time(13, 0), language) == "13.00"
    assert format_datetime(dt.datetime(2019, 4, 17, 9, 5), language) == "17.4.2019 9.05"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_money_has_a_space_thousands_separator_and_the_euro_after(language):
    assert format_money(123450, language) == f"1{NBSP}234,50{NBSP}€"
    assert format_money(0, language) == f"0,00{NBSP}€"
    assert format_number(1234.5, language) == f"1{NBSP}234,5"


def test_the_current_language_is_the_default():
    set_language("sv")
    assert format_money(5, None) == f"0,05{NBSP}€"


def test_money_is_parsed_exactly_into_cents():
    assert parse_money("1 234,50 €", "fi") == 123450
    assert parse_money("0,1", "fi") == 10
    assert parse_money("19,99", "sv") == 1999


def test_missing_values_are_blank():
    assert format_date(None) == format_time(None) == format_money(None) == ""
