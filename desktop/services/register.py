"""The organisation register: reading and writing organisations."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.services.vocabulary import label
from desktop.storage.models import ContactPerson, Municipality, Organisation, Representation
from desktop.storage.models.enums import OrganisationStatus, Sector
from desktop.storage.store import Store
from desktop.storage.tracking import Changes


@dataclass(frozen=True)
class OrganisationRow:
    """One line of the register view, already in the user's language."""

    id: uuid.UUID
    name: str
    other_name: str
    business_id: str
    domicile: str
    sectors: str
    status: str
    search_text: str


def organisation_rows(store: Store, language: str) -> list[OrganisationRow]:
    """All organisations that are not deleted, sorted by their name in ``language``."""
    with store.read() as session:
        names = _municipality_names(session, language)
        contacts = _contact_names_by_organisation(session)
        rows = []
        for org in session.scalars(select(Organisation).where(Organisation.deleted.is_(False))):
            name = org.display_name(language)
            other = org.name_fi if name == org.name_sv else org.name_sv
            domicile = names.get(org.domicile_code or "", "")
            sectors = ", ".join(label(Sector, code) for code in org.sectors)
            haystack = " ".join(
                [org.name_fi, org.name_sv, org.abbreviation, org.business_id, org.register_number,
                 domicile, sectors, *contacts.get(org.id, [])]
            )
            rows.append(
                OrganisationRow(
                    id=org.id,
                    name=name,
                    other_name=other if other != name else "",
                    business_id=org.business_id,
                    domicile=domicile,
                    sectors=sectors,
                    status=label(OrganisationStatus, org.status),
                    search_text=haystack.casefold(),
                )
            )
    rows.sort(key=lambda r: r.name.casefold())
    return rows


def matches(row: OrganisationRow, query: str) -> bool:
    """Substring match of every word; ``ä`` and ``a`` stay different letters."""
    return all(word in row.search_text for word in query.casefold().split())


def count_organisations(store: Store) -> int:
    with store.read() as session:
        return session.scalar(
            select(func.count()).select_from(Organisation).where(Organisation.deleted.is_(False))
        ) or 0


def mark_deleted(store: Store, organisation_id: uuid.UUID) -> Changes:
    """Delete an organisation: a tombstone that travels to other copies, not a removed row."""

    def apply(session: Session) -> None:
        org = session.get(Organisation, organisation_id)
        if org is not None:
            org.deleted = True

    return store.run("delete organisation", apply)


def restore(store: Store, organisation_id: uuid.UUID) -> Changes:
    """Undo :func:`mark_deleted`."""

    def apply(session: Session) -> None:
        org = session.get(Organisation, organisation_id)
        if org is not None:
            org.deleted = False

    return store.run("restore organisation", apply)


def _municipality_names(session: Session, language: str) -> dict[str, str]:
    return {m.code: m.name(language) for m in session.scalars(select(Municipality))}


def _contact_names_by_organisation(session: Session) -> dict[uuid.UUID, list[str]]:
    result: dict[uuid.UUID, list[str]] = {}
    query = (
        select(Representation.organisation_id, ContactPerson.name)
        .join(ContactPerson, Representation.contact_id == ContactPerson.id)
        .where(Representation.deleted.is_(False), ContactPerson.deleted.is_(False))
    )
    for org_id, name in session.execute(query):
        result.setdefault(org_id, []).append(name)
    return result
