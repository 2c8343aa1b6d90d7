"""The premises an organisation uses or owns, as a tab of its dialog (double-click edits)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_number
from desktop.services import premises
from desktop.services.premises import PremisesRow
from desktop.storage.store import Store
from desktop.ui.dialogs.premises import PremisesDialog
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


class OrganisationPremisesTab(QWidget):
    #: The number of rows after each reload.
    reloaded = Signal(int)

    def __init__(self, store: Store, organisation_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.organisation_id = organisation_id
        self.dialog: PremisesDialog | None = None
        layout = QVBoxLayout(self)
        hint = QLabel(_("Premises are linked to organisations on the Premises page."))
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        self.model: RowTableModel[PremisesRow] = RowTableModel([
            Column(_("Name"), lambda r: r.name), Column(_("Located in"), lambda r: r.municipality),
            Column(_("Type"), lambda r: r.kind),
            Column(_("Capacity"), lambda r: "" if r.capacity is None else format_number(r.capacity),
                   align_right=True),
            Column(_("Terms"), lambda r: r.terms), Column(_("Owned by"), lambda r: r.owner),
        ], parent=self)
        self.table = make_table(self.model, self)
        self.table.doubleClicked.connect(self._edit)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> int:
        with self.store.read() as session:
            rows = premises.premises_of_organisation(session, self.organisation_id, current_language())
        self.model.set_rows(rows)
        if rows:
            fit_columns(self.table)
        self.reloaded.emit(len(rows))
        return len(rows)

    def rows(self) -> list[PremisesRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def _edit(self, index: QModelIndex) -> None:
        dialog = PremisesDialog(self.store, self.model.row_at(index.row()).premises_id, self)
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()
        self.dialog = dialog
