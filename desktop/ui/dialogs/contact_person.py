"""Adding or editing a contact person of an organisation, with their data-protection fields."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGES, _, current_language
from desktop.i18n.formatting import format_date
from desktop.services import contacts
from desktop.storage.store import Store
from desktop.ui import person_actions
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts
from desktop.ui.dialogs.liaison_roles_box import LiaisonRolesBox
from desktop.ui.field_errors import add_error_row, show_field_errors
from desktop.ui.optional_date import OptionalDate


class ContactPersonDialog(QDialog):
    """``person_id`` None: a new person who represents ``organisation_id``."""

    def __init__(self, store: Store, organisation_id: uuid.UUID, person_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.organisation_id = organisation_id
        self.person_id = person_id
        self.erased = False
        self.start = None
        if person_id is None:
            details = None
            fields: dict[str, Any] = {"preferred_language": current_language(),
                                      "retained_since": dt.date.today()}
        else:
            with store.read() as session:
                details = contacts.contact_details(session, person_id, organisation_id,
                                                   current_language())
            fields = details.fields
            self.start = details.start  # a save notices another user's save meanwhile
        self.setWindowTitle(_("New contact person") if person_id is None else _("Contact person"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for name, text in (("name", _("Name")), ("role", _("Role in this organisation")),
                           ("email", _("E-mail")), ("phone", _("Phone"))):
            value = details.role if name == "role" and details else fields.get(name, "")
            edit = QLineEdit(value or "")
            edit.textChanged.connect(self.validate)
            self.edits[name] = edit
            form.addRow(text, edit)
            if name in ("name", "email"):
                self.errors[name] = add_error_row(form)
        self.edits["role"].setPlaceholderText(_("e.g. chair, secretary, coordinator"))
        self.language = QComboBox()
        for code, (_locale, native) in LANGUAGES.items():
            self.language.addItem(native, code)
        self.language.setCurrentIndex(max(0, self.language.findData(fields.get("preferred_language"))))
        form.addRow(_("Preferred language"), self.language)
        self.basis = QLineEdit(fields.get("retention_basis") or "")
        self.basis.setPlaceholderText(_("e.g. member of the partnership table"))
        form.addRow(_("Basis for keeping the data"), self.basis)
        self.retained_since = OptionalDate(fields.get("retained_since"), _("Known"))
        form.addRow(_("Kept since"), self.retained_since)
        self.last_contact = OptionalDate(fields.get("last_contact"), _("Known"))
        form.addRow(_("Last contact"), self.last_contact)
        self.public = QCheckBox(_("Public contact: may be named in public lists and open data"))
        self.public.setChecked(bool(fields.get("public", False)))
        form.addRow("", self.public)
        if details and details.other_organisations:
            others = QLabel(_("Also represents: {names}").format(
                names=", ".join(details.other_organisations)))
            others.setWordWrap(True)
            form.addRow("", others)
        self.liaison_roles: LiaisonRolesBox | None = None
        if person_id is not None:
            self.liaison_roles = LiaisonRolesBox(store, person_id, self)
            form.addRow(_("Liaison roles"), self.liaison_roles)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.export_button: QPushButton | None = None
        self.erase_button: QPushButton | None = None
        if person_id is not None:
            self.export_button = self.buttons.addButton(_("Export personal data…"),
                                                        QDialogButtonBox.ButtonRole.ActionRole)
            self.export_button.clicked.connect(self.export)
            self.erase_button = self.buttons.addButton(_("Erase the person…"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
            self.erase_button.clicked.connect(self.erase)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._initial = self.values()
        self.validate()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.edits["name"].text(), "email": self.edits["email"].text(),
            "phone": self.edits["phone"].text(), "preferred_language": self.language.currentData(),
            "retention_basis": self.basis.text(), "retained_since": self.retained_since.value(),
            "last_contact": self.last_contact.value(), "public": self.public.isChecked(),
        }

    def validate(self) -> bool:
        """Mark the invalid fields with the reason; saving waits until they are fixed."""
        errors = contacts.field_errors(self.values())
        show_field_errors(errors, self.errors, self.edits)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not errors)
        return not errors

    def save(self) -> None:
        if not self.validate():
            return
        role = self.edits["role"].text()
        if self.person_id is None:
            self.person_id, _changes = contacts.add_contact(
                self.store, self.organisation_id, role, **self.values())
        else:
            # Only what changed: an unchanged form writes nothing, not even an audit entry.
            changed = {k: v for k, v in self.values().items() if v != self._initial[k]}
            person_id = self.person_id
            saved = save_resolving_conflicts(
                self, lambda values, start: contacts.update_contact(
                    self.store, person_id, self.organisation_id, role, start=start, **values),
                changed, self.start, FieldsShown(
                    {"name": _("Name"), "email": _("E-mail"), "phone": _("Phone"),
                     "preferred_language": _("Preferred language"),
                     "retention_basis": _("Basis for keeping the data"),
                     "retained_since": _("Kept since"), "last_contact": _("Last contact"),
                     "public": _("Public contact")},
                    _shown, editable={"name", "email", "phone", "retention_basis"}))
            if saved is None:
                return
        self.accept()

    def export(self) -> None:
        assert self.person_id is not None
        person_actions.ask_export(self, self.store, self.person_id, self._initial["name"])

    def erase(self) -> None:
        assert self.person_id is not None
        if person_actions.confirm_and_erase(self, self.store, self.person_id, self._initial["name"]):
            self.erased = True
            self.accept()


def _shown(_name: str, value: Any) -> str:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.date):
        return format_date(value)
    if value in LANGUAGES:
        return LANGUAGES[value][1]
    return "" if value is None else str(value)
