"""Grant calls with their budget used and left."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.i18n import _, current_language, ngettext
from desktop.i18n.formatting import format_money
from desktop.services import grants
from desktop.services.grants import CallRow
from desktop.storage.store import Store
from desktop.ui.pages.base import Page, fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


class GrantsPage(Page):
    watches = ("grant_call", "grant_application", "grant_decision", "grant_payment")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Grant calls"))
        self.model: RowTableModel[CallRow] = RowTableModel(
            [
                Column(_("Year"), lambda r: str(r.year)),
                Column(_("Call"), lambda r: r.name),
                Column(_("Type"), lambda r: r.grant_type),
                Column(_("Funder"), lambda r: r.funder),
                Column(_("Budget"), lambda r: format_money(r.budget_cents), align_right=True),
                Column(_("Applied"), lambda r: format_money(r.applied_cents), align_right=True),
                Column(_("Granted"), lambda r: format_money(r.granted_cents), align_right=True),
                Column(_("Left"), lambda r: format_money(r.left_cents), align_right=True),
                Column(_("Applications"), lambda r: str(r.applications), align_right=True),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self)
        self.layout_.addWidget(self.table)
        self.refresh()
        fit_columns(self.table)

    def refresh(self) -> None:
        self.model.set_rows(grants.call_rows(self.store, current_language()))

    def status_text(self) -> str:
        n = self.model.rowCount()
        return ngettext("{n} grant call", "{n} grant calls", n).format(n=n)
