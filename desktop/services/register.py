"""The organisation register: reading and writing organisations."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.services.vocabulary import label
from desktop.storage import search
from desktop.storage.models import Municipality, Organisation
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


def organisation_rows(store: Store, language: str) -> list[OrganisationRow]:
    """All organisations that are not deleted, sorted by their name in ``language``."""
    with store.read() as session:
        names = _municipality_names(session, language)
        rows = []
        for org in session.scalars(select(Organisation).where(Organisation.deleted.is_(False))):
            name = org.display_name(language)
            other = org.name_fi if name == org.name_sv else org.name_sv
            domicile = names.get(org.domicile_code or "", "")
            sectors = ", ".join(label(Sector, code) for code in org.sectors)
            rows.append(
                OrganisationRow(
                    id=org.id,
                    name=name,
                    other_name=other if other != name else "",
                    business_id=org.business_id,
                    domicile=domicile,
                    sectors=sectors,
                    status=label(OrganisationStatus, org.status),
                )
            )
    rows.sort(key=lambda r: r.name.casefold())
    return rows


def matching_ids(store: Store, query: str) -> set[uuid.UUID]:
    """Organisations whose names, IDs, municipalities, sectors or contacts contain every word.

    Substring matching through the search index; ``ä`` and ``a`` stay different letters.
    """
    with store.read() as session:
        return set(search.matching_ids(session, query))


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
