"""What needs chasing: reports on use that are overdue, decisions not yet paid in full, and an
organisation's applications and decisions across the years."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.services.activities import municipality_names
from desktop.services.grants._common import funder_name
from desktop.services.grants.calls import paid_per_decision
from desktop.services.vocabulary import label
from desktop.storage.models import GrantApplication, GrantCall, GrantDecision, Organisation
from desktop.storage.models.enums import DecisionStatus, GrantType


@dataclass(frozen=True)
class FollowUpRow:
    decision_id: uuid.UUID
    application_id: uuid.UUID
    organisation_id: uuid.UUID
    organisation: str
    call: str
    year: int
    granted_cents: int
    paid_cents: int
    report_due: dt.date | None
    report_received: dt.date | None

    @property
    def unpaid_cents(self) -> int:
        return self.granted_cents - self.paid_cents


def _granting_decisions(paid: Any) -> Any:
    """Live decisions that grant money, with their organisation, call and the sum paid."""
    return (
        select(GrantDecision, GrantApplication, Organisation, GrantCall,
               func.coalesce(paid.c.paid, 0))
        .join(GrantApplication, GrantApplication.id == GrantDecision.application_id)
        .join(Organisation, Organisation.id == GrantApplication.organisation_id)
        .join(GrantCall, GrantCall.id == GrantApplication.call_id)
        .outerjoin(paid, paid.c.decision_id == GrantDecision.id)
        .where(GrantDecision.deleted.is_(False), GrantApplication.deleted.is_(False),
               GrantCall.deleted.is_(False), GrantDecision.granted_cents > 0,
               GrantDecision.status != DecisionStatus.CANCELLED)
    )


def _rows(session: Session, query: Any, language: str) -> list[FollowUpRow]:
    return [
        FollowUpRow(
            decision_id=decision.id, application_id=application.id, organisation_id=org.id,
            organisation=org.display_name(language), call=call.name, year=call.year,
            granted_cents=decision.granted_cents, paid_cents=int(paid_cents),
            report_due=decision.report_due, report_received=decision.report_received,
        )
        for decision, application, org, call, paid_cents in session.execute(query)
    ]


def overdue_reports(session: Session, today: dt.date, language: str) -> list[FollowUpRow]:
    """Granted decisions whose report on use was due before ``today`` and has not come in;
    the longest overdue first."""
    paid = paid_per_decision()
    query = (
        _granting_decisions(paid)
        .where(GrantDecision.report_due < today, GrantDecision.report_received.is_(None))
        .order_by(GrantDecision.report_due, Organisation.name_fi)
    )
    return _rows(session, query, language)


def unpaid_decisions(session: Session, language: str) -> list[FollowUpRow]:
    """Granted decisions of which less than the amount granted has been paid, oldest first."""
    paid = paid_per_decision()
    query = (
        _granting_decisions(paid)
        .where(func.coalesce(paid.c.paid, 0) < GrantDecision.granted_cents)
        .order_by(GrantDecision.decided_on, Organisation.name_fi)
    )
    return _rows(session, query, language)


@dataclass(frozen=True)
class OrganisationGrant:
    """One application of an organisation with its decision, payments and report."""

    application_id: uuid.UUID
    call_id: uuid.UUID
    year: int
    call: str
    grant_type: str
    funder: str
    purpose: str
    applied_cents: int
    received_on: dt.date | None
    decision_id: uuid.UUID | None
    status: str  # label, empty while undecided
    status_code: str
    granted_cents: int  # 0 while undecided or when cancelled
    paid_cents: int
    decided_on: dt.date | None
    report_due: dt.date | None
    report_received: dt.date | None
    report_accepted: dt.date | None


def organisation_grants(session: Session, organisation_id: uuid.UUID,
                        language: str) -> list[OrganisationGrant]:
    """All the organisation's applications and decisions across the years, newest first."""
    names = municipality_names(session, language)
    paid = paid_per_decision()
    rows = session.execute(
        select(GrantApplication, GrantCall, GrantDecision, func.coalesce(paid.c.paid, 0))
        .join(GrantCall, GrantCall.id == GrantApplication.call_id)
        .outerjoin(GrantDecision, (GrantDecision.application_id == GrantApplication.id)
                   & GrantDecision.deleted.is_(False))
        .outerjoin(paid, paid.c.decision_id == GrantDecision.id)
        .where(GrantApplication.organisation_id == organisation_id,
               GrantApplication.deleted.is_(False), GrantCall.deleted.is_(False))
        .order_by(GrantCall.year.desc(), GrantCall.name)
    ).all()
    result = []
    for application, call, decision, paid_cents in rows:
        counts = decision is not None and decision.status != DecisionStatus.CANCELLED
        result.append(OrganisationGrant(
            application_id=application.id, call_id=call.id, year=call.year, call=call.name,
            grant_type=label(GrantType, call.grant_type),
            funder=funder_name(names, call.funder_code, language),
            purpose=application.purpose, applied_cents=application.applied_cents,
            received_on=application.received_on,
            decision_id=decision.id if decision else None,
            status=label(DecisionStatus, decision.status) if decision else "",
            status_code=decision.status if decision else "",
            granted_cents=decision.granted_cents if decision and counts else 0,
            paid_cents=int(paid_cents),
            decided_on=decision.decided_on if decision else None,
            report_due=decision.report_due if decision else None,
            report_received=decision.report_received if decision else None,
            report_accepted=decision.report_accepted if decision else None,
        ))
    return result
