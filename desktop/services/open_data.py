"""Open data for guidance platforms (Lähellä.fi, Yhdistystori): what may be published.

The published activities of active organisations, those organisations, the premises the
activities are held in and the municipalities they name. Personal data goes out only for
contact persons marked public: an organisation's own e-mail or phone that is the address or
number of a non-public contact person is left out too, since small associations often give
their chair's. The writers in :mod:`desktop.documents.open_data` render this as schema.org
JSON-LD and CSV; identifiers are the records' UUIDs, the same in every copy of the database.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.activities import published_activities
from desktop.storage.models import (
    ContactPerson,
    Municipality,
    Organisation,
    Premises,
    PremisesActivity,
    Representation,
)


@dataclass(frozen=True)
class OpenMunicipality:
    code: str  # Statistics Finland's municipality code
    name_fi: str
    name_sv: str


@dataclass(frozen=True)
class OpenContact:
    """A public contact person, once per organisation they are a contact for."""

    id: uuid.UUID
    organisation_id: uuid.UUID
    name: str
    role: str
    email: str
    phone: str
    language: str


@dataclass(frozen=True)
class OpenOrganisation:
    id: uuid.UUID
    name_fi: str
    name_sv: str
    abbreviation: str
    business_id: str
    municipality: OpenMunicipality | None
    website: str
    email: str
    phone: str
    description: str
    modified: dt.datetime


@dataclass(frozen=True)
class OpenPlace:
    id: uuid.UUID
    name_fi: str
    name_sv: str
    address: str
    municipality: OpenMunicipality | None
    kind: str  # a PremisesType code
    capacity: int | None
    step_free: bool
    accessible_toilet: bool
    induction_loop: bool
    equipment: str
    terms: str  # a PremisesTerms code
    booking: str
    availability: str
    modified: dt.datetime


@dataclass(frozen=True)
class OpenEvent:
    """A published activity; ``names`` maps a language code to the title in it."""

    id: uuid.UUID
    organisation_id: uuid.UUID
    language: str
    names: dict[str, str]
    description: str
    target_group: str
    schedule: str
    municipalities: list[OpenMunicipality]
    place_ids: list[uuid.UUID]
    free_of_charge: bool
    open_to_all: bool
    accessible: bool
    contact_id: uuid.UUID | None
    modified: dt.datetime


@dataclass(frozen=True)
class OpenData:
    organisations: list[OpenOrganisation] = field(default_factory=list)
    places: list[OpenPlace] = field(default_factory=list)
    events: list[OpenEvent] = field(default_factory=list)
    contacts: list[OpenContact] = field(default_factory=list)


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone or "")


def event_names(title: str, translation: str, language: str) -> dict[str, str]:
    """The title in the activity's language and, when given, in the other national one."""
    names = {language: title} if title else {}
    other = "fi" if language == "sv" else "sv"
    if translation and other not in names:
        names[other] = translation
    return names


def open_data(session: Session) -> OpenData:
    """Everything the export publishes, each list in a stable order (by id)."""
    activities = published_activities(session)
    municipalities = {m.code: OpenMunicipality(m.code, m.name_fi, m.name_sv)
                      for m in session.scalars(select(Municipality))}
    org_ids = {a.organisation_id for a in activities}
    orgs = sorted(session.scalars(select(Organisation).where(Organisation.id.in_(org_ids))),
                  key=lambda o: str(o.id)) if org_ids else []

    private_emails: set[str] = set()
    private_phones: set[str] = set()
    for person in session.scalars(select(ContactPerson).where(ContactPerson.public.is_(False))):
        if person.email:
            private_emails.add(person.email.casefold())
        if _digits(person.phone):
            private_phones.add(_digits(person.phone))

    contacts: dict[tuple[uuid.UUID, uuid.UUID], OpenContact] = {}

    def add_contact(person: ContactPerson, organisation_id: uuid.UUID, role: str) -> None:
        key = (person.id, organisation_id)
        if person.public and not person.deleted and key not in contacts:
            contacts[key] = OpenContact(person.id, organisation_id, person.name, role, person.email,
                                        person.phone, person.preferred_language)

    if org_ids:
        for link, person in session.execute(
            select(Representation, ContactPerson)
            .join(ContactPerson, Representation.contact_id == ContactPerson.id)
            .where(Representation.organisation_id.in_(org_ids), Representation.deleted.is_(False))
        ):
            add_contact(person, link.organisation_id, link.role)

    place_links: dict[uuid.UUID, list[uuid.UUID]] = {}
    activity_ids = [a.id for a in activities]
    if activity_ids:
        for held in session.scalars(
            select(PremisesActivity)
            .join(Premises, PremisesActivity.premises_id == Premises.id)
            .where(PremisesActivity.activity_id.in_(activity_ids),
                   PremisesActivity.deleted.is_(False), Premises.deleted.is_(False))
        ):
            place_links.setdefault(held.activity_id, []).append(held.premises_id)

    events = []
    for activity in sorted(activities, key=lambda a: str(a.id)):
        contact = activity.contact
        public_contact = contact is not None and contact.public and not contact.deleted
        if contact is not None and public_contact:
            add_contact(contact, activity.organisation_id, "")
        events.append(OpenEvent(
            id=activity.id, organisation_id=activity.organisation_id, language=activity.language,
            names=event_names(activity.title, activity.title_translation, activity.language),
            description=activity.description, target_group=activity.target_group,
            schedule=activity.when,
            municipalities=[municipalities[c] for c in activity.municipalities if c in municipalities],
            place_ids=sorted(set(place_links.get(activity.id, [])), key=str),
            free_of_charge=activity.free_of_charge, open_to_all=activity.open_to_all,
            accessible=activity.accessible,
            contact_id=activity.contact_id if public_contact else None,
            modified=activity.updated_at,
        ))

    place_ids = {pid for ids in place_links.values() for pid in ids}
    places = [
        OpenPlace(
            id=p.id, name_fi=p.name_fi, name_sv=p.name_sv, address=p.address,
            municipality=municipalities.get(p.municipality_code or ""), kind=p.kind,
            capacity=p.capacity, step_free=p.step_free, accessible_toilet=p.accessible_toilet,
            induction_loop=p.induction_loop, equipment=p.equipment, terms=p.terms,
            booking=p.booking, availability=p.availability, modified=p.updated_at,
        )
        for p in sorted(session.scalars(select(Premises).where(Premises.id.in_(place_ids))),
                        key=lambda p: str(p.id))
    ] if place_ids else []

    def public_email(email: str) -> str:
        return "" if email.casefold() in private_emails else email

    def public_phone(phone: str) -> str:
        return "" if _digits(phone) and _digits(phone) in private_phones else phone

    organisations = [
        OpenOrganisation(
            id=o.id, name_fi=o.name_fi, name_sv=o.name_sv, abbreviation=o.abbreviation,
            business_id=o.business_id, municipality=municipalities.get(o.domicile_code or ""),
            website=o.website, email=public_email(o.email), phone=public_phone(o.phone),
            description=o.description, modified=o.updated_at,
        )
        for o in orgs
    ]
    return OpenData(organisations, places, events,
                    sorted(contacts.values(), key=lambda c: (str(c.organisation_id), str(c.id))))
