"""Money typed by the officer, parsed exactly into integer cents."""

from __future__ import annotations

import re

from babel import numbers

from desktop.errors import ValidationError
from desktop.i18n import LANGUAGES, _, current_language

# Digits with spaces, a comma or a point: no signs, exponents or words (Decimal takes "1e3").
_ALLOWED = re.compile(r"^[0-9][0-9 .,]*$")
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")


def parse_cents(text: str, language: str | None = None) -> int:
    """``1 234,50`` (with or without ``€``) as ``123450``, in the user's locale.

    Refuses, with a ``ValidationError``, what is not a non-negative amount of euros with at most
    two decimals: ``12,345`` is not rounded (it may well have meant twelve thousand).
    """
    shown = text.strip()
    cleaned = shown.replace("€", "").translate(_SPACES)
    if not _ALLOWED.match(cleaned):
        raise ValidationError(_("'{text}' is not an amount of money.").format(text=shown))
    locale = LANGUAGES[language or current_language()][0]
    try:
        value = numbers.parse_decimal(cleaned, locale=locale, strict=False)
    except numbers.NumberFormatError as exc:
        raise ValidationError(_("'{text}' is not an amount of money.").format(text=shown)) from exc
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -2:
        raise ValidationError(
            _("'{text}' has more than two decimals: give the amount in euros and cents.")
            .format(text=shown))
    return int(value * 100)


def check_cents(value: object, what: str) -> int:
    """``value`` if it is a non-negative int; floats are refused, they are never exact."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be integer cents, not {type(value).__name__}")
    if value < 0:
        raise ValidationError(_("An amount of money cannot be negative."))
    return value

