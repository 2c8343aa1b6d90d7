"""Synchronising this copy with the team's server directly: the address, the password, the run."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
from desktop.services.server import passwords
from desktop.services.server.connection import PasswordNeeded, open_server, open_with_keyring
from desktop.settings import Settings
from desktop.storage.dialect import is_server_url
from desktop.storage.store import Store
from desktop.sync.server import ServerSyncReport, last_server, synchronise
from desktop.ui.worker import run_with_progress


class ServerSyncDialog(QDialog):
    """The server's address and, when the keyring has none for it, its password."""

    def __init__(self, url: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Synchronise with server"))
        layout = QVBoxLayout(self)
        text = QLabel(reason or _(
            "This copy's changes go to the server and the server's changes come here, with the "
            "same rules as files: a field changed on both sides is kept for you to choose under "
            "Conflicts. Leave the password empty to use the one kept in the keyring."), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.url = QLineEdit(url, self)
        self.url.setPlaceholderText("postgresql+psycopg://user@host/kumppani")
        form.addRow(_("&Server:"), self.url)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("&Password:"), self.password)
        layout.addLayout(form)
        self.remember = QCheckBox(_("&Keep the password in the keyring"), self)
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm = buttons.addButton(_("S&ynchronise"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.url.textChanged.connect(self._check)
        layout.addWidget(buttons)
        self._check()
        (self.password if reason and url else self.url).setFocus()
        self.resize(560, self.sizeHint().height())

    def _check(self) -> None:
        self.confirm.setEnabled(is_server_url(self.url.text().strip()))


def synchronise_with_server(parent: QWidget, store: Store, url: str,
                            password: str | None) -> ServerSyncReport:
    """Open the server (with ``password``, else as the URL or the keyring allows) and
    synchronise with it in a worker; ``PasswordNeeded`` when it still asks for one."""

    def work() -> ServerSyncReport:
        server = open_server(url, password) if password else open_with_keyring(url)
        try:
            server.officer = store.officer
            return synchronise(store, server)
        finally:
            server.close()

    return run_with_progress(parent, _("Synchronising with the server…"), work, store)


class ServerBox(QGroupBox):
    synchronised = Signal(object)  # ServerSyncReport

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(_("Team server"), parent)
        self.store = store
        self.settings = settings
        self.dialog: ServerSyncDialog | None = None
        self.message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(_(
            "When this computer reaches the team's server, exchange the changes with it "
            "directly, without files."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addStretch(1)
        self.button = QPushButton(_("S&ynchronise with server…"), self)
        self.button.setObjectName("serverSyncButton")
        self.button.clicked.connect(lambda: self.ask())
        row.addWidget(self.button)
        layout.addLayout(row)

    def default_url(self) -> str:
        return getattr(self.settings, "server", "") or last_server(self.store)

    def ask(self, reason: str = "", url: str | None = None) -> ServerSyncDialog:
        dialog = ServerSyncDialog(self.default_url() if url is None else url, reason, self)
        dialog.finished.connect(lambda result: self._chosen(dialog, result))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _chosen(self, dialog: ServerSyncDialog, result: int) -> None:
        dialog.deleteLater()
        self.dialog = None
        if result != QDialog.DialogCode.Accepted:
            return
        url, password = dialog.url.text().strip(), dialog.password.text()
        try:
            report = synchronise_with_server(self, self.store, url, password or None)
        except PasswordNeeded as exc:
            self.ask(str(exc), url)
            return
        except KnownError as exc:
            self._warn(str(exc))
            return
        self.synchronised.emit(report)
        if password and dialog.remember.isChecked():
            try:
                passwords.remember_password(url, password)
            except KnownError as exc:
                self._warn(str(exc))

    def _warn(self, text: str) -> None:
        self.message = QMessageBox(QMessageBox.Icon.Warning, _("Synchronise with server"), text,
                                   QMessageBox.StandardButton.Ok, self)
        self.message.open()
