"""Session hooks: stamp every syncable change, record it in the audit log, collect what changed.

Anki's idea: an operation knows what it changed, and the screens decide whether to redraw.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desktop.storage.base import Base, Syncable, utcnow
from desktop.storage.dialect import bulk_insert
from desktop.storage.field_clocks import inherited_prev
from desktop.storage.hlc import HybridLogicalClock
from desktop.storage.models.core import AuditEntry
from desktop.storage.models.sync import FieldClock


@dataclass
class Changes:
    """What one operation changed: table name -> ids, per kind of change."""

    inserted: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    updated: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    deleted: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    # Counts the additions, so that work done for the changes so far (the search index
    # refreshed early by a bulk import) can tell whether more came since.
    version: int = field(default=0, compare=False, repr=False)

    @property
    def tables(self) -> set[str]:
        return set(self.inserted) | set(self.updated) | set(self.deleted)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    def __bool__(self) -> bool:
        return bool(self.tables)

    def add(self, kind: str, table: str, record_id: uuid.UUID) -> None:
        getattr(self, kind).setdefault(table, set()).add(record_id)
        self.version += 1

    def add_many(self, kind: str, table: str, record_ids: Iterable[uuid.UUID]) -> None:
        getattr(self, kind).setdefault(table, set()).update(record_ids)
        self.version += 1

    def merge(self, other: Changes) -> None:
        for kind in ("inserted", "updated", "deleted"):
            for table, ids in getattr(other, kind).items():
                getattr(self, kind).setdefault(table, set()).update(ids)
        self.version += 1


@dataclass
class TrackingContext:
    """Per-session state the hook reads: who is writing, in which copy, with which clock."""

    clock: HybridLogicalClock
    officer: str = ""
    operation: str = ""
    changes: Changes = field(default_factory=Changes)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def _field_changes(obj: Syncable) -> dict[str, list[Any]]:
    state = inspect(obj)
    result: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in Syncable.SYNC_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                result[attr.key] = [_jsonable(old), _jsonable(new)]
    return result


def before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    ctx: TrackingContext | None = session.info.get("tracking")
    if ctx is None:
        return
    for obj in session.deleted:
        if isinstance(obj, Syncable):
            raise RuntimeError(
                f"{type(obj).__name__} is syncable: mark it deleted (a tombstone), don't delete the row"
            )
    now = utcnow()
    edited: dict[str, list[tuple[Syncable, list[str]]]] = {}
    for obj in list(session.new):
        if not isinstance(obj, Syncable):
            continue
        if obj.id is None:
            obj.id = uuid.uuid4()
        obj.created_at = obj.created_at or now
        _stamp(ctx, obj, now)
        table = obj.__tablename__  # type: ignore[attr-defined]
        obj.base_clock, obj.base_prev = obj.hlc, ""
        ctx.changes.add("inserted", table, obj.id)
        _audit(session, ctx, table, obj.id, "insert", _field_changes(obj))
    for obj in list(session.dirty):
        if not isinstance(obj, Syncable) or not session.is_modified(obj, include_collections=False):
            continue
        changed = _field_changes(obj)
        if not changed:
            continue
        _stamp(ctx, obj, now)
        table = obj.__tablename__  # type: ignore[attr-defined]
        action = "delete" if changed.get("deleted") == [False, True] else "update"
        ctx.changes.add("deleted" if action == "delete" else "updated", table, obj.id)
        _audit(session, ctx, table, obj.id, action, changed)
        mapper = inspect(obj).mapper
        edited.setdefault(table, []).append(
            (obj, [mapper.column_attrs[key].columns[0].name for key in changed]))
    for table, objects in edited.items():
        _clock_fields(session, ctx, table, objects)


def _clock_fields(
    session: Session, ctx: TrackingContext, table: str, objects: list[tuple[Syncable, list[str]]]
) -> None:
    """Give each changed field the record's new clock, so that sync merges field by field."""
    ids = [obj.id for obj, _fields in objects]
    with session.no_autoflush:
        rows = {(row.record_id, row.field): row for row in session.scalars(
            select(FieldClock).where(FieldClock.table_name == table, FieldClock.record_id.in_(ids)))}
    replica = ctx.clock.replica
    for obj, fields in objects:
        for name in fields:
            row = rows.get((obj.id, name))
            if row is not None:
                row.hlc, row.prev = obj.hlc, inherited_prev(row.hlc, row.prev, replica)
                continue
            # Rows written without the hook (before clocks, or by a bulk loader) have no base.
            prev = inherited_prev(obj.base_clock, obj.base_prev, replica) if obj.base_clock else ""
            session.add(FieldClock(table_name=table, record_id=obj.id, field=name,
                                   hlc=obj.hlc, prev=prev))


def _stamp(ctx: TrackingContext, obj: Syncable, now: Any) -> None:
    obj.updated_at = now
    obj.hlc = obj.stamp = str(ctx.clock.now())
    obj.replica_id = ctx.clock.replica


def _audit(
    session: Session,
    ctx: TrackingContext,
    table: str,
    record_id: uuid.UUID,
    action: str,
    changes: dict[str, list[Any]],
) -> None:
    session.add(
        AuditEntry(
            officer=ctx.officer,
            replica_id=ctx.clock.replica,
            operation=ctx.operation,
            table_name=table,
            record_id=str(record_id),
            action=action,
            changes=changes,
        )
    )


_PLAIN = frozenset({str, int, float, bool})


def insert_records(session: Session, model: type[Syncable], rows: list[dict[str, Any]]
                   ) -> list[uuid.UUID]:
    """Insert many new records of ``model`` at once, each as :func:`before_flush` would.

    For imports of thousands of rows, where making and flushing ORM objects would take minutes:
    every row gets an id (unless it has one), its clocks, an audit entry, and counts as inserted
    in the operation's changes. Keep in step with the hook.
    Returns the ids, in the order the records were written: by id, so that SQLite adds to its
    indexes of ids in order rather than all over them.
    """
    with cycle_collection_paused():
        return _insert_records(session, model, rows)


def _insert_records(session: Session, model: type[Syncable], rows: list[dict[str, Any]]
                    ) -> list[uuid.UUID]:
    ctx: TrackingContext = session.info["tracking"]
    table = model.__tablename__  # type: ignore[attr-defined]
    now, replica = utcnow(), ctx.clock.replica
    records = [dict(row) for row in rows]
    for record in records:
        if "id" not in record:
            record["id"] = uuid.uuid4()
    records.sort(key=lambda record: record["id"].int)  # compared as numbers: quicker
    inserted: list[uuid.UUID] = []
    audits = []
    skip = Syncable.SYNC_COLUMNS
    for record in records:
        record_id = record["id"]
        # As the hook's history would: the values given and the id, not the columns' defaults.
        changes = {key: [None, value if type(value) in _PLAIN
                         else str(value) if type(value) is uuid.UUID else _jsonable(value)]
                   for key, value in record.items() if value is not None and key not in skip}
        hlc = str(ctx.clock.now())
        record.update(created_at=now, updated_at=now, hlc=hlc, replica_id=replica, base_clock=hlc,
                      base_prev="", stamp=hlc)
        inserted.append(record_id)
        audits.append({"at": now, "officer": ctx.officer, "replica_id": replica,
                       "operation": ctx.operation, "table_name": table,
                       "record_id": str(record_id), "action": "insert", "changes": changes})
    ctx.changes.add_many("inserted", table, inserted)
    if records:
        tables = Base.metadata.tables
        _fill_defaults(records, tables[table].columns)
        connection = session.connection()
        for target, values in ((table, records), (AuditEntry.__tablename__, audits)):
            bulk_insert(connection, tables[target], values)
    return inserted


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector paused for a bulk write: its hundreds of thousands of new
    objects live through it, and the collector would walk them again and again, though none is
    part of a cycle (reference counting still frees everything as usual)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fill_defaults(records: list[dict[str, Any]], columns: Any) -> None:
    """Give every record the same keys (one executemany needs them), the columns' defaults
    where a record has no value: every column that has a default, and those given at all."""
    given = set().union(*records)
    for column in columns:
        default = column.default
        if column.key not in given and default is None:
            continue
        if default is None or not default.is_callable:
            value = None if default is None else default.arg
            for record in records:
                record.setdefault(column.key, value)
        else:
            for record in records:
                if column.key not in record:
                    record[column.key] = default.arg(None)  # a new list for each, say
