"""Sync benchmark: bundles of the 100,000-organisation register against bare zipfile.

full export   export of the whole generated register (register_data: 100,000 organisations,
              200,000 contact persons and their links, 300,000 activities); goal < 15 s
full import   the same bundle checked and merged into an empty copy; goal < 15 s
delta         100 organisations edited, then exported for a peer that has the rest and imported
              there; goal < 300 ms each
baseline      the same JSON Lines zipped (and unzipped and parsed) with bare Python ``zipfile``
              and ``json``, in the same run
write floor   what the full import writes (the records with their clocks, the fields' own
              clocks, the search documents and listing rows), taken from the imported copy and inserted into an
              empty one, a table at a time in one ``executemany``: no reading, checking or
              building, the same settings and indexes made afterwards; no import can take less
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import shutil
import sqlite3
import tempfile
import time
import zipfile
from contextlib import ExitStack
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage import listing, search
from desktop.storage.dialect import insert_rows
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from desktop.sync import sqlite_bulk
from desktop.sync.export import export_bundle
from desktop.sync.merge import import_bundle
from tests.benchmarks.register_data import cached_database

DELTA = 100


def _timed(fn):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _bare_zip(members: dict[str, bytes]) -> float:
    """Seconds to write the same members with zipfile alone (the floor for an export), at the
    compression level the bundles use."""
    start = time.perf_counter()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return time.perf_counter() - start


def _bare_unzip_parse(path: Path) -> float:
    """Seconds to unzip the bundle and parse every line with json (the floor for an import)."""
    start = time.perf_counter()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".jsonl"):
                for line in archive.read(name).splitlines():
                    json.loads(line)
    return time.perf_counter() - start


def run(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="kumppani-bench-sync-"))
    try:
        source_path = work / "source.sqlite3"
        shutil.copyfile(cached_database(), source_path)
        source = Store.open(source_path, backup_dir=work / "backups")
        target = Store.open(work / "target.sqlite3", backup_dir=work / "backups")
        try:
            _full_and_delta(source, target, work)
        finally:
            source.close()
            target.close()
        _write_floor(work / "target.sqlite3", work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _full_and_delta(source: Store, target: Store, work: Path) -> None:
    full = work / "full.kumppani"
    export_s, report = _timed(lambda: export_bundle(source, full, full=True))
    members = _members(full)
    zip_s = _bare_zip(members)
    import_s, imported = _timed(lambda: import_bundle(target, full))
    unzip_s = _bare_unzip_parse(full)
    megabytes = sum(len(data) for data in members.values()) / 1e6
    print(f"sync full export: {export_s:.1f} s for {report.records:,} records "
          f"({full.stat().st_size / 1e6:.0f} MB zipped, {megabytes:.0f} MB of JSON Lines); "
          f"bare zipfile of the same: {zip_s:.1f} s; ratio {export_s / zip_s:.1f} (goal < 15 s)")
    print(f"sync full import into an empty copy: {import_s:.1f} s for {imported.added:,} records; "
          f"bare unzip + json of the same: {unzip_s:.1f} s; ratio {import_s / unzip_s:.1f} "
          f"(goal < 15 s)")

    # The target acknowledges what it has (an empty bundle carries the acknowledgement).
    ack = work / "ack.kumppani"
    export_bundle(target, ack, since=dt.date.today() + dt.timedelta(days=1))
    import_bundle(source, ack)
    with source.read() as session:
        ids = list(session.scalars(select(Organisation.id).order_by(Organisation.id).limit(DELTA)))

    def edit(session) -> None:  # noqa: ANN001
        for org_id in ids:
            session.get(Organisation, org_id).notes = "Muutettu vertailua varten"

    source.run("benchmark edits", edit)
    delta = work / "delta.kumppani"
    delta_export_s, delta_report = _timed(
        lambda: export_bundle(source, delta, peer=target.replica_id))
    delta_zip_s = _bare_zip(_members(delta))
    delta_import_s, delta_imported = _timed(lambda: import_bundle(target, delta))
    assert delta_report.records == DELTA and delta_imported.updated == DELTA
    print(f"sync delta of {DELTA} changes: export {delta_export_s * 1000:.0f} ms, import "
          f"{delta_import_s * 1000:.0f} ms; bare zipfile of the same: {delta_zip_s * 1000:.1f} ms "
          f"(goal < 300 ms each)")



# What a full import writes: the synchronised tables of the register (their indexes made after
# their rows, as in a first import), the fields' own clocks, and the listing made of them.
_WRITTEN = ("organisation", "contact_person", "representation", "activity", "field_clock",
            listing.TABLE)
_INDEXES_AFTER = _WRITTEN[:4]


def _write_floor(imported: Path, work: Path) -> None:
    """Insert what the import wrote into an empty copy and print how long it took: the part of
    an import that no parsing or checking can take away. The rows go in as the import writes
    them (``insert_rows``) under the import's settings (``sqlite_bulk.merging``, indexes made
    afterwards, the search index's large segments)."""
    source = sqlite3.connect(imported)
    columns, rows = {}, {}
    for table in _WRITTEN:
        cursor = source.execute(f'SELECT * FROM "{table}"')
        columns[table] = [description[0] for description in cursor.description]
        rows[table] = cursor.fetchall()
    columns[listing.SEARCH_TABLE] = ["rowid", "doc"]
    rows[listing.SEARCH_TABLE] = source.execute(
        f"SELECT rowid, doc FROM {listing.SEARCH_TABLE}").fetchall()
    source.close()
    store = Store.open(work / "floor.sqlite3", backup_dir=work / "backups")
    try:
        start = time.perf_counter()
        with Session(store.engine) as session, session.begin(), \
                sqlite_bulk.merging(session), ExitStack() as stack:
            for table in _INDEXES_AFTER:
                stack.enter_context(sqlite_bulk.indexes_after(session, table))
            stack.enter_context(search._large_segments(session))  # noqa: SLF001 - as reindex
            connection = session.connection()
            for table, table_rows in rows.items():
                insert_rows(connection, table, columns[table], table_rows)
        floor_s = time.perf_counter() - start
    finally:
        store.close()
    records = sum(len(rows[table]) for table in _WRITTEN[:4])
    print(f"sync write floor: one executemany per table of what the full import wrote ({records:,} "
          f"records, {len(rows['field_clock']):,} field clocks, "
          f"{len(rows[listing.SEARCH_TABLE]):,} search documents and listing rows) into an "
          f"empty copy: {floor_s:.1f} s (goal of the import < 15 s)")
