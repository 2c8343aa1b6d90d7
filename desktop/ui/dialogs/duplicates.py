"""The "possible duplicates" view: pairs of organisations, and merging one into the other."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.services import duplicates
from desktop.services.duplicates import DuplicatePair
from desktop.storage.store import Store
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


class DuplicatesDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Possible duplicates"))
        layout = QVBoxLayout(self)
        self.model: RowTableModel[DuplicatePair] = RowTableModel(
            [
                Column(_("Organisation"), lambda p: p.first_name),
                Column(_("Possible duplicate"), lambda p: p.second_name),
                Column(_("Why"), lambda p: p.reason),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = buttons.addButton(_("Merge the second into the first…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self.merge_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        fit_columns(self.table, cap=360)
        self.resize(900, 480)

    def refresh(self) -> None:
        with self.store.read() as session:
            self.model.set_rows(duplicates.duplicate_pairs(session))
        self.merge_button.setEnabled(self.model.rowCount() > 0)

    def merge_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        pair = self.model.row_at(rows[0].row())
        answer = QMessageBox.question(
            self, _("Merge organisations"),
            _("Merge {second} into {first}? Its contacts, activities, grants and meetings move to "
              "{first}; {second} is removed.").format(first=pair.first_name, second=pair.second_name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            duplicates.merge(self.store, pair.first, pair.second)
            self.refresh()
