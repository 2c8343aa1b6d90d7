"""Everything about one organisation, for its page: contacts, activities, interactions, grants, meetings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n.formatting import format_date, format_money
from desktop.services.activities import activities_of, interactions_of
from desktop.services.vocabulary import label
from desktop.storage.models import (
    Body,
    BodyMember,
    ContactPerson,
    GrantApplication,
    GrantCall,
    Meeting,
    Representation,
)
from desktop.storage.models.enums import DecisionStatus, InteractionKind, MemberRole


@dataclass(frozen=True)
class OrganisationOverview:
    """Lines ready to show, in the user's language; each list newest or most relevant first."""

    contacts: list[str]
    activities: list[str]
    interactions: list[str]
    grants: list[str]
    meetings: list[str]


def overview(session: Session, organisation_id: uuid.UUID, language: str) -> OrganisationOverview:
    contacts = [
        " · ".join(part for part in (person.name, link.role, person.email, person.phone) if part)
        for link, person in session.execute(
            select(Representation, ContactPerson)
            .join(ContactPerson, Representation.contact_id == ContactPerson.id)
            .where(Representation.organisation_id == organisation_id,
                   Representation.deleted.is_(False), ContactPerson.deleted.is_(False))
            .order_by(ContactPerson.name)
        )
    ]
    activities = [
        " · ".join(part for part in (a.title, a.when, a.target_group) if part)
        for a in activities_of(session, organisation_id)
    ]
    interactions = [
        f"{format_date(i.date, language)} {label(InteractionKind, i.kind)}"
        f"{' (' + i.officer + ')' if i.officer else ''}: {i.note}"
        for i in interactions_of(session, organisation_id)
    ]
    grants = []
    for application, call in session.execute(
        select(GrantApplication, GrantCall)
        .join(GrantCall, GrantApplication.call_id == GrantCall.id)
        .where(GrantApplication.organisation_id == organisation_id,
               GrantApplication.deleted.is_(False), GrantCall.deleted.is_(False))
        .order_by(GrantCall.year.desc(), GrantCall.name)
    ):
        decision = application.decision
        outcome = (
            f"{label(DecisionStatus, decision.status)} {format_money(decision.granted_cents, language)}"
            if decision is not None and not decision.deleted else "…"
        )
        grants.append(f"{call.year} {call.name}: {format_money(application.applied_cents, language)}"
                      f" → {outcome}")
    meetings = []
    for member, body in session.execute(
        select(BodyMember, Body).join(Body, BodyMember.body_id == Body.id)
        .where(BodyMember.organisation_id == organisation_id, BodyMember.deleted.is_(False))
    ):
        held = session.scalars(
            select(Meeting).where(Meeting.body_id == body.id, Meeting.deleted.is_(False))
            .order_by(Meeting.date.desc())
        ).all()
        dates = ", ".join(format_date(m.date, language) for m in held[:6])
        meetings.append(f"{body.display_name(language)} ({label(MemberRole, member.role)}): {dates}")
    return OrganisationOverview(contacts, activities, interactions, grants, meetings)
