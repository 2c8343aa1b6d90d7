"""The liaison network: municipalities × liaison roles, the named persons and the gaps.

A municipality is in the network when it has a municipality partner in the register (see
``partners``) or someone named for it. The three standard roles (seed 004) are expected in every
municipality: a standard role without a person in office today is a *gap*. User-defined roles
get columns of their own but no gaps, since not every municipality is meant to have them.

"Last convened" is the latest meeting (held, on or before today) that a person attended: as a
member of the body, as a deputy, or under their own name as an expert or guest.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate_in
from desktop.i18n.formatting import format_date
from desktop.services.partners import municipality_partners
from desktop.services.records import Seen, apply_edit, live, live_person, seen
from desktop.services.vocabulary import label_in
from desktop.storage.listing import sort_key
from desktop.storage.models import (
    BodyMember,
    ContactPerson,
    LiaisonRole,
    Meeting,
    MeetingAttendance,
    Municipality,
)
from desktop.storage.models.enums import LiaisonRoleKind, Presence
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

STANDARD_ROLES = (
    LiaisonRoleKind.WELLBEING_PROMOTION,
    LiaisonRoleKind.ORGANISATION_COOPERATION,
    LiaisonRoleKind.VOLUNTEERING,
)
# The checklist step whose evidence the network's gaps are.
CHECKLIST_STEP = "named_contact_persons"
ROLE_FIELDS = frozenset({"contact_id", "municipality_code", "role", "title", "start_on", "end_on"})


def role_key(role: str, title: str) -> str:
    """A column's key: the code of a standard role, ``other:<title>`` for a user-defined one."""
    return f"other:{title.strip()}" if role == LiaisonRoleKind.OTHER else role


def in_office(role: LiaisonRole, today: dt.date) -> bool:
    return role.start_on <= today and (role.end_on is None or role.end_on >= today)


# -- what the view and the directory show -------------------------------------------------


@dataclass(frozen=True)
class NetworkColumn:
    key: str
    label: str
    standard: bool


@dataclass(frozen=True)
class LiaisonPerson:
    role_id: uuid.UUID
    person_id: uuid.UUID
    name: str
    phone: str
    email: str
    start_on: dt.date
    end_on: dt.date | None
    last_convened: dt.date | None


@dataclass(frozen=True)
class NetworkCell:
    persons: tuple[LiaisonPerson, ...]
    gap: bool  # a standard role with nobody in office


@dataclass(frozen=True)
class NetworkRow:
    code: str
    name: str
    cells: dict[str, NetworkCell]


@dataclass(frozen=True)
class Network:
    columns: list[NetworkColumn]
    rows: list[NetworkRow]
    today: dt.date

    @property
    def gaps(self) -> list[tuple[NetworkRow, NetworkColumn]]:
        return [(row, column) for row in self.rows for column in self.columns
                if row.cells[column.key].gap]

    def cell(self, code: str, key: str) -> NetworkCell:
        return next(row.cells[key] for row in self.rows if row.code == code)


def network(session: Session, language: str, today: dt.date | None = None) -> Network:
    """The whole network as of ``today``, municipalities by name in ``language``."""
    today = today or dt.date.today()
    roles = [r for r in session.scalars(select(LiaisonRole).where(LiaisonRole.deleted.is_(False)))
             if in_office(r, today)]
    people = {p.id: p for p in session.scalars(
        select(ContactPerson).where(ContactPerson.id.in_({r.contact_id for r in roles}),
                                    ContactPerson.deleted.is_(False)))}
    roles = [r for r in roles if r.contact_id in people]
    convened = last_convened(session, list(people), today)
    codes = set(municipality_partners(session)) | {r.municipality_code for r in roles}
    municipalities = {m.code: m for m in session.scalars(
        select(Municipality).where(Municipality.code.in_(codes)))}
    custom = sorted({r.title.strip() for r in roles if r.role == LiaisonRoleKind.OTHER},
                    key=sort_key)
    columns = [NetworkColumn(code.value, label_in(language, LiaisonRoleKind, code), True)
               for code in STANDARD_ROLES]
    columns += [NetworkColumn(role_key(LiaisonRoleKind.OTHER, title), title, False)
                for title in custom]
    rows = []
    for code in codes:
        mine = [r for r in roles if r.municipality_code == code]
        cells = {}
        for column in columns:
            persons = tuple(sorted(
                (_person(r, people[r.contact_id], convened) for r in mine
                 if role_key(r.role, r.title) == column.key),
                key=lambda p: (sort_key(p.name), p.start_on)))
            cells[column.key] = NetworkCell(persons, column.standard and not persons)
        municipality = municipalities.get(code)
        rows.append(NetworkRow(code, municipality.name(language) if municipality else code, cells))
    rows.sort(key=lambda row: (sort_key(row.name), row.code))
    return Network(columns, rows, today)


def _person(role: LiaisonRole, person: ContactPerson, convened: dict[uuid.UUID, dt.date]
            ) -> LiaisonPerson:
    return LiaisonPerson(role.id, person.id, person.name, person.phone, person.email,
                         role.start_on, role.end_on, convened.get(person.id))


def last_convened(session: Session, person_ids: list[uuid.UUID], today: dt.date
                  ) -> dict[uuid.UUID, dt.date]:
    """Person id -> the date of the latest meeting up to ``today`` that they attended."""
    if not person_ids:
        return {}
    wanted = set(person_ids)
    found: dict[uuid.UUID, dt.date] = {}

    def note(person_id: uuid.UUID | None, date: dt.date) -> None:
        if person_id in wanted and date > found.get(person_id, dt.date.min):
            found[person_id] = date

    attended = (
        select(MeetingAttendance, Meeting.date)
        .join(Meeting, MeetingAttendance.meeting_id == Meeting.id)
        .where(MeetingAttendance.deleted.is_(False), Meeting.deleted.is_(False),
               Meeting.date <= today, MeetingAttendance.presence != Presence.ABSENT)
    )
    members = {m.id: m for m in session.scalars(select(BodyMember))}
    names = {" ".join(p.name.split()).casefold(): p.id for p in session.scalars(
        select(ContactPerson).where(ContactPerson.id.in_(wanted)))}
    for attendance, date in session.execute(attended):
        member = members.get(attendance.member_id) if attendance.member_id else None
        if member is not None:
            deputy = attendance.presence == Presence.DEPUTY
            note(member.deputy_id if deputy else member.representative_id, date)
        else:
            note(names.get(" ".join(attendance.name.split()).casefold()), date)
    return found


# -- editing ----------------------------------------------------------------------------


def field_errors(fields: dict[str, Any]) -> dict[str, str]:
    """Every field of a liaison role that cannot be saved as it is, with the reason."""
    errors = {}
    if not fields.get("contact_id"):
        errors["contact_id"] = _("Choose the person.")
    if not fields.get("municipality_code"):
        errors["municipality_code"] = _("Choose the municipality.")
    role = fields.get("role", "")
    if role not in set(LiaisonRoleKind):
        errors["role"] = _("Unknown liaison role: {code}").format(code=role)
    elif role == LiaisonRoleKind.OTHER and not str(fields.get("title") or "").strip():
        errors["title"] = _("A role of your own needs a name.")
    start, end = fields.get("start_on"), fields.get("end_on")
    if not isinstance(start, dt.date):
        errors["start_on"] = _("The role needs a start date.")
    elif end is not None and end < start:
        errors["end_on"] = _("The role cannot end before it starts.")
    return errors


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - ROLE_FIELDS
    if unknown:
        raise TypeError(f"not liaison role fields: {', '.join(sorted(unknown))}")
    values = dict(fields)
    if values.get("role") != LiaisonRoleKind.OTHER:
        values["title"] = ""
    values["title"] = str(values.get("title") or "").strip()
    return values


def _check(session: Session, values: dict[str, Any]) -> None:
    errors = field_errors(values)
    if errors:
        raise ValidationError(" ".join(errors.values()))
    live_person(session, values["contact_id"])
    if session.get(Municipality, values["municipality_code"]) is None:
        raise ValidationError(_("There is no municipality with the code {code}.").format(
            code=values["municipality_code"]))


def add_role(store: Store, contact_id: uuid.UUID, municipality_code: str, role: str,
             start_on: dt.date, end_on: dt.date | None = None, title: str = ""
             ) -> tuple[uuid.UUID, Changes]:
    """Name a person for a liaison role in a municipality; returns the role's id."""
    values = _clean({"contact_id": contact_id, "municipality_code": municipality_code,
                     "role": role, "title": title, "start_on": start_on, "end_on": end_on})

    def apply(session: Session) -> uuid.UUID:
        _check(session, values)
        record = LiaisonRole(**values)
        session.add(record)
        session.flush()
        return record.id

    return store.run_returning("add liaison role", apply)


def role_seen(session: Session, role_id: uuid.UUID) -> Seen:
    """The role as its editor starts from, to hand back to :func:`update_role`."""
    return seen(_live_role(session, role_id), ROLE_FIELDS)


def update_role(store: Store, role_id: uuid.UUID, *, start: Seen | None = None,
                **fields: Any) -> Changes:
    """Change a liaison role (another person, other dates…); only what differs is written.

    An edit from ``start`` (:func:`role_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    def apply(session: Session) -> None:
        record = _live_role(session, role_id)
        values = _clean({**{name: getattr(record, name) for name in ROLE_FIELDS}, **fields})
        _check(session, values)
        apply_edit(session, record, values, start)
        merged = {name: getattr(record, name) for name in ROLE_FIELDS}
        if merged != values:
            # Their change kept with mine (say, their end date, my start date) must still make
            # a valid role.
            _check(session, merged)

    return store.run("edit liaison role", apply)


def end_role(store: Store, role_id: uuid.UUID, end_on: dt.date) -> Changes:
    """Someone leaves: the role ends on ``end_on`` and stays in the history."""
    return update_role(store, role_id, end_on=end_on)


def remove_role(store: Store, role_id: uuid.UUID) -> Changes:
    """Remove a role entered by mistake (a tombstone; ending it keeps the history instead)."""
    def apply(session: Session) -> None:
        _live_role(session, role_id).deleted = True

    return store.run("remove liaison role", apply)


def _live_role(session: Session, role_id: uuid.UUID) -> LiaisonRole:
    return live(session, LiaisonRole, role_id, N_("The liaison role no longer exists."))


@dataclass(frozen=True)
class RoleRow:
    """A liaison role of a person, as their dialog lists it."""

    role_id: uuid.UUID
    municipality: str
    role: str
    start_on: dt.date
    end_on: dt.date | None


def role_label(language: str, role: str, title: str) -> str:
    return title if role == LiaisonRoleKind.OTHER and title else label_in(
        language, LiaisonRoleKind, role)


def roles_of_person(session: Session, person_id: uuid.UUID, language: str) -> list[RoleRow]:
    """The person's liaison roles, current and ended, newest first."""
    names = {m.code: m.name(language) for m in session.scalars(select(Municipality))}
    rows = [
        RoleRow(r.id, names.get(r.municipality_code, r.municipality_code),
                role_label(language, r.role, r.title), r.start_on, r.end_on)
        for r in session.scalars(select(LiaisonRole).where(
            LiaisonRole.contact_id == person_id, LiaisonRole.deleted.is_(False)))
    ]
    rows.sort(key=lambda r: (r.end_on is not None, -r.start_on.toordinal(), sort_key(r.municipality)))
    return rows


@dataclass(frozen=True)
class Candidate:
    person_id: uuid.UUID
    name: str
    detail: str  # e-mail and the organisations they represent


def candidates(session: Session, municipality_code: str, language: str) -> list[Candidate]:
    """Who may be named: the municipality partner's contact persons first, then everyone."""
    from desktop.services.contacts import _organisation_names, contact_rows

    partner = municipality_partners(session).get(municipality_code)
    first = contact_rows(session, partner.id) if partner else []
    first_ids = {row.person_id for row in first}
    others = list(session.scalars(select(ContactPerson).where(ContactPerson.deleted.is_(False))))
    others = [p for p in others if p.id not in first_ids]
    others.sort(key=lambda p: (sort_key(p.name), str(p.id)))
    organisations = _organisation_names(session, [p.id for p in others], language)
    result = [Candidate(row.person_id, row.name, row.email) for row in first]
    result += [Candidate(p.id, p.name, " · ".join(
        part for part in (p.email, ", ".join(n for _i, n in organisations.get(p.id, []))) if part))
        for p in others]
    return result


def municipality_choices(session: Session, language: str) -> list[tuple[str, str]]:
    """(code, name) of every municipality, the network's first, then the rest, by name."""
    network_codes = set(municipality_partners(session))
    everything = [(m.code, m.name(language)) for m in session.scalars(select(Municipality))]
    return sorted(everything, key=lambda pair: (pair[0] not in network_codes, sort_key(pair[1])))


# -- the checklist's evidence ---------------------------------------------------------------

_SUMMARY_GAPS = N_("Liaison network {date}: {gaps} of {cells} roles without a named person "
                   "(municipalities: {municipalities}).")
_SUMMARY_FULL = N_("Liaison network {date}: every role has a named person "
                   "(municipalities: {municipalities}).")
_GAP_LINE = N_("Gap: {municipality} – {roles}")


def gap_evidence(session: Session, language: str, today: dt.date | None = None,
                 municipality: str | None = None) -> list[str]:
    """The network's state on ``today`` as evidence lines for the checklist step on named liaison
    persons: all of it, or one ``municipality``'s (code).

    Empty when the network has no municipalities yet (nothing to show either way).
    """
    found = network(session, language, today)
    if municipality is not None:
        found = Network(found.columns, [r for r in found.rows if r.code == municipality], found.today)
    if not found.rows:
        return []
    gaps = found.gaps
    date = format_date(found.today, language)
    standard = sum(1 for column in found.columns if column.standard)
    if not gaps:
        return [translate_in(language, _SUMMARY_FULL).format(
            date=date, municipalities=len(found.rows))]
    lines = [translate_in(language, _SUMMARY_GAPS).format(
        date=date, gaps=len(gaps), cells=standard * len(found.rows),
        municipalities=len(found.rows))]
    by_row: dict[str, list[str]] = {}
    for row, column in gaps:
        by_row.setdefault(row.name, []).append(column.label)
    lines += [translate_in(language, _GAP_LINE).format(municipality=name, roles=", ".join(labels))
              for name, labels in by_row.items()]
    return lines


# -- the directory ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryRole:
    role: str
    persons: list[LiaisonPerson] = field(default_factory=list)


@dataclass(frozen=True)
class DirectoryMunicipality:
    name: str
    code: str
    roles: list[DirectoryRole]


def directory(session: Session, language: str, today: dt.date | None = None
              ) -> list[DirectoryMunicipality]:
    """The municipalities with their liaison persons per role, in ``language`` (fi or sv)."""
    found = network(session, language, today)
    return [
        DirectoryMunicipality(row.name, row.code, [
            DirectoryRole(column.label, list(row.cells[column.key].persons))
            for column in found.columns
            if column.standard or row.cells[column.key].persons
        ])
        for row in found.rows
    ]
