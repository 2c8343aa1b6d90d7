"""How an organisation's identifying fields are written and compared, in one place.

The importer, the organisation dialog and the duplicate finder all use these, so that a Business
ID the dialog accepts is the one the import accepts, and "a similar name" means the same thing
when adding one organisation as when listing the register's possible duplicates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from stdnum.fi import ytunnus

_NOT_EMAIL = r"@\s,;:<>()\[\]\"'"
_EMAIL = re.compile(rf"^[^{_NOT_EMAIL}]+@(?:[^{_NOT_EMAIL}.]+\.)+[^{_NOT_EMAIL}.\d]{{2,}}$")
_ANGLE_EMAIL = re.compile(r"^[^<>]*<([^<>]+)>$")
_REGISTER_NUMBER = re.compile(r"^\d+(?:\.\d+)*$")
_NAME_SUFFIX = re.compile(r"[\s,]+(?:ry|rf|r\.y\.?|r\.f\.?|sr|s\.r\.?)$")
# token_sort_ratio from 0 to 100, on normalised names. 94 still pairs a typo ("Kvevlax byförening"
# vs "byaförening", 97) and the same name with another suffix (100), but no longer two different
# associations of one town ("Syöpäyhdistys" vs "Sydänyhdistys" scores 92, "Andningsföreningen"
# vs "Autismföreningen i Jakobstadsnejden" 89: both were offered as duplicates at 88).
NAME_SIMILARITY = 94


def normalise_name(name: str) -> str:
    """For matching: case-folded, single spaces, without the ry / rf / r.y. / sr suffix."""
    text = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    return _NAME_SUFFIX.sub("", text).strip(" ,")


def normalise_business_id(text: str) -> str:
    """``1234567-8``; raises ``ValueError`` for an invalid Business ID."""
    compact = re.sub(r"[\s\-–]", "", text).upper().removeprefix("FI")
    if compact.isdigit() and len(compact) == 7:  # Excel dropped the leading zero
        compact = "0" + compact
    return str(ytunnus.format(ytunnus.validate(compact)))


def normalise_register_number(text: str) -> str:
    """Digits with optional dots (``123.456``); raises ``ValueError``."""
    compact = "".join(text.split())
    if not _REGISTER_NUMBER.match(compact):
        raise ValueError(text)
    return compact


def normalise_email(text: str) -> str:
    """A plain address (``mailto:`` and ``Name <...>`` removed); raises ``ValueError``."""
    value = text.strip()
    angle = _ANGLE_EMAIL.match(value)
    if angle:
        value = angle.group(1).strip()
    if value.casefold().startswith("mailto:"):
        value = value[len("mailto:"):].strip()
    if not _EMAIL.match(value):
        raise ValueError(text)
    return value


def names_alike(ours: Iterable[str], theirs: Iterable[str]) -> bool:
    """True when any of our names is close to any of theirs (case and suffixes ignored)."""
    from rapidfuzz import fuzz

    a = [normalise_name(n) for n in ours if n]
    b = [normalise_name(n) for n in theirs if n]
    return any(fuzz.token_sort_ratio(x, y) >= NAME_SIMILARITY for x in a for y in b)
