"""Adding or editing premises: the details, the owner, and the organisations and activities
that use them (all saved together with Save)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.services import premises
from desktop.services.activities import municipality_names
from desktop.services.premises import FEATURE_LABELS, FEATURES, Choice
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import PremisesTerms, PremisesType
from desktop.storage.store import Store
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts
from desktop.ui.field_errors import add_error_row, show_field_errors

_MIN_LETTERS = 2
_ID = Qt.ItemDataRole.UserRole


def _text_box(text: str, height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit(text or "")
    box.setMaximumHeight(height)
    box.setTabChangesFocus(True)
    return box


class PremisesDialog(QDialog):
    #: The size the dialog had when last closed in this session; cheap to remember.

    def __init__(self, store: Store, premises_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.premises_id = premises_id
        language = current_language()
        with store.read() as session:
            places = municipality_names(session, language)
            details = premises.premises_details(session, premises_id, language) if premises_id else None
        values: dict[str, Any] = details.fields if details else {}
        # What this edit starts from: a save notices another user's save meanwhile.
        self.start = details.start if details else None
        self.known_owners = {details.owner.id: details.owner.text} if details and details.owner else {}
        self.setWindowTitle(_("New premises") if premises_id is None else _("Premises"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)

        page = QWidget()
        form = QFormLayout(page)
        self.tabs.addTab(page, _("Details"))
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for name, text in (("name_fi", _("Name in Finnish")), ("name_sv", _("Name in Swedish")),
                           ("address", _("Address"))):
            edit = QLineEdit(values.get(name, "") or "")
            edit.textChanged.connect(self.validate)
            self.edits[name] = edit
            form.addRow(text, edit)
            if name == "name_fi":
                self.errors[name] = add_error_row(form)
        self.municipality = QComboBox()
        self.municipality.addItem("—", "")
        for code, name in places.items():
            self.municipality.addItem(name, code)
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(
            values.get("municipality_code") or "")))
        form.addRow(_("Located in"), self.municipality)
        self.kind = QComboBox()
        for code, text in labels(PremisesType):
            self.kind.addItem(text, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(values.get("kind"))))
        form.addRow(_("Type"), self.kind)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, premises.MAX_CAPACITY)
        self.capacity.setSpecialValueText(_("not known"))
        self.capacity.setSuffix(" " + _("people"))
        self.capacity.setValue(values.get("capacity") or 0)
        form.addRow(_("Capacity"), self.capacity)
        self.features: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for name in FEATURES:
            box = QCheckBox(_(FEATURE_LABELS[name]))
            box.setChecked(bool(values.get(name)))
            self.features[name] = box
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(_("Accessibility"), row)
        self.equipment = _text_box(values.get("equipment", ""))
        form.addRow(_("Equipment"), self.equipment)
        self.terms = QComboBox()
        for code, text in labels(PremisesTerms):
            self.terms.addItem(text, code)
        self.terms.setCurrentIndex(max(0, self.terms.findData(values.get("terms"))))
        form.addRow(_("Terms for organisations"), self.terms)
        self.booking = _text_box(values.get("booking", ""))
        self.booking.setPlaceholderText(_("e.g. from the library's customer service, tel. …"))
        form.addRow(_("How and whom to book"), self.booking)
        self.availability = QLineEdit(values.get("availability", "") or "")
        self.availability.setPlaceholderText(_("e.g. weekday evenings"))
        form.addRow(_("Availability"), self.availability)
        self.contract_clause = _text_box(values.get("contract_clause", ""))
        self.contract_clause.setPlaceholderText(
            _("For a service producer: the clause of its contract with the county that requires it"))
        form.addRow(_("Contract clause"), self.contract_clause)

        self.tabs.addTab(self._links_tab(details), _("Owner and users"))

        self.labels = {
            "name_fi": _("Name in Finnish"), "name_sv": _("Name in Swedish"),
            "address": _("Address"), "municipality_code": _("Located in"), "kind": _("Type"),
            "capacity": _("Capacity"), "equipment": _("Equipment"),
            "terms": _("Terms for organisations"), "booking": _("How and whom to book"),
            "availability": _("Availability"), "contract_clause": _("Contract clause"),
            "owner_id": _("Owner:").rstrip(":"),
            **{name: _(FEATURE_LABELS[name]) for name in FEATURES}}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)
        self.setMinimumWidth(640)
        remember_size(self)
        self.validate()

    # -- owner, users and activities --------------------------------------------------------

    def _links_tab(self, details: premises.PremisesDetails | None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        owner_row = QHBoxLayout()
        owner_row.addWidget(QLabel(_("Owner:")))
        self.owner_label = QLabel()
        self.owner_label.setWordWrap(True)
        owner_row.addWidget(self.owner_label, 1)
        self.clear_owner_button = QPushButton(_("No owner"))
        self.clear_owner_button.clicked.connect(lambda _checked=False: self.set_owner(None))
        owner_row.addWidget(self.clear_owner_button)
        layout.addLayout(owner_row)

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find an organisation or public partner by name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.find_organisations())
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_user())
        self.results.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.results)
        row = QHBoxLayout()
        self.owner_button = QPushButton(_("Set as &owner"))
        self.owner_button.clicked.connect(lambda _checked=False: self.owner_from_results())
        self.user_button = QPushButton(_("&Add as user"))
        self.user_button.clicked.connect(lambda _checked=False: self.add_user())
        row.addWidget(self.owner_button)
        row.addWidget(self.user_button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(QLabel(_("Organisations that use the premises:")))
        self.users = QListWidget()
        self.users.setMaximumHeight(110)
        self.users.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.users)
        self.remove_user_button = QPushButton(_("&Remove user"))
        self.remove_user_button.clicked.connect(lambda _checked=False: self.remove_user())
        layout.addWidget(self.remove_user_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(_("Activities held here (the users' activities):")))
        self.activities = QListWidget()
        layout.addWidget(self.activities, 1)

        self.owner: Choice | None = details.owner if details else None
        for choice in details.organisations if details else []:
            self._add_item(self.users, choice)
        self._linked_activities = {c.id for c in details.activities} if details else set()
        self.set_owner(self.owner)
        self.reload_activities()
        self._update_buttons()
        return page

    @staticmethod
    def _add_item(widget: QListWidget, choice: Choice, checkable: bool = False,
                  checked: bool = False) -> None:
        item = QListWidgetItem(choice.text)
        item.setData(_ID, str(choice.id))
        if checkable:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)

    @staticmethod
    def _ids(widget: QListWidget, checked_only: bool = False) -> list[uuid.UUID]:
        return [uuid.UUID(widget.item(i).data(_ID)) for i in range(widget.count())
                if not checked_only or widget.item(i).checkState() == Qt.CheckState.Checked]

    def find_organisations(self) -> None:
        self.results.clear()
        text = self.search.text()
        if len(text.strip()) >= _MIN_LETTERS:
            with self.store.read() as session:
                for choice in premises.find_organisations(session, text, current_language()):
                    self._add_item(self.results, choice)
            if self.results.count() == 1:
                self.results.setCurrentRow(0)
        self._update_buttons()

    def _chosen_result(self) -> Choice | None:
        item = self.results.currentItem()
        if item is None or not item.isSelected():
            return None
        return Choice(uuid.UUID(item.data(_ID)), item.text())

    def set_owner(self, choice: Choice | None) -> None:
        self.owner = choice
        self.owner_label.setText(choice.text if choice else _("(none recorded)"))
        self.clear_owner_button.setEnabled(choice is not None)

    def owner_from_results(self) -> None:
        choice = self._chosen_result()
        if choice is not None:
            self.set_owner(choice)

    def add_user(self) -> None:
        choice = self._chosen_result()
        if choice is None or choice.id in self._ids(self.users):
            return
        self._add_item(self.users, choice)
        self.reload_activities()
        self._update_buttons()

    def remove_user(self) -> None:
        row = self.users.currentRow()
        if row >= 0:
            self.users.takeItem(row)
            self.reload_activities()
        self._update_buttons()

    def reload_activities(self) -> None:
        """The users' activities, checked when held here; checks survive a reload."""
        if self.activities.count():
            self._linked_activities = set(self._ids(self.activities, checked_only=True))
        with self.store.read() as session:
            offered = premises.activities_of_organisations(session, self._ids(self.users),
                                                           current_language())
        # An activity of an organisation removed from the users goes with it.
        self.activities.clear()
        for choice in offered:
            self._add_item(self.activities, choice, checkable=True,
                           checked=choice.id in self._linked_activities)

    def check_activity(self, text_start: str, checked: bool = True) -> None:
        for i in range(self.activities.count()):
            item = self.activities.item(i)
            if item.text().startswith(text_start):
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update_buttons(self) -> None:
        chosen = self._chosen_result() is not None
        self.owner_button.setEnabled(chosen)
        self.user_button.setEnabled(chosen)
        self.remove_user_button.setEnabled(self.users.currentRow() >= 0)

    # -- saving ----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        fields: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        fields.update(
            municipality_code=self.municipality.currentData() or None,
            kind=self.kind.currentData(), capacity=self.capacity.value() or None,
            equipment=self.equipment.toPlainText(), terms=self.terms.currentData(),
            booking=self.booking.toPlainText(), availability=self.availability.text(),
            contract_clause=self.contract_clause.toPlainText(),
            owner_id=self.owner.id if self.owner else None,
            **{name: box.isChecked() for name, box in self.features.items()},
        )
        return fields

    def validate(self) -> bool:
        errors = premises.field_errors(self.values())
        show_field_errors(errors, self.errors, {"name_fi": self.edits["name_fi"]})
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not errors)
        return not errors

    def save(self) -> None:
        if not self.validate():
            self.tabs.setCurrentIndex(0)
            return
        premises_id, organisation_ids = self.premises_id, self._ids(self.users)
        activity_ids = self._ids(self.activities, checked_only=True)
        saved = save_resolving_conflicts(
            self, lambda values, start: premises.save_premises(
                self.store, premises_id, values, organisation_ids=organisation_ids,
                activity_ids=activity_ids, start=start),
            self.values(), self.start, FieldsShown(
                self.labels, self._shown, editable={*self.edits, "equipment", "booking",
                                                    "availability", "contract_clause"}))
        if saved is None:
            return
        self.premises_id = saved[0]
        self.accept()

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog's widgets name it."""
        combos = {"municipality_code": self.municipality, "kind": self.kind, "terms": self.terms}
        if name in combos:
            index = combos[name].findData(value or "")
            return combos[name].itemText(index) if index >= 0 else str(value or "")
        if name == "owner_id":
            if self.owner is not None:
                self.known_owners[self.owner.id] = self.owner.text
            return "" if value is None else self.known_owners.get(value, _("another organisation"))
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return "" if value is None else str(value)
