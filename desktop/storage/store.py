"""The store: one database — a file, or the county's PostgreSQL server in team mode — opened,
upgraded and written through operations.

Every write is an *operation*: one transaction that stamps and audits every change (see
``tracking``) and returns what changed, which the store broadcasts to its listeners (the UI).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop import paths
from desktop.errors import KnownError, NewerDatabaseError
from desktop.i18n import _
from desktop.storage import migrate, remote_changes, search
from desktop.storage.backup import backup_database
from desktop.storage.dialect import (
    OPENING_LOCK,
    create_server_engine,
    create_sqlite_engine,
    display_url,
    has_tables,
    is_server_url,
    is_sqlite_database,
    take_turns,
)
from desktop.storage.hlc import HybridLogicalClock, Timestamp
from desktop.storage.models.core import Meta
from desktop.storage.reference import sync_municipalities
from desktop.storage.roles import install_refusal_messages, server_role
from desktop.storage.tracking import Changes, TrackingContext, before_flush

T = TypeVar("T")

log = logging.getLogger(__name__)

Listener = Callable[[Changes], None]


class SimultaneousSaveError(KnownError):
    """Another user wrote a row this operation writes between its reading and its writing."""


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening: created, upgraded (from which revision), backup taken."""

    created: bool
    upgraded_from: str | None
    backup: Path | None


class Store:
    def __init__(self, path: Path | None, engine: Engine, report: OpenReport,
                 location: str | None = None) -> None:
        # path: the database file; None on a server, which ``location`` (its URL) names.
        self.path = path
        self.location = location or str(path)
        self.engine = engine
        self.report = report
        self.officer = ""
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", before_flush)
        # One writer at a time in this process; SQLite serialises across processes.
        self._write_lock = threading.RLock()
        self._listeners: list[Listener] = []
        # Other users' changes (see ``poll_remote_changes``); this store's own NOTIFYs say token.
        self._token = uuid.uuid4().hex
        self._remote: remote_changes.Watcher | None = None
        with self._sessions.begin() as session:
            # Users opening a new server database at once agree on one replica id.
            take_turns(session, OPENING_LOCK)
            self.replica_id = _ensure_meta(session, "replica_id", lambda: uuid.uuid4().hex)
            last = session.get(Meta, "clock")
            self.clock = HybridLogicalClock(self.replica_id, last.value if last else None)

    # -- opening -------------------------------------------------------------------------

    @property
    def on_server(self) -> bool:
        return self.path is None

    @classmethod
    def open(cls, path: Path | str, backup_dir: Path | None = None) -> Store:
        """Open (creating or upgrading) the database at ``path``, a file or a server's URL.

        An older schema is upgraded after a backup; a newer one is refused; any database error
        becomes a ``KnownError`` naming the file.
        """
        if is_server_url(path):
            return cls.open_server(str(path))
        path = Path(path)
        created = not path.exists() or path.stat().st_size == 0
        not_ours = KnownError(_("{path} is not a Kumppani database.").format(path=path))
        if not created and not is_sqlite_database(path):
            raise not_ours
        if not created and migrate.sqlite_file_revision(path) is None and has_tables(path):
            # Another program's SQLite file: refuse before even a connection changes its header.
            raise not_ours
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_sqlite_engine(path)
        try:
            report = cls._prepare(path, engine, created, backup_dir)
            return cls(path, engine, report)
        except KnownError:
            engine.dispose()
            raise
        except DatabaseError as exc:
            engine.dispose()
            raise KnownError(
                _("Cannot open {path}: {reason}").format(path=path, reason=exc.orig)
            ) from exc

    @classmethod
    def open_server(cls, url: str) -> Store:
        """Open the database on a PostgreSQL server (``url`` with its password, if it needs one),
        upgrading its schema when it is older. The server's own backups are its IT's: an upgrade
        runs in one transaction, which PostgreSQL undoes whole if it fails."""
        shown = display_url(url)
        engine = create_server_engine(url)
        try:
            report = cls._prepare(shown, engine, False, None)
            # Whoever opens it: the server's "permission denied" reads as what the role may not do.
            install_refusal_messages(engine, server_role(engine))
            return cls(None, engine, report, location=shown)
        except KnownError:
            engine.dispose()
            raise
        except DatabaseError as exc:
            engine.dispose()
            raise KnownError(_("Cannot open the database {location} on the server: {reason}")
                             .format(location=shown, reason=exc.orig)) from exc

    @staticmethod
    def _prepare(
        path: Path | str, engine: Engine, created: bool, backup_dir: Path | None
    ) -> OpenReport:
        current = migrate.current_revision(engine)
        head = migrate.head_revision()
        upgraded_from, backup = None, None
        if current is not None and current not in migrate.known_revisions():
            raise NewerDatabaseError(
                _(
                    "{path} was saved by a newer version of Kumppani. "
                    "Update Kumppani to open it; the file was not changed."
                ).format(path=path)
            )
        if current != head:
            if current is not None:
                upgraded_from = current
                if isinstance(path, Path):  # a file; a server's backups are its IT's
                    backup = backup_database(path, backup_dir or paths.backup_dir(),
                                             reason=f"before-{head}")
                log.info("upgrading %s from %s to %s (backup %s)", path, current, head, backup)
            try:
                migrate.upgrade(engine)
            except DatabaseError as exc:
                # The upgrade runs in one transaction: the file is as it was before it.
                raise KnownError(
                    _("Upgrading {path} failed and was undone: {reason}. A backup is at {backup}.")
                    .format(path=path, reason=exc.orig, backup=backup or "—")
                ) from exc
        with Session(engine) as session, session.begin():
            # On a server, one of the users opening it at once brings these up to date.
            take_turns(session, OPENING_LOCK)
            reference_changed = sync_municipalities(session)
            if reference_changed or _get_meta(session, search.META_KEY) != search.INDEX_VERSION:
                search.reindex(session)
                set_meta(session, search.META_KEY, search.INDEX_VERSION)
        return OpenReport(created, upgraded_from, backup)

    @staticmethod
    def is_current(path: Path | str) -> bool:
        """True when ``path`` opens without creating or upgrading anything (a quick check;
        a server is always worth a progress dialog)."""
        if is_server_url(path):
            return False
        return migrate.sqlite_file_revision(Path(path)) == migrate.head_revision()

    def close(self) -> None:
        if self._remote is not None:
            self._remote.close()
            self._remote = None
        self.engine.dispose()

    # -- reading and writing -------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def operation(self, name: str) -> Iterator[Session]:
        """One user action: a transaction that commits as a whole or not at all."""
        with self._write_lock:
            ctx = TrackingContext(clock=self.clock, officer=self.officer, operation=name)
            session = self._sessions()
            session.info["tracking"] = ctx
            try:
                with session.begin():
                    if self.on_server:
                        _observe_server_clock(session, self.clock)
                    yield session
                    session.flush()
                    # The search index changes in the same transaction as what it indexes.
                    touched = search.affected_organisations(session, ctx.changes)
                    if touched:
                        search.reindex(session, touched)
                    set_meta(session, "clock", str(self.clock.last))
                    remote_changes.announce(session, self._token, ctx.changes)
                    if self._remote is not None:
                        self._remote.wrote(ctx.changes)
            except StaleDataError as exc:
                # The ORM's UPDATE ... WHERE row_version = <read> found a newer row: a write
                # outside the operations (which a server's clock lock serialises) came between.
                raise SimultaneousSaveError(_(
                    "Another user saved the same record at the same moment. Try again.")) from exc
            finally:
                session.close()
        if ctx.changes:
            self._broadcast(ctx.changes)

    def run(self, name: str, fn: Callable[[Session], object]) -> Changes:
        """Run ``fn`` as one operation and return what it changed."""
        return self.run_returning(name, fn)[1]

    def run_returning(self, name: str, fn: Callable[[Session], T]) -> tuple[T, Changes]:
        """``run`` for operations that also return something (the id of what they created)."""
        with self.operation(name) as session:
            ctx: TrackingContext = session.info["tracking"]
            result = fn(session)
        return result, ctx.changes

    # -- change notification -------------------------------------------------------------

    def poll_remote_changes(self) -> Changes:
        """What other users of this database (other programs, other connections) changed since
        the last call, told to the listeners like this store's own changes; cheap when nothing
        changed (for a timer). The first call starts watching and returns nothing."""
        if self._remote is None:
            self._remote = remote_changes.watcher(self.engine, self.path, self._token)
            return Changes()
        changes = self._remote.poll()
        if changes:
            self._broadcast(changes)
        return changes

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @contextmanager
    def held_broadcasts(self) -> Iterator[Changes]:
        """Hold the changes written meanwhile (also by a worker thread; listeners are widgets
        that only the UI thread may touch) and tell the listeners of them at the end, at once."""
        listeners, held = self._listeners, Changes()
        self._listeners = [held.merge]
        try:
            yield held
        finally:
            self._listeners = listeners + [x for x in self._listeners if x != held.merge]
            if held:
                self._broadcast(held, listeners)

    def _broadcast(self, changes: Changes, listeners: list[Listener] | None = None) -> None:
        # The operation has committed: a failing listener must not make it look failed,
        # nor keep the others from hearing of it.
        for listener in list(self._listeners if listeners is None else listeners):
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed")

    def meta(self, key: str, default: str = "") -> str:
        with self.read() as session:
            row = session.get(Meta, key)
            return row.value if row else default


def _observe_server_clock(session: Session, clock: HybridLogicalClock) -> None:
    """Everyone connected to a server writes under its one replica id, each process with its own
    clock: an operation locks the clock's row until it commits and moves past the last stamp
    committed, so that no two writes share a stamp and stamps follow the order of commits (which
    a delta export relies on), whatever the writers' computers' clocks say."""
    last = session.scalar(select(Meta).where(Meta.key == "clock").with_for_update())
    if last is None:  # the first write to a new database: make the row that is locked from now on
        session.execute(pg_insert(Meta).values(key="clock", value=str(clock.last))
                        .on_conflict_do_nothing())
        last = session.scalar(select(Meta).where(Meta.key == "clock").with_for_update())
    if last is not None and last.value:
        clock.observe(Timestamp.parse(last.value))


def _ensure_meta(session: Session, key: str, make: Callable[[], str]) -> str:
    row = session.scalar(select(Meta).where(Meta.key == key))
    if row is None:
        row = Meta(key=key, value=make())
        session.add(row)
    return row.value


def _get_meta(session: Session, key: str) -> str | None:
    row = session.get(Meta, key)
    return row.value if row else None


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value
