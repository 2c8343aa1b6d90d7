"""Several copies of one database for the sync tests, and a canonical dump to compare them by."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.storage.field_clocks import normalised
from desktop.storage.models import FieldClock, Organisation, SyncConflict
from desktop.storage.store import Store
from desktop.sync.codec import table_specs
from desktop.sync.export import export_bundle
from desktop.sync.merge import import_bundle
from desktop.sync.report import ImportReport


def open_copy(template: Path, folder: Path, name: str) -> Store:
    """A copy of ``template`` that is a replica of its own (as a new installation would be).

    Copying the file copies its replica id too; sync refuses a bundle from "itself", so the
    copies of one template get new ids here.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.sqlite3"
    shutil.copyfile(template, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'replica_id'", (uuid.uuid4().hex,))
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync.replica_name', ?)",
                    (name,))
    con.close()
    return Store.open(path, backup_dir=folder / "backups")


def exchange(source: Store, target: Store, path: Path, full: bool = False,
             peer: str | None = None) -> ImportReport:
    export_bundle(source, path, full=full, peer=peer)
    try:
        return import_bundle(target, path)
    finally:
        path.unlink(missing_ok=True)


def canonical(store: Store) -> dict[str, Any]:
    """Every syncable row (without the copy's own ``updated_at``) and every field's clock."""
    dump: dict[str, Any] = {}
    with store.read() as session:
        for name, spec in table_specs().items():
            stored: dict[Any, dict[str, tuple[str, str]]] = {}
            for row in session.scalars(select(FieldClock).where(FieldClock.table_name == name)):
                stored.setdefault(row.record_id, {})[row.field] = (row.hlc, row.prev)
            rows = {}
            for row in session.execute(select(spec.table)):
                clocks = stored.get(row.id, {})
                base = (row.base_clock, row.base_prev)
                rows[str(row.id)] = {
                    "values": spec.encode_row(row),
                    "hlc": row.hlc,
                    "replica_id": row.replica_id,
                    "clocks": {f: (normalised(clocks.get(f, base)[0], row.replica_id),
                                   clocks.get(f, base)[1]) for f in spec.fields},
                }
            if rows:
                dump[name] = rows
    return dump


def conflicts(store: Store) -> list[SyncConflict]:
    with store.read() as session:
        return list(session.scalars(select(SyncConflict).order_by(SyncConflict.id)))


def set_organisation(store: Store, org_id: uuid.UUID, **values: object) -> None:
    """An officer's edit of an organisation's fields, as one operation."""
    def apply(session) -> None:  # noqa: ANN001
        org = session.get(Organisation, org_id)
        for key, value in values.items():
            setattr(org, key, value)

    store.run("edit", apply)


def read_organisation(store: Store, org_id: uuid.UUID) -> Organisation:
    with store.read() as session:
        org = session.get(Organisation, org_id)
        assert org is not None
        return org
