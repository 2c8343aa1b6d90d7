"""Bad bundles are refused whole, each with its own message, and the database file is unchanged."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.errors import KnownError
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from desktop.sync import crypto
from desktop.sync.errors import (
    ChecksumMismatchError,
    DamagedBundleError,
    EncryptedBundleError,
    MalformedBundleError,
    NewerBundleError,
    NotABundleError,
    OversizedBundleError,
    OwnBundleError,
    UnexpectedMemberError,
    UnsafeMemberError,
    WrongPassphraseError,
    ZipBombError,
)
from desktop.sync.export import export_bundle
from desktop.sync.merge import import_bundle
from desktop.sync.validate import Limits
from tests.sync_copies import open_copy

MESSAGES: dict[str, str] = {}


@pytest.fixture
def sender(empty_template: Path, tmp_path: Path) -> Iterator[Store]:
    store = open_copy(empty_template, tmp_path / "copies", "Lähettäjä")
    store.run("orgs", lambda s: s.add_all(
        [Organisation(name_fi=f"Yhdistys {n} ry", phone=f"040 {n}") for n in range(20)]))
    yield store
    store.close()


@pytest.fixture
def good(sender: Store, tmp_path: Path) -> Path:
    path = tmp_path / "good.kumppani"
    export_bundle(sender, path, full=True)
    return path


@pytest.fixture
def receiver_path(empty_template: Path, tmp_path: Path) -> Path:
    store = open_copy(empty_template, tmp_path / "copies", "Vastaanottaja")
    store.run("one", lambda s: s.add(Organisation(name_fi="Oma ry")))
    store.close()
    return store.path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(db: Path, bundle: Path, error: type[KnownError], *,
                   passphrase: str | None = None, limits: Limits | None = None) -> str:
    """Import ``bundle`` into ``db``; it must raise ``error`` and leave the file as it was."""
    before = _digest(db)
    store = Store.open(db, backup_dir=db.parent / "backups")
    try:
        with pytest.raises(error) as caught:
            if limits is None:
                import_bundle(store, bundle, passphrase)
            else:
                import_bundle(store, bundle, passphrase, limits)
    finally:
        store.close()
    assert _digest(db) == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    message = str(caught.value)
    assert bundle.name in message
    reason = message.replace(bundle.name, "FILE")
    assert reason not in MESSAGES.values(), "each refusal says its own reason"
    MESSAGES[error.__name__] = reason
    return message


def _rezip(source: Path, target: Path, change: Callable[[dict[str, bytes]], None],
           fix_manifest: bool = True) -> Path:
    """A copy of a bundle with its members changed (and the manifest's checksums redone)."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    change(members)
    if fix_manifest:
        manifest = json.loads(members["manifest.json"])
        manifest["members"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items() if name != "manifest.json"}
        members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def _edit_manifest(**changes: object) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        manifest.update(changes)
        members["manifest.json"] = json.dumps(manifest).encode()

    return change


def _edit_first_record(edit: Callable[[dict], None]) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        lines = members["changes/organisation.jsonl"].decode().splitlines()
        record = json.loads(lines[0])
        edit(record)
        lines[0] = json.dumps(record)
        members["changes/organisation.jsonl"] = ("\n".join(lines) + "\n").encode()

    return change


def test_a_file_that_is_not_a_zip(receiver_path, tmp_path):
    path = tmp_path / "notes.kumppani"
    path.write_text("Muistiinpanoja, ei synkronointitiedosto.", encoding="utf-8")
    assert_refused(receiver_path, path, NotABundleError)


def test_a_truncated_bundle(receiver_path, good, tmp_path):
    path = tmp_path / "cut.kumppani"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert_refused(receiver_path, path, DamagedBundleError)


def test_a_tampered_member(receiver_path, good, tmp_path):
    def tamper(members: dict[str, bytes]) -> None:
        members["changes/organisation.jsonl"] = members["changes/organisation.jsonl"].replace(
            b"Yhdistys 3 ry", b"Huijaus 3 ry")

    path = _rezip(good, tmp_path / "tampered.kumppani", tamper, fix_manifest=False)
    message = assert_refused(receiver_path, path, ChecksumMismatchError)
    assert "changes/organisation.jsonl" in message


def test_a_bundle_larger_than_allowed(receiver_path, good):
    assert_refused(receiver_path, good, OversizedBundleError, limits=Limits(max_total_bytes=2000))


def test_a_zip_bomb(receiver_path, good, tmp_path):
    def bomb(members: dict[str, bytes]) -> None:
        members["changes/organisation.jsonl"] = b"\n" * (40 << 20)

    path = _rezip(good, tmp_path / "bomb.kumppani", bomb)
    assert path.stat().st_size < 200_000
    assert_refused(receiver_path, path, ZipBombError)


@pytest.mark.parametrize("member", ["../x", "/abs/x", "changes/../../etc/passwd", "C:\\x"])
def test_members_that_would_escape_the_folder(receiver_path, good, tmp_path, member):
    def escape(members: dict[str, bytes]) -> None:
        members[member] = b"#!/bin/sh\n"

    path = _rezip(good, tmp_path / "slip.kumppani", escape)
    MESSAGES.pop(UnsafeMemberError.__name__, None)
    message = assert_refused(receiver_path, path, UnsafeMemberError)
    assert member in message


def test_an_unexpected_member(receiver_path, good, tmp_path):
    path = _rezip(good, tmp_path / "extra.kumppani", lambda m: m.update({"run.sh": b"echo"}))
    assert_refused(receiver_path, path, UnexpectedMemberError)


def test_a_bundle_from_a_newer_version(receiver_path, good, tmp_path):
    path = _rezip(good, tmp_path / "newer.kumppani", _edit_manifest(schema_version="9999"))
    message = assert_refused(receiver_path, path, NewerBundleError)
    assert "9999" in message


def test_a_bundle_from_an_older_data_version_is_accepted(receiver_path, good, tmp_path):
    path = _rezip(good, tmp_path / "older.kumppani", _edit_manifest(schema_version="0007"))
    store = Store.open(receiver_path, backup_dir=tmp_path / "backups")
    try:
        assert import_bundle(store, path).added == 20
    finally:
        store.close()


@pytest.mark.parametrize("edit", [
    lambda r: r["values"].update(name_fi=5),
    lambda r: r["values"].update(domicile_code=["091"]),
    lambda r: r["values"].update(unknown_column="x"),
    lambda r: r.update(id="not-a-uuid"),
    lambda r: r["clocks"].update({"*": ["yesterday", ""]}),
    lambda r: r.pop("clocks"),
], ids=["type", "list-for-string", "unknown-field", "id", "clock", "shape"])
def test_values_of_the_wrong_shape_or_type(receiver_path, good, tmp_path, edit):
    path = _rezip(good, tmp_path / "malformed.kumppani", _edit_first_record(edit))
    MESSAGES.pop(MalformedBundleError.__name__, None)
    message = assert_refused(receiver_path, path, MalformedBundleError)
    assert "changes/organisation.jsonl" in message


def test_a_wrong_passphrase(receiver_path, good, tmp_path):
    path = tmp_path / "locked.kumppani"
    path.write_bytes(crypto.encrypt(good.read_bytes(), "oikea"))
    assert_refused(receiver_path, path, WrongPassphraseError, passphrase="väärä")
    assert_refused(receiver_path, path, EncryptedBundleError)


def test_a_bundle_from_this_very_copy(empty_template, tmp_path):
    store = open_copy(empty_template, tmp_path / "own", "Itse")
    store.run("one", lambda s: s.add(Organisation(name_fi="Oma ry")))
    export_bundle(store, tmp_path / "own.kumppani")
    store.close()
    assert_refused(store.path, tmp_path / "own.kumppani", OwnBundleError)


def test_the_in_memory_reader_refuses_too(good):
    # The same checks run on bytes (the shared folder mode will read files it did not write).
    from desktop.sync.validate import parse_bundle

    data = good.read_bytes()
    with pytest.raises(DamagedBundleError):
        parse_bundle(data[:-30], "x.kumppani")
    assert parse_bundle(io.BytesIO(data).getvalue(), "x.kumppani").record_count == 20


def test_a_missing_file_and_an_unwritable_place_are_told_plainly(sender, tmp_path):
    with pytest.raises(KnownError, match="nowhere.kumppani"):
        import_bundle(sender, tmp_path / "nowhere.kumppani")
    with pytest.raises(KnownError, match="out.kumppani"):
        export_bundle(sender, tmp_path / "no" / "such" / "folder" / "out.kumppani")
