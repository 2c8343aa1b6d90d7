"""Two officers' databases exchange files both ways from the command line and end identical."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from desktop.cli import main
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from tests.sync_copies import canonical, open_copy


def _with(path: Path, tmp_path: Path, work: Callable[[Store], object]) -> object:
    store = Store.open(path, backup_dir=tmp_path / "backups")
    try:
        return work(store)
    finally:
        store.close()


def _add(path: Path, tmp_path: Path, name: str) -> uuid.UUID:
    org_id = uuid.uuid4()
    _with(path, tmp_path, lambda s: s.run("create", lambda session: session.add(
        Organisation(id=org_id, name_fi=name))))
    return org_id


def _rename(path: Path, tmp_path: Path, org_id: uuid.UUID, name: str) -> None:
    def apply(session) -> None:  # noqa: ANN001
        session.get(Organisation, org_id).name_fi = name

    _with(path, tmp_path, lambda s: s.run("edit", apply))


def _names(path: Path, tmp_path: Path) -> set[str]:
    def read(store: Store) -> set[str]:
        with store.read() as session:
            return {o.name_fi for o in session.query(Organisation).filter_by(deleted=False)}

    return _with(path, tmp_path, read)  # type: ignore[return-value]


def _canonical(path: Path, tmp_path: Path) -> object:
    return _with(path, tmp_path, canonical)


def test_two_officers_exchange_resolve_a_conflict_and_end_identical(empty_template, tmp_path, capsys):
    stores = [open_copy(empty_template, tmp_path / "copies", name) for name in ("Anna", "Bertta")]
    a_db, b_db = (s.path for s in stores)
    for store in stores:
        store.close()

    def sync(*args: str) -> str:
        assert main(["sync", *args]) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    shared_id = _add(a_db, tmp_path, "Kyläyhdistys ry")
    sync("export", str(tmp_path / "a1.kumppani"), "--full", "--db", str(a_db))
    assert "Anna" in sync("import", str(tmp_path / "a1.kumppani"), "--db", str(b_db))
    _add(b_db, tmp_path, "Bertan kuoro ry")
    sync("export", str(tmp_path / "b1.kumppani"), "--peer", "Anna", "--db", str(b_db))
    sync("import", str(tmp_path / "b1.kumppani"), "--db", str(a_db))
    assert _names(a_db, tmp_path) == _names(b_db, tmp_path) == {"Kyläyhdistys ry", "Bertan kuoro ry"}

    _rename(a_db, tmp_path, shared_id, "Kyläyhdistys Annan mukaan ry")
    _rename(b_db, tmp_path, shared_id, "Kyläyhdistys Bertan mukaan ry")
    sync("export", str(tmp_path / "b2.kumppani"), "--peer", "Anna", "--db", str(b_db))
    sync("import", str(tmp_path / "b2.kumppani"), "--db", str(a_db))
    listing = sync("conflicts", "--db", str(a_db))
    assert "Annan mukaan" in listing and "Bertan mukaan" in listing
    sync("resolve", listing.split()[0], "edited", "--value", "Kylän yhdistys ry", "--db", str(a_db))
    assert "Kylän yhdistys ry" in _names(a_db, tmp_path)

    sync("export", str(tmp_path / "a2.kumppani"), "--peer", "Bertta", "--db", str(a_db))
    sync("import", str(tmp_path / "a2.kumppani"), "--db", str(b_db))
    sync("export", str(tmp_path / "b3.kumppani"), "--peer", "Anna", "--db", str(b_db))
    sync("import", str(tmp_path / "b3.kumppani"), "--db", str(a_db))
    assert "Kylän yhdistys ry" in _names(b_db, tmp_path)
    assert sync("conflicts", "--db", str(b_db)).strip() == sync("conflicts", "--db", str(a_db)).strip()
    assert _canonical(a_db, tmp_path) == _canonical(b_db, tmp_path)


def test_new_identity_lets_a_copied_database_file_exchange_with_its_original(
        empty_template, tmp_path, capsys):
    # A file's story: a server's database is not copied into a second one by its users.
    original = tmp_path / "original.sqlite3"
    shutil.copyfile(empty_template, original)
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(original, copy)
    _add(copy, tmp_path, "Kopion ry")
    assert main(["sync", "export", str(tmp_path / "c.kumppani"), "--db", str(copy)]) == 0
    capsys.readouterr()
    assert main(["sync", "import", str(tmp_path / "c.kumppani"), "--db", str(original)]) == 1
    assert "c.kumppani" in capsys.readouterr().err  # refused as its own

    old = _with(copy, tmp_path, lambda s: s.replica_id)
    assert main(["sync", "new-identity", "--name", "Kannettava", "--db", str(copy)]) == 0
    out = capsys.readouterr().out
    new = _with(copy, tmp_path, lambda s: s.replica_id)
    assert new != old and new in out and old in out and "Kannettava" in out
    assert main(["sync", "export", str(tmp_path / "c2.kumppani"), "--db", str(copy)]) == 0
    assert main(["sync", "import", str(tmp_path / "c2.kumppani"), "--db", str(original)]) == 0
    assert "Kannettava" in capsys.readouterr().out
    assert "Kopion ry" in _names(original, tmp_path)
