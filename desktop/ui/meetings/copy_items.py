"""Choosing items of another meeting of the body to copy onto this agenda."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.services.meetings.editor import other_meetings
from desktop.storage.store import Store
from desktop.ui.meetings.common import CheckedDialog, ok_cancel

ITEM_ID = Qt.ItemDataRole.UserRole


class CopyItemsDialog(CheckedDialog):
    def __init__(self, store: Store, meeting_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Copy items from a meeting"))
        self.resize(560, 420)
        self.meetings = other_meetings(store, meeting_id, current_language())
        layout = QVBoxLayout(self)
        note = QLabel(_("The items are copied with their background, proposal and attachments, "
                        "before the closing items; what the other meeting decided is not copied."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.meeting = QComboBox()
        for meeting in self.meetings:
            self.meeting.addItem(meeting.label)
        self.meeting.currentIndexChanged.connect(self._fill)
        layout.addWidget(self.meeting)
        self.items = QListWidget()
        layout.addWidget(self.items, 1)
        self.buttons = ok_cancel(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Copy"))
        self.items.itemChanged.connect(lambda _item: self._update())
        layout.addWidget(self.buttons)
        self._fill(0)

    def _fill(self, index: int) -> None:
        self.items.clear()
        if 0 <= index < len(self.meetings):
            for item in self.meetings[index].items:
                entry = QListWidgetItem(f"§ {item.section}  {item.title}")
                entry.setData(ITEM_ID, item.id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
                self.items.addItem(entry)
        self._update()

    def check(self, row: int) -> None:
        self.items.item(row).setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[uuid.UUID]:
        return [self.items.item(i).data(ITEM_ID) for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))
