"""Two users of one database (two stores on one file or one server database) editing at once."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import text

from desktop.i18n import _
from desktop.services import contacts, premises, register
from desktop.services.records import EditConflict
from desktop.storage.models import Organisation
from desktop.storage.store import SimultaneousSaveError, Store
from desktop.storage.tracking import Changes
from tests.sync_copies import exchange, open_copy


def _edit(store: Store, org_id, **changes):
    """What an organisation dialog holds: the fields as loaded, where it started from."""
    with store.read() as session:
        start = register.organisation_seen(session, org_id)
    return {**start.values, **changes}, start


def _stored(store: Store, org_id) -> Organisation:
    with store.read() as session:
        org = session.get(Organisation, org_id)
        assert org is not None
        return org


def _poll_until_told(store: Store) -> Changes:
    """The first changes a poll tells: a server's notice takes a moment to arrive."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        changes = store.poll_remote_changes()
        if changes:
            return changes
        time.sleep(0.02)
    return Changes()


def test_changes_to_different_fields_merge_and_one_field_changed_by_both_is_chosen(store, other):
    org_id, _changes = register.save_organisation(store, None, {"name_fi": "Kylätoimikunta ry"})
    store.officer = "Aino"

    def clash(theirs: str, mine: str) -> EditConflict:
        """Both users open the organisation; they save a name first, then I do."""
        mine_fields, start = _edit(other, org_id, name_fi=mine, phone="040 123")
        their_fields, their_start = _edit(store, org_id, name_fi=theirs)
        register.save_organisation(store, org_id, their_fields, their_start)
        with pytest.raises(EditConflict) as caught:
            register.save_organisation(other, org_id, mine_fields, start)
        return caught.value

    # Different fields: both kept, whoever saves second.
    mine_fields, start = _edit(other, org_id, website="https://kyla.fi")
    their_fields, their_start = _edit(store, org_id, name_fi="Kylätoimikunta Ankkuri ry")
    register.save_organisation(store, org_id, their_fields, their_start)
    register.save_organisation(other, org_id, mine_fields, start)
    org = _stored(store, org_id)
    assert (org.name_fi, org.website) == ("Kylätoimikunta Ankkuri ry", "https://kyla.fi")

    # The same field: nothing saved, the conflict tells the start, theirs, mine and who.
    conflict = clash("Ankkuri ry", "Kylätoimikunta Ankkuri")
    [field] = conflict.clashes
    assert (field.name, field.base, field.theirs, field.mine) == (
        "name_fi", "Kylätoimikunta Ankkuri ry", "Ankkuri ry", "Kylätoimikunta Ankkuri")
    assert conflict.by == "Aino" and conflict.at is not None
    assert _stored(store, org_id).phone == ""  # nothing of mine yet
    # Keeping mine: my other change (the phone) comes along, their website stays.
    register.save_organisation(other, org_id, conflict.resolved({"name_fi": field.mine}),
                               conflict.current)
    org = _stored(store, org_id)
    assert (org.name_fi, org.phone, org.website) == (
        "Kylätoimikunta Ankkuri", "040 123", "https://kyla.fi")

    conflict = clash("Ankkuri", "Ankkurin kylä ry")
    register.save_organisation(other, org_id, conflict.resolved({"name_fi": "Ankkuri"}),
                               conflict.current)
    assert _stored(store, org_id).name_fi == "Ankkuri"  # theirs

    conflict = clash("Ankkuri ry (Ankkuri)", "Ankkurin kylätoimikunta")
    register.save_organisation(other, org_id, conflict.resolved({"name_fi": "Ankkurin kylä ry"}),
                               conflict.current)
    org = _stored(other, org_id)
    assert (org.name_fi, org.phone, org.website) == (
        "Ankkurin kylä ry", "040 123", "https://kyla.fi")  # edited; nothing lost


def test_contact_person_and_premises_edits_keep_the_other_users_change(store, other):
    org_id, _changes = register.save_organisation(store, None, {"name_fi": "Kyläyhdistys ry"})
    person_id, _changes = contacts.add_contact(store, org_id, "puheenjohtaja", name="Matti Meikäläinen")
    with other.read() as session:
        mine = contacts.contact_details(session, person_id, org_id, "fi").start
    with store.read() as session:
        theirs = contacts.contact_details(session, person_id, org_id, "fi").start
    contacts.update_contact(store, person_id, start=theirs, phone="040 555")
    contacts.update_contact(other, person_id, start=mine, email="matti@kyla.fi")
    with pytest.raises(EditConflict):
        contacts.update_contact(other, person_id, start=mine, phone="050 111")
    with store.read() as session:
        fields = contacts.contact_details(session, person_id, org_id, "fi").fields
    assert (fields["phone"], fields["email"]) == ("040 555", "matti@kyla.fi")

    hall_id, _changes = premises.save_premises(store, None, {"name_fi": "Kylätalo"})
    with other.read() as session:
        mine = premises.premises_details(session, hall_id, "fi").start
    premises.save_premises(store, hall_id, {"capacity": 80})
    premises.save_premises(other, hall_id, {"address": "Kylätie 1"}, start=mine)
    with pytest.raises(EditConflict):
        premises.save_premises(other, hall_id, {"capacity": 60}, start=mine)
    with store.read() as session:
        fields = premises.premises_details(session, hall_id, "fi").fields
    assert (fields["capacity"], fields["address"]) == (80, "Kylätie 1")


def test_a_row_written_between_reading_and_writing_is_not_overwritten(store):
    org_id, _changes = register.save_organisation(store, None, {"name_fi": "Kylätalo ry"})

    def save(session):
        org = session.get(Organisation, org_id)
        session.execute(text("UPDATE organisation SET name_fi = 'Ankkuri ry',"
                             " row_version = row_version + 1"))  # as another writer would
        org.phone = "040 1"

    with pytest.raises(SimultaneousSaveError):
        store.run("save organisation", save)
    assert (_stored(store, org_id).name_fi, _stored(store, org_id).phone) == ("Kylätalo ry", "")


def test_other_users_changes_reach_the_listeners_through_the_poll(store, other, backend):
    heard: list[Changes] = []
    other.subscribe(heard.append)
    assert not other.poll_remote_changes()  # starts watching
    assert not store.poll_remote_changes()
    org_id, _changes = register.save_organisation(store, None, {"name_fi": "Uusi yhdistys ry"})
    _poll_until_told(other)
    assert [org_id in changes.inserted.get("organisation", ()) for changes in heard] == [True]
    assert not store.poll_remote_changes()  # its own change, told already
    assert not other.poll_remote_changes()  # told once
    if backend == "postgresql":  # a lost connection: what came meanwhile is unknown, so all
        with store.engine.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                    " WHERE query = 'LISTEN kumppani_changes'"
                                    " AND datname = current_database()"))
        assert _poll_until_told(other).touches("organisation", "premises")


def test_a_record_a_sync_import_changes_gets_a_new_row_version(empty_template, tmp_path):
    # An editor who opened the record before the import must not overwrite what it brought.
    laptop = open_copy(empty_template, tmp_path, "laptop")
    office = open_copy(empty_template, tmp_path, "office")
    org_id, _changes = register.save_organisation(laptop, None, {"name_fi": "Kylätalo ry"})
    exchange(laptop, office, tmp_path / "first.kumppani")
    register.save_organisation(laptop, org_id, {"name_fi": "Kylätalo Ankkuri ry"})
    mine_fields, start = _edit(office, org_id, phone="040 1")
    exchange(laptop, office, tmp_path / "second.kumppani")
    assert _stored(office, org_id).row_version == start.version + 1
    register.save_organisation(office, org_id, mine_fields, start)
    org = _stored(office, org_id)
    assert (org.name_fi, org.phone) == ("Kylätalo Ankkuri ry", "040 1")
    laptop.close()
    office.close()


def test_watching_a_server_that_does_not_answer_never_holds_up_the_poll():
    # A server that takes the connection and then says nothing (a firewall, a hung host): the
    # connect waits for its timeout, which must not happen at a timer tick of the window.
    import socket

    from sqlalchemy import create_engine

    from desktop.storage.remote_changes import PostgresWatcher

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        engine = create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{silent.getsockname()[1]}/db",
                               connect_args={"connect_timeout": 2})
        watcher = PostgresWatcher(engine, "token")  # gives up after the timeout
        try:
            started = time.monotonic()
            for _tick in range(3):
                assert not watcher.poll()
            assert time.monotonic() - started < 0.5
        finally:
            watcher.close()
            engine.dispose()


def test_a_connection_to_the_server_lost_mid_operation_reads_as_a_message(pg_database, request):
    from desktop.storage.roles import ServerUnreachable

    store = Store.open(pg_database)
    request.addfinalizer(store.close)
    said = _("The connection to the server failed: {reason}. Nothing was saved halfway; "
             "try again when the server answers.").split("{reason}")[0]
    with (pytest.raises(ServerUnreachable, match=re.escape(said)),  # noqa: PT012
          store.operation("save organisation") as session):
        pid = session.scalar(text("SELECT pg_backend_pid()"))
        with store.engine.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        session.execute(text("SELECT 1"))
    org_id, _changes = register.save_organisation(store, None, {"name_fi": "Uusi yhdistys ry"})
    assert _stored(store, org_id).name_fi == "Uusi yhdistys ry"  # connected again
