"""How every syncable table and column travels in a bundle, found from the models themselves.

A value is written as JSON by its column's type (see docs/sync-format.md): strings, integers
and booleans as they are, dates and times in ISO 8601, UUIDs in their hyphenated form, JSON
columns as their JSON, binary content as ``{"$attachment": "<sha256>"}`` with the bytes in the
bundle's ``attachments/`` folder. A table added by a later migration is covered as soon as its
model inherits ``Syncable``: nothing here names a table.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Time,
    Uuid,
)

from desktop.storage.base import Base, syncable_classes
from desktop.storage.field_clocks import clock_fields

ATTACHMENT_KEY = "$attachment"


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _parses(parse: Callable[[str], Any]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        try:
            parse(value)
        except ValueError:
            return False
        return True

    return check


_INT_LIMIT = 1 << 63
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}")
_TIME = re.compile(r"\d{2}:\d{2}:\d{2}\.\d{6}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -_INT_LIMIT <= value < _INT_LIMIT


def _datetime_text(value: dt.datetime) -> str:
    return value.isoformat(timespec="microseconds")


def _time_text(value: dt.time) -> str:
    return value.isoformat(timespec="microseconds")


def _canonical_datetime(value: str) -> dt.datetime:
    if not _DATETIME.fullmatch(value):
        raise ValueError(value)
    return dt.datetime.fromisoformat(value)


def _canonical_time(value: str) -> dt.time:
    if not _TIME.fullmatch(value):
        raise ValueError(value)
    return dt.time.fromisoformat(value)


# The form ``str(uuid.UUID(...))`` gives: lower-case, hyphenated, nothing around it.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _is_canonical_uuid(value: Any) -> bool:
    return isinstance(value, str) and _CANONICAL_UUID.fullmatch(value) is not None


def _iso_date(value: str) -> dt.date:
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise ValueError(value)
    return dt.date.fromisoformat(value)


def _is_attachment(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and list(value) == [ATTACHMENT_KEY]
        and isinstance(value[ATTACHMENT_KEY], str)
        and len(value[ATTACHMENT_KEY]) == 64
        and all(c in "0123456789abcdef" for c in value[ATTACHMENT_KEY])
    )


def _always(_value: Any) -> bool:
    return True


@dataclass(frozen=True)
class FieldCodec:
    """One column: ``encode`` (database value -> JSON), ``decode`` (JSON -> database value;
    None when the JSON value is the database value), ``check`` (is this JSON value valid)."""

    name: str
    kind: str  # uuid, binary, str, bool, int, number, datetime, date, time, json
    encode: Callable[[Any], Any] | None
    decode: Callable[[Any], Any] | None
    check: Callable[[Any], bool]
    nullable: bool
    required: bool  # a new record must carry it: not nullable and no default

    @property
    def attachment(self) -> bool:
        return self.kind == "binary"


def _codec_for(column: Column) -> FieldCodec:
    kind = column.type
    encode: Callable[[Any], Any] | None = None
    decode: Callable[[Any], Any] | None = None
    check: Callable[[Any], bool]
    # Order matters: Uuid before String, DateTime before Date, Boolean before Integer.
    if isinstance(kind, Uuid):
        name, encode, decode, check = "uuid", str, uuid.UUID, _is_canonical_uuid
    elif isinstance(kind, LargeBinary):
        name, check = "binary", _is_attachment
    elif isinstance(kind, String):
        name, check = "str", _is_str
    elif isinstance(kind, Boolean):
        name, check = "bool", _is_bool
    elif isinstance(kind, Integer):
        name, check = "int", _is_int
    elif isinstance(kind, (Float, Numeric)):
        name, check = "number", _is_number
    elif isinstance(kind, DateTime):
        name, encode, decode = "datetime", _datetime_text, _canonical_datetime
        check = _parses(_canonical_datetime)
    elif isinstance(kind, Date):
        name, encode, decode, check = "date", dt.date.isoformat, _iso_date, _parses(_iso_date)
    elif isinstance(kind, Time):
        name, encode, decode = "time", _time_text, _canonical_time
        check = _parses(_canonical_time)
    elif isinstance(kind, JSON):
        name, check = "json", _always
    else:
        raise TypeError(f"sync has no encoding for {column.table.name}.{column.name} ({kind!r})")
    has_default = column.default is not None or column.server_default is not None
    return FieldCodec(
        name=column.name,
        kind=name,
        encode=encode,
        decode=decode,
        check=check,
        nullable=bool(column.nullable),
        required=not column.nullable and not has_default,
    )


@dataclass(frozen=True)
class Reference:
    """A foreign key of a syncable table: ``column`` holds a value of ``target.target_column``."""

    column: str
    target: str
    target_column: str


@dataclass(frozen=True)
class TableSpec:
    name: str
    table: Table
    fields: dict[str, FieldCodec]
    references: tuple[Reference, ...]

    def encode_row(self, row: Any) -> dict[str, Any]:
        """The JSON values of a database row (attachments as their hash, see ``attachments``)."""
        values = {}
        for name, codec in self.fields.items():
            value = getattr(row, name)
            if value is not None:
                if codec.attachment:
                    value = {ATTACHMENT_KEY: sha256_hex(value)}
                elif codec.encode is not None:
                    value = codec.encode(value)
            values[name] = value
        return values

    def decode_value(self, name: str, value: Any, attachments: dict[str, bytes]) -> Any:
        codec = self.fields[name]
        if value is None:
            return None
        if codec.attachment:
            return attachments[value[ATTACHMENT_KEY]]
        return value if codec.decode is None else codec.decode(value)


def sha256_hex(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@cache
def table_specs() -> dict[str, TableSpec]:
    """Every syncable table in dependency order (a table after the tables it refers to)."""
    import desktop.storage.models  # noqa: F401 - registers every table

    names = {cls.__tablename__ for cls in syncable_classes()}  # type: ignore[attr-defined]
    specs = {}
    for table in Base.metadata.sorted_tables:
        if table.name not in names:
            continue
        fields = {column.name: _codec_for(column) for column in clock_fields(table)}
        references = tuple(
            Reference(fk.parent.name, fk.column.table.name, fk.column.name)
            for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name)
        )
        specs[table.name] = TableSpec(table.name, table, fields, references)
    return specs


def mapped_classes() -> dict[str, type]:
    """Table name -> mapped class, for writing a value through the ORM (and its tracking)."""
    return {cls.__tablename__: cls for cls in syncable_classes()}  # type: ignore[attr-defined]
