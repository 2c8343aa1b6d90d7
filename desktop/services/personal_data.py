"""A contact person's data under the GDPR: what is kept (access), erasure, and review.

* :func:`person_report` gathers everything Kumppani keeps about one person: the record, the
  organisations they represent, the bodies they sit in, the activities they are the contact of,
  and the audit-log history of their record (when, by whom, which fields; not the values).
* :func:`erase_person` erases the person everywhere in one operation. The row stays as a
  tombstone (so the erasure travels to other copies through sync) but keeps no personal data;
  links to the person are removed; and the audit log, which is not synced, has the personal
  values of the person's record replaced with nulls, including those of the erasure itself.
* :func:`persons_to_review` lists the people whose data may no longer be needed.

Free text elsewhere (an agenda item's presenter or minutes that name the person) is not
changed: those are documents of the authority, not the register's data about the person.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.vocabulary import label_in
from desktop.storage.base import Syncable
from desktop.storage.models import (
    ActionItem,
    Activity,
    AuditEntry,
    Body,
    BodyMember,
    ContactPerson,
    LiaisonRole,
    Organisation,
    Representation,
)
from desktop.storage.models.enums import MemberRole
from desktop.storage.store import Store
from desktop.storage.tracking import Changes
from desktop.sync.conflicts import forget_record

TABLE = ContactPerson.__tablename__
# What an erased person's name becomes: shows that someone was here, says nothing of whom.
ERASED_NAME = "—"
# Fields of a contact person's audit entries that stay after erasure: they identify the
# record (a random UUID) and its tombstone, nothing about the person. Every other value is
# nulled, whatever columns the table gains later.
_KEPT_IN_AUDIT = frozenset({"id", "deleted"})

_NO_PERSON = N_("The contact person no longer exists.")


@dataclass(frozen=True)
class PersonOrganisation:
    """An organisation the person represents, in a role."""

    organisation_id: uuid.UUID
    name: str
    role: str


@dataclass(frozen=True)
class PersonBody:
    """A seat in a body: as its representative or deputy."""

    body_id: uuid.UUID
    body: str
    organisation: str  # whom the seat is for; empty for the county's own staff
    role: str  # the member's role in the body, translated
    deputy: bool  # True when the person is the seat's deputy
    term_start: dt.date | None
    term_end: dt.date | None


@dataclass(frozen=True)
class PersonActivity:
    """An activity the person is the contact of."""

    activity_id: uuid.UUID
    title: str
    organisation: str


@dataclass(frozen=True)
class HistoryEntry:
    """One audit-log entry of the person's record (which fields changed, not the values)."""

    at: dt.datetime  # naive UTC, as stored
    officer: str
    operation: str
    action: str  # insert, update or delete
    fields: tuple[str, ...]


@dataclass(frozen=True)
class PersonReport:
    """Everything Kumppani keeps about one contact person, labels in ``language``."""

    language: str
    created: dt.date
    person_id: uuid.UUID
    name: str
    email: str
    phone: str
    preferred_language: str
    retention_basis: str
    retained_since: dt.date | None
    last_contact: dt.date | None
    record_created: dt.datetime
    record_updated: dt.datetime
    deleted: bool
    organisations: tuple[PersonOrganisation, ...]
    bodies: tuple[PersonBody, ...]
    activities: tuple[PersonActivity, ...]
    history: tuple[HistoryEntry, ...]


def _get_person(session: Session, person_id: uuid.UUID) -> ContactPerson:
    person = session.get(ContactPerson, person_id)
    if person is None:
        raise ValidationError(_(_NO_PERSON))
    return person


def _audit_entries(session: Session, person_id: uuid.UUID) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == TABLE, AuditEntry.record_id == str(person_id))
            .order_by(AuditEntry.at, AuditEntry.id)
        )
    )


def person_report(
    session: Session, person_id: uuid.UUID, language: str, today: dt.date | None = None
) -> PersonReport:
    """What Kumppani keeps about the person (deleted links left out); raises ValidationError."""
    person = _get_person(session, person_id)
    organisations = [
        PersonOrganisation(org.id, org.display_name(language), rep.role)
        for rep, org in session.execute(
            select(Representation, Organisation)
            .join(Organisation, Representation.organisation_id == Organisation.id)
            .where(
                Representation.contact_id == person_id,
                Representation.deleted.is_(False),
                Organisation.deleted.is_(False),
            )
        )
    ]
    organisations.sort(key=lambda o: o.name.casefold())

    org_names = {
        org.id: org.display_name(language)
        for org in session.scalars(select(Organisation))
    }
    bodies = []
    for member, body in session.execute(
        select(BodyMember, Body)
        .join(Body, BodyMember.body_id == Body.id)
        .where(
            or_(BodyMember.representative_id == person_id, BodyMember.deputy_id == person_id),
            BodyMember.deleted.is_(False),
            Body.deleted.is_(False),
        )
    ):
        bodies.append(
            PersonBody(
                body_id=body.id,
                body=body.display_name(language),
                organisation=org_names.get(member.organisation_id, "")
                if member.organisation_id
                else "",
                role=label_in(language, MemberRole, member.role),
                deputy=member.representative_id != person_id,
                term_start=member.term_start,
                term_end=member.term_end,
            )
        )
    bodies.sort(key=lambda b: (b.body.casefold(), b.term_start or dt.date.min))

    activities = [
        PersonActivity(activity.id, activity.title, org_names.get(activity.organisation_id, ""))
        for activity in session.scalars(
            select(Activity).where(Activity.contact_id == person_id, Activity.deleted.is_(False))
        )
    ]
    activities.sort(key=lambda a: (a.organisation.casefold(), a.title.casefold()))

    history = tuple(
        HistoryEntry(
            at=entry.at,
            officer=entry.officer,
            operation=entry.operation,
            action=entry.action,
            fields=tuple(
                key for key in entry.changes if key not in Syncable.SYNC_COLUMNS and key != "id"
            ),
        )
        for entry in _audit_entries(session, person_id)
    )
    return PersonReport(
        language=language,
        created=today or dt.date.today(),
        person_id=person.id,
        name=person.name,
        email=person.email,
        phone=person.phone,
        preferred_language=person.preferred_language,
        retention_basis=person.retention_basis,
        retained_since=person.retained_since,
        last_contact=person.last_contact,
        record_created=person.created_at,
        record_updated=person.updated_at,
        deleted=person.deleted,
        organisations=tuple(organisations),
        bodies=tuple(bodies),
        activities=tuple(activities),
        history=history,
    )


def _scrub(changes: dict) -> dict:
    """``changes`` with the old and new value of every personal field nulled."""
    return {
        key: (value if key in _KEPT_IN_AUDIT else [None, None]) for key, value in changes.items()
    }


def erase_person(store: Store, person_id: uuid.UUID) -> Changes:
    """Erase the person everywhere, in one operation; raises ValidationError if there is none.

    The row becomes a tombstone with no personal data, their representations are tombstoned,
    their seats in bodies, activities and action items lose them, and the audit log of their record keeps
    only which fields changed and when.
    """

    def apply(session: Session) -> None:
        person = _get_person(session, person_id)
        person.name = ERASED_NAME
        person.email = ""
        person.phone = ""
        person.retention_basis = ""
        person.public = False
        person.retained_since = None
        person.last_contact = None
        person.deleted = True
        for rep in session.scalars(
            select(Representation).where(
                Representation.contact_id == person_id, Representation.deleted.is_(False)
            )
        ):
            rep.deleted = True
        for member in session.scalars(
            select(BodyMember).where(
                or_(BodyMember.representative_id == person_id, BodyMember.deputy_id == person_id)
            )
        ):
            if member.representative_id == person_id:
                member.representative_id = None
            if member.deputy_id == person_id:
                member.deputy_id = None
        for activity in session.scalars(select(Activity).where(Activity.contact_id == person_id)):
            activity.contact_id = None
        # Action items lose their owner; the minutes' attendance and dissents stay as written,
        # since approved minutes are the body's official record.
        for action in session.scalars(select(ActionItem).where(ActionItem.owner_person_id == person_id)):
            action.owner_person_id = None
        # A liaison role names the person: it goes, and the network shows the gap again.
        for role in session.scalars(
            select(LiaisonRole).where(LiaisonRole.contact_id == person_id, LiaisonRole.deleted.is_(False))
        ):
            role.deleted = True
        # A sync conflict keeps both values of a field: the person's old ones go too.
        forget_record(session, "contact_person", person_id)
        # The tracking hook audits the erasure itself (old values included) at the flush:
        # flush first, so that its entry is scrubbed too.
        session.flush()
        for entry in _audit_entries(session, person_id):
            scrubbed = _scrub(dict(entry.changes))
            if scrubbed != entry.changes:
                entry.changes = scrubbed

    return store.run("erase contact person", apply)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def persons_to_review(
    session: Session, years: int, today: dt.date | None = None
) -> list[ContactPerson]:
    """Persons (not deleted) last contacted more than ``years`` years ago, oldest first.

    When ``last_contact`` is empty, ``retained_since`` counts; a person with neither comes
    first, since nothing shows why their data is still needed.
    """
    cutoff = _years_before(today or dt.date.today(), years)
    due: list[tuple[dt.date | None, ContactPerson]] = []
    for person in session.scalars(select(ContactPerson).where(ContactPerson.deleted.is_(False))):
        reference = person.last_contact or person.retained_since
        if reference is None or reference < cutoff:
            due.append((reference, person))
    due.sort(key=lambda pair: (pair[0] is not None, pair[0] or dt.date.min, pair[1].name.casefold()))
    return [person for _reference, person in due]
