"""File ▸ Export open data: the published activities, their organisations and premises."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow

from desktop.i18n import _
from desktop.storage.store import Store


def ask_and_export(window: QMainWindow, store: Store) -> Path | None:
    """Ask for a folder and write the open data files there; returns the folder or None."""
    name = QFileDialog.getExistingDirectory(window, _("Export open data to a folder"), str(Path.home()))
    if not name:
        return None
    write(window, store, Path(name))
    return Path(name)


def write(window: QMainWindow, store: Store, directory: Path) -> str:
    """Write the files into ``directory`` and say what was written in the status bar."""
    from desktop.cli_premises import open_data_summary
    from desktop.documents.open_data import write_open_data
    from desktop.services.open_data import open_data

    with store.read() as session:
        data = open_data(session)
    write_open_data(data, directory)
    text = open_data_summary(len(data.events), len(data.organisations), len(data.places), directory)
    window.statusBar().showMessage(text, 8000)
    return text
