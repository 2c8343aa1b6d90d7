"""The decision on one application: the amount (its status follows from it), date, deciding
body and the § in the minutes, reasoning and conditions; the payments made on it and the report
on its use.

OK and Apply save the decision and the report dates; payments are saved at once, as each is
added or removed (they need a saved decision to belong to).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_date, format_money
from desktop.services.grants import decisions, views
from desktop.services.grants.decisions import check_amounts, derive_status
from desktop.services.records import Seen
from desktop.services.vocabulary import label
from desktop.storage.models.enums import DecisionStatus
from desktop.storage.store import Store
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.dialogs.edit_conflict import FieldsShown, stored_text
from desktop.ui.grants.common import (
    WARNING_TEXT,
    MoneyEdit,
    decide_asking,
    decide_resolving,
    selected_row,
)
from desktop.ui.grants.letter_export import export_letter
from desktop.ui.meetings.common import (
    CheckedDialog,
    ask,
    attempt,
    combo_id,
    fill_combo,
    select_data,
)
from desktop.ui.optional_date import OptionalDate
from desktop.ui.pages.base import make_table
from desktop.ui.tablemodel import Column, RowTableModel

_NOT_IN_A_MEETING = "—"


class DecisionDialog(CheckedDialog):
    def __init__(self, store: Store, application_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.application_id = application_id
        language = current_language()
        # What this edit starts from (a save notices another user's save meanwhile), read
        # before what the form shows: a save between the two then shows in the form rather
        # than counting as this user's change.
        with store.read() as session:
            self.start = decisions.application_decision_seen(session, application_id)
        self.details = views.decision_details(store, application_id, language)
        if self.start is None and self.details.decision_id is not None:
            # Decided between the two reads: start from the decision as the form shows it.
            self.start = self._seen(self.details.decision_id)
        self.meetings = {m.id: m for m in views.minutes_choices(store, language)}
        self.labels: dict[str, str] = {}
        self.setWindowTitle(_("Decision"))
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._decision_tab(), _("Decision"))
        self.tabs.addTab(self._payments_tab(), _("Payments"))
        self.tabs.addTab(self._report_tab(), _("Report on use"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Apply
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(
            lambda _c=False: self.apply())
        self.letter_button = self.buttons.addButton(_("Decision letter…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.letter_button.clicked.connect(lambda _c=False: self.letter())
        self.delete_button = self.buttons.addButton(_("Delete decision…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_button.clicked.connect(lambda _c=False: self.delete())
        layout.addWidget(self.buttons)
        self.setMinimumSize(720, 600)
        self._load(self.details)
        self.submit = self.save
        remember_size(self)

    # -- building ------------------------------------------------------------------------

    def _decision_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        amount_row = QHBoxLayout()
        self.granted = MoneyEdit()
        self.granted.textChanged.connect(lambda _t: self._show_status())
        amount_row.addWidget(self.granted)
        self.status = QLabel()
        amount_row.addWidget(self.status, 1)
        form.addRow(self._label("granted_cents", _("Granted (€)")), amount_row)
        self.cancelled = QCheckBox(_("The decision was cancelled (it grants nothing)"))
        self.cancelled.toggled.connect(lambda _on: self._show_status())
        form.addRow(self._label("status", _("Status")), self.cancelled)
        self.decided_on = OptionalDate(None, _("Decided"))
        form.addRow(self._label("decided_on", _("Decision date")), self.decided_on)
        self.deciding_body = QLineEdit()
        form.addRow(self._label("deciding_body", _("Deciding body")), self.deciding_body)
        self.meeting = QComboBox()
        self.meeting.setMinimumContentsLength(40)
        fill_combo(self.meeting, [(m.id, m.label) for m in self.meetings.values()],
                   none_label=_("{dash} not decided in a meeting kept here").format(
                       dash=_NOT_IN_A_MEETING))
        self.meeting.currentIndexChanged.connect(lambda _i: self._meeting_chosen())
        form.addRow(_("Meeting"), self.meeting)
        self.item = QComboBox()
        self.item.setMinimumContentsLength(40)
        form.addRow(self._label("agenda_item_id", _("§ in the minutes")), self.item)
        self.reasoning = QPlainTextEdit()
        self.conditions = QPlainTextEdit()
        self.payment_terms = QPlainTextEdit()
        for edit, name, text in ((self.reasoning, "reasoning", _("Reasoning")),
                                 (self.conditions, "conditions", _("Conditions")),
                                 (self.payment_terms, "payment_terms", _("Payment terms"))):
            edit.setMinimumHeight(54)
            form.addRow(self._label(name, text), edit)
        return tab

    def _payments_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        note = QLabel(_("Payments are saved at once. Together they cannot exceed the grant."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.payments_model: RowTableModel[views.PaymentRow] = RowTableModel(
            [Column(_("Date"), lambda p: format_date(p.paid_on)),
             Column(_("Amount"), lambda p: format_money(p.amount_cents), align_right=True)],
            parent=self)
        self.payments = make_table(self.payments_model, tab)
        layout.addWidget(self.payments, 1)
        self.paid_summary = QLabel()
        layout.addWidget(self.paid_summary)
        row = QHBoxLayout()
        self.paid_on = QDateEdit()
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat("d.M.yyyy")
        self.paid_on.setDate(QDate.currentDate())
        self.payment_amount = MoneyEdit()
        self.add_payment_button = QPushButton(_("Add payment"))
        self.add_payment_button.clicked.connect(lambda _c=False: self.add_payment())
        self.payment_amount.returnPressed.connect(self.add_payment)
        self.remove_payment_button = QPushButton(_("Remove payment…"))
        self.remove_payment_button.clicked.connect(lambda _c=False: self.remove_payment())
        row.addWidget(QLabel(_("Paid on")))
        row.addWidget(self.paid_on)
        row.addWidget(QLabel(_("Amount (€)")))
        row.addWidget(self.payment_amount)
        row.addWidget(self.add_payment_button)
        row.addStretch(1)
        row.addWidget(self.remove_payment_button)
        layout.addLayout(row)
        self.payment_error = QLabel()
        self.payment_error.setWordWrap(True)
        self.payment_error.setStyleSheet(WARNING_TEXT + " font-weight: 600;")
        self.payment_error.hide()
        layout.addWidget(self.payment_error)
        return tab

    def _report_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.report_due = OptionalDate(None, _("Set"))
        self.report_received = OptionalDate(None, _("Received"))
        self.report_accepted = OptionalDate(None, _("Accepted"))
        form.addRow(self._label("report_due", _("Due")), self.report_due)
        form.addRow(self._label("report_received", _("Received")), self.report_received)
        form.addRow(self._label("report_accepted", _("Accepted")), self.report_accepted)
        note = QLabel(_("A report is accepted only after it has been received."))
        note.setWordWrap(True)
        form.addRow("", note)
        return tab

    def _label(self, name: str, text: str) -> str:
        """The form's label of a field, kept to name the field should another user's save
        clash with this one."""
        self.labels[name] = text
        return text

    # -- loading -------------------------------------------------------------------------

    def _seen(self, decision_id: uuid.UUID | None) -> Seen | None:
        if decision_id is None:
            return None
        with self.store.read() as session:
            return decisions.decision_seen(session, decision_id)

    def _load(self, d: views.DecisionDetails) -> None:
        self.details = d
        self.heading.setText(_("{organisation} · {call} · applied for {applied}").format(
            organisation=d.organisation, call=d.call, applied=format_money(d.applied_cents)))
        self.granted.set_cents(d.granted_cents)
        self.cancelled.setChecked(d.status == DecisionStatus.CANCELLED)
        self.decided_on.set_value(d.decided_on)
        self.deciding_body.setText(d.deciding_body)
        select_data(self.meeting, d.meeting_id)
        self._fill_items(d.agenda_item_id)
        self.reasoning.setPlainText(d.reasoning)
        self.conditions.setPlainText(d.conditions)
        self.payment_terms.setPlainText(d.payment_terms)
        self.report_due.set_value(d.report_due)
        self.report_received.set_value(d.report_received)
        self.report_accepted.set_value(d.report_accepted)
        self._show_saved_state()

    def _show_saved_state(self) -> None:
        """What depends on the stored decision rather than on the fields being edited."""
        self._show_payments()
        decided = self.details.decision_id is not None
        for index in (1, 2):
            self.tabs.setTabEnabled(index, decided)
            self.tabs.setTabToolTip(index, "" if decided else _("Save the decision first."))
        self.letter_button.setEnabled(decided)
        self.delete_button.setEnabled(decided)
        self._show_status()

    def _show_payments(self) -> None:
        d = self.details
        self.payments_model.set_rows(d.payments)
        granted = 0 if d.status == DecisionStatus.CANCELLED else (d.granted_cents or 0)
        self.paid_summary.setText(_("Paid {paid} of {granted}; {left} left to pay.").format(
            paid=format_money(d.paid_cents), granted=format_money(granted),
            left=format_money(max(0, granted - d.paid_cents))))
        self.remove_payment_button.setEnabled(bool(d.payments))

    def _fill_items(self, item_id: uuid.UUID | None) -> None:
        meeting = self.meetings.get(combo_id(self.meeting)) if combo_id(self.meeting) else None
        fill_combo(self.item, [(i.id, i.label) for i in meeting.items] if meeting else [],
                   item_id, none_label=_NOT_IN_A_MEETING)
        self.item.setEnabled(meeting is not None)

    def _meeting_chosen(self) -> None:
        self._fill_items(None)
        meeting_id = combo_id(self.meeting)
        if meeting_id is not None:
            meeting = self.meetings[meeting_id]
            if not self.deciding_body.text().strip():
                self.deciding_body.setText(meeting.body)

    def choose_item(self, meeting_label: str, section: int) -> None:
        """Pick the meeting and its § by what they show (tests and keyboard users)."""
        self.meeting.setCurrentIndex(self.meeting.findText(meeting_label))
        prefix = f"§ {section} "
        for index in range(self.item.count()):
            if self.item.itemText(index).startswith(prefix):
                self.item.setCurrentIndex(index)
                return

    def _show_status(self) -> None:
        """The status that follows from the amount, in words, while typing."""
        text, warn = "", False
        if self.granted.text().strip():
            cents = self.granted.cents_or_none()
            if cents is None:
                text, warn = _("Not an amount of money."), True
            elif self.cancelled.isChecked():
                text = label(DecisionStatus, DecisionStatus.CANCELLED)
            else:
                try:
                    check_amounts(self.details.applied_cents, cents)
                    text = label(DecisionStatus, derive_status(self.details.applied_cents, cents))
                except KnownError as exc:
                    text, warn = str(exc), True
        self.status.setText(text)
        self.status.setStyleSheet(WARNING_TEXT if warn else "font-weight: 600;")

    # -- saving --------------------------------------------------------------------------

    def _fields(self) -> dict[str, object]:
        return {
            "decided_on": self.decided_on.value(), "deciding_body": self.deciding_body.text(),
            "agenda_item_id": combo_id(self.item), "reasoning": self.reasoning.toPlainText(),
            "conditions": self.conditions.toPlainText(),
            "payment_terms": self.payment_terms.toPlainText(),
            "status": DecisionStatus.CANCELLED.value if self.cancelled.isChecked() else None,
        }

    def save(self) -> object:
        """Save the decision (asking first when it goes over the call's budget) and the
        report's dates; None when anything was refused (the dialog stays open).

        An existing decision is saved as one edit: another user's save since the dialog opened
        is kept where this edit left a field as it was, and for a field both changed the
        officer chooses which to keep."""
        granted = attempt(self, _("Decision"), self.granted.cents)
        if granted is None:
            return None
        fields = self._fields()
        report = {"report_due": self.report_due.value(),
                  "report_received": self.report_received.value(),
                  "report_accepted": self.report_accepted.value()}
        decision_id = self.details.decision_id
        if decision_id is None:
            return self._decide(granted, fields, report)
        shown = FieldsShown(self.labels, self._shown,
                            editable={"deciding_body", "reasoning", "conditions", "payment_terms"})

        def update(values: dict[str, Any], start: Seen | None, allow_overrun: bool) -> uuid.UUID:
            decisions.update_decision(self.store, decision_id, allow_overrun=allow_overrun,
                                      start=start, **values)
            return decision_id

        saved = decide_resolving(self, _("Decision"), update,
                                 {**fields, **report, "granted_cents": granted}, self.start,
                                 shown)
        if saved is not None:
            self.start = self._seen(saved)
        return saved

    def _decide(self, granted: int, fields: dict[str, object],
                report: dict[str, Any]) -> uuid.UUID | None:
        """A new decision, then its report's dates."""
        def work(allow_overrun: bool) -> uuid.UUID:
            made, _changes = decisions.decide(self.store, self.application_id,
                                              granted_cents=granted,
                                              allow_overrun=allow_overrun, **fields)
            return made

        saved = decide_asking(self, _("Decision"), work)
        if saved is None:
            return None
        reported = attempt(self, _("Report on use"), lambda: decisions.record_report(
            self.store, saved, due=report["report_due"], received=report["report_received"],
            accepted=report["report_accepted"])) is not None
        if not reported:
            self.tabs.setCurrentIndex(2)
            self._refresh_saved()  # the decision itself was saved: the next save edits it
        self.start = self._seen(saved)
        return saved if reported else None

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog shows it: money and dates in the user's format, the §
        with its meeting."""
        if name == "granted_cents":
            return format_money(value)
        if name == "status":
            return label(DecisionStatus, value) if value else ""
        if name == "agenda_item_id":
            return next((f"{meeting.label} {item.label}" for meeting in self.meetings.values()
                         for item in meeting.items if item.id == value), "")
        return stored_text(value)

    def apply(self) -> None:
        if self.save() is not None:
            self._reload()

    def _reload(self) -> None:
        self._load(views.decision_details(self.store, self.application_id, current_language()))

    def _refresh_saved(self) -> None:
        """Payments and what is enabled, keeping whatever is being typed in the other fields."""
        self.details = views.decision_details(self.store, self.application_id, current_language())
        self._show_saved_state()

    def delete(self) -> None:
        decision_id = self.details.decision_id
        if decision_id is None or not ask(self, _("Delete decision"), _(
                "Delete the decision on the application of {organisation}? The application "
                "stays, undecided.").format(organisation=self.details.organisation)):
            return
        if attempt(self, _("Delete decision"),
                   lambda: decisions.delete_decision(self.store, decision_id)) is not None:
            self.accept_without_saving()

    def accept_without_saving(self) -> None:
        QDialog.accept(self)

    def letter(self) -> object:
        if self.details.decision_id is None:
            return None
        return export_letter(self, self.store, self.details.decision_id)

    # -- payments ------------------------------------------------------------------------

    def _payment_refused(self, reason: str) -> None:
        self.payment_error.setText(reason)
        self.payment_error.setVisible(bool(reason))

    def add_payment(self) -> bool:
        """Record the payment typed; a refusal (above the grant, not money) is shown under the
        fields in red and nothing is saved."""
        decision_id = self.details.decision_id
        if decision_id is None:
            return False
        paid_on = cast(dt.date, self.paid_on.date().toPython())
        try:
            cents = self.payment_amount.cents()
            decisions.add_payment(self.store, decision_id, paid_on, cents)
        except KnownError as exc:
            self._payment_refused(str(exc))
            return False
        self._payment_refused("")
        self.payment_amount.clear()
        self._refresh_saved()
        return True

    def remove_payment(self) -> None:
        row = selected_row(self.payments)
        if row is None and self.payments_model.rowCount():
            row = self.payments_model.rowCount() - 1
        if row is None:
            return
        payment = self.payments_model.row_at(row)
        if not ask(self, _("Remove payment"), _("Remove the payment of {amount} on {date}?").format(
                amount=format_money(payment.amount_cents), date=format_date(payment.paid_on))):
            return
        if attempt(self, _("Remove payment"),
                   lambda: decisions.delete_payment(self.store, payment.id)) is not None:
            self._refresh_saved()
