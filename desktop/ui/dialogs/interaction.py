"""Logging (or correcting) a meeting, call, e-mail or visit with an organisation."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services import activities
from desktop.services.records import Seen
from desktop.services.vocabulary import label, labels
from desktop.settings import Settings
from desktop.storage.models.enums import InteractionKind
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts, stored_text


class InteractionDialog(QDialog):
    def __init__(self, store: Store, organisation_id: uuid.UUID,
                 interaction_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.organisation_id = organisation_id
        self.interaction_id = interaction_id
        row = None
        self.start: Seen | None = None
        if interaction_id is not None:
            with store.read() as session:
                row = activities.interaction_row(session, interaction_id)
                # What this edit starts from: a save notices another user's save meanwhile.
                self.start = activities.interaction_seen(session, interaction_id)
        self.setWindowTitle(_("New interaction") if row is None else _("Interaction"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.date = QDateEdit(QDate(row.date) if row else QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d.M.yyyy")
        form.addRow(_("Date"), self.date)
        # The officer's own name, as the change log records it, unless the entry says otherwise.
        self.officer = QLineEdit(row.officer if row else (store.officer or Settings.load().officer_name))
        form.addRow(_("Officer"), self.officer)
        self.kind = QComboBox()
        for code, text in labels(InteractionKind):
            self.kind.addItem(text, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind if row else InteractionKind.MEETING)))
        form.addRow(_("Type"), self.kind)
        self.note = QPlainTextEdit(row.note if row else "")
        self.note.setPlaceholderText(_("What was discussed or agreed"))
        form.addRow(_("Note"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def save(self) -> None:
        values = {"date": self.date.date().toPython(), "kind": self.kind.currentData(),
                  "note": self.note.toPlainText(), "officer": self.officer.text()}
        if self.interaction_id is None:
            activities.log_interaction(self.store, self.organisation_id, **values)
        else:
            interaction_id = self.interaction_id
            saved = save_resolving_conflicts(
                self, lambda fields, start: activities.update_interaction(
                    self.store, interaction_id, **fields, start=start),
                values, self.start,
                FieldsShown({"date": _("Date"), "officer": _("Officer"), "kind": _("Type"),
                             "note": _("Note")}, _shown, editable={"officer", "note"}))
            if saved is None:
                return
        self.accept()


def _shown(name: str, value: Any) -> str:
    """A stored value as the dialog shows it (the kind by its label)."""
    if name == "kind":
        return label(InteractionKind, value)
    return stored_text(value)
