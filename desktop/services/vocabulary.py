"""Translated labels of the stored codes (the codes themselves are in storage.models.enums)."""

from __future__ import annotations

import functools
from enum import StrEnum

from desktop.i18n import _, translate_in
from desktop.storage.models.enums import (
    LABELS as _LABELS,
)


def label(enum_type: type[StrEnum], code: str) -> str:
    """The translated label of a stored code; an unknown code is shown as it is."""
    try:
        return _(_LABELS[(enum_type, enum_type(code).value)])
    except (ValueError, KeyError):
        return code


def labels(enum_type: type[StrEnum]) -> list[tuple[str, str]]:
    """(code, label) pairs in declaration order, for combo boxes and filters."""
    return [(member.value, _(_LABELS[(enum_type, member.value)])) for member in enum_type]


@functools.lru_cache(maxsize=4096)
def label_in(language: str, enum_type: type[StrEnum], code: str) -> str:
    """The label in a given language, e.g. for a document written in another language. (Kept:
    a page of the register asks for three per row, and a language's catalogue never changes
    while the program runs.)"""
    try:
        return translate_in(language, _LABELS[(enum_type, enum_type(code).value)])
    except (ValueError, KeyError):
        return code
