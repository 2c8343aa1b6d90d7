"""What the meeting modules share: fetching live records, the lock, operations returning ids."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.storage.models import AgendaItem, Body, Meeting
from desktop.storage.models.enums import MeetingStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

T = TypeVar("T")

MEETING_LANGUAGES = ("fi", "sv", "en", "fi+sv")
STATUS_ORDER: tuple[MeetingStatus, ...] = tuple(MeetingStatus)


def run_returning(store: Store, name: str, fn: Callable[[Session], T]) -> tuple[T, Changes]:
    """``Store.run`` for operations that also return something (the id of what they created)."""
    with store.operation(name) as session:
        result = fn(session)
        ctx = session.info["tracking"]
    return result, ctx.changes


def get_body(session: Session, body_id: uuid.UUID) -> Body:
    body = session.get(Body, body_id)
    if body is None or body.deleted:
        raise ValidationError(_("The body no longer exists."))
    return body


def get_meeting(session: Session, meeting_id: uuid.UUID) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.deleted:
        raise ValidationError(_("The meeting no longer exists."))
    return meeting


def get_item(session: Session, item_id: uuid.UUID) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None or item.deleted:
        raise ValidationError(_("The agenda item no longer exists."))
    return item


def live_items(session: Session, meeting_id: uuid.UUID) -> list[AgendaItem]:
    """The meeting's items in agenda order."""
    return list(session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.deleted.is_(False))
        .order_by(AgendaItem.position, AgendaItem.section, AgendaItem.created_at)
    ))


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


def clean(text: str | None) -> str:
    return (text or "").strip()


def apply_fields(row: object, fields: dict) -> None:
    """Set what differs (an unchanged value would still be audited as an update)."""
    for key, value in fields.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
