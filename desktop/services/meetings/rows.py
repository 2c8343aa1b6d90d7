"""The meetings list, and finding a meeting by the reference officers (and the CLI) use."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.errors import ValidationError
from desktop.i18n import _
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
        meetings = list_meetings(session)
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


def list_meetings(session: Session) -> list[Meeting]:
    """Every meeting of every body, newest first."""
    return list(session.scalars(
        select(Meeting)
        .join(Body)
        .where(Meeting.deleted.is_(False), Body.deleted.is_(False))
        .options(selectinload(Meeting.body), selectinload(Meeting.items))
        .order_by(Meeting.date.desc(), Meeting.number.desc())
    ))


def meeting_reference(meeting: Meeting, language: str = "fi") -> str:
    """``BODY/YEAR/NUMBER``, what ``find_meeting`` takes (a start of the body's name will do)."""
    return f"{meeting.body.display_name(language)}/{meeting.date.year}/{meeting.number}"


def find_meeting(session: Session, reference: str) -> Meeting:
    """A meeting by ``BODY-NAME-PREFIX/YEAR/NUMBER`` (Finnish or Swedish name, any case) or by
    its id or the start of it."""
    wanted = reference.strip()
    meetings = list_meetings(session)
    body_part, _sep, rest = wanted.rpartition("/")
    body_prefix, _sep2, year_text = body_part.rpartition("/")
    if body_prefix and year_text.isdigit() and rest.isdigit():
        prefix = body_prefix.strip().casefold()
        found = [
            m for m in meetings
            if m.date.year == int(year_text) and m.number == int(rest)
            and any(name.casefold().startswith(prefix) for name in (m.body.name_fi, m.body.name_sv) if name)
        ]
    else:
        key = wanted.lower().replace("-", "")
        found = [m for m in meetings if key and m.id.hex.startswith(key)]
    if len(found) == 1:
        return found[0]
    if found:
        raise ValidationError(
            _("'{reference}' matches several meetings: {meetings}. Give more of the body's name.")
            .format(reference=reference, meetings=", ".join(meeting_reference(m) for m in found)))
    raise ValidationError(
        _("No meeting matches '{reference}'. Name it as BODY/YEAR/NUMBER (see 'kumppani "
          "meetings list') or by its id.").format(reference=reference))
