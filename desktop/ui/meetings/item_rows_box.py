"""A short list of what is recorded on an agenda item (dissents, disqualifications), with
Add… and Remove… under it."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.storage.store import Store
from desktop.ui.meetings.common import ask, attempt

ROW_ID = Qt.ItemDataRole.UserRole


class ItemRowsBox(QWidget):
    """The subclass names its rows with ``N_`` messages, opens its dialog in ``add`` and
    removes a row in :meth:`remove_row`."""

    TITLE = ""  # the dialogs' and messages' title
    ADD_LABEL = ""
    REMOVAL_QUESTION = ""  # with {text}, the row as the list shows it
    LIST_HEIGHT = 60

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.item_id: uuid.UUID | None = None
        self.names: list[str] = []
        self.rows_layout = QVBoxLayout(self)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(self.LIST_HEIGHT)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self.rows_layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(_(self.ADD_LABEL))
        self.remove_button = QPushButton(_("Remove…"))
        self.add_button.clicked.connect(lambda _checked=False: self.add())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove())
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.rows_layout.addLayout(row)
        self._editable = False

    def fill(self, item_id: uuid.UUID | None, rows: list[tuple[str, uuid.UUID]], names: list[str],
             editable: bool) -> None:
        """``rows``: each row's text and id; ``names``: who attended, offered first when adding."""
        self.item_id, self.names, self._editable = item_id, names, editable
        self.list.clear()
        for text, row_id in rows:
            entry = QListWidgetItem(text)
            entry.setData(ROW_ID, row_id)
            self.list.addItem(entry)
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(self._editable and self.item_id is not None)
        self.remove_button.setEnabled(self._editable and self.list.currentItem() is not None)

    def add(self) -> object:
        raise NotImplementedError

    def remove_row(self, row_id: uuid.UUID) -> object:
        raise NotImplementedError

    def remove(self) -> None:
        entry = self.list.currentItem()
        if entry is not None and ask(self, _(self.TITLE), _(self.REMOVAL_QUESTION).format(text=entry.text())):
            row_id = entry.data(ROW_ID)
            attempt(self, _(self.TITLE), lambda: self.remove_row(row_id))
