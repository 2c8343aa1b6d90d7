"""The county's checklist toward a region of participation and trust."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.base import Base, Syncable
from desktop.storage.models.enums import ChecklistStatus


class ChecklistItem(Syncable, Base):
    __tablename__ = "checklist_item"

    template_key: Mapped[str] = mapped_column(String(64), default="", index=True)
    theme: Mapped[str] = mapped_column(String(64), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_fi: Mapped[str] = mapped_column(Text, default="")
    title_sv: Mapped[str] = mapped_column(Text, default="")
    title_en: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(64), default="")  # the seed document it comes from
    status: Mapped[str] = mapped_column(String(16), default=ChecklistStatus.NOT_STARTED)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[dt.date | None] = mapped_column(default=None)
    evidence: Mapped[str] = mapped_column(Text, default="")

    def title(self, language: str) -> str:
        return {"sv": self.title_sv, "en": self.title_en}.get(language) or self.title_fi
