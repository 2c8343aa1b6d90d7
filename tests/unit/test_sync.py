"""Sync by file: field-level merging, conflicts and their resolution, tombstones, deltas."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pty
import select
import shutil
import subprocess
import time
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select as sql_select

from desktop.cli import main
from desktop.services.register import matching_ids
from desktop.storage.hlc import Timestamp
from desktop.storage.models import (
    Attachment,
    AuditEntry,
    ChecklistItem,
    ContactPerson,
    Organisation,
    Representation,
)
from desktop.storage.store import Store
from desktop.sync import bundle as fmt
from desktop.sync.conflicts import list_conflicts, resolve_conflict
from desktop.sync.errors import MissingReferencesError
from desktop.sync.export import export_bundle
from desktop.sync.merge import import_bundle
from desktop.sync.peers import exchange_history, list_peers
from tests.sync_copies import (
    canonical,
    conflicts,
    exchange,
    open_copy,
    read_organisation,
    set_organisation,
)


@pytest.fixture
def copies(empty_template: Path, tmp_path: Path) -> Iterator[list[Store]]:
    stores = [open_copy(empty_template, tmp_path / "copies", name) for name in ("A", "B", "C")]
    yield stores
    for store in stores:
        store.close()


def _new_organisation(store: Store, **values: object) -> uuid.UUID:
    org_id = uuid.uuid4()
    store.run("create", lambda s: s.add(Organisation(id=org_id, **values)))
    return org_id


def test_changes_to_different_fields_of_one_record_both_survive(copies, tmp_path):
    a, b, _c = copies
    org_id = _new_organisation(a, name_fi="Kyläyhdistys ry")
    exchange(a, b, tmp_path / "1.kumppani")
    set_organisation(a, org_id, phone="040 111")
    set_organisation(b, org_id, email="kyla@example.fi")
    exchange(a, b, tmp_path / "2.kumppani")
    exchange(b, a, tmp_path / "3.kumppani")
    for store in (a, b):
        org = read_organisation(store, org_id)
        assert (org.phone, org.email) == ("040 111", "kyla@example.fi")
        assert conflicts(store) == []
    assert canonical(a) == canonical(b)


def test_the_same_field_changed_in_both_copies_is_a_conflict_that_a_person_resolves(copies, tmp_path):
    a, b, _c = copies
    org_id = _new_organisation(a, name_fi="Vanha nimi ry")
    exchange(a, b, tmp_path / "1.kumppani")
    set_organisation(a, org_id, name_fi="Annan nimi ry")
    set_organisation(b, org_id, name_fi="Bertan nimi ry")  # later, so it wins
    report = exchange(a, b, tmp_path / "2.kumppani")
    assert (report.conflicts, report.updated) == (1, 0)
    report = exchange(b, a, tmp_path / "3.kumppani")
    assert (report.conflicts, report.updated) == (1, 1)
    assert read_organisation(a, org_id).name_fi == read_organisation(b, org_id).name_fi == "Bertan nimi ry"

    [at_a] = list_conflicts(a)
    [at_b] = list_conflicts(b)
    assert (at_a.field, at_a.our_value, at_a.their_value, at_a.winner) == \
        ("name_fi", "Annan nimi ry", "Bertan nimi ry", "theirs")
    assert (at_b.our_value, at_b.their_value, at_b.winner) == ("Bertan nimi ry", "Annan nimi ry", "ours")
    assert at_a.record == "Bertan nimi ry" and at_a.peer_name == "B"

    resolve_conflict(a, at_a.id, "mine")  # A keeps its own name: a new change that syncs
    assert read_organisation(a, org_id).name_fi == "Annan nimi ry"
    assert list_conflicts(a) == []
    report = exchange(a, b, tmp_path / "4.kumppani")
    assert (report.updated, report.conflicts, report.resolved_elsewhere) == (1, 0, 1)
    assert read_organisation(b, org_id).name_fi == "Annan nimi ry"
    assert list_conflicts(b) == []
    assert [c.resolution for c in list_conflicts(b, include_resolved=True)] == ["elsewhere"]
    exchange(b, a, tmp_path / "5.kumppani")
    assert canonical(a) == canonical(b)


def test_an_edited_value_resolves_a_conflict(copies, tmp_path):
    a, b, _c = copies
    org_id = _new_organisation(a, sectors=["sports"])
    exchange(a, b, tmp_path / "1.kumppani")
    set_organisation(a, org_id, sectors=["culture"])
    set_organisation(b, org_id, sectors=["youth"])
    exchange(b, a, tmp_path / "2.kumppani")
    [conflict] = list_conflicts(a)
    resolve_conflict(a, conflict.id, "edited", ["culture", "youth"])
    exchange(a, b, tmp_path / "3.kumppani")
    assert read_organisation(b, org_id).sectors == read_organisation(a, org_id).sectors == ["culture", "youth"]


def test_a_value_replaced_by_someone_who_had_seen_it_is_no_conflict(copies, tmp_path):
    a, b, c = copies
    org_id = _new_organisation(a, name_fi="Ensimmäinen")
    exchange(a, b, tmp_path / "1.kumppani")
    set_organisation(b, org_id, name_fi="Toinen")
    set_organisation(b, org_id, name_fi="Kolmas")  # twice in a row here
    exchange(b, a, tmp_path / "2.kumppani")
    set_organisation(a, org_id, name_fi="Neljäs")
    exchange(a, b, tmp_path / "3.kumppani")
    exchange(a, c, tmp_path / "4.kumppani")
    assert read_organisation(b, org_id).name_fi == read_organisation(c, org_id).name_fi == "Neljäs"
    assert conflicts(a) == conflicts(b) == conflicts(c) == []


def test_importing_a_bundle_again_changes_nothing(copies, tmp_path):
    a, b, _c = copies
    org_id = _new_organisation(a, name_fi="Sama ry")
    exchange(a, b, tmp_path / "1.kumppani")
    set_organisation(a, org_id, name_fi="A ry")
    set_organisation(b, org_id, name_fi="B ry")
    path = tmp_path / "again.kumppani"
    export_bundle(b, path)
    first = import_bundle(a, path)
    before, kept = canonical(a), conflicts(a)
    second = import_bundle(a, path)
    assert first.written == 1 and first.conflicts == 1
    assert (second.written, second.added, second.updated, second.conflicts) == (0, 0, 0, 0)
    assert canonical(a) == before
    assert [(c.id, c.our_clock) for c in conflicts(a)] == [(c.id, c.our_clock) for c in kept]


def test_bundles_applied_in_either_order_give_the_same_content(copies, tmp_path, empty_template):
    a, b, c = copies
    shared = _new_organisation(a, name_fi="Yhteinen ry")
    exchange(a, b, tmp_path / "0.kumppani")
    set_organisation(a, shared, name_fi="A:n", phone="1")
    set_organisation(b, shared, name_fi="B:n", email="b@x.fi", deleted=True)
    _new_organisation(b, name_fi="B:n oma")
    export_bundle(a, tmp_path / "a.kumppani", full=True)
    export_bundle(b, tmp_path / "b.kumppani", full=True)
    other = open_copy(empty_template, tmp_path / "copies", "D")
    try:
        import_bundle(c, tmp_path / "a.kumppani")
        import_bundle(c, tmp_path / "b.kumppani")
        import_bundle(other, tmp_path / "b.kumppani")
        import_bundle(other, tmp_path / "a.kumppani")
        assert canonical(c) == canonical(other)
    finally:
        other.close()


def test_a_deletion_wins_over_an_edit_it_had_not_seen_and_the_edit_is_offered_back(copies, tmp_path):
    a, b, _c = copies
    org_id = _new_organisation(a, name_fi="Poistettava ry")
    exchange(a, b, tmp_path / "1.kumppani")
    set_organisation(a, org_id, deleted=True)
    set_organisation(b, org_id, phone="050 999")  # after the deletion, not knowing of it
    export_bundle(a, tmp_path / "2a.kumppani")  # the files cross: each copy sees the other's
    export_bundle(b, tmp_path / "2b.kumppani")
    import_bundle(b, tmp_path / "2a.kumppani")
    import_bundle(a, tmp_path / "2b.kumppani")
    for store in (a, b):
        org = read_organisation(store, org_id)
        assert org.deleted and org.phone == "050 999"  # the edit is kept in the tombstone
        [conflict] = list_conflicts(store)
        assert conflict.field == "deleted"
    assert matching_ids(a, "poistettava") == set()
    restore = next(c for c in list_conflicts(b))
    resolve_conflict(b, restore.id, "mine")  # B had it alive
    exchange(b, a, tmp_path / "4.kumppani")
    assert not read_organisation(a, org_id).deleted and read_organisation(a, org_id).phone == "050 999"
    assert matching_ids(a, "poistettava") == {org_id}
    assert list_conflicts(a) == []  # A's entry of the same pair closed with B's resolution


def test_merged_changes_keep_their_writer_and_clock_and_the_audit_log_names_the_import(copies, tmp_path):
    a, b, _c = copies
    org_id = _new_organisation(a, name_fi="Kellotettu ry")
    written = read_organisation(a, org_id).hlc
    exchange(a, b, tmp_path / "1.kumppani")
    org = read_organisation(b, org_id)
    assert (org.hlc, org.replica_id) == (written, a.replica_id)
    assert b.clock.last > Timestamp.parse(written)
    with b.read() as session:
        [entry] = session.scalars(sql_select(AuditEntry).where(
            AuditEntry.operation == "sync import from A"))
    assert (entry.table_name, entry.action, entry.changes) == ("organisation", "insert", {"records": 1})
    # B's next edit is stamped after A's change, so it wins back at A.
    set_organisation(b, org_id, phone="1")
    exchange(b, a, tmp_path / "2.kumppani")
    assert read_organisation(a, org_id).phone == "1" and conflicts(a) == []
    with a.read() as session:
        [entry] = session.scalars(sql_select(AuditEntry).where(
            AuditEntry.record_id == str(org_id), AuditEntry.operation == "sync import from B"))
    assert (entry.action, entry.changes) == ("update", {"phone": ["", "1"]})


def test_the_search_index_finds_what_an_import_added(copies, tmp_path):
    a, b, _c = copies
    org_id = _new_organisation(a, name_fi="Hakukelpoinen yhdistys")
    contact = uuid.uuid4()

    def add_contact(session) -> None:  # noqa: ANN001
        session.add(ContactPerson(id=contact, name="Saara Sukunimi"))
        session.flush()
        session.add(Representation(organisation_id=org_id, contact_id=contact))

    a.run("contact", add_contact)
    exchange(a, b, tmp_path / "1.kumppani")
    assert matching_ids(b, "hakukelpoinen") == {org_id}
    assert matching_ids(b, "sukunimi") == {org_id}


def test_a_delta_carries_only_what_the_peer_has_not_acknowledged(copies, tmp_path):
    a, b, _c = copies
    ids = [_new_organisation(a, name_fi=f"Järjestö {n}") for n in range(5)]
    first = export_bundle(a, tmp_path / "first.kumppani")  # no peers known yet: everything
    assert (first.kind, first.records) == ("full", 5)
    import_bundle(b, tmp_path / "first.kumppani")
    exchange(b, a, tmp_path / "ack.kumppani")  # B's bundle acknowledges what it has of A's
    set_organisation(a, ids[2], phone="040 2")
    delta = export_bundle(a, tmp_path / "delta.kumppani", peer="B")
    assert (delta.kind, delta.records, delta.peer_name) == ("delta", 1, "B")
    assert import_bundle(b, tmp_path / "delta.kumppani").updated == 1
    assert read_organisation(b, ids[2]).phone == "040 2"
    today = dt.date.today()
    assert export_bundle(a, tmp_path / "s1.kumppani", since=today - dt.timedelta(days=1)).records == 5
    assert export_bundle(a, tmp_path / "s2.kumppani", since=today + dt.timedelta(days=1)).records == 0
    with zipfile.ZipFile(tmp_path / "delta.kumppani") as archive:
        assert sorted(archive.namelist()) == ["changes/organisation.jsonl", "manifest.json"]
    history = exchange_history(a)
    assert [h.direction for h in history][:2] == ["export", "export"]
    [peer] = list_peers(a)
    assert (peer.name, peer.replica_id) == ("B", b.replica_id)


def test_every_syncable_table_travels_with_attachments(demo_store, empty_template, tmp_path):
    content = "Todiste: pöytäkirja §3".encode() * 100
    digest = hashlib.sha256(content).hexdigest()

    def attach(session) -> None:  # noqa: ANN001
        attachment = Attachment(sha256=digest, filename="todiste.txt", media_type="text/plain",
                                size=len(content), content=content)
        session.add(attachment)
        session.flush()
        item = session.scalars(sql_select(ChecklistItem)).first()
        item.evidence_attachment_id = attachment.id

    demo_store.run("attach", attach)
    export_bundle(demo_store, tmp_path / "demo.kumppani", full=True)
    with zipfile.ZipFile(tmp_path / "demo.kumppani") as archive:
        assert archive.read(f"attachments/{digest}") == content
    target = open_copy(empty_template, tmp_path / "copies", "T")
    try:
        report = import_bundle(target, tmp_path / "demo.kumppani")
        assert report.added > 1000
        assert canonical(target) == canonical(demo_store)
        assert len(canonical(target)) >= 10  # tables with rows in the demo
    finally:
        target.close()


def test_a_bundle_that_refers_to_records_missing_here_is_refused(copies, tmp_path):
    a, b, c = copies
    org_id = _new_organisation(a, name_fi="Emo ry")
    exchange(a, b, tmp_path / "1.kumppani")
    exchange(b, a, tmp_path / "2.kumppani")

    def add_contact(session) -> None:  # noqa: ANN001
        person = ContactPerson(name="Lapsi")
        session.add(person)
        session.flush()
        session.add(Representation(organisation_id=org_id, contact_id=person.id))

    a.run("contact", add_contact)
    export_bundle(a, tmp_path / "delta.kumppani", peer="B")
    before = canonical(c)
    with pytest.raises(MissingReferencesError, match="delta.kumppani"):
        import_bundle(c, tmp_path / "delta.kumppani")  # C never had the organisation
    assert canonical(c) == before
    assert import_bundle(b, tmp_path / "delta.kumppani").added == 2


def test_an_encrypted_bundle_opens_with_its_passphrase_and_with_the_age_tool(copies, tmp_path):
    a, b, _c = copies
    org_id = _new_organisation(a, name_fi="Salainen ry")
    path = tmp_path / "secret.kumppani"
    report = export_bundle(a, path, passphrase="oikea hevonen patteri")
    assert report.encrypted and path.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert b"Salainen" not in path.read_bytes()
    assert import_bundle(b, path, "oikea hevonen patteri").added == 1
    assert read_organisation(b, org_id).name_fi == "Salainen ry"

    # The standard tool decrypts it too; age reads a passphrase only from a terminal.
    age = shutil.which("age")
    assert age is not None, "the age command is needed (apt-get install age; .ci/setup does it)"
    plain = tmp_path / "plain.zip"
    pid, terminal = pty.fork()
    if pid == 0:
        os.execv(age, [age, "--decrypt", "--output", str(plain), str(path)])
    output, sent, deadline = b"", False, time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([terminal], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(terminal, 1024)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if not sent and b"passphrase" in output.lower():
                os.write(terminal, b"oikea hevonen patteri\n")
                sent = True
    _pid, status = os.waitpid(pid, 0)
    os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0, output
    with zipfile.ZipFile(plain) as archive:
        assert fmt.MANIFEST in archive.namelist()
        assert b"Salainen ry" in archive.read("changes/organisation.jsonl")


def test_the_command_line_exchanges_lists_and_resolves(copies, tmp_path, capsys):
    a, b, _c = copies
    org_id = _new_organisation(a, name_fi="Komentorivi ry")
    exchange(a, b, tmp_path / "1.kumppani")
    set_organisation(a, org_id, name_fi="Annan")
    set_organisation(b, org_id, name_fi="Bertan")
    a_db, b_db = a.path, b.path
    a.close()
    b.close()
    secret = tmp_path / "pass.txt"
    secret.write_text("kolme sanaa tässä\n", encoding="utf-8")
    bundle = tmp_path / "b.kumppani"
    assert main(["sync", "export", str(bundle), "--db", str(b_db), "--passphrase-file", str(secret)]) == 0
    assert str(bundle) in capsys.readouterr().out
    assert main(["sync", "import", str(bundle), "--db", str(a_db)]) == 1
    assert "b.kumppani" in capsys.readouterr().err  # encrypted: the passphrase is needed
    assert main(["sync", "import", str(bundle), "--db", str(a_db), "--passphrase-file", str(secret)]) == 0
    assert "B" in capsys.readouterr().out
    assert main(["sync", "conflicts", "--db", str(a_db)]) == 0
    listing = capsys.readouterr().out
    assert "Annan" in listing and "Bertan" in listing
    number = listing.split()[0]
    assert main(["sync", "resolve", number, "edited", "--value", "Yhteinen", "--db", str(a_db)]) == 0
    assert main(["sync", "export", str(tmp_path / "a.kumppani"), "--peer", "B", "--db", str(a_db)]) == 0
    assert main(["sync", "import", str(tmp_path / "a.kumppani"), "--db", str(b_db)]) == 0
    capsys.readouterr()
    assert main(["sync", "export", str(tmp_path / "x.kumppani"), "--peer", "Nobody", "--db", str(a_db)]) == 1
    assert "Nobody" in capsys.readouterr().err
    reopened = Store.open(b_db, backup_dir=tmp_path / "backups")
    try:
        assert read_organisation(reopened, org_id).name_fi == "Yhteinen"
    finally:
        reopened.close()
    copies[:2] = [Store.open(a_db, backup_dir=tmp_path / "backups"),
                  Store.open(b_db, backup_dir=tmp_path / "backups")]


def test_sync_help_lists_its_commands():
    result = subprocess.run([os.sys.executable, "-m", "desktop", "sync", "--help"],
                            capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0
    for command in ("export", "import", "conflicts", "resolve"):
        assert command in result.stdout


def test_the_fast_sqlite_path_writes_and_reads_exactly_what_the_portable_path_does(
        demo_store, empty_template, tmp_path):
    demo_store.run("odd values", lambda s: s.add(Organisation(
        name_fi='Lainaus "ja" kenoviiva \\ ry', notes="rivi\nrivi\u2028", sectors=[],
        domicile_code=None)))

    def lines(path: Path) -> dict[str, list[dict]]:
        with zipfile.ZipFile(path) as archive:
            return {name: sorted((json.loads(line) for line in archive.read(name).splitlines()),
                                 key=lambda record: record["id"])
                    for name in archive.namelist() if name.endswith(".jsonl")}

    export_bundle(demo_store, tmp_path / "fast.kumppani", full=True)
    export_bundle(demo_store, tmp_path / "portable.kumppani", full=True, fast=False)
    fast, portable = lines(tmp_path / "fast.kumppani"), lines(tmp_path / "portable.kumppani")
    assert fast == portable and len(fast) >= 10
    targets = [open_copy(empty_template, tmp_path / "copies", name) for name in ("F", "P")]
    try:
        import_bundle(targets[0], tmp_path / "fast.kumppani")
        import_bundle(targets[1], tmp_path / "fast.kumppani", fast=False)
        assert canonical(targets[0]) == canonical(targets[1]) == canonical(demo_store)
    finally:
        for store in targets:
            store.close()


def test_records_older_than_field_clocks_get_their_row_clock_as_base(tmp_path):
    import sqlite3

    from desktop.storage import migrate
    from desktop.storage.dialect import create_sqlite_engine

    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    migrate.upgrade(engine, "0007")
    engine.dispose()
    clock = "001764000000000-00003-0123456789abcdef0123456789abcdef"
    with sqlite3.connect(path) as con:
        con.execute(
            "INSERT INTO organisation (id, name_fi, name_sv, abbreviation, form, business_id,"
            " register_number, active_municipalities, sectors, languages, website, email, phone,"
            " postal_address, description, status, notes, created_at, updated_at, hlc, replica_id,"
            " deleted) VALUES ('00000000000040008000000000000001', 'Ennen kelloja ry', '', '',"
            " 'registered_association', '', '', '[]', '[]', '[]', '', '', '', '', '', 'active', '',"
            " '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', ?, ?, 0)",
            (clock, "0123456789abcdef0123456789abcdef"))
    con.close()
    store = Store.open(path, backup_dir=tmp_path / "backups")
    try:
        export_bundle(store, tmp_path / "old.kumppani", full=True)
        with zipfile.ZipFile(tmp_path / "old.kumppani") as archive:
            [line] = archive.read("changes/organisation.jsonl").splitlines()
        assert json.loads(line)["clocks"] == {"*": [clock, ""]}
    finally:
        store.close()
