"""The applications of one call in a table where decisions are typed in: the granted amount goes
into its cell in the user's money format and the status follows from it. A decision that would
take the call over its budget is asked about first."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _, current_language, ngettext
from desktop.i18n.formatting import format_date, format_money
from desktop.services.grants import applications, decisions, views
from desktop.services.grants.applications import ApplicationRow
from desktop.services.grants.calls import CallRow
from desktop.services.grants.money import parse_cents
from desktop.services.records import SHOWN, Seen
from desktop.storage.models.enums import DecisionStatus
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown
from desktop.ui.grants.application_dialog import ApplicationDialog
from desktop.ui.grants.common import (
    OVERDUE_BACKGROUND,
    WARNING_TEXT,
    HighlightModel,
    amount_text,
    decide_resolving,
    fit_and_stretch,
    selected_row,
    shortcut,
)
from desktop.ui.grants.decision_dialog import DecisionDialog
from desktop.ui.grants.letter_export import export_letter
from desktop.ui.meetings.common import ask, attempt
from desktop.ui.pages.base import make_table
from desktop.ui.tablemodel import Column, Index

GRANTED_COLUMN = 3


def report_text(row: ApplicationRow, today: dt.date) -> str:
    """Where the report on use stands, in words (the overdue ones are also coloured)."""
    if row.report_accepted:
        return _("accepted {date}").format(date=format_date(row.report_accepted))
    if row.report_received:
        return _("received {date}").format(date=format_date(row.report_received))
    if row.report_due and row.report_due < today and row.status_code in _GRANTING:
        return _("OVERDUE since {date}").format(date=format_date(row.report_due))
    if row.report_due:
        return _("due {date}").format(date=format_date(row.report_due))
    return ""


_GRANTING = (DecisionStatus.GRANTED, DecisionStatus.PARTLY_GRANTED)


class ApplicationsModel(HighlightModel[ApplicationRow]):
    """The granted amount's cell is editable; a change goes to ``edited(row, text)``."""

    def __init__(self, columns: list[Column[ApplicationRow]], background: Any,
                 parent: Any = None) -> None:
        super().__init__(columns, background, parent)
        self.edited: Any = None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == GRANTED_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.EditRole \
                and index.column() == GRANTED_COLUMN:
            return amount_text(self.row_at(index.row()).granted_cents)
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole \
                and index.column() == GRANTED_COLUMN:
            return _("Type the amount granted, e.g. {example}; 0 rejects; empty: no decision."
                     ).format(example=amount_text(123450))
        return super().data(index, role)

    def setData(self, index: Index, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != GRANTED_COLUMN:
            return False
        row = self.row_at(index.row())
        text = str(value or "").strip()
        if text == amount_text(row.granted_cents):
            return False
        if self.edited is not None:
            # After the editor has closed: a question asked inside the commit would let the
            # editor lose focus and commit a second time.
            QTimer.singleShot(0, lambda: self.edited(row, text))
        return True


class ApplicationsPanel(QWidget):
    """The chosen call's applications; every write is seen by the page through the store's
    changes, which reload it."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.call: CallRow | None = None
        self.today = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.budget = QLabel()
        self.budget.setWordWrap(True)
        layout.addWidget(self.budget)
        hint = QLabel(_("Type the amount granted in the Granted column (Enter or F2 edits): "
                        "the status follows from it. Decision… opens the details, payments "
                        "and the report."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        self.model = ApplicationsModel(
            [
                Column(_("Organisation"), lambda r: r.organisation),
                Column(_("Purpose"), lambda r: " ".join(r.purpose.split())),
                Column(_("Applied"), lambda r: format_money(r.applied_cents), align_right=True),
                Column(_("Granted"), lambda r: format_money(r.granted_cents), align_right=True),
                Column(_("Status"), lambda r: r.status or _("undecided")),
                Column(_("Paid"), lambda r: format_money(r.paid_cents) if r.decision_id else "",
                       align_right=True),
                Column(_("Report"), lambda r: report_text(r, self.today)),
                Column(_("Received"), lambda r: format_date(r.received_on)),
            ],
            self._background, parent=self)
        self.model.edited = self.set_granted
        self.table = make_table(self.model, self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(_("New application…"))
        self.new_button.setToolTip(_("New application (Ctrl+Shift+A)"))
        self.edit_button = QPushButton(_("Edit application…"))
        self.decision_button = QPushButton(_("Decision…"))
        self.decision_button.setToolTip(_("Decision, payments and report (Ctrl+Shift+D)"))
        self.letter_button = QPushButton(_("Decision letter…"))
        self.letter_button.setToolTip(_("Decision letter PDF in the organisation's language "
                                        "(Ctrl+Shift+L)"))
        self.delete_button = QPushButton(_("Delete application…"))
        for button, slot in ((self.new_button, self.new_application),
                             (self.edit_button, self.edit_application),
                             (self.decision_button, self.open_decision),
                             (self.letter_button, self.letter),
                             (self.delete_button, self.delete_application)):
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        shortcut(self, "Ctrl+Shift+A", self.new_application)
        shortcut(self, "Ctrl+Shift+D", self.open_decision)
        shortcut(self, "Ctrl+Shift+L", self.letter)
        self.dialog: QWidget | None = None  # the dialog open now (tests drive it)
        self._fitted = False
        self.show_call(None)

    # -- showing -------------------------------------------------------------------------

    def _background(self, row: ApplicationRow) -> QColor | None:
        overdue = (row.report_due is not None and row.report_due < self.today
                   and row.report_received is None and row.status_code in _GRANTING)
        return OVERDUE_BACKGROUND if overdue else None

    def show_call(self, call: CallRow | None) -> None:
        keep = self.selected()
        self.call = call
        self.today = dt.date.today()
        rows = (views.application_rows(self.store, call.id, current_language())
                if call is not None else [])
        self.model.set_rows(rows)
        if keep is not None:
            ids = [r.id for r in rows]
            if keep.id in ids:
                self.table.selectRow(ids.index(keep.id))
        self._fit_once()
        self._show_heading()
        self._update_buttons()

    def _fit_once(self) -> None:
        # Once, while shown (a hidden table measures its texts too narrow), and then left to
        # the user's own widths.
        if self.model.rowCount() and not self._fitted and self.isVisible():
            fit_and_stretch(self.table, 1, cap=280)
            self._fitted = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit_once()

    def _show_heading(self) -> None:
        call = self.call
        if call is None:
            self.heading.setText(_("Choose a call above to see its applications."))
            self.budget.setText("")
            return
        n = self.model.rowCount()
        self.heading.setText(ngettext("{call}: {n} application", "{call}: {n} applications",
                                      n).format(call=call.name, n=n))
        if not call.budget_cents:
            self.budget.setText(_("Granted {granted} of {applied} applied; no budget recorded."
                                  ).format(granted=format_money(call.granted_cents),
                                           applied=format_money(call.applied_cents)))
            self.budget.setStyleSheet("")
            return
        text = _("Budget {budget} · granted {granted} · left {left} · applied {applied}").format(
            budget=format_money(call.budget_cents), granted=format_money(call.granted_cents),
            left=format_money(call.left_cents), applied=format_money(call.applied_cents))
        if call.left_cents < 0:
            text += " · " + _("OVER THE BUDGET by {amount}").format(
                amount=format_money(-call.left_cents))
        self.budget.setText(text)
        self.budget.setStyleSheet(WARNING_TEXT if call.left_cents < 0 else "")

    def rows(self) -> list[ApplicationRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def selected(self) -> ApplicationRow | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row is not None and row < self.model.rowCount() else None

    def select(self, organisation: str) -> ApplicationRow:
        """Select the application of the organisation so named (tests and the keyboard)."""
        for i, row in enumerate(self.rows()):
            if row.organisation == organisation:
                self.table.selectRow(i)
                return row
        raise LookupError(organisation)

    def _update_buttons(self) -> None:
        row = self.selected()
        self.new_button.setEnabled(self.call is not None)
        for button in (self.edit_button, self.decision_button, self.delete_button):
            button.setEnabled(row is not None)
        self.letter_button.setEnabled(row is not None and row.decision_id is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Delete in the table removes the application, not the main window's organisation.
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete):
            self.delete_application()
            return True
        return super().eventFilter(watched, event)

    # -- inline decisions ----------------------------------------------------------------

    def granted_index(self, organisation: str) -> QModelIndex:
        row = self.rows().index(self.select(organisation))
        return self.model.index(row, GRANTED_COLUMN)

    def set_granted(self, row: ApplicationRow, text: str) -> bool:
        """The amount typed in the Granted cell: decide (or change the decision), asking first
        when the call's budget would be exceeded; empty deletes the decision after asking."""
        title = _("Decision")
        if not text:
            if row.decision_id is None:
                return False
            undecide = row.decision_id
            if not ask(self, _("Delete decision"), _(
                    "Delete the decision on the application of {organisation}?").format(
                    organisation=row.organisation)):
                return False
            done = attempt(self, title, lambda: decisions.delete_decision(self.store, undecide))
            return done is not None
        try:
            cents = parse_cents(text)
        except KnownError as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        decision_id = row.decision_id
        shown = FieldsShown({"granted_cents": _("Granted")},
                            lambda _name, value: "" if value is None else format_money(value))

        def save(fields: dict[str, Any], seen: Seen | None, allow_overrun: bool) -> object:
            if decision_id is None:
                return decisions.decide(self.store, row.id, allow_overrun=allow_overrun,
                                        start=seen, **fields)
            return decisions.update_decision(self.store, decision_id, start=seen,
                                             allow_overrun=allow_overrun, **fields)

        # From the amount the cell showed: one another officer set meanwhile is asked about.
        result = decide_resolving(self, title, save, {"granted_cents": cents},
                                  Seen(SHOWN, {"granted_cents": row.granted_cents}), shown)
        if result is None:
            return False
        if not (result[1] if isinstance(result, tuple) else result):  # their amount kept
            self.show_call(self.call)  # nothing written: no change redraws the cell
        return True

    # -- dialogs -------------------------------------------------------------------------

    def _open(self, dialog: Any) -> Any:
        dialog.open()
        self.dialog = dialog
        return dialog

    def new_application(self) -> ApplicationDialog | None:
        if self.call is None:
            return None
        return self._open(ApplicationDialog(self.store, self.call.id, None, self))

    def edit_application(self) -> ApplicationDialog | None:
        row = self.selected()
        if row is None or self.call is None:
            return None
        return self._open(ApplicationDialog(self.store, self.call.id, row.id, self))

    def open_decision(self) -> DecisionDialog | None:
        row = self.selected()
        if row is None:
            return None
        return self._open(DecisionDialog(self.store, row.id, self))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != GRANTED_COLUMN:
            self.open_decision()

    def letter(self) -> object:
        row = self.selected()
        if row is None or row.decision_id is None:
            return None
        return export_letter(self, self.store, row.decision_id)

    def delete_application(self) -> None:
        row = self.selected()
        if row is None or not ask(self, _("Delete application"), _(
                "Delete the application of {organisation} ({amount}) with its decision?").format(
                organisation=row.organisation, amount=format_money(row.applied_cents))):
            return
        application_id: uuid.UUID = row.id
        attempt(self, _("Delete application"),
                lambda: applications.delete_application(self.store, application_id))
