"""Adding or following up an action item: what, from which item, owner, deadline, status."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.services.meetings.editor import (
    ActionView,
    ItemView,
    organisation_choices,
    person_choices,
)
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import ActionStatus
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import combo_text, form_labels, stored_text
from desktop.ui.meetings.common import (
    CheckedDialog,
    combo_id,
    combo_text_data,
    fill_combo,
    ok_cancel,
    searchable,
)
from desktop.ui.optional_date import OptionalDate


class ActionDialog(CheckedDialog):
    """``action`` None: a new action of the meeting whose ``items`` are offered."""

    def __init__(self, store: Store, items: tuple[ItemView, ...], action: ActionView | None = None,
                 item: ItemView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(_("Action item") if action else _("New action item"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.what = QPlainTextEdit(action.what if action else "")
        self.what.setTabChangesFocus(True)
        self.what.setMaximumHeight(90)
        form.addRow(_("&What is to be done"), self.what)
        self.item = QComboBox()
        current_item = action.item_id if action else (item.id if item else None)
        fill_combo(self.item, [(i.id, f"§ {i.section}  {i.title}") for i in items], current_item,
                   none_label=_("— the meeting in general —"))
        form.addRow(_("&Agenda item"), self.item)
        self.person = searchable(QComboBox())
        fill_combo(self.person, person_choices(store), action.owner_person_id if action else None,
                   none_label="—")
        form.addRow(_("Owner: &person"), self.person)
        self.organisation = searchable(QComboBox())
        fill_combo(self.organisation, organisation_choices(store, current_language()),
                   action.owner_organisation_id if action else None, none_label="—")
        form.addRow(_("Owner: &organisation"), self.organisation)
        self.owner_text = QLineEdit(action.owner_text if action else "")
        self.owner_text.setPlaceholderText(_("Or in words: a team, the secretary…"))
        form.addRow(_("Owner: &other"), self.owner_text)
        self.deadline = OptionalDate(action.deadline if action else None, _("Deadline"))
        form.addRow(_("&Deadline"), self.deadline)
        self.status = QComboBox()
        fill_combo(self.status, labels(ActionStatus), action.status if action else ActionStatus.OPEN)
        form.addRow(_("&Status"), self.status)
        self.labels = form_labels(form, {
            "what": self.what, "owner_person_id": self.person,
            "owner_organisation_id": self.organisation, "owner_text": self.owner_text,
            "deadline": self.deadline, "status": self.status})
        if action is None:
            self.status.setEnabled(False)
        else:
            self.item.setEnabled(False)  # an action stays with the item it was decided in
            if action.minutes_locked:
                self.what.setReadOnly(True)
                note = QLabel(_("The minutes are approved: what was decided stays; the owner, "
                                "deadline and status are still followed up."))
                note.setWordWrap(True)
                form.insertRow(0, note)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def owner(self) -> dict[str, Any]:
        return {"owner_person_id": combo_id(self.person),
                "owner_organisation_id": combo_id(self.organisation),
                "owner_text": self.owner_text.text(), "deadline": self.deadline.value()}

    def new_values(self) -> dict[str, Any]:
        return {"what": self.what.toPlainText(), "item_id": combo_id(self.item)} | self.owner()

    def changed_values(self) -> dict[str, Any]:
        """What differs from the action being edited (the only fields an update sends)."""
        assert self.action is not None
        values = self.owner() | {"status": combo_text_data(self.status)}
        if not self.action.minutes_locked:
            values["what"] = self.what.toPlainText()
        return {key: value for key, value in values.items() if value != getattr(self.action, key)}

    def shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog names it (owners and the status by their names)."""
        combos = {"owner_person_id": self.person, "owner_organisation_id": self.organisation,
                  "status": self.status}
        return combo_text(combos[name], value) if name in combos else stored_text(value)
