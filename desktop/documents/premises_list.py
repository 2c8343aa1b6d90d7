"""The public list of premises as a PDF or an Excel workbook, grouped by municipality.

The content arrives already in the list's language (:func:`desktop.services.premises_list.
public_premises_list`); only the documents' own labels are translated here. Text typed by
officers and owners is printed literally.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from desktop.documents.files import write_pdf_or_xlsx
from desktop.documents.pdf_common import MUTED, DocumentInfo, build_pdf, escape, styles
from desktop.documents.register_export import write_xlsx
from desktop.i18n import N_, translate_in
from desktop.i18n.formatting import format_number
from desktop.services.premises_list import PremisesEntry, PremisesSection

MUNICIPALITY = N_("Located in")
NAME = N_("Premises")
TYPE = N_("Type")
ADDRESS = N_("Address")
OWNER = N_("Owned by")
CAPACITY = N_("Capacity")
ACCESSIBILITY = N_("Accessibility")
EQUIPMENT = N_("Equipment")
TERMS = N_("Terms for organisations")
BOOKING = N_("How to book")
AVAILABILITY = N_("Availability")
HEADINGS = (MUNICIPALITY, NAME, TYPE, ADDRESS, OWNER, CAPACITY, ACCESSIBILITY, EQUIPMENT, TERMS,
            BOOKING, AVAILABILITY)

TITLE = N_("Premises for organisations")
_SUBJECT = N_("Public list of premises")
_EMPTY = N_("No premises have been recorded.")
_LABELLED = N_("{label}: {value}")
_PEOPLE = N_("{n} people")


def headings(language: str) -> list[str]:
    return [translate_in(language, heading) for heading in HEADINGS]


def _capacity(entry: PremisesEntry, language: str) -> str:
    return "" if entry.capacity is None else format_number(entry.capacity, language)


def rows(sections: Sequence[PremisesSection], language: str) -> list[list[str]]:
    """One row per premises, its municipality first."""
    return [
        [section.municipality, e.name, e.kind, e.address, e.owner, _capacity(e, language),
         ", ".join(e.accessibility), e.equipment, e.terms, e.booking, e.availability]
        for section in sections
        for e in section.entries
    ]


def write_premises_list_xlsx(sections: Sequence[PremisesSection], target: Path, language: str) -> None:
    write_xlsx(headings(language), rows(sections, language), Path(target), translate_in(language, NAME))


def _labelled(language: str, label: str, value: str) -> str:
    return translate_in(language, _LABELLED).format(label=translate_in(language, label), value=value)


def _entry(entry: PremisesEntry, sheet: StyleSheet1, language: str) -> Flowable:
    head = f"<b>{escape(entry.name)}</b>"
    if entry.kind:
        head += f' <font color="{MUTED.hexval()}">– {escape(entry.kind)}</font>'
    parts: list[Flowable] = [Paragraph(head, sheet["body"])]
    facts = [entry.address] if entry.address else []
    if entry.capacity is not None:
        facts.append(translate_in(language, _PEOPLE).format(n=_capacity(entry, language)))
    facts.append(entry.terms)
    parts.append(Paragraph(escape(" · ".join(facts)), sheet["small"]))
    for label, value in ((OWNER, entry.owner), (ACCESSIBILITY, ", ".join(entry.accessibility)),
                         (EQUIPMENT, entry.equipment),
                         (BOOKING, entry.booking), (AVAILABILITY, entry.availability)):
        if value:
            parts.append(Paragraph(escape(_labelled(language, label, value)), sheet["small"]))
    parts.append(Spacer(1, 2.5 * mm))
    return KeepTogether(parts)


def build_story(sections: Sequence[PremisesSection], language: str, title: str) -> list[Flowable]:
    sheet = styles()
    story: list[Flowable] = [Paragraph(escape(title), sheet["title"])]
    if not sections:
        story.append(Paragraph(escape(translate_in(language, _EMPTY)), sheet["body"]))
    for section in sections:
        story.append(CondPageBreak(40 * mm))  # a municipality heading never ends a page alone
        story.append(Paragraph(escape(section.municipality), sheet["heading"]))
        story.extend(_entry(entry, sheet, language) for entry in section.entries)
    return story


def write_premises_list_pdf(sections: Sequence[PremisesSection], target: Path, language: str,
                            created: dt.date | None = None) -> None:
    title = translate_in(language, TITLE)
    info = DocumentInfo(title=title, language=language, created=created or dt.date.today(),
                        subject=translate_in(language, _SUBJECT))
    build_pdf(Path(target), build_story(sections, language, title), info)


def write_premises_list(sections: Sequence[PremisesSection], target: Path, language: str) -> None:
    """PDF or XLSX by the extension of ``target``; raises ``KnownError`` for another one or
    when the file cannot be written."""
    write_pdf_or_xlsx(target, lambda path: write_premises_list_pdf(sections, path, language),
                      lambda path: write_premises_list_xlsx(sections, path, language))
