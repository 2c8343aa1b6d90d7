"""Premises that organisations may use, and which organisations and activities use them."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import PremisesTerms, PremisesType


class Premises(Syncable, Base):
    """A room, hall or field an organisation may use: a municipality's, a parish's, a school's,
    a service producer's (whose contract with the county may require it) or an organisation's.

    ``owner_id`` is the organisation record of the owner (public partners are organisation
    records too); ``capacity`` is the number of people, None when not known.
    """

    __tablename__ = "premises"

    name_fi: Mapped[str] = mapped_column(String(300), default="")
    name_sv: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    municipality_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipality.code"), default=None, index=True
    )
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), default=PremisesType.MEETING_ROOM)
    capacity: Mapped[int | None] = mapped_column(Integer, default=None)
    step_free: Mapped[bool] = mapped_column(Boolean, default=False)
    accessible_toilet: Mapped[bool] = mapped_column(Boolean, default=False)
    induction_loop: Mapped[bool] = mapped_column(Boolean, default=False)
    equipment: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[str] = mapped_column(String(32), default=PremisesTerms.FREE)
    booking: Mapped[str] = mapped_column(Text, default="")  # how to book, and from whom
    availability: Mapped[str] = mapped_column(Text, default="")
    contract_clause: Mapped[str] = mapped_column(Text, default="")  # a service producer's duty

    def display_name(self, language: str) -> str:
        """The name in ``language``, falling back to the other one."""
        first, second = (self.name_sv, self.name_fi) if language == "sv" else (self.name_fi, self.name_sv)
        return first or second


class PremisesOrganisation(Syncable, Base):
    """An organisation that uses the premises (a tombstone when it no longer does)."""

    __tablename__ = "premises_organisation"

    premises_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("premises.id"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)


class PremisesActivity(Syncable, Base):
    """An activity held in the premises."""

    __tablename__ = "premises_activity"

    premises_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("premises.id"), index=True)
    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)
