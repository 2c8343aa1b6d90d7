"""The translation layer: every user-visible string goes through ``_``.

Catalogues are gettext ``.po`` files in the top-level ``i18n/`` folder, handled with Babel. The
compiled ``.mo`` is used when it is current; otherwise the ``.po`` is compiled in memory, so a
fresh checkout runs without a build step.
"""

from __future__ import annotations

import gettext
import io
import logging
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from desktop import paths

log = logging.getLogger(__name__)

DOMAIN = "kumppani"
DEFAULT_LANGUAGE = "fi"
# Language code -> (Babel locale, name shown in the language menu, never translated).
LANGUAGES: dict[str, tuple[str, str]] = {
    "fi": ("fi_FI", "Suomi"),
    "sv": ("sv_FI", "Svenska"),
    "en": ("en_FI", "English"),
}

_current_language = DEFAULT_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()
_cache: dict[str, gettext.NullTranslations] = {}


def catalogue_path(language: str, suffix: str = ".po") -> Path:
    return paths.i18n_dir() / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def load_translations(language: str) -> gettext.NullTranslations:
    """The catalogue for ``language``; English falls back to the source strings."""
    if language in _cache:
        return _cache[language]
    po, mo = catalogue_path(language), catalogue_path(language, ".mo")
    result: gettext.NullTranslations = gettext.NullTranslations()
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            result = gettext.GNUTranslations(fp)
    elif po.exists():
        with po.open("rb") as fp:
            catalog = read_po(fp, locale=LANGUAGES.get(language, (language,))[0])
        buf = io.BytesIO()
        write_mo(buf, catalog, use_fuzzy=False)
        buf.seek(0)
        result = gettext.GNUTranslations(buf)
    elif language != "en":
        log.warning("no catalogue for language %r", language)
    _cache[language] = result
    return result


def set_language(language: str) -> None:
    global _current_language, _translations
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _current_language = language
    _translations = load_translations(language)


def current_language() -> str:
    return _current_language


def current_locale() -> str:
    return LANGUAGES[_current_language][0]


def _(message: str) -> str:
    return _translated(_translations, message)


# How gettext itself keys a message with a context: ``NP_`` marks one so, for ``_`` to read.
_CONTEXT = "\x04"


def _translated(translations: gettext.NullTranslations, message: str) -> str:
    context, marked, text = message.partition(_CONTEXT)
    return translations.pgettext(context, text) if marked else translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


def NP_(context: str, message: str) -> str:
    """``N_`` with a context, for an English word that is two words in Finnish or Swedish
    ("Decision": an agenda item's type or a decision made); ``_`` translates it."""
    return f"{context}{_CONTEXT}{message}"


def translate_in(language: str, message: str) -> str:
    """``message`` in a given language, e.g. for a document written in the meeting's language."""
    return _translated(load_translations(language), message)
