"""A contact person's data: the access report (JSON and PDF), erasure and the review list."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.documents.person_export import write_person_json, write_person_pdf
from desktop.errors import ValidationError
from desktop.services.personal_data import (
    ERASED_NAME,
    erase_person,
    person_report,
    persons_to_review,
)
from desktop.storage.models import AuditEntry, BodyMember, ContactPerson, Representation
from desktop.storage.store import Store


def _is_plain(text: str) -> bool:
    return text.isascii()


def _subject(store: Store) -> uuid.UUID:
    """A body's representative who represents an organisation, preferably with ä/ö in the name.

    The demo's meeting texts name some members (a chair presents items); those agenda items are
    the authority's documents and are not erased, so the person chosen is one no other
    record's audit entry names.
    """
    with store.read() as session:
        entries = list(session.scalars(select(AuditEntry)))
        candidates = []
        for person_id in session.scalars(
            select(BodyMember.representative_id).where(BodyMember.representative_id.is_not(None))
        ):
            person = session.get(ContactPerson, person_id)
            assert person is not None
            represents = session.scalars(
                select(Representation).where(Representation.contact_id == person.id)
            ).first()
            named_elsewhere = any(
                (person.name in str(e.changes) or person.email in str(e.changes))
                and e.record_id != str(person.id)
                for e in entries
            )
            if represents is not None and person.email and not named_elsewhere:
                candidates.append(person)
        assert candidates
        candidates.sort(key=lambda p: (_is_plain(p.name), p.name))
        return candidates[0].id


def test_report_json_and_pdf(demo_store: Store, tmp_path: Path) -> None:
    person_id = _subject(demo_store)
    with demo_store.read() as session:
        person = session.get(ContactPerson, person_id)
        assert person is not None
        report = person_report(session, person_id, "fi")
        org_count = len(
            session.scalars(
                select(Representation).where(
                    Representation.contact_id == person_id, Representation.deleted.is_(False)
                )
            ).all()
        )
    assert report.name == person.name and report.email == person.email
    assert len(report.organisations) == org_count >= 1
    assert all(o.name and o.role for o in report.organisations)
    assert report.bodies and any(not b.deputy for b in report.bodies)
    assert all(b.body for b in report.bodies)
    assert report.history and report.history[0].action == "insert"
    assert "name" in report.history[0].fields and "email" in report.history[0].fields

    json_path = tmp_path / "person.json"
    write_person_json(report, json_path)
    with json_path.open(encoding="utf-8") as fp:
        data = json.load(fp)
    assert data["name"] == person.name
    assert data["person_id"] == str(person_id)
    assert data["organisations"][0]["name"] == report.organisations[0].name
    assert data["bodies"][0]["body"] == report.bodies[0].body
    assert data["history"][0]["at"] == report.history[0].at.isoformat()
    if report.retained_since is not None:
        assert data["retained_since"] == report.retained_since.isoformat()
    assert "\n  " in json_path.read_text(encoding="utf-8")  # indented for reading

    for language in ("fi", "sv", "en"):
        with demo_store.read() as session:
            localised = person_report(session, person_id, language)
        pdf_path = tmp_path / f"person-{language}.pdf"
        write_person_pdf(localised, pdf_path)
        reader = PdfReader(str(pdf_path))
        assert 1 <= len(reader.pages) <= 3
        text = reader.pages[0].extract_text()
        assert person.name in text
        assert person.email in text
        assert localised.organisations[0].name in "".join(p.extract_text() for p in reader.pages)


def test_erase_person_everywhere(demo_store: Store) -> None:
    person_id = _subject(demo_store)
    with demo_store.read() as session:
        person = session.get(ContactPerson, person_id)
        assert person is not None
        name, email, phone = person.name, person.email, person.phone
        rep_ids = set(
            session.scalars(
                select(Representation.id).where(Representation.contact_id == person_id)
            )
        )
    assert rep_ids

    changes = erase_person(demo_store, person_id)

    assert changes.touches("contact_person")
    assert person_id in changes.deleted["contact_person"]
    assert rep_ids <= changes.deleted["representation"]
    with demo_store.read() as session:
        person = session.get(ContactPerson, person_id)
        assert person is not None
        assert person.deleted
        assert person.name == ERASED_NAME
        assert person.email == "" and person.phone == "" and person.retention_basis == ""
        assert person.retained_since is None and person.last_contact is None
        reps = session.scalars(
            select(Representation).where(Representation.contact_id == person_id)
        ).all()
        assert reps and all(r.deleted for r in reps)
        still_member = session.scalars(
            select(BodyMember).where(
                (BodyMember.representative_id == person_id) | (BodyMember.deputy_id == person_id)
            )
        ).all()
        assert still_member == []
        entries = list(session.scalars(select(AuditEntry)))
        own = [e for e in entries if e.record_id == str(person_id)]
        assert own and own[-1].action == "delete"  # the erasure is audited, without values
        for entry in entries:
            text = str(entry.changes)
            assert name not in text and email not in text
            if phone:
                assert phone not in text
        report = person_report(session, person_id, "fi")
    assert report.deleted and report.organisations == () and report.bodies == ()
    assert report.history[-1].action == "delete"


def test_erase_unknown_person(demo_store: Store) -> None:
    with pytest.raises(ValidationError):
        erase_person(demo_store, uuid.uuid4())


def test_persons_to_review(demo_store: Store) -> None:
    today = dt.date(2030, 6, 15)
    recent = today - dt.timedelta(days=10)
    with demo_store.read() as session:
        ids = list(
            session.scalars(
                select(ContactPerson.id)
                .where(ContactPerson.deleted.is_(False))
                .order_by(ContactPerson.name)
            )
        )
    old, since_only, nothing, boundary, recent_contact, gone = ids[:6]

    def arrange(session: Session) -> None:
        for person in session.scalars(select(ContactPerson)):
            person.last_contact = recent
            person.retained_since = dt.date(2020, 1, 1)

        def set_dates(pid: uuid.UUID, last: dt.date | None, since: dt.date | None) -> None:
            person = session.get(ContactPerson, pid)
            assert person is not None
            person.last_contact, person.retained_since = last, since

        set_dates(old, dt.date(2025, 3, 1), dt.date(2019, 1, 1))
        set_dates(since_only, None, dt.date(2027, 1, 1))
        set_dates(nothing, None, None)
        set_dates(boundary, dt.date(2028, 6, 15), None)  # exactly two years: not older
        set_dates(recent_contact, dt.date(2029, 1, 1), dt.date(2010, 1, 1))
        set_dates(gone, dt.date(2001, 1, 1), None)
        deleted = session.get(ContactPerson, gone)
        assert deleted is not None
        deleted.deleted = True

    demo_store.run("arrange review dates", arrange)
    with demo_store.read() as session:
        due = [p.id for p in persons_to_review(session, 2, today=today)]
        assert due == [nothing, old, since_only]
        assert [p.id for p in persons_to_review(session, 6, today=today)] == [nothing]


def test_erased_person_no_longer_owns_action_items(demo_store: Store) -> None:
    from desktop.services.meetings import add_action
    from desktop.storage.models import ActionItem, Meeting

    person_id = _subject(demo_store)
    with demo_store.read() as session:
        meeting_id = session.scalars(
            select(Meeting.id).where(Meeting.locked.is_(False)).order_by(Meeting.date.desc())
        ).first()
    assert meeting_id is not None
    action_id, _changes = add_action(demo_store, meeting_id, "Kutsu koolle",
                                     owner_person_id=person_id)

    erase_person(demo_store, person_id)

    with demo_store.read() as session:
        action = session.get(ActionItem, action_id)
        assert action is not None and not action.deleted
        assert action.owner_person_id is None
        assert action.what == "Kutsu koolle"


def test_erasure_removes_the_persons_old_values_kept_in_sync_conflicts(demo_store: Store) -> None:
    from desktop.storage.models import SyncConflict

    person_id = _subject(demo_store)

    def conflict(session) -> None:
        session.add(SyncConflict(table_name="contact_person", record_id=person_id, field="email",
                                 our_value="vanha@example.fi", their_value="uusi@example.fi",
                                 our_clock="1", their_clock="2", winner="theirs"))

    demo_store.run("conflict", conflict)
    erase_person(demo_store, person_id)
    with demo_store.read() as session:
        kept = session.scalars(select(SyncConflict).where(SyncConflict.record_id == person_id)).all()
    assert kept == []


def test_erased_person_leaves_the_liaison_network(demo_store: Store) -> None:
    from desktop.services import network
    from desktop.storage.models import LiaisonRole

    person_id = _subject(demo_store)
    role_id, _changes = network.add_role(demo_store, person_id, "905", "organisation_cooperation",
                                         start_on=dt.date(2026, 1, 1))

    erase_person(demo_store, person_id)

    with demo_store.read() as session:
        role = session.get(LiaisonRole, role_id)
        assert role is not None and role.deleted
        assert network.roles_of_person(session, person_id, "fi") == []
