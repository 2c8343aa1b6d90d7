"""Sync by file: export, import, the shared folder, the history per copy, the conflicts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.settings import Settings
from desktop.storage.store import Store
from desktop.storage.tracking import Changes
from desktop.sync import shared_folder as folder
from desktop.sync.bundle import SUFFIX
from desktop.sync.errors import BundleError
from desktop.sync.export import ExportReport
from desktop.sync.peers import list_peers, new_identity, replica_name, set_replica_name
from desktop.sync.report import ImportReport
from desktop.sync.server import ServerSyncReport
from desktop.ui.pages.base import Page
from desktop.ui.sync.conflicts_tab import ConflictsTab
from desktop.ui.sync.export_box import ExportBox
from desktop.ui.sync.folder_box import FolderBox
from desktop.ui.sync.history_tab import HistoryTab
from desktop.ui.sync.identity import NewIdentityDialog
from desktop.ui.sync.importing import import_file
from desktop.ui.sync.refusals import show_refusal
from desktop.ui.sync.report_text import folder_lines, import_lines
from desktop.ui.sync.server_box import ServerBox


class SyncPage(Page):
    def __init__(self, store: Store, parent: QWidget | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__(store, parent)
        self._settings = settings
        self.message: QMessageBox | None = None
        self._stale = False
        self.title.setText(_("Sync by file"))

        identity = QHBoxLayout()
        self.identity = QLabel(self)
        identity.addWidget(self.identity, 1)
        self.rename_button = QPushButton(_("&Rename this copy…"), self)
        self.rename_button.clicked.connect(self.rename)
        self.identity_button = QPushButton(_("New &identity…"), self)
        self.identity_button.clicked.connect(self.ask_new_identity)
        identity.addWidget(self.rename_button)
        identity.addWidget(self.identity_button)
        self.layout_.addLayout(identity)

        self.tabs = QTabWidget(self)
        self.layout_.addWidget(self.tabs, 1)
        exchange = QWidget(self.tabs)
        grid = QGridLayout(exchange)
        self.export_box = ExportBox(store, exchange)
        self.export_box.exported.connect(self._exported)
        grid.addWidget(self.export_box, 0, 0, 3, 1)
        import_box = QGroupBox(_("Import a file"), exchange)
        import_layout = QVBoxLayout(import_box)
        explanation = QLabel(_(
            "Merge a .kumppani file from a colleague into this copy. The whole file is checked "
            "first: a file that fails a check is refused and nothing is written."), import_box)
        explanation.setWordWrap(True)
        import_layout.addWidget(explanation)
        self.import_button = QPushButton(_("I&mport a file…"), import_box)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.choose_import)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.import_button)
        import_layout.addLayout(row)
        grid.addWidget(import_box, 0, 1)
        self.folder_box = FolderBox(store, self.settings, exchange)
        self.folder_box.imported.connect(self.show_folder_results)
        self.folder_box.written.connect(self._exported)
        grid.addWidget(self.folder_box, 1, 1)
        self.server_box = ServerBox(store, self.settings, exchange)
        self.server_box.synchronised.connect(self.show_server_result)
        # On the server itself there is nothing to synchronise with.
        self.server_box.setVisible(not store.on_server)
        grid.addWidget(self.server_box, 2, 1)
        result_box = QGroupBox(_("Result"), exchange)
        result_layout = QVBoxLayout(result_box)
        self.result = QPlainTextEdit(result_box)
        self.result.setReadOnly(True)
        self.result.setPlaceholderText(_("What the last export or import did is shown here."))
        result_layout.addWidget(self.result)
        self.show_conflicts = QPushButton(_("Show &the conflicts"), result_box)
        self.show_conflicts.clicked.connect(lambda: self.tabs.setCurrentWidget(self.conflicts_tab))
        self.show_conflicts.hide()
        conflicts_row = QHBoxLayout()
        conflicts_row.addStretch(1)
        conflicts_row.addWidget(self.show_conflicts)
        result_layout.addLayout(conflicts_row)
        grid.addWidget(result_box, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        self.tabs.addTab(exchange, _("Exchange"))
        self.history_tab = HistoryTab(store, self.tabs)
        self.tabs.addTab(self.history_tab, _("History"))
        self.conflicts_tab = ConflictsTab(store, self.tabs)
        self.conflicts_tab.resolved.connect(self._after_resolution)
        self.tabs.addTab(self.conflicts_tab, "")

        for keys, slot in (("Ctrl+Shift+E", self.export_box.choose_file),
                           ("Ctrl+Shift+I", self.choose_import),
                           (QKeySequence.StandardKey.Refresh, self.refresh)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self.refresh()

    @property
    def settings(self) -> Settings:
        """The main window's settings (saved with it), else the page's own."""
        window = self.window()
        # A page shown as a window of its own is its own window(): no shared settings then.
        shared = getattr(window, "settings", None) if window is not self else None
        if isinstance(shared, Settings):
            return shared
        if self._settings is None:
            self._settings = Settings.load()
        return self._settings

    # -- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        self.identity.setText(_("This copy: <b>{name}</b> · id {id}").format(
            name=replica_name(self.store), id=self.store.replica_id[:12]))
        self.export_box.set_peers([p.name for p in list_peers(self.store) if p.name])
        self.history_tab.refresh()
        self._refresh_conflicts()

    def _refresh_conflicts(self) -> None:
        self.conflicts_tab.refresh()
        count = self.conflicts_tab.count()
        index = self.tabs.indexOf(self.conflicts_tab)
        self.tabs.setTabText(index, _("Conflicts ({n})").format(n=count) if count
                             else _("Conflicts"))

    def on_changes(self, changes: Changes) -> None:
        # Any record may be in a conflict (its name shown, or its conflicts forgotten).
        if self.isVisible():
            self._refresh_conflicts()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def status_text(self) -> str:
        count = self.conflicts_tab.count()
        return _("Conflicts to resolve: {n}").format(n=count) if count else ""

    def show_lines(self, lines: list[str], conflicts: int = 0) -> None:
        self.result.setPlainText("\n".join(lines))
        self.show_conflicts.setVisible(conflicts > 0)

    def _warn(self, title: str, text: str) -> None:
        self.message = QMessageBox(QMessageBox.Icon.Warning, title, text,
                                   QMessageBox.StandardButton.Ok, self)
        self.message.open()

    # -- export and import ---------------------------------------------------------------

    def _exported(self, report: ExportReport) -> None:
        self.show_lines(report.lines())
        self.notify(_("{file} written.").format(file=report.path.name))
        self.history_tab.refresh()

    def choose_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a file"), str(self.export_box.directory),
            _("Kumppani sync files (*{suffix});;All files (*)").format(suffix=SUFFIX))
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> ImportReport | None:
        try:
            report = import_file(self, self.store, path)
        except BundleError as exc:
            self.message = show_refusal(self, exc)
            self.show_lines([str(exc)])
            return None
        except KnownError as exc:
            self._warn(_("Import a file"), str(exc))
            return None
        if report is None:
            return None
        self.export_box.directory = path.parent
        lines = import_lines(report)
        self.show_lines(lines, report.conflicts)
        self.notify(lines[0])
        self.refresh()
        return report

    def show_folder_results(self, results: list[folder.FolderResult]) -> None:
        self.show_lines(folder_lines(results),
                        sum(r.report.conflicts for r in results if r.report is not None))
        self.refresh()

    def show_server_result(self, report: ServerSyncReport) -> None:
        lines = report.lines()
        self.show_lines(lines, report.received.conflicts)
        self.notify(lines[0])
        self.refresh()

    def _after_resolution(self) -> None:
        self._refresh_conflicts()
        self.history_tab.refresh()
        self.notify(self.status_text() or _("Every conflict is resolved."))

    # -- this copy -----------------------------------------------------------------------

    def rename(self) -> None:
        name, ok = QInputDialog.getText(
            self, _("Rename this copy"),
            _("The name your colleagues see for this copy in its files:"),
            text=replica_name(self.store))
        if not ok:
            return
        try:
            set_replica_name(self.store, name)
        except KnownError as exc:
            self._warn(_("Rename this copy"), str(exc))
        self.refresh()

    def ask_new_identity(self) -> NewIdentityDialog:
        dialog = NewIdentityDialog(self.store, self)
        dialog.finished.connect(lambda result: self._new_identity(dialog, result))
        dialog.open()
        self.identity_dialog = dialog
        return dialog

    def _new_identity(self, dialog: NewIdentityDialog, result: int) -> None:
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        try:
            new_identity(self.store, dialog.chosen_name())
        except KnownError as exc:
            self._warn(_("New identity for this copy"), str(exc))
            return
        self.refresh()
        self.show_lines([_("This copy now has a new identity: {id}. Its files are accepted by "
                           "the copy it was copied from, and the other way round.").format(
            id=self.store.replica_id)])
