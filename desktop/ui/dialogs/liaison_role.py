"""Naming a person for a liaison role in a municipality, or editing and ending such a role."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.services import network, partners
from desktop.services.records import Seen
from desktop.services.vocabulary import label, labels
from desktop.storage.models.enums import LiaisonRoleKind
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import (
    FieldsShown,
    combo_text,
    save_resolving_conflicts,
    stored_text,
)
from desktop.ui.optional_date import OptionalDate


class LiaisonRoleDialog(QDialog):
    """``role_id`` None: a new role, preset with ``municipality``, ``role`` and ``person_id``."""

    def __init__(self, store: Store, role_id: uuid.UUID | None = None, *, municipality: str = "",
                 role: str = LiaisonRoleKind.WELLBEING_PROMOTION, title: str = "",
                 person_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.role_id = role_id
        self.removed = False
        language = current_language()
        fields: dict[str, Any] = {"municipality_code": municipality, "role": role, "title": title,
                                  "contact_id": person_id, "start_on": dt.date.today(),
                                  "end_on": None}
        # What this edit starts from: a save notices another user's save meanwhile (not
        # ``start``, which is the start date's field).
        self.edit_start: Seen | None = None
        with store.read() as session:
            if role_id is not None:
                self.edit_start = network.role_seen(session, role_id)
                fields = dict(self.edit_start.values)
            municipalities = network.municipality_choices(session, language)
        self.setWindowTitle(_("New liaison role") if role_id is None else _("Liaison role"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.municipality = QComboBox()
        for code, name in municipalities:
            self.municipality.addItem(name, code)
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(fields["municipality_code"])))
        self.municipality.currentIndexChanged.connect(lambda _i: self._load_people())
        form.addRow(_("For the municipality"), self.municipality)
        self.role = QComboBox()
        for code, text in labels(LiaisonRoleKind):
            self.role.addItem(text, code)
        self.role.setCurrentIndex(max(0, self.role.findData(fields["role"])))
        self.role.currentIndexChanged.connect(lambda _i: self.validate())
        form.addRow(_("Liaison role"), self.role)
        self.title = QLineEdit(fields["title"] or "")
        self.title.setPlaceholderText(_("The name of a role of your own"))
        self.title.textChanged.connect(self.validate)
        form.addRow(_("Role name"), self.title)
        person_row = QHBoxLayout()
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.setMinimumContentsLength(30)
        self.person.currentTextChanged.connect(lambda _t: self.validate())
        person_row.addWidget(self.person, 1)
        self.new_person = QPushButton(_("New person…"))
        self.new_person.setToolTip(_("A new contact person of the municipality"))
        self.new_person.clicked.connect(self.add_person)
        person_row.addWidget(self.new_person)
        form.addRow(_("Person"), person_row)
        self.start = QDateEdit(QDate(fields["start_on"]))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d.M.yyyy")
        self.start.dateChanged.connect(lambda _d: self.validate())
        form.addRow(_("Start date"), self.start)
        self.end = OptionalDate(fields["end_on"], _("Ended"))
        self.end.known.toggled.connect(lambda _on: self.validate())
        self.end.edit.dateChanged.connect(lambda _d: self.validate())
        form.addRow(_("End date"), self.end)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow("", self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.remove_button: QPushButton | None = None
        if role_id is not None:
            self.remove_button = self.buttons.addButton(_("Remove…"),
                                                        QDialogButtonBox.ButtonRole.DestructiveRole)
            self.remove_button.setToolTip(_("For a role entered by mistake; when someone leaves, "
                                            "give the end date instead."))
            self.remove_button.clicked.connect(self.remove)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._load_people(fields["contact_id"])

    def _load_people(self, select: uuid.UUID | None = None) -> None:
        keep = select or self.person.currentData()
        code = self.municipality.currentData() or ""
        with self.store.read() as session:
            found = network.candidates(session, code, current_language())
            self._partner = partners.municipality_partners(session).get(code)
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem("", None)
        for candidate in found:
            text = f"{candidate.name} ({candidate.detail})" if candidate.detail else candidate.name
            self.person.addItem(text, candidate.person_id)
        self.person.setCurrentIndex(max(0, _index(self.person, keep)) if keep else 0)
        completer = QCompleter([self.person.itemText(i) for i in range(self.person.count())], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.setCompleter(completer)
        self.person.blockSignals(False)
        self.new_person.setEnabled(self._partner is not None)
        if self._partner is None:
            self.new_person.setToolTip(_("Add the municipality to the register first."))
        self.validate()

    def person_id(self) -> uuid.UUID | None:
        # Typed text that names no one in the list is no choice.
        index = self.person.findText(self.person.currentText())
        return self.person.itemData(index) if index >= 0 else None

    def values(self) -> dict[str, Any]:
        return {
            "contact_id": self.person_id(), "municipality_code": self.municipality.currentData(),
            "role": self.role.currentData(), "title": self.title.text(),
            "start_on": self.start.date().toPython(), "end_on": self.end.value(),
        }

    def validate(self) -> bool:
        if not hasattr(self, "error"):
            return False
        self.title.setEnabled(self.role.currentData() == LiaisonRoleKind.OTHER)
        errors = network.field_errors(self.values())
        self.error.setText("\n".join(errors.values()))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not errors)
        return not errors

    def add_person(self) -> None:
        from desktop.ui.dialogs.contact_person import ContactPersonDialog

        if self._partner is None:
            return
        dialog = ContactPersonDialog(self.store, self._partner.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.person_id is not None:
            self._load_people(dialog.person_id)

    def save(self) -> None:
        if not self.validate():
            return
        values = self.values()
        if self.role_id is None:
            self.role_id, _changes = network.add_role(
                self.store, values["contact_id"], values["municipality_code"], values["role"],
                values["start_on"], values["end_on"], values["title"])
        else:
            role_id = self.role_id
            saved = save_resolving_conflicts(
                self, lambda fields, start: network.update_role(
                    self.store, role_id, start=start, **fields),
                values, self.edit_start,
                FieldsShown({"municipality_code": _("For the municipality"),
                             "role": _("Liaison role"), "title": _("Role name"),
                             "contact_id": _("Person"), "start_on": _("Start date"),
                             "end_on": _("End date")}, self._shown, editable={"title"}))
            if saved is None:
                return
        self.accept()

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog's widgets name it (codes and people by their names)."""
        if name == "role":
            return label(LiaisonRoleKind, value)
        combos = {"municipality_code": self.municipality, "contact_id": self.person}
        return combo_text(combos[name], value) if name in combos else stored_text(value)

    def remove(self) -> None:
        assert self.role_id is not None
        answer = QMessageBox.question(
            self, _("Remove liaison role"),
            _("Remove this liaison role? When someone leaves, give the end date instead: "
              "the network keeps its history."))
        if answer == QMessageBox.StandardButton.Yes:
            network.remove_role(self.store, self.role_id)
            self.removed = True
            self.accept()


def _index(combo: QComboBox, value: object) -> int:
    """``findData`` by equality: Qt finds a UUID only as the very object added (one read in
    another session, such as the role's own person, would not be found)."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)
