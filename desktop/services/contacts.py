"""Contact persons of organisations: adding, editing, linking and unlinking, and their lists.

A person is one record however many organisations they represent; each organisation they
represent is a :class:`Representation` with the person's role there. Removing a person from an
organisation tombstones that link only: their data stays until it is erased (see
``personal_data``), since they may represent others or still be needed.

Every write is one store operation, so the search index (which holds contact names) changes in
the same transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import LANGUAGES, _
from desktop.services.fields import checked_fields
from desktop.services.personal_data import persons_to_review
from desktop.services.records import Seen, apply_edit, live_organisation, live_person, seen
from desktop.services.register import check_email
from desktop.storage.models import ContactPerson, Organisation, Representation
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

# What a caller may set on a person; the role belongs to the link with one organisation.
PERSON_FIELDS = frozenset({
    "name", "email", "phone", "preferred_language", "retention_basis", "retained_since",
    "last_contact", "public",
})  # fmt: skip
_TEXT_FIELDS = ("name", "email", "phone", "retention_basis")
_DATE_FIELDS = ("retained_since", "last_contact")


@dataclass(frozen=True)
class ContactRow:
    """One contact person of an organisation, as its Contacts tab lists them."""

    person_id: uuid.UUID
    name: str
    role: str
    email: str
    phone: str
    preferred_language: str
    last_contact: dt.date | None


@dataclass(frozen=True)
class ContactDetails:
    """A person's fields for editing, with their role in one organisation and the others."""

    person_id: uuid.UUID
    fields: dict[str, Any]
    role: str
    other_organisations: tuple[str, ...]
    # Handed back to ``update_contact``: another user's save meanwhile is noticed, not overwritten.
    start: Seen | None = None


@dataclass(frozen=True)
class PersonChoice:
    """A person found by name, to link to another organisation."""

    person_id: uuid.UUID
    name: str
    email: str
    organisations: tuple[str, ...]


@dataclass(frozen=True)
class ReviewRow:
    """A person whose data may no longer be needed."""

    person_id: uuid.UUID
    name: str
    organisations: tuple[str, ...]
    last_contact: dt.date | None
    retained_since: dt.date | None
    retention_basis: str


def field_errors(fields: dict[str, Any]) -> dict[str, str]:
    """Every person field that cannot be saved as it is, with the reason (translated)."""
    errors = {}
    if "name" in fields and not str(fields["name"] or "").strip():
        errors["name"] = _("A contact person needs a name.")
    reason = check_email(str(fields.get("email") or ""))[1]
    if reason:
        errors["email"] = reason
    if fields.get("preferred_language", "fi") not in LANGUAGES:
        errors["preferred_language"] = _("Unknown language: {code}").format(
            code=fields["preferred_language"])
    return errors


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    values = checked_fields(fields, PERSON_FIELDS, "contact person", _TEXT_FIELDS, field_errors)
    if "email" in values:
        values["email"] = check_email(values["email"])[0]
    if "public" in values:
        values["public"] = bool(values["public"])
    for name in _DATE_FIELDS:
        value = values.get(name)
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            raise TypeError(f"{name} must be a date or None, not {value!r}")
    return values


def _links(session: Session, organisation_id: uuid.UUID, person_id: uuid.UUID) -> list[Representation]:
    return list(session.scalars(select(Representation).where(
        Representation.organisation_id == organisation_id,
        Representation.contact_id == person_id,
        Representation.deleted.is_(False),
    )))


def add_contact(
    store: Store, organisation_id: uuid.UUID, role: str = "", **fields: Any
) -> tuple[uuid.UUID, Changes]:
    """A new person who represents the organisation in ``role``; returns the person's id.

    ``fields`` are among :data:`PERSON_FIELDS`; ``name`` is required and the e-mail must be an
    address (stored normalised). Raises ``ValidationError`` otherwise.
    """
    values = _clean({"name": "", **fields})

    def apply(session: Session) -> uuid.UUID:
        live_organisation(session, organisation_id)
        person = ContactPerson(**values)
        session.add(person)
        session.flush()
        session.add(Representation(organisation_id=organisation_id, contact_id=person.id,
                                   role=(role or "").strip()))
        return person.id

    return store.run_returning("add contact person", apply)


def update_contact(
    store: Store,
    person_id: uuid.UUID,
    organisation_id: uuid.UUID | None = None,
    role: str | None = None,
    start: Seen | None = None,
    **fields: Any,
) -> Changes:
    """Change a person's fields, and their role in ``organisation_id`` when ``role`` is given.

    An edit from ``start`` (``ContactDetails.start``) keeps what another user saved meanwhile,
    or raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    values = _clean(fields)

    def apply(session: Session) -> None:
        person = live_person(session, person_id)
        apply_edit(session, person, values, start)
        if organisation_id is not None and role is not None:
            for link in _links(session, organisation_id, person_id):
                if link.role != role.strip():
                    link.role = role.strip()

    return store.run("edit contact person", apply)


def link_contact(
    store: Store, organisation_id: uuid.UUID, person_id: uuid.UUID, role: str = ""
) -> Changes:
    """Make a person already in the register a contact of one more organisation."""

    def apply(session: Session) -> None:
        live_organisation(session, organisation_id)
        person = live_person(session, person_id)
        if _links(session, organisation_id, person_id):
            raise ValidationError(
                _("{name} is already a contact person of this organisation.").format(name=person.name))
        session.add(Representation(organisation_id=organisation_id, contact_id=person_id,
                                   role=(role or "").strip()))

    return store.run("link contact person", apply)


def unlink_contact(store: Store, organisation_id: uuid.UUID, person_id: uuid.UUID) -> Changes:
    """The person no longer represents the organisation; their record stays."""

    def apply(session: Session) -> None:
        for link in _links(session, organisation_id, person_id):
            link.deleted = True

    return store.run("remove contact person", apply)


def contact_rows(session: Session, organisation_id: uuid.UUID) -> list[ContactRow]:
    """The organisation's contact persons (neither they nor the link deleted), by name."""
    rows = [
        ContactRow(person.id, person.name, link.role, person.email, person.phone,
                   person.preferred_language, person.last_contact)
        for link, person in session.execute(
            select(Representation, ContactPerson)
            .join(ContactPerson, Representation.contact_id == ContactPerson.id)
            .where(Representation.organisation_id == organisation_id,
                   Representation.deleted.is_(False), ContactPerson.deleted.is_(False))
        )
    ]
    rows.sort(key=lambda r: (r.name.casefold(), r.name, str(r.person_id)))
    return rows


def _organisation_names(
    session: Session, person_ids: list[uuid.UUID], language: str
) -> dict[uuid.UUID, list[tuple[uuid.UUID, str]]]:
    """Person id -> (organisation id, name) of the organisations they represent now."""
    found: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
    # In slices: SQLite limits the number of bound parameters of one statement.
    for start in range(0, len(person_ids), 500):
        for link, org in session.execute(
            select(Representation, Organisation)
            .join(Organisation, Representation.organisation_id == Organisation.id)
            .where(Representation.contact_id.in_(person_ids[start:start + 500]),
                   Representation.deleted.is_(False), Organisation.deleted.is_(False))
        ):
            found.setdefault(link.contact_id, []).append((org.id, org.display_name(language)))
    for names in found.values():
        names.sort(key=lambda pair: pair[1].casefold())
    return found


def contact_details(
    session: Session, person_id: uuid.UUID, organisation_id: uuid.UUID | None, language: str
) -> ContactDetails:
    """What the contact person dialog shows; raises ``ValidationError`` for a missing person."""
    person = live_person(session, person_id)
    links = _links(session, organisation_id, person_id) if organisation_id else []
    others = _organisation_names(session, [person_id], language).get(person_id, [])
    return ContactDetails(
        person_id=person.id,
        fields={name: getattr(person, name) for name in PERSON_FIELDS},
        role=links[0].role if links else "",
        other_organisations=tuple(name for org_id, name in others if org_id != organisation_id),
        start=seen(person, PERSON_FIELDS),
    )


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_persons(
    session: Session, text: str, language: str, exclude_organisation: uuid.UUID | None = None,
    limit: int = 50,
) -> list[PersonChoice]:
    """Persons whose name contains ``text`` (any case), not deleted, by name; at most ``limit``.

    Those who already represent ``exclude_organisation`` are left out.
    """
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return []
    # SQLite's LIKE folds ASCII only: ask for the usual spellings, then compare casefolded.
    variants = {text.strip(), wanted, wanted.upper(), wanted.title(), wanted.capitalize()}
    query = select(ContactPerson).where(
        ContactPerson.deleted.is_(False),
        or_(*(ContactPerson.name.like(f"%{_like_escaped(v)}%", escape="\\") for v in variants)),
    )
    if exclude_organisation is not None:
        query = query.where(ContactPerson.id.not_in(
            select(Representation.contact_id).where(
                Representation.organisation_id == exclude_organisation,
                Representation.deleted.is_(False))))
    people = [p for p in session.scalars(query) if wanted in " ".join(p.name.split()).casefold()]
    people.sort(key=lambda p: (p.name.casefold(), p.name, str(p.id)))
    people = people[:limit]
    organisations = _organisation_names(session, [p.id for p in people], language)
    return [
        PersonChoice(p.id, p.name, p.email,
                     tuple(name for _id, name in organisations.get(p.id, [])))
        for p in people
    ]


def review_rows(
    session: Session, years: int, language: str, today: dt.date | None = None
) -> list[ReviewRow]:
    """:func:`~desktop.services.personal_data.persons_to_review` with what the list shows."""
    people = persons_to_review(session, years, today)
    organisations = _organisation_names(session, [p.id for p in people], language)
    return [
        ReviewRow(p.id, p.name, tuple(name for _id, name in organisations.get(p.id, [])),
                  p.last_contact, p.retained_since, p.retention_basis)
        for p in people
    ]
