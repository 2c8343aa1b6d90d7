"""Organisation-based activity (who does what, where) and the officer's log of interactions."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import InteractionKind
from desktop.storage.models.register import ContactPerson, Organisation


class Activity(Syncable, Base):
    """Something an organisation runs: a peer group, a club evening, an open café.

    ``municipalities`` holds municipality codes, like ``Organisation.active_municipalities``;
    ``when`` is free text as the organisation announces it ("ma klo 13–15"). A published
    activity is shown in the public list residents are guided to.
    """

    __tablename__ = "activity"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(String(300), default="")
    municipalities: Mapped[list] = mapped_column(default=list)
    when: Mapped[str] = mapped_column(String(200), default="")
    free_of_charge: Mapped[bool] = mapped_column(Boolean, default=False)
    open_to_all: Mapped[bool] = mapped_column(Boolean, default=False)
    accessible: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contact_person.id"), default=None
    )
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    # The language the activity is held in, which is also that of its texts; the title in
    # the other national language lets guidance platforms show it in both (open data).
    language: Mapped[str] = mapped_column(String(2), default="fi")
    title_translation: Mapped[str] = mapped_column(String(300), default="")

    organisation: Mapped[Organisation] = relationship()
    contact: Mapped[ContactPerson | None] = relationship()


class Interaction(Syncable, Base):
    """One contact between the officer and an organisation: a meeting, call, e-mail or visit."""

    __tablename__ = "interaction"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    date: Mapped[dt.date] = mapped_column()
    officer: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16), default=InteractionKind.MEETING)
    note: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation] = relationship()
