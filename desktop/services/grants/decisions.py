"""Decisions on applications, the payments made on them and the reports on their use.

A decision's status follows from its amount: 0 is a rejection, less than applied is partly
granted, the full amount is granted; more than applied is refused. Only *cancelled* is chosen
by the officer, and a cancelled decision grants nothing (its amount is kept as decided).
Each application has at most one decision row, ever: deciding again after a deletion revives it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.i18n.formatting import format_money
from desktop.services.fields import checked_fields
from desktop.services.grants._common import (
    KEEP,
    live_application,
    live_decision,
    live_payment,
)
from desktop.services.grants.calls import budget_overrun
from desktop.services.grants.money import check_cents
from desktop.services.records import Seen, apply_edit, apply_fields, merged_values
from desktop.storage.models import AgendaItem, GrantDecision, GrantPayment
from desktop.storage.models.enums import DecisionStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

DECISION_FIELDS = frozenset({
    "granted_cents", "decided_on", "deciding_body", "status", "reasoning", "conditions",
    "payment_terms", "agenda_item_id", "report_due",
})  # fmt: skip
_TEXT_FIELDS = ("deciding_body", "reasoning", "conditions", "payment_terms")
_REPORT_FIELDS = ("report_due", "report_received", "report_accepted")


class BudgetExceeded(ValidationError):
    """The decision would take the call's decisions over its budget; ``overrun_cents`` by how much."""

    def __init__(self, message: str, overrun_cents: int) -> None:
        super().__init__(message)
        self.overrun_cents = overrun_cents


def _stated(decision: GrantDecision) -> dict[str, Any]:
    """The decision as its dialog states it: ``status`` is ``cancelled`` or None (derived from
    the amounts), the officer's only choice about it, so that a status that another user's
    amount changed is no edit of it."""
    values = {name: getattr(decision, name) for name in (*DECISION_FIELDS, *_REPORT_FIELDS)}
    values["status"] = (DecisionStatus.CANCELLED.value
                        if decision.status == DecisionStatus.CANCELLED else None)
    return values


def decision_seen(session: Session, decision_id: uuid.UUID) -> Seen:
    """The decision with its report's dates as its dialog starts from, to hand back to
    :func:`update_decision` (``status`` as that takes it: cancelled or None)."""
    decision = live_decision(session, decision_id)
    return Seen(decision.row_version, _stated(decision))


def application_decision_seen(session: Session, application_id: uuid.UUID) -> Seen | None:
    """:func:`decision_seen` of the application's decision; None while it has none."""
    decision = live_application(session, application_id).decision
    if decision is None or decision.deleted:
        return None
    return decision_seen(session, decision.id)


def derive_status(applied_cents: int, granted_cents: int) -> DecisionStatus:
    if granted_cents == 0:
        return DecisionStatus.REJECTED
    if granted_cents < applied_cents:
        return DecisionStatus.PARTLY_GRANTED
    return DecisionStatus.GRANTED


def check_amounts(applied_cents: int, granted_cents: int) -> None:
    if granted_cents > applied_cents:
        raise ValidationError(_("A grant cannot be more than the amount applied for ({applied}).")
                              .format(applied=format_money(applied_cents)))


def _status(applied_cents: int, granted_cents: int, wanted: str | None) -> str:
    """The stored status: derived, or ``cancelled``; a contradicting status is refused."""
    derived = derive_status(applied_cents, granted_cents)
    if wanted is None:
        return derived.value
    try:
        status = DecisionStatus(wanted)
    except ValueError:
        raise ValidationError(_("There is no decision status {code}.").format(code=wanted)) from None
    if status not in (derived, DecisionStatus.CANCELLED):
        messages = {
            DecisionStatus.REJECTED: _("A decision that grants nothing is a rejection."),
            DecisionStatus.PARTLY_GRANTED: _("A decision that grants less than applied for is "
                                             "partly granted."),
            DecisionStatus.GRANTED: _("A decision that grants the amount applied for is granted."),
        }
        raise ValidationError(messages[derived])
    return status.value


def _clean(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    values = checked_fields(fields, DECISION_FIELDS, "decision", _TEXT_FIELDS)
    if "granted_cents" in values:
        check_cents(values["granted_cents"], "granted_cents")
    item_id = values.get("agenda_item_id")
    if item_id is not None:
        item = session.get(AgendaItem, item_id)
        if item is None or item.deleted:
            raise ValidationError(_("The agenda item no longer exists."))
    return values


def _paid(session: Session, decision_id: uuid.UUID, without: uuid.UUID | None = None) -> int:
    query = select(func.coalesce(func.sum(GrantPayment.amount_cents), 0)).where(
        GrantPayment.decision_id == decision_id, GrantPayment.deleted.is_(False))
    if without is not None:
        query = query.where(GrantPayment.id != without)
    return int(session.scalar(query) or 0)


def _apply(session: Session, decision: GrantDecision, applied_cents: int,
           values: dict[str, Any], allow_overrun: bool) -> None:
    granted = values.get("granted_cents", decision.granted_cents)
    check_amounts(applied_cents, granted)
    if "status" in values:
        wanted = values["status"]  # None: derive it
    else:  # a cancelled decision stays cancelled through other edits
        wanted = DecisionStatus.CANCELLED if decision.status == DecisionStatus.CANCELLED else None
    status = _status(applied_cents, granted, wanted)
    if status != DecisionStatus.CANCELLED and not allow_overrun:
        overrun = budget_overrun(session, decision.application_id, granted)
        if overrun:
            raise BudgetExceeded(
                _("The decisions would exceed the call's budget by {amount}.")
                .format(amount=format_money(overrun)), overrun)
    paid = _paid(session, decision.id) if decision.id else 0
    if paid > (0 if status == DecisionStatus.CANCELLED else granted):
        raise ValidationError(_("{paid} has already been paid on this decision.")
                              .format(paid=format_money(paid)))
    values["status"] = status
    for name, value in values.items():
        if getattr(decision, name) != value:
            setattr(decision, name, value)


def decide(store: Store, application_id: uuid.UUID, *, granted_cents: int,
           allow_overrun: bool = False, start: Seen | None = None,
           **fields: Any) -> tuple[uuid.UUID, Changes]:
    """Record (or replace) the decision on an application; return its id and what changed.

    ``granted_cents`` is integer cents, 0 for a rejection; ``status`` may be left out (it is
    derived) or be ``cancelled``. Other fields: ``decided_on``, ``deciding_body``,
    ``reasoning``, ``conditions``, ``payment_terms``, ``agenda_item_id`` (the § in the minutes),
    ``report_due``. Raises :class:`BudgetExceeded` when the call's budget would be exceeded,
    unless ``allow_overrun`` (ask the officer first, with :func:`budget_overrun`).

    ``start``: the decision as the officer saw it (its ``granted_cents`` None when there was
    none); should another user have decided meanwhile, a field both set differently raises
    ``EditConflict`` (see :func:`update_decision`).
    """
    def apply(session: Session) -> uuid.UUID:
        application = live_application(session, application_id)
        values = _clean(session, {**fields, "granted_cents": granted_cents})
        decision = application.decision
        theirs = False  # made meanwhile by another user: an edit of it, whose status stays
        if start is not None and decision is not None and not decision.deleted:
            values = merged_values(session, decision, _stated(decision), values, start)
            theirs = True
        if decision is None:
            decision = GrantDecision(application_id=application.id, granted_cents=0,
                                     status=DecisionStatus.REJECTED.value)
            session.add(decision)
        elif decision.deleted:
            decision.deleted = False
        if "status" not in values and not theirs:
            values["status"] = None  # a new decision: derive, whatever it was before
        _apply(session, decision, application.applied_cents, values, allow_overrun)
        session.flush()
        return decision.id

    return store.run_returning("decide grant application", apply)


def update_decision(store: Store, decision_id: uuid.UUID, *, allow_overrun: bool = False,
                    start: Seen | None = None, **fields: Any) -> Changes:
    """Change some fields of a decision (see :func:`decide`); a cancelled one stays cancelled
    unless ``status`` is given. ``report_received`` and ``report_accepted`` may be changed too
    (see :func:`record_report`): the decision's dialog saves all it shows as one edit.

    An edit from ``start`` (:func:`decision_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    # The report's dates that are no decision field (``report_due`` is one, cleaned with them).
    report_names = tuple(name for name in _REPORT_FIELDS if name not in DECISION_FIELDS)

    def apply(session: Session) -> None:
        decision = live_decision(session, decision_id)
        application = live_application(session, decision.application_id)
        values = {**_clean(session, {name: value for name, value in fields.items()
                                     if name not in report_names}),
                  **{name: fields[name] for name in report_names if name in fields}}
        if start is not None:
            values = merged_values(session, decision, _stated(decision), values, start)
        report = {name: values.pop(name) for name in report_names if name in values}
        _apply(session, decision, application.applied_cents, values, allow_overrun)
        if report:
            _check_report(report.get("report_received", decision.report_received),
                          report.get("report_accepted", decision.report_accepted))
            apply_fields(decision, report)

    return store.run("edit grant decision", apply)


def delete_decision(store: Store, decision_id: uuid.UUID) -> Changes:
    """Delete a decision (the application is undecided again); refused once money is paid."""

    def apply(session: Session) -> None:
        decision = live_decision(session, decision_id)
        if _paid(session, decision.id):
            raise ValidationError(_("Money has been paid on this decision: "
                                    "delete the payments first."))
        decision.deleted = True

    return store.run("delete grant decision", apply)


# -- payments ------------------------------------------------------------------------------


def _check_payment(session: Session, decision: GrantDecision, amount_cents: int,
                   payment_id: uuid.UUID | None) -> None:
    check_cents(amount_cents, "amount_cents")
    if amount_cents == 0:
        raise ValidationError(_("A payment must be more than 0."))
    if decision.status == DecisionStatus.CANCELLED or decision.granted_cents == 0:
        raise ValidationError(_("Nothing can be paid on a decision that grants nothing."))
    total = _paid(session, decision.id, without=payment_id) + amount_cents
    if total > decision.granted_cents:
        raise ValidationError(
            _("The payments would come to {paid}, more than the {granted} granted.")
            .format(paid=format_money(total), granted=format_money(decision.granted_cents)))


def add_payment(store: Store, decision_id: uuid.UUID, paid_on: dt.date,
                amount_cents: int) -> tuple[uuid.UUID, Changes]:
    """Record a payment; all payments together may not exceed the amount granted."""
    def apply(session: Session) -> uuid.UUID:
        decision = live_decision(session, decision_id)
        _check_payment(session, decision, amount_cents, None)
        if paid_on is None:
            raise ValidationError(_("A payment needs its date."))
        payment = GrantPayment(decision_id=decision.id, paid_on=paid_on, amount_cents=amount_cents)
        session.add(payment)
        session.flush()
        return payment.id

    return store.run_returning("add grant payment", apply)


def update_payment(store: Store, payment_id: uuid.UUID, *, paid_on: dt.date | None = None,
                   amount_cents: int | None = None, start: Seen | None = None) -> Changes:
    """Change a payment's date or amount (None: keep it); an edit from ``start`` keeps what
    another user saved meanwhile, or raises ``EditConflict`` (see ``records.apply_edit``)."""

    def apply(session: Session) -> None:
        payment = live_payment(session, payment_id)
        decision = live_decision(session, payment.decision_id)
        asked = {name: value for name, value in (("paid_on", paid_on),
                                                 ("amount_cents", amount_cents))
                 if value is not None}
        apply_edit(session, payment, asked, start)
        if amount_cents is not None:
            _check_payment(session, decision, payment.amount_cents, payment.id)

    return store.run("edit grant payment", apply)


def delete_payment(store: Store, payment_id: uuid.UUID) -> Changes:
    def apply(session: Session) -> None:
        live_payment(session, payment_id).deleted = True

    return store.run("delete grant payment", apply)


def payments_of(session: Session, decision_id: uuid.UUID) -> list[GrantPayment]:
    return list(session.scalars(
        select(GrantPayment)
        .where(GrantPayment.decision_id == decision_id, GrantPayment.deleted.is_(False))
        .order_by(GrantPayment.paid_on)))


# -- the report on use ---------------------------------------------------------------------


def _check_report(received: dt.date | None, accepted: dt.date | None) -> None:
    if accepted is not None and received is None:
        raise ValidationError(_("A report can be accepted only after it has been received."))
    if accepted is not None and received is not None and accepted < received:
        raise ValidationError(_("A report cannot be accepted before it was received."))


def record_report(store: Store, decision_id: uuid.UUID, *, due: Any = KEEP, received: Any = KEEP,
                  accepted: Any = KEEP) -> Changes:
    """Set the report's due date, the date it came in and the date it was accepted.

    Leave an argument out to keep the field; ``None`` clears it. A report is accepted only
    after it has been received.
    """

    def apply(session: Session) -> None:
        decision = live_decision(session, decision_id)
        new_due = decision.report_due if due is KEEP else due
        new_received = decision.report_received if received is KEEP else received
        new_accepted = decision.report_accepted if accepted is KEEP else accepted
        _check_report(new_received, new_accepted)
        for name, value in (("report_due", new_due), ("report_received", new_received),
                            ("report_accepted", new_accepted)):
            if getattr(decision, name) != value:
                setattr(decision, name, value)

    return store.run("record grant report", apply)
