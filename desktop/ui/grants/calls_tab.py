"""The calls with their budget used and left, over the applications of the chosen call."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_money
from desktop.services.grants import call_rows, calls
from desktop.services.grants.calls import CallRow
from desktop.storage.store import Store
from desktop.ui.grants.applications_panel import ApplicationsPanel
from desktop.ui.grants.call_dialog import CallDialog
from desktop.ui.grants.common import (
    OVERDUE_BACKGROUND,
    HighlightModel,
    fit_and_stretch,
    selected_row,
    shortcut,
)
from desktop.ui.meetings.common import ask, attempt
from desktop.ui.pages.base import make_table
from desktop.ui.tablemodel import Column


def _left(row: CallRow) -> str:
    if not row.budget_cents:
        return "—"
    text = format_money(row.left_cents)
    return text + " " + _("(over)") if row.left_cents < 0 else text


def _over(row: CallRow) -> QColor | None:
    return OVERDUE_BACKGROUND if row.budget_cents and row.left_cents < 0 else None


class CallsTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New call…"))
        self.new_button.setToolTip(_("New grant call (Ctrl+Shift+G)"))
        self.edit_button = QPushButton(_("Edit call…"))
        self.delete_button = QPushButton(_("Delete call…"))
        for button, slot in ((self.new_button, self.new_call), (self.edit_button, self.edit_call),
                             (self.delete_button, self.delete_call)):
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model: HighlightModel[CallRow] = HighlightModel(
            [
                Column(_("Year"), lambda r: str(r.year)),
                Column(_("Call"), lambda r: r.name),
                Column(_("Type"), lambda r: r.grant_type),
                Column(_("Funder"), lambda r: r.funder),
                Column(_("Budget"), lambda r: format_money(r.budget_cents) if r.budget_cents
                       else "—", align_right=True),
                Column(_("Used"), lambda r: format_money(r.granted_cents), align_right=True),
                Column(_("Left"), _left, align_right=True),
                Column(_("Applied"), lambda r: format_money(r.applied_cents), align_right=True),
                Column(_("Applications"), lambda r: str(r.applications), align_right=True),
            ],
            _over, parent=self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = make_table(self.model, self.splitter)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _i: self.edit_call())
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.applications = ApplicationsPanel(store, self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.applications)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([260, 440])
        layout.addWidget(self.splitter, 1)
        shortcut(self, "Ctrl+Shift+G", self.new_call)
        self.dialog: CallDialog | None = None
        self._fitted = False

    # -- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.current_id()
        rows = call_rows(self.store, current_language())
        self.model.set_rows(rows)
        ids = [r.id for r in rows]
        self._fit_once()
        chosen = keep if keep in ids else (ids[0] if ids else None)
        before = self.current_id()
        self.select(chosen)
        if self.current_id() == before:  # else the row change has shown the applications
            self._show_applications()

    def _fit_once(self) -> None:
        if self.model.rowCount() and not self._fitted and self.isVisible():
            fit_and_stretch(self.table, 1, cap=420)
            self._fitted = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit_once()

    def rows(self) -> list[CallRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def current_id(self) -> uuid.UUID | None:
        row = selected_row(self.table)
        return self.model.row_at(row).id if row is not None and row < self.model.rowCount() else None

    def current(self) -> CallRow | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row is not None and row < self.model.rowCount() else None

    def select(self, call_id: uuid.UUID | None) -> None:
        ids = [r.id for r in self.rows()]
        if call_id not in ids:
            return
        index = self.model.index(ids.index(call_id), 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_applications()

    def _show_applications(self) -> None:
        self.applications.show_call(self.current())
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete):
            self.delete_call()
            return True
        return super().eventFilter(watched, event)

    # -- writing -------------------------------------------------------------------------

    def new_call(self) -> CallDialog:
        dialog = CallDialog(self.store, None, self)
        dialog.accepted.connect(lambda: self.select(dialog.saved_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def edit_call(self) -> CallDialog | None:
        call_id = self.current_id()
        if call_id is None:
            return None
        dialog = CallDialog(self.store, call_id, self)
        dialog.open()
        self.dialog = dialog
        return dialog

    def delete_call(self) -> None:
        row = self.current()
        if row is None or not ask(self, _("Delete call"), _(
                "Delete the grant call {name} ({year})?").format(name=row.name, year=row.year)):
            return
        call_id = row.id
        attempt(self, _("Delete call"), lambda: calls.delete_call(self.store, call_id))
