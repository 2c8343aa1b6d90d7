"""Shared folder mode: the folder, when to use it unasked, and using it now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.settings import Settings
from desktop.storage.store import Store
from desktop.sync import shared_folder as folder
from desktop.sync.export import ExportReport
from desktop.ui.sync.importing import import_shared_folder
from desktop.ui.worker import run_with_progress


class FolderBox(QGroupBox):
    imported = Signal(object)  # list[FolderResult]
    written = Signal(object)  # ExportReport

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(_("Shared folder"), parent)
        self.store = store
        self.settings = settings
        layout = QVBoxLayout(self)
        intro = QLabel(_(
            "A folder that Nextcloud, OneDrive, Syncthing or a network drive shares with your "
            "colleagues: Kumppani writes its own file there and imports theirs."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(_("no folder chosen"))
        row.addWidget(self.path, 1)
        self.choose = QPushButton(_("Choose a fol&der…"), self)
        self.choose.clicked.connect(self.choose_folder)
        row.addWidget(self.choose)
        layout.addLayout(row)
        self.at_start = QCheckBox(_("Import the others' files when Kumppani starts"), self)
        self.on_exit = QCheckBox(_("Write my file when Kumppani closes"), self)
        layout.addWidget(self.at_start)
        layout.addWidget(self.on_exit)
        buttons = QHBoxLayout()
        self.import_now = QPushButton(_("Import the others' fi&les"), self)
        self.import_now.setObjectName("folderImportButton")
        self.write_now = QPushButton(_("&Write my file"), self)
        self.write_now.setObjectName("folderWriteButton")
        self.import_now.clicked.connect(self.import_files)
        self.write_now.clicked.connect(self.write_file)
        buttons.addStretch(1)
        buttons.addWidget(self.import_now)
        buttons.addWidget(self.write_now)
        layout.addLayout(buttons)
        self.message: QMessageBox | None = None
        self.load()
        self.at_start.toggled.connect(self._save_choices)
        self.on_exit.toggled.connect(self._save_choices)

    def load(self) -> None:
        self.path.setText(self.settings.sync_folder)
        self.at_start.setChecked(self.settings.sync_folder_import_at_start)
        self.on_exit.setChecked(self.settings.sync_folder_export_on_exit)
        self._enable()

    def folder(self) -> Path | None:
        return Path(self.settings.sync_folder) if self.settings.sync_folder else None

    def _enable(self) -> None:
        chosen = bool(self.settings.sync_folder)
        for widget in (self.at_start, self.on_exit, self.import_now, self.write_now):
            widget.setEnabled(chosen)

    def _save_choices(self) -> None:
        self.settings.sync_folder_import_at_start = self.at_start.isChecked()
        self.settings.sync_folder_export_on_exit = self.on_exit.isChecked()
        self.settings.save()

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, _("Shared folder"), self.settings.sync_folder or str(Path.home()))
        if name:
            self.set_folder(Path(name))

    def set_folder(self, path: Path) -> None:
        self.settings.sync_folder = str(path)
        self.settings.save()
        self.load()

    def import_files(self) -> list[folder.FolderResult]:
        directory = self.folder()
        if directory is None:
            return []
        try:
            results = import_shared_folder(self, self.store, directory)
        except KnownError as exc:
            self._warn(str(exc))
            return []
        self.imported.emit(results)
        return results

    def write_file(self) -> ExportReport | None:
        directory = self.folder()
        if directory is None:
            return None
        try:
            report = run_with_progress(self, _("Writing my file to the shared folder…"),
                                       lambda: folder.write_outbox(self.store, directory),
                                       self.store)
        except KnownError as exc:
            self._warn(str(exc))
            return None
        self.written.emit(report)
        return report

    def _warn(self, text: str) -> None:
        self.message = QMessageBox(QMessageBox.Icon.Warning, _("Shared folder"), text,
                                   QMessageBox.StandardButton.Ok, self)
        self.message.open()
