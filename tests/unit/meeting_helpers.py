"""A small partnership table in an empty store, for the meeting tests."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from desktop.services import meetings
from desktop.storage.models import ContactPerson, Meeting, Organisation, Representation
from desktop.storage.models.enums import MemberRole
from desktop.storage.store import Store

TERM_START = dt.date(2026, 1, 1)
TERM_END = dt.date(2027, 12, 31)


@dataclass
class Table:
    body_id: uuid.UUID
    orgs: dict[str, uuid.UUID] = field(default_factory=dict)
    people: dict[str, uuid.UUID] = field(default_factory=dict)
    members: dict[str, uuid.UUID] = field(default_factory=dict)  # by representative's name


def _org_with_people(store: Store, org_name: str, *people: tuple[str, str]) -> tuple[uuid.UUID, list[uuid.UUID]]:
    ids: list[uuid.UUID] = []

    def apply(session) -> None:  # noqa: ANN001
        org = Organisation(name_fi=org_name)
        session.add(org)
        session.flush()
        ids.append(org.id)
        for name, email in people:
            person = ContactPerson(name=name, email=email)
            session.add(person)
            session.flush()
            session.add(Representation(organisation_id=org.id, contact_id=person.id, role="jäsen"))
            ids.append(person.id)

    store.run("test setup", apply)
    return ids[0], ids[1:]


def make_table(store: Store, name_fi: str = "Kumppanuuspöytä", name_sv: str = "Partnerskapsbordet") -> Table:
    """Chair, secretary (an official, no organisation), two members with deputies, a former member."""
    body_id, _changes = meetings.create_body(store, name_fi, name_sv)
    table = Table(body_id)
    seats = (
        ("Äänekosken Eläkeläiset ry", "Päivi Järvinen", "Örjan Åkerlund", MemberRole.CHAIR, TERM_END),
        ("Vasa Ungdomsförening rf", "Åsa Öhman", "Björn Ek", MemberRole.MEMBER, TERM_END),
        ("Mielenterveysseura ry", "Matti Mäki", "Liisa Laine", MemberRole.MEMBER, TERM_END),
        ("Entinen Yhdistys ry", "Eero Entinen", "Erkki Varalla", MemberRole.MEMBER,
         TERM_START - dt.timedelta(days=1)),
    )
    for org_name, rep, deputy, role, end in seats:
        local = rep.split()[0].lower()
        org_id, (rep_id, deputy_id) = _org_with_people(
            store, org_name, (rep, f"{local}@example.fi"), (deputy, f"{local}.varalla@example.fi"))
        table.orgs[org_name] = org_id
        table.people[rep], table.people[deputy] = rep_id, deputy_id
        start = TERM_START if end >= TERM_START else dt.date(2024, 1, 1)
        table.members[rep], _ = meetings.add_member(
            store, body_id, organisation_id=org_id, representative_id=rep_id, deputy_id=deputy_id,
            role=role, term_start=start, term_end=end)
    secretary = {}

    def official(session) -> None:  # noqa: ANN001
        person = ContactPerson(name="Sanna Sihteeri", email="sanna.sihteeri@hyvinvointialue.example.fi")
        session.add(person)
        session.flush()
        secretary["id"] = person.id

    store.run("test setup", official)
    table.people["Sanna Sihteeri"] = secretary["id"]
    table.members["Sanna Sihteeri"], _ = meetings.add_member(
        store, body_id, representative_id=secretary["id"], role=MemberRole.SECRETARY,
        term_start=TERM_START, term_end=TERM_END)
    return table


def sections(store: Store, meeting_id: uuid.UUID) -> list[tuple[int, str]]:
    """(§, title) of the meeting's live items in agenda order."""
    from desktop.services.meetings.common import live_items

    with store.read() as session:
        return [(i.section, i.title) for i in live_items(session, meeting_id)]


def meeting(store: Store, meeting_id: uuid.UUID) -> Meeting:
    with store.read() as session:
        found = session.get(Meeting, meeting_id)
        assert found is not None
        return found
