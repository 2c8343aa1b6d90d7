"""Sync bookkeeping: per-field clocks, the copies this one exchanges with, history, conflicts.

None of these tables travels itself: they describe this copy's view of the others.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.base import Base, utcnow

# The name of a record's base clock in a bundle: every field without a clock of its own has it.
BASE_FIELD = "*"


class FieldClock(Base):
    """The hybrid logical clock of one field of one syncable record, when it differs from the
    record's base clock (``Syncable.base_clock``, in the record's row).

    A field changed apart from the rest of its record gets a row, so that concurrent changes to
    different fields both survive a merge. ``prev`` is the clock of the value the writer
    replaced (see ``desktop.sync.merge``: it tells an overwrite made knowingly from a conflict).
    """

    __tablename__ = "field_clock"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64))
    prev: Mapped[str] = mapped_column(String(64), default="")


class SyncPeer(Base):
    """Another copy this one has exchanged bundles with.

    ``seen``: the highest of the peer's stamps whose changes are all merged here (sent back to
    the peer as an acknowledgement). ``acknowledged``: the highest of this copy's stamps the
    peer has said it merged; a delta for the peer starts there.
    """

    __tablename__ = "sync_peer"

    replica_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    first_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_import_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_export_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    seen: Mapped[str] = mapped_column(String(64), default="")
    acknowledged: Mapped[str] = mapped_column(String(64), default="")


class SyncExchange(Base):
    """One bundle written or read: the history of exchanges per peer."""

    __tablename__ = "sync_exchange"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    direction: Mapped[str] = mapped_column(String(8))  # export, import
    # Empty for an export meant for every peer.
    peer_replica_id: Mapped[str] = mapped_column(String(32), default="", index=True)
    peer_name: Mapped[str] = mapped_column(String(200), default="")
    file_name: Mapped[str] = mapped_column(String(500), default="")
    kind: Mapped[str] = mapped_column(String(8), default="full")  # full, delta
    clock_from: Mapped[str] = mapped_column(String(64), default="")
    clock_to: Mapped[str] = mapped_column(String(64), default="")
    encrypted: Mapped[bool] = mapped_column(default=False)
    records: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    officer: Mapped[str] = mapped_column(String(200), default="")


class SyncConflict(Base):
    """Two copies changed one field concurrently: the newer value is shown, the other kept here.

    Values are kept as the bundle encodes them (JSON). ``winner`` says which side the merge
    applied; a person then chooses mine, theirs or an edited value (``resolution``), which is
    written as a new change that syncs. ``resolved_stamp`` lets the resolution travel too, so
    that the other copy's entry for the same pair closes.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    detected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(64))
    our_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    their_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    our_clock: Mapped[str] = mapped_column(String(64))
    their_clock: Mapped[str] = mapped_column(String(64))
    winner: Mapped[str] = mapped_column(String(8))  # ours, theirs
    peer_replica_id: Mapped[str] = mapped_column(String(32), default="")
    peer_name: Mapped[str] = mapped_column(String(200), default="")
    resolved: Mapped[bool] = mapped_column(default=False, index=True)
    # mine, theirs, edited; "elsewhere" when another copy's resolution closed it.
    resolution: Mapped[str] = mapped_column(String(16), default="")
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str] = mapped_column(String(200), default="")
    resolved_stamp: Mapped[str] = mapped_column(String(64), default="", index=True)
