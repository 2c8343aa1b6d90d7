"""Session hooks: stamp every syncable change, record it in the audit log, collect what changed.

Anki's idea: an operation knows what it changed, and the screens decide whether to redraw.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from desktop.storage.base import Syncable, utcnow
from desktop.storage.hlc import HybridLogicalClock
from desktop.storage.models.core import AuditEntry


@dataclass
class Changes:
    """What one operation changed: table name -> ids, per kind of change."""

    inserted: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    updated: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    deleted: dict[str, set[uuid.UUID]] = field(default_factory=dict)

    @property
    def tables(self) -> set[str]:
        return set(self.inserted) | set(self.updated) | set(self.deleted)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    def __bool__(self) -> bool:
        return bool(self.tables)

    def add(self, kind: str, table: str, record_id: uuid.UUID) -> None:
        getattr(self, kind).setdefault(table, set()).add(record_id)

    def merge(self, other: Changes) -> None:
        for kind in ("inserted", "updated", "deleted"):
            for table, ids in getattr(other, kind).items():
                getattr(self, kind).setdefault(table, set()).update(ids)


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
    for obj in list(session.new):
        if not isinstance(obj, Syncable):
            continue
        if obj.id is None:
            obj.id = uuid.uuid4()
        obj.created_at = obj.created_at or now
        _stamp(ctx, obj, now)
        table = obj.__tablename__  # type: ignore[attr-defined]
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


def _stamp(ctx: TrackingContext, obj: Syncable, now: Any) -> None:
    obj.updated_at = now
    obj.hlc = str(ctx.clock.now())
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
