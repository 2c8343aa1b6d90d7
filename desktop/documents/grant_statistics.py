"""Grant statistics as CSV, an Excel workbook or a PDF report, in fi, sv or en.

The figures arrive computed (:func:`desktop.services.grants.statistics.statistics_report`);
only the headings are translated here. Money is integer cents until it is written: CSV gets
plain numbers in the language's format (``1234,50``, which Finnish Excel reads as a number),
the workbook numeric cells in euros with a money format, the PDF ``1 234,50 €``.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel import numbers
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop import APP_NAME
from desktop.documents.files import safe_file_name, write_atomically
from desktop.documents.grant_statistics_chart import TITLES, bar_chart
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
from desktop.documents.register_export import csv_bytes, looks_like_formula
from desktop.errors import KnownError
from desktop.i18n import LANGUAGES, N_, _, translate_in
from desktop.i18n.formatting import format_money, format_number, format_percent
from desktop.services.grants.statistics import StatisticsReport, StatisticsRow

FORMATS = ("csv", "xlsx", "pdf")

APPLICATIONS = N_("Applications")
DECISIONS = N_("Decisions")
GRANTS = N_("Grants")
ORGANISATIONS = N_("Organisations funded")
APPLIED = N_("Applied")
GRANTED = N_("Granted")
PAID = N_("Paid")
MEDIAN = N_("Median grant")
SHARE = N_("Share granted")
COLUMNS = (APPLICATIONS, DECISIONS, GRANTS, ORGANISATIONS, APPLIED, GRANTED, PAID, MEDIAN, SHARE)
_UNITS = {APPLIED: " (€)", GRANTED: " (€)", PAID: " (€)", MEDIAN: " (€)", SHARE: " (%)"}
TOTAL = N_("Total")
_SUBJECT = N_("Grant statistics")
_SHARE_NOTE = N_("The share granted is counted over the applications decided so far; "
                 "cancelled decisions grant nothing.")

_COUNTS = N_("Applications and grants")
_MONEY = N_("Money")

_MONEY_FORMAT = '#,##0.00 "€"'
_SHARE_FORMAT = "0.0 %"


def headings(report: StatisticsReport, units: bool = True) -> list[str]:
    """The group column's heading, then the figures' (with ``(€)`` or ``(%)`` when ``units``)."""
    return [report.dimension, *(translate_in(report.language, text)
                                + (_UNITS.get(text, "") if units else "") for text in COLUMNS)]


def _euros(cents: int | Decimal) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def _csv_number(value: Decimal, language: str, pattern: str = "0.00") -> str:
    return numbers.format_decimal(value, format=pattern, locale=LANGUAGES[language][0])


def _csv_row(label: str, row: StatisticsRow, language: str) -> list[str]:
    share = row.share_granted
    return [
        label, str(row.applications), str(row.decisions), str(row.grants), str(row.organisations),
        *(_csv_number(_euros(c), language)
          for c in (row.applied_cents, row.granted_cents, row.paid_cents)),
        _csv_number(_euros(row.median_cents), language) if row.median_cents is not None else "",
        _csv_number(share * 100, language, "0.0") if share is not None else "",
    ]


def _all_rows(report: StatisticsReport) -> list[tuple[str, StatisticsRow]]:
    return [(r.label, r.figures) for r in report.rows] + [
        (translate_in(report.language, TOTAL), report.total)]


def csv_data(report: StatisticsReport) -> bytes:
    """The table as CSV (UTF-8 with BOM, ``;``), the total last, then the notes."""
    rows = [_csv_row(label, row, report.language) for label, row in _all_rows(report)]
    rows += [[note] for note in report.notes]
    return csv_bytes(headings(report), rows)


def xlsx_data(report: StatisticsReport) -> bytes:
    """The table as a workbook: numeric cells (euros, shares) that Excel can sum and chart."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = translate_in(report.language, _SUBJECT)[:31]
    workbook.properties.creator = APP_NAME
    workbook.properties.title = report.title
    bold = Font(bold=True)
    sheet.append([report.title])
    sheet.append([report.subtitle])
    sheet["A1"].font = Font(bold=True, size=14)
    first = 4
    for column, text in enumerate(headings(report), start=1):
        cell = sheet.cell(row=first, column=column, value=text)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    line = first
    for line, (label, row) in enumerate(_all_rows(report), start=first + 1):
        _xlsx_label(sheet.cell(row=line, column=1), label)
        for column, value in enumerate(
                (row.applications, row.decisions, row.grants, row.organisations), start=2):
            sheet.cell(row=line, column=column, value=value)
        for column, cents in enumerate(
                (row.applied_cents, row.granted_cents, row.paid_cents, row.median_cents), start=6):
            if cents is not None:
                sheet.cell(row=line, column=column, value=_euros(cents)).number_format = _MONEY_FORMAT
        if row.share_granted is not None:
            share = sheet.cell(row=line, column=10, value=row.share_granted.quantize(Decimal("0.0001")))
            share.number_format = _SHARE_FORMAT
    for column in range(1, 11):
        sheet.cell(row=line, column=column).font = bold
    for offset, note in enumerate(report.notes, start=2):
        sheet.cell(row=line + offset, column=1, value=note)
    sheet.column_dimensions["A"].width = max(
        [12, *(min(len(label), 50) + 2 for label, _row in _all_rows(report))])
    for column in range(2, 11):
        sheet.column_dimensions[get_column_letter(column)].width = 16 if column >= 6 else 12
    sheet.freeze_panes = sheet.cell(row=first + 1, column=2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_label(cell: Any, text: str) -> None:
    cell.value = text
    cell.data_type = "s"  # a label is never a formula
    if looks_like_formula(text):
        cell.quotePrefix = True


# -- PDF -----------------------------------------------------------------------------------


def _money(cents: int | Decimal | None, language: str) -> str:
    if cents is None:
        return "–"
    if isinstance(cents, Decimal):  # a median may end in half a cent
        return numbers.format_currency(cents / 100, "EUR", locale=LANGUAGES[language][0])
    return format_money(cents, language)


def _share(row: StatisticsRow, language: str) -> str:
    share = row.share_granted
    return "–" if share is None else format_percent(float(share), language)


def _summary(report: StatisticsReport, sheet: Any) -> Table:
    lang = report.language
    shown = figures(report.total, lang)
    right = ParagraphStyle("right", parent=sheet["body"], alignment=TA_RIGHT)
    rows = [[Paragraph(escape(translate_in(lang, name)), sheet["body"]),
             Paragraph(escape(shown[name]), right)] for name in COLUMNS]
    table = Table(rows, colWidths=(80 * mm, 45 * mm), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


_LABEL_WIDTH = 51 * mm  # "Funktionshinderorganisationer" in one line


def _groups(report: StatisticsReport, sheet: Any, columns: tuple[str, ...]) -> Table:
    """One table of the groups and the total with the figures of ``columns``."""
    lang = report.language
    width = (FRAME_WIDTH - _LABEL_WIDTH) / len(columns)
    # "Organisationer som fått bidrag" fits a figure column without breaking a word.
    head = ParagraphStyle("head", parent=sheet["table_header"], fontSize=7.5, leading=9,
                          alignment=TA_RIGHT)
    number = ParagraphStyle("number", parent=sheet["cell"], alignment=TA_RIGHT)
    rows: list[list[Any]] = [
        [Paragraph(escape(report.dimension), sheet["table_header"]),
         *(Paragraph(escape(translate_in(lang, name)), head) for name in columns)]
    ]
    for label, row in _all_rows(report):
        shown = figures(row, lang)
        rows.append([Paragraph(escape(label), sheet["cell"]),
                     *(Paragraph(escape(shown[name]), number) for name in columns)])
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("LINEABOVE", (0, -1), (-1, -1), 1, ACCENT),
    ]
    style += [("BACKGROUND", (0, n), (-1, n), SHADE) for n in range(2, len(rows) - 1, 2)]
    table = Table(rows, colWidths=(_LABEL_WIDTH, *([width] * len(columns))), repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def figures(row: StatisticsRow, lang: str) -> dict[str, str]:
    """The figures of ``row`` as shown in ``lang``, by their headings (the msgids of ``COLUMNS``)."""
    return {
        APPLICATIONS: format_number(row.applications, lang),
        DECISIONS: format_number(row.decisions, lang),
        GRANTS: format_number(row.grants, lang),
        ORGANISATIONS: format_number(row.organisations, lang),
        APPLIED: _money(row.applied_cents, lang),
        GRANTED: _money(row.granted_cents, lang),
        PAID: _money(row.paid_cents, lang),
        MEDIAN: _money(row.median_cents, lang),
        SHARE: _share(row, lang),
    }


def build_story(report: StatisticsReport) -> list[Flowable]:
    sheet = styles()
    lang = report.language
    story: list[Flowable] = [
        Paragraph(escape(report.title), sheet["title"]),
        Paragraph(escape(report.subtitle), sheet["subtitle"]),
        _summary(report, sheet),
        Paragraph(escape(translate_in(lang, _COUNTS)), sheet["heading"]),
        _groups(report, sheet, (APPLICATIONS, DECISIONS, GRANTS, ORGANISATIONS, SHARE)),
        Paragraph(escape(translate_in(lang, _MONEY)), sheet["heading"]),
        _groups(report, sheet, (APPLIED, GRANTED, PAID, MEDIAN)),
        Spacer(1, 3 * mm),
    ]
    for note in [*report.notes, translate_in(lang, _SHARE_NOTE)]:
        story.append(Paragraph(escape(note), sheet["small"]))
    chart = bar_chart(report)
    if chart is not None:
        story.append(KeepTogether([
            Paragraph(escape(translate_in(lang, TITLES[report.by])), sheet["heading"]), chart]))
    return story


def pdf_info(report: StatisticsReport) -> DocumentInfo:
    return DocumentInfo(title=f"{report.title} – {report.subtitle}", language=report.language,
                        created=report.created, subject=translate_in(report.language, _SUBJECT))


def file_name(report: StatisticsReport, fmt: str) -> str:
    """``Avustustilastot 2026 · Vaasa.pdf``: the title and the filters, safe as a file name."""
    name = safe_file_name(f"{report.title} {report.subtitle}").strip(" .-")
    return f"{name}.{fmt}"


def write_statistics(report: StatisticsReport, target: Path, fmt: str | None = None) -> None:
    """Write ``report`` as CSV, XLSX or PDF (by ``fmt``, else by the file name's ending).

    Raises ``KnownError`` for another format or when the file cannot be written.
    """
    target = Path(target)
    chosen = (fmt or target.suffix.lstrip(".")).lower()
    if chosen == "csv":
        write_atomically(target, csv_data(report))
    elif chosen == "xlsx":
        write_atomically(target, xlsx_data(report))
    elif chosen == "pdf":
        build_pdf(target, build_story(report), pdf_info(report))
    else:
        raise KnownError(_("Cannot write statistics as '{format}': choose csv, xlsx or pdf.")
                         .format(format=chosen or target.name))
