"""Other users' changes to the same database, for the screens to redraw without a restart.

PostgreSQL: every operation NOTIFYs the tables and ids it changed, which the server delivers
at commit (and drops on a rollback); one listening connection per store collects them.
SQLite (two programs on one file): ``PRAGMA data_version`` tells cheaply that another
connection committed, and the audit log's new entries tell what (SQLite commits one writer at
a time, so its entries come in commit order).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import uuid
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from desktop.storage.base import syncable_classes
from desktop.storage.dialect import is_postgresql
from desktop.storage.tracking import Changes

log = logging.getLogger(__name__)

CHANNEL = "kumppani_changes"
KINDS = ("inserted", "updated", "deleted")
# PostgreSQL refuses a payload of 8000 bytes or more: a bigger change is told by its tables.
_PAYLOAD_LIMIT = 7800
# More new audit entries than this at one poll (an import): tell the tables, not every id.
_TAIL_LIMIT = 2000
_ACTIONS = {"insert": "inserted", "update": "updated", "delete": "deleted"}


class Watcher(Protocol):
    def poll(self) -> Changes: ...

    def wrote(self, changes: Changes) -> None: ...

    def close(self) -> None: ...


def watcher(engine: Engine, path: Path | None, token: str) -> Watcher:
    """A watcher of ``engine``'s database; it starts from now."""
    if path is None:
        return PostgresWatcher(engine, token)
    return SqliteWatcher(path)


def announce(session: Session, token: str, changes: Changes) -> None:
    """Tell the other users of a server what this operation changes, at its commit."""
    connection = session.connection()
    if not changes or not is_postgresql(connection):
        return
    count = sum(len(ids) for kind in KINDS for ids in getattr(changes, kind).values())
    payload = "" if count * 35 > _PAYLOAD_LIMIT else json.dumps({"s": token, **{
        kind: {table: [record_id.hex for record_id in ids]
               for table, ids in getattr(changes, kind).items()} for kind in KINDS}})
    if not payload or len(payload) > _PAYLOAD_LIMIT:
        payload = json.dumps({"s": token, **{
            kind: {table: [] for table in getattr(changes, kind)} for kind in KINDS}})
    connection.execute(text("SELECT pg_notify(:channel, :payload)"),
                       {"channel": CHANNEL, "payload": payload})


def everything() -> Changes:
    """Every syncable table changed, ids unknown: after the watcher missed something."""
    changes = Changes()
    for cls in syncable_classes():
        changes.add_many("updated", cls.__tablename__, ())  # type: ignore[attr-defined]
    return changes


class PostgresWatcher:
    """The LISTEN connection, polled from the UI thread at a timer tick: the poll itself never
    waits on the network. A lost connection is made again on a thread of its own (a connect
    may wait ``connect_timeout`` for a server that does not answer)."""

    def __init__(self, engine: Engine, token: str) -> None:
        self._engine = engine
        self._token = token
        self._connection: Any = None  # psycopg's
        self._lock = threading.Lock()
        self._reconnecting: threading.Thread | None = None
        self._reconnected: Any = None  # made by the thread, for the next poll to take
        self._closed = False
        try:  # the store has just connected: this is quick
            self._connection = _listen(engine)
        except Exception as exc:
            log.warning("listening to the server failed: %s", exc)

    def poll(self) -> Changes:
        changes = Changes()
        try:
            if self._connection is None:
                if not self._take_reconnected():
                    return changes
                return everything()  # what came while it was away is unknown
            # libpq's own non-blocking read: psycopg's notifies(timeout=0) may not read at all,
            # and would not notice a connection the server dropped.
            pgconn = self._connection.pgconn
            pgconn.consume_input()
            encoding = self._connection.info.encoding
            while (notify := pgconn.notifies()) is not None:
                _add_payload(changes, notify.extra.decode(encoding), self._token)
        except Exception as exc:  # the network or the server went away; try again next time
            log.warning("listening to the server failed: %s", exc)
            self._drop()
        return changes

    def _take_reconnected(self) -> bool:
        """True when the thread has made the connection again; else start it, if not running."""
        with self._lock:
            if self._reconnected is not None:
                self._connection, self._reconnected = self._reconnected, None
                return True
            if self._reconnecting is None or not self._reconnecting.is_alive():
                self._reconnecting = threading.Thread(target=self._reconnect, daemon=True,
                                                      name="kumppani-listen")
                self._reconnecting.start()
        return False

    def _reconnect(self) -> None:
        try:
            connection = _listen(self._engine)
        except Exception as exc:
            log.info("listening to the server again failed: %s", exc)
            return
        with self._lock:
            if not self._closed:
                self._reconnected, connection = connection, None
        if connection is not None:  # the store closed meanwhile
            connection.close()

    def wrote(self, changes: Changes) -> None:
        pass  # its own notifications carry its token

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception as exc:  # closing a broken connection: nothing left to do
                log.info("closing the listening connection: %s", exc)
            finally:
                self._connection = None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            waiting, self._reconnected = self._reconnected, None
        if waiting is not None:
            waiting.close()
        self._drop()


def _listen(engine: Engine) -> Any:
    """A connection of its own (outside the pool, for good) that listens to the channel."""
    raw = engine.raw_connection()
    connection: Any = raw.driver_connection
    raw.detach()
    try:
        connection.rollback()
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
    except BaseException:
        connection.close()
        raise
    return connection


def _add_payload(changes: Changes, payload: str, own_token: str) -> None:
    try:
        told = json.loads(payload)
    except ValueError:
        return
    if told.get("s") == own_token:
        return
    for kind in KINDS:
        for table, ids in told.get(kind, {}).items():
            changes.add_many(kind, table, (uuid.UUID(hex=value) for value in ids))


class SqliteWatcher:
    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        # This store's own writes since the last poll, to leave out of what others did. A
        # change of theirs to a record this store also changed in the same few seconds is
        # left out with it: the page shows it at the next change or refresh.
        self._own: set[tuple[str, uuid.UUID | None]] = set()
        self._version = self._data_version()
        self._last = self._connection.execute("SELECT coalesce(max(id), 0) FROM audit_log"
                                              ).fetchone()[0]

    def _data_version(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def wrote(self, changes: Changes) -> None:
        with self._lock:
            for kind in KINDS:
                for table, ids in getattr(changes, kind).items():
                    self._own.add((table, None))
                    if len(ids) <= _TAIL_LIMIT:
                        self._own.update((table, record_id) for record_id in ids)

    def poll(self) -> Changes:
        try:
            return self._poll()
        except sqlite3.Error as exc:  # the file went away or is busy: the next poll tells
            log.warning("watching the database for other programs' changes failed: %s", exc)
            return Changes()

    def _poll(self) -> Changes:
        changes = Changes()
        with self._lock:
            version = self._data_version()
            if version == self._version:
                return changes
            self._version = version
            own, self._own = self._own, set()
            rows = self._connection.execute(
                "SELECT id, table_name, record_id, action FROM audit_log WHERE id > ? ORDER BY id"
                " LIMIT ?", (self._last, _TAIL_LIMIT + 1)).fetchall()
            if len(rows) > _TAIL_LIMIT:
                rows = self._connection.execute(
                    "SELECT max(id), table_name, NULL, action FROM audit_log WHERE id > ?"
                    " GROUP BY table_name, action", (self._last,)).fetchall()
        for entry_id, table, record_text, action in rows:
            self._last = max(self._last, entry_id)
            record_id = _record_id(record_text)
            if (table, record_id) in own or (record_id is None and (table, None) in own):
                continue
            changes.add_many(_ACTIONS.get(action, "updated"), table,
                             () if record_id is None else (record_id,))
        return changes

    def close(self) -> None:
        self._connection.close()


def _record_id(text: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(text) if text else None
    except ValueError:  # a summary entry (a sync import's records added to a table)
        return None
