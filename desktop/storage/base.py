"""The declarative base and the syncable mixin that every officer-created record gets."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, MetaData, String, Uuid, text
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Naive UTC, the same on SQLite (no time zones) and PostgreSQL."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        # Stored as 32 hex digits on PostgreSQL too, as on SQLite: the raw SQL of the search
        # index, the listing and the sync fast paths compares ids with the same strings on both.
        uuid.UUID: Uuid(native_uuid=False),
        dt.datetime: DateTime(),
        # Mutable wrappers: an in-place change (``org.sectors.append(...)``) is seen and saved.
        list: MutableList.as_mutable(JSON()),
        dict: MutableDict.as_mutable(JSON()),
    }


class Syncable:
    """Identity and change metadata shared by every record that travels between copies.

    ``id`` is a UUID, the same in every copy. ``hlc`` (hybrid logical clock) orders changes,
    ``replica_id`` names the copy that made the last one, and ``deleted`` is a tombstone: rows
    are never removed, so a deletion can travel to other copies. The columns are filled in by
    the session hooks in ``desktop.storage.tracking``, never by hand.

    Every field has a clock for sync: ``base_clock`` (and ``base_prev``, the clock it replaced)
    is the clock of every field that has no row of its own in ``field_clock``, which only the
    fields changed apart from the rest of the record have. ``stamp`` is this copy's clock when
    it last stored a clock of the record, by its own edit or by an import: a delta export sends
    the records stored after a peer's watermark. (In the row rather than in ``field_clock``:
    most records have the base clock alone, and a register's worth of second rows made a
    tenth of a full import's time and a third of the file.)
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    hlc: Mapped[str] = mapped_column(String(64), default="")
    replica_id: Mapped[str] = mapped_column(String(32), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Optimistic locking between users of one database (team mode): every ORM UPDATE says
    # ``WHERE row_version = <the one read>`` and adds one, so two saves of one row cannot both
    # pass; editors carry the version they showed (``services.records.Seen``). Local
    # bookkeeping of this database, not synced: writes outside the ORM (the sync merge) add one
    # themselves, and the server default serves their raw INSERTs.
    # (Not ``version``: the checklist template has a column of that name, its edition.)
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    base_clock: Mapped[str] = mapped_column(String(64), default="", server_default="")
    base_prev: Mapped[str] = mapped_column(String(64), default="", server_default="")
    stamp: Mapped[str] = mapped_column(String(64), default="", server_default="", index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]

    # Columns the tracking hook maintains; an edit to only these is not a user change.
    SYNC_COLUMNS = frozenset({"created_at", "updated_at", "hlc", "replica_id", "row_version",
                              "base_clock", "base_prev", "stamp"})


def syncable_classes() -> list[type[Syncable]]:
    """Every mapped syncable class, for the sync layer to treat all tables alike."""
    return sorted(
        (m.class_ for m in Base.registry.mappers if issubclass(m.class_, Syncable)),
        key=lambda cls: cls.__tablename__,  # type: ignore[attr-defined]
    )
