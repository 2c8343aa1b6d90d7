"""An organisation's applications and decisions across the years, for its page (read-only)."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.i18n import _, current_language, ngettext
from desktop.i18n.formatting import format_date, format_money
from desktop.services.grants import views
from desktop.services.grants.follow_up import OrganisationGrant
from desktop.storage.models.enums import DecisionStatus
from desktop.storage.store import Store
from desktop.ui.grants.common import OVERDUE_BACKGROUND, HighlightModel
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.tablemodel import Column


def _overdue(row: OrganisationGrant, today: dt.date) -> bool:
    return (row.granted_cents > 0 and row.report_due is not None and row.report_due < today
            and row.report_received is None)


def _report(row: OrganisationGrant, today: dt.date) -> str:
    if row.report_accepted:
        return _("accepted {date}").format(date=format_date(row.report_accepted))
    if row.report_received:
        return _("received {date}").format(date=format_date(row.report_received))
    if _overdue(row, today):
        return _("OVERDUE since {date}").format(date=format_date(row.report_due))
    if row.report_due and row.granted_cents:
        return _("due {date}").format(date=format_date(row.report_due))
    return ""


def _granted(row: OrganisationGrant) -> str:
    if row.decision_id is None:
        return ""
    if row.status_code == DecisionStatus.CANCELLED:
        return format_money(0)
    return format_money(row.granted_cents)


class OrganisationGrantsView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = dt.date.today()
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model: HighlightModel[OrganisationGrant] = HighlightModel(
            [
                Column(_("Year"), lambda r: str(r.year)),
                Column(_("Call"), lambda r: r.call),
                Column(_("Funder"), lambda r: r.funder),
                Column(_("Applied"), lambda r: format_money(r.applied_cents), align_right=True),
                Column(_("Granted"), _granted, align_right=True),
                Column(_("Status"), lambda r: r.status or _("undecided")),
                Column(_("Paid"), lambda r: format_money(r.paid_cents) if r.decision_id else "",
                       align_right=True),
                Column(_("Decided"), lambda r: format_date(r.decided_on)),
                Column(_("Report"), lambda r: _report(r, self.today)),
                Column(_("Type"), lambda r: r.grant_type),
                Column(_("Purpose"), lambda r: " ".join(r.purpose.split())),
            ],
            lambda r: OVERDUE_BACKGROUND if _overdue(r, self.today) else None, parent=self)
        self.table = make_table(self.model, self)
        layout.addWidget(self.table, 1)

    def show_organisation(self, organisation_id: uuid.UUID) -> int:
        """Load the organisation's grants; the number of applications."""
        self.today = dt.date.today()
        rows = views.organisation_grants(self.store, organisation_id, current_language())
        self.model.set_rows(rows)
        fit_columns(self.table, cap=260)
        decided = [r for r in rows if r.decision_id is not None]
        self.summary.setText(
            ngettext("{n} application", "{n} applications", len(rows)).format(n=len(rows))
            + " · " + _("applied {applied} · granted {granted} · paid {paid}").format(
                applied=format_money(sum(r.applied_cents for r in rows)),
                granted=format_money(sum(r.granted_cents for r in decided)),
                paid=format_money(sum(r.paid_cents for r in decided)))
            if rows else _("No applications."))
        return len(rows)

    def rows(self) -> list[OrganisationGrant]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def texts(self, column: int) -> list[str]:
        return [self.model.index(i, column).data() for i in range(self.model.rowCount())]

    def colour(self, row: int) -> QColor | None:
        brush = self.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
        return brush.color() if brush is not None else None
