"""The form of one agenda item: title, type, presenter, time allotted, background, proposal.

It knows what it was loaded with, so the tab can tell unsaved edits from what is stored and
never drop them silently.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.i18n import _
from desktop.services.meetings.editor import ItemView
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import ItemType
from desktop.ui.dialogs.edit_conflict import combo_text, form_labels, stored_text
from desktop.ui.meetings.common import (
    combo_text_data,
    fill_combo,
    select_data,
)


class ItemForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        form.addRow(self.note)
        self.title = QLineEdit()
        form.addRow(_("&Title"), self.title)
        self.item_type = QComboBox()
        fill_combo(self.item_type, labels(ItemType))
        form.addRow(_("T&ype"), self.item_type)
        self.presenter = QLineEdit()
        form.addRow(_("&Presenter"), self.presenter)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSuffix(" min")
        self.minutes.setSpecialValueText("—")
        form.addRow(_("Time a&llotted"), self.minutes)
        self.background = QPlainTextEdit()
        self.background.setTabChangesFocus(True)
        form.addRow(_("&Background"), self.background)
        self.proposal = QPlainTextEdit()
        self.proposal.setTabChangesFocus(True)
        self.proposal.setMaximumHeight(110)
        form.addRow(_("Pr&oposal"), self.proposal)
        self.labels = form_labels(form, {
            "title": self.title, "item_type": self.item_type, "presenter": self.presenter,
            "minutes_allotted": self.minutes, "background": self.background,
            "proposal": self.proposal})
        self._loaded: dict[str, Any] | None = None
        self.load(None, editable=False)

    def load(self, item: ItemView | None, editable: bool) -> None:
        self.title.setText(item.title if item else "")
        select_data(self.item_type, item.item_type if item else ItemType.DECISION)
        self.presenter.setText(item.presenter if item else "")
        self.minutes.setValue(item.minutes_allotted or 0 if item else 0)
        self.background.setPlainText(item.background if item else "")
        self.proposal.setPlainText(item.proposal if item else "")
        notes = []
        if item and item.postponed_from:
            notes.append(_("Earlier handled at {sections}.").format(
                sections=", ".join(f"§ {n}" for n in item.postponed_from)))
        if item and item.postponed:
            notes.append(_("Postponed to the next meeting."))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self._loaded = self.values() if item else None
        for field in (self.title, self.presenter):
            field.setReadOnly(not editable)
        for text in (self.background, self.proposal):
            text.setReadOnly(not editable)
        self.item_type.setEnabled(editable)
        self.minutes.setReadOnly(not editable)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "item_type": combo_text_data(self.item_type),
            "presenter": self.presenter.text(),
            "minutes_allotted": self.minutes.value() or None,
            "background": self.background.toPlainText(),
            "proposal": self.proposal.toPlainText(),
        }

    def changes(self) -> dict[str, Any]:
        """The fields edited since loading."""
        if self._loaded is None:
            return {}
        return {key: value for key, value in self.values().items() if value != self._loaded[key]}

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def shown(self, name: str, value: Any) -> str:
        """A stored value as this form names it (the type by its label)."""
        if name == "item_type":
            return combo_text(self.item_type, value)
        if name == "minutes_allotted":
            return self.minutes.textFromValue(value) + self.minutes.suffix() if value else ""
        return stored_text(value)
