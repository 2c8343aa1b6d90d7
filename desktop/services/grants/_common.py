"""Look-ups and checks that the grant services share."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate_in
from desktop.services.records import live
from desktop.storage.models import (
    GrantApplication,
    GrantCall,
    GrantDecision,
    GrantPayment,
    Municipality,
)


class _Keep:
    """The default of an optional argument that leaves a field as it is (None clears it)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: object = _Keep()


def live_call(session: Session, call_id: uuid.UUID) -> GrantCall:
    return live(session, GrantCall, call_id, N_("The grant call no longer exists."))


def live_application(session: Session, application_id: uuid.UUID) -> GrantApplication:
    return live(session, GrantApplication, application_id, N_("The application no longer exists."))


def live_decision(session: Session, decision_id: uuid.UUID) -> GrantDecision:
    return live(session, GrantDecision, decision_id, N_("The decision no longer exists."))


def live_payment(session: Session, payment_id: uuid.UUID) -> GrantPayment:
    return live(session, GrantPayment, payment_id, N_("The payment no longer exists."))


def known_municipalities(session: Session, codes: Iterable[str]) -> list[str]:
    """``codes`` without repeats, each checked against the reference data."""
    wanted = list(dict.fromkeys(codes))
    known = set(session.scalars(select(Municipality.code).where(Municipality.code.in_(wanted))))
    for code in wanted:
        if code not in known:
            raise ValidationError(
                _("There is no municipality with the code {code}.").format(code=code))
    return wanted


THE_COUNTY = N_("The county")


def funder_name(names: dict[str, str], funder_code: str | None, language: str) -> str:
    """The municipality that grants, or the county itself (no code)."""
    return names.get(funder_code or "", "") or translate_in(language, THE_COUNTY)
