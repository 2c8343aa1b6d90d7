"""A grant decision letter to an organisation, as a PDF in Finnish or Swedish.

The content arrives in the letter's language (:func:`desktop.services.grants.letter.
decision_letter`); the letter's own labels are translated here with ``translate_in``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.documents.pdf_common import (
    ACCENT,
    FRAME_WIDTH,
    RULE,
    DocumentInfo,
    build_pdf,
    escape,
    styles,
)
from desktop.i18n import N_, translate_in
from desktop.i18n.formatting import format_date, format_money
from desktop.services.grants.letter import DecisionLetter
from desktop.storage.models.enums import DecisionStatus

_TITLE = N_("Grant decision")
_RECIPIENT = N_("Recipient")
_BUSINESS_ID = N_("Business ID {id}")
_PURPOSE = N_("Purpose")
_APPLIED = N_("Amount applied for")
_GRANTED = N_("Amount granted")
_DECISION = N_("Outcome")
_DECIDED_BY = N_("Decided by")
_MINUTES = N_("Minutes")
_REASONING = N_("Reasoning")
_CONDITIONS = N_("Conditions")
_REPORT = N_("Report on the use of the grant")
_REPORT_DUE = N_("A report on the use of the grant must be sent by {date}.")
_PAYMENT = N_("Payment")
_PAID = N_("Paid {date}: {amount}")
_NOT_PAID = N_("The grant is paid after the decision has become final.")
_NOTHING = N_("No grant is paid on this decision.")


def _t(letter: DecisionLetter, message: str) -> str:
    return translate_in(letter.language, message)


def _facts(letter: DecisionLetter, sheet: Any) -> Table:
    lang = letter.language
    decided = " ".join(part for part in (letter.deciding_body,
                                         format_date(letter.decided_on, lang)) if part)
    pairs = [
        (_PURPOSE, letter.purpose),
        (_APPLIED, format_money(letter.applied_cents, lang)),
        (_GRANTED, format_money(letter.granted_cents, lang)),
        (_DECISION, letter.status),
        (_DECIDED_BY, decided),
        (_MINUTES, letter.minutes),
    ]
    rows = []
    for name, value in pairs:
        if not value:
            continue
        text = escape(value)
        if name == _GRANTED:
            text = f"<b>{text}</b>"
        rows.append([Paragraph(escape(_t(letter, name)), sheet["cell_bold"]),
                     Paragraph(text, sheet["body"])])
    table = Table(rows, colWidths=(48 * mm, FRAME_WIDTH - 48 * mm), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _section(letter: DecisionLetter, heading: str, lines: list[str], sheet: Any) -> Flowable:
    parts: list[Flowable] = [Paragraph(escape(_t(letter, heading)), sheet["heading2"])]
    parts += [Paragraph(escape(line), sheet["body"]) for line in lines if line]
    return KeepTogether(parts)


def _header(letter: DecisionLetter, sheet: Any) -> Table:
    left = [Paragraph(escape(letter.funder), sheet["heading"])]
    right = [Paragraph(f"<b>{escape(_t(letter, _TITLE))}</b>", sheet["body"]),
             Paragraph(escape(format_date(letter.decided_on, letter.language)), sheet["body"])]
    table = Table([[left, right]], colWidths=(FRAME_WIDTH - 55 * mm, 55 * mm))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT),
    ]))
    return table


def build_story(letter: DecisionLetter) -> list[Flowable]:
    sheet = styles()
    lang = letter.language
    recipient = [letter.organisation, *letter.postal_address.splitlines()]
    if letter.business_id:
        recipient.append(_t(letter, _BUSINESS_ID).format(id=letter.business_id))
    story: list[Flowable] = [
        _header(letter, sheet),
        Spacer(1, 6 * mm),
        *(Paragraph(escape(line), sheet["body"]) for line in recipient if line.strip()),
        Spacer(1, 6 * mm),
        Paragraph(escape(letter.call), sheet["title"]),
        _facts(letter, sheet),
    ]
    if letter.reasoning:
        story.append(_section(letter, _REASONING, letter.reasoning.splitlines(), sheet))
    if letter.conditions:
        story.append(_section(letter, _CONDITIONS, letter.conditions.splitlines(), sheet))
    grants = letter.granted_cents > 0 and letter.status_code != DecisionStatus.CANCELLED
    if grants and letter.report_due:
        due = _t(letter, _REPORT_DUE).format(date=format_date(letter.report_due, lang))
        story.append(_section(letter, _REPORT, [due], sheet))
    payment = [*letter.payment_terms.splitlines()]
    payment += [_t(letter, _PAID).format(date=format_date(day, lang),
                                         amount=format_money(cents, lang))
                for day, cents in letter.payments]
    if not grants:
        payment = [_t(letter, _NOTHING)]
    elif not payment:
        payment = [_t(letter, _NOT_PAID)]
    story.append(_section(letter, _PAYMENT, payment, sheet))
    return story


def write_decision_letter(letter: DecisionLetter, target: Path,
                          created: dt.date | None = None) -> None:
    """Write the letter as an A4 PDF; raises ``KnownError`` when it cannot be written."""
    info = DocumentInfo(
        title=f"{_t(letter, _TITLE)} – {letter.organisation}",
        language=letter.language,
        created=created or dt.date.today(),
        subject=_t(letter, _TITLE),
    )
    build_pdf(Path(target), build_story(letter), info)
