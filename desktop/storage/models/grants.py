"""Grant calls, applications, decisions and payments. Money is integer cents, never float."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import DecisionStatus, GrantType


class GrantCall(Syncable, Base):
    __tablename__ = "grant_call"

    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    grant_type: Mapped[str] = mapped_column(String(16), default=GrantType.OPERATING)
    # None: the county itself; otherwise the municipality that grants.
    funder_code: Mapped[str | None] = mapped_column(ForeignKey("municipality.code"), default=None)
    budget_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    opens_on: Mapped[dt.date | None] = mapped_column(default=None)
    closes_on: Mapped[dt.date | None] = mapped_column(default=None)
    criteria: Mapped[str] = mapped_column(Text, default="")

    applications: Mapped[list[GrantApplication]] = relationship(back_populates="call")


class GrantApplication(Syncable, Base):
    __tablename__ = "grant_application"

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("grant_call.id"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    purpose: Mapped[str] = mapped_column(Text, default="")
    applied_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    received_on: Mapped[dt.date | None] = mapped_column(default=None)

    call: Mapped[GrantCall] = relationship(back_populates="applications")
    decision: Mapped[GrantDecision | None] = relationship(back_populates="application")


class GrantDecision(Syncable, Base):
    __tablename__ = "grant_decision"

    application_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("grant_application.id"), index=True
    )
    granted_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    decided_on: Mapped[dt.date | None] = mapped_column(default=None)
    deciding_body: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(16), default=DecisionStatus.GRANTED)
    reasoning: Mapped[str] = mapped_column(Text, default="")
    report_due: Mapped[dt.date | None] = mapped_column(default=None)
    report_received: Mapped[dt.date | None] = mapped_column(default=None)

    application: Mapped[GrantApplication] = relationship(back_populates="decision")
    payments: Mapped[list[GrantPayment]] = relationship(back_populates="decision")


class GrantPayment(Syncable, Base):
    __tablename__ = "grant_payment"

    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("grant_decision.id"), index=True)
    paid_on: Mapped[dt.date]
    amount_cents: Mapped[int] = mapped_column(BigInteger)

    decision: Mapped[GrantDecision] = relationship(back_populates="payments")
