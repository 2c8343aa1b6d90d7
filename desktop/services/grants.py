"""Grant calls and their budgets (read side; decisions come with the grants issue)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.i18n import _
from desktop.services.vocabulary import label
from desktop.storage.models import GrantApplication, GrantCall, Municipality
from desktop.storage.models.enums import GrantType
from desktop.storage.store import Store


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

    @property
    def left_cents(self) -> int:
        return self.budget_cents - self.granted_cents


def call_rows(store: Store, language: str) -> list[CallRow]:
    """Every grant call with its budget, applied and granted totals (integer cents)."""
    with store.read() as session:
        municipalities = {m.code: m.name(language) for m in session.scalars(select(Municipality))}
        calls = session.scalars(
            select(GrantCall)
            .where(GrantCall.deleted.is_(False))
            .options(selectinload(GrantCall.applications).selectinload(GrantApplication.decision))
            .order_by(GrantCall.year.desc(), GrantCall.name)
        ).all()
        rows = []
        for call in calls:
            apps = [a for a in call.applications if not a.deleted]
            granted = sum(
                a.decision.granted_cents for a in apps if a.decision and not a.decision.deleted
            )
            rows.append(
                CallRow(
                    id=call.id,
                    year=call.year,
                    name=call.name,
                    grant_type=label(GrantType, call.grant_type),
                    funder=municipalities.get(call.funder_code or "", "") or _("The county"),
                    budget_cents=call.budget_cents,
                    applied_cents=sum(a.applied_cents for a in apps),
                    granted_cents=granted,
                    applications=len(apps),
                )
            )
        return rows
