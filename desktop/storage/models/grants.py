"""Grant calls, applications, decisions and payments. Money is integer cents, never float.

The status of a decision follows from its amounts (0 = rejected, less than applied = partly
granted) unless it was cancelled; ``desktop.services.grants`` keeps the two consistent.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
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
    # Codes of the municipalities whose residents the applied-for work reaches.
    municipalities: Mapped[list] = mapped_column(default=list)

    call: Mapped[GrantCall] = relationship(back_populates="applications")
    # One row per application, ever: a decision deleted and made again revives its tombstone.
    decision: Mapped[GrantDecision | None] = relationship(back_populates="application")


class GrantApplicationActivity(Syncable, Base):
    """An activity of the organisation that the application supports."""

    __tablename__ = "grant_application_activity"

    application_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("grant_application.id"), index=True
    )
    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)


class GrantApplicationAttachment(Syncable, Base):
    """A file sent with the application (the budget, the annual report, ...)."""

    __tablename__ = "grant_application_attachment"

    application_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("grant_application.id"), index=True
    )
    attachment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attachment.id"), index=True)


class GrantDecision(Syncable, Base):
    __tablename__ = "grant_decision"
    # Statistics join every application to its decision: the index answers without the row.
    __table_args__ = (
        Index("ix_grant_decision_application_id_amount", "application_id", "deleted", "status",
              "granted_cents", "id"),
    )

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("grant_application.id"))
    granted_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    decided_on: Mapped[dt.date | None] = mapped_column(default=None)
    deciding_body: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(16), default=DecisionStatus.GRANTED)
    reasoning: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    payment_terms: Mapped[str] = mapped_column(Text, default="")
    # The § in the minutes of a meeting kept in the app where the decision was made.
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id"), default=None
    )
    report_due: Mapped[dt.date | None] = mapped_column(default=None)
    report_received: Mapped[dt.date | None] = mapped_column(default=None)
    report_accepted: Mapped[dt.date | None] = mapped_column(default=None)

    application: Mapped[GrantApplication] = relationship(back_populates="decision")
    payments: Mapped[list[GrantPayment]] = relationship(back_populates="decision")


class GrantPayment(Syncable, Base):
    __tablename__ = "grant_payment"
    # The sum paid per decision, read from the index alone.
    __table_args__ = (
        Index("ix_grant_payment_decision_id_amount", "decision_id", "deleted", "amount_cents"),
    )

    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("grant_decision.id"))
    paid_on: Mapped[dt.date]
    amount_cents: Mapped[int] = mapped_column(BigInteger)

    decision: Mapped[GrantDecision] = relationship(back_populates="payments")
