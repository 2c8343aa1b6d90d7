"""The content of a decision letter to an organisation, in its language (Finnish or Swedish)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, translate_in
from desktop.i18n.formatting import format_date
from desktop.services.grants._common import live_application, live_decision
from desktop.services.grants.decisions import payments_of
from desktop.services.vocabulary import label_in
from desktop.storage.models import AgendaItem, Meeting, Municipality, Organisation
from desktop.storage.models.enums import DecisionStatus

LETTER_LANGUAGES = ("fi", "sv")
_COUNTY = N_("The wellbeing services county")


@dataclass(frozen=True)
class DecisionLetter:
    """What the letter says, texts already in ``language``; money in integer cents."""

    language: str
    funder: str  # the county or the municipality that decided: the letter's header
    organisation: str
    postal_address: str
    business_id: str
    call: str
    year: int
    purpose: str
    applied_cents: int
    granted_cents: int  # 0 when rejected or cancelled
    status: str
    status_code: str
    decided_on: dt.date | None
    deciding_body: str
    minutes: str  # "Body 12.3.2026 § 5" where decided in a meeting kept in the app
    reasoning: str
    conditions: str
    report_due: dt.date | None
    payment_terms: str
    payments: list[tuple[dt.date, int]] = field(default_factory=list)


def letter_language(org: Organisation) -> str:
    """Swedish for an organisation whose first language is Swedish, otherwise Finnish."""
    first = org.languages[0] if org.languages else "fi"
    return first if first in LETTER_LANGUAGES else "fi"


def county_name(session: Session, language: str) -> str:
    """The wellbeing services county of most organisations' home municipalities."""
    counties = Counter(
        (row.wellbeing_county_sv if language == "sv" else row.wellbeing_county_fi)
        for row in session.execute(
            select(Municipality.wellbeing_county_fi, Municipality.wellbeing_county_sv)
            .join(Organisation, Organisation.domicile_code == Municipality.code)
            .where(Organisation.deleted.is_(False)))
    )
    counties.pop("", None)
    if counties:
        return counties.most_common(1)[0][0]
    return translate_in(language, _COUNTY)


def decision_letter(session: Session, decision_id: uuid.UUID,
                    language: str | None = None) -> DecisionLetter:
    """The letter of a decision, in ``language`` or else the organisation's own (fi or sv)."""
    decision = live_decision(session, decision_id)
    application = live_application(session, decision.application_id)
    org = session.get(Organisation, application.organisation_id)
    assert org is not None  # a foreign key
    call = application.call
    lang = language if language in LETTER_LANGUAGES else letter_language(org)
    if call.funder_code:
        municipality = session.get(Municipality, call.funder_code)
        funder = municipality.name(lang) if municipality else call.funder_code
    else:
        funder = county_name(session, lang)
    minutes = ""
    if decision.agenda_item_id is not None:
        item = session.get(AgendaItem, decision.agenda_item_id)
        if item is not None and not item.deleted:
            meeting = session.get(Meeting, item.meeting_id)
            if meeting is not None:
                minutes = (f"{meeting.body.display_name(lang)} {format_date(meeting.date, lang)}"
                           f" § {item.section}")
    cancelled = decision.status == DecisionStatus.CANCELLED
    return DecisionLetter(
        language=lang,
        funder=funder,
        organisation=org.display_name(lang),
        postal_address=org.postal_address,
        business_id=org.business_id,
        call=call.name,
        year=call.year,
        purpose=application.purpose,
        applied_cents=application.applied_cents,
        granted_cents=0 if cancelled else decision.granted_cents,
        status=label_in(lang, DecisionStatus, decision.status),
        status_code=decision.status,
        decided_on=decision.decided_on,
        deciding_body=decision.deciding_body,
        minutes=minutes,
        reasoning=decision.reasoning,
        conditions=decision.conditions,
        report_due=decision.report_due,
        payment_terms=decision.payment_terms,
        payments=[(p.paid_on, p.amount_cents) for p in payments_of(session, decision.id)],
    )
