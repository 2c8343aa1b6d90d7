"""Connecting to the county's server (team mode): where it is, who connects, a test of the
connection, and opening it. The password goes to the system's keyring, if kept at all."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.services.server import passwords
from desktop.services.server.connection import (
    PasswordNeeded,
    check_connection,
    open_server,
    open_with_keyring,
)
from desktop.services.server.locations import DEFAULT_PORT, ServerAddress, short_name
from desktop.storage.store import Store
from desktop.ui.worker import run_with_progress

_GOOD = "color: #1b5e20;"
_BAD = "color: #b71c1c;"


class ServerDialog(QDialog):
    """Accepted with ``store`` open on the server; ``location`` prefills the fields, ``reason``
    says why the dialog is shown (the server asked for a password, say)."""

    def __init__(self, parent: QWidget | None = None, location: str = "", reason: str = "") -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.setWindowTitle(_("Connect to a server"))
        address = ServerAddress.of(location) if location else ServerAddress()
        layout = QVBoxLayout(self)
        intro = QLabel(_("The county's shared register on its PostgreSQL server. The server's "
                         "administrators give the address, the database and your user name."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.host = QLineEdit(address.host)
        self.host.setPlaceholderText("tietokanta.hyvinvointialue.fi")
        form.addRow(_("Server"), self.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(address.port or DEFAULT_PORT)
        form.addRow(_("Port"), self.port)
        self.database = QLineEdit(address.database)
        self.database.setPlaceholderText("kumppani")
        form.addRow(_("Database"), self.database)
        self.user = QLineEdit(address.user)
        form.addRow(_("User name"), self.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("empty: the one kept in the keyring"))
        form.addRow(_("Password"), self.password)
        self.tls = QCheckBox(_("Encrypted connection only (TLS)"))
        self.tls.setChecked(address.sslmode not in ("", "disable", "allow", "prefer"))
        self.tls.setToolTip(_("Refuse to connect unless the server encrypts the connection."))
        form.addRow("", self.tls)
        self._address = address
        self.remember = QCheckBox(_("Keep the password in this computer's keyring"))
        self.remember.setChecked(True)
        form.addRow("", self.remember)
        self.result_label = QLabel(reason)
        self.result_label.setObjectName("connectionResult")
        self.result_label.setWordWrap(True)
        self.result_label.setMinimumHeight(48)
        self.result_label.setStyleSheet(_BAD if reason else "")
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.test_button = buttons.addButton(_("Test connection"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = buttons.addButton(_("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        self.test_button.clicked.connect(self.test_connection)
        buttons.accepted.connect(self.open_database)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._validate)
        self._validate()
        self.resize(520, self.sizeHint().height())
        (self.password if reason and address.host else self.host).setFocus()

    def location(self) -> str:
        """The server's URL, without the password."""
        given = self._address.sslmode
        # Checked: at least require (a stricter verify-ca or verify-full given stays).
        sslmode = (given if given.startswith("verify") else "require") if self.tls.isChecked() else ""
        return ServerAddress(self.host.text(), self.port.value(), self.database.text(),
                             self.user.text(), sslmode, self._address.options).url()

    def _validate(self) -> None:
        filled = all(field.text().strip() for field in (self.host, self.database, self.user))
        self.test_button.setEnabled(filled)
        self.open_button.setEnabled(filled)

    def _say(self, text: str, good: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(_GOOD if good else _BAD)

    def test_connection(self) -> None:
        location, password = self.location(), self.password.text() or None
        if password is None:
            password = passwords.stored_password(location)
        check = run_with_progress(self, _("Connecting to {name}…").format(name=short_name(location)),
                                  lambda: check_connection(location, password))
        self._say(check.message, check.ok)

    def open_database(self) -> None:
        location, password = self.location(), self.password.text()
        try:
            self.store = run_with_progress(
                self, _("Opening {name}…").format(name=short_name(location)),
                lambda: open_server(location, password) if password else open_with_keyring(location))
        except PasswordNeeded as exc:
            self._say(str(exc), False)
            self.password.setFocus()
            return
        except KnownError as exc:
            self._say(str(exc), False)
            return
        if password and self.remember.isChecked():
            try:
                passwords.remember_password(location, password)
            except KnownError as exc:  # open all the same: only the next start asks again
                QMessageBox.warning(self, _("Connect to a server"), str(exc))
        self.accept()
