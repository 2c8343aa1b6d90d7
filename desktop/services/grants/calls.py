"""Grant calls (rounds): their records, and their budget used and left.

A call's budget is used by its decisions that grant money and are not cancelled. A budget of 0
means none was recorded (municipalities' calls are often entered afterwards): no warning then.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.activities import municipality_names
from desktop.services.fields import checked_fields
from desktop.services.grants._common import (
    funder_name,
    known_municipalities,
    live_application,
    live_call,
)
from desktop.services.grants.money import check_cents
from desktop.services.records import Seen, apply_edit, seen
from desktop.services.vocabulary import label
from desktop.storage.models import GrantApplication, GrantCall, GrantDecision, GrantPayment
from desktop.storage.models.enums import DecisionStatus, GrantType
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

CALL_FIELDS = frozenset(
    {"year", "name", "grant_type", "funder_code", "budget_cents", "opens_on", "closes_on", "criteria"}
)


@dataclass(frozen=True)
class CallRow:
    id: uuid.UUID
    year: int
    name: str
    grant_type: str
    funder: str
    budget_cents: int
    applied_cents: int
    granted_cents: int
    applications: int
    paid_cents: int = 0
    decisions: int = 0
    funder_code: str | None = None
    grant_type_code: str = ""

    @property
    def left_cents(self) -> int:
        return self.budget_cents - self.granted_cents


def granted_expression() -> Any:
    """A decision's amount as it uses the budget and counts as granted: 0 when cancelled."""
    return case((GrantDecision.status == DecisionStatus.CANCELLED, 0),
                else_=GrantDecision.granted_cents)


def live_decision_join() -> Any:
    return and_(GrantDecision.application_id == GrantApplication.id,
                GrantDecision.deleted.is_(False))


def paid_per_decision() -> Any:
    return (
        select(GrantPayment.decision_id, func.sum(GrantPayment.amount_cents).label("paid"))
        .where(GrantPayment.deleted.is_(False))
        .group_by(GrantPayment.decision_id)
        .subquery("paid")
    )


def call_rows(store: Store, language: str) -> list[CallRow]:
    """Every grant call with its budget, applied, granted and paid totals (integer cents)."""
    with store.read() as session:
        return call_rows_in(session, language)


def call_rows_in(session: Session, language: str) -> list[CallRow]:
    names = municipality_names(session, language)
    paid = paid_per_decision()
    totals = (
        select(
            GrantApplication.call_id,
            func.count(GrantApplication.id).label("applications"),
            func.sum(GrantApplication.applied_cents).label("applied"),
            func.count(GrantDecision.id).label("decisions"),
            func.sum(granted_expression()).label("granted"),
            func.sum(paid.c.paid).label("paid"),
        )
        .outerjoin(GrantDecision, live_decision_join())
        .outerjoin(paid, paid.c.decision_id == GrantDecision.id)
        .where(GrantApplication.deleted.is_(False))
        .group_by(GrantApplication.call_id)
        .subquery("totals")
    )
    rows = session.execute(
        select(GrantCall, totals)
        .outerjoin(totals, totals.c.call_id == GrantCall.id)
        .where(GrantCall.deleted.is_(False))
        .order_by(GrantCall.year.desc(), GrantCall.name)
    ).all()
    result = []
    for call, _call_id, applications, applied, decisions, granted, paid_cents in rows:
        result.append(CallRow(
            id=call.id,
            year=call.year,
            name=call.name,
            grant_type=label(GrantType, call.grant_type),
            funder=funder_name(names, call.funder_code, language),
            budget_cents=call.budget_cents,
            applied_cents=applied or 0,
            granted_cents=granted or 0,
            applications=applications or 0,
            paid_cents=paid_cents or 0,
            decisions=decisions or 0,
            funder_code=call.funder_code,
            grant_type_code=call.grant_type,
        ))
    return result


# -- writing -------------------------------------------------------------------------------


def _clean(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    values = checked_fields(fields, CALL_FIELDS, "grant call", ("name", "criteria"))
    if "name" in values and not values["name"]:
        raise ValidationError(_("A grant call needs a name."))
    if "year" in values and not (isinstance(values["year"], int) and 1900 <= values["year"] <= 2200):
        raise ValidationError(_("The year of a grant call must be between 1900 and 2200."))
    if "grant_type" in values:
        try:
            values["grant_type"] = GrantType(values["grant_type"]).value
        except ValueError:
            raise ValidationError(
                _("There is no grant type {code}.").format(code=values["grant_type"])) from None
    if values.get("funder_code"):
        known_municipalities(session, [values["funder_code"]])
    elif "funder_code" in values:
        values["funder_code"] = None
    if "budget_cents" in values:
        check_cents(values["budget_cents"], "budget_cents")
    return values


def _check_dates(opens_on: dt.date | None, closes_on: dt.date | None) -> None:
    if opens_on and closes_on and closes_on < opens_on:
        raise ValidationError(_("A call cannot close before it opens."))


def create_call(store: Store, **fields: Any) -> tuple[uuid.UUID, Changes]:
    """Add a grant call; ``year`` and ``name`` are required. ``funder_code`` None: the county."""
    def apply(session: Session) -> uuid.UUID:
        if "year" not in fields:
            raise ValidationError(_("The year of a grant call must be between 1900 and 2200."))
        values = _clean(session, {"name": "", **fields})
        _check_dates(values.get("opens_on"), values.get("closes_on"))
        call = GrantCall(**values)
        session.add(call)
        session.flush()
        return call.id

    return store.run_returning("add grant call", apply)


def call_seen(session: Session, call_id: uuid.UUID) -> Seen:
    """The call as its dialog starts from, to hand back to :func:`update_call`."""
    return seen(live_call(session, call_id), CALL_FIELDS)


def update_call(store: Store, call_id: uuid.UUID, *, start: Seen | None = None,
                **fields: Any) -> Changes:
    """Change some fields of a call (see :func:`create_call`).

    An edit from ``start`` keeps what another user saved meanwhile, or raises
    ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """

    def apply(session: Session) -> None:
        call = live_call(session, call_id)
        apply_edit(session, call, _clean(session, fields), start)
        # The dates as merged with another user's: each may have changed only one of them.
        _check_dates(call.opens_on, call.closes_on)

    return store.run("edit grant call", apply)


def delete_call(store: Store, call_id: uuid.UUID) -> Changes:
    """Delete a call that has no applications left (delete those first, on purpose)."""

    def apply(session: Session) -> None:
        call = live_call(session, call_id)
        count = session.scalar(
            select(func.count()).select_from(GrantApplication)
            .where(GrantApplication.call_id == call_id, GrantApplication.deleted.is_(False)))
        if count:
            raise ValidationError(
                _("The call still has applications: delete them first."))
        call.deleted = True

    return store.run("delete grant call", apply)


# -- the budget ----------------------------------------------------------------------------


def budget_used(session: Session, call_id: uuid.UUID,
                without_application: uuid.UUID | None = None) -> int:
    """Cents granted by the call's decisions (cancelled ones use nothing)."""
    query = (
        select(func.coalesce(func.sum(granted_expression()), 0))
        .select_from(GrantApplication)
        .join(GrantDecision, live_decision_join())
        .where(GrantApplication.call_id == call_id, GrantApplication.deleted.is_(False))
    )
    if without_application is not None:
        query = query.where(GrantApplication.id != without_application)
    return int(session.scalar(query) or 0)


def budget_left(session: Session, call_id: uuid.UUID) -> int:
    """The budget less what is granted: negative when decisions exceed it."""
    return live_call(session, call_id).budget_cents - budget_used(session, call_id)


def budget_overrun(session: Session, application_id: uuid.UUID, granted_cents: int) -> int:
    """By how many cents the call's decisions would exceed its budget if this application were
    granted ``granted_cents`` (replacing what it has now); 0 when they would not, when the
    amount does not grow, or when the call has no budget recorded.

    The UI asks for confirmation when this is above 0, then decides with ``allow_overrun``.
    """
    check_cents(granted_cents, "granted_cents")
    application = live_application(session, application_id)
    call = live_call(session, application.call_id)
    if not call.budget_cents:
        return 0
    others = budget_used(session, call.id, without_application=application.id)
    decision = application.decision
    current = 0
    if decision is not None and not decision.deleted and decision.status != DecisionStatus.CANCELLED:
        current = decision.granted_cents
    if granted_cents <= current:
        return 0
    return max(0, others + granted_cents - call.budget_cents)
