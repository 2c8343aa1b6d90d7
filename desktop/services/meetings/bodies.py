"""Bodies (partnership tables, organisation arenas, working groups) and their members.

A member is a seat: usually an organisation with its representative and deputy, both contact
persons of that organisation in the register; officials (the secretary) sit without one. The
term says when the seat counts: a former member stays on record for earlier meetings.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.meetings.common import clean, get_body
from desktop.services.records import (
    Seen,
    apply_edit,
    live,
    live_organisation,
    live_person,
    seen,
)
from desktop.services.vocabulary import label
from desktop.storage.models import (
    Body,
    BodyMember,
    ContactPerson,
    Meeting,
    Organisation,
    Representation,
)
from desktop.storage.models.enums import BodyKind, MemberRole, RecordKind
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

BODY_LANGUAGES = ("fi", "sv", "en")
BODY_FIELDS = frozenset(
    {"name_fi", "name_sv", "kind", "languages", "record_kind", "appeal_authority"})
MEMBER_FIELDS = frozenset(
    {"organisation_id", "representative_id", "deputy_id", "role", "term_start", "term_end"})


# -- bodies ------------------------------------------------------------------------------


def list_bodies(session: Session) -> list[Body]:
    bodies = session.scalars(select(Body).where(Body.deleted.is_(False))).all()
    return sorted(bodies, key=lambda b: (b.name_fi or b.name_sv).casefold())


def _body_values(name_fi: str, name_sv: str, kind: str, languages: list[str] | None) -> dict:
    name_fi, name_sv = clean(name_fi), clean(name_sv)
    if not (name_fi or name_sv):
        raise ValidationError(_("A body needs a name in Finnish or Swedish."))
    try:
        kind = BodyKind(kind).value
    except ValueError as exc:
        raise ValidationError(_("Unknown kind of body: {kind}").format(kind=kind)) from exc
    if languages is None:
        languages = [code for code, name in (("fi", name_fi), ("sv", name_sv)) if name]
    unknown = [code for code in languages if code not in BODY_LANGUAGES]
    if unknown or not languages:
        raise ValidationError(
            _("A body's languages are some of fi, sv and en, not {languages}.").format(
                languages=", ".join(unknown) or "—"))
    return {"name_fi": name_fi, "name_sv": name_sv, "kind": kind,
            "languages": [c for c in BODY_LANGUAGES if c in languages]}


def _records(record_kind: str | None, appeal_authority: str | None) -> dict:
    values: dict = {}
    if record_kind is not None:
        if record_kind not in tuple(RecordKind):
            raise ValidationError(_("A body records a memo or minutes, not {kind}.").format(kind=record_kind))
        values["record_kind"] = record_kind
    if appeal_authority is not None:
        values["appeal_authority"] = clean(appeal_authority)
    return values


def create_body(
    store: Store, name_fi: str, name_sv: str = "", *, kind: str = BodyKind.PARTNERSHIP_TABLE,
    languages: list[str] | None = None, record_kind: str | None = None,
    appeal_authority: str | None = None,
) -> tuple[uuid.UUID, Changes]:
    """A new body; its languages default to those it has a name in; it keeps minutes unless
    ``record_kind`` says memo."""
    values = _body_values(name_fi, name_sv, kind, languages) | _records(record_kind, appeal_authority)

    def apply(session: Session) -> uuid.UUID:
        body = Body(**values)
        session.add(body)
        session.flush()
        return body.id

    return store.run_returning("create body", apply)


def body_seen(session: Session, body_id: uuid.UUID) -> Seen:
    """The body as its form starts from, to hand back to :func:`update_body`."""
    return seen(get_body(session, body_id), BODY_FIELDS)


def update_body(
    store: Store, body_id: uuid.UUID, *, name_fi: str | None = None, name_sv: str | None = None,
    kind: str | None = None, languages: list[str] | None = None, record_kind: str | None = None,
    appeal_authority: str | None = None, start: Seen | None = None,
) -> Changes:
    """Rename a body or change its kind, languages, record or appeal authority.

    An edit from ``start`` (:func:`body_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    records = _records(record_kind, appeal_authority)

    def apply(session: Session) -> None:
        body = get_body(session, body_id)
        values = _body_values(
            body.name_fi if name_fi is None else name_fi,
            body.name_sv if name_sv is None else name_sv,
            body.kind if kind is None else kind,
            list(body.languages) if languages is None else languages,
        )
        apply_edit(session, body, values | records, start)
        # One user emptying the Finnish name and the other the Swedish one leaves no name.
        _body_values(body.name_fi, body.name_sv, body.kind, list(body.languages))

    return store.run("edit body", apply)


def delete_body(store: Store, body_id: uuid.UUID) -> Changes:
    """Tombstone a body without meetings, with its member seats."""

    def apply(session: Session) -> None:
        body = get_body(session, body_id)
        if any(not m.deleted for m in body.meetings):
            raise ValidationError(
                _("{body} has meetings: it stays as long as their records do.").format(
                    body=body.display_name("fi")))
        for member in body.members:
            member.deleted = True
        body.deleted = True

    return store.run("delete body", apply)


# -- members -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    id: uuid.UUID
    organisation: str
    representative: str
    deputy: str
    role: str  # MemberRole code
    role_label: str
    term_start: dt.date | None
    term_end: dt.date | None
    current: bool


def in_term(member: BodyMember, on: dt.date) -> bool:
    return (member.term_start is None or member.term_start <= on) and (
        member.term_end is None or on <= member.term_end)


def members(session: Session, body_id: uuid.UUID, on: dt.date | None = None) -> list[BodyMember]:
    """The body's seats (those whose term covers ``on`` when given), chair first, then by role."""
    rows = session.scalars(
        select(BodyMember).where(BodyMember.body_id == body_id, BodyMember.deleted.is_(False))
    ).all()
    order = list(MemberRole)
    chosen = [m for m in rows if on is None or in_term(m, on)]
    return sorted(chosen, key=lambda m: (order.index(MemberRole(m.role)), m.created_at))


def person_name(session: Session, person_id: uuid.UUID | None) -> str:
    person = session.get(ContactPerson, person_id) if person_id else None
    return person.name if person is not None else ""


def organisation_name(session: Session, organisation_id: uuid.UUID | None, language: str) -> str:
    org = session.get(Organisation, organisation_id) if organisation_id else None
    return org.display_name(language) if org is not None else ""


def member_rows(
    session: Session, body_id: uuid.UUID, language: str, on: dt.date | None = None
) -> list[MemberRow]:
    """Every seat of the body for its members list; ``current`` when the term covers ``on``."""
    on = on or dt.date.today()
    return [
        MemberRow(
            id=m.id,
            organisation=organisation_name(session, m.organisation_id, language),
            representative=person_name(session, m.representative_id),
            deputy=person_name(session, m.deputy_id),
            role=m.role,
            role_label=label(MemberRole, m.role),
            term_start=m.term_start,
            term_end=m.term_end,
            current=in_term(m, on),
        )
        for m in members(session, body_id)
    ]


def role_holder(session: Session, body_id: uuid.UUID, role: str, on: dt.date) -> str:
    """The name of the representative in a role (chair, secretary) on a date; "" if none."""
    for member in members(session, body_id, on):
        if member.role == role and member.representative_id:
            return person_name(session, member.representative_id)
    return ""


def contact_choices(
    session: Session, organisation_id: uuid.UUID | None = None
) -> list[tuple[uuid.UUID, str]]:
    """Who can represent an organisation: its contact persons (everyone when none is given)."""
    query = select(ContactPerson).where(ContactPerson.deleted.is_(False))
    if organisation_id is not None:
        query = query.join(Representation, Representation.contact_id == ContactPerson.id).where(
            Representation.organisation_id == organisation_id, Representation.deleted.is_(False))
    people = {p.id: p.name for p in session.scalars(query)}
    return sorted(people.items(), key=lambda pair: pair[1].casefold())


def _check_member(session: Session, values: dict) -> None:
    try:
        values["role"] = MemberRole(values["role"]).value
    except ValueError as exc:
        raise ValidationError(_("Unknown role: {role}").format(role=values["role"])) from exc
    org_id = values.get("organisation_id")
    if org_id is not None:
        live_organisation(session, org_id)
    if not (org_id or values.get("representative_id")):
        raise ValidationError(_("A member needs an organisation or a representative."))
    rep, deputy = values.get("representative_id"), values.get("deputy_id")
    if rep is not None and rep == deputy:
        raise ValidationError(_("The representative and the deputy must be different people."))
    allowed = {pid for pid, _name in contact_choices(session, org_id)} if org_id else None
    for person_id in (rep, deputy):
        if person_id is None:
            continue
        person = live_person(session, person_id)
        if allowed is not None and person_id not in allowed:
            raise ValidationError(
                _("{name} is not a contact person of {organisation} in the register; add them "
                  "there first.").format(name=person.name,
                                         organisation=organisation_name(session, org_id, "fi")))
    start, end = values.get("term_start"), values.get("term_end")
    if start and end and end < start:
        raise ValidationError(_("The term cannot end before it starts."))


def add_member(
    store: Store, body_id: uuid.UUID, *, organisation_id: uuid.UUID | None = None,
    representative_id: uuid.UUID | None = None, deputy_id: uuid.UUID | None = None,
    role: str = MemberRole.MEMBER, term_start: dt.date | None = None,
    term_end: dt.date | None = None,
) -> tuple[uuid.UUID, Changes]:
    values = {"organisation_id": organisation_id, "representative_id": representative_id,
              "deputy_id": deputy_id, "role": role, "term_start": term_start, "term_end": term_end}

    def apply(session: Session) -> uuid.UUID:
        get_body(session, body_id)
        _check_member(session, values)
        member = BodyMember(body_id=body_id, **values)
        session.add(member)
        session.flush()
        return member.id

    return store.run_returning("add body member", apply)


def member_seen(session: Session, member_id: uuid.UUID) -> Seen:
    """The seat as its dialog starts from, to hand back to :func:`update_member`."""
    return seen(_member(session, member_id), MEMBER_FIELDS)


def update_member(store: Store, member_id: uuid.UUID, *, start: Seen | None = None,
                  **fields: object) -> Changes:
    """Change a seat's organisation, people, role or term.

    An edit from ``start`` (:func:`member_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    unknown = set(fields) - MEMBER_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def apply(session: Session) -> None:
        member = _member(session, member_id)
        values = {key: getattr(member, key) for key in MEMBER_FIELDS} | fields
        _check_member(session, values)
        apply_edit(session, member, {key: values[key] for key in fields}, start)
        merged = {key: getattr(member, key) for key in MEMBER_FIELDS}
        if merged != values:
            # Their organisation with my representative, say, must still be a valid seat.
            _check_member(session, merged)

    return store.run("edit body member", apply)


def remove_member(store: Store, member_id: uuid.UUID) -> Changes:
    """Tombstone a seat entered by mistake; a member who left gets a term end instead."""
    return store.run("remove body member", lambda s: setattr(_member(s, member_id), "deleted", True))


def _member(session: Session, member_id: uuid.UUID) -> BodyMember:
    return live(session, BodyMember, member_id, N_("The member no longer exists."))


def default_language(body: Body) -> str:
    """A new meeting's language: both Finnish and Swedish for a bilingual body."""
    languages = [code for code in BODY_LANGUAGES if code in (body.languages or [])]
    if "fi" in languages and "sv" in languages:
        return "fi+sv"
    return languages[0] if languages else "fi"


def body_meetings(session: Session, body_id: uuid.UUID) -> list[Meeting]:
    """The body's meetings, oldest first."""
    rows = session.scalars(
        select(Meeting).where(Meeting.body_id == body_id, Meeting.deleted.is_(False))
    ).all()
    return sorted(rows, key=lambda m: (m.date, m.start_time or dt.time.min, m.number))
