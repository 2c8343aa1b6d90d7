"""The register: every organisation, with search-as-you-type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.i18n import _, current_language, ngettext
from desktop.services import register
from desktop.services.register import OrganisationRow
from desktop.storage.store import Store
from desktop.ui.pages.base import Page, fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


class RegisterPage(Page):
    watches = ("organisation", "contact_person", "representation")
    status_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Organisation register"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            _("Search by name, Business ID, municipality, sector or contact person")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.layout_.addWidget(self.search)
        self.model: RowTableModel[OrganisationRow] = RowTableModel(
            [
                Column(_("Name"), lambda r: r.name),
                Column(_("Name in the other language"), lambda r: r.other_name),
                Column(_("Business ID"), lambda r: r.business_id),
                Column(_("Municipality"), lambda r: r.domicile),
                Column(_("Sectors"), lambda r: r.sectors),
                Column(_("Status"), lambda r: r.status),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self)
        self.layout_.addWidget(self.table)
        self._all: list[OrganisationRow] = []
        self.refresh()
        fit_columns(self.table)

    def refresh(self) -> None:
        self._all = register.organisation_rows(self.store, current_language())
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        if text.strip():
            found = register.matching_ids(self.store, text)
            self.model.set_rows([r for r in self._all if r.id in found])
        else:
            self.model.set_rows(self._all)
        self.status_changed.emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_row(self) -> OrganisationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def status_text(self) -> str:
        shown, total = self.model.rowCount(), len(self._all)
        if shown == total:
            return ngettext("{n} organisation", "{n} organisations", total).format(n=total)
        return _("{shown} of {total} organisations").format(shown=shown, total=total)
