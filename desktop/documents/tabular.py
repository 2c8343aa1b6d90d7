"""Reading a table (a heading row and data rows) from a CSV or XLSX file, as Excel saves them.

Every cell comes back as text. CSV files may be UTF-8 (with or without a byte-order mark),
UTF-16 with a byte-order mark (Excel's "Unicode text") or Windows-1252 (Excel's default "CSV"
on a Finnish Windows); the delimiter (``;``, ``,`` or a tab) is detected. From an XLSX file the
first sheet is read, with formulas' cached values.

Row numbers are kept as the officer sees them in Excel (the heading is row 1, a CSV record with
a multi-line cell is one row), so that messages can name the row to fix.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.errors import ValidationError
from desktop.i18n import _

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
DELIMITERS = ";,\t"
DEFAULT_DELIMITER = ";"
SNIFF_SAMPLE = 64 * 1024
# Control characters other than tab and newline do not belong in a register (and XML refuses them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_FORMULA_TRIGGERS = "=+-@\t\r"
_EXCEL_SEPARATOR_HINT = re.compile(r"\A\s*sep=(.)\s*\Z", re.IGNORECASE)


@dataclass
class Table:
    """The heading row and the data rows, all cells as stripped text.

    Every row has exactly ``len(headers)`` cells. Rows that are entirely empty are left out;
    ``source_rows[i]`` is the 1-based row number of ``rows[i]`` in the file.
    """

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    source_rows: list[int] = field(default_factory=list)
    header_row: int = 1

    def __len__(self) -> int:
        return len(self.rows)


def read_table(path: Path | str) -> Table:
    """Read the first sheet of an XLSX file or a CSV file; raises ``ValidationError``."""
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix == ".xls":
        raise ValidationError(
            _("{file} is in the old Excel format (.xls). Save it as .xlsx or .csv and try again.")
            .format(file=path.name)
        )
    if suffix not in CSV_SUFFIXES | XLSX_SUFFIXES:
        raise ValidationError(
            _("Cannot read {file}: only .csv and .xlsx files can be imported.").format(file=path.name)
        )
    try:
        numbered = _xlsx_rows(path) if suffix in XLSX_SUFFIXES else _csv_rows(path)
        table = _build(numbered)
    except OSError as exc:
        raise ValidationError(
            _("Cannot read {file}: {reason}").format(file=path.name, reason=exc.strerror or exc)
        ) from exc
    if table is None:
        raise ValidationError(_("{file} is empty.").format(file=path.name))
    return table


# -- building the table --------------------------------------------------------------------


def clean_cell(value: str) -> str:
    """Composed Unicode (files from a Mac may be decomposed), ``\\n`` line ends, no control characters."""
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text).strip()


def _build(numbered: Iterable[tuple[int, list[str]]]) -> Table | None:
    header: tuple[int, list[str]] | None = None
    data: list[tuple[int, list[str]]] = []
    for number, raw in numbered:
        cells = [clean_cell(cell) for cell in raw]
        if not any(cells):
            continue
        if header is None:
            header = (number, cells)
        else:
            data.append((number, cells))
    if header is None:
        return None
    width = len(header[1])
    for _number, cells in data:
        width = max(width, len(cells))
    # Trailing columns without a heading or any content (formatting in Excel) are dropped.
    def used(index: int) -> bool:
        assert header is not None
        cells_of = [header[1], *(cells for _n, cells in data)]
        return any(index < len(cells) and cells[index] for cells in cells_of)

    while width and not used(width - 1):
        width -= 1
    headers = (header[1] + [""] * width)[:width]
    return Table(
        headers=headers,
        rows=[(cells + [""] * width)[:width] for _n, cells in data],
        source_rows=[number for number, _cells in data],
        header_row=header[0],
    )


# -- CSV -----------------------------------------------------------------------------------


def decode_text(raw: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 (Latin-1 for its few gaps)."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def detect_delimiter(sample: str) -> str:
    """The delimiter ``csv.Sniffer`` finds among ``; , tab``; ``;`` when it cannot tell."""
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = DEFAULT_DELIMITER
    if delimiter not in DELIMITERS:
        delimiter = DEFAULT_DELIMITER
    # The sniffer can be misled by texts full of commas or by multi-line cells; the heading
    # row defines the table, so a delimiter that splits it into more columns wins.
    widths = {d: len(_first_record(sample, d)) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: widths[d])
    if widths[best] > widths[delimiter]:
        delimiter = best
    return delimiter


def _first_record(sample: str, delimiter: str) -> list[str]:
    try:
        for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if record and "".join(record).strip(" ;,\t"):
                return record
    except csv.Error:
        pass
    return []


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    text = decode_text(path.read_bytes())
    offset = 0
    delimiter = ""
    first_line, newline, rest = text.partition("\n")
    hint = _EXCEL_SEPARATOR_HINT.match(first_line)
    if hint and hint.group(1) in DELIMITERS:
        # Excel's "sep=;" line names the delimiter and is not part of the table.
        delimiter, text, offset = hint.group(1), rest, 1
    if not delimiter:
        delimiter = detect_delimiter(text[:SNIFF_SAMPLE])
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter,
        quotechar='"',
        doublequote=True,
        skipinitialspace=False,
        strict=False,
    )
    try:
        # One record is one row in Excel, even with line breaks inside a quoted cell.
        return [
            (offset + number, [_unguard(cell) for cell in record])
            for number, record in enumerate(reader, start=1)
        ]
    except csv.Error as exc:
        raise ValidationError(
            _("Cannot read {file}: {reason}").format(file=path.name, reason=exc)
        ) from exc


def _unguard(cell: str) -> str:
    """Undo the ``'`` that CSV exports (ours too) put before ``=``, ``+``, ``-`` and ``@``."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA_TRIGGERS else cell


# -- XLSX ----------------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A cell's value as the officer would type it: dates ``17.4.2019``, ``12`` not ``12.0``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return f"{value.day}.{value.month}.{value.year}"
        return f"{value.day}.{value.month}.{value.year} {value.hour}.{value.minute:02d}"
    if isinstance(value, dt.date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, dt.time):
        return f"{value.hour}.{value.minute:02d}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    return str(value)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    import openpyxl  # imported here: the CSV path and the CLI's start-up do not need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # e.g. "Workbook contains no default style": harmless, and not the officer's concern.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise ValidationError(
            _("Cannot read {file}: it is not an Excel workbook.").format(file=path.name)
        ) from exc
    try:
        if not workbook.worksheets:
            return
        sheet = workbook.worksheets[0]
        # Some programs write a wrong sheet size; read what is really there.
        reset = getattr(sheet, "reset_dimensions", None)
        if reset is not None:
            reset()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = list(sheet.iter_rows(values_only=True))
        for number, values in enumerate(rows, start=1):
            yield number, [cell_text(value) for value in values]
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise ValidationError(
            _("Cannot read {file}: it is not an Excel workbook.").format(file=path.name)
        ) from exc
    finally:
        workbook.close()
