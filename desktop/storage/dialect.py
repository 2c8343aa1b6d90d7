"""Everything SQLite-specific lives here, so that the PostgreSQL store can sit beside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the UI read while a worker writes; NORMAL is durable enough with WAL.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Erased personal data must not linger in free pages of the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _autocommit_driver(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 would commit each DDL statement on its own; let SQLAlchemy say BEGIN,
    # so that a schema upgrade that fails halfway rolls back whole (SQLAlchemy's pysqlite recipe).
    dbapi_connection.isolation_level = None


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def create_sqlite_engine(path: Path) -> Engine:
    # Long work runs in worker threads; writes are serialised by the store's lock.
    engine = create_engine(sqlite_url(path), connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "connect", _autocommit_driver)
    event.listen(engine, "begin", _begin)
    return engine


def has_tables(path: Path) -> bool:
    """True when the SQLite file holds any table (of whatever program), or cannot be read."""
    con = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        return con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
    except sqlite3.DatabaseError:
        return True  # damaged: certainly not an empty file to create a database in
    finally:
        con.close()


def _read_only_uri(path: Path) -> str:
    return Path(path).resolve().as_uri() + "?mode=ro"


def sqlite_backup(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (safe while the app is running)."""
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def is_sqlite_database(path: Path) -> bool:
    try:
        with path.open("rb") as fp:
            return fp.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
