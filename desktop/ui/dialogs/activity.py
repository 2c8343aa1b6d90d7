"""Adding or editing one of an organisation's activities (who does what, where)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGES, _, current_language
from desktop.services import activities, contacts, premises
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import (
    FieldsShown,
    combo_text,
    list_text,
    save_resolving_conflicts,
    stored_text,
)
from desktop.ui.field_errors import add_error_row, show_field_errors


class ActivityDialog(QDialog):
    def __init__(self, store: Store, organisation_id: uuid.UUID, activity_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.organisation_id = organisation_id
        self.activity_id = activity_id
        language = current_language()
        with store.read() as session:
            places = activities.municipality_names(session, language)
            people = contacts.contact_rows(session, organisation_id)
            premises_choices = premises.premises_choices(session, language)
            held_in = set(premises.premises_of_activity(session, activity_id)) if activity_id else set()
            # What this edit starts from: a save notices another user's save meanwhile.
            self.start = activities.activity_seen(session, activity_id) if activity_id else None
        values: dict[str, Any] = dict(self.start.values) if self.start is not None else {}
        self.setWindowTitle(_("New activity") if activity_id is None else _("Activity"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.title = QLineEdit(values.get("title", ""))
        self.title.textChanged.connect(self.validate)
        form.addRow(_("Title"), self.title)
        self.title_error = add_error_row(form)
        self.language = QComboBox()
        for code, (_locale, native) in LANGUAGES.items():
            self.language.addItem(native, code)
        self.language.setCurrentIndex(max(0, self.language.findData(values.get("language", "fi"))))
        self.language.setToolTip(_("The language the activity is held in, and of its texts here"))
        form.addRow(_("Language"), self.language)
        self.title_translation = QLineEdit(values.get("title_translation", ""))
        self.title_translation.setPlaceholderText(
            _("The title in Swedish (in Finnish for an activity held in Swedish), for open data"))
        form.addRow(_("Title in the other language"), self.title_translation)
        self.description = QPlainTextEdit(values.get("description", ""))
        self.description.setMaximumHeight(80)
        form.addRow(_("Description"), self.description)
        self.target_group = QLineEdit(values.get("target_group", ""))
        self.target_group.setPlaceholderText(_("e.g. older people, families with children"))
        form.addRow(_("Target group"), self.target_group)
        self.when = QLineEdit(values.get("when", ""))
        self.when.setPlaceholderText(_("e.g. Mondays 13–15"))
        form.addRow(_("When"), self.when)

        self.place_filter = QLineEdit()
        self.place_filter.setPlaceholderText(_("Filter municipalities"))
        self.place_filter.setClearButtonEnabled(True)
        self.place_filter.textChanged.connect(self._filter_places)
        form.addRow(_("Municipalities"), self.place_filter)
        self.places = QListWidget()
        chosen = set(values.get("municipalities", []))
        for code, name in places.items():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.places.addItem(item)
        self.places.setMaximumHeight(150)
        self.places.itemChanged.connect(lambda _item: self._show_chosen())
        form.addRow("", self.places)
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        form.addRow("", self.chosen_label)

        self.flags: dict[str, QCheckBox] = {}
        for name, text in (("free_of_charge", _("Free of charge")), ("open_to_all", _("Open to all")),
                           ("accessible", _("Accessible")),
                           ("published", _("Published in the public list"))):
            box = QCheckBox(text)
            box.setChecked(bool(values.get(name, False)))
            self.flags[name] = box
            form.addRow("", box)
        self.contact = QComboBox()
        self.contact.addItem(_("(none)"), "")
        for person in people:
            self.contact.addItem(" · ".join(p for p in (person.name, person.role) if p),
                                 str(person.person_id))
        current = values.get("contact_id")
        if current is not None and self.contact.findData(str(current)) < 0:
            # Someone who no longer represents the organisation: kept unless changed here.
            self.contact.addItem(_("(a person no longer among the contacts)"), str(current))
        self.contact.setCurrentIndex(max(0, self.contact.findData(str(current) if current else "")))
        form.addRow(_("Contact person"), self.contact)
        self.labels = {
            "title": _("Title"), "language": _("Language"),
            "title_translation": _("Title in the other language"),
            "description": _("Description"), "target_group": _("Target group"),
            "when": _("When"), "municipalities": _("Municipalities"),
            "contact_id": _("Contact person"),
            **{name: box.text() for name, box in self.flags.items()},
        }
        self.premises = QListWidget()
        for choice in premises_choices:
            item = QListWidgetItem(choice.text)
            item.setData(Qt.ItemDataRole.UserRole, str(choice.id))
            item.setCheckState(Qt.CheckState.Checked if choice.id in held_in else Qt.CheckState.Unchecked)
            self.premises.addItem(item)
        self.premises.setMaximumHeight(110)
        form.addRow(_("Held in premises"), self.premises)
        self._initial_premises = held_in

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._show_chosen()
        self._initial = self.values()
        self.validate()

    def values(self) -> dict[str, Any]:
        contact = self.contact.currentData()
        return {
            "title": self.title.text(), "description": self.description.toPlainText(),
            "language": self.language.currentData(), "title_translation": self.title_translation.text(),
            "target_group": self.target_group.text(), "when": self.when.text(),
            "municipalities": self.chosen_codes(),
            **{name: box.isChecked() for name, box in self.flags.items()},
            "contact_id": uuid.UUID(contact) if contact else None,
        }

    def chosen_codes(self) -> list[str]:
        return [self.places.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.places.count())
                if self.places.item(i).checkState() == Qt.CheckState.Checked]

    def check(self, code: str, checked: bool = True) -> None:
        for i in range(self.places.count()):
            item = self.places.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _filter_places(self, text: str) -> None:
        wanted = text.strip().casefold()
        for i in range(self.places.count()):
            item = self.places.item(i)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def _show_chosen(self) -> None:
        names = [self.places.item(i).text() for i in range(self.places.count())
                 if self.places.item(i).checkState() == Qt.CheckState.Checked]
        self.chosen_label.setText(_("Chosen: {names}").format(names=", ".join(names))
                                  if names else _("No municipality chosen."))

    def validate(self) -> bool:
        missing = not self.title.text().strip()
        title = {"title": _("An activity needs a title.")} if missing else {}
        show_field_errors(title, {"title": self.title_error}, {"title": self.title})
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not missing)
        return not missing

    def save(self) -> None:
        if not self.validate():
            return
        if self.activity_id is None:
            self.activity_id, _changes = activities.add_activity(
                self.store, self.organisation_id, **self.values())
        else:
            changed = {k: v for k, v in self.values().items() if v != self._initial[k]}
            activity_id = self.activity_id
            if changed and save_resolving_conflicts(
                    self, lambda values, start: activities.update_activity(
                        self.store, activity_id, start=start, **values),
                    changed, self.start,
                    FieldsShown(self.labels, self._shown, editable={
                        "title", "title_translation", "description", "target_group", "when"})
            ) is None:
                return
        held_in = set(self.premises_ids())
        if held_in != self._initial_premises:
            premises.set_activity_premises(self.store, self.activity_id, held_in)
        self.accept()

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog's widgets name it (codes by their labels)."""
        if name == "language":
            return combo_text(self.language, value)
        if name == "contact_id":
            return combo_text(self.contact, value, _("(a person no longer among the contacts)"))
        if name == "municipalities":
            return list_text(self.places, value)
        return stored_text(value)

    def premises_ids(self) -> list[uuid.UUID]:
        return [uuid.UUID(self.premises.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.premises.count())
                if self.premises.item(i).checkState() == Qt.CheckState.Checked]

    def check_premises(self, text_start: str, checked: bool = True) -> None:
        for i in range(self.premises.count()):
            item = self.premises.item(i)
            if item.text().startswith(text_start):
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
