"""A laptop's SQLite copy synchronised with the team's PostgreSQL server, the server one more copy."""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.i18n import _
from desktop.services.register import matching_ids
from desktop.services.server.connection import open_server
from desktop.storage.models import Attachment, ChecklistItem, Organisation
from desktop.storage.roles import READONLY
from desktop.storage.store import Store
from desktop.sync.conflicts import list_conflicts
from desktop.sync.peers import exchange_history, list_peers
from desktop.sync.server import synchronise
from tests.sync_copies import canonical, open_copy, read_organisation, set_organisation


@pytest.fixture
def laptop(empty_template: Path, tmp_path: Path) -> Iterator[Store]:
    store = open_copy(empty_template, tmp_path / "copies", "Kannettava")
    yield store
    store.close()


@pytest.fixture
def server(pg_database: str) -> Iterator[Store]:
    store = Store.open(pg_database)
    yield store
    store.close()


def _add(store: Store, name: str) -> uuid.UUID:
    org_id = uuid.uuid4()
    store.run("create", lambda s: s.add(Organisation(id=org_id, name_fi=name)))
    return org_id


def _names(store: Store) -> set[str]:
    with store.read() as session:
        return set(session.scalars(select(Organisation.name_fi).where(
            Organisation.deleted.is_(False))))


def test_offline_edits_on_both_sides_converge_and_a_second_run_changes_nothing(laptop, server):
    edited, both, gone = (_add(server, name) for name in ("Kyläyhdistys ry", "Kuoro ry", "Seura ry"))
    first = synchronise(laptop, server)
    assert first.received.added == 3 and canonical(laptop) == canonical(server)

    # Offline: each side adds, edits different fields of one record and the same field of
    # another; the laptop deletes a record.
    _add(laptop, "Kannettavan yhdistys ry")
    set_organisation(laptop, both, phone="040 111")
    set_organisation(laptop, edited, name_fi="Kyläyhdistys (kannettava) ry")
    set_organisation(laptop, gone, deleted=True)
    _add(server, "Palvelimen yhdistys ry")
    set_organisation(server, both, email="kuoro@example.fi")
    set_organisation(server, edited, name_fi="Kyläyhdistys (palvelin) ry")  # later: it wins

    report = synchronise(laptop, server)
    assert (report.received.added, report.received.updated, report.received.conflicts) == (1, 2, 1)
    assert (report.sent.added, report.sent.updated, report.sent.deleted) == (1, 1, 1)
    assert canonical(laptop) == canonical(server)
    assert _names(server) == {"Kyläyhdistys (palvelin) ry", "Kuoro ry", "Kannettavan yhdistys ry",
                              "Palvelimen yhdistys ry"}
    assert (read_organisation(server, both).phone, read_organisation(server, both).email) == ("040 111", "kuoro@example.fi")
    [conflict] = list_conflicts(laptop)
    assert (conflict.field, conflict.our_value, conflict.their_value, conflict.winner) == \
        ("name_fi", "Kyläyhdistys (kannettava) ry", "Kyläyhdistys (palvelin) ry", "theirs")
    # Each side knows the other as a peer and noted the exchanges.
    assert [p.replica_id for p in list_peers(laptop)] == [server.replica_id]
    assert [p.replica_id for p in list_peers(server)] == [laptop.replica_id]
    assert {e.direction for e in exchange_history(server)} == {"import", "export"}

    before = canonical(server)
    again = synchronise(laptop, server)
    assert not again.changed and again.conflicts == 0
    assert canonical(laptop) == canonical(server) == before
    assert len(list_conflicts(laptop)) == 1 and list_conflicts(server) == []


def test_two_users_on_the_server_and_an_offline_laptop_end_with_one_register(
        laptop, server, pg_database):
    shared = _add(server, "Yhteinen ry")
    synchronise(laptop, server)
    anna, bertta = Store.open(pg_database), Store.open(pg_database)
    try:
        assert anna.replica_id == bertta.replica_id == server.replica_id
        errors: list[BaseException] = []

        def work(store: Store, who: str) -> None:
            try:
                for n in range(15):
                    _add(store, f"{who} {n} ry")
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        # Both users save at the same time, while the laptop works offline.
        threads = [threading.Thread(target=work, args=(s, w)) for s, w in
                   ((anna, "Anna"), (bertta, "Bertta"))]
        for thread in threads:
            thread.start()
        _add(laptop, "Kannettava ry")
        set_organisation(laptop, shared, phone="040 222")
        for thread in threads:
            thread.join()
        assert errors == []
        set_organisation(anna, shared, email="yhteinen@example.fi")
        set_organisation(bertta, shared, name_fi="Yhteinen seura ry")

        report = synchronise(laptop, server)
        assert report.conflicts == 0
    finally:
        anna.close()
        bertta.close()
    assert canonical(laptop) == canonical(server)
    expected = {f"{who} {n} ry" for who in ("Anna", "Bertta") for n in range(15)}
    assert _names(laptop) >= expected | {"Kannettava ry", "Yhteinen seura ry"}
    org = read_organisation(laptop, shared)
    assert (org.name_fi, org.phone, org.email) == ("Yhteinen seura ry", "040 222",
                                                   "yhteinen@example.fi")
    # The two users' writes never shared a clock, though made by two processes' clocks at once.
    with server.read() as session:
        stamps = list(session.scalars(select(Organisation.base_clock)))
    assert len(stamps) == len(set(stamps)) == 32


def test_the_command_line_synchronises_with_the_server(laptop, server, pg_database, capsys):
    _add(laptop, "Komentorivin ry")
    _add(server, "Palvelimen ry")
    path = laptop.path
    laptop.close()
    for _run in range(2):
        assert main(["sync", "server", pg_database, "--db", str(path)]) == 0, capsys.readouterr().err
        assert server.location in capsys.readouterr().out
    assert _names(server) == {"Komentorivin ry", "Palvelimen ry"}
    reopened = Store.open(path)
    try:
        assert canonical(reopened) == canonical(server)
        assert len(exchange_history(reopened)) == 4  # an import and an export each time
    finally:
        reopened.close()
    assert main(["sync", "server", str(path), "--db", str(path)]) == 1
    assert str(path) in capsys.readouterr().err


def test_a_read_only_user_takes_the_servers_changes_and_sends_nothing(laptop, server, postgres,
                                                                     pg_database, tmp_path, capsys):
    assert main(["admin", "init-server", "--db", pg_database]) == 0
    name, password = f"lukija_{make_url(pg_database).database}", "lukija-salasana"
    secret = tmp_path / "secret.txt"
    secret.write_text(password + "\n", encoding="utf-8")
    assert main(["admin", "add-user", name, "--role", READONLY, "--password-file", str(secret),
                 "--db", pg_database]) == 0
    reader = open_server(postgres.url(make_url(pg_database).database, user=name,
                                      password=password))
    try:
        first_id = _add(server, "Palvelimen ry")
        _add(laptop, "Kannettavan oma ry")
        report = synchronise(laptop, reader)
        assert report.read_only and report.received.added == 1 and not report.sent.added
        assert _("Your role on the server is read-only: this copy's own changes were not sent "
                 "and stay in this copy.") in "\n".join(report.lines())
        assert _names(laptop) == {"Palvelimen ry", "Kannettavan oma ry"}
        assert _names(server) == {"Palvelimen ry"}
        # The next time, only what the server changed since: the laptop's own record says
        # what it has seen.
        set_organisation(server, first_id, phone="06 123 4567")
        _add(server, "Toinen ry")
        again = synchronise(laptop, reader)
        assert (again.received.added, again.received.updated) == (1, 1)
        assert again.received.records == 2  # a delta, not the whole register again
        assert read_organisation(laptop, first_id).phone == "06 123 4567"
        assert synchronise(laptop, reader).received.records == 0
    finally:
        reader.close()


def test_the_demo_register_goes_to_an_empty_server_and_comes_back_the_same(
        demo_template, tmp_path, server):
    laptop = open_copy(demo_template, tmp_path / "copies", "Demo")
    content = "Todiste: pöytäkirja §3".encode() * 100

    def attach(session) -> None:  # noqa: ANN001
        attachment = Attachment(sha256=hashlib.sha256(content).hexdigest(), filename="todiste.txt",
                                media_type="text/plain", size=len(content), content=content)
        session.add(attachment)
        session.flush()
        session.scalars(select(ChecklistItem)).first().evidence_attachment_id = attachment.id

    try:
        laptop.run("attach", attach)
        report = synchronise(laptop, server)
        assert report.sent.added > 1000 and report.received.conflicts == 0
        assert canonical(server) == canonical(laptop)
        word = next(name for name in sorted(_names(laptop)) if name).split()[0]
        assert matching_ids(server, word) == matching_ids(laptop, word) != set()
        assert not synchronise(laptop, server).changed
    finally:
        laptop.close()
