"""Possible duplicates and merging: nothing of either organisation is lost."""

import uuid

import pytest
from sqlalchemy import select

from desktop.errors import ValidationError
from desktop.services import duplicates
from desktop.storage.models import (
    Activity,
    ContactPerson,
    GrantApplication,
    Interaction,
    Organisation,
    Representation,
)


@pytest.fixture
def pair(demo_store):
    made = {}

    def add(session):
        made["keep"] = Organisation(name_fi="Mäkikylän kyläyhdistys ry", domicile_code="499",
                                    sectors=["village"])
        made["drop"] = Organisation(name_fi="Mäkikylän Kyläyhdistys r.y.", domicile_code="499",
                                    business_id="1572860-0", sectors=["culture"], phone="040 1")
        session.add_all(made.values())
        session.flush()
        person = ContactPerson(name="Åke Öhman")
        session.add(person)
        session.flush()
        session.add(Representation(organisation_id=made["drop"].id, contact_id=person.id, role="pj"))
        session.add(Activity(organisation_id=made["drop"].id, title="Kyläkahvila"))
        call = session.scalars(select(GrantApplication)).first().call_id
        session.add(GrantApplication(call_id=call, organisation_id=made["drop"].id, applied_cents=500))

    demo_store.run("add pair", add)
    return made["keep"].id, made["drop"].id


def test_close_names_in_one_municipality_are_paired(demo_store, pair):
    keep, drop = pair
    with demo_store.read() as session:
        found = duplicates.duplicate_pairs(session)
    assert any({p.first, p.second} == {keep, drop} for p in found)


def test_merging_moves_every_link_and_fills_empty_fields(demo_store, pair):
    keep, drop = pair
    changes = duplicates.merge(demo_store, keep, drop)
    assert changes.touches("organisation", "representation", "activity", "grant_application")
    with demo_store.read() as session:
        kept = session.get(Organisation, keep)
        gone = session.get(Organisation, drop)
        assert gone.deleted and str(keep) in gone.notes
        assert kept.business_id == "1572860-0" and kept.phone == "040 1"
        assert kept.sectors == ["village", "culture"]
        for model in (Representation, Activity, GrantApplication, Interaction):
            assert session.scalars(select(model).where(model.organisation_id == drop)).first() is None
        assert session.scalars(select(Activity).where(Activity.organisation_id == keep)).one().title == \
            "Kyläkahvila"
        assert len(session.scalars(select(Representation)
                                   .where(Representation.organisation_id == keep)).all()) == 1
    with demo_store.read() as session:
        assert not any({p.first, p.second} == {keep, drop} for p in duplicates.duplicate_pairs(session))


def test_merging_with_itself_or_a_missing_one_is_refused(demo_store, pair):
    keep, _drop = pair
    with pytest.raises(ValidationError):
        duplicates.merge(demo_store, keep, keep)
    with pytest.raises(ValidationError):
        duplicates.merge(demo_store, keep, uuid.uuid4())


@pytest.mark.parametrize(("ours", "theirs", "alike"), [
    ("Kvevlax byaförening rf", "Kvevlax byförening rf", True),
    ("Mäkikylän kyläyhdistys ry", "Mäkikylän Kyläyhdistys r.y.", True),
    ("Pohjanmaan Syöpäyhdistys ry", "Pohjanmaan Sydänyhdistys ry", False),
    ("Andningsföreningen i Jakobstadsnejden rf", "Autismföreningen i Jakobstadsnejden rf", False),
])
def test_similar_names_are_typos_not_neighbours(ours, theirs, alike):
    from desktop.services.identifiers import names_alike

    assert names_alike([ours], [theirs]) is alike


def test_the_demo_register_offers_no_false_pairs(demo_store):
    with demo_store.read() as session:
        assert duplicates.duplicate_pairs(session) == []
