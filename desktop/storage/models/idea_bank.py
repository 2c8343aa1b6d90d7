"""The idea bank: ideas a workshop did not rank among a group's three most important points, and
ideas added by hand, kept across meetings until they are taken forward, merged or dropped."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import IdeaOrigin, IdeaStatus


class Idea(Syncable, Base):
    __tablename__ = "idea"

    text: Mapped[str] = mapped_column(Text)
    theme: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default=IdeaOrigin.MANUAL)
    # The source: a workshop item of a meeting and the group; an idea added by hand may name a meeting.
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id"), default=None, index=True)
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_item.id"), default=None, index=True)
    group_name: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)  # the order the group gave
    status: Mapped[str] = mapped_column(String(16), default=IdeaStatus.NEW)
    # Taken forward: as an action item or as a step of a checklist.
    action_item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("action_item.id"), default=None)
    checklist_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("checklist_item.id"), default=None)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("idea.id"), default=None)
