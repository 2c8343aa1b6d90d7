"""Decisions as Finnish practice records them: the decision type with its standard wording, an
amendment, a vote, disqualified members, whether the decision may be appealed, confidentiality.

A tabled or returned item goes onto the body's next agenda (the postpone mechanism: a copy
remembering the § numbers it passed through); when the next meeting does not exist yet, it is
picked up when that meeting is created.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.meetings.agenda import (
    CARRIED_TYPES,
    _tombstone_item,
    carry_over,
    next_meeting,
)
from desktop.services.meetings.bodies import organisation_name
from desktop.services.meetings.common import (
    agenda_is_open,
    clean,
    ensure_unlocked,
    get_item,
    kind_of,
    remove_item_row,
)
from desktop.services.meetings.numbering import renumber
from desktop.services.meetings.template import decision_wording, default_decision
from desktop.services.records import apply_fields
from desktop.storage.models import (
    AgendaItem,
    BodyMember,
    ContactPerson,
    Disqualification,
    GrantApplication,
    GrantDecision,
    Meeting,
    MeetingAttendance,
    Representation,
)
from desktop.storage.models.enums import DecisionType, ItemType, Presence, RecordKind
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

PRESENT_KINDS = (Presence.PRESENT, Presence.DEPUTY, Presence.EXPERT)
# Decisions that only prepare the matter: not open to a request for rectification (kuntalaki
# 136 §), nor are the meeting's own procedural items.
PREPARATORY = frozenset(CARRIED_TYPES)


def wordings(language: str) -> dict[str, str]:
    """Every decision type's standard wording in a meeting's language."""
    return {code.value: decision_wording(code.value, language) for code in DecisionType}


# -- appeal ------------------------------------------------------------------------------


def default_appealable(item: AgendaItem) -> bool:
    """Decision items may be appealed; information, discussion and workshop items, the
    meeting's standard items and decisions that only prepare the matter may not."""
    return (item.item_type == ItemType.DECISION and not item.standard_key
            and item.decision_type not in PREPARATORY)


def is_appealable(item: AgendaItem, meeting: Meeting | None = None) -> bool:
    meeting = meeting or item.meeting
    if kind_of(meeting) != RecordKind.MINUTES:
        return False
    return default_appealable(item) if item.appealable is None else bool(item.appealable)


# -- the decision ------------------------------------------------------------------------


def _standard_texts(item: AgendaItem, meeting: Meeting) -> set[str]:
    """Decision texts that are only a standard wording (replaced when the type changes)."""
    texts = set(wordings(meeting.language).values())
    texts.add(default_decision(item.item_type, item.standard_key, meeting.language,
                               list(meeting.minute_checkers)))
    return {t for t in texts if t}


def _follow_type(session: Session, item: AgendaItem, previous: str) -> None:
    """Send a tabled or returned matter on to the next agenda; take it back from an agenda not
    yet sent when the decision changes."""
    carried = item.decision_type in CARRIED_TYPES
    if carried and item.postponed_to_id is None:
        target = next_meeting(session, item.meeting)
        if target is not None:
            carry_over(session, item, target)
    elif not carried and previous in CARRIED_TYPES and item.postponed_to_id is not None:
        copy = session.get(AgendaItem, item.postponed_to_id)
        if copy is not None and not copy.deleted and agenda_is_open(copy.meeting):
            _tombstone_item(session, copy)
            item.postponed_to_id = None
            renumber(session, copy.meeting.body_id, copy.meeting.date.year)


def set_decision_type(session: Session, item: AgendaItem, decision_type: str,
                      decision: str | None) -> None:
    """Inside an operation: the type, its standard wording when the decision is still empty
    or only a standard wording (or ``decision`` when given), and what follows from the type."""
    if decision_type:
        try:
            decision_type = DecisionType(decision_type).value
        except ValueError as exc:
            raise ValidationError(_("Unknown decision type: {type}").format(type=decision_type)) from exc
    meeting = item.meeting
    previous = item.decision_type
    if decision is None and decision_type and decision_type != previous:
        current = clean(item.decision)
        if not current or current in _standard_texts(item, meeting):
            decision = decision_wording(decision_type, meeting.language)
    if decision is not None and item.decision != decision:
        item.decision = decision
    if item.decision_type != decision_type:
        item.decision_type = decision_type
        _follow_type(session, item, previous)


ITEM_RECORD_FIELDS = frozenset({"decision_type", "amendment", "appealable", "confidential_basis"})


def record_item(store: Store, item_id: uuid.UUID, **fields: Any) -> Changes:
    """The decision type (with its wording), amendment, appealability and confidentiality of
    an item's minutes; ``decision`` may come along to save the text the user wrote."""
    unknown = set(fields) - ITEM_RECORD_FIELDS - {"decision"}
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def apply(session: Session) -> None:
        item = get_item(session, item_id)
        ensure_unlocked(item.meeting)
        apply_item_fields(session, item, dict(fields))

    return store.run("record decision", apply)


def apply_item_fields(session: Session, item: AgendaItem, fields: dict[str, Any]) -> None:
    decision = fields.pop("decision", None)
    if "decision_type" in fields:
        set_decision_type(session, item, fields.pop("decision_type") or "", decision)
    elif decision is not None and item.decision != decision:
        item.decision = decision
    for key in ("amendment", "confidential_basis"):
        if key in fields:
            fields[key] = clean(fields[key])
    apply_fields(item, fields)


# -- votes -------------------------------------------------------------------------------


def _count(value: object) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value))
    except ValueError as exc:
        raise ValidationError(_("A vote count is a whole number, not {value}.").format(value=value)) from exc
    if number < 0:
        raise ValidationError(_("A vote count cannot be negative."))
    return number


def clean_vote(proposals: list[dict], roll_call: list[tuple[str, int]], result: str) -> dict:
    """A vote as stored: at least two proposals, each with its text; counts or a roll call."""
    kept = []
    for proposal in proposals:
        text = clean(proposal.get("text"))
        if not text:
            continue
        kept.append({"text": text, "proposer": clean(proposal.get("proposer")),
                     "seconder": clean(proposal.get("seconder")),
                     "votes": _count(proposal.get("votes"))})
    if len(kept) < 2:
        raise ValidationError(_("A vote needs at least two proposals."))
    calls: list[list] = []
    seen: set[str] = set()
    for name, choice in roll_call:
        name = clean(name)
        if not name:
            continue
        if name.casefold() in seen:
            raise ValidationError(_("{name} is in the roll call twice.").format(name=name))
        seen.add(name.casefold())
        if not -1 <= int(choice) < len(kept):
            raise ValidationError(_("{name} voted for a proposal that is not there.").format(name=name))
        calls.append([name, int(choice)])
    return {"proposals": kept, "roll_call": calls, "result": clean(result)}


def record_vote(store: Store, item_id: uuid.UUID, proposals: list[dict],
                roll_call: list[tuple[str, int]] | None = None, result: str = "") -> Changes:
    """The vote of an item: the proposals (who proposed and seconded, the votes each got), the
    roll call if one was taken, and the result; the decision type becomes 'decided by vote'.
    A disqualified member cannot be in the roll call."""
    vote = clean_vote(proposals, list(roll_call or []), result)

    def apply(session: Session) -> None:
        item = get_item(session, item_id)
        ensure_unlocked(item.meeting)
        excluded = {d.member_name.casefold() for d in disqualifications(session, item.id)}
        for name, _choice in vote["roll_call"]:
            if name.casefold() in excluded:
                raise ValidationError(
                    _("{name} is disqualified for § {section} and does not vote.").format(
                        name=name, section=item.section))
        if item.vote != vote:
            item.vote = vote
        set_decision_type(session, item, DecisionType.VOTE, None)

    return store.run("record vote", apply)


# -- disqualification --------------------------------------------------------------------


def disqualifications(session: Session, item_id: uuid.UUID) -> list[Disqualification]:
    return list(session.scalars(
        select(Disqualification)
        .where(Disqualification.item_id == item_id, Disqualification.deleted.is_(False))
        .order_by(Disqualification.created_at)
    ))


def add_disqualification(store: Store, item_id: uuid.UUID, member_name: str, reason: str = "",
                         left_room: bool = True) -> tuple[uuid.UUID, Changes]:
    """A member declared disqualified for an item, why, and whether they left the room; they
    are not counted in the item's attendance."""
    member_name = clean(member_name)
    if not member_name:
        raise ValidationError(_("A disqualification needs the member's name."))

    def apply(session: Session) -> uuid.UUID:
        item = get_item(session, item_id)
        ensure_unlocked(item.meeting)
        if any(d.member_name.casefold() == member_name.casefold()
               for d in disqualifications(session, item.id)):
            raise ValidationError(_("{name} is already recorded as disqualified for § {section}.").format(
                name=member_name, section=item.section))
        calls = [c for c in (item.vote or {}).get("roll_call", []) if c[0].casefold() != member_name.casefold()]
        if item.vote and calls != item.vote.get("roll_call", []):
            item.vote = {**item.vote, "roll_call": calls}
        row = Disqualification(item_id=item.id, member_name=member_name, reason=clean(reason),
                               left_room=bool(left_room))
        session.add(row)
        session.flush()
        return row.id

    return store.run_returning("record disqualification", apply)


def remove_disqualification(store: Store, disqualification_id: uuid.UUID) -> Changes:
    return store.run("remove disqualification", lambda session: remove_item_row(
        session, Disqualification, disqualification_id, N_("The disqualification no longer exists.")))


def item_attendees(session: Session, item: AgendaItem) -> list[MeetingAttendance]:
    """Who took part in the item: present at its § (arrived by it, not left before it), less
    those disqualified for it."""
    excluded = {d.member_name.casefold() for d in disqualifications(session, item.id)}
    rows = session.scalars(
        select(MeetingAttendance)
        .where(MeetingAttendance.meeting_id == item.meeting_id, MeetingAttendance.deleted.is_(False))
        .order_by(MeetingAttendance.position, MeetingAttendance.created_at))
    return [
        a for a in rows
        if a.presence in PRESENT_KINDS and a.name.casefold() not in excluded
        and (a.arrived_at is None or a.arrived_at <= item.section)
        and (a.left_at is None or item.section <= a.left_at)
    ]


@dataclass(frozen=True)
class DisqualificationPrompt:
    name: str
    organisation: str


def disqualification_prompts(session: Session, item_id: uuid.UUID) -> list[DisqualificationPrompt]:
    """Attendees who represent an organisation whose grant application is decided in this item
    (the grant decision links the §) and are not yet recorded as disqualified: the editor asks."""
    item = get_item(session, item_id)
    organisations = set(session.scalars(
        select(GrantApplication.organisation_id)
        .join(GrantDecision, GrantDecision.application_id == GrantApplication.id)
        .where(GrantDecision.agenda_item_id == item.id, GrantDecision.deleted.is_(False),
               GrantApplication.deleted.is_(False))))
    if not organisations:
        return []
    language = "sv" if item.meeting.language == "sv" else "fi"
    recorded = {d.member_name.casefold() for d in disqualifications(session, item.id)}
    # Contact persons of those organisations, by name: an attendee is matched as the minutes name them.
    linked: dict[str, uuid.UUID] = {}
    for name, linked_org in session.execute(
            select(ContactPerson.name, Representation.organisation_id)
            .join(Representation, Representation.contact_id == ContactPerson.id)
            .where(Representation.organisation_id.in_(organisations),
                   Representation.deleted.is_(False), ContactPerson.deleted.is_(False))):
        linked.setdefault(name.casefold(), linked_org)
    prompts = []
    for attendee in item_attendees(session, item):
        if attendee.name.casefold() in recorded:
            continue
        org_id = None
        if attendee.member_id is not None:
            seat = session.get(BodyMember, attendee.member_id)
            if seat is not None and seat.organisation_id in organisations:
                org_id = seat.organisation_id
        org_id = org_id or linked.get(attendee.name.casefold())
        if org_id is not None:
            prompts.append(DisqualificationPrompt(attendee.name,
                                                  organisation_name(session, org_id, language)))
    return prompts
