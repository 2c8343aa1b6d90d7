"""Meeting numbers and § numbers, continuing through a body's calendar year as in Finnish practice.

Until a meeting's agenda is sent its number and § numbers are provisional: they follow the order
of the meetings (by date) and of the items, and change when items are added, removed or moved.
Once the agenda is out they are what people refer to, and never change; an item added later (at
the meeting) gets the number after the meeting's last one. If that number is already taken by a
later meeting whose agenda is out, the change is refused rather than numbering twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.meetings.common import agenda_is_open, live_items
from desktop.storage.models import Meeting


def year_meetings(session: Session, body_id: uuid.UUID, year: int) -> list[Meeting]:
    """A body's meetings in a year, in the order they are numbered."""
    meetings = session.scalars(
        select(Meeting).where(
            Meeting.body_id == body_id,
            Meeting.deleted.is_(False),
            Meeting.date >= dt.date(year, 1, 1),
            Meeting.date <= dt.date(year, 12, 31),
        )
    ).all()
    return sorted(meetings, key=lambda m: (m.date, m.start_time or dt.time.min, m.created_at))


def renumber(session: Session, body_id: uuid.UUID, year: int) -> None:
    """Give the year's open meetings and items their numbers; refuse a number used twice."""
    session.flush()
    meeting_counter = 0
    section_counter = 0
    sections: Counter[int] = Counter()
    numbers: Counter[int] = Counter()
    for meeting in year_meetings(session, body_id, year):
        fixed = not agenda_is_open(meeting)
        if fixed and meeting.number > 0:
            meeting_counter = max(meeting_counter, meeting.number)
        else:
            meeting_counter += 1
            _set(meeting, "number", meeting_counter)
        numbers[meeting.number] += 1
        items = live_items(session, meeting.id)
        if fixed:
            section_counter = max([section_counter] + [i.section for i in items])
        for position, item in enumerate(items, start=1):
            _set(item, "position", position)
            if not fixed or item.section <= 0:
                section_counter += 1
                _set(item, "section", section_counter)
            sections[item.section] += 1
    twice = sorted(n for n, count in sections.items() if count > 1)
    if twice:
        raise ValidationError(
            _("§ {section} would be numbered twice in {year}: a later meeting's agenda has "
              "already been sent with it. Add the item to that meeting instead.").format(
                section=twice[0], year=year))
    if any(count > 1 for count in numbers.values()):
        raise ValidationError(
            _("Two meetings of {year} would have the same number: a later meeting's agenda has "
              "already been sent.").format(year=year))


def _set(row: object, name: str, value: int) -> None:
    if getattr(row, name) != value:
        setattr(row, name, value)
