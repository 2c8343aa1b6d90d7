"""Per-field clocks of syncable records: which columns have one, and how a clock is read.

Shared by the tracking hook (local edits) and ``desktop.sync`` (merging another copy's).
A clock is a hybrid logical clock string ``millis-counter-replica`` (see ``hlc``); string order
is causal order, with the replica id as the last tie-breaker.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Session

from desktop.storage.base import Base, Syncable
from desktop.storage.models.sync import BASE_FIELD, FieldClock

__all__ = ["BASE_FIELD", "ROW_COLUMNS", "clock_fields", "inherited_prev", "is_clock", "normalised",
           "origin", "record_clocks", "stored_clocks"]

# Columns that describe the row in this copy rather than travel as fields: the id names the
# record, and the tracking hook's columns (``Syncable.SYNC_COLUMNS``) but ``created_at``, which
# travels: ``hlc``/``replica_id`` are derived from the field clocks (the newest one and its
# replica), ``base_clock``/``base_prev`` are clocks themselves and ``stamp`` when this copy stored
# them, ``updated_at`` is when this copy last wrote the row, ``row_version`` counts its writes here.
ROW_COLUMNS = Syncable.SYNC_COLUMNS - {"created_at"} | {"id"}
_FIELD_CLOCKS = FieldClock.__table__

_MILLIS = 15
_COUNTER = 5


def clock_fields(table: Table) -> list[Column]:
    """The columns of a syncable table that carry a clock each (``deleted`` included)."""
    return [column for column in table.columns if column.name not in ROW_COLUMNS]


def is_clock(text: str) -> bool:
    return (
        len(text) > _MILLIS + _COUNTER + 2
        and text[_MILLIS] == "-"
        and text[_MILLIS + _COUNTER + 1] == "-"
        and text[:_MILLIS].isdigit()
        and text[_MILLIS + 1:_MILLIS + _COUNTER + 1].isdigit()
    )


def normalised(text: str, replica: str) -> str:
    """A usable clock for ``text``: rows written before clocks existed (or by bulk loaders)
    get the zero clock of the replica that wrote them, older than any real change."""
    if is_clock(text):
        return text
    return f"{0:0{_MILLIS}d}-{0:0{_COUNTER}d}-{replica or 'unknown'}"


def origin(clock: str) -> str:
    """The replica that made the change a clock stamps ("" for a non-clock)."""
    return clock[_MILLIS + _COUNTER + 2:] if is_clock(clock) else ""


def inherited_prev(current: str, current_prev: str, replica: str) -> str:
    """``prev`` of a new write by ``replica`` over a field whose clock is ``current``.

    Overwriting a value of one's own keeps the earlier ``prev``: the same copy's later write
    needs no proof that it saw its own earlier one (see ``desktop.sync.merge``), and so a value
    received from another copy and then edited twice here still counts as seen.
    """
    return current_prev if origin(current) == replica else current


def stored_clocks(session: Session, table: str, ids: Sequence[uuid.UUID]
                  ) -> dict[uuid.UUID, dict[str, tuple[str, str]]]:
    """The clocks of the records of ``ids`` this copy has: ``field -> (clock, prev)``, the base
    as ``BASE_FIELD`` and each field with a clock of its own."""
    rows = Base.metadata.tables[table]
    clocks: dict[uuid.UUID, dict[str, tuple[str, str]]] = {}
    for record_id, base, prev in session.execute(
            select(rows.c.id, rows.c.base_clock, rows.c.base_prev).where(rows.c.id.in_(ids))):
        # Rows written without the hook (before clocks, or by a bulk loader) have no base.
        clocks[record_id] = {BASE_FIELD: (base, prev)} if base else {}
    for record_id, name, hlc, prev in session.execute(
            select(_FIELD_CLOCKS.c.record_id, _FIELD_CLOCKS.c.field, _FIELD_CLOCKS.c.hlc,
                   _FIELD_CLOCKS.c.prev)
            .where(_FIELD_CLOCKS.c.table_name == table, _FIELD_CLOCKS.c.record_id.in_(ids))):
        clocks.setdefault(record_id, {})[name] = (hlc, prev)
    return clocks


def record_clocks(session: Session, table: str, record_id: uuid.UUID) -> dict[str, tuple[str, str]]:
    """One record's ``stored_clocks`` (none for a record this copy does not have)."""
    return stored_clocks(session, table, [record_id]).get(record_id, {})
