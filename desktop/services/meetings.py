"""Partnership tables and their meetings (read side; editing comes with the meetings issue)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.i18n.formatting import format_date, format_time
from desktop.services.vocabulary import label
from desktop.storage.models import Body, Meeting
from desktop.storage.models.enums import MeetingStatus
from desktop.storage.store import Store


@dataclass(frozen=True)
class MeetingRow:
    id: uuid.UUID
    body: str
    number: int
    date: dt.date
    when: str
    place: str
    status: str
    items: int
    upcoming: bool


def meeting_rows(store: Store, language: str, today: dt.date | None = None) -> list[MeetingRow]:
    """Every meeting of every body, newest first, with dates in the user's locale."""
    today = today or dt.date.today()
    with store.read() as session:
        meetings = session.scalars(
            select(Meeting)
            .join(Body)
            .where(Meeting.deleted.is_(False), Body.deleted.is_(False))
            .options(selectinload(Meeting.body), selectinload(Meeting.items))
            .order_by(Meeting.date.desc())
        ).all()
        return [
            MeetingRow(
                id=m.id,
                body=m.body.display_name(language),
                number=m.number,
                date=m.date,
                when=" ".join(
                    part
                    for part in (format_date(m.date, language), format_time(m.start_time, language))
                    if part
                ),
                place=m.place,
                status=label(MeetingStatus, m.status),
                items=sum(1 for item in m.items if not item.deleted),
                upcoming=m.date >= today,
            )
            for m in meetings
        ]
