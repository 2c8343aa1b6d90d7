"""The register as export data: a table of organisations and the contact persons' cards.

Everything here is plain text, already in the export's language, so that the writers in
``desktop.documents.register_export`` (CSV, XLSX) and ``desktop.documents.vcard`` need to know
nothing about the database. Deleted records (tombstones) are never exported.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from babel import Locale, UnknownLocaleError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import LANGUAGES, N_, translate_in
from desktop.services.vocabulary import label_in
from desktop.storage.models import ContactPerson, Municipality, Organisation, Representation
from desktop.storage.models.enums import OrganisationForm, OrganisationStatus, Sector

# The columns of the organisation table, in order (translated when the table is made).
ORGANISATION_HEADINGS: tuple[str, ...] = (
    N_("Name in Finnish"),
    N_("Name in Swedish"),
    N_("Abbreviation"),
    N_("Form of organisation"),
    N_("Business ID"),
    N_("Register number"),
    N_("Municipality of domicile"),
    N_("Active in municipalities"),
    N_("Sectors"),
    N_("Languages"),
    N_("Website"),
    N_("E-mail"),
    N_("Phone"),
    N_("Postal address"),
    N_("Status"),
    N_("Contact persons"),
    N_("Description"),
)

LIST_SEPARATOR = ", "  # between items of one cell: municipalities, sectors, languages
CONTACT_SEPARATOR = "; "  # between contact persons of one organisation


@dataclass(frozen=True)
class Affiliation:
    """A contact person's organisation (its name) and role there."""

    organisation: str
    role: str


@dataclass(frozen=True)
class ContactCard:
    """What a business card of a contact person holds; ``organisations`` sorted by name."""

    id: uuid.UUID
    name: str
    email: str
    phone: str
    preferred_language: str  # fi, sv or en
    organisations: tuple[Affiliation, ...]


def organisation_headings(language: str) -> list[str]:
    """The column headings of :func:`organisation_table` in ``language``."""
    return [translate_in(language, heading) for heading in ORGANISATION_HEADINGS]


def organisation_table(
    session: Session, language: str, ids: Sequence[uuid.UUID] | None = None
) -> tuple[list[str], list[list[str]]]:
    """Headings and one row per organisation, every cell text in ``language`` (fi, sv, en).

    Without ``ids``: every organisation that is not deleted, sorted by its name in
    ``language``. With ``ids`` (e.g. the user's filtered selection): those organisations in the
    given order; deleted and unknown ids are left out, a repeated id is exported once.
    """
    organisations = _organisations(session, ids)
    if ids is None:
        organisations.sort(key=lambda org: org.display_name(language).casefold())
    municipalities = _municipality_names(session, language)
    contacts = _contacts_by_organisation(session, [org.id for org in organisations])
    language_names = _language_names(language)
    rows = []
    for org in organisations:
        rows.append(
            [
                org.name_fi,
                org.name_sv,
                org.abbreviation,
                label_in(language, OrganisationForm, org.form),
                org.business_id,
                org.register_number,
                municipalities.get(org.domicile_code or "", org.domicile_code or ""),
                LIST_SEPARATOR.join(
                    municipalities.get(code, code) for code in org.active_municipalities or []
                ),
                LIST_SEPARATOR.join(label_in(language, Sector, code) for code in org.sectors or []),
                LIST_SEPARATOR.join(language_names.get(code, code) for code in org.languages or []),
                org.website,
                org.email,
                org.phone,
                org.postal_address,
                label_in(language, OrganisationStatus, org.status),
                CONTACT_SEPARATOR.join(
                    f"{name} ({role})" if role else name for name, role in contacts.get(org.id, [])
                ),
                org.description,
            ]
        )
    return organisation_headings(language), rows


def contact_people(
    session: Session, ids: Sequence[uuid.UUID] | None = None, language: str | None = None
) -> list[ContactCard]:
    """Cards of the contact persons that are not deleted.

    Without ``ids``: everyone, sorted by name; with ``ids``: those persons in the given order
    (deleted and unknown ids left out). An organisation is named in ``language``, or by default
    in the person's own preferred language; deleted organisations and roles are left out.
    """
    query = select(ContactPerson).where(ContactPerson.deleted.is_(False))
    if ids is not None:
        query = query.where(ContactPerson.id.in_(list(ids)))
    people = list(session.scalars(query))
    if ids is None:
        people.sort(key=lambda person: (person.name.casefold(), person.name, str(person.id)))
    else:
        people = _in_order(people, ids)

    roles: dict[uuid.UUID, list[tuple[Organisation, str]]] = defaultdict(list)
    person_ids = [person.id for person in people]
    for chunk in _chunks(person_ids):
        rows = session.execute(
            select(Representation.contact_id, Organisation, Representation.role)
            .join(Organisation, Representation.organisation_id == Organisation.id)
            .where(
                Representation.contact_id.in_(chunk),
                Representation.deleted.is_(False),
                Organisation.deleted.is_(False),
            )
        )
        for contact_id, organisation, role in rows:
            roles[contact_id].append((organisation, role))

    cards = []
    for person in people:
        name_language = language or person.preferred_language
        affiliations = sorted(
            (
                Affiliation(organisation.display_name(name_language), role)
                for organisation, role in roles.get(person.id, [])
            ),
            key=lambda a: (a.organisation.casefold(), a.organisation, a.role),
        )
        cards.append(
            ContactCard(
                id=person.id,
                name=person.name,
                email=person.email,
                phone=person.phone,
                preferred_language=person.preferred_language,
                organisations=tuple(affiliations),
            )
        )
    return cards


# -- helpers ------------------------------------------------------------------------------

_Record = TypeVar("_Record", Organisation, ContactPerson)

# SQLite allows 32766 bound parameters since 3.32; stay well below any backend's limit.
_CHUNK = 500


def _chunks(ids: list[uuid.UUID]) -> Iterable[list[uuid.UUID]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _in_order(records: list[_Record], ids: Sequence[uuid.UUID]) -> list[_Record]:
    by_id = {record.id: record for record in records}
    seen: set[uuid.UUID] = set()
    ordered = []
    for record_id in ids:
        if record_id in by_id and record_id not in seen:
            seen.add(record_id)
            ordered.append(by_id[record_id])
    return ordered


def _organisations(session: Session, ids: Sequence[uuid.UUID] | None) -> list[Organisation]:
    query = select(Organisation).where(Organisation.deleted.is_(False))
    if ids is None:
        return list(session.scalars(query))
    found: list[Organisation] = []
    for chunk in _chunks(list(dict.fromkeys(ids))):
        found += session.scalars(query.where(Organisation.id.in_(chunk)))
    return _in_order(found, ids)


def _municipality_names(session: Session, language: str) -> dict[str, str]:
    return {m.code: m.name(language) for m in session.scalars(select(Municipality))}


def _contacts_by_organisation(
    session: Session, organisation_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, str]]]:
    """(name, role) of each organisation's contact persons, sorted by name."""
    found: dict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
    for chunk in _chunks(organisation_ids):
        rows = session.execute(
            select(Representation.organisation_id, ContactPerson.name, Representation.role)
            .join(ContactPerson, Representation.contact_id == ContactPerson.id)
            .where(
                Representation.organisation_id.in_(chunk),
                Representation.deleted.is_(False),
                ContactPerson.deleted.is_(False),
            )
        )
        for organisation_id, name, role in rows:
            found[organisation_id].append((name, role))
    for people in found.values():
        people.sort(key=lambda pair: (pair[0].casefold(), pair[0], pair[1]))
    return found


def _language_names(language: str) -> dict[str, str]:
    """Language codes (fi, sv, en) named in ``language``: "ruotsi", "svenska", "Swedish"."""
    try:
        locale = Locale.parse(LANGUAGES.get(language, LANGUAGES["en"])[0])
    except (UnknownLocaleError, ValueError):
        return {}
    return dict(locale.languages)
