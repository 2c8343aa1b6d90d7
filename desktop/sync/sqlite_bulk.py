"""The bulk of a bundle on SQLite: lines built by SQLite's JSON functions, rows inserted raw.

A county's register has hundreds of thousands of records; going through SQLAlchemy's types one
value at a time takes minutes. On SQLite, a record's line is built by ``json_object`` in the
export query, and records new to this copy are inserted with the driver's ``executemany`` in
their stored form. The result is exactly what the portable path (``TableSpec.encode_row`` and
the ORM types) writes and reads, which the tests check; that path remains for other databases,
for tables with binary content and for records this copy already has (they are merged field by
field in Python). This and ``storage/dialect.py`` hold the SQLite-specific code; PostgreSQL has
``jsonb_build_object`` for the export.

Storage formats relied on (SQLAlchemy's on SQLite): UUIDs as 32 lower-case hex digits, booleans
as 0/1, date-times as ``YYYY-MM-DD HH:MM:SS.ffffff``, times as ``HH:MM:SS.ffffff``, JSON as text.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.sync.codec import FieldCodec, TableSpec
from desktop.sync.validate import RawRecord

# ``->`` and ``->>`` came in SQLite 3.38.
_MINIMUM = (3, 38, 0)
_ZERO = f"{0:015d}-{0:05d}-"
_CLOCK_GLOB = "[0-9]" * 15 + "-" + "[0-9]" * 5 + "-?*"
_IDS = "SELECT value FROM json_each(:ids)"


def available(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info >= _MINIMUM


def usable(session: Session, spec: TableSpec) -> bool:
    """True when this database and table can take the fast path."""
    return available(session) and not any(codec.attachment for codec in spec.fields.values())


def merging(session: Session) -> AbstractContextManager[None]:
    """The settings a large merge runs under (none on other databases)."""
    return large_cache(session) if available(session) else nullcontext()


@contextmanager
def large_cache(session: Session) -> Iterator[None]:
    """A page cache of 256 MiB while a bundle is merged: inserting hundreds of thousands of rows
    with random UUID keys touches index pages all over the file."""
    connection = session.connection()
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size = -262144")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _uuid_text(column: str) -> str:
    return (f"lower(substr({column},1,8)||'-'||substr({column},9,4)||'-'||substr({column},13,4)"
            f"||'-'||substr({column},17,4)||'-'||substr({column},21))")


def _json_value(codec: FieldCodec, column: str) -> str:
    """The SQL that gives a stored value as the bundle encodes it."""
    if codec.kind == "uuid":
        return _uuid_text(column)
    if codec.kind == "bool":
        return f"json(CASE WHEN {column} IS NULL THEN 'null' WHEN {column} THEN 'true' ELSE 'false' END)"
    if codec.kind == "datetime":  # rows written by hand may lack the microseconds
        return (f"CASE WHEN length({column}) = 19 THEN replace({column},' ','T')||'.000000' "
                f"ELSE replace({column},' ','T') END")
    if codec.kind == "time":
        return f"CASE WHEN length({column}) = 8 THEN {column}||'.000000' ELSE {column} END"
    if codec.kind == "json":
        return f"json({column})"
    return column


def _normalised(clock: str, replica: str) -> str:
    return f"CASE WHEN {clock} GLOB '{_CLOCK_GLOB}' THEN {clock} ELSE '{_ZERO}'||{replica} END"


def export_lines(session: Session, spec: TableSpec, start: str,
                 local_replica: str) -> Iterator[str]:
    """The bundle line of every record of ``spec``'s table (stored after ``start``, if given)."""
    table = _quoted(spec.name)
    replica = "coalesce(nullif(t.replica_id,''), :local)"
    values = ", ".join(f"'{name}', {_json_value(codec, 't.' + _quoted(name))}"
                       for name, codec in spec.fields.items())
    exceptions = (
        "(SELECT json_group_object(c.field, json_array("
        f"{_normalised('c.hlc', replica)}, c.prev)) FROM field_clock c "
        "WHERE c.table_name = :table AND c.record_id = t.id AND c.field != '*')")
    clocks = (f"json_set(coalesce({exceptions}, '{{}}'), '$.\"*\"', json_array("
              f"CASE WHEN b.hlc IS NULL THEN '{_ZERO}'||{replica} ELSE {_normalised('b.hlc', replica)} END,"
              " coalesce(b.prev, '')))")
    query = (
        f"SELECT json_object('id', {_uuid_text('t.id')}, 'values', json_object({values}), "
        f"'clocks', json({clocks})) FROM {table} t "
        "LEFT JOIN field_clock b ON b.table_name = :table AND b.record_id = t.id AND b.field = '*'"
    )
    params: dict[str, Any] = {"table": spec.name, "local": local_replica}
    if start:
        query += (" WHERE t.id IN (SELECT record_id FROM field_clock "
                  "WHERE table_name = :table AND stamp > :start)")
        params["start"] = start
    result = session.execute(text(query), params)
    while rows := result.fetchmany(5000):
        for (line,) in rows:
            yield line


def existing(session: Session, spec: TableSpec, hex_ids: list[str]) -> set[str]:
    """Which of these ids (as stored: hex) the table has."""
    rows = session.execute(text(f"SELECT id FROM {_quoted(spec.name)} WHERE id IN ({_IDS})"),
                           {"ids": json.dumps(hex_ids)})
    return set(rows.scalars().all())


def _converter(codec: FieldCodec) -> Callable[[Any], Any] | None:
    """How a bundle value becomes the stored value (None: it is stored as it is)."""
    if codec.kind == "uuid":
        return _hex
    if codec.kind == "datetime":
        return _space
    if codec.kind == "bool":
        return int
    if codec.kind == "json":
        return json.dumps  # SQLAlchemy's own serializer for JSON columns
    return None


def _hex(value: str) -> str:
    return value.replace("-", "")


def _space(value: str) -> str:
    return value.replace("T", " ")


def insert_new(session: Session, spec: TableSpec, records: list[RawRecord], *, stamp: str,
               now: dt.datetime) -> None:
    """Insert records this copy does not have, with their field clocks.

    The records are checked already (``validate``) and carry every field of the table. The rows
    go to the driver as they are stored, without SQLAlchemy's per-value processing.
    """
    names = list(spec.fields)
    converters = [_converter(spec.fields[name]) for name in names]
    at = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    rows: list[tuple[Any, ...]] = []
    clocks: list[tuple[str, ...]] = []
    for record in records:
        obj = json.loads(record.line)
        values, record_clocks = obj["values"], obj["clocks"]
        hex_id = record.id.replace("-", "")
        newest = max(pair[0] for pair in record_clocks.values())
        row = [hex_id]
        for name, convert in zip(names, converters, strict=True):
            value = values[name]
            row.append(value if convert is None or value is None else convert(value))
        row += [newest, newest[22:54], at]
        rows.append(tuple(row))
        clocks.extend((spec.name, hex_id, field, clock, prev, stamp)
                      for field, (clock, prev) in record_clocks.items())
    columns = ["id", *names, "hlc", "replica_id", "updated_at"]
    connection = session.connection()
    connection.exec_driver_sql(
        f"INSERT INTO {_quoted(spec.name)} ({', '.join(_quoted(c) for c in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})", rows)
    connection.exec_driver_sql(
        "INSERT INTO field_clock (table_name, record_id, field, hlc, prev, stamp) "
        "VALUES (?, ?, ?, ?, ?, ?)", clocks)
