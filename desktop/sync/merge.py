"""Merging a checked bundle into this copy, in one transaction, field by field.

The rule, for every field of every record (``deleted`` is a field like any other):

* **The higher clock wins.** Clocks are hybrid logical clock strings whose order is total
  (milliseconds, counter, replica id); equal clocks are the same write (should two copies of
  one database file have made different writes at the same clock, the larger canonical JSON
  value wins). Each field is thus a
  last-writer-wins register, and merging is taking the maximum of a total order: commutative,
  associative and idempotent. Every copy that has received the same writes, in any order and
  through any chain of bundles, holds the same values and clocks (and the row's ``hlc`` and
  ``replica_id`` are derived from them); importing a bundle again changes nothing.
* **A concurrent loser is kept.** When the values differ, the losing value is recorded in
  ``sync_conflict`` unless the winning write was made by someone who had seen it: the winner's
  ``prev`` is the loser's clock (it was overwritten directly), or both come from the same copy
  (a copy's later write follows its earlier one), or the loser has no real clock. These are
  claims a writer can only make truthfully, so every value overwritten without being seen is
  kept; a value seen and overwritten through a chain of three copies may be reported needlessly.
  Conflicts are this copy's record and never travel; their resolution does (see ``conflicts``).
* **Tombstones** (``deleted``) win over concurrent edits of other fields: the record stays
  deleted, the edits are applied to the tombstone (nothing is lost, and restoring it brings them
  back), and an edit made after the deletion it had not seen is listed as a conflict of the
  ``deleted`` field, so that a person can restore the record. A restore is a later write of
  ``deleted`` and wins over an earlier deletion like any other change.

Merged writes bypass the ORM, so the tracking hook does not stamp them as local edits; they keep
the writer's clocks, the local clock observes the newest one, and the audit log records them as
the operation "sync import from NAME" (each update and deletion, and per table the number of
records added). The search index and the register listing are brought up to date at the end of
the merge (``search.refresh``), under the merge's large page cache, and rebuilt whole when the
import changed much of the register.

A record's clocks are kept as a base clock in its row and a ``field_clock`` row for each field
whose clock differs (``Syncable``); a merge that changes them writes them again whole, with the
record's ``stamp``. A large import into a table that was empty writes its rows first and makes
the table's indexes afterwards (``sqlite_bulk.indexes_after``); foreign keys are checked at
commit.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Uuid, delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import bindparam

from desktop.storage import search
from desktop.storage.base import Base, utcnow
from desktop.storage.field_clocks import BASE_FIELD, normalised, origin, stored_clocks
from desktop.storage.hlc import Timestamp
from desktop.storage.models import AuditEntry, FieldClock, SyncConflict, SyncExchange, SyncPeer
from desktop.storage.store import Store
from desktop.storage.tracking import TrackingContext, cycle_collection_paused
from desktop.sync import sqlite_bulk
from desktop.sync.codec import TableSpec, table_specs
from desktop.sync.errors import MissingReferencesError, OwnBundleError
from desktop.sync.report import ImportReport
from desktop.sync.validate import LIMITS, Bundle, IncomingRecord, Limits, RawRecord, read_bundle

_CHUNK = 2000
# The audit entry of the records an import added to a table names no single record.
ADDED_RECORDS = "*"
_ZERO = f"{0:015d}-{0:05d}-"
_FIELD_CLOCKS = Base.metadata.tables[FieldClock.__tablename__]
_CONFLICTS = Base.metadata.tables[SyncConflict.__tablename__]
_AUDIT = Base.metadata.tables[AuditEntry.__tablename__]


def import_bundle(store: Store, path: Path, passphrase: str | None = None,
                  limits: Limits = LIMITS, *, fast: bool = True) -> ImportReport:
    """Check the bundle at ``path`` whole, then merge it; a refused bundle writes nothing.

    ``fast``: insert records new here with the database's own JSON functions where it has them
    (see ``sqlite_bulk``); the result is the same.
    """
    # A large bundle's records live through the import (a tenth of its time went to the
    # cycle collector walking them).
    with cycle_collection_paused():
        return apply_bundle(store, read_bundle(path, passphrase, limits), fast=fast)


def apply_bundle(store: Store, bundle: Bundle, *, fast: bool = True) -> ImportReport:
    manifest = bundle.manifest
    if manifest.sender_replica == store.replica_id:
        raise OwnBundleError(bundle.name)
    with store.read() as session:
        _check_references(session, bundle)
    report = ImportReport(bundle.name, manifest.sender_name, manifest.sender_replica,
                          manifest.kind, records=bundle.record_count)
    with store.operation(f"sync import from {manifest.sender_name}") as session:
        ctx: TrackingContext = session.info["tracking"]
        newest = bundle.max_clock()
        if newest:
            store.clock.observe(Timestamp.parse(newest))
        merger = _Merger(session, ctx, store, bundle, report, stamp=str(store.clock.now()))
        specs = table_specs()
        with sqlite_bulk.merging(session):
            for table, records in bundle.records.items():
                spec = specs[table]
                bulk = fast and sqlite_bulk.usable(session, spec)
                # Nothing of a table empty here needs looking up (a bundle has each record once).
                empty = bulk and sqlite_bulk.empty(session, spec)
                # In id order, neighbouring rows of the indexes are written together.
                records.sort(key=_record_id)
                with sqlite_bulk.indexes_after(session, spec.name) \
                        if empty and len(records) >= sqlite_bulk.MANY else nullcontext():
                    for start in range(0, len(records), _CHUNK):
                        chunk = records[start:start + _CHUNK]
                        if bulk:
                            chunk = merger.insert_new(spec, chunk, empty=empty)
                        if chunk:
                            merger.merge(spec, [record.parse() for record in chunk])
                merger.link_later(spec)
            merger.audit_added()
            merger.close_resolved()
            _note_peer(session, store, bundle, report)
            # Now, under the large cache, and whole when the import touched much of it.
            search.refresh(session, ctx.changes)
    return report


def _record_id(record: RawRecord) -> str:
    return record.id


_UUID_NEW = object.__new__
_SET = object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown


def _uuid(text: str) -> uuid.UUID:
    """``uuid.UUID(text)`` for a checked canonical UUID, at half the cost (a full import makes
    hundreds of thousands): the same object the constructor makes, without its parsing."""
    value = _UUID_NEW(uuid.UUID)
    _SET(value, "int", int(text.replace("-", ""), 16))
    _SET(value, "is_safe", _UNKNOWN)
    return value


def seen_by(old: str, clock: str, prev: str) -> bool:
    """Had the writer of the value stamped ``clock`` (replacing ``prev``) seen the value
    stamped ``old``? True only when that can be shown; see the module."""
    return old == prev or old.startswith(_ZERO) or (origin(old) == origin(clock) and old <= clock)


def _same_clocks(record: IncomingRecord, stored: dict[str, tuple[str, str]]) -> bool:
    """True when every field the record carries has the same clock (and prev) here."""
    base = stored.get(BASE_FIELD)
    if base is None:
        return False
    for name in record.values:
        mine = stored.get(name, base)
        theirs = record.clock(name)
        if mine[0] != theirs[0] or mine[1] != theirs[1]:
            return False
    return True


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _same(a: Any, b: Any) -> bool:
    return a == b and type(a) is type(b)


@dataclass
class _Batch:
    """The writes of one chunk of records, executed together."""

    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    clocks_replaced: list[uuid.UUID] = field(default_factory=list)
    clocks: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


class _Merger:
    def __init__(self, session: Session, ctx: TrackingContext, store: Store, bundle: Bundle,
                 report: ImportReport, stamp: str) -> None:
        self.session, self.ctx, self.store, self.bundle = session, ctx, store, bundle
        self.report, self.stamp = report, stamp
        self.now = utcnow()
        self.operation = ctx.operation
        self.peer = bundle.manifest.sender_replica
        self.peer_name = bundle.manifest.sender_name
        self.inserted: dict[str, int] = {}  # records new here, per table
        # A record may refer to one of its table that comes later in the bundle (an idea merged
        # into another). SQLite checks foreign keys at commit (``sqlite_bulk.large_cache``);
        # PostgreSQL checks each statement, so such references are written after the table.
        self.checks_each_statement = session.get_bind().dialect.name != "sqlite"
        self.later: list[dict[str, Any]] = []

    # -- one chunk of one table ----------------------------------------------------------

    def insert_new(self, spec: TableSpec, records: list[RawRecord], *,
                   empty: bool = False) -> list[RawRecord]:
        """Insert the complete records this copy does not have (in bulk); return the others.
        ``empty``: the table had no rows when the import began."""
        new: list[RawRecord] = []
        rest: list[RawRecord] = []
        if empty:
            for record in records:
                (new if record.complete else rest).append(record)
        else:
            present = sqlite_bulk.existing(
                self.session, spec, [record.id.replace("-", "") for record in records])
            for record in records:
                (new if record.complete and record.id.replace("-", "") not in present
                 else rest).append(record)
        if new:
            sqlite_bulk.insert_new(self.session, spec, new, stamp=self.stamp, now=self.now)
            self.report.added += sum(1 for record in new if not record.deleted)
            self.ctx.changes.add_many("inserted", spec.name,
                                      [_uuid(record.id) for record in new])
            self.report.written += len(new)
            self.report.tables[spec.name] = self.report.tables.get(spec.name, 0) + len(new)
            self.inserted[spec.name] = self.inserted.get(spec.name, 0) + len(new)
        return rest

    def merge(self, spec: TableSpec, records: list[IncomingRecord]) -> None:
        table = spec.table
        ids = [uuid.UUID(record.id) for record in records]
        clocks = stored_clocks(self.session, spec.name, ids)
        # Equal clocks are the same writes (a bundle from this copy's own id is refused), so
        # a record whose every field has the clock it has here needs no closer look.
        pending = [(record, record_id) for record, record_id in zip(records, ids, strict=True)
                   if record_id not in clocks or not _same_clocks(record, clocks[record_id])]
        if not pending:
            return
        ids = [record_id for _record, record_id in pending]
        local = {row.id: row for row in self.session.execute(select(table).where(table.c.id.in_(ids)))}
        known: set[tuple[uuid.UUID, str, frozenset[str]]] = set()
        if local:
            found = list(local)
            for record_id, name, ours, theirs in self.session.execute(
                    select(_CONFLICTS.c.record_id, _CONFLICTS.c.field, _CONFLICTS.c.our_clock,
                           _CONFLICTS.c.their_clock)
                    .where(_CONFLICTS.c.table_name == spec.name,
                           _CONFLICTS.c.record_id.in_(found))):
                known.add((record_id, name, frozenset((ours, theirs))))
        batch = _Batch()
        for record, record_id in pending:
            row = local.get(record_id)
            if row is None:
                self._insert(spec, record, record_id, batch)
            else:
                self._merge_record(spec, record, record_id, row, clocks.get(record_id, {}),
                                   known, batch)
        self._write(spec, batch)

    def _insert(self, spec: TableSpec, record: IncomingRecord, record_id: uuid.UUID,
                batch: _Batch) -> None:
        row: dict[str, Any] = {"id": record_id}
        for name in spec.fields:
            if name in record.values:
                row[name] = spec.decode_value(name, record.values[name], self.bundle.attachments)
            else:
                row[name] = _default(spec.table.c[name])
        newest = max(pair[0] for pair in record.clocks.values())
        base, base_prev = record.clocks[BASE_FIELD]
        row.update(hlc=newest, replica_id=origin(newest)[:32], updated_at=self.now,
                   base_clock=base, base_prev=base_prev, stamp=self.stamp)
        batch.inserts.append(row)
        batch.clocks.extend(
            _clock_row(spec.name, record_id, name, clock, prev)
            for name, (clock, prev) in record.clocks.items()
            if name != BASE_FIELD and name in spec.fields)
        if not row.get("deleted"):
            self.report.added += 1
        self.ctx.changes.add("inserted", spec.name, record_id)
        self.inserted[spec.name] = self.inserted.get(spec.name, 0) + 1
        self._count(spec.name)

    def _merge_record(self, spec: TableSpec, record: IncomingRecord, record_id: uuid.UUID,
                      row: Any, stored: dict[str, tuple[str, str]],
                      known: set[tuple[uuid.UUID, str, frozenset[str]]], batch: _Batch) -> None:
        replica = row.replica_id
        base = stored.get(BASE_FIELD, ("", ""))

        def local_clock(name: str) -> tuple[str, str]:
            clock, prev = stored.get(name, base)
            return normalised(clock, replica), prev

        ours = spec.encode_row(row)
        changed: dict[str, Any] = {}
        new_clocks: dict[str, tuple[str, str]] = {}

        def conflict(name: str, our_value: Any, their_value: Any, our_clock: str,
                     their_clock: str, winner: str) -> None:
            key = (record_id, name, frozenset((our_clock, their_clock)))
            if key in known:
                return
            known.add(key)
            self.report.conflicts += 1
            batch.conflicts.append({
                "detected_at": self.now, "table_name": spec.name, "record_id": record_id,
                "field": name, "our_value": our_value, "their_value": their_value,
                "our_clock": our_clock, "their_clock": their_clock, "winner": winner,
                "peer_replica_id": self.peer, "peer_name": self.peer_name, "resolved": False,
                "resolution": "", "resolved_at": None, "resolved_by": "", "resolved_stamp": "",
            })

        for name, theirs in record.values.items():
            their_clock, their_prev = record.clock(name)
            our_clock, our_prev = local_clock(name)
            mine = ours[name]
            if their_clock == our_clock:
                if _same(theirs, mine):
                    continue
                theirs_win = _canonical(theirs) > _canonical(mine)
            else:
                theirs_win = their_clock > our_clock
            differ = not _same(theirs, mine)
            if theirs_win:
                new_clocks[name] = (their_clock, their_prev)
                if differ:
                    changed[name] = theirs
                    if not seen_by(our_clock, their_clock, their_prev):
                        conflict(name, mine, theirs, our_clock, their_clock, "theirs")
            elif differ and not seen_by(their_clock, our_clock, our_prev):
                conflict(name, mine, theirs, our_clock, their_clock, "ours")

        was_deleted = bool(ours.get("deleted"))
        now_deleted = bool(changed.get("deleted", was_deleted))
        their_deleted = record.values.get("deleted")
        if now_deleted and their_deleted is not None and bool(their_deleted) != was_deleted:
            # An edit the deleting copy had not seen: offer to restore the record.
            deleted_clock = new_clocks.get("deleted", local_clock("deleted"))[0]
            if was_deleted:
                alive = max((record.clock(n)[0] for n in record.values if n != "deleted"),
                            default="")
                if alive > deleted_clock:
                    conflict("deleted", True, False, deleted_clock, alive, "ours")
            else:
                alive = max((local_clock(n)[0] for n in spec.fields if n != "deleted"),
                            default="")
                if alive > deleted_clock:
                    conflict("deleted", False, True, alive, deleted_clock, "theirs")

        if not new_clocks:
            return
        merged = {name: local_clock(name) for name in spec.fields}
        merged.update(new_clocks)
        newest = max(clock for clock, _prev in merged.values())
        values = {name: spec.decode_value(name, value, self.bundle.attachments)
                  for name, value in changed.items()}
        # The record's clocks are rewritten whole, as a base and the fields that differ from it.
        base_pair = Counter(merged.values()).most_common(1)[0][0]
        batch.updates.append({**values, "_id": record_id, "hlc": newest,
                              "replica_id": origin(newest)[:32], "updated_at": self.now,
                              "base_clock": base_pair[0], "base_prev": base_pair[1],
                              "stamp": self.stamp})
        batch.clocks_replaced.append(record_id)
        batch.clocks.extend(_clock_row(spec.name, record_id, name, *pair)
                            for name, pair in sorted(merged.items()) if pair != base_pair)
        self._count(spec.name)
        if not changed:
            return
        if now_deleted and not was_deleted:
            self.report.deleted += 1
            self.ctx.changes.add("deleted", spec.name, record_id)
        else:
            if not now_deleted:
                self.report.updated += 1
            self.ctx.changes.add("updated", spec.name, record_id)
        batch.audit.append(self._audit(
            spec.name, str(record_id), "delete" if now_deleted and not was_deleted else "update",
            {name: [ours[name], value] for name, value in changed.items()}))

    # -- writing -------------------------------------------------------------------------

    def _write(self, spec: TableSpec, batch: _Batch) -> None:
        session, table = self.session, spec.table
        if self.checks_each_statement:
            self._hold_references(spec, batch.inserts + batch.updates)
        if batch.inserts:
            for rows in _by_keys(batch.inserts):
                session.execute(insert(table), rows)
        if batch.updates:
            # The SET clause comes from the keys of the rows; ``_id`` only picks the row. A new
            # row version, as the ORM gives: a user here who is editing the record sees the change.
            statement = (update(table).where(table.c.id == bindparam("_id"))
                         .values(row_version=table.c.row_version + 1))
            for rows in _by_keys(batch.updates):
                session.execute(statement, rows)
        if batch.clocks_replaced:
            session.execute(delete(_FIELD_CLOCKS).where(
                _FIELD_CLOCKS.c.table_name == spec.name,
                _FIELD_CLOCKS.c.record_id.in_(batch.clocks_replaced)))
        if batch.clocks:
            session.execute(insert(_FIELD_CLOCKS), batch.clocks)
        if batch.audit:
            session.execute(insert(_AUDIT), batch.audit)
        if batch.conflicts:
            session.execute(insert(_CONFLICTS), batch.conflicts)

    def _hold_references(self, spec: TableSpec, rows: list[dict[str, Any]]) -> None:
        """Take the references to records of the same table out of ``rows``, for
        ``link_later``."""
        columns = [ref.column for ref in spec.references if ref.target == spec.name]
        for row in rows:
            held = {name: row[name] for name in columns if row.get(name) is not None}
            if held:
                self.later.append({"_id": row.get("_id", row.get("id")), **held})
                row.update(dict.fromkeys(held))

    def link_later(self, spec: TableSpec) -> None:
        """Write the references ``_hold_references`` took, now that the table's records are in."""
        if self.later:
            statement = update(spec.table).where(spec.table.c.id == bindparam("_id"))
            for rows in _by_keys(self.later):
                self.session.execute(statement, rows)
            self.later = []

    def _audit(self, table: str, record_id: str, action: str,
               changes: dict[str, Any]) -> dict[str, Any]:
        return {"at": self.now, "officer": self.store.officer, "replica_id": self.store.replica_id,
                "operation": self.operation, "table_name": table, "record_id": record_id,
                "action": action, "changes": changes}

    def audit_added(self) -> None:
        """One audit entry per table for the records an import added: their values are in the
        records themselves, and a full import adds hundreds of thousands. Updates and deletions
        get an entry per record with the old and new values, as local edits do."""
        if self.inserted:
            self.session.execute(insert(_AUDIT), [
                self._audit(table, ADDED_RECORDS, "insert", {"records": count})
                for table, count in self.inserted.items()])

    def _count(self, table: str) -> None:
        self.report.written += 1
        self.report.tables[table] = self.report.tables.get(table, 0) + 1

    def close_resolved(self) -> None:
        """Close this copy's open conflicts that the sender has resolved (the same pair)."""
        for resolution in self.bundle.resolutions:
            for conflict in self.session.scalars(select(SyncConflict).where(
                    SyncConflict.table_name == resolution.table,
                    SyncConflict.record_id == uuid.UUID(resolution.record_id),
                    SyncConflict.field == resolution.field,
                    SyncConflict.resolved.is_(False))):
                if frozenset((conflict.our_clock, conflict.their_clock)) == resolution.clocks:
                    conflict.resolved = True
                    conflict.resolution = "elsewhere"
                    conflict.resolved_at = self.now
                    conflict.resolved_by = f"{self.peer_name}: {resolution.by}"[:200]
                    # Passed on in this copy's next bundles, to copies that have it too.
                    conflict.resolved_stamp = self.stamp
                    self.report.resolved_elsewhere += 1


def _clock_row(table: str, record_id: uuid.UUID, name: str, clock: str, prev: str
               ) -> dict[str, Any]:
    return {"table_name": table, "record_id": record_id, "field": name, "hlc": clock,
            "prev": prev}


def _by_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Rows grouped by their keys: one executemany per shape."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    return list(groups.values())


def _default(column: Column) -> Any:
    default = column.default
    if default is None:
        return None
    if getattr(default, "is_callable", False):
        return default.arg(None)  # type: ignore[attr-defined]
    return getattr(default, "arg", None)


def _check_references(session: Session, bundle: Bundle) -> None:
    """Every record a bundle's records point to must be in the bundle or here already."""
    missing = 0
    for (target, target_column), values in bundle.references.items():
        wanted = set(values)
        if target_column == "id" and target in bundle.records:
            wanted -= {record.id for record in bundle.records[target]}
        if not wanted:
            continue
        column = Base.metadata.tables[target].c[target_column]
        keys = [uuid.UUID(v) for v in wanted] if isinstance(column.type, Uuid) else list(wanted)
        found: set[Any] = set()
        for start in range(0, len(keys), _CHUNK):
            found.update(session.scalars(select(column).where(
                column.in_(keys[start:start + _CHUNK]))))
        missing += sum(1 for key in keys if key not in found)
    if missing:
        raise MissingReferencesError(bundle.name, missing, bundle.manifest.sender_name)


def _note_peer(session: Session, store: Store, bundle: Bundle, report: ImportReport) -> None:
    manifest = bundle.manifest
    peer = session.get(SyncPeer, manifest.sender_replica)
    if peer is None:
        peer = SyncPeer(replica_id=manifest.sender_replica, seen="", acknowledged="")
        session.add(peer)
    peer.name = manifest.sender_name
    peer.last_import_at = utcnow()
    # The peer's changes up to clock_to are all here only if this bundle starts where the
    # last one this copy merged ended (a full bundle starts at the beginning).
    if manifest.clock_from <= peer.seen:
        peer.seen = max(peer.seen, manifest.clock_to)
    else:
        report.gap = True
    peer.acknowledged = max(peer.acknowledged, manifest.acknowledges.get(store.replica_id, ""))
    session.add(SyncExchange(
        direction="import", peer_replica_id=manifest.sender_replica,
        peer_name=manifest.sender_name, file_name=bundle.name, kind=manifest.kind,
        clock_from=manifest.clock_from, clock_to=manifest.clock_to, encrypted=bundle.encrypted,
        records=report.records, added=report.added, updated=report.updated,
        deleted=report.deleted, conflicts=report.conflicts, officer=store.officer))
