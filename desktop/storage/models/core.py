"""Tables that are not synced: per-copy metadata, the audit log, reference data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.base import Base, utcnow


class Meta(Base):
    """Key/value facts about this copy: its replica id and name, the clock, reference data hash."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Who changed what and when; written by the tracking hook in the same transaction."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    officer: Mapped[str] = mapped_column(String(200), default="")
    replica_id: Mapped[str] = mapped_column(String(32), default="")
    operation: Mapped[str] = mapped_column(String(200), default="")
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(16))  # insert, update, delete
    changes: Mapped[dict] = mapped_column(JSON, default=dict)


class Municipality(Base):
    """Statistics Finland's municipality classification, loaded from resources/reference."""

    __tablename__ = "municipality"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name_fi: Mapped[str] = mapped_column(String(100))
    name_sv: Mapped[str] = mapped_column(String(100))
    region_code: Mapped[str] = mapped_column(String(2), default="")
    region_fi: Mapped[str] = mapped_column(String(100), default="")
    region_sv: Mapped[str] = mapped_column(String(100), default="")
    wellbeing_county_fi: Mapped[str] = mapped_column(String(100), default="")
    wellbeing_county_sv: Mapped[str] = mapped_column(String(100), default="")

    def name(self, language: str) -> str:
        return self.name_sv if language == "sv" else self.name_fi
