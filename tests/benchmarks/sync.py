"""Sync benchmark: bundles of the 100,000-organisation register against bare zipfile.

full export   export of the whole generated register (register_data: 100,000 organisations,
              200,000 contact persons and their links, 300,000 activities); goal < 15 s
full import   the same bundle checked and merged into an empty copy; goal < 15 s
delta         100 organisations edited, then exported for a peer that has the rest and imported
              there; goal < 300 ms each
baseline      the same JSON Lines zipped (and unzipped and parsed) with bare Python ``zipfile``
              and ``json``, in the same run
write floor   what the full import writes (the records, their field clocks, the search
              documents and listing rows), taken from the imported copy and inserted into an
              empty one with bare ``sqlite3``: no reading, checking or building, the same
              settings and the same indexes made afterwards; no import can take less
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
from pathlib import Path

from sqlalchemy import select

from desktop.storage import listing
from desktop.storage.models import Organisation
from desktop.storage.store import Store
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



# What a full import writes: the synchronised tables of the register, and what is made of them.
_WRITTEN = ("organisation", "contact_person", "representation", "activity", "field_clock",
            listing.TABLE)


def _write_floor(imported: Path, work: Path) -> None:
    """Insert what the import wrote into an empty copy with bare ``sqlite3`` and print how long
    it took: the part of an import that no parsing or checking can take away."""
    empty = work / "floor.sqlite3"
    Store.open(empty, backup_dir=work / "backups").close()
    source = sqlite3.connect(imported)
    rows = {table: source.execute(f'SELECT * FROM "{table}"').fetchall() for table in _WRITTEN}
    documents = source.execute(f"SELECT rowid, doc FROM {listing.SEARCH_TABLE}").fetchall()
    source.close()
    records = sum(len(rows[table]) for table in _WRITTEN[:4])
    target = sqlite3.connect(empty, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                   "secure_delete=ON", "cache_size=-262144"):  # the store's and the merge's
        target.execute(f"PRAGMA {pragma}")
    start = time.perf_counter()
    target.execute("BEGIN")
    target.execute("PRAGMA defer_foreign_keys=ON")
    indexes = target.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * 5)})", _WRITTEN[:5]).fetchall()
    for name, _sql in indexes:
        target.execute(f'DROP INDEX "{name}"')
    for table, table_rows in rows.items():
        if table_rows:
            marks = ", ".join("?" * len(table_rows[0]))
            target.executemany(f'INSERT INTO "{table}" VALUES ({marks})', table_rows)
    search = listing.SEARCH_TABLE
    target.execute(f"INSERT INTO {search} ({search}, rank) VALUES ('hashsize', {64 << 20})")
    target.executemany(f"INSERT INTO {search} (rowid, doc) VALUES (?, ?)", documents)
    for _name, sql in indexes:
        target.execute(sql)
    target.execute("COMMIT")
    floor_s = time.perf_counter() - start
    target.close()
    print(f"sync write floor: bare sqlite3 inserting what the full import wrote ({records:,} "
          f"records, {len(rows['field_clock']):,} field clocks, {len(documents):,} search "
          f"documents and listing rows) into an empty copy: {floor_s:.1f} s (goal of the import "
          "< 15 s)")
