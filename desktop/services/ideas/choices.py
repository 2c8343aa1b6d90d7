"""What an idea can be taken forward to or come from, as (id, label) pairs for the view's lists."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from desktop.i18n.formatting import format_date
from desktop.services.meetings.common import meeting_label
from desktop.services.vocabulary import label_in
from desktop.storage.models import ActionItem, Checklist, ChecklistItem, Idea, Meeting
from desktop.storage.models.enums import ActionStatus
from desktop.storage.store import Store

Choice = tuple[uuid.UUID, str]


@dataclass(frozen=True)
class _Meeting:
    id: uuid.UUID
    body_id: uuid.UUID
    date: dt.date
    locked: bool
    label: str


def _meetings(store: Store, language: str) -> list[_Meeting]:
    """Newest first, labelled ``Body 3/2026 (12.3.2026)``."""
    with store.read() as session:
        rows = session.scalars(select(Meeting).where(Meeting.deleted.is_(False))
                               .order_by(Meeting.date.desc(), Meeting.number.desc()))
        return [_Meeting(m.id, m.body_id, m.date, m.locked,
                         f"{meeting_label(m, language)} ({format_date(m.date, language)})") for m in rows]


def source_meetings(store: Store, language: str) -> list[Choice]:
    """Every meeting, newest first: where an idea added by hand was raised."""
    return [(m.id, m.label) for m in _meetings(store, language)]


def action_meetings(store: Store, language: str, idea_id: uuid.UUID | None = None,
                    today: dt.date | None = None) -> tuple[list[Choice], uuid.UUID | None]:
    """Meetings whose minutes still take new action items, and the one to offer first: the
    idea's own meeting while it is open, else its body's next meeting, else the next of any."""
    day = today or dt.date.today()
    meetings = _meetings(store, language)
    open_ones = [m for m in meetings if not m.locked]
    source_id: uuid.UUID | None = None
    if idea_id is not None:
        with store.read() as session:
            idea = session.get(Idea, idea_id)
            source_id = idea.meeting_id if idea else None
    source = next((m for m in meetings if m.id == source_id), None)
    coming = sorted((m for m in open_ones if m.date >= day), key=lambda m: m.date)
    preferred = next((m for m in open_ones if source and m.id == source.id), None)
    if preferred is None and source is not None:
        preferred = next((m for m in coming if m.body_id == source.body_id), None)
    if preferred is None:
        preferred = coming[0] if coming else (open_ones[0] if open_ones else None)
    return [(m.id, m.label) for m in open_ones], preferred.id if preferred else None


def action_items(store: Store, language: str) -> list[Choice]:
    """Action items still being followed up, newest meeting first."""
    with store.read() as session:
        rows = session.execute(
            select(ActionItem, Meeting).join(Meeting, Meeting.id == ActionItem.meeting_id)
            .where(ActionItem.deleted.is_(False), Meeting.deleted.is_(False),
                   ActionItem.status.in_((ActionStatus.OPEN, ActionStatus.IN_PROGRESS)))
            .order_by(Meeting.date.desc(), ActionItem.created_at)).all()
        return [(a.id, f"{meeting_label(m, language)}: {a.what} ({label_in(language, ActionStatus, a.status)})")
                for a, m in rows]


def checklist_steps(store: Store, language: str) -> list[Choice]:
    """Every checklist's steps, newest checklist first."""
    with store.read() as session:
        rows = session.execute(
            select(ChecklistItem, Checklist).join(Checklist, Checklist.id == ChecklistItem.checklist_id)
            .where(ChecklistItem.deleted.is_(False), Checklist.deleted.is_(False))
            .order_by(Checklist.year.desc(), Checklist.name, ChecklistItem.theme, ChecklistItem.position)).all()
        return [(step.id, f"{checklist.name}: {step.title(language)}") for step, checklist in rows]
