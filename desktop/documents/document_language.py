"""A document's language: one of the application's languages, or a bilingual pair such as ``fi+sv``.

A bilingual document prints every fixed label in both languages, ``Esityslista / Föredragningslista``;
dates and numbers are written the first language's way (Finnish and Finland Swedish write them
alike).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from desktop.errors import KnownError
from desktop.i18n import LANGUAGES, N_, _, translate_in
from desktop.services.vocabulary import label_in

SEPARATOR = " / "

_UNKNOWN = N_("Unknown document language {language}; use one of {choices}")
CHOICES = ("fi", "sv", "en", "fi+sv")


def languages(language: str) -> tuple[str, ...]:
    """The languages a document in ``language`` is written in, first one first.

    Raises ``KnownError`` for anything but the application's languages joined with ``+``."""
    parts = tuple(language.split("+"))
    if not language or any(part not in LANGUAGES for part in parts) or len(set(parts)) < len(parts):
        raise KnownError(_(_UNKNOWN).format(language=language, choices=", ".join(CHOICES)))
    return parts


def primary(language: str) -> str:
    """The language dates, numbers and the PDF's metadata follow."""
    return languages(language)[0]


def in_each(language: str, render: Callable[[str], str]) -> str:
    """``render(lang)`` for each of the document's languages, joined with `` / ``.

    Identical renderings print once: an untranslated label or a plain number is not doubled."""
    texts: list[str] = []
    for lang in languages(language):
        text = render(lang)
        if text not in texts:
            texts.append(text)
    return SEPARATOR.join(texts)


def label(language: str, message: str, **values: object) -> str:
    """A fixed label (an English msgid, ``N_`` or ``NP_``, with ``{placeholders}`` filled from
    ``values``) in the document's language or languages."""
    if not message:  # gettext("") is the catalogue's header
        return ""
    if not values:  # a translation may hold a literal brace
        return in_each(language, lambda lang: translate_in(lang, message))
    return in_each(language, lambda lang: translate_in(lang, message).format(**values))


def code_label(language: str, kind: type[StrEnum], code: str) -> str:
    """A stored code (a role, a presence, an item type ...) as its label in the document's
    language(s); an unknown code prints as it is rather than failing the whole document."""
    return in_each(language, lambda lang: label_in(lang, kind, code))
