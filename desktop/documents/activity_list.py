"""The public list of activities as a PDF (for the wellbeing report) or an Excel workbook.

The content arrives already in the list's language (:func:`desktop.services.activity_list.
public_list`); only the documents' own labels are translated here, with
``translate_in(language, ...)``. Text typed by organisations is printed literally: ``<b>`` in a
title is five characters, not bold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from desktop.documents.pdf_common import MUTED, DocumentInfo, build_pdf, escape, styles
from desktop.documents.register_export import write_xlsx
from desktop.i18n import N_, translate_in
from desktop.services.activity_list import ListEntry, MunicipalitySection

MUNICIPALITY = N_("Municipality or region")
SECTOR = N_("Sector")
ACTIVITY = N_("Activity")
ORGANISATION = N_("Organisation")
DESCRIPTION = N_("Description")
TARGET_GROUP = N_("Target group")
WHEN = N_("Time")
FEATURES = N_("Features")
CONTACT = N_("Contact person")
HEADINGS = (
    MUNICIPALITY, SECTOR, ACTIVITY, ORGANISATION, DESCRIPTION, TARGET_GROUP, WHEN, FEATURES,
    CONTACT,
)  # fmt: skip

_SUBJECT = N_("Public list of activities")
_SHEET = N_("Activities")
_EMPTY = N_("No activities have been published.")
_LABELLED = N_("{label}: {value}")


def headings(language: str) -> list[str]:
    """The column headings of the workbook in ``language``."""
    return [translate_in(language, heading) for heading in HEADINGS]


def rows(sections: Sequence[MunicipalitySection]) -> list[list[str]]:
    """One row per entry (an activity in several municipalities has a row in each)."""
    return [
        [
            section.municipality,
            sector.sector,
            entry.title,
            entry.organisation,
            entry.description,
            entry.target_group,
            entry.when,
            ", ".join(entry.features),
            entry.contact,
        ]
        for section in sections
        for sector in section.sectors
        for entry in sector.entries
    ]


def write_activity_list_xlsx(
    sections: Sequence[MunicipalitySection], target: Path, language: str
) -> None:
    """Write the list to ``target`` as an Excel workbook with headings in ``language``.

    Cells that look like formulas stay text (see :mod:`desktop.documents.register_export`).
    Raises ``KnownError`` when the file cannot be written.
    """
    write_xlsx(headings(language), rows(sections), Path(target), translate_in(language, _SHEET))


def _labelled(language: str, label: str, value: str) -> str:
    return translate_in(language, _LABELLED).format(
        label=translate_in(language, label), value=value
    )


def _entry(entry: ListEntry, style: StyleSheet1, language: str) -> Flowable:
    head = f"<b>{escape(entry.title)}</b>"
    if entry.organisation:
        head += f' <font color="{MUTED.hexval()}">– {escape(entry.organisation)}</font>'
    parts: list[Flowable] = [Paragraph(head, style["body"])]
    if entry.description:
        parts.append(Paragraph(escape(entry.description), style["small"]))
    details = [
        _labelled(language, label, value)
        for label, value in ((TARGET_GROUP, entry.target_group), (WHEN, entry.when))
        if value
    ]
    if entry.features:
        details.append(", ".join(entry.features))
    if details:
        parts.append(Paragraph(escape(" · ".join(details)), style["small"]))
    if entry.contact:
        contact = _labelled(language, CONTACT, entry.contact)
        parts.append(Paragraph(escape(contact), style["small"]))
    parts.append(Spacer(1, 2.5 * mm))
    return KeepTogether(parts)


def build_story(
    sections: Sequence[MunicipalitySection], language: str, title: str
) -> list[Flowable]:
    """The list's flowables: the title, then a heading per municipality and per sector."""
    sheet = styles()
    story: list[Flowable] = [Paragraph(escape(title), sheet["title"])]
    if not sections:
        story.append(Paragraph(escape(translate_in(language, _EMPTY)), sheet["body"]))
    for section in sections:
        # A municipality heading never ends a page alone.
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(escape(section.municipality), sheet["heading"]))
        for sector in section.sectors:
            story.append(Paragraph(escape(sector.sector), sheet["heading2"]))
            story.extend(_entry(entry, sheet, language) for entry in sector.entries)
    return story


def write_activity_list_pdf(
    sections: Sequence[MunicipalitySection],
    target: Path,
    language: str,
    title: str,
    created: dt.date | None = None,
) -> None:
    """Write the list to ``target`` as an A4 PDF in ``language`` titled ``title``.

    ``created`` (today by default) is shown in the footer. The file is written beside the
    target and renamed into place; raises ``KnownError`` when it cannot be written.
    """
    info = DocumentInfo(
        title=title,
        language=language,
        created=created or dt.date.today(),
        subject=translate_in(language, _SUBJECT),
    )
    build_pdf(Path(target), build_story(sections, language, title), info)
