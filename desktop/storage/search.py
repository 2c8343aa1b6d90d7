"""The register's search index: substring search over everything an officer may type.

One document per organisation (names in both languages, abbreviation, Business ID, register
number, municipality names, sector labels in every language, contact names, the titles of its
activities), casefolded, kept in an SQLite FTS5 table with the trigram tokenizer, which matches
substrings and keeps ``ä`` and ``a`` apart. It is updated inside the same transaction as the
change (see ``Store.operation``). The SQLite-specific SQL is here and in the migration only;
PostgreSQL will use pg_trgm.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.i18n import LANGUAGES, translate_in
from desktop.storage.models import (
    Activity,
    ContactPerson,
    Municipality,
    Organisation,
    Representation,
)
from desktop.storage.models.enums import LABELS, Sector
from desktop.storage.tracking import Changes

TABLE = "organisation_search"
# Bump when the document's contents change: the store then rebuilds the index at start.
INDEX_VERSION = "2"
META_KEY = "search.index_version"
_TRIGRAM = 3


def _sector_labels() -> dict[str, str]:
    """Every sector's label in every language, so a search works whatever the interface language."""
    return {
        sector.value: " ".join(translate_in(lang, LABELS[(Sector, sector.value)]) for lang in LANGUAGES)
        for sector in Sector
    }


def documents(session: Session, ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, str]:
    """The search document of each organisation (all of them when ``ids`` is None)."""
    query = select(Organisation).where(Organisation.deleted.is_(False))
    id_list = None if ids is None else list(ids)
    if id_list is not None:
        query = query.where(Organisation.id.in_(id_list))
    municipalities = {m.code: f"{m.name_fi} {m.name_sv}" for m in session.scalars(select(Municipality))}
    sectors = _sector_labels()
    contacts: dict[uuid.UUID, list[str]] = {}
    contact_query = (
        select(Representation.organisation_id, ContactPerson.name)
        .join(ContactPerson, Representation.contact_id == ContactPerson.id)
        .where(Representation.deleted.is_(False), ContactPerson.deleted.is_(False))
    )
    if id_list is not None:
        contact_query = contact_query.where(Representation.organisation_id.in_(id_list))
    for org_id, name in session.execute(contact_query):
        contacts.setdefault(org_id, []).append(name)
    activities: dict[uuid.UUID, list[str]] = {}
    activity_query = select(Activity.organisation_id, Activity.title).where(Activity.deleted.is_(False))
    if id_list is not None:
        activity_query = activity_query.where(Activity.organisation_id.in_(id_list))
    for org_id, title in session.execute(activity_query):
        activities.setdefault(org_id, []).append(title)
    result = {}
    for org in session.scalars(query):
        parts = [org.name_fi, org.name_sv, org.abbreviation, org.business_id, org.register_number,
                 municipalities.get(org.domicile_code or "", ""),
                 *(municipalities.get(code, "") for code in org.active_municipalities),
                 *(sectors.get(code, code) for code in org.sectors),
                 *contacts.get(org.id, []),
                 *activities.get(org.id, [])]
        result[org.id] = " ".join(p for p in parts if p).casefold()
    return result


def reindex(session: Session, ids: Iterable[uuid.UUID] | None = None) -> None:
    """Rewrite the index rows of ``ids`` (or of everything) from the current data."""
    id_list = None if ids is None else list(ids)
    if id_list is None:
        session.execute(text(f"DELETE FROM {TABLE}"))
    else:
        for org_id in id_list:
            session.execute(text(f"DELETE FROM {TABLE} WHERE org_id = :id"), {"id": org_id.hex})
    docs = documents(session, id_list)
    if docs:
        session.execute(
            text(f"INSERT INTO {TABLE} (org_id, doc) VALUES (:id, :doc)"),
            [{"id": org_id.hex, "doc": doc} for org_id, doc in docs.items()],
        )


def affected_organisations(session: Session, changes: Changes) -> set[uuid.UUID]:
    """Organisations whose document an operation's changes may have altered."""
    ids: set[uuid.UUID] = set()
    for kind in ("inserted", "updated", "deleted"):
        ids |= getattr(changes, kind).get("organisation", set())
    links = set().union(*(getattr(changes, k).get("representation", set())
                          for k in ("inserted", "updated", "deleted")))
    people = set().union(*(getattr(changes, k).get("contact_person", set())
                           for k in ("inserted", "updated", "deleted")))
    activities = set().union(*(getattr(changes, k).get("activity", set())
                               for k in ("inserted", "updated", "deleted")))
    if activities:
        ids |= set(session.scalars(select(Activity.organisation_id)
                                   .where(Activity.id.in_(activities))))
    if links:
        ids |= set(session.scalars(select(Representation.organisation_id)
                                   .where(Representation.id.in_(links))))
    if people:
        ids |= set(session.scalars(select(Representation.organisation_id)
                                   .where(Representation.contact_id.in_(people))))
    return ids


def matching_ids(session: Session, query: str) -> list[uuid.UUID]:
    """Organisations whose document contains every word of ``query`` (substring, casefolded)."""
    words = query.casefold().split()
    if not words:
        return []
    clauses, params = [], {}
    for n, word in enumerate(words):
        if len(word) >= _TRIGRAM:
            # A phrase of trigrams: FTS5 finds it through the index, even in the middle of a word.
            clauses.append(f"doc MATCH :w{n}")
            params[f"w{n}"] = '"' + word.replace('"', '""') + '"'
        else:
            clauses.append(f"instr(doc, :w{n}) > 0")
            params[f"w{n}"] = word
    rows = session.execute(text(f"SELECT org_id FROM {TABLE} WHERE " + " AND ".join(clauses)), params)
    return [uuid.UUID(hex=row[0]) for row in rows]
