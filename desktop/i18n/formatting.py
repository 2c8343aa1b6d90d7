"""Dates, times, money and numbers formatted with Babel for the chosen language.

Finland Swedish writes dates and times as Finnish does (17.4.2019, 13.00), which CLDR's sv_FI
does not; those two patterns are given to Babel explicitly.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import dates, numbers

from desktop.i18n import LANGUAGES, current_language

_DATE_PATTERN = {"fi": "short", "sv": "d.M.y", "en": "d.M.y"}
_TIME_PATTERN = {"fi": "short", "sv": "H.mm", "en": "H.mm"}


def _locale(language: str | None) -> str:
    return LANGUAGES[language or current_language()][0]


def format_date(value: dt.date | None, language: str | None = None) -> str:
    if value is None:
        return ""
    lang = language or current_language()
    return dates.format_date(value, _DATE_PATTERN[lang], locale=_locale(lang))


def format_time(value: dt.time | None, language: str | None = None) -> str:
    if value is None:
        return ""
    lang = language or current_language()
    return dates.format_time(value, _TIME_PATTERN[lang], locale=_locale(lang))


def format_datetime(value: dt.datetime | None, language: str | None = None) -> str:
    if value is None:
        return ""
    return f"{format_date(value.date(), language)} {format_time(value.time(), language)}"


def format_utc(value: dt.datetime | None, language: str | None = None) -> str:
    """A stored time (naive UTC, as the store keeps them) in this computer's local time."""
    if value is None:
        return ""
    local = value.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    return format_datetime(local, language)


def format_money(cents: int | None, language: str | None = None, currency: str = "EUR") -> str:
    """Money is stored as integer cents; shown as ``1 234,50 €``."""
    if cents is None:
        return ""
    return numbers.format_currency(Decimal(cents) / 100, currency, locale=_locale(language))


def format_number(value: int | float | Decimal, language: str | None = None) -> str:
    return numbers.format_decimal(value, locale=_locale(language))


def format_percent(value: float, language: str | None = None) -> str:
    return numbers.format_percent(value, locale=_locale(language))


def parse_money(text: str, language: str | None = None) -> int:
    """Parse ``1 234,50`` (with or without €) into cents; raises ``NumberFormatError``."""
    cleaned = text.replace("€", "").replace("\xa0", " ").strip().replace(" ", "")
    value = numbers.parse_decimal(cleaned, locale=_locale(language), strict=False)
    return int((value * 100).quantize(Decimal(1)))
