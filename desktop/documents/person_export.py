"""A contact person's data as JSON (machine-readable) and PDF (for the person to read).

Both are made from a :class:`~desktop.services.personal_data.PersonReport`; the PDF's labels
are in the report's language, with ``translate_in(report.language, ...)``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.documents.files import write_atomically
from desktop.documents.pdf_common import (
    ACCENT,
    FRAME_WIDTH,
    RULE,
    SHADE,
    DocumentInfo,
    build_pdf,
    escape,
    styles,
)
from desktop.i18n import LANGUAGES, N_, translate_in
from desktop.i18n.formatting import format_date, format_utc
from desktop.services.personal_data import PersonReport

_TITLE = N_("Personal data: {name}")
_SUBJECT = N_("The data Kumppani keeps about a contact person")
_INTRO = N_(
    "This report lists everything the Kumppani register keeps about the person: the contact "
    "details, the organisations they represent, the bodies they sit in, the activities they are "
    "the contact person of, and the history of changes to their record."
)
_DETAILS = N_("Contact details")
_NAME = N_("Name")
_EMAIL = N_("E-mail")
_PHONE = N_("Phone")
_PREFERRED_LANGUAGE = N_("Preferred language")
_RETENTION_BASIS = N_("Basis for keeping the data")
_RETAINED_SINCE = N_("Kept since")
_LAST_CONTACT = N_("Last contact")
_RECORD_CREATED = N_("Record created")
_RECORD_UPDATED = N_("Record last changed")
_ERASED = N_("The person's data has been erased.")
_ORGANISATIONS = N_("Organisations represented")
_ORGANISATION = N_("Organisation")
_ROLE = N_("Role")
_BODIES = N_("Seats in bodies")
_BODY = N_("Body")
_SEAT = N_("Seat")
_TERM = N_("Term")
_REPRESENTATIVE = N_("representative")
_DEPUTY = N_("deputy")
_ACTIVITIES = N_("Contact person of activities")
_ACTIVITY = N_("Activity")
_HISTORY = N_("History of the record")
_TIME = N_("Time")
_BY = N_("By")
_CHANGE = N_("Change")
_FIELDS = N_("Fields")
_NONE = N_("None.")
_ACTIONS = {"insert": N_("added"), "update": N_("changed"), "delete": N_("deleted")}
_FIELD_LABELS = {
    "name": _NAME,
    "email": _EMAIL,
    "phone": _PHONE,
    "preferred_language": _PREFERRED_LANGUAGE,
    "retention_basis": _RETENTION_BASIS,
    "retained_since": _RETAINED_SINCE,
    "last_contact": _LAST_CONTACT,
}
_CELL_PADDING = 4


# -- JSON ------------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def person_json(report: PersonReport) -> str:
    """The report as indented JSON text (dates and times in ISO 8601, times in UTC)."""
    return json.dumps(
        dataclasses.asdict(report), default=_json_default, ensure_ascii=False, indent=2
    )


def write_person_json(report: PersonReport, target: Path) -> None:
    """Write the report as UTF-8 JSON to ``target``; raises ``KnownError`` if it cannot."""
    write_atomically(Path(target), (person_json(report) + "\n").encode("utf-8"))


# -- PDF -------------------------------------------------------------------------------------


def _table(rows: list[list[Any]], widths: tuple[float, ...], header: bool) -> Table:
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
        style += [
            ("BACKGROUND", (0, n), (-1, n), SHADE) for n in range(2, len(rows), 2)
        ]
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def build_story(report: PersonReport) -> list[Flowable]:
    sheet = styles()
    language = report.language

    def t(message: str) -> str:
        return translate_in(language, message)

    def cell(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(escape(text), sheet[style])

    def grid(labels: tuple[str, ...], rows: list[list[str]], widths: tuple[float, ...]) -> Table:
        head = [cell(t(label), "table_header") for label in labels]
        return _table([head, *([cell(v) for v in row] for row in rows)], widths, header=True)

    story: list[Flowable] = [
        Paragraph(escape(t(_TITLE).format(name=report.name)), sheet["title"]),
        Paragraph(escape(t(_INTRO)), sheet["subtitle"]),
    ]
    if report.deleted:
        story.append(Paragraph(f"<b>{escape(t(_ERASED))}</b>", sheet["body"]))

    story.append(Paragraph(escape(t(_DETAILS)), sheet["heading"]))
    language_name = LANGUAGES.get(report.preferred_language, ("", report.preferred_language))[1]
    details = [
        (_NAME, report.name),
        (_EMAIL, report.email),
        (_PHONE, report.phone),
        (_PREFERRED_LANGUAGE, language_name),
        (_RETENTION_BASIS, report.retention_basis),
        (_RETAINED_SINCE, format_date(report.retained_since, language)),
        (_LAST_CONTACT, format_date(report.last_contact, language)),
        (_RECORD_CREATED, format_utc(report.record_created, language)),
        (_RECORD_UPDATED, format_utc(report.record_updated, language)),
    ]
    story.append(
        _table(
            [[cell(t(label), "cell_bold"), cell(value or "—")] for label, value in details],
            (55 * mm, FRAME_WIDTH - 55 * mm),
            header=False,
        )
    )

    def section(title: str, table: Table | None) -> None:
        story.append(Paragraph(escape(t(title)), sheet["heading"]))
        story.append(table if table is not None else cell(t(_NONE), "body"))

    half = FRAME_WIDTH / 2
    section(
        _ORGANISATIONS,
        grid(
            (_ORGANISATION, _ROLE),
            [[o.name, o.role] for o in report.organisations],
            (half + 20 * mm, half - 20 * mm),
        )
        if report.organisations
        else None,
    )

    def term(start: dt.date | None, end: dt.date | None) -> str:
        if start is None and end is None:
            return ""
        return f"{format_date(start, language)}–{format_date(end, language)}"

    section(
        _BODIES,
        grid(
            (_BODY, _ORGANISATION, _SEAT, _TERM),
            [
                [
                    b.body,
                    b.organisation,
                    f"{b.role}, {t(_DEPUTY if b.deputy else _REPRESENTATIVE)}",
                    term(b.term_start, b.term_end),
                ]
                for b in report.bodies
            ],
            (50 * mm, 50 * mm, 36 * mm, FRAME_WIDTH - 136 * mm),
        )
        if report.bodies
        else None,
    )
    section(
        _ACTIVITIES,
        grid(
            (_ACTIVITY, _ORGANISATION),
            [[a.title, a.organisation] for a in report.activities],
            (half, half),
        )
        if report.activities
        else None,
    )

    def fields(names: tuple[str, ...]) -> str:
        return ", ".join(
            t(_FIELD_LABELS[n]) if n in _FIELD_LABELS else n for n in names if n != "deleted"
        )

    story.append(Spacer(1, 1 * mm))
    section(
        _HISTORY,
        grid(
            (_TIME, _BY, _CHANGE, _FIELDS),
            [
                [
                    format_utc(h.at, language),
                    h.officer or "—",
                    t(_ACTIONS.get(h.action, h.action)),
                    fields(h.fields),
                ]
                for h in report.history
            ],
            (32 * mm, 38 * mm, 24 * mm, FRAME_WIDTH - 94 * mm),
        )
        if report.history
        else None,
    )
    return story


def write_person_pdf(report: PersonReport, target: Path) -> None:
    """Write the report as a PDF in its language; raises ``KnownError`` if it cannot."""
    info = DocumentInfo(
        title=translate_in(report.language, _TITLE).format(name=report.name),
        language=report.language,
        created=report.created,
        subject=translate_in(report.language, _SUBJECT),
    )
    build_pdf(Path(target), build_story(report), info)
