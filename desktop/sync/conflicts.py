"""The conflicts list and its resolution: mine, theirs, or an edited value.

A resolution writes the chosen value through the ORM, so the tracking hook stamps it as a new
local change with a fresh clock: it wins over both conflicting values and travels to the other
copies like any edit. The resolution itself travels too (``resolutions.jsonl``), so the other
copy's entry for the same pair of values closes on import.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, inspect, select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.storage.base import utcnow
from desktop.storage.field_clocks import is_clock
from desktop.storage.hlc import Timestamp
from desktop.storage.models import SyncConflict
from desktop.storage.store import Store
from desktop.storage.tracking import Changes
from desktop.sync.codec import ATTACHMENT_KEY, mapped_classes, table_specs

MINE, THEIRS, EDITED = "mine", "theirs", "edited"
CHOICES = (MINE, THEIRS, EDITED)
# Columns that name a record well enough for a person to recognise it, best first.
_DESCRIBING = ("name_fi", "name", "title", "name_sv", "what", "point", "member_name", "filename",
               "text", "key")
_NO_CONFLICT = N_("The conflict no longer exists.")


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    table: str
    record_id: uuid.UUID
    record: str  # a name or title of the record, for people
    field: str
    our_value: Any
    their_value: Any
    our_text: str
    their_text: str
    our_time: dt.datetime | None  # when each value was written (UTC)
    their_time: dt.datetime | None
    winner: str  # ours, theirs: the one the record shows now
    peer_name: str
    detected_at: dt.datetime
    resolved: bool
    resolution: str


def value_text(value: Any) -> str:
    """A conflicting value as a person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, dict) and ATTACHMENT_KEY in value:
        return _("a file")
    return str(value)


def _clock_time(clock: str) -> dt.datetime | None:
    if not is_clock(clock):
        return None
    millis = Timestamp.parse(clock).millis
    return dt.datetime.fromtimestamp(millis / 1000, dt.UTC).replace(tzinfo=None)


def describe_record(session: Session, table: str, record_id: uuid.UUID) -> str:
    spec = table_specs().get(table)
    if spec is None:
        return str(record_id)[:8]
    row = session.execute(select(spec.table).where(spec.table.c.id == record_id)).first()
    if row is not None:
        for name in _DESCRIBING:
            value = getattr(row, name, None)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return str(record_id)[:8]


def list_conflicts(store: Store, include_resolved: bool = False) -> list[ConflictInfo]:
    """Open conflicts (or all), newest first."""
    query = select(SyncConflict).order_by(SyncConflict.detected_at.desc(), SyncConflict.id.desc())
    if not include_resolved:
        query = query.where(SyncConflict.resolved.is_(False))
    with store.read() as session:
        return [
            ConflictInfo(
                id=c.id, table=c.table_name, record_id=c.record_id,
                record=describe_record(session, c.table_name, c.record_id), field=c.field,
                our_value=c.our_value, their_value=c.their_value,
                our_text=value_text(c.our_value), their_text=value_text(c.their_value),
                our_time=_clock_time(c.our_clock), their_time=_clock_time(c.their_clock),
                winner=c.winner, peer_name=c.peer_name, detected_at=c.detected_at,
                resolved=c.resolved, resolution=c.resolution,
            )
            for c in session.scalars(query)
        ]


def resolve_conflict(store: Store, conflict_id: int, choice: str, value: Any = None) -> Changes:
    """Settle a conflict with this copy's value, the other copy's, or ``value`` (edited).

    Every open conflict of the same field closes with it: the field now has one chosen value.
    """
    if choice not in CHOICES:
        raise ValueError(choice)

    def apply(session: Session) -> None:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None:
            raise ValidationError(_(_NO_CONFLICT))
        if conflict.resolved:
            raise ValidationError(_("The conflict has been resolved already."))
        spec = table_specs().get(conflict.table_name)
        if spec is None or conflict.field not in spec.fields:
            raise ValidationError(_(_NO_CONFLICT))
        codec = spec.fields[conflict.field]
        chosen = {MINE: conflict.our_value, THEIRS: conflict.their_value, EDITED: value}[choice]
        if isinstance(chosen, str) and choice == EDITED and not codec.check(chosen):
            chosen = _from_text(chosen)  # typed on a command line: "12", "true", "[...]"
        if codec.attachment:
            raise ValidationError(_("A file's content cannot be chosen here; add the file again."))
        if (chosen is None and not codec.nullable) or (chosen is not None and not codec.check(chosen)):
            raise ValidationError(_("The value does not fit the field {field}.").format(
                field=conflict.field))
        cls = mapped_classes()[conflict.table_name]
        record = session.get(cls, conflict.record_id)
        if record is None:
            raise ValidationError(_(_NO_CONFLICT))
        key = inspect(cls).get_property_by_column(spec.table.c[conflict.field]).key
        setattr(record, key, spec.decode_value(conflict.field, chosen, {}))
        stamp = str(store.clock.now())
        for same in session.scalars(select(SyncConflict).where(
                SyncConflict.table_name == conflict.table_name,
                SyncConflict.record_id == conflict.record_id,
                SyncConflict.field == conflict.field,
                SyncConflict.resolved.is_(False))):
            same.resolved = True
            same.resolution = choice
            same.resolved_at = utcnow()
            same.resolved_by = store.officer
            same.resolved_stamp = stamp

    return store.run("resolve sync conflict", apply)


def _from_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def forget_record(session: Session, table: str, record_id: uuid.UUID) -> int:
    """Remove the conflicts kept about a record (its personal data, when a person is erased)."""
    result = session.execute(delete(SyncConflict).where(
        SyncConflict.table_name == table, SyncConflict.record_id == record_id))
    return int(getattr(result, "rowcount", 0) or 0)
