"""Dissenting opinions on an item's decision: who, and their opinion if they gave one."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services.meetings import add_dissent
from desktop.services.meetings.editor import DissentView
from desktop.services.meetings.minutes import remove_dissent
from desktop.storage.store import Store
from desktop.ui.meetings.common import CheckedDialog, ask, attempt

DISSENT = Qt.ItemDataRole.UserRole


class DissentsBox(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.item_id: uuid.UUID | None = None
        self.names: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(60)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add a dissenting opinion…"))
        self.remove_button = QPushButton(_("Remove…"))
        self.add_button.clicked.connect(lambda _checked=False: self.add())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove())
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._editable = False

    def show_item(self, item_id: uuid.UUID | None, dissents: tuple[DissentView, ...],
                  names: list[str], editable: bool) -> None:
        """``names``: who attended, offered first when adding."""
        self.item_id, self.names, self._editable = item_id, names, editable
        self.list.clear()
        for dissent in dissents:
            text = f"{dissent.member_name}: {dissent.text}" if dissent.text else dissent.member_name
            entry = QListWidgetItem(text)
            entry.setData(DISSENT, dissent.id)
            self.list.addItem(entry)
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(self._editable and self.item_id is not None)
        self.remove_button.setEnabled(self._editable and self.list.currentItem() is not None)

    def add(self) -> DissentDialog | None:
        if self.item_id is None:
            return None
        item_id = self.item_id
        dialog = DissentDialog(self.names, self)
        dialog.submit = lambda: attempt(dialog, _("Dissenting opinion"), lambda: add_dissent(
            self.store, item_id, dialog.name.currentText(), dialog.text.toPlainText()))
        dialog.open()
        return dialog

    def remove(self) -> None:
        entry = self.list.currentItem()
        if entry is not None and ask(self, _("Dissenting opinion"), _(
                "Remove the dissenting opinion of {text}?").format(text=entry.text())):
            dissent_id = entry.data(DISSENT)
            attempt(self, _("Dissenting opinion"), lambda: remove_dissent(self.store, dissent_id))


class DissentDialog(CheckedDialog):
    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Dissenting opinion"))
        form = QFormLayout(self)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(names)
        self.name.setCurrentIndex(-1)
        form.addRow(_("&Member"), self.name)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_("The opinion, if the member gave one for the minutes"))
        form.addRow(_("&Opinion"), self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
