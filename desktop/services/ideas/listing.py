"""Searching the idea bank across meetings, and the rows the view and the exports show.

Ideas are few (tens a workshop), so the filters run over all of them in Python, which also lets
the text search fold case the way Finnish and Swedish need (SQLite's ``lower`` leaves ä and Å alone).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, translate_in
from desktop.services.meetings.common import meeting_label
from desktop.services.vocabulary import label_in
from desktop.storage.models import ActionItem, AgendaItem, Checklist, ChecklistItem, Idea, Meeting
from desktop.storage.models.enums import ActionStatus, IdeaOrigin, IdeaStatus
from desktop.storage.store import Store

_ACTION = N_("Action item: {what} ({status}, {meeting})")
_STEP = N_("Checklist step: {title} ({checklist})")
_MERGED = N_("Merged into: {idea}")


@dataclass(frozen=True)
class IdeaFilter:
    text: str = ""  # any part of the idea, its theme, group, note, body or what it was taken to
    theme: str = ""
    status: str = ""  # IdeaStatus code
    body_id: uuid.UUID | None = None
    year: int | None = None


@dataclass(frozen=True)
class IdeaRow:
    id: uuid.UUID
    text: str
    theme: str
    status: str  # IdeaStatus code
    status_label: str
    origin: str  # IdeaOrigin code
    origin_label: str
    body_id: uuid.UUID | None
    body: str
    meeting_id: uuid.UUID | None
    meeting: str  # "Body 3/2026"
    date: dt.date | None  # the meeting's, else the day the idea was added
    item_id: uuid.UUID | None
    section: int | None
    item_title: str
    group: str
    position: int  # in the group's list
    note: str
    taken_to: str  # the action item, checklist step or idea it went to
    action_item_id: uuid.UUID | None
    checklist_item_id: uuid.UUID | None
    merged_into_id: uuid.UUID | None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def source(self) -> str:
        """``Body 3/2026 § 5, Group A`` as far as known."""
        parts = [self.meeting + (f" § {self.section}" if self.section is not None else ""), self.group]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class FilterChoices:
    themes: list[str]
    bodies: list[tuple[uuid.UUID, str]]
    years: list[int]


def _taken_to(session: Session, idea: Idea, language: str, texts: dict[uuid.UUID, str]) -> str:
    if idea.status == IdeaStatus.MERGED and idea.merged_into_id is not None:
        return translate_in(language, _MERGED).format(idea=texts.get(idea.merged_into_id, ""))
    if idea.action_item_id is not None:
        action = session.get(ActionItem, idea.action_item_id)
        if action is not None and not action.deleted:
            meeting = session.get(Meeting, action.meeting_id)
            return translate_in(language, _ACTION).format(
                what=action.what, status=label_in(language, ActionStatus, action.status),
                meeting=meeting_label(meeting, language) if meeting else "")
    if idea.checklist_item_id is not None:
        step = session.get(ChecklistItem, idea.checklist_item_id)
        if step is not None and not step.deleted:
            checklist = session.get(Checklist, step.checklist_id)
            return translate_in(language, _STEP).format(
                title=step.title(language), checklist=checklist.name if checklist else "")
    return ""


def _rows(session: Session, language: str) -> list[IdeaRow]:
    ideas = session.scalars(select(Idea).where(Idea.deleted.is_(False))).all()
    texts = {idea.id: idea.text for idea in ideas}
    rows = []
    for idea in ideas:
        meeting = session.get(Meeting, idea.meeting_id) if idea.meeting_id else None
        if meeting is not None and meeting.deleted:
            meeting = None
        item = session.get(AgendaItem, idea.item_id) if idea.item_id else None
        if item is not None and item.deleted:
            item = None
        rows.append(IdeaRow(
            id=idea.id, text=idea.text, theme=idea.theme, status=idea.status,
            status_label=label_in(language, IdeaStatus, idea.status), origin=idea.origin,
            origin_label=label_in(language, IdeaOrigin, idea.origin),
            body_id=meeting.body_id if meeting else None,
            body=meeting.body.display_name(language) if meeting else "",
            meeting_id=meeting.id if meeting else None,
            meeting=meeting_label(meeting, language) if meeting else "",
            date=meeting.date if meeting else idea.created_at.date(),
            item_id=item.id if item else None, section=item.section if item else None, item_title=item.title if item else "",
            group=idea.group_name, position=idea.position, note=idea.note, taken_to=_taken_to(session, idea, language, texts),
            action_item_id=idea.action_item_id, checklist_item_id=idea.checklist_item_id,
            merged_into_id=idea.merged_into_id,
        ))
    return rows


def _matches(row: IdeaRow, wanted: IdeaFilter) -> bool:
    if wanted.status and row.status != wanted.status:
        return False
    if wanted.theme and row.theme.casefold() != wanted.theme.casefold():
        return False
    if wanted.body_id is not None and row.body_id != wanted.body_id:
        return False
    if wanted.year is not None and row.year != wanted.year:
        return False
    words = wanted.text.casefold().split()
    haystack = " ".join((row.text, row.theme, row.group, row.note, row.body, row.meeting, row.item_title,
                         row.taken_to)).casefold()
    return all(word in haystack for word in words)


def _order(row: IdeaRow) -> tuple:
    # Newest workshop first; within it by item, group and the order the group gave.
    return (-(row.date or dt.date.min).toordinal(), row.meeting, row.section or 0, row.group.casefold(),
            row.position, row.text.casefold())


def search_ideas(store: Store, wanted: IdeaFilter | None = None, language: str = "fi") -> list[IdeaRow]:
    """The ideas the filter lets through, across all meetings, labels in ``language``."""
    wanted = wanted or IdeaFilter()
    with store.read() as session:
        rows = [row for row in _rows(session, language) if _matches(row, wanted)]
    return sorted(rows, key=_order)


def filter_choices(store: Store, language: str = "fi") -> FilterChoices:
    """The themes, bodies and years that ideas have, for the view's filters."""
    with store.read() as session:
        rows = _rows(session, language)
    themes = sorted({row.theme for row in rows if row.theme}, key=str.casefold)
    bodies = sorted({(row.body_id, row.body) for row in rows if row.body_id}, key=lambda b: b[1].casefold())
    years = sorted({row.year for row in rows if row.year}, reverse=True)
    return FilterChoices(themes, bodies, years)
