"""The register's search index: substrings, ä apart from a, kept current in the same transaction."""

import pytest
from sqlalchemy import select, text

from desktop.storage import search
from desktop.storage.models import ContactPerson, Organisation, Representation
from desktop.storage.store import Store


def ids(store: Store, query: str) -> set:
    with store.read() as session:
        return set(search.matching_ids(session, query))


@pytest.fixture
def orgs(store: Store):
    made = {}

    def add(session):
        made["kylä"] = Organisation(name_fi="Mäkikylän kyläyhdistys ry", domicile_code="905",
                                    sectors=["village"], business_id="1572860-0")
        made["kyla"] = Organisation(name_fi="Makikylan kylayhdistys ry", domicile_code="499")
        made["sv"] = Organisation(name_sv="Kvevlax byaförening rf", register_number="123.456")
        session.add_all(made.values())

    store.run("add", add)
    return {key: org.id for key, org in made.items()}


def test_substrings_in_the_middle_of_words_and_umlauts_apart(store, orgs):
    assert ids(store, "kylän") == {orgs["kylä"]}
    assert ids(store, "kylan") == {orgs["kyla"]}
    assert ids(store, "yhdistys") == {orgs["kylä"], orgs["kyla"]}
    assert ids(store, "BYAFÖR") == {orgs["sv"]}
    assert ids(store, "ä") == {orgs["kylä"]}  # shorter than a trigram: still exact
    assert ids(store, "") == set()


def test_ids_municipalities_and_sectors_in_every_language(store, orgs):
    assert ids(store, "1572860") == {orgs["kylä"]}
    assert ids(store, "123.456") == {orgs["sv"]}
    assert ids(store, "vasa") == {orgs["kylä"]}  # Vaasa's Swedish name
    assert ids(store, "korsholm") == {orgs["kyla"]}
    assert orgs["kylä"] in ids(store, "village and residents")
    assert ids(store, "mäki vaasa") == {orgs["kylä"]}  # every word must match


def test_contact_names_and_edits_are_found_at_once(store, orgs):
    def link(session):
        person = ContactPerson(name="Åsa Öberg")
        session.add(person)
        session.flush()
        session.add(Representation(organisation_id=orgs["sv"], contact_id=person.id, role="ordf."))

    store.run("link", link)
    assert ids(store, "öberg") == {orgs["sv"]}

    def rename(session):
        session.scalars(select(ContactPerson)).one().name = "Åsa Lindqvist"

    store.run("rename", rename)
    assert ids(store, "öberg") == set() and ids(store, "lindqvist") == {orgs["sv"]}

    def delete(session):
        session.get(Organisation, orgs["sv"]).deleted = True

    store.run("delete", delete)
    assert ids(store, "lindqvist") == set()


def test_a_failed_operation_leaves_the_index_as_it_was(store, orgs):
    with pytest.raises(RuntimeError), store.operation("broken") as session:
        session.get(Organisation, orgs["kyla"]).name_fi = "Uusi nimi ry"
        session.flush()
        raise RuntimeError("stop")
    assert ids(store, "uusi nimi") == set() and ids(store, "makikylan") == {orgs["kyla"]}


def test_the_index_is_rebuilt_when_its_version_changes(store, orgs, tmp_path):
    with store.operation("forget") as session:
        session.execute(text("DELETE FROM organisation_search"))
        session.execute(text("UPDATE meta SET value = 'old' WHERE key = :k"), {"k": search.META_KEY})
    assert ids(store, "kylä") == set()
    reopened = Store.open(store.location, backup_dir=tmp_path / "b")
    assert ids(reopened, "kylän") == {orgs["kylä"]}
    reopened.close()
