"""This copy's name and identity; a copied database file is given an identity of its own."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.storage.store import Store
from desktop.sync.peers import replica_name


class NewIdentityDialog(QDialog):
    """Asks before the change: the explanation, the copy's (new) name, and a plain button."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New identity for this copy"))
        layout = QVBoxLayout(self)
        text = QLabel(_(
            "Do this only when this database file was copied from another officer's (or from "
            "another computer of yours): the two files then share one identity, and each "
            "refuses the other's sync files as its own.\n\n"
            "After the change this copy sends its files under a new identity and name. What it "
            "holds now stays as it is. Current id: {id}"
        ).format(id=store.replica_id), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.name = QLineEdit(replica_name(store), self)
        self.name.setMaxLength(200)
        form.addRow(_("Name of this copy:"), self.name)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm = buttons.addButton(_("Give a new identity"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda t: self.confirm.setEnabled(bool(t.strip())))
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def chosen_name(self) -> str:
        return " ".join(self.name.text().split())
