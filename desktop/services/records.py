"""The record a user acts on, which another window, another user or another copy may have
deleted or changed meanwhile."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import KnownError, ValidationError
from desktop.i18n import N_, _
from desktop.storage.base import Syncable
from desktop.storage.models import AuditEntry, ContactPerson, Organisation

R = TypeVar("R", bound=Syncable)


def live(session: Session, model: type[R], record_id: uuid.UUID, gone: str) -> R:
    """The record, or ``ValidationError(gone)`` (an ``N_`` message) when it is missing or a tombstone."""
    record = session.get(model, record_id)
    if record is None or record.deleted:
        raise ValidationError(_(gone))
    return record


def apply_fields(record: object, fields: Mapping[str, Any]) -> None:
    """Set only what differs: an unchanged value written back would still be audited as an update."""
    for name, value in fields.items():
        if getattr(record, name) != value:
            setattr(record, name, value)


@dataclass(frozen=True)
class Seen:
    """A record as an editor showed it: its row version and the stored values of its fields.

    The editor hands it back with the save (a new operation that reads the row again), so that
    a change another user saved meanwhile is noticed rather than overwritten.
    """

    version: int
    values: Mapping[str, Any]


# The version of a record that a view showed without reading it (a table's cell): an edit from
# what it showed is checked field by field.
SHOWN = -1


def seen(record: Syncable, names: Iterable[str]) -> Seen:
    # Copies: a list column read now must not follow later changes to the loaded record.
    return Seen(record.row_version, {name: copy.deepcopy(_plain(getattr(record, name)))
                                     for name in names})


@dataclass(frozen=True)
class FieldClash:
    """A field both users changed, differently: what it was, theirs now and mine."""

    name: str
    base: Any
    theirs: Any
    mine: Any


class EditConflict(KnownError):
    """Another user saved the record while this one edited it, and changed a field this edit
    changes too. Nothing was saved.

    ``merged`` is the edit with their other changes taken in (mine where only I changed a
    field, theirs where only they did, mine for the clashes); save ``merged`` with the choices
    made for ``clashes`` and ``current`` (the record as it is now) as the new ``Seen``.
    """

    def __init__(self, record_id: uuid.UUID, clashes: list[FieldClash], merged: dict[str, Any],
                 current: Seen, by: str, at: dt.datetime | None) -> None:
        super().__init__(
            _("{who} saved this record while you were editing it, and changed the same fields: "
              "{fields}. Nothing was saved; open the record again.").format(
                who=by or _("Another user"), fields=", ".join(c.name for c in clashes)))
        self.record_id = record_id
        self.clashes = clashes
        self.merged = merged
        self.current = current
        self.by = by
        self.at = at

    def resolved(self, choices: Mapping[str, Any]) -> dict[str, Any]:
        """The fields to save: ``merged`` with the value chosen for each clash."""
        return {**self.merged, **choices}


def apply_edit(session: Session, record: Syncable, fields: Mapping[str, Any],
               start: Seen | None) -> None:
    """:func:`apply_fields` for an edit made from ``start`` (None: no editor, write as asked).

    When another user saved the record since, only the fields this edit changed are written,
    so that theirs stay; a field both changed to different values raises ``EditConflict``.
    """
    apply_fields(record, edit_fields(session, record, fields, start))


def edit_fields(session: Session, record: Syncable, fields: Mapping[str, Any],
                start: Seen | None) -> dict[str, Any]:
    """Which of ``fields`` (an edit made from ``start``) :func:`apply_edit` writes, for a
    service that writes some of them its own way; raises ``EditConflict`` as it does."""
    names = set(fields) | (set(start.values) if start is not None else set())
    now = {name: _plain(getattr(record, name)) for name in names}
    return _to_write(session, record.id, record.row_version, now, fields, start)


def merged_values(session: Session, record: Syncable, stated: Mapping[str, Any],
                  fields: Mapping[str, Any], start: Seen | None) -> dict[str, Any]:
    """The values ``fields`` (an edit made from ``start``) come to once merged as
    :func:`apply_edit` merges, without writing them: for checks that need the merged record
    first, or an editor whose fields are not all columns of the record. ``stated``: the record
    now, as the editor states its fields."""
    written = _to_write(session, record.id, record.row_version, stated, fields, start)
    return {name: written.get(name, stated[name]) for name in fields}


def _to_write(session: Session, record_id: uuid.UUID, version: int, now: Mapping[str, Any],
              fields: Mapping[str, Any], start: Seen | None) -> dict[str, Any]:
    """Which of ``fields`` to write over the record that is ``now`` at ``version``."""
    # A change to linked rows alone (an application's activities) leaves the record's version
    # as it was: seen in the values, it is another user's save all the same.
    if start is None or (start.version == version and all(
            now[name] == value for name, value in start.values.items() if name in now)):
        return dict(fields)
    missing = object()
    mine = {name: value for name, value in fields.items()
            if start.values.get(name, missing) != value}
    clashes = [FieldClash(name, start.values[name], now[name], value)
               for name, value in mine.items()
               if name in start.values and now[name] != start.values[name] and now[name] != value]
    if clashes:
        by, at = _last_change(session, record_id)
        current = Seen(version, {name: copy.deepcopy(now[name]) for name in start.values
                                 if name in now})
        raise EditConflict(record_id, clashes, {**{name: now[name] for name in fields}, **mine},
                           current, by, at)
    return mine


def _last_change(session: Session, record_id: uuid.UUID) -> tuple[str, dt.datetime | None]:
    """Who changed the record last and when (UTC), from the audit log."""
    entry = session.scalars(select(AuditEntry).where(AuditEntry.record_id == str(record_id))
                            .order_by(AuditEntry.id.desc()).limit(1)).first()
    return (entry.officer, entry.at) if entry else ("", None)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def live_organisation(session: Session, organisation_id: uuid.UUID) -> Organisation:
    return live(session, Organisation, organisation_id, N_("The organisation no longer exists."))


def live_person(session: Session, person_id: uuid.UUID) -> ContactPerson:
    return live(session, ContactPerson, person_id, N_("The contact person no longer exists."))
