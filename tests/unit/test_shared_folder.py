"""Shared folder mode and a copied database's new identity, over real SQLite copies."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.errors import KnownError
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from desktop.sync import shared_folder as folder
from desktop.sync.errors import OwnBundleError
from desktop.sync.export import export_bundle
from desktop.sync.merge import import_bundle
from desktop.sync.peers import exchange_history, new_identity, replica_name, set_replica_name
from tests.sync_copies import canonical, exchange, open_copy


@pytest.fixture
def copies(empty_template: Path, tmp_path: Path) -> Iterator[list[Store]]:
    stores = [open_copy(empty_template, tmp_path / "copies", name) for name in ("Anna", "Bertta")]
    yield stores
    for store in stores:
        store.close()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "Nextcloud" / "Kumppani"
    path.mkdir(parents=True)
    return path


def _new_organisation(store: Store, name: str) -> uuid.UUID:
    org_id = uuid.uuid4()
    store.run("create", lambda s: s.add(Organisation(id=org_id, name_fi=name)))
    return org_id


def _name(store: Store, org_id: uuid.UUID) -> str | None:
    with store.read() as session:
        org = session.get(Organisation, org_id)
        return org.name_fi if org else None


def _statuses(results: list[folder.FolderResult]) -> dict[str, str]:
    return {r.path.name: r.status for r in results}


def test_each_copy_writes_its_own_file_and_imports_only_the_others_new_ones(copies, shared):
    anna, bertta = copies
    first = _new_organisation(anna, "Kyläyhdistys ry")
    anna_file = folder.write_outbox(anna, shared).path
    assert anna_file == folder.outbox_path(anna, shared)
    assert anna_file.name.startswith("kumppani-anna-") and anna_file.name.endswith(".kumppani")
    folder.write_outbox(bertta, shared)
    assert folder.incoming_files(bertta, shared) == [anna_file]  # never its own

    [result] = folder.import_folder(bertta, shared)
    assert result.status == folder.IMPORTED and result.report is not None
    assert (result.report.added, result.report.peer_name) == (1, "Anna")
    assert _name(bertta, first) == "Kyläyhdistys ry"
    imports = len([e for e in exchange_history(bertta) if e.direction == "import"])

    # Unchanged since: skipped without importing, even when only its time changed.
    assert _statuses(folder.import_folder(bertta, shared)) == {anna_file.name: folder.UNCHANGED}
    stat = anna_file.stat()
    os.utime(anna_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert _statuses(folder.import_folder(bertta, shared)) == {anna_file.name: folder.UNCHANGED}
    assert len([e for e in exchange_history(bertta) if e.direction == "import"]) == imports

    second = _new_organisation(anna, "Lukupiiri ry")
    folder.write_outbox(anna, shared)  # replaces the file in place
    assert sorted(p.name for p in shared.iterdir()) == sorted(
        [anna_file.name, folder.outbox_path(bertta, shared).name])
    [result] = folder.import_folder(bertta, shared)
    assert result.status == folder.IMPORTED
    assert _name(bertta, second) == "Lukupiiri ry"

    # And back: Anna reads Bertta's file; both hold the same register.
    folder.write_outbox(bertta, shared)
    assert _statuses(folder.import_folder(anna, shared)) == {
        folder.outbox_path(bertta, shared).name: folder.IMPORTED}
    assert canonical(anna) == canonical(bertta)


def test_renaming_a_copy_replaces_its_file_rather_than_adding_one(copies, shared):
    anna, _bertta = copies
    old = folder.write_outbox(anna, shared).path
    set_replica_name(anna, "Anna Äijälä, Vaasa")
    new = folder.write_outbox(anna, shared).path
    assert new != old and not old.exists()
    assert new.name.startswith("kumppani-anna-äijälä-vaasa-")
    assert [p.name for p in shared.iterdir()] == [new.name]


def test_a_refused_file_is_reported_with_its_reason_and_tried_again_next_time(copies, shared):
    anna, bertta = copies
    org_id = _new_organisation(anna, "Kuoro ry")
    good = folder.write_outbox(anna, shared).path
    broken = shared / "kumppani-cecilia-0123456789ab.kumppani"
    broken.write_bytes(good.read_bytes()[:200])  # cut short while copying
    results = {r.path.name: r for r in folder.import_folder(bertta, shared)}
    assert results[good.name].status == folder.IMPORTED
    assert results[broken.name].status == folder.REFUSED
    assert broken.name in results[broken.name].reason
    assert _name(bertta, org_id) == "Kuoro ry"
    # Unchanged, but refused before: tried again (the reason may have gone, e.g. an update).
    again = _statuses(folder.import_folder(bertta, shared))
    assert again == {good.name: folder.UNCHANGED, broken.name: folder.REFUSED}


def test_encrypted_files_wait_for_their_passphrase(copies, shared):
    anna, bertta = copies
    org_id = _new_organisation(anna, "Salainen ry")
    path = folder.write_outbox(anna, shared, passphrase="kolme sanaa tässä").path
    assert path.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert _statuses(folder.import_folder(bertta, shared)) == {path.name: folder.NEEDS_PASSPHRASE}
    assert _name(bertta, org_id) is None
    assert _statuses(folder.import_folder(bertta, shared, "väärä")) == {path.name: folder.REFUSED}
    assert _statuses(folder.import_folder(bertta, shared, "kolme sanaa tässä")) == {
        path.name: folder.IMPORTED}
    assert _name(bertta, org_id) == "Salainen ry"


def test_a_missing_folder_is_told_plainly(copies, tmp_path):
    anna, _bertta = copies
    with pytest.raises(KnownError, match="not-mounted"):
        folder.write_outbox(anna, tmp_path / "not-mounted")
    with pytest.raises(KnownError, match="not-mounted"):
        folder.import_folder(anna, tmp_path / "not-mounted")


def test_a_copied_database_file_gets_an_identity_of_its_own(copies, tmp_path, shared):
    anna, _bertta = copies
    shared_org = _new_organisation(anna, "Yhteinen ry")
    copy_path = tmp_path / "laptop" / "kumppani.sqlite3"
    copy_path.parent.mkdir()
    shutil.copyfile(anna.path, copy_path)
    laptop = Store.open(copy_path, backup_dir=tmp_path / "backups")
    try:
        assert laptop.replica_id == anna.replica_id
        laptop_org = _new_organisation(laptop, "Kannettavan ry")
        export_bundle(laptop, tmp_path / "laptop.kumppani")
        with pytest.raises(OwnBundleError):
            import_bundle(anna, tmp_path / "laptop.kumppani")
        # In the shared folder, the copy's file is recognised by its id: not even read.
        shutil.copyfile(tmp_path / "laptop.kumppani", shared / "from-the-laptop.kumppani")
        assert _statuses(folder.import_folder(anna, shared)) == {
            "from-the-laptop.kumppani": folder.OWN}
        assert _statuses(folder.import_folder(anna, shared)) == {
            "from-the-laptop.kumppani": folder.UNCHANGED}

        anna_file = folder.write_outbox(anna, shared).path
        assert anna_file not in folder.incoming_files(laptop, shared)  # named as its own

        old = laptop.replica_id
        new = new_identity(laptop, "Annan kannettava")
        assert new != old and laptop.replica_id == new
        assert replica_name(laptop) == "Annan kannettava"
        laptop.close()
        laptop = Store.open(copy_path, backup_dir=tmp_path / "backups")  # it is kept
        assert laptop.replica_id == new
        _new_organisation(laptop, "Uuden identiteetin ry")
        # The files under the old, shared id are the others' now (the laptop's own past: no news).
        results = {r.path.name: r for r in folder.import_folder(laptop, shared)}
        assert {name: r.status for name, r in results.items()} == {
            anna_file.name: folder.IMPORTED, "from-the-laptop.kumppani": folder.IMPORTED}
        assert results["from-the-laptop.kumppani"].report.added == 0

        report = exchange(laptop, anna, tmp_path / "1.kumppani")
        assert report.peer_name == "Annan kannettava" and report.added == 2
        assert _name(anna, laptop_org) == "Kannettavan ry"
        _new_organisation(anna, "Annan uusi ry")
        exchange(anna, laptop, tmp_path / "2.kumppani")
        assert canonical(anna) == canonical(laptop)
        assert _name(laptop, shared_org) == "Yhteinen ry"
    finally:
        laptop.close()


def test_a_twin_copy_writing_under_the_same_id_is_told_and_never_overwritten(copies, tmp_path, shared):
    anna, _bertta = copies
    _new_organisation(anna, "Ennen kopiointia ry")
    copy_path = tmp_path / "laptop.sqlite3"
    shutil.copyfile(anna.path, copy_path)
    laptop = Store.open(copy_path, backup_dir=tmp_path / "backups")
    try:
        twin_org = _new_organisation(laptop, "Kannettavalla tehty ry")
        twin_file = folder.write_outbox(laptop, shared).path
        assert twin_file == folder.outbox_path(anna, shared)  # the same name and id
        with pytest.raises(folder.TwinCopyError, match=twin_file.name):
            folder.write_outbox(anna, shared)
        assert twin_file.read_bytes() and _name(anna, twin_org) is None
        [result] = folder.import_folder(anna, shared)
        assert (result.path, result.status) == (twin_file, folder.TWIN)
        assert twin_file.name in result.reason

        # The laptop takes a new identity: its next file has its new name, the old one goes,
        # and Anna both reads the laptop's file and writes her own again.
        new_identity(laptop, "Annan kannettava")
        new_file = folder.write_outbox(laptop, shared).path
        assert not twin_file.exists() and new_file.exists()
        assert _statuses(folder.import_folder(anna, shared)) == {new_file.name: folder.IMPORTED}
        assert _name(anna, twin_org) == "Kannettavalla tehty ry"
        assert folder.write_outbox(anna, shared).path == twin_file
    finally:
        laptop.close()
