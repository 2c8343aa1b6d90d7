"""Linking a person already in the register to one more organisation (found by name)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.services import contacts
from desktop.storage.store import Store

_MIN_LETTERS = 2


class LinkContactDialog(QDialog):
    def __init__(self, store: Store, organisation_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.organisation_id = organisation_id
        self.linked_id: uuid.UUID | None = None
        self.setWindowTitle(_("Link a person from the register"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("A person may represent several organisations. Find them by name:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.find)
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.itemSelectionChanged.connect(self._update_ok)
        self.results.itemDoubleClicked.connect(lambda _item: self.link())
        layout.addWidget(self.results, 1)
        self.found_label = QLabel()
        layout.addWidget(self.found_label)
        form = QFormLayout()
        self.role = QLineEdit()
        self.role.setPlaceholderText(_("e.g. chair, secretary, coordinator"))
        form.addRow(_("Role in this organisation"), self.role)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Link"))
        self.buttons.accepted.connect(self.link)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 440)
        self.find()

    def find(self) -> None:
        text = self.search.text()
        self.results.clear()
        if len(text.strip()) < _MIN_LETTERS:
            self.found_label.setText(_("Type at least two letters of the name."))
            self._update_ok()
            return
        with self.store.read() as session:
            found = contacts.find_persons(session, text, current_language(),
                                          exclude_organisation=self.organisation_id)
        for person in found:
            details = [part for part in (person.email, ", ".join(person.organisations)) if part]
            item = QListWidgetItem(" · ".join([person.name, *details]))
            item.setData(Qt.ItemDataRole.UserRole, str(person.person_id))
            self.results.addItem(item)
        self.found_label.setText(
            _("No one found (the organisation's own contact persons are not listed).") if not found else "")
        if len(found) == 1:
            self.results.setCurrentRow(0)
        self._update_ok()

    def chosen(self) -> uuid.UUID | None:
        item = self.results.currentItem()
        if item is None or not item.isSelected():
            return None
        return uuid.UUID(item.data(Qt.ItemDataRole.UserRole))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)

    def link(self) -> None:
        person_id = self.chosen()
        if person_id is None:
            return
        contacts.link_contact(self.store, self.organisation_id, person_id, self.role.text())
        self.linked_id = person_id
        self.accept()
