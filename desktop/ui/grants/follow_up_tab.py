"""What needs chasing: reports on use that are overdue and decisions not yet paid in full.
Each row is coloured and also says in words why it is listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from desktop.i18n import _, current_language, ngettext
from desktop.i18n.formatting import format_date, format_money
from desktop.services.grants import views
from desktop.services.grants.follow_up import FollowUpRow
from desktop.storage.store import Store
from desktop.ui.grants.common import (
    OVERDUE_BACKGROUND,
    UNPAID_BACKGROUND,
    HighlightModel,
    fit_and_stretch,
    selected_row,
)
from desktop.ui.grants.decision_dialog import DecisionDialog
from desktop.ui.pages.base import make_table
from desktop.ui.tablemodel import Column


def overdue_text(row: FollowUpRow, today: dt.date) -> str:
    days = (today - row.report_due).days if row.report_due else 0
    return ngettext("Report overdue by {n} day", "Report overdue by {n} days", days).format(n=days)


def unpaid_text(row: FollowUpRow) -> str:
    if row.paid_cents == 0:
        return _("Not paid")
    return _("{unpaid} unpaid").format(unpaid=format_money(row.unpaid_cents))


class FollowUpTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = dt.date.today()
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        common = [
            Column(_("Organisation"), lambda r: r.organisation),
            Column(_("Call"), lambda r: f"{r.call} ({r.year})"),
            Column(_("Granted"), lambda r: format_money(r.granted_cents), align_right=True),
            Column(_("Paid"), lambda r: format_money(r.paid_cents), align_right=True),
        ]
        self.overdue_heading = QLabel()
        self.overdue_model: HighlightModel[FollowUpRow] = HighlightModel(
            [Column(_("Why"), lambda r: overdue_text(r, self.today)),
             Column(_("Report due"), lambda r: format_date(r.report_due)), *common],
            lambda _r: OVERDUE_BACKGROUND, parent=self)
        self.unpaid_heading = QLabel()
        self.unpaid_model: HighlightModel[FollowUpRow] = HighlightModel(
            [Column(_("Why"), unpaid_text),
             Column(_("Unpaid"), lambda r: format_money(r.unpaid_cents), align_right=True),
             *common],
            lambda _r: UNPAID_BACKGROUND, parent=self)
        self.overdue = self._section(splitter, self.overdue_heading, self.overdue_model)
        self.unpaid = self._section(splitter, self.unpaid_heading, self.unpaid_model)
        note = QLabel(_("Double-click a row to record the payment or the report."))
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        self.dialog: DecisionDialog | None = None

    def _section(self, splitter: QSplitter, heading: QLabel,
                 model: HighlightModel[FollowUpRow]) -> QTableView:
        box = QWidget(splitter)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        heading.setStyleSheet("font-weight: 600;")
        layout.addWidget(heading)
        table = make_table(model, box)
        table.setSelectionMode(table.SelectionMode.SingleSelection)
        opener: Callable[[], object] = lambda: self._open(table, model)  # noqa: E731
        table.doubleClicked.connect(lambda _i: opener())
        layout.addWidget(table, 1)
        splitter.addWidget(box)
        return table

    def refresh(self) -> None:
        self.today = dt.date.today()
        overdue, unpaid = views.follow_up_rows(self.store, self.today, current_language())
        self.overdue_model.set_rows(overdue)
        self.unpaid_model.set_rows(unpaid)
        self.overdue_heading.setText(ngettext(
            "{n} report on use overdue", "{n} reports on use overdue", len(overdue)).format(
            n=len(overdue)))
        self.unpaid_heading.setText(ngettext(
            "{n} decision not paid in full", "{n} decisions not paid in full", len(unpaid)).format(
            n=len(unpaid)))
        if self.isVisible():
            self._fit()

    def _fit(self) -> None:
        # Fitted while shown: a hidden tab's tables measure their texts too narrow.
        fit_and_stretch(self.overdue, 3)
        fit_and_stretch(self.unpaid, 3)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit()

    def _open(self, table: QTableView, model: HighlightModel[FollowUpRow]) -> DecisionDialog | None:
        row = selected_row(table)
        if row is None:
            return None
        dialog = DecisionDialog(self.store, model.row_at(row).application_id, self)
        dialog.tabs.setCurrentIndex(2 if model is self.overdue_model else 1)
        dialog.open()
        self.dialog = dialog
        return dialog
