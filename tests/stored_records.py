"""What a store holds of one record, read in a session of its own (for tests of edits)."""

from __future__ import annotations

import uuid
from typing import Any

from desktop.services import register
from desktop.storage.store import Store


def stored(store: Store, model: type, record_id: uuid.UUID) -> Any:
    """The record as stored now, detached from its session (its loaded columns stay readable)."""
    with store.read() as session:
        record = session.get(model, record_id)
        assert record is not None
        session.expunge(record)
        return record


def stored_fields(store: Store, model: type, record_id: uuid.UUID, *names: str) -> tuple[Any, ...]:
    """Some fields of the record as stored now."""
    record = stored(store, model, record_id)
    return tuple(getattr(record, name) for name in names)


def new_organisation(store: Store, name: str = "Kyläyhdistys ry") -> uuid.UUID:
    """An organisation for the records under test to belong to."""
    org_id, _changes = register.save_organisation(store, None, {"name_fi": name})
    return org_id
