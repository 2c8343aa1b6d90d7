"""The liaison network: who is named for which liaison role in which municipality, and when."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import LiaisonRoleKind


class LiaisonRole(Syncable, Base):
    """A contact person named for a liaison role in a municipality, from a date until a date.

    ``role`` is a ``LiaisonRoleKind`` code; a user-defined role is ``other`` with its ``title``.
    Someone leaving gets an ``end_on``; the row stays, so the network's history remains.
    """

    __tablename__ = "liaison_role"

    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contact_person.id"), index=True)
    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipality.code"), index=True)
    role: Mapped[str] = mapped_column(String(32), default=LiaisonRoleKind.WELLBEING_PROMOTION)
    title: Mapped[str] = mapped_column(String(200), default="")
    start_on: Mapped[dt.date] = mapped_column()
    end_on: Mapped[dt.date | None] = mapped_column(default=None)
