"""Partnership tables and other bodies, their members, meetings and agenda items.

The minutes' own records (attendance, dissents, action items, workshop results, attachments,
corrections) are in ``meeting_records``.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import BodyKind, ItemType, MeetingStatus, MemberRole, RecordKind


class Body(Syncable, Base):
    __tablename__ = "body"

    name_fi: Mapped[str] = mapped_column(String(300), default="")
    name_sv: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(32), default=BodyKind.PARTNERSHIP_TABLE)
    languages: Mapped[list] = mapped_column(default=list)
    # What its meetings record by default: a memo (advisory) or minutes (deciding).
    record_kind: Mapped[str] = mapped_column(String(16), default=RecordKind.MINUTES)
    # To whom a request for rectification of its decisions is made.
    appeal_authority: Mapped[str] = mapped_column(String(300), default="")
    # The rectification and appeal instructions by language; a missing one is the shipped text.
    appeal_texts: Mapped[dict] = mapped_column(default=dict)

    members: Mapped[list[BodyMember]] = relationship(back_populates="body")
    meetings: Mapped[list[Meeting]] = relationship(back_populates="body")

    def display_name(self, language: str) -> str:
        first, second = (self.name_sv, self.name_fi) if language == "sv" else (self.name_fi, self.name_sv)
        return first or second


class BodyMember(Syncable, Base):
    __tablename__ = "body_member"

    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("body.id"), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"))
    representative_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact_person.id"))
    deputy_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact_person.id"))
    role: Mapped[str] = mapped_column(String(16), default=MemberRole.MEMBER)
    term_start: Mapped[dt.date | None] = mapped_column(default=None)
    term_end: Mapped[dt.date | None] = mapped_column(default=None)

    body: Mapped[Body] = relationship(back_populates="members")


class Meeting(Syncable, Base):
    __tablename__ = "meeting"

    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("body.id"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)  # number in the body's year
    date: Mapped[dt.date]
    start_time: Mapped[dt.time | None] = mapped_column(default=None)
    end_time: Mapped[dt.time | None] = mapped_column(default=None)
    place: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(24), default=MeetingStatus.PLANNED)
    language: Mapped[str] = mapped_column(String(8), default="fi")  # fi, sv, en or fi+sv
    online_link: Mapped[str] = mapped_column(String(500), default="")
    # Who chaired and kept the minutes this time; empty: the body's chair and secretary.
    chair: Mapped[str] = mapped_column(String(200), default="")
    secretary: Mapped[str] = mapped_column(String(200), default="")
    minute_checkers: Mapped[list] = mapped_column(default=list)  # names, as the minutes print them
    checked_on: Mapped[dt.date | None] = mapped_column(default=None)
    approved_on: Mapped[dt.date | None] = mapped_column(default=None)
    # Approved minutes change only through a recorded correction (MinutesCorrection).
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    # "" keeps the body's kind of record; memo or minutes overrides it for this meeting.
    record_kind: Mapped[str] = mapped_column(String(16), default="")
    # The legality block of minutes: public display, the notice the appeal time runs from,
    # and each checker's check as {"name": ..., "on": "2026-12-03"}.
    display_date: Mapped[dt.date | None] = mapped_column(default=None)
    display_place: Mapped[str] = mapped_column(String(300), default="")
    notice_date: Mapped[dt.date | None] = mapped_column(default=None)
    checks: Mapped[list] = mapped_column(default=list)

    body: Mapped[Body] = relationship(back_populates="meetings")
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position"
    )


class AgendaItem(Syncable, Base):
    __tablename__ = "agenda_item"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    section: Mapped[int] = mapped_column(Integer, default=0)  # the § number, continuing through the year
    title: Mapped[str] = mapped_column(String(300))
    item_type: Mapped[str] = mapped_column(String(16), default=ItemType.DECISION)
    presenter: Mapped[str] = mapped_column(String(200), default="")
    background: Mapped[str] = mapped_column(Text, default="")
    proposal: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(Text, default="")
    minutes_allotted: Mapped[int | None] = mapped_column(Integer, default=None)
    # The key of the meeting template's standard item this came from ("opening", …); "" if none.
    standard_key: Mapped[str] = mapped_column(String(32), default="")
    discussion: Mapped[str] = mapped_column(Text, default="")
    votes: Mapped[str] = mapped_column(Text, default="")
    # A postponed item's history: the § numbers it passed through, oldest first, and the items
    # it came from and went to. Plain ids, not foreign keys: SQLite adds a foreign key to an
    # existing table only by copying it, which the checklist's links to agenda items forbid.
    postponed_from: Mapped[list] = mapped_column(default=list)
    postponed_from_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    postponed_to_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    # How the decision was made (DecisionType code, "" = not said) and, when amended, how.
    decision_type: Mapped[str] = mapped_column(String(16), default="")
    amendment: Mapped[str] = mapped_column(Text, default="")
    # A vote: {"proposals": [{"text", "proposer", "seconder", "votes"}], "roll_call":
    # [[name, proposal index or -1 for blank]], "result": "..."}; {} when there was none.
    vote: Mapped[dict] = mapped_column(default=dict)
    # None: follows the item type (decision items may be appealed, the rest not).
    appealable: Mapped[bool | None] = mapped_column(Boolean, default=None)
    # Non-empty: a confidential item, and the legal basis of its confidentiality.
    confidential_basis: Mapped[str] = mapped_column(String(300), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="items")
