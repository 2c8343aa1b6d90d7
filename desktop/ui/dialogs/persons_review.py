"""Persons to review: contact persons not contacted for N years, to export or erase."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language, ngettext
from desktop.i18n.formatting import format_date
from desktop.services import contacts
from desktop.services.contacts import ReviewRow
from desktop.settings import Settings
from desktop.storage.store import Store
from desktop.ui import person_actions
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel

_YEARS = (1, 30)


class PersonsReviewDialog(QDialog):
    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.setWindowTitle(_("Persons to review"))
        layout = QVBoxLayout(self)
        intro = QLabel(_(
            "Contact persons are personal data: keep them only while they are needed. These have "
            "not been contacted for a long time (or the date is not known); export what is kept "
            "about them if it is asked for, and erase those no longer needed."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Not contacted for at least")))
        self.years = QSpinBox()
        self.years.setRange(*_YEARS)
        self.years.setValue(_clamped(settings.review_years))
        self._set_suffix()
        self.years.valueChanged.connect(self._years_changed)
        row.addWidget(self.years)
        row.addStretch(1)
        layout.addLayout(row)
        self.model: RowTableModel[ReviewRow] = RowTableModel(
            [
                Column(_("Name"), lambda r: r.name),
                Column(_("Organisations"), lambda r: ", ".join(r.organisations)),
                Column(_("Last contact"), lambda r: format_date(r.last_contact) or "—"),
                Column(_("Kept since"), lambda r: format_date(r.retained_since) or "—"),
                Column(_("Basis for keeping the data"), lambda r: r.retention_basis),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(_("Export personal data…"))
        self.export_button.clicked.connect(self.export_selected)
        self.erase_button = QPushButton(_("Erase the person…"))
        self.erase_button.clicked.connect(self.erase_selected)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        fit_columns(self.table, cap=280)
        self.resize(940, 520)

    def refresh(self) -> None:
        with self.store.read() as session:
            rows = contacts.review_rows(session, self.years.value(), current_language())
        self.model.set_rows(rows)
        self.count.setText(ngettext("{n} person to review.", "{n} persons to review.",
                                    len(rows)).format(n=len(rows)))
        self._update_buttons()

    def rows(self) -> list[ReviewRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def selected(self) -> ReviewRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.model.row_at(chosen[0].row()) if chosen else None

    def _update_buttons(self) -> None:
        has_row = self.selected() is not None
        self.export_button.setEnabled(has_row)
        self.erase_button.setEnabled(has_row)

    def _set_suffix(self) -> None:
        self.years.setSuffix(" " + ngettext("year", "years", self.years.value()))

    def _years_changed(self, years: int) -> None:
        self._set_suffix()
        self.settings.review_years = years
        self.settings.save()
        self.refresh()

    def export_selected(self) -> None:
        row = self.selected()
        if row is not None:
            person_actions.ask_export(self, self.store, row.person_id, row.name)

    def erase_selected(self) -> None:
        row = self.selected()
        if row is not None and person_actions.confirm_and_erase(self, self.store, row.person_id,
                                                                row.name):
            self.refresh()


def _clamped(years: Any) -> int:
    """The remembered number of years; a hand-edited settings file may hold anything."""
    try:
        value = int(years)
    except (TypeError, ValueError):
        return 3
    return min(max(value, _YEARS[0]), _YEARS[1])
