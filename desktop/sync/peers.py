"""This copy's name, the copies it has exchanged bundles with, and the history of exchanges."""

from __future__ import annotations

import datetime as dt
import socket
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from desktop.errors import KnownError, ValidationError
from desktop.i18n import _
from desktop.storage.hlc import HybridLogicalClock
from desktop.storage.models import SyncConflict, SyncExchange, SyncPeer
from desktop.storage.store import Store, set_meta

NAME_KEY = "sync.replica_name"
REPLICA_KEY = "replica_id"
_MIN_ID_PREFIX = 4


def replica_name(store: Store) -> str:
    """How this copy introduces itself in its bundles: set by the officer, else their name (a
    server, whose copy is everyone's, by its database and host)."""
    named = store.meta(NAME_KEY)
    if named:
        return named
    if store.on_server:
        url = make_url(store.location)
        return f"{url.database}@{url.host}" if url.host else str(url.database or store.location)
    return store.officer or socket.gethostname()


def set_replica_name(store: Store, name: str) -> None:
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise ValidationError(_("The name of this copy must be 1 to 200 characters long."))

    store.run("name this copy", lambda session: set_meta(session, NAME_KEY, name))


def new_identity(store: Store, name: str | None = None) -> str:
    """Make this database file a copy of its own: a new replica id (and, if given, name).

    A database file copied from another officer's carries that copy's id, so each refuses the
    other's bundles as its own. Everything written so far keeps the clocks it has (the two files
    share that history); what is written from now on carries the new id. Returns the new id.
    """
    if name is not None:
        set_replica_name(store, name)
    new_id = uuid.uuid4().hex

    def apply(session: Session) -> None:
        set_meta(session, REPLICA_KEY, new_id)
        # Under the store's write lock, so no write in between is stamped with the old id.
        store.replica_id = new_id
        store.clock = HybridLogicalClock(new_id, str(store.clock.last))

    old_id, old_clock = store.replica_id, store.clock
    try:
        store.run("give this copy a new identity", apply)
    except BaseException:
        store.replica_id, store.clock = old_id, old_clock
        raise
    return new_id


@dataclass(frozen=True)
class PeerInfo:
    replica_id: str
    name: str
    first_seen: dt.datetime
    last_import_at: dt.datetime | None
    last_export_at: dt.datetime | None
    open_conflicts: int


def list_peers(store: Store) -> list[PeerInfo]:
    with store.read() as session:
        conflicts: dict[str, int] = {
            replica: count for replica, count in session.execute(
                select(SyncConflict.peer_replica_id, func.count())
                .where(SyncConflict.resolved.is_(False))
                .group_by(SyncConflict.peer_replica_id))}
        return [
            PeerInfo(p.replica_id, p.name, p.first_seen, p.last_import_at, p.last_export_at,
                     conflicts.get(p.replica_id, 0))
            for p in session.scalars(select(SyncPeer).order_by(SyncPeer.name, SyncPeer.replica_id))
        ]


def find_peer(session: Session, reference: str) -> SyncPeer:
    """The peer whose name is ``reference`` (any case), or whose id starts with it."""
    wanted = reference.strip()
    peers = list(session.scalars(select(SyncPeer)))
    found = [p for p in peers if p.name.casefold() == wanted.casefold()]
    if not found and len(wanted) >= _MIN_ID_PREFIX:
        found = [p for p in peers if p.replica_id.startswith(wanted.lower())]
    if len(found) == 1:
        return found[0]
    names = ", ".join(sorted(p.name or p.replica_id[:8] for p in peers)) or "—"
    if found:
        raise KnownError(_("More than one copy is called '{name}'; give the start of its id "
                           "instead ({names}).").format(name=wanted, names=names))
    raise KnownError(_("No copy called '{name}' has sent a file here yet. Known copies: {names}. "
                       "A first export for a new copy is a full one (--full).").format(
        name=wanted, names=names))


@dataclass(frozen=True)
class ExchangeInfo:
    at: dt.datetime
    direction: str  # export, import
    peer_name: str
    file_name: str
    kind: str  # full, delta
    encrypted: bool
    records: int
    added: int
    updated: int
    deleted: int
    conflicts: int
    officer: str


def exchange_history(store: Store, peer_replica_id: str | None = None,
                     limit: int = 200) -> list[ExchangeInfo]:
    """The newest exchanges first, of one peer or of all."""
    query = select(SyncExchange).order_by(SyncExchange.at.desc(), SyncExchange.id.desc()).limit(limit)
    if peer_replica_id is not None:
        query = query.where(SyncExchange.peer_replica_id == peer_replica_id)
    with store.read() as session:
        return [
            ExchangeInfo(e.at, e.direction, e.peer_name, e.file_name, e.kind, e.encrypted,
                         e.records, e.added, e.updated, e.deleted, e.conflicts, e.officer)
            for e in session.scalars(query)
        ]
