"""A table (headings and rows of text) written as CSV or as an Excel workbook.

CSV is written as Finnish Excel opens it with a double click: UTF-8 with a byte order mark
(without one Excel reads ä, ö, å as two characters each) and ``;`` between the fields (the
list separator of the Finnish and Swedish locales, where ``,`` is the decimal comma).

Both writers neutralise *formula injection* (CSV injection): the register holds text typed by
others, and a cell such as ``=HYPERLINK("http://…")`` or ``+1`` must not become a formula in
the officer's spreadsheet. In CSV such a cell gets a leading apostrophe ``'``, which Excel and
LibreOffice take as "this is text"; in XLSX the cell is stored as a string with the
*quotePrefix* style, so it shows exactly as typed and stays text when edited.

Files are written beside the target and renamed into place (see
:func:`desktop.documents.files.write_atomically`); I/O errors become ``KnownError``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop import APP_NAME as AUTHOR
from desktop.documents.files import write_atomically
from desktop.errors import KnownError
from desktop.i18n import N_, _

# What a spreadsheet takes as the start of a formula (OWASP's list for CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"  # UTF-8 with a byte order mark

XLSX_MAX_CELL = 32_767  # characters; Excel refuses a longer cell as a corrupt file
_SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
_MIN_WIDTH, _MAX_WIDTH = 6, 60

_UNKNOWN_FORMAT = N_("Cannot export to {name}: the file name must end in .csv or .xlsx.")

Rows = Sequence[Sequence[str]]


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would take ``text`` as a formula (or a signed number)."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise_csv(text: str) -> str:
    """``text`` made safe for a CSV cell: a would-be formula gets a leading ``'``."""
    return "'" + text if looks_like_formula(text) else text


def csv_bytes(headings: Sequence[str], rows: Rows) -> bytes:
    """The table as CSV: UTF-8 with BOM, ``;``-separated, CRLF rows, fields quoted as needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([neutralise_csv(str(cell)) for cell in headings])
    for row in rows:
        writer.writerow([neutralise_csv(str(cell)) for cell in row])
    return buffer.getvalue().encode(CSV_ENCODING)


def write_csv(headings: Sequence[str], rows: Rows, target: Path) -> None:
    """Write the table to ``target`` as CSV (see :func:`csv_bytes`). Raises ``KnownError``."""
    write_atomically(Path(target), csv_bytes(headings, rows))


def _xlsx_text(text: str) -> str:
    # Control characters other than tab and line breaks are not allowed in the XML, and XML
    # reads a carriage return as a line feed: Excel's line break in a cell is "\n".
    text = ILLEGAL_CHARACTERS_RE.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return text[:XLSX_MAX_CELL]


def _sheet_title(title: str) -> str:
    title = " ".join(title.translate(_SHEET_TITLE_FORBIDDEN).split()).strip("'")[:31].strip()
    return title or "Sheet1"


def _width(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def xlsx_bytes(headings: Sequence[str], rows: Rows, sheet_title: str) -> bytes:
    """The table as an Excel workbook: one sheet, bold frozen header row, autofilter.

    Every cell is a string (so a Business ID or a register number is never turned into a number
    or a date); a cell that looks like a formula is a string with the quotePrefix style.
    """
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = _sheet_title(sheet_title)
    workbook.properties.creator = AUTHOR
    workbook.properties.title = sheet.title

    bold = Font(bold=True)
    top = Alignment(vertical="top")
    widths = [0] * len(headings)
    for row_number, values in enumerate([headings, *rows], start=1):
        for column, value in enumerate(values, start=1):
            text = _xlsx_text(value)
            cell = sheet.cell(row=row_number, column=column, value=text)
            cell.data_type = "s"  # openpyxl would take "=…" as a formula
            if looks_like_formula(text):
                cell.quotePrefix = True  # Excel keeps it text when the cell is edited
            cell.alignment = top
            if row_number == 1:
                cell.font = bold
            if column <= len(widths):
                extra = 2 if row_number == 1 else 0  # bold is wider
                widths[column - 1] = max(widths[column - 1], _width(text) + extra)

    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width + 2, _MIN_WIDTH), _MAX_WIDTH)
    if headings:
        sheet.freeze_panes = "A2"
        last = get_column_letter(len(headings))
        sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(headings: Sequence[str], rows: Rows, target: Path, sheet_title: str) -> None:
    """Write the table to ``target`` as an Excel workbook (see :func:`xlsx_bytes`).

    ``sheet_title`` is made a valid sheet name (at most 31 characters, none of ``[]:*?/\\``).
    Raises ``KnownError``.
    """
    write_atomically(Path(target), xlsx_bytes(headings, rows, sheet_title))


def write_table(headings: Sequence[str], rows: Rows, target: Path, sheet_title: str) -> None:
    """Write CSV or XLSX by the extension of ``target`` (``.csv``, ``.xlsx``, any case).

    Raises ``KnownError`` for another extension or when the file cannot be written.
    """
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        write_csv(headings, rows, target)
    elif suffix == ".xlsx":
        write_xlsx(headings, rows, target, sheet_title)
    else:
        raise KnownError(_(_UNKNOWN_FORMAT).format(name=target.name))
