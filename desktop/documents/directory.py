"""The liaison directory: each municipality with its liaison persons per role, PDF or Excel.

The entries arrive in the directory's language (:func:`desktop.services.network.directory`);
only the document's own labels are translated here. A role nobody holds is printed as not
named, so that the directory also tells whom to ask about it: nobody yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from desktop.documents.files import write_pdf_or_xlsx
from desktop.documents.pdf_common import (
    ACCENT,
    ALERT,
    RULE,
    SHADE,
    DocumentInfo,
    build_pdf,
    escape,
    styles,
)
from desktop.documents.register_export import write_xlsx
from desktop.i18n import N_, translate_in
from desktop.i18n.formatting import format_date
from desktop.services.network import DirectoryMunicipality

TITLE = N_("Liaison persons of the municipalities")
MUNICIPALITY = N_("Municipality name")
CODE = N_("Municipality code")
ROLE = N_("Liaison role")
PERSON = N_("Person")
PHONE = N_("Phone")
EMAIL = N_("E-mail")
SINCE = N_("Since")
NOT_NAMED = N_("Not named")
HEADINGS = (MUNICIPALITY, CODE, ROLE, PERSON, PHONE, EMAIL, SINCE)
_SHEET = N_("Liaison persons")
_EMPTY = N_("No municipalities in the liaison network.")


def rows(entries: Sequence[DirectoryMunicipality], language: str) -> list[list[str]]:
    """One row per person in a role; a role nobody holds has one row saying so."""
    result = []
    for entry in entries:
        for role in entry.roles:
            if not role.persons:
                result.append([entry.name, entry.code, role.role,
                               translate_in(language, NOT_NAMED), "", "", ""])
            result += [[entry.name, entry.code, role.role, person.name, person.phone,
                        person.email, format_date(person.start_on, language)]
                       for person in role.persons]
    return result


def write_directory_xlsx(entries: Sequence[DirectoryMunicipality], target: Path, language: str) -> None:
    write_xlsx([translate_in(language, h) for h in HEADINGS], rows(entries, language), Path(target),
               translate_in(language, _SHEET))


def _table(entry: DirectoryMunicipality, language: str) -> Table:
    sheet = styles()
    head = [Paragraph(escape(translate_in(language, h)), sheet["table_header"])
            for h in (ROLE, PERSON, PHONE, EMAIL)]
    body: list[list[Any]] = [head]
    gaps = []
    for role in entry.roles:
        if not role.persons:
            gaps.append(len(body))
            body.append([Paragraph(escape(role.role), sheet["cell_bold"]),
                         Paragraph(escape(translate_in(language, NOT_NAMED)), sheet["cell"]), "", ""])
        for n, person in enumerate(role.persons):
            body.append([Paragraph(escape(role.role), sheet["cell_bold"]) if n == 0 else "",
                         Paragraph(escape(person.name), sheet["cell"]),
                         Paragraph(escape(person.phone), sheet["small"]),
                         Paragraph(escape(person.email), sheet["small"])])
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
    ]
    style += [("BACKGROUND", (0, n), (-1, n), SHADE) for n in range(2, len(body), 2)]
    style += [("TEXTCOLOR", (1, n), (1, n), ALERT) for n in gaps]
    table = Table(body, colWidths=(40 * mm, 38 * mm, 28 * mm, 68 * mm), repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def build_story(entries: Sequence[DirectoryMunicipality], language: str, title: str,
                created: dt.date) -> list[Flowable]:
    sheet = styles()
    story: list[Flowable] = [Paragraph(escape(title), sheet["title"]),
                             Paragraph(escape(format_date(created, language)), sheet["subtitle"])]
    if not entries:
        story.append(Paragraph(escape(translate_in(language, _EMPTY)), sheet["body"]))
    for entry in entries:
        story.append(CondPageBreak(35 * mm))
        story.append(Paragraph(escape(f"{entry.name} ({entry.code})"), sheet["heading"]))
        story.append(_table(entry, language))
    return story


def write_directory_pdf(entries: Sequence[DirectoryMunicipality], target: Path, language: str,
                        created: dt.date | None = None) -> None:
    created = created or dt.date.today()
    title = translate_in(language, TITLE)
    info = DocumentInfo(title=title, language=language, created=created, subject=title)
    build_pdf(Path(target), build_story(entries, language, title, created), info)


def write_directory(entries: Sequence[DirectoryMunicipality], target: Path, language: str) -> None:
    """PDF or XLSX by the file name; raises ``KnownError`` for another or an unwritable file."""
    write_pdf_or_xlsx(target, lambda path: write_directory_pdf(entries, path, language),
                      lambda path: write_directory_xlsx(entries, path, language))
