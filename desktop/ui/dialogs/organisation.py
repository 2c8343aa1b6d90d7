"""Adding or editing an organisation, with validation while typing and a duplicate warning."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGES, _, current_language
from desktop.services import organisation_page, register
from desktop.services.vocabulary import labels
from desktop.storage.models import Municipality, Organisation
from desktop.storage.models.enums import (
    OrganisationForm,
    OrganisationKind,
    OrganisationStatus,
    Sector,
)
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts
from desktop.ui.dialogs.premises_tab import OrganisationPremisesTab
from desktop.ui.field_errors import add_error_row, show_field_errors
from desktop.ui.grants.organisation_grants import OrganisationGrantsView
from desktop.ui.organisation_lists import OrganisationLists


class OrganisationDialog(QDialog):
    def __init__(self, store: Store, organisation_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.organisation_id = organisation_id
        self.saved_id: uuid.UUID | None = None
        language = current_language()
        self.setWindowTitle(_("New organisation") if organisation_id is None else _("Organisation"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        details = QWidget()
        form = QFormLayout(details)
        self.tabs.addTab(details, _("Details"))
        self.errors: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, str] = {}
        for name, text in (("name_fi", _("Name in Finnish")), ("name_sv", _("Name in Swedish")),
                           ("abbreviation", _("Abbreviation")), ("business_id", _("Business ID")),
                           ("register_number", _("Register number")), ("email", _("E-mail")),
                           ("phone", _("Phone")), ("website", _("Website"))):
            edit = QLineEdit()
            edit.textChanged.connect(self.validate)
            self.edits[name] = edit
            self.labels[name] = text
            form.addRow(text, edit)
            self.errors[name] = add_error_row(form)
        self.kind = _combo(labels(OrganisationKind))
        form.addRow(_("Kind"), self.kind)
        self.form_combo = _combo(labels(OrganisationForm))
        form.addRow(_("Form of organisation"), self.form_combo)
        self.domicile = QComboBox()
        self.domicile.addItem("—", "")
        with store.read() as session:
            for municipality in sorted(session.query(Municipality).all(),
                                       key=lambda m: m.name(language).casefold()):
                self.domicile.addItem(municipality.name(language), municipality.code)
            org = session.get(Organisation, organisation_id) if organisation_id else None
            # What this edit starts from: a save notices another user's save meanwhile.
            self.start = register.organisation_seen(session, organisation_id) if org else None
        form.addRow(_("Municipality of domicile"), self.domicile)
        self.status = _combo(labels(OrganisationStatus))
        form.addRow(_("Status"), self.status)
        self.sectors = QListWidget()
        for code, text in labels(Sector):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.sectors.addItem(item)
        self.sectors.setMaximumHeight(140)
        form.addRow(_("Sectors"), self.sectors)
        self.languages = QListWidget()
        for code, (_locale, native) in LANGUAGES.items():
            item = QListWidgetItem(native)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.languages.addItem(item)
        self.languages.setMaximumHeight(70)
        form.addRow(_("Languages"), self.languages)
        self.labels.update(kind=_("Kind"), form=_("Form of organisation"),
                           domicile_code=_("Municipality of domicile"), status=_("Status"),
                           sectors=_("Sectors"), languages=_("Languages"),
                           description=_("Description"))
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(80)
        form.addRow(_("Description"), self.description)
        self.save_first = QLabel(_("Contact persons, activities and interactions can be added once "
                                   "the organisation is saved: use “Save and add contacts”."))
        self.save_first.setWordWrap(True)
        form.addRow("", self.save_first)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_and_continue = self.buttons.addButton(_("Save and add contacts"),
                                                        QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_and_continue.clicked.connect(self.save_and_stay)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self.lists = OrganisationLists(store, self)
        for widget, title in ((self.lists.contacts, _("Contact persons")),
                              (self.lists.activities, _("Activities")),
                              (self.lists.interactions, _("Interactions"))):
            index = self.tabs.addTab(widget, title)
            widget.reloaded.connect(lambda n, i=index, t=title: self.tabs.setTabText(i, f"{t} ({n})"))
        self.overview_lists: dict[str, QListWidget] = {}
        if org is not None:
            self._load(org)
            self._add_overview_tabs(organisation_id, language)
            self.premises_tab = OrganisationPremisesTab(store, org.id, self)
            index = self.tabs.addTab(self.premises_tab, "")
            self.premises_tab.reloaded.connect(
                lambda n, i=index: self.tabs.setTabText(i, f"{_('Premises')} ({n})"))
            self.premises_tab.reload()
        self._enable_lists()
        self.validate()

    def _enable_lists(self) -> None:
        """The lists need a saved organisation to belong to; until then they say so."""
        saved = self.organisation_id is not None
        for index in range(1, 4):
            self.tabs.setTabEnabled(index, saved)
            self.tabs.setTabToolTip(index, "" if saved else _("Save the organisation first."))
        self.save_first.setVisible(not saved)
        self.save_and_continue.setVisible(not saved)
        if saved:
            assert self.organisation_id is not None
            self.lists.set_organisation(self.organisation_id)

    def _load(self, org: Organisation) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(org, name) or "")
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(org.form)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(org.kind)))
        self.status.setCurrentIndex(max(0, self.status.findData(org.status)))
        self.domicile.setCurrentIndex(max(0, self.domicile.findData(org.domicile_code or "")))
        _check(self.sectors, org.sectors)
        _check(self.languages, org.languages)
        self.description.setPlainText(org.description)

    def _add_overview_tabs(self, organisation_id: uuid.UUID, language: str) -> None:
        """Read-only tabs: its applications and decisions across the years, and the meetings it
        took part in."""
        with self.store.read() as session:
            seen = organisation_page.overview(session, organisation_id, language)
        self.grants = OrganisationGrantsView(self.store)
        count = self.grants.show_organisation(organisation_id)
        self.tabs.addTab(self.grants, f"{_('Grants')} ({count})")
        widget = QListWidget()
        widget.addItems(seen.meetings or [_("None.")])
        self.overview_lists["meetings"] = widget
        self.tabs.addTab(widget, f"{_('Meetings')} ({len(seen.meetings)})")

    def values(self) -> dict[str, Any]:
        fields: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        fields.update(
            form=self.form_combo.currentData(), status=self.status.currentData(),
            kind=self.kind.currentData(),
            domicile_code=self.domicile.currentData() or None,
            sectors=_checked(self.sectors), languages=_checked(self.languages),
            description=self.description.toPlainText().strip(),
        )
        return fields

    def validate(self) -> bool:
        """Mark each invalid field with its reason; saving waits until they are fixed."""
        errors = register.field_errors(self.values())
        show_field_errors(errors, self.errors, self.edits)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not errors)
        self.save_and_continue.setEnabled(not errors)
        return not errors

    def save(self) -> None:
        if self._save():
            self.accept()

    def save_and_stay(self) -> None:
        """Save a new organisation and keep it open, its contacts and activities now editable."""
        if self._save():
            self.organisation_id = self.saved_id
            self.setWindowTitle(_("Organisation"))
            self._enable_lists()
            self.tabs.setCurrentWidget(self.lists.contacts)

    def _save(self) -> bool:
        if not self.validate():
            return False
        fields = self.values()
        with self.store.read() as session:
            duplicates = register.possible_duplicates(session, fields, exclude=self.organisation_id)
        if duplicates and not self.confirm_duplicates(duplicates):
            return False
        saved = save_resolving_conflicts(
            self, lambda values, start: register.save_organisation(
                self.store, self.organisation_id, values, start),
            fields, self.start,
            FieldsShown(self.labels, self._shown, editable={*self.edits, "description"}))
        if saved is None:
            return False
        self.saved_id = saved[0]
        with self.store.read() as session:
            self.start = register.organisation_seen(session, self.saved_id)
        return True

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog's widgets name it (codes by their labels)."""
        combos = {"kind": self.kind, "form": self.form_combo, "status": self.status,
                  "domicile_code": self.domicile}
        lists = {"sectors": self.sectors, "languages": self.languages}
        if name in combos:
            combo = combos[name]
            index = combo.findData(value or "")
            return combo.itemText(index) if index >= 0 else str(value or "")
        if name in lists:
            widget = lists[name]
            return ", ".join(widget.item(row).text() for row in range(widget.count())
                             if widget.item(row).data(Qt.ItemDataRole.UserRole) in (value or []))
        return "" if value is None else str(value)

    def confirm_duplicates(self, duplicates: list[register.PossibleDuplicate]) -> bool:
        lines = "\n".join(f"• {d.name}: {d.reason}" for d in duplicates)
        answer = QMessageBox.question(
            self, _("Possible duplicate"),
            _("The register may already have this organisation:\n{lines}\n\nSave anyway?").format(
                lines=lines),
        )
        return answer == QMessageBox.StandardButton.Yes


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    for code, text in items:
        combo.addItem(text, code)
    return combo


def _check(widget: QListWidget, codes: list[str]) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        checked = item.data(Qt.ItemDataRole.UserRole) in codes
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(row).data(Qt.ItemDataRole.UserRole) for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked]
