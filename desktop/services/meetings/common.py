"""What the meeting modules share: fetching live records, the lock, operations returning ids."""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.records import live
from desktop.storage.models import AgendaItem, Body, Disqualification, DissentingOpinion, Meeting
from desktop.storage.models.enums import MeetingStatus

T = TypeVar("T")

MEETING_LANGUAGES = ("fi", "sv", "en", "fi+sv")
STATUS_ORDER: tuple[MeetingStatus, ...] = tuple(MeetingStatus)


def get_body(session: Session, body_id: uuid.UUID) -> Body:
    return live(session, Body, body_id, N_("The body no longer exists."))


def get_meeting(session: Session, meeting_id: uuid.UUID) -> Meeting:
    return live(session, Meeting, meeting_id, N_("The meeting no longer exists."))


def get_item(session: Session, item_id: uuid.UUID) -> AgendaItem:
    return live(session, AgendaItem, item_id, N_("The agenda item no longer exists."))


def live_items(session: Session, meeting_id: uuid.UUID) -> list[AgendaItem]:
    """The meeting's items in agenda order."""
    return list(session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.deleted.is_(False))
        .order_by(AgendaItem.position, AgendaItem.section, AgendaItem.created_at)
    ))


def kind_of(meeting: Meeting) -> str:
    """What the meeting records (RecordKind code): its own choice, else its body's default."""
    return meeting.record_kind or meeting.body.record_kind or "minutes"


def meeting_label(meeting: Meeting, language: str = "fi") -> str:
    """``Body 3/2026``: how officers name a meeting."""
    return f"{meeting.body.display_name(language)} {meeting.number}/{meeting.date.year}"


def status_index(status: str) -> int:
    return STATUS_ORDER.index(MeetingStatus(status))


def agenda_is_open(meeting: Meeting) -> bool:
    """Before the agenda is sent, items come and go and § numbers follow them."""
    return meeting.status == MeetingStatus.PLANNED


def ensure_unlocked(meeting: Meeting) -> None:
    """Approved minutes are changed only through ``correct_minutes``."""
    if meeting.locked:
        raise ValidationError(
            _("The minutes of meeting {number}/{year} are approved and locked: record a "
              "correction instead.").format(number=meeting.number, year=meeting.date.year))


def remove_item_row(session: Session, model: type[DissentingOpinion | Disqualification],
                    row_id: uuid.UUID, gone: str) -> None:
    """Tombstone a row recorded on an agenda item; ``gone`` (an ``N_`` message) when it is
    already gone. Locked minutes keep theirs."""
    row = live(session, model, row_id, gone)
    ensure_unlocked(get_item(session, row.item_id).meeting)
    row.deleted = True


def clean(text: str | None) -> str:
    return (text or "").strip()
