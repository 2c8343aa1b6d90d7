"""Contact persons as vCard 4.0 (RFC 6350), one ``.vcf`` file with a card per person.

A small serializer written here rather than a dependency: the cards hold a handful of text
properties, and the three rules that matter are done carefully:

* escaping (RFC 6350 3.4): ``\\``, ``,``, ``;`` and line breaks in a value become ``\\\\``,
  ``\\,``, ``\\;`` and ``\\n``; in the compound properties N and ORG the unescaped ``;``
  separates the fields;
* lines end in CRLF (3.2);
* lines longer than 75 octets are folded (3.2): CRLF and one space are inserted, and the fold is
  never placed inside a multi-byte UTF-8 character.

Each card: VERSION, PRODID, UID (``urn:uuid:`` of the person), FN, N, EMAIL, TEL, ORG (the first
organisation), TITLE (the role there), NOTE (every organisation with its role, when the person
represents more than one) and LANG (the preferred language).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.documents.files import write_atomically

if TYPE_CHECKING:  # documents take plain data; only the type comes from the service
    from desktop.services.register_export import ContactCard

CRLF = "\r\n"
MAX_OCTETS = 75  # per line, not counting the CRLF
PRODID = "-//Kumppani//Kumppani//EN"

# Name particles that belong to the family name: "Carl von Wright", "Anna af Forselles".
_PARTICLES = frozenset({"af", "av", "von", "van", "de", "der", "den", "da", "di", "du", "la", "le"})


def escape(value: str) -> str:
    """A text value with ``\\ , ;`` and line breaks escaped (RFC 6350 section 3.4)."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def compound(*fields: str) -> str:
    """The fields of a compound value (N, ORG), each escaped, separated by ``;``."""
    return ";".join(escape(field) for field in fields)


def fold(line: str) -> str:
    """``line`` folded to at most 75 octets per physical line, with CRLF and one space before
    each continuation; no multi-byte character is split. The result has no final CRLF."""
    if len(line.encode("utf-8")) <= MAX_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size = [], 0
            limit = MAX_OCTETS - 1  # the leading space of a continuation line counts
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def unfold(text: str) -> str:
    """Undo :func:`fold`: a CRLF followed by one space or tab joins the lines (RFC 6350 3.2)."""
    return text.replace(CRLF + " ", "").replace(CRLF + "\t", "")


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a name written "Given Family" (or "Family, Given")."""
    name = " ".join(name.split())
    if name.count(",") == 1:
        family, given = (part.strip() for part in name.split(","))
        return family, given
    words = name.split(" ")
    if len(words) < 2:
        return name, ""
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start])


def _property(name: str, value: str, params: str = "") -> str:
    return fold(f"{name}{params}:{value}") + CRLF


def card(person: ContactCard) -> str:
    """One ``BEGIN:VCARD`` … ``END:VCARD`` block, CRLF line endings, folded."""
    full_name = " ".join(person.name.split()) or person.email or person.phone
    family, given = split_name(person.name)
    lines = [
        "BEGIN:VCARD" + CRLF,
        "VERSION:4.0" + CRLF,
        _property("PRODID", PRODID),
        _property("UID", f"urn:uuid:{person.id}"),
        _property("FN", escape(full_name)),
        _property("N", compound(family, given, "", "", "")),
    ]
    if person.email:
        lines.append(_property("EMAIL", escape(person.email.strip()), ";TYPE=work"))
    if person.phone:
        lines.append(_property("TEL", escape(person.phone.strip()), ";VALUE=text;TYPE=work"))
    if person.organisations:
        first = person.organisations[0]
        lines.append(_property("ORG", compound(first.organisation)))
        if first.role:
            lines.append(_property("TITLE", escape(first.role)))
        if len(person.organisations) > 1:
            note = "\n".join(
                f"{a.organisation} ({a.role})" if a.role else a.organisation
                for a in person.organisations
            )
            lines.append(_property("NOTE", escape(note)))
    if person.preferred_language:
        lines.append(_property("LANG", escape(person.preferred_language)))
    lines.append("END:VCARD" + CRLF)
    return "".join(lines)


def vcards(cards: Iterable[ContactCard]) -> str:
    """Every card, one after another."""
    return "".join(card(person) for person in cards)


def write_vcards(cards: Iterable[ContactCard], target: Path) -> None:
    """Write the cards to ``target`` (UTF-8, no byte order mark). Raises ``KnownError``."""
    write_atomically(Path(target), vcards(cards).encode("utf-8"))
