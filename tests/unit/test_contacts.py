"""Contact persons of organisations: adding, editing, linking, unlinking and finding them."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from desktop.errors import ValidationError
from desktop.services import contacts
from desktop.services.register import matching_ids, save_organisation
from desktop.storage.models import AuditEntry, ContactPerson, Representation
from desktop.storage.store import Store


def _organisation(store: Store, name: str) -> uuid.UUID:
    org_id, _changes = save_organisation(store, None, {"name_fi": name, "domicile_code": "905"})
    return org_id


def test_field_errors_name_the_reason():
    assert contacts.field_errors({"name": "Päivi", "email": "paivi@example.fi"}) == {}
    errors = contacts.field_errors({"name": " ", "email": "paivi@", "preferred_language": "de"})
    assert set(errors) == {"name", "email", "preferred_language"}
    assert "sähköpostiosoite" in errors["email"]  # translated: the dialog shows it as it is
    assert contacts.field_errors({"email": "Päivi <paivi@example.fi>"}) == {}


def test_add_a_contact_and_find_the_organisation_by_the_name(store: Store):
    org_id = _organisation(store, "Vaasan Kerho ry")
    person_id, changes = contacts.add_contact(
        store, org_id, " puheenjohtaja ", name=" Päivi Ärölä ", email="mailto:paivi@example.fi",
        preferred_language="sv", retention_basis="kumppanuuspöydän jäsen",
        retained_since=dt.date(2024, 1, 2))
    assert changes.inserted["contact_person"] == {person_id}
    assert len(changes.inserted["representation"]) == 1
    [row] = _rows(store, org_id)
    assert (row.person_id, row.name, row.role, row.email, row.preferred_language) == (
        person_id, "Päivi Ärölä", "puheenjohtaja", "paivi@example.fi", "sv")
    assert matching_ids(store, "ärölä") == {org_id}
    assert matching_ids(store, "arola") == set()  # ä and a stay apart


def test_invalid_fields_write_nothing(store: Store):
    org_id = _organisation(store, "Vaasan Kerho ry")
    with pytest.raises(ValidationError):
        contacts.add_contact(store, org_id, name="Päivi", email="ei-osoite")
    with pytest.raises(ValidationError):
        contacts.add_contact(store, org_id, name="")
    with pytest.raises(ValidationError):
        contacts.add_contact(store, uuid.uuid4(), name="Päivi")
    with pytest.raises(TypeError):
        contacts.add_contact(store, org_id, name="Päivi", last_contact="2024-01-01")
    assert _rows(store, org_id) == []
    with store.read() as session:
        assert session.scalars(select(ContactPerson)).all() == []


def test_update_changes_the_person_and_the_role_here_only(store: Store):
    first, second = _organisation(store, "Vaasan Kerho ry"), _organisation(store, "Mustasaaren Seura ry")
    person_id, _changes = contacts.add_contact(store, first, "sihteeri", name="Björn Åkerö")
    contacts.link_contact(store, second, person_id, "jäsen")
    changes = contacts.update_contact(store, person_id, first, "puheenjohtaja",
                                      name="Björn Åkerö-Berg", last_contact=dt.date(2025, 5, 1))
    assert changes.updated["contact_person"] == {person_id}
    assert [(r.name, r.role, r.last_contact) for r in _rows(store, first)] == [
        ("Björn Åkerö-Berg", "puheenjohtaja", dt.date(2025, 5, 1))]
    assert [(r.name, r.role) for r in _rows(store, second)] == [("Björn Åkerö-Berg", "jäsen")]
    assert matching_ids(store, "åkerö-berg") == {first, second}
    assert not contacts.update_contact(store, person_id, first, "puheenjohtaja",
                                       name="Björn Åkerö-Berg")  # nothing changed, nothing written
    with store.read() as session:
        details = contacts.contact_details(session, person_id, first, "fi")
    assert details.role == "puheenjohtaja" and details.other_organisations == ("Mustasaaren Seura ry",)
    assert details.fields["last_contact"] == dt.date(2025, 5, 1)


def test_link_find_and_unlink(store: Store):
    first, second = _organisation(store, "Vaasan Kerho ry"), _organisation(store, "Mustasaaren Seura ry")
    person_id, _changes = contacts.add_contact(store, first, name="Östen Öhman", email="osten@example.fi")
    with store.read() as session:
        found = contacts.find_persons(session, "öHMAN", "fi", exclude_organisation=second)
        assert [(p.person_id, p.organisations) for p in found] == [(person_id, ("Vaasan Kerho ry",))]
        assert contacts.find_persons(session, "öhman", "fi", exclude_organisation=first) == []
        assert contacts.find_persons(session, "ohman", "fi") == []
        assert contacts.find_persons(session, "%", "fi") == []
    contacts.link_contact(store, second, person_id, "rahastonhoitaja")
    with pytest.raises(ValidationError, match="Östen Öhman"):
        contacts.link_contact(store, second, person_id)
    assert matching_ids(store, "östen") == {first, second}

    changes = contacts.unlink_contact(store, first, person_id)
    assert changes.touches("representation") and not changes.touches("contact_person")
    assert _rows(store, first) == []
    assert matching_ids(store, "östen") == {second}  # the index changed in the same operation
    with store.read() as session:
        person = session.get(ContactPerson, person_id)
        assert person is not None and not person.deleted  # the person stays for the other
        links = session.scalars(select(Representation).where(Representation.contact_id == person_id))
        assert sorted(link.deleted for link in links) == [False, True]
        operations = {e.operation for e in session.scalars(select(AuditEntry))}
    assert {"add contact person", "link contact person", "remove contact person"} <= operations


def test_review_rows_name_the_organisations(store: Store):
    org_id = _organisation(store, "Vaasan Kerho ry")
    old, _changes = contacts.add_contact(store, org_id, name="Aino Vanha", last_contact=dt.date(2020, 1, 1))
    contacts.add_contact(store, org_id, name="Eino Uusi", last_contact=dt.date(2026, 1, 1))
    with store.read() as session:
        rows = contacts.review_rows(session, 3, "fi", today=dt.date(2026, 6, 1))
    assert [(r.person_id, r.organisations, r.last_contact) for r in rows] == [
        (old, ("Vaasan Kerho ry",), dt.date(2020, 1, 1))]


def _rows(store: Store, org_id: uuid.UUID) -> list[contacts.ContactRow]:
    with store.read() as session:
        return contacts.contact_rows(session, org_id)
