"""A grant call's fields: year, name, type, funder, budget, opening and closing, criteria."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_money
from desktop.services.grants import calls, views
from desktop.services.grants._common import THE_COUNTY
from desktop.services.records import Seen
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import GrantType
from desktop.storage.store import Store
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.dialogs.edit_conflict import (
    FieldsShown,
    combo_text,
    save_resolving_conflicts,
    stored_text,
)
from desktop.ui.grants.common import MoneyEdit
from desktop.ui.meetings.common import CheckedDialog, attempt, fill_combo, select_data
from desktop.ui.optional_date import OptionalDate


class CallDialog(CheckedDialog):
    """New call (``call_id`` None) or editing one; OK saves through the service."""

    def __init__(self, store: Store, call_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.call_id = call_id
        self.saved_id: uuid.UUID | None = call_id
        language = current_language()
        self.setWindowTitle(_("New grant call") if call_id is None else _("Grant call"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.labels = {"year": _("Year"), "name": _("Name"), "grant_type": _("Type"),
                       "funder_code": _("Funder"), "budget_cents": _("Budget (€)"),
                       "opens_on": _("Opens"), "closes_on": _("Closes"),
                       "criteria": _("Criteria")}
        self.year = QSpinBox()
        self.year.setRange(1900, 2200)
        self.year.setValue(dt.date.today().year + 1)
        form.addRow(self.labels["year"], self.year)
        self.name = QLineEdit()
        self.name.setMinimumWidth(380)
        form.addRow(self.labels["name"], self.name)
        self.grant_type = QComboBox()
        fill_combo(self.grant_type, labels(GrantType))
        form.addRow(self.labels["grant_type"], self.grant_type)
        self.funder = QComboBox()
        fill_combo(self.funder, views.municipality_choices(store, language),
                   none_label=_(THE_COUNTY))
        self.funder.setToolTip(_("Officers also record what municipalities grant, so that the "
                                 "statistics show the whole picture."))
        form.addRow(self.labels["funder_code"], self.funder)
        self.budget = MoneyEdit()
        self.budget.setToolTip(_("Leave empty when no budget was set: no warnings then."))
        form.addRow(self.labels["budget_cents"], self.budget)
        self.opens_on = OptionalDate(None, _("Known"))
        form.addRow(self.labels["opens_on"], self.opens_on)
        self.closes_on = OptionalDate(None, _("Known"))
        form.addRow(self.labels["closes_on"], self.closes_on)
        self.criteria = QPlainTextEdit()
        self.criteria.setMinimumHeight(90)
        form.addRow(self.labels["criteria"], self.criteria)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.start: Seen | None = None
        if call_id is not None:
            # What this edit starts from, read before the fields shown: a save notices another
            # user's save meanwhile.
            with store.read() as session:
                self.start = calls.call_seen(session, call_id)
            self._load(views.call_details(store, call_id))
        self.submit = self.save
        remember_size(self)

    def _load(self, call: views.CallDetails) -> None:
        self.year.setValue(call.year)
        self.name.setText(call.name)
        select_data(self.grant_type, call.grant_type)
        select_data(self.funder, call.funder_code)
        self.budget.set_cents(call.budget_cents or None)
        self.opens_on.set_value(call.opens_on)
        self.closes_on.set_value(call.closes_on)
        self.criteria.setPlainText(call.criteria)

    def values(self) -> dict[str, Any]:
        """The fields as the service takes them; raises ``ValidationError`` on a bad budget."""
        budget = self.budget.cents() if self.budget.text().strip() else 0
        return {
            "year": self.year.value(), "name": self.name.text(),
            "grant_type": self.grant_type.currentData(),
            "funder_code": self.funder.currentData() or None, "budget_cents": budget,
            "opens_on": self.opens_on.value(), "closes_on": self.closes_on.value(),
            "criteria": self.criteria.toPlainText(),
        }

    def save(self) -> object:
        call_id = self.call_id
        if call_id is None:
            def create() -> object:
                self.saved_id, changes = calls.create_call(self.store, **self.values())
                return changes

            return attempt(self, self.windowTitle(), create)
        saved = attempt(self, self.windowTitle(), lambda: save_resolving_conflicts(
            self, lambda values, start: calls.update_call(self.store, call_id, start=start,
                                                          **values),
            self.values(), self.start,
            FieldsShown(self.labels, self._shown, editable={"name", "criteria"})))
        return saved

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog shows it (codes by their labels, a budget of 0 as
        none recorded)."""
        if name == "grant_type":
            return combo_text(self.grant_type, value)
        if name == "funder_code":
            return combo_text(self.funder, value or "")
        if name == "budget_cents":
            return format_money(value) if value else ""
        return stored_text(value)
