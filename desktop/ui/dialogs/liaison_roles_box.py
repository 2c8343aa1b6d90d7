"""A person's liaison roles inside their dialog: listed, added and edited (double-click)."""

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

from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_date
from desktop.services import network
from desktop.storage.store import Store


class LiaisonRolesBox(QWidget):
    def __init__(self, store: Store, person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id = person_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(80)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemDoubleClicked.connect(self.edit)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add a liaison role…"))
        self.add_button.clicked.connect(self.add)
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        language = current_language()
        self.list.clear()
        with self.store.read() as session:
            rows = network.roles_of_person(session, self.person_id, language)
        for role in rows:
            start = format_date(role.start_on, language)
            dates = (f"{start}–{format_date(role.end_on, language)}" if role.end_on
                     else _("from {date}").format(date=start))
            item = QListWidgetItem(f"{role.municipality}: {role.role} ({dates})")
            item.setData(Qt.ItemDataRole.UserRole, role.role_id)
            self.list.addItem(item)
        if not rows:
            self.list.addItem(_("None."))

    def add(self) -> None:
        from desktop.ui.dialogs.liaison_role import LiaisonRoleDialog

        dialog = LiaisonRoleDialog(self.store, person_id=self.person_id, parent=self)
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()

    def edit(self, item: QListWidgetItem) -> None:
        from desktop.ui.dialogs.liaison_role import LiaisonRoleDialog

        role_id = item.data(Qt.ItemDataRole.UserRole)
        if role_id is None:
            return
        dialog = LiaisonRoleDialog(self.store, role_id, parent=self)
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()
