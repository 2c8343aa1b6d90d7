"""What the minutes record beside the items: attendance, dissents, disqualifications, action items, workshop results,
attachments of items, and corrections made after the minutes were approved.

Names (of attendees, dissenters, who corrected) are kept as the minutes print them: the minutes
are a document of the body, not the register's data about a person.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.base import Base, Syncable, utcnow
from desktop.storage.models.enums import ActionStatus, MemberRole, Presence


class MeetingAttendance(Syncable, Base):
    """One person at (or absent from) a meeting: a member of the body or a free name."""

    __tablename__ = "meeting_attendance"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("body_member.id"), default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(16), default=MemberRole.MEMBER)
    presence: Mapped[str] = mapped_column(String(16), default=Presence.PRESENT)
    deputy_for: Mapped[str] = mapped_column(String(200), default="")  # the member's name
    arrived_at: Mapped[int | None] = mapped_column(Integer, default=None)  # § number
    left_at: Mapped[int | None] = mapped_column(Integer, default=None)  # § number


class DissentingOpinion(Syncable, Base):
    __tablename__ = "dissenting_opinion"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    member_name: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")


class Disqualification(Syncable, Base):
    """A member disqualified (esteellinen / jävig) for one item: they take no part in it."""

    __tablename__ = "item_disqualification"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    member_name: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    left_room: Mapped[bool] = mapped_column(Boolean, default=True)


class ActionItem(Syncable, Base):
    """Something to be done, decided at a meeting (in an item or in general), followed per body."""

    __tablename__ = "action_item"

    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("body.id"), index=True)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_item.id"), default=None)
    what: Mapped[str] = mapped_column(Text)
    # The owner: a contact person, an organisation, or a free text (a team, "the secretary").
    owner_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contact_person.id"), default=None
    )
    owner_organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id"), default=None
    )
    owner_text: Mapped[str] = mapped_column(String(300), default="")
    deadline: Mapped[dt.date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(16), default=ActionStatus.OPEN)
    # When it was done or cancelled: which later agendas still carried it.
    completed_on: Mapped[dt.date | None] = mapped_column(default=None)


class WorkshopPoint(Syncable, Base):
    """One of a group's three most important points in a workshop item, with its dot votes."""

    __tablename__ = "workshop_point"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    group_name: Mapped[str] = mapped_column(String(200))
    rank: Mapped[int] = mapped_column(Integer)  # 1, 2 or 3 within the group
    point: Mapped[str] = mapped_column(Text)
    justification: Mapped[str] = mapped_column(Text, default="")
    votes: Mapped[int] = mapped_column(Integer, default=0)


class ItemAttachment(Syncable, Base):
    """A file of an agenda item; the file itself is an ``Attachment`` kept in the store."""

    __tablename__ = "item_attachment"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    attachment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attachment.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class MinutesCorrection(Syncable, Base):
    """A change to approved minutes: what was corrected, why, by whom, when, old and new values."""

    __tablename__ = "minutes_correction"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_item.id"), default=None)
    text: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200), default="")
    made_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    changes: Mapped[dict] = mapped_column(default=dict)  # field -> [old, new]
