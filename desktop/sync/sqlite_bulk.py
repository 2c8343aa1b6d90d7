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
from operator import itemgetter
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.storage.field_clocks import BASE_FIELD
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
    with random UUID keys touches index pages all over the file.

    Foreign keys are checked at commit rather than row by row (the import's end resets it):
    records are written in id order, and one may refer to another of its table written later
    (an idea merged into another). That every reference can be met is checked beforehand."""
    connection = session.connection()
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size = -262144")
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


# A table empty before the import that gets at least this many records has its indexes made
# after its rows (see ``indexes_after``).
MANY = 5000


@contextmanager
def indexes_after(session: Session, table: str) -> Iterator[None]:
    """Drop the table's own indexes while a bulk of new rows goes in and make them again
    afterwards: sorting the keys once is far quicker than putting each in its place in a
    growing index. Indexes of constraints (the primary key, UNIQUE) stay. Should the import
    fail, its rollback restores them."""
    connection = session.connection()
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name", (table,)).all()
    for name, _sql in indexes:
        connection.exec_driver_sql(f"DROP INDEX {_quoted(name)}")
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)


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
        "WHERE c.table_name = :table AND c.record_id = t.id)")
    base = f"json_array({_normalised('t.base_clock', replica)}, t.base_prev)"
    clocks = f"json_set(coalesce({exceptions}, '{{}}'), '$.\"*\"', {base})"
    query = (
        f"SELECT json_object('id', {_uuid_text('t.id')}, 'values', json_object({values}), "
        f"'clocks', json({clocks})) FROM {table} t"
    )
    params: dict[str, Any] = {"table": spec.name, "local": local_replica}
    if start:
        query += " WHERE t.stamp > :start"
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


def empty(session: Session, spec: TableSpec) -> bool:
    """True when the table has no rows: none of a bundle's records can be here yet."""
    return session.execute(text(f"SELECT 1 FROM {_quoted(spec.name)} LIMIT 1")).first() is None


def _stored(codec: FieldCodec, parameter: str) -> str:
    """The SQL that turns a bound bundle value into the stored value (NULL stays NULL)."""
    if codec.kind == "uuid":
        return f"replace({parameter}, '-', '')"
    if codec.kind == "datetime":
        return f"replace({parameter}, 'T', ' ')"
    return parameter


# The INSERT, the getter of a record's values in column order, and the values turned into
# their stored form in Python (position, function): JSON as SQLAlchemy serialises it, booleans
# as 0 and 1, which the driver binds directly (True and False it first tries to adapt).
_Insert = tuple[str, Callable[[dict[str, Any]], Any], tuple[tuple[int, Callable[[Any], Any]], ...]]
_INSERTS: dict[str, _Insert] = {}


def _insert_sql(spec: TableSpec) -> _Insert:
    """How a table's new records are inserted (see ``_Insert``), made once per table."""
    if spec.name not in _INSERTS:
        _INSERTS[spec.name] = _make_insert(spec)
    return _INSERTS[spec.name]


def _make_insert(spec: TableSpec) -> _Insert:
    names = list(spec.fields)
    after = len(names) + 2
    columns = ["id", *names, "hlc", "replica_id", "updated_at", "base_clock", "base_prev",
               "stamp"]
    values = ["replace(?1, '-', '')",
              *(_stored(spec.fields[name], f"?{n}") for n, name in enumerate(names, start=2)),
              f"?{after}", f"substr(?{after}, 23, 32)",
              *(f"?{n}" for n in range(after + 1, after + 5))]
    sql = (f"INSERT INTO {_quoted(spec.name)} ({', '.join(_quoted(c) for c in columns)}) "
           f"VALUES ({', '.join(values)})")
    getter = itemgetter(*names) if len(names) > 1 else (lambda values: (values[names[0]],))
    kinds = [spec.fields[name].kind for name in names]
    converted = tuple((n, _json_text if kind == "json" else int) for n, kind in enumerate(kinds)
                      if kind in ("json", "bool"))
    return sql, getter, converted


_CLOCK_INSERT = ("INSERT INTO field_clock (table_name, record_id, field, hlc, prev) "
                 "VALUES (?1, replace(?2, '-', ''), ?3, ?4, ?5)")
_dumps = json.JSONEncoder().encode  # json.dumps's defaults: what SQLAlchemy stores
_ascii = json.encoder.encode_basestring_ascii


def _json_text(value: Any) -> str:
    """``_dumps(value)``; a list of strings (most JSON values: codes of municipalities,
    sectors, languages) is written in a fifth of the time by the function ``_dumps`` uses for
    each string, which refuses anything else."""
    if type(value) is list:
        try:
            return "[" + ", ".join(map(_ascii, value)) + "]"
        except TypeError:
            pass
    return _dumps(value)


def insert_new(session: Session, spec: TableSpec, records: list[RawRecord], *, stamp: str,
               now: dt.datetime) -> None:
    """Insert records this copy does not have, with their clocks.

    The records are checked already (``validate``) and carry every field of the table. Most
    values go to the driver as the bundle has them and the INSERT turns them into the stored
    form (see ``_stored``): no Python code runs for them.
    """
    sql, getter, converted = _insert_sql(spec)
    at = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    table = str(spec.name)  # not SQLAlchemy's str subclass, which the driver tries to adapt
    rows: list[tuple[Any, ...]] = []
    clocks: list[tuple[str, ...]] = []
    for record in records:
        obj = record.obj()
        record_clocks = obj["clocks"]
        base, prev = record_clocks[BASE_FIELD]
        if len(record_clocks) == 1:  # the base clock alone, as most records have
            newest = base
        else:
            newest = max(pair[0] for pair in record_clocks.values())
            clocks.extend((table, record.id, name, clock, field_prev)
                          for name, (clock, field_prev) in record_clocks.items()
                          if name != BASE_FIELD)
        values = getter(obj["values"])
        if converted:
            values = list(values)
            for position, convert in converted:
                value = values[position]
                if value is not None:
                    values[position] = convert(value)
        rows.append((record.id, *values, newest, at, base, prev, stamp))
    connection = session.connection()
    connection.exec_driver_sql(sql, rows)
    if clocks:
        connection.exec_driver_sql(_CLOCK_INSERT, clocks)
