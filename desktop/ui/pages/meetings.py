"""Meetings of the partnership tables; coming ones in bold."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import _, current_language, ngettext
from desktop.services import meetings
from desktop.services.meetings import MeetingRow
from desktop.storage.store import Store
from desktop.ui.pages.base import Page, fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


class MeetingsPage(Page):
    watches = ("body", "meeting", "agenda_item")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Partnership tables and meetings"))
        note = QLabel(_("Coming meetings are shown in bold. Agendas, minutes and PDF documents are "
                        "edited here in a coming version."), self)
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.model: RowTableModel[MeetingRow] = RowTableModel(
            [
                Column(_("Body"), lambda r: r.body),
                Column(_("No."), lambda r: str(r.number), align_right=True),
                Column(_("Date and time"), lambda r: r.when),
                Column(_("Place"), lambda r: r.place),
                Column(_("Status"), lambda r: r.status),
                Column(_("Items"), lambda r: str(r.items), align_right=True),
            ],
            bold=lambda r: r.upcoming,
            parent=self,
        )
        self.table = make_table(self.model, self)
        self.layout_.addWidget(self.table)
        self.refresh()
        fit_columns(self.table)

    def refresh(self) -> None:
        self.model.set_rows(meetings.meeting_rows(self.store, current_language()))

    def status_text(self) -> str:
        n = self.model.rowCount()
        return ngettext("{n} meeting", "{n} meetings", n).format(n=n)
