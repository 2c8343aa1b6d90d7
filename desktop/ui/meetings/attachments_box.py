"""An agenda item's attachments: files copied into the database, saved back out on demand."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.i18n.formatting import format_number
from desktop.services.meetings import attach_file, remove_attachment
from desktop.services.meetings.attachments import AttachmentRow, save_attachment
from desktop.storage.store import Store
from desktop.ui.meetings.common import ask, attempt

ROW = Qt.ItemDataRole.UserRole


class AttachmentsBox(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.item_id: uuid.UUID | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.files = QListWidget()
        self.files.setMaximumHeight(64)
        self.files.itemDoubleClicked.connect(lambda _item: self.save_copy())
        layout.addWidget(self.files)
        row = QHBoxLayout()
        self.attach_button = QPushButton(_("Attach a file…"))
        self.save_button = QPushButton(_("Save a copy…"))
        self.remove_button = QPushButton(_("Remove…"))
        self.attach_button.clicked.connect(lambda _checked=False: self.attach())
        self.save_button.clicked.connect(lambda _checked=False: self.save_copy())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove())
        for button in (self.attach_button, self.save_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self._editable = False
        self.files.currentRowChanged.connect(lambda _row: self._update())

    def show_item(self, item_id: uuid.UUID | None, rows: tuple[AttachmentRow, ...],
                  editable: bool) -> None:
        self.item_id = item_id
        self._editable = editable
        self.files.clear()
        for row in rows:
            size = format_number(max(1, round(row.size / 1024)))
            entry = QListWidgetItem(f"{row.filename} ({size} kB)")
            entry.setData(ROW, row)
            entry.setToolTip(f"SHA-256 {row.sha256}")
            self.files.addItem(entry)
        self._update()

    def _selected(self) -> AttachmentRow | None:
        entry = self.files.currentItem()
        return entry.data(ROW) if entry is not None else None

    def _update(self) -> None:
        chosen = self._selected() is not None
        self.attach_button.setEnabled(self._editable and self.item_id is not None)
        self.remove_button.setEnabled(self._editable and chosen)
        self.save_button.setEnabled(chosen)

    def attach(self, path: Path | None = None) -> None:
        if self.item_id is None:
            return
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(self, _("Attach a file"), str(Path.home()))
            if not name:
                return
            path = Path(name)
        item_id = self.item_id
        attempt(self, _("Attach a file"), lambda: attach_file(self.store, item_id, path))

    def save_copy(self) -> None:
        row = self._selected()
        if row is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save a copy"), str(Path.home() / row.filename))
        if name:
            attempt(self, _("Save a copy"),
                    lambda: save_attachment(self.store, row.attachment_id, Path(name)))

    def remove(self) -> None:
        row = self._selected()
        if row is None or not ask(self, _("Remove attachment"), _(
                "Take {name} off this item?").format(name=row.filename)):
            return
        attempt(self, _("Remove attachment"), lambda: remove_attachment(self.store, row.link_id))
