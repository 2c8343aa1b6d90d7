"""Checklists toward a region of participation and trust, made from a versioned template."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import ChecklistStatus


class ChecklistTemplate(Syncable, Base):
    """One version of the template: ``content`` is ``{"themes": [...]}`` as in the shipped JSON."""

    __tablename__ = "checklist_template"

    version: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[dict] = mapped_column(default=dict)


class Checklist(Syncable, Base):
    """The county's (or a municipality's) checklist for a year."""

    __tablename__ = "checklist"

    name: Mapped[str] = mapped_column(String(300))
    year: Mapped[int | None] = mapped_column(Integer, default=None)
    # None: the wellbeing services county itself; otherwise the municipality's own checklist.
    municipality_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipality.code"), default=None
    )
    template_version: Mapped[int | None] = mapped_column(Integer, default=None)

    themes: Mapped[list[ChecklistTheme]] = relationship(back_populates="checklist")
    items: Mapped[list[ChecklistItem]] = relationship(back_populates="checklist")


class ChecklistTheme(Syncable, Base):
    __tablename__ = "checklist_theme"

    checklist_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checklist.id"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_fi: Mapped[str] = mapped_column(Text, default="")
    title_sv: Mapped[str] = mapped_column(Text, default="")
    title_en: Mapped[str] = mapped_column(Text, default="")

    checklist: Mapped[Checklist] = relationship(back_populates="themes")

    def title(self, language: str) -> str:
        return {"sv": self.title_sv, "en": self.title_en}.get(language) or self.title_fi


class ChecklistItem(Syncable, Base):
    __tablename__ = "checklist_item"

    checklist_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checklist.id"), index=True)
    template_key: Mapped[str] = mapped_column(String(64), default="", index=True)
    theme: Mapped[str] = mapped_column(String(64), default="")  # ChecklistTheme.key
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_fi: Mapped[str] = mapped_column(Text, default="")
    title_sv: Mapped[str] = mapped_column(Text, default="")
    title_en: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(64), default="")  # the seed document it comes from
    status: Mapped[str] = mapped_column(String(16), default=ChecklistStatus.NOT_STARTED)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[dt.date | None] = mapped_column(default=None)
    # Evidence: a note, a link, a file kept in the store, a meeting's § or a grant call.
    evidence: Mapped[str] = mapped_column(Text, default="")
    evidence_link: Mapped[str] = mapped_column(String(500), default="")
    evidence_attachment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("attachment.id"), default=None
    )
    evidence_agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id"), default=None
    )
    evidence_grant_call_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("grant_call.id"), default=None
    )

    checklist: Mapped[Checklist] = relationship(back_populates="items")
    comments: Mapped[list[ChecklistComment]] = relationship(
        back_populates="item", order_by="ChecklistComment.created_at"
    )

    def title(self, language: str) -> str:
        return {"sv": self.title_sv, "en": self.title_en}.get(language) or self.title_fi


class ChecklistComment(Syncable, Base):
    __tablename__ = "checklist_comment"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checklist_item.id"), index=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[ChecklistItem] = relationship(back_populates="comments")
