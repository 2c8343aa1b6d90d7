"""The organisation register: organisations, contact persons and who represents whom."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import OrganisationForm, OrganisationKind, OrganisationStatus


class Organisation(Syncable, Base):
    __tablename__ = "organisation"

    name_fi: Mapped[str] = mapped_column(String(300), default="")
    name_sv: Mapped[str] = mapped_column(String(300), default="")
    abbreviation: Mapped[str] = mapped_column(String(50), default="")
    form: Mapped[str] = mapped_column(String(32), default=OrganisationForm.REGISTERED_ASSOCIATION)
    business_id: Mapped[str] = mapped_column(String(16), default="", index=True)
    register_number: Mapped[str] = mapped_column(String(16), default="")
    domicile_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipality.code"), default=None, index=True
    )
    active_municipalities: Mapped[list] = mapped_column(default=list)
    sectors: Mapped[list] = mapped_column(default=list)
    languages: Mapped[list] = mapped_column(default=list)
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=OrganisationStatus.ACTIVE)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Public partners (municipalities, parishes, service producers…) live beside organisations.
    kind: Mapped[str] = mapped_column(String(32), default=OrganisationKind.ORGANISATION)

    representations: Mapped[list[Representation]] = relationship(back_populates="organisation")

    def display_name(self, language: str) -> str:
        """The name in the user's language, falling back to the other one."""
        first, second = (self.name_sv, self.name_fi) if language == "sv" else (self.name_fi, self.name_sv)
        return first or second


class ContactPerson(Syncable, Base):
    __tablename__ = "contact_person"

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    preferred_language: Mapped[str] = mapped_column(String(2), default="fi")
    # Data protection: on what basis, and since when, the person's data is kept.
    retention_basis: Mapped[str] = mapped_column(Text, default="")
    retained_since: Mapped[dt.date | None] = mapped_column(default=None)
    last_contact: Mapped[dt.date | None] = mapped_column(default=None)
    # The person agreed to be named as a public contact: only these go into open data.
    public: Mapped[bool] = mapped_column(Boolean, default=False)

    representations: Mapped[list[Representation]] = relationship(back_populates="contact")


class Representation(Syncable, Base):
    """A contact person representing an organisation, in a role."""

    __tablename__ = "representation"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contact_person.id"), index=True)
    role: Mapped[str] = mapped_column(String(200), default="")

    organisation: Mapped[Organisation] = relationship(back_populates="representations")
    contact: Mapped[ContactPerson] = relationship(back_populates="representations")
