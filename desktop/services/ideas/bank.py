"""Changing ideas in the bank and their status.

An idea is new until something is done with it: taken forward (to an action item of a meeting
or a step of a checklist), merged into another idea, or dropped. Setting it back to new clears
what it was linked to. Ideas are never merged into a merged idea: the bank keeps one level, so
the ideas merged into one that is merged later follow it to its target.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.meetings.common import (
    clean,
    ensure_unlocked,
    get_item,
    get_meeting,
)
from desktop.services.records import apply_fields, live
from desktop.storage.models import ActionItem, ChecklistItem, Idea
from desktop.storage.models.enums import ActionStatus, IdeaOrigin, IdeaStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

EDITABLE = frozenset({"text", "theme", "note", "group_name"})
_NO_LINKS: dict[str, Any] = {"action_item_id": None, "checklist_item_id": None, "merged_into_id": None}


def _idea(session: Session, idea_id: uuid.UUID) -> Idea:
    return live(session, Idea, idea_id, N_("The idea no longer exists."))


def _clean(values: dict[str, Any]) -> None:
    for key in EDITABLE & set(values):
        values[key] = clean(values[key]) if key != "text" else " ".join((values[key] or "").split())
    if "text" in values and not values["text"]:
        raise ValidationError(_("An idea cannot be empty."))


def add_idea(
    store: Store, text: str, theme: str = "", *, meeting_id: uuid.UUID | None = None,
    group: str = "", note: str = "",
) -> tuple[uuid.UUID, Changes]:
    """An idea added by hand, from a meeting or from anywhere."""
    values: dict[str, Any] = {"text": text, "theme": theme, "note": note, "group_name": group}
    _clean(values)

    def apply(session: Session) -> uuid.UUID:
        if meeting_id is not None:
            get_meeting(session, meeting_id)
        idea = Idea(origin=IdeaOrigin.MANUAL, meeting_id=meeting_id, status=IdeaStatus.NEW, **values)
        session.add(idea)
        session.flush()
        return idea.id

    return store.run_returning("add idea", apply)


def update_idea(store: Store, idea_id: uuid.UUID, **fields: Any) -> Changes:
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    values = dict(fields)
    _clean(values)
    return store.run("edit idea", lambda session: apply_fields(_idea(session, idea_id), values))


def set_status(store: Store, idea_id: uuid.UUID, status: str) -> Changes:
    """Back to new, or dropped; either clears what the idea was taken forward to or merged into.
    Taking forward and merging have their own calls, which say to what."""
    if status not in (IdeaStatus.NEW, IdeaStatus.DROPPED):
        raise ValidationError(_("An idea is taken forward or merged by saying to what."))

    def apply(session: Session) -> None:
        apply_fields(_idea(session, idea_id), {"status": str(status), **_NO_LINKS})

    return store.run("change the status of an idea", apply)


def _forward(idea: Idea) -> None:
    if idea.status == IdeaStatus.MERGED:
        raise ValidationError(_("The idea is merged into another one: take that one forward."))


def take_forward_as_action(
    store: Store, idea_id: uuid.UUID, meeting_id: uuid.UUID, what: str, *,
    owner_text: str = "", deadline: dt.date | None = None,
) -> tuple[uuid.UUID, Changes]:
    """A new action item of ``meeting_id`` from the idea, linked to it, in one operation. When the
    meeting is the idea's own, the action belongs to the workshop item it came from."""
    what = clean(what)
    if not what:
        raise ValidationError(_("An action item needs to say what is to be done."))

    def apply(session: Session) -> uuid.UUID:
        idea = _idea(session, idea_id)
        _forward(idea)
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        item_id = idea.item_id if idea.meeting_id == meeting.id and idea.item_id else None
        if item_id is not None:
            get_item(session, item_id)
        action = ActionItem(body_id=meeting.body_id, meeting_id=meeting.id, item_id=item_id, what=what,
                            owner_text=clean(owner_text), deadline=deadline, status=ActionStatus.OPEN)
        session.add(action)
        session.flush()
        apply_fields(idea, {**_NO_LINKS, "status": str(IdeaStatus.TAKEN_FORWARD), "action_item_id": action.id})
        return action.id

    return store.run_returning("take an idea forward", apply)


def link_action(store: Store, idea_id: uuid.UUID, action_id: uuid.UUID) -> Changes:
    """The idea is taken forward by an action item that already exists."""
    return _link(store, idea_id, "action_item_id", ActionItem, action_id,
                 N_("The action item no longer exists."), "link an idea to an action item")


def link_checklist_step(store: Store, idea_id: uuid.UUID, step_id: uuid.UUID) -> Changes:
    """The idea is taken forward as a step of a checklist."""
    return _link(store, idea_id, "checklist_item_id", ChecklistItem, step_id,
                 N_("The checklist step no longer exists."), "link an idea to a checklist step")


def _link(store: Store, idea_id: uuid.UUID, link: str, model: type[ActionItem | ChecklistItem],
          target_id: uuid.UUID, gone: str, operation: str) -> Changes:
    """Mark the idea taken forward by an existing ``model`` record (``gone`` if it is not there)."""
    def apply(session: Session) -> None:
        idea = _idea(session, idea_id)
        _forward(idea)
        live(session, model, target_id, gone)
        apply_fields(idea, {**_NO_LINKS, "status": str(IdeaStatus.TAKEN_FORWARD), link: target_id})

    return store.run(operation, apply)


def merge_ideas(store: Store, idea_id: uuid.UUID, into_id: uuid.UUID) -> Changes:
    """``idea_id`` joins ``into_id``, which is kept; its theme fills an empty one there."""
    if idea_id == into_id:
        raise ValidationError(_("An idea cannot be merged into itself."))

    def apply(session: Session) -> None:
        idea, target = _idea(session, idea_id), _idea(session, into_id)
        if target.status == IdeaStatus.MERGED:
            raise ValidationError(_("That idea is itself merged into another one: merge into that one."))
        if idea.status == IdeaStatus.TAKEN_FORWARD:
            raise ValidationError(_("The idea has been taken forward: merge the other idea into it instead."))
        if target.status == IdeaStatus.DROPPED:
            raise ValidationError(_("That idea has been dropped: set it back to new first."))
        if not target.theme and idea.theme:
            target.theme = idea.theme
        apply_fields(idea, {**_NO_LINKS, "status": str(IdeaStatus.MERGED), "merged_into_id": target.id})
        for follower in session.scalars(select(Idea).where(
                Idea.merged_into_id == idea.id, Idea.deleted.is_(False))):
            follower.merged_into_id = target.id

    return store.run("merge ideas", apply)


def remove_idea(store: Store, idea_id: uuid.UUID) -> Changes:
    """Removed from the bank altogether; ideas merged into it become new again."""
    def apply(session: Session) -> None:
        idea = _idea(session, idea_id)
        idea.deleted = True
        for follower in session.scalars(select(Idea).where(
                Idea.merged_into_id == idea.id, Idea.deleted.is_(False))):
            apply_fields(follower, {"status": str(IdeaStatus.NEW), "merged_into_id": None})

    return store.run("remove idea", apply)
