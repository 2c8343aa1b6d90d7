"""Asking for the passphrase of an encrypted file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.i18n import _


class PassphraseDialog(QDialog):
    def __init__(self, file_name: str, parent: QWidget | None = None, retry: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Passphrase"))
        layout = QVBoxLayout(self)
        text = _("{name} is encrypted. Type the passphrase it was exported with:").format(
            name=file_name)
        if retry:
            text = _("The passphrase does not open {name}. Try again:").format(name=file_name)
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.edit.textChanged.connect(lambda text: self.ok.setEnabled(bool(text)))
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())


def ask_passphrase(parent: QWidget | None, file_name: str, retry: bool = False) -> str | None:
    dialog = PassphraseDialog(file_name, parent, retry)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.edit.text()
        return None
    finally:
        dialog.deleteLater()
