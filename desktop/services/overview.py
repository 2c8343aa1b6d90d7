"""A summary of what a store holds, for ``kumppani info`` and the status bar."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.i18n import _
from desktop.storage import migrate
from desktop.storage.base import Syncable
from desktop.storage.models import ChecklistItem, ContactPerson, GrantCall, Meeting, Organisation
from desktop.storage.store import Store


def _count(store: Store, model: type[Syncable]) -> int:
    with store.read() as session:
        return session.scalar(
            select(func.count()).select_from(model).where(model.deleted.is_(False))
        ) or 0


def holds_records(store: Store) -> bool:
    """True when the database holds any organisation, meeting or grant call (live or not)."""
    with store.read() as session:
        return any(session.scalar(select(model.id).limit(1)) is not None
                   for model in (Organisation, Meeting, GrantCall))


def overview(store: Store) -> list[tuple[str, str]]:
    """(label, value) pairs in the user's language."""
    return [
        (_("Database"), store.location),
        (_("Schema version"), migrate.current_revision(store.engine) or ""),
        (_("Copy id"), store.replica_id),
        (_("Organisations"), str(_count(store, Organisation))),
        (_("Contact persons"), str(_count(store, ContactPerson))),
        (_("Meetings"), str(_count(store, Meeting))),
        (_("Grant calls"), str(_count(store, GrantCall))),
        (_("Checklist steps"), str(_count(store, ChecklistItem))),
    ]
