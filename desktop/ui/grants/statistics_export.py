"""Writing the statistics shown as a workbook or a PDF report, in the language asked for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QWidget

from desktop.i18n import _
from desktop.services.grants.statistics import StatisticsFilter, load_report
from desktop.storage.store import Store
from desktop.ui.grants.common import ask_save_target
from desktop.ui.meetings.common import attempt

# Where the last export went: the next one is offered the same folder.
_folder: list[Path] = []

PATTERNS = {"xlsx": lambda: _("Excel workbooks (*.xlsx)"), "pdf": lambda: _("PDF files (*.pdf)")}


def export_statistics(parent: QWidget, store: Store, by: str, filters: StatisticsFilter,
                      fmt: str, language: str) -> Path | None:
    """Ask where, then write the statistics by ``by`` under ``filters`` as ``fmt`` ("xlsx" or
    "pdf") in ``language``; the path written, or None (cancelled or refused, with the reason
    shown)."""
    from desktop.documents.grant_statistics import file_name, write_statistics

    title = _("Export statistics")
    report = attempt(parent, title, lambda: load_report(store, by, filters, language))
    if report is None:
        return None
    target = ask_save_target(parent, title, file_name(report, fmt), PATTERNS[fmt](), f".{fmt}",
                             _folder)
    if target is None:
        return None

    def write() -> Path:
        write_statistics(report, target, fmt)
        return target

    with busy():
        return attempt(parent, title, write)


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while the statistics of many thousand decisions are counted or written."""
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
