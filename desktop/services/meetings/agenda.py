"""Meetings and their agenda: creating a meeting from the template, adding, editing, moving,
copying, removing and postponing items.

Positions count from 0 for callers (the row in the agenda); the store keeps them from 1.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.meetings.bodies import body_meetings, default_language
from desktop.services.meetings.common import (
    MEETING_LANGUAGES,
    agenda_is_open,
    clean,
    ensure_unlocked,
    get_body,
    get_item,
    get_meeting,
    kind_of,
    live_items,
    status_index,
)
from desktop.services.meetings.numbering import renumber
from desktop.services.meetings.template import (
    closing_keys,
    default_decision,
    items_for,
    postponed_decision,
    standard_items,
    text_in,
    title_in,
)
from desktop.services.records import Seen, apply_edit, seen
from desktop.storage.base import Syncable
from desktop.storage.models import (
    ActionItem,
    AgendaItem,
    DissentingOpinion,
    ItemAttachment,
    Meeting,
    WorkshopPoint,
)
from desktop.storage.models.enums import DecisionType, ItemType, MeetingStatus, RecordKind
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

MEETING_FIELDS = frozenset(
    {"date", "start_time", "end_time", "place", "online_link", "language", "chair", "secretary",
     "record_kind", "display_date", "display_place", "notice_date"})
AFTER_APPROVAL = frozenset({"display_date", "display_place", "notice_date"})
AGENDA_FIELDS = frozenset(
    {"title", "item_type", "presenter", "background", "proposal", "minutes_allotted"})
MINUTES_FIELDS = frozenset({"discussion", "decision", "votes"})
ITEM_FIELDS = AGENDA_FIELDS | MINUTES_FIELDS
# What a copy or a postponed item takes with it: the preparation, not what a meeting made of it.
# Decisions that send the matter back onto the body's next agenda.
CARRIED_TYPES = (DecisionType.TABLED.value, DecisionType.RETURNED.value)
_CARRIED = ("title", "item_type", "presenter", "background", "proposal", "minutes_allotted")


# -- meetings ----------------------------------------------------------------------------


def _check_meeting(values: dict[str, Any]) -> None:
    if values.get("language") not in MEETING_LANGUAGES:
        raise ValidationError(_("A meeting's language is fi, sv, en or fi+sv, not {language}.").format(
            language=values.get("language")))
    start, end = values.get("start_time"), values.get("end_time")
    if start and end and end <= start:
        raise ValidationError(_("The meeting cannot end before it starts."))
    for key in ("place", "online_link", "chair", "secretary", "display_place"):
        if key in values:
            values[key] = clean(values[key])
    day = values.get("date")
    for key in ("notice_date", "display_date"):
        if day and values.get(key) and values[key] < day:
            raise ValidationError(_("The notice and the public display come after the meeting."))
    kind = values.get("record_kind") or ""
    if kind and kind not in tuple(RecordKind):
        raise ValidationError(_("A meeting records a memo or minutes, not {kind}.").format(kind=kind))


def new_meeting(
    session: Session, body_id: uuid.UUID, date: dt.date, *, start_time: dt.time | None = None,
    end_time: dt.time | None = None, place: str = "", online_link: str = "",
    language: str | None = None, standard: bool = True, record_kind: str = "",
) -> Meeting:
    """A planned meeting, numbered in the body's year, with the template's standard items in
    its language (unless ``standard`` is false), inside the caller's operation."""
    body = get_body(session, body_id)
    values: dict[str, Any] = {
        "date": date, "start_time": start_time, "end_time": end_time, "place": place,
        "online_link": online_link, "language": language or default_language(body),
        "record_kind": record_kind,
    }
    _check_meeting(values)
    meeting = Meeting(body_id=body.id, number=0, status=MeetingStatus.PLANNED, **values)
    session.add(meeting)
    session.flush()
    if standard:
        for position, spec in enumerate(items_for(kind_of(meeting)), start=1):
            session.add(AgendaItem(
                meeting_id=meeting.id, position=position, section=0, standard_key=spec.key,
                title=title_in(spec.title, meeting.language), item_type=spec.item_type,
                proposal=text_in(spec.proposal, meeting.language),
                minutes_allotted=spec.minutes_allotted,
            ))
    renumber(session, body.id, date.year)
    carry_pending(session, meeting)
    return meeting


def create_meeting(store: Store, body_id: uuid.UUID, date: dt.date, **options: Any) -> tuple[uuid.UUID, Changes]:
    """``new_meeting`` as one operation; returns the meeting's id."""
    return store.run_returning(
        "create meeting", lambda s: new_meeting(s, body_id, date, **options).id)


def meeting_seen(session: Session, meeting_id: uuid.UUID) -> Seen:
    """The meeting as its details dialog starts from, to hand back to :func:`update_meeting`."""
    return seen(get_meeting(session, meeting_id), MEETING_FIELDS)


def update_meeting(store: Store, meeting_id: uuid.UUID, *, start: Seen | None = None,
                   **fields: Any) -> Changes:
    """Change a meeting's date, times, place, link, language, chair or secretary.

    An edit from ``start`` (:func:`meeting_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    unknown = set(fields) - MEETING_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def apply(session: Session) -> None:
        meeting = get_meeting(session, meeting_id)
        # The notice and public display follow the approval: they are set on locked minutes.
        if not set(fields) <= AFTER_APPROVAL:
            ensure_unlocked(meeting)
        values = {key: getattr(meeting, key) for key in MEETING_FIELDS} | fields
        _check_meeting(values)
        old_year = meeting.date.year
        old_kind = kind_of(meeting)
        # Only the fields asked for: a conflict's merge (saved again as it is) must not name
        # the others, or the notice of locked minutes would look like an edit of the minutes.
        apply_edit(session, meeting, {key: values[key] for key in fields}, start)
        # Another user's times or dates taken in beside mine must still fit together.
        _check_meeting({key: getattr(meeting, key) for key in MEETING_FIELDS})
        if kind_of(meeting) != old_kind:
            _follow_kind(session, meeting)
        renumber(session, meeting.body_id, meeting.date.year)
        if old_year != meeting.date.year:
            renumber(session, meeting.body_id, old_year)

    return store.run("edit meeting", apply)


def _follow_kind(session: Session, meeting: Meeting) -> None:
    """A meeting whose kind of record changed takes the standard items of its new kind while
    the agenda is open (a memo drops the legality and checkers items nobody has written in)."""
    if not agenda_is_open(meeting):
        return
    wanted = [spec.key for spec in items_for(kind_of(meeting))]
    order = [spec.key for spec in standard_items()]
    items = live_items(session, meeting.id)
    for item in items:
        if item.standard_key and item.standard_key not in wanted and not clean(item.decision):
            _tombstone_item(session, item)
    items = [i for i in live_items(session, meeting.id)]
    present = {i.standard_key for i in items}
    for spec in standard_items():
        if spec.key not in wanted or spec.key in present:
            continue
        later = order[order.index(spec.key) + 1:]
        index = next((n for n, i in enumerate(items) if i.standard_key in later), len(items))
        item = AgendaItem(
            meeting_id=meeting.id, position=0, section=0, standard_key=spec.key,
            title=title_in(spec.title, meeting.language), item_type=spec.item_type,
            proposal=text_in(spec.proposal, meeting.language), minutes_allotted=spec.minutes_allotted)
        session.add(item)
        session.flush()
        _place(session, meeting, item, index)
        items = live_items(session, meeting.id)
        present.add(spec.key)


def carry_pending(session: Session, meeting: Meeting) -> None:
    """Items the body tabled or returned at earlier meetings, not yet on a later agenda, go on
    ``meeting``'s (a new meeting: the next one did not exist when they were decided)."""
    if not agenda_is_open(meeting):
        return
    earlier = [m.id for m in body_meetings(session, meeting.body_id)
               if m.id != meeting.id and (m.date, m.start_time or dt.time.min)
               < (meeting.date, meeting.start_time or dt.time.min)]
    if not earlier:
        return
    pending = session.scalars(
        select(AgendaItem).where(
            AgendaItem.meeting_id.in_(earlier), AgendaItem.deleted.is_(False),
            AgendaItem.decision_type.in_(CARRIED_TYPES), AgendaItem.postponed_to_id.is_(None))
        .order_by(AgendaItem.section))
    for item in list(pending):
        carry_over(session, item, meeting)


def delete_meeting(store: Store, meeting_id: uuid.UUID) -> Changes:
    """Tombstone a meeting whose agenda has not been sent, with its items."""

    def apply(session: Session) -> None:
        meeting = get_meeting(session, meeting_id)
        if not agenda_is_open(meeting):
            raise ValidationError(
                _("The agenda of this meeting has been sent: it can no longer be deleted."))
        for item in live_items(session, meeting.id):
            _tombstone_item(session, item)
        meeting.deleted = True
        renumber(session, meeting.body_id, meeting.date.year)

    return store.run("delete meeting", apply)


# -- items -------------------------------------------------------------------------------


def _check_item(values: dict[str, Any]) -> None:
    if "title" in values:
        values["title"] = clean(values["title"])
        if not values["title"]:
            raise ValidationError(_("An agenda item needs a title."))
    if "item_type" in values:
        try:
            values["item_type"] = ItemType(values["item_type"]).value
        except ValueError as exc:
            raise ValidationError(_("Unknown item type: {type}").format(
                type=values["item_type"])) from exc
    minutes = values.get("minutes_allotted")
    if minutes is not None and minutes < 0:
        raise ValidationError(_("The time allotted cannot be negative."))
    if "presenter" in values:
        values["presenter"] = clean(values["presenter"])


def _place(session: Session, meeting: Meeting, item: AgendaItem, index: int | None) -> None:
    """Put ``item`` at ``index`` (0-based; by default before matters for information, other
    business and closing), then renumber."""
    others = [i for i in live_items(session, meeting.id) if i.id != item.id]
    if index is None:
        closing = closing_keys()
        index = next((n for n, other in enumerate(others) if other.standard_key in closing), len(others))
    index = max(0, min(index, len(others)))
    ordered = others[:index] + [item] + others[index:]
    for position, row in enumerate(ordered, start=1):
        if row.position != position:
            row.position = position
    renumber(session, meeting.body_id, meeting.date.year)


def _prefill(item: AgendaItem, meeting: Meeting) -> None:
    """An item added once the meeting is held gets the standard decision at once."""
    if status_index(meeting.status) >= status_index(MeetingStatus.HELD) and not item.decision:
        item.decision = default_decision(
            item.item_type, item.standard_key, meeting.language, list(meeting.minute_checkers))


def add_item(
    store: Store, meeting_id: uuid.UUID, title: str, *, item_type: str = ItemType.DECISION,
    presenter: str = "", background: str = "", proposal: str = "",
    minutes_allotted: int | None = None, position: int | None = None,
) -> tuple[uuid.UUID, Changes]:
    """A new item, by default before the closing items; returns its id."""
    values: dict[str, Any] = {
        "title": title, "item_type": item_type, "presenter": presenter, "background": background,
        "proposal": proposal, "minutes_allotted": minutes_allotted,
    }
    _check_item(values)

    def apply(session: Session) -> uuid.UUID:
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        item = AgendaItem(meeting_id=meeting.id, position=0, section=0, **values)
        _prefill(item, meeting)
        session.add(item)
        session.flush()
        _place(session, meeting, item, position)
        return item.id

    return store.run_returning("add agenda item", apply)


def item_seen(session: Session, item_id: uuid.UUID) -> Seen:
    """The item as the agenda form starts from, to hand back to :func:`update_item`."""
    return seen(get_item(session, item_id), AGENDA_FIELDS)


def update_item(store: Store, item_id: uuid.UUID, *, start: Seen | None = None,
                **fields: Any) -> Changes:
    """Edit an item's agenda texts or its minutes (discussion, decision, votes).

    An edit from ``start`` (:func:`item_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    _check_item(fields)

    def apply(session: Session) -> None:
        item = get_item(session, item_id)
        ensure_unlocked(item.meeting)
        apply_edit(session, item, fields, start)

    return store.run("edit agenda item", apply)


def move_item(store: Store, item_id: uuid.UUID, position: int) -> Changes:
    """Move an item to a row of the agenda (0-based); § numbers follow until the agenda is sent."""

    def apply(session: Session) -> None:
        item = get_item(session, item_id)
        meeting = item.meeting
        ensure_unlocked(meeting)
        _place(session, meeting, item, position)

    return store.run("move agenda item", apply)


def _tombstone_item(session: Session, item: AgendaItem) -> None:
    for model in (ItemAttachment, WorkshopPoint, DissentingOpinion, ActionItem):
        rows: list[Syncable] = list(session.scalars(
            select(model).where(model.item_id == item.id, model.deleted.is_(False))))
        for row in rows:
            row.deleted = True
    if item.postponed_from_id:
        source = session.get(AgendaItem, item.postponed_from_id)
        if source is not None and source.postponed_to_id == item.id:
            source.postponed_to_id = None
    item.deleted = True


def remove_item(store: Store, item_id: uuid.UUID) -> Changes:
    """Remove an item from an agenda not yet sent (after that, postpone it instead)."""

    def apply(session: Session) -> None:
        item = get_item(session, item_id)
        meeting = item.meeting
        if not agenda_is_open(meeting):
            raise ValidationError(
                _("The agenda has been sent: § {section} stays; postpone it or record in the "
                  "minutes that it was withdrawn.").format(section=item.section))
        _tombstone_item(session, item)
        renumber(session, meeting.body_id, meeting.date.year)

    return store.run("remove agenda item", apply)


def _copy_attachments(session: Session, source: AgendaItem, target: AgendaItem) -> None:
    links = session.scalars(
        select(ItemAttachment)
        .where(ItemAttachment.item_id == source.id, ItemAttachment.deleted.is_(False))
        .order_by(ItemAttachment.position)
    )
    for link in links:
        session.add(ItemAttachment(item_id=target.id, attachment_id=link.attachment_id,
                                   position=link.position))


def copy_items(
    store: Store, item_ids: list[uuid.UUID], meeting_id: uuid.UUID
) -> tuple[list[uuid.UUID], Changes]:
    """Copy items (from an earlier meeting, say) onto a meeting's agenda, before its closing items,
    with their texts and attachments but not what the earlier meeting decided."""

    def apply(session: Session) -> list[uuid.UUID]:
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        copies = []
        for item_id in item_ids:
            source = get_item(session, item_id)
            copy = AgendaItem(meeting_id=meeting.id, position=0, section=0,
                              **{key: getattr(source, key) for key in _CARRIED})
            _prefill(copy, meeting)
            session.add(copy)
            session.flush()
            _copy_attachments(session, source, copy)
            _place(session, meeting, copy, None)
            copies.append(copy.id)
        return copies

    return store.run_returning("copy agenda items", apply)


def next_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The body's next meeting that has not been held yet."""
    later = [
        m for m in body_meetings(session, meeting.body_id)
        if (m.date, m.start_time or dt.time.min) > (meeting.date, meeting.start_time or dt.time.min)
        and status_index(m.status) < status_index(MeetingStatus.HELD)
    ]
    return later[0] if later else None


def postpone_item(store: Store, item_id: uuid.UUID) -> tuple[uuid.UUID, Changes]:
    """Move an item to the body's next meeting; returns the id of the item there.

    Before the agenda is sent the item itself moves (its provisional § was never published).
    After that it stays where it was, with "postponed to the next meeting" as its decision, and
    a copy goes on the next agenda remembering the § numbers it passed through.
    """

    def apply(session: Session) -> uuid.UUID:
        item = get_item(session, item_id)
        meeting = item.meeting
        ensure_unlocked(meeting)
        if item.standard_key:
            raise ValidationError(_("The standard items of a meeting are not postponed."))
        if item.postponed_to_id is not None:
            raise ValidationError(_("§ {section} has already been postponed.").format(
                section=item.section))
        target = next_meeting(session, meeting)
        if target is None:
            raise ValidationError(
                _("{body} has no later meeting to postpone § {section} to: create the next "
                  "meeting first.").format(body=meeting.body.display_name("fi"),
                                           section=item.section))
        if agenda_is_open(meeting):
            item.meeting_id = target.id
            session.flush()
            session.expire(item, ["meeting"])
            _place(session, target, item, None)
            renumber(session, meeting.body_id, meeting.date.year)
            return item.id
        moved = carry_over(session, item, target)
        if not item.decision:
            item.decision = postponed_decision(meeting.language)
        return moved.id

    return store.run_returning("postpone agenda item", apply)


def carry_over(session: Session, item: AgendaItem, target: Meeting) -> AgendaItem:
    """Put a copy of ``item`` on ``target``'s agenda remembering the § numbers it passed
    through; the item stays where it was, pointing to the copy."""
    moved = AgendaItem(
        meeting_id=target.id, position=0, section=0,
        postponed_from=[*item.postponed_from, item.section], postponed_from_id=item.id,
        **{key: getattr(item, key) for key in _CARRIED},
    )
    session.add(moved)
    session.flush()
    _copy_attachments(session, item, moved)
    item.postponed_to_id = moved.id
    _place(session, target, moved, None)
    return moved


def item_history(session: Session, item_id: uuid.UUID) -> list[AgendaItem]:
    """The earlier items a postponed item came from, oldest first (the item itself last)."""
    chain = [get_item(session, item_id)]
    seen = {chain[0].id}
    while chain[0].postponed_from_id is not None and chain[0].postponed_from_id not in seen:
        earlier = session.get(AgendaItem, chain[0].postponed_from_id)
        if earlier is None:
            break
        seen.add(earlier.id)
        chain.insert(0, earlier)
    return chain
