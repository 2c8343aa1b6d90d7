"""What differs between the two backends, SQLite (a file on the laptop) and PostgreSQL (the
county's server, "team mode"), lives here; the rest of the storage speaks SQL both understand."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement, TableValuedAlias

SERVER_SCHEMES = ("postgresql", "postgresql+psycopg")


def is_server_url(location: object) -> bool:
    """True for a PostgreSQL URL (``postgresql+psycopg://user@host/dbname``), not a file path."""
    text = str(location)
    return any(text.startswith(scheme + "://") for scheme in SERVER_SCHEMES)


def server_url(location: str, password: str | None = None) -> str:
    """The URL SQLAlchemy opens: always the psycopg 3 driver, the password filled in if given."""
    try:
        url = make_url(location)
    except ArgumentError as exc:
        raise ValueError(str(exc)) from exc
    url = url.set(drivername="postgresql+psycopg")
    if password is not None:
        url = url.set(password=password)
    return url.render_as_string(hide_password=False)


def display_url(location: str) -> str:
    """The URL without its password, with the psycopg driver: what is shown, logged, remembered
    in the settings and used as the keyring's key."""
    url = make_url(str(location)).set(drivername="postgresql+psycopg")
    return url._replace(password=None).render_as_string(hide_password=False)


def create_server_engine(url: str) -> Engine:
    # A dropped connection (a laptop's network, a server restart) is replaced, not an error.
    return create_engine(server_url(url), pool_pre_ping=True, connect_args={"connect_timeout": 10})


def is_postgresql(bind: Any) -> bool:
    """``bind``: a Session, Connection or Engine."""
    return _dialect_name(bind) == "postgresql"


# PostgreSQL's advisory locks of ours, by the number that names each in the database. 1302 is
# the grant facts' (their triggers take it; see migration 0013), 1303 the short word counts'
# (migration 0016).
OPENING_LOCK = 1001  # upgrading the schema and rebuilding the index when a program opens it


def take_turns(bind: Any, lock: int) -> None:
    """Wait until no other transaction holds ``lock``, then hold it until this one ends: writers
    of the same thing go one after another, and (at READ COMMITTED) each statement after this
    sees what the one before committed. SQLite lets only one writer at a time through anyway.
    ``bind``: a Session or Connection in a transaction."""
    if _dialect_name(bind) == "postgresql":
        bind.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": lock})


def placeholders(connection: Connection, count: int) -> str:
    """``count`` positional parameter markers in the driver's own style (for exec_driver_sql)."""
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    return ", ".join([marker] * count)


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

    PostgreSQL's ``json_array_elements_text`` gives the same rows.
    """
    return _JsonElements(column).table_valued("value").alias(name)


class _JsonElements(FunctionElement[Any]):
    name = "json_elements"
    inherit_cache = True


@compiles(_JsonElements)
def _json_each(element: _JsonElements, compiler: Any, **kw: Any) -> str:
    return f"json_each({compiler.process(element.clauses, **kw)})"


@compiles(_JsonElements, "postgresql")
def _json_array_elements(element: _JsonElements, compiler: Any, **kw: Any) -> str:
    return f"json_array_elements_text({compiler.process(element.clauses, **kw)})"


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
    """Insert many rows (dicts with the same keys) at once: one ``executemany`` of the driver on
    SQLite, ``COPY … FROM STDIN`` on PostgreSQL.

    The columns' types convert the values (UUIDs, JSON, dates) as SQLAlchemy would, without its
    per-row bookkeeping, which costs more than the database's work for an import of 100,000 rows.
    """
    if not rows:
        return
    keys = list(rows[0])
    dialect = connection.dialect
    server = is_postgresql(connection)
    columns = []
    for key in keys:
        values = [row[key] for row in rows]
        column_type = table.c[key].type
        # On PostgreSQL the dialect's own type (psycopg's Json for JSON); SQLite's own DATETIME
        # would format every value in Python, which its driver does quicker.
        process = (column_type.dialect_impl(dialect) if server else column_type).bind_processor(dialect)
        if process is not None:
            first = values[0]
            if all(value is first for value in values):  # e.g. one time for every row
                values = [process(first)] * len(values)
            else:
                values = [process(value) for value in values]
        columns.append(values)
    insert_rows(connection, table.name, keys, list(zip(*columns, strict=True)))


def insert_rows(connection: Connection, table: str, columns: Sequence[str],
                rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows of values as the driver takes them: one ``executemany`` on SQLite, one
    ``COPY … FROM STDIN`` on PostgreSQL (where an executemany is a statement per row, and each
    fires the table's statement triggers)."""
    if not rows:
        return
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(column) for column in columns)
    if is_postgresql(connection):
        _copy(connection, f"COPY {quote(table)} ({names}) FROM STDIN", rows)
        return
    connection.exec_driver_sql(
        f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders(connection, len(columns))})",
        rows)


def _copy(connection: Connection, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """Rows streamed to PostgreSQL with COPY (several times quicker than INSERTs), in the
    connection's transaction."""
    driver_connection = connection.connection.driver_connection
    assert driver_connection is not None
    try:
        with driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except connection.dialect.loaded_dbapi.Error as exc:
        # As SQLAlchemy's own statements do: its exception, the engine's handle_error hooks
        # (a refusal by the server's roles, a lost connection) and an invalidated connection.
        connection._handle_dbapi_exception(exc, sql, (), None, None)  # noqa: SLF001


def refresh_statistics(connection: Connection, *tables: str) -> None:
    """PostgreSQL: ANALYZE ``tables`` after a bulk write, within its transaction, rather than
    when autovacuum gets round to it; until then the planner takes a table of 100,000 new rows
    for the empty one it was, and the rest of the operation scans it row by row. (A role that
    does not own the tables has its ANALYZE skipped with a warning; autovacuum does it then.)
    SQLite plans without statistics unless told otherwise: nothing to do there."""
    if is_postgresql(connection):
        quote = connection.dialect.identifier_preparer.quote
        connection.exec_driver_sql(f"ANALYZE {', '.join(quote(table) for table in tables)}")


def _dialect_name(bind: Any) -> str:
    """The backend's name for a Session, Connection or Engine."""
    get_bind = getattr(bind, "get_bind", None)
    return (get_bind() if get_bind is not None else bind).dialect.name


def values_sql(bind: Any, name: str = "ids", kind: str = "text") -> str:
    """SQL selecting the elements of the list parameter ``:name`` as rows (``kind``: text or
    bigint), for ``column IN (…)`` with one parameter however long the list; the parameter's
    value comes from :func:`values_param`."""
    if _dialect_name(bind) == "postgresql":
        return f"SELECT unnest(CAST(:{name} AS {kind}[]))"
    return f"SELECT value FROM json_each(:{name})"


def values_param(bind: Any, values: Iterable[Any]) -> Any:
    """A list as :func:`values_sql` reads it: an array on PostgreSQL, JSON text on SQLite."""
    if _dialect_name(bind) == "postgresql":
        return list(values)
    return json.dumps(list(values))


def json_value(value: Any) -> Any:
    """A JSON column's value read with raw SQL: SQLite gives the text, psycopg the parsed value."""
    if isinstance(value, str):
        return json.loads(value) if value else None
    return value


def driver_rows(session: Session, statement: Any) -> list[tuple[Any, ...]]:
    """The rows of the Core ``statement`` as the driver returns them: plain values, without
    SQLAlchemy's result rows and type processing (the caller knows what the values are)."""
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect)
    values = compiled.construct_params()
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        if compiled.positional:  # sqlite3's ? markers
            cursor.execute(str(compiled), [values[name] for name in compiled.positiontup or ()])
        else:  # psycopg's %(name)s
            cursor.execute(str(compiled), values)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def ctype_hiding_letters(engine: Engine) -> str | None:
    """The database's LC_CTYPE when it is C or POSIX, else None. pg_trgm tells letters by the
    character type, and under those ä, ö and å are not letters but word breaks, so the trigram
    index hardly narrows a search for a word that has them (which then reads many more
    documents)."""
    with engine.connect() as connection:
        ctype = str(connection.execute(text(
            "SELECT datctype FROM pg_database WHERE datname = current_database()")).scalar_one())
    return ctype if ctype.upper() in ("C", "POSIX") else None
