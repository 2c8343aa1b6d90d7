"""Two checklists side by side: this year against last, the county against a municipality."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QTableView, QVBoxLayout, QWidget

from desktop.i18n import _, current_language
from desktop.services import checklist
from desktop.services.checklist import ComparisonRow
from desktop.services.vocabulary import label
from desktop.storage.models.enums import ChecklistStatus
from desktop.storage.store import Store
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


def _status(code: str | None) -> str:
    return label(ChecklistStatus, code) if code else _("(not in this checklist)")


class CompareDialog(QDialog):
    def __init__(self, store: Store, left_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Compare checklists"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.left = QComboBox()
        self.right = QComboBox()
        with store.read() as session:
            for item in checklist.list_checklists(session):
                self.left.addItem(item.name, str(item.id))
                self.right.addItem(item.name, str(item.id))
        self.left.setCurrentIndex(self.left.findData(str(left_id)))
        self.right.setCurrentIndex(1 if self.left.currentIndex() == 0 and self.right.count() > 1 else 0)
        form.addRow(_("Checklist"), self.left)
        form.addRow(_("Compared with"), self.right)
        layout.addLayout(form)
        self.model: RowTableModel[ComparisonRow] = RowTableModel(
            [
                Column(_("Theme"), lambda r: r.theme),
                Column(_("Step"), lambda r: r.title),
                Column(_("Status"), lambda r: _status(r.left)),
                Column(_("Compared with"), lambda r: _status(r.right)),
            ],
            bold=lambda r: r.left != r.right,
            parent=self,
        )
        self.table: QTableView = make_table(self.model, self)
        layout.addWidget(self.table)
        self.left.currentIndexChanged.connect(self.refresh)
        self.right.currentIndexChanged.connect(self.refresh)
        self.refresh()
        fit_columns(self.table, cap=420)
        self.resize(1000, 600)

    def refresh(self) -> None:
        left, right = self.left.currentData(), self.right.currentData()
        if left is None or right is None:
            self.model.set_rows([])
            return
        with self.store.read() as session:
            self.model.set_rows(
                checklist.compare(session, uuid.UUID(left), uuid.UUID(right), current_language()))
