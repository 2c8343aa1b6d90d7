"""What the grants page and its dialogs show, read from the store as plain frozen data.

Each function opens its own session and hands back dataclasses, so the UI holds no records and
a refresh after any change simply reads again. Money is integer cents.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from desktop.documents.files import safe_file_name
from desktop.i18n import N_, translate_in
from desktop.i18n.formatting import format_date
from desktop.services.activities import activity_rows
from desktop.services.activities import municipality_names as sorted_municipalities
from desktop.services.grants import applications as apps
from desktop.services.grants import follow_up
from desktop.services.grants._common import live_application, live_call
from desktop.services.grants.calls import CallRow, call_rows_in
from desktop.services.grants.decisions import payments_of
from desktop.services.grants.letter import DecisionLetter, decision_letter, letter_language
from desktop.storage.models import AgendaItem, Meeting, Organisation
from desktop.storage.store import Store


@dataclass(frozen=True)
class CallDetails:
    """A call's own fields, for its dialog."""

    id: uuid.UUID
    year: int
    name: str
    grant_type: str
    funder_code: str | None
    budget_cents: int
    opens_on: dt.date | None
    closes_on: dt.date | None
    criteria: str


def call_details(store: Store, call_id: uuid.UUID) -> CallDetails:
    with store.read() as session:
        call = live_call(session, call_id)
        return CallDetails(call.id, call.year, call.name, call.grant_type, call.funder_code,
                           call.budget_cents, call.opens_on, call.closes_on, call.criteria)


def call_row(store: Store, call_id: uuid.UUID, language: str) -> CallRow | None:
    """One call with its budget used and left, or None when it is gone."""
    with store.read() as session:
        return next((row for row in call_rows_in(session, language) if row.id == call_id), None)


def municipality_choices(store: Store, language: str) -> list[tuple[str, str]]:
    """(code, name) of every municipality, by name: funders and the municipalities reached."""
    with store.read() as session:
        return list(sorted_municipalities(session, language).items())


def activity_choices(store: Store, organisation_id: uuid.UUID,
                     language: str) -> list[tuple[uuid.UUID, str]]:
    """The organisation's own activities, which its application may support."""
    with store.read() as session:
        return [(row.activity_id, row.title) for row in
                activity_rows(session, organisation_id, language)]


# -- applications ------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentChoice:
    id: uuid.UUID
    filename: str
    size: int


@dataclass(frozen=True)
class ApplicationDetails:
    id: uuid.UUID
    call_id: uuid.UUID
    organisation_id: uuid.UUID
    organisation: str
    purpose: str
    applied_cents: int
    received_on: dt.date | None
    municipalities: tuple[str, ...]
    activity_ids: tuple[uuid.UUID, ...]
    attachments: tuple[AttachmentChoice, ...]
    decision_id: uuid.UUID | None


def application_details(store: Store, application_id: uuid.UUID,
                        language: str) -> ApplicationDetails:
    with store.read() as session:
        app = live_application(session, application_id)
        org = session.get(Organisation, app.organisation_id)
        decision = app.decision if app.decision is not None and not app.decision.deleted else None
        return ApplicationDetails(
            id=app.id, call_id=app.call_id, organisation_id=app.organisation_id,
            organisation=org.display_name(language) if org else "",
            purpose=app.purpose, applied_cents=app.applied_cents, received_on=app.received_on,
            municipalities=tuple(app.municipalities or ()),
            activity_ids=tuple(a.id for a in apps.supported_activities(session, app.id)),
            attachments=tuple(AttachmentChoice(a.id, a.filename, a.size)
                              for a in apps.attachments(session, app.id)),
            decision_id=decision.id if decision else None,
        )


def application_rows(store: Store, call_id: uuid.UUID, language: str) -> list[apps.ApplicationRow]:
    with store.read() as session:
        return apps.application_rows(session, call_id, language)


# -- decisions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentRow:
    id: uuid.UUID
    paid_on: dt.date
    amount_cents: int


@dataclass(frozen=True)
class DecisionDetails:
    """An application and its decision (None fields while undecided), for the decision dialog."""

    application_id: uuid.UUID
    organisation: str
    call: str
    applied_cents: int
    letter_language: str  # the organisation's: fi or sv
    decision_id: uuid.UUID | None
    granted_cents: int | None
    status: str  # DecisionStatus code, empty while undecided
    decided_on: dt.date | None
    deciding_body: str
    meeting_id: uuid.UUID | None  # of the § linked
    agenda_item_id: uuid.UUID | None
    reasoning: str
    conditions: str
    payment_terms: str
    report_due: dt.date | None
    report_received: dt.date | None
    report_accepted: dt.date | None
    payments: tuple[PaymentRow, ...]

    @property
    def paid_cents(self) -> int:
        return sum(p.amount_cents for p in self.payments)


def decision_details(store: Store, application_id: uuid.UUID, language: str) -> DecisionDetails:
    with store.read() as session:
        app = live_application(session, application_id)
        org = session.get(Organisation, app.organisation_id)
        assert org is not None  # a foreign key
        decision = app.decision if app.decision is not None and not app.decision.deleted else None
        item = session.get(AgendaItem, decision.agenda_item_id) if decision and \
            decision.agenda_item_id else None
        return DecisionDetails(
            application_id=app.id, organisation=org.display_name(language), call=app.call.name,
            applied_cents=app.applied_cents, letter_language=letter_language(org),
            decision_id=decision.id if decision else None,
            granted_cents=decision.granted_cents if decision else None,
            status=decision.status if decision else "",
            decided_on=decision.decided_on if decision else None,
            deciding_body=decision.deciding_body if decision else "",
            meeting_id=item.meeting_id if item is not None and not item.deleted else None,
            agenda_item_id=item.id if item is not None and not item.deleted else None,
            reasoning=decision.reasoning if decision else "",
            conditions=decision.conditions if decision else "",
            payment_terms=decision.payment_terms if decision else "",
            report_due=decision.report_due if decision else None,
            report_received=decision.report_received if decision else None,
            report_accepted=decision.report_accepted if decision else None,
            payments=tuple(PaymentRow(p.id, p.paid_on, p.amount_cents)
                           for p in payments_of(session, decision.id)) if decision else (),
        )


@dataclass(frozen=True)
class ItemChoice:
    id: uuid.UUID
    label: str  # "§ 12 Avustukset 2027"


@dataclass(frozen=True)
class MeetingChoice:
    id: uuid.UUID
    label: str  # "Pohjanmaan kumppanuuspöytä 3/2026 22.9.2026"
    body: str  # the deciding body's name, offered for the decision
    items: tuple[ItemChoice, ...]


def minutes_choices(store: Store, language: str) -> list[MeetingChoice]:
    """Meetings kept in the app, newest first, with the items a decision can be linked to:
    their own items (the template's standard ones, such as the opening, decide no grants)."""
    with store.read() as session:
        meetings = session.scalars(
            select(Meeting).where(Meeting.deleted.is_(False))
            .order_by(Meeting.date.desc(), Meeting.number.desc())).all()
        items: dict[uuid.UUID, list[ItemChoice]] = {}
        for item in session.scalars(
                select(AgendaItem).where(AgendaItem.deleted.is_(False),
                                         AgendaItem.standard_key == "")
                .order_by(AgendaItem.position, AgendaItem.section)):
            items.setdefault(item.meeting_id, []).append(
                ItemChoice(item.id, f"§ {item.section} {item.title}".strip()))
        return [
            MeetingChoice(
                id=m.id,
                label=f"{m.body.display_name(language)} {m.number}/{m.date.year} "
                      f"{format_date(m.date, language)}",
                body=m.body.display_name(language),
                items=tuple(items.get(m.id, ())),
            )
            for m in meetings
        ]


# -- follow-up, the organisation's page and the letter -----------------------------------


def follow_up_rows(store: Store, today: dt.date, language: str
                   ) -> tuple[list[follow_up.FollowUpRow], list[follow_up.FollowUpRow]]:
    """The overdue reports and the decisions not yet paid in full."""
    with store.read() as session:
        return (follow_up.overdue_reports(session, today, language),
                follow_up.unpaid_decisions(session, language))


def organisation_grants(store: Store, organisation_id: uuid.UUID,
                        language: str) -> list[follow_up.OrganisationGrant]:
    with store.read() as session:
        return follow_up.organisation_grants(session, organisation_id, language)


def letter_of(store: Store, decision_id: uuid.UUID) -> DecisionLetter:
    """The decision letter in the organisation's own language (fi or sv)."""
    with store.read() as session:
        return decision_letter(session, decision_id)


def letter_file_name(letter: DecisionLetter) -> str:
    """``Avustuspäätös 2027 Vaasan Seniorit ry.pdf`` in the letter's language: what the save
    dialog offers."""
    title = translate_in(letter.language, N_("Grant decision"))
    return safe_file_name(f"{title} {letter.year} {letter.organisation}") + ".pdf"
