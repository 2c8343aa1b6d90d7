"""Everything SQLite-specific lives here, so that the PostgreSQL store can sit beside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, func
from sqlalchemy.sql.functions import TableValuedAlias


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


def json_list_values(column: Any, name: str = "json_value") -> TableValuedAlias:
    """The elements of a JSON list column as rows (column ``value``), for joining per row.

    PostgreSQL will use ``jsonb_array_elements_text``.
    """
    return func.json_each(column).table_valued("value").alias(name)


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


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows (dicts with the same keys) with one ``executemany`` of the driver.

    The columns' types convert the values (UUIDs, JSON, dates) as SQLAlchemy would, without its
    per-row bookkeeping, which costs more than SQLite's work for an import of 100,000 rows.
    PostgreSQL will use COPY.
    """
    if not rows:
        return
    keys = list(rows[0])
    dialect = connection.dialect
    columns = []
    for key in keys:
        values = [row[key] for row in rows]
        process = table.c[key].type.bind_processor(dialect)
        if process is not None:
            first = values[0]
            if all(value is first for value in values):  # e.g. one time for every row
                values = [process(first)] * len(values)
            else:
                values = [process(value) for value in values]
        columns.append(values)
    names = ", ".join(dialect.identifier_preparer.quote(key) for key in keys)
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(keys))})"
    connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))
