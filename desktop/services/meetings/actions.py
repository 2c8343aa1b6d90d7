"""Action items: decided at a meeting (in an item or in general), followed across a body's meetings.

Following an action up (its status, owner, deadline) is not a change of the minutes, so it goes
on after they are approved; what was decided (``what``) and new actions are minutes, and lock.
An action still open when a later meeting is held is carried onto that meeting's agenda, under
matters for information.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.meetings.bodies import organisation_name, person_name
from desktop.services.meetings.common import (
    clean,
    ensure_unlocked,
    get_item,
    get_meeting,
)
from desktop.services.records import (
    Seen,
    apply_edit,
    apply_fields,
    live,
    live_organisation,
    live_person,
    seen,
)
from desktop.services.vocabulary import label
from desktop.storage.models import ActionItem, AgendaItem, Meeting
from desktop.storage.models.enums import ActionStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

SETTLED = (ActionStatus.DONE, ActionStatus.CANCELLED)
FOLLOW_UP_FIELDS = frozenset(
    {"owner_person_id", "owner_organisation_id", "owner_text", "deadline", "status"})
ACTION_FIELDS = FOLLOW_UP_FIELDS | {"what"}


@dataclass(frozen=True)
class ActionRow:
    id: uuid.UUID
    meeting_id: uuid.UUID
    item_id: uuid.UUID | None
    meeting: str  # "3/2026"
    section: int | None
    what: str
    owner: str
    deadline: dt.date | None
    status: str  # ActionStatus code
    status_label: str
    overdue: bool


def owner_label(session: Session, action: ActionItem, language: str = "fi") -> str:
    """The person, the organisation and the free text, whichever are given."""
    parts = [
        person_name(session, action.owner_person_id),
        organisation_name(session, action.owner_organisation_id, language),
        action.owner_text,
    ]
    return ", ".join(part for part in parts if part)


def is_overdue(action: ActionItem, today: dt.date) -> bool:
    return action.deadline is not None and action.deadline < today and action.status not in SETTLED


def _check(session: Session, values: dict[str, Any]) -> None:
    if "what" in values:
        values["what"] = clean(values["what"])
        if not values["what"]:
            raise ValidationError(_("An action item needs to say what is to be done."))
    if "owner_text" in values:
        values["owner_text"] = clean(values["owner_text"])
    if "status" in values:
        try:
            values["status"] = ActionStatus(values["status"]).value
        except ValueError as exc:
            raise ValidationError(_("Unknown status: {status}").format(status=values["status"])) from exc
    if values.get("owner_person_id") is not None:
        live_person(session, values["owner_person_id"])
    if values.get("owner_organisation_id") is not None:
        live_organisation(session, values["owner_organisation_id"])


def add_action(
    store: Store, meeting_id: uuid.UUID, what: str, *, item_id: uuid.UUID | None = None,
    owner_person_id: uuid.UUID | None = None, owner_organisation_id: uuid.UUID | None = None,
    owner_text: str = "", deadline: dt.date | None = None,
) -> tuple[uuid.UUID, Changes]:
    values: dict[str, Any] = {
        "what": what, "owner_person_id": owner_person_id,
        "owner_organisation_id": owner_organisation_id, "owner_text": owner_text,
        "deadline": deadline,
    }

    def apply(session: Session) -> uuid.UUID:
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        if item_id is not None and get_item(session, item_id).meeting_id != meeting.id:
            raise ValidationError(_("The agenda item is not part of this meeting."))
        _check(session, values)
        action = ActionItem(body_id=meeting.body_id, meeting_id=meeting.id, item_id=item_id,
                            status=ActionStatus.OPEN, **values)
        session.add(action)
        session.flush()
        return action.id

    return store.run_returning("add action item", apply)


def _action(session: Session, action_id: uuid.UUID) -> ActionItem:
    return live(session, ActionItem, action_id, N_("The action item no longer exists."))


def action_seen(session: Session, action_id: uuid.UUID) -> Seen:
    """The action as its dialog starts from, to hand back to :func:`update_action`."""
    return seen(_action(session, action_id), ACTION_FIELDS)


def update_action(
    store: Store, action_id: uuid.UUID, *, today: dt.date | None = None,
    start: Seen | None = None, **fields: Any
) -> Changes:
    """Follow an action up (status, owner, deadline) or, before the minutes lock, reword it.
    Done or cancelled records the day (``today``) it was settled.

    An edit from ``start`` (:func:`action_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    unknown = set(fields) - ACTION_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    day = today or dt.date.today()

    def apply(session: Session) -> None:
        action = _action(session, action_id)
        if "what" in fields:
            ensure_unlocked(get_meeting(session, action.meeting_id))
        values = dict(fields)
        _check(session, values)
        was_settled = action.status in SETTLED
        apply_edit(session, action, values, start)
        if "status" in values:
            # From the status now stored: another user's status may have been kept over mine.
            settled = action.status in SETTLED
            if settled and not was_settled:
                apply_fields(action, {"completed_on": day})
            elif not settled:
                apply_fields(action, {"completed_on": None})

    return store.run("edit action item", apply)


def remove_action(store: Store, action_id: uuid.UUID) -> Changes:
    def apply(session: Session) -> None:
        action = _action(session, action_id)
        ensure_unlocked(get_meeting(session, action.meeting_id))
        action.deleted = True

    return store.run("remove action item", apply)


def item_actions(session: Session, item_id: uuid.UUID) -> list[ActionItem]:
    return list(session.scalars(
        select(ActionItem)
        .where(ActionItem.item_id == item_id, ActionItem.deleted.is_(False))
        .order_by(ActionItem.created_at)
    ))


def meeting_actions(session: Session, meeting_id: uuid.UUID) -> list[ActionItem]:
    """Every action decided at the meeting, in an item or not."""
    return list(session.scalars(
        select(ActionItem)
        .where(ActionItem.meeting_id == meeting_id, ActionItem.deleted.is_(False))
        .order_by(ActionItem.created_at)
    ))


def _sort_key(action: ActionItem, meeting: Meeting, today: dt.date) -> tuple:
    # Overdue first (the longest overdue first), then by deadline (none last), then oldest meeting.
    return (not is_overdue(action, today), action.deadline or dt.date.max, meeting.date,
            action.created_at)


def _rows(session: Session, pairs: list[tuple[ActionItem, Meeting]], language: str,
          today: dt.date) -> list[ActionRow]:
    result = []
    for action, meeting in pairs:
        item = session.get(AgendaItem, action.item_id) if action.item_id else None
        result.append(ActionRow(
            id=action.id, meeting_id=meeting.id, item_id=action.item_id,
            meeting=f"{meeting.number}/{meeting.date.year}",
            section=item.section if item is not None else None,
            what=action.what, owner=owner_label(session, action, language),
            deadline=action.deadline, status=action.status,
            status_label=label(ActionStatus, action.status), overdue=is_overdue(action, today),
        ))
    return result


def _open_pairs(session: Session, body_id: uuid.UUID,
                today: dt.date) -> list[tuple[ActionItem, Meeting]]:
    """Open and under-way actions from all of a body's meetings with their meeting, overdue first."""
    pairs = session.execute(
        select(ActionItem, Meeting)
        .join(Meeting, ActionItem.meeting_id == Meeting.id)
        .where(ActionItem.body_id == body_id, ActionItem.deleted.is_(False),
               Meeting.deleted.is_(False), ActionItem.status.not_in(SETTLED))
    ).all()
    return sorted(((a, m) for a, m in pairs), key=lambda p: _sort_key(p[0], p[1], today))


def open_actions(
    session: Session, body_id: uuid.UUID, today: dt.date | None = None, language: str = "fi"
) -> list[ActionRow]:
    """Open and under-way actions from all of a body's meetings, overdue first."""
    today = today or dt.date.today()
    return _rows(session, _open_pairs(session, body_id, today), language, today)


def open_action_items(session: Session, body_id: uuid.UUID, today: dt.date) -> list[ActionItem]:
    """The records behind ``open_actions``, in its order."""
    return [action for action, _meeting in _open_pairs(session, body_id, today)]


def carried_actions(session: Session, meeting_id: uuid.UUID) -> list[ActionItem]:
    """The actions of the body's earlier meetings that were still open on this meeting's date,
    overdue (as of that date) first; the agenda lists them under matters for information."""
    meeting = get_meeting(session, meeting_id)
    pairs = session.execute(
        select(ActionItem, Meeting)
        .join(Meeting, ActionItem.meeting_id == Meeting.id)
        .where(ActionItem.body_id == meeting.body_id, ActionItem.deleted.is_(False),
               Meeting.deleted.is_(False), Meeting.date < meeting.date)
    ).all()
    still_open = [
        (a, m) for a, m in pairs
        if a.status not in SETTLED or (a.completed_on is not None and a.completed_on >= meeting.date)
    ]
    return [a for a, m in sorted(still_open, key=lambda p: _sort_key(p[0], p[1], meeting.date))]
