"""What an agenda or minutes document shows, as plain data.

The meetings service builds a ``MeetingDocument`` from the store (``build_document``); the PDF,
``.ics`` and e-mail writers in ``desktop.documents`` render it without touching the database, so
they can be tested and benchmarked on data made up in the test. Codes (roles, presence, item
types, action status) stay codes here: the writer translates them into the document's language,
which for a bilingual meeting (``fi+sv``) means both.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.storage.store import Store


@dataclass(frozen=True)
class DocAttendee:
    name: str
    organisation: str = ""
    role: str = "member"  # MemberRole code
    presence: str = "present"  # Presence code: present, absent, deputy, expert
    deputy_for: str = ""  # the member's name when a deputy attends
    arrived_at: int | None = None  # § number
    left_at: int | None = None  # § number


@dataclass(frozen=True)
class DocAction:
    what: str
    owner: str = ""
    deadline: dt.date | None = None
    status: str = "open"  # ActionStatus code


@dataclass(frozen=True)
class DocWorkshopPoint:
    group: str
    rank: int  # 1, 2 or 3 within the group
    point: str
    justification: str = ""
    votes: int = 0  # dot votes


@dataclass(frozen=True)
class DocProposal:
    """One proposal put to a vote (the chair's or the presenter's proposal is usually the first)."""

    text: str
    proposer: str = ""
    seconder: str = ""
    votes: int | None = None  # None when only a roll call was recorded


@dataclass(frozen=True)
class DocVote:
    proposals: tuple[DocProposal, ...] = ()
    roll_call: tuple[tuple[str, int], ...] = ()  # (member name, index of the proposal voted for; -1 = blank)
    result: str = ""  # what the body decided by the vote, in words


@dataclass(frozen=True)
class DocDisqualification:
    name: str
    reason: str = ""
    left_room: bool = True  # "left the room during the item": excluded from the item's attendance


@dataclass(frozen=True)
class DocItem:
    section: int  # § number
    title: str
    item_type: str = "decision"  # ItemType code
    presenter: str = ""
    background: str = ""
    proposal: str = ""
    minutes_allotted: int | None = None
    attachments: tuple[str, ...] = ()  # file names
    # Minutes only:
    discussion: str = ""
    decision: str = ""
    votes: str = ""
    dissents: tuple[str, ...] = ()  # "Name: opinion"
    actions: tuple[DocAction, ...] = ()
    workshop: tuple[DocWorkshopPoint, ...] = ()
    corrections: tuple[str, ...] = ()  # recorded corrections after approval
    postponed_from: tuple[int, ...] = ()  # earlier § numbers this item passed through
    # Issue #10, decisions as Finnish practice records them:
    decision_type: str = ""  # DecisionType code: as_proposed, amended, rejected, tabled, returned, noted, vote
    amendment: str = ""  # for "amended": what was changed
    vote: DocVote | None = None  # for "vote"
    disqualified: tuple[DocDisqualification, ...] = ()
    appealable: bool = False  # open to a request for rectification (not preparatory/information items)
    confidential_basis: str = ""  # non-empty = confidential item; the legal basis, e.g. "JulkL 24 § 1 mom. 25 k"


@dataclass(frozen=True)
class MeetingDocument:
    meeting_id: uuid.UUID
    body: str  # the body's name in the document's language (both, "fi / sv", when bilingual)
    number: int  # number in the body's year
    date: dt.date
    language: str  # fi, sv, en or fi+sv
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    online_link: str = ""
    status: str = "planned"  # MeetingStatus code
    items: tuple[DocItem, ...] = ()
    attendees: tuple[DocAttendee, ...] = ()
    minute_checkers: tuple[str, ...] = ()
    chair: str = ""
    secretary: str = ""
    approved_on: dt.date | None = None
    organiser_email: str = ""
    attendee_emails: tuple[str, ...] = field(default=())
    corrections: tuple[str, ...] = ()  # corrections of the meeting's own details after approval
    # Issue #10, the kind of record and the legality block (minutes only):
    record_kind: str = "minutes"  # RecordKind code: memo (advisory bodies) or minutes (deciding bodies)
    checked: tuple[tuple[str, dt.date], ...] = ()  # minute checkers who have checked, and when
    display_date: dt.date | None = None  # public display (nähtävillä / framlagt)
    display_place: str = ""
    notice_date: dt.date | None = None  # notice of the decisions; the appeal time runs from it
    appeal_deadline: dt.date | None = None  # notice_date + 14 days, computed by the service
    appeal_authority: str = ""  # to whom a request for rectification is made
    appeal_text: str = ""  # the rectification and appeal instructions in the document's language

    @property
    def year(self) -> int:
        return self.date.year


# -- building a document from the store ---------------------------------------------------
# (imported inside the function: the writers import this module without the database layer)


def build_document(
    session_or_store: Session | Store, meeting_id: uuid.UUID, language: str | None = None
) -> MeetingDocument:
    """Everything the agenda and the minutes of a meeting show, in ``language`` (the meeting's
    by default). Before attendance is recorded, the attendees are the members invited (whose
    term covers the meeting's date). The matters-for-information item carries the actions of
    earlier meetings still open on the meeting's date."""
    from desktop.storage.store import Store

    if isinstance(session_or_store, Store):
        with session_or_store.read() as session:
            return _build(session, meeting_id, language)
    return _build(session_or_store, meeting_id, language)


def _build(session: Session, meeting_id: uuid.UUID, language: str | None) -> MeetingDocument:
    from collections import defaultdict

    from sqlalchemy import select

    from desktop.services.meetings import actions, bodies, decisions, legality, minutes, workshop
    from desktop.services.meetings.common import get_meeting, kind_of, live_items
    from desktop.services.meetings.template import TITLE_JOINER, languages_of
    from desktop.storage.models import (
        ActionItem,
        Attachment,
        ContactPerson,
        Disqualification,
        DissentingOpinion,
        ItemAttachment,
        WorkshopPoint,
    )
    from desktop.storage.models.enums import DecisionType, MemberRole

    meeting = get_meeting(session, meeting_id)
    lang = language or meeting.language
    names_in = "sv" if languages_of(lang)[0] == "sv" else "fi"
    body = meeting.body
    body_name = body.display_name(names_in)
    if lang == "fi+sv" and body.name_fi and body.name_sv and body.name_fi != body.name_sv:
        body_name = f"{body.name_fi}{TITLE_JOINER}{body.name_sv}"

    # One query per kind of record for all the items: a 100-item meeting stays quick.
    item_rows = live_items(session, meeting.id)
    ids = [item.id for item in item_rows]

    def by_item(model, *order):  # noqa: ANN001, ANN202 - any of the item-linked models
        grouped = defaultdict(list)
        for row in session.scalars(select(model).where(model.item_id.in_(ids), model.deleted.is_(False))
                                   .order_by(*order)):
            grouped[row.item_id].append(row)
        return grouped

    files = defaultdict(list)
    for link, attachment in session.execute(
        select(ItemAttachment, Attachment).join(Attachment, Attachment.id == ItemAttachment.attachment_id)
        .where(ItemAttachment.item_id.in_(ids), ItemAttachment.deleted.is_(False),
               Attachment.deleted.is_(False))
        .order_by(ItemAttachment.position, ItemAttachment.created_at)
    ):
        files[link.item_id].append(attachment.filename)
    dissents = by_item(DissentingOpinion, DissentingOpinion.created_at)
    decided = by_item(ActionItem, ActionItem.created_at)
    points = by_item(WorkshopPoint)
    disqualified = by_item(Disqualification, Disqualification.created_at)
    record_kind = kind_of(meeting)
    corrections = defaultdict(list)
    for row in minutes.corrections(session, meeting.id):
        corrections[row.item_id].append(minutes.correction_text(row, lang))

    def doc_action(action: ActionItem) -> DocAction:
        return DocAction(what=action.what, owner=actions.owner_label(session, action, names_in),
                         deadline=action.deadline, status=action.status)

    carried = tuple(doc_action(a) for a in actions.carried_actions(session, meeting.id))
    items = []
    for item in item_rows:
        own = tuple(doc_action(a) for a in decided[item.id])
        items.append(DocItem(
            section=item.section,
            title=item.title,
            item_type=item.item_type,
            presenter=item.presenter,
            background=item.background,
            proposal=item.proposal,
            minutes_allotted=item.minutes_allotted,
            attachments=tuple(files[item.id]),
            discussion=item.discussion,
            decision=item.decision,
            votes=item.votes,
            dissents=tuple(f"{d.member_name}: {d.text}" if d.text else d.member_name
                           for d in dissents[item.id]),
            actions=(carried + own) if item.standard_key == "information" else own,
            workshop=tuple(
                DocWorkshopPoint(group=p.group_name, rank=p.rank, point=p.point,
                                 justification=p.justification, votes=p.votes)
                for p in workshop.ranked(points[item.id])
            ),
            corrections=tuple(corrections[item.id]),
            postponed_from=tuple(int(n) for n in item.postponed_from),
            decision_type=item.decision_type,
            amendment=item.amendment if item.decision_type == DecisionType.AMENDED else "",
            vote=_vote(item.vote),
            disqualified=tuple(DocDisqualification(name=d.member_name, reason=d.reason,
                                                   left_room=d.left_room)
                               for d in disqualified[item.id]),
            appealable=decisions.is_appealable(item, meeting),
            confidential_basis=item.confidential_basis,
        ))

    recorded = minutes.attendance(session, meeting.id)
    in_term = bodies.members(session, body.id, meeting.date)
    if recorded:
        attendees = tuple(
            DocAttendee(name=a.name, organisation=a.organisation, role=a.role, presence=a.presence,
                        deputy_for=a.deputy_for, arrived_at=a.arrived_at, left_at=a.left_at)
            for a in recorded
        )
    else:
        attendees = tuple(
            DocAttendee(name=bodies.person_name(session, m.representative_id),
                        organisation=bodies.organisation_name(session, m.organisation_id, names_in),
                        role=m.role)
            for m in in_term if m.representative_id
        )

    def email(person_id: uuid.UUID | None) -> str:
        person = session.get(ContactPerson, person_id) if person_id else None
        return person.email.strip() if person is not None and not person.deleted else ""

    secretary_seat = next((m for m in in_term if m.role == MemberRole.SECRETARY), None)
    organiser = email(secretary_seat.representative_id) if secretary_seat else ""
    invited: list[str] = []
    for member in in_term:
        address = email(member.representative_id)
        if address and address != organiser and address not in invited:
            invited.append(address)

    return MeetingDocument(
        meeting_id=meeting.id,
        body=body_name,
        number=meeting.number,
        date=meeting.date,
        language=lang,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        online_link=meeting.online_link,
        status=meeting.status,
        items=tuple(items),
        attendees=attendees,
        minute_checkers=tuple(meeting.minute_checkers),
        chair=meeting.chair or bodies.role_holder(session, body.id, MemberRole.CHAIR, meeting.date),
        secretary=meeting.secretary
        or bodies.role_holder(session, body.id, MemberRole.SECRETARY, meeting.date),
        approved_on=meeting.approved_on,
        organiser_email=organiser,
        attendee_emails=tuple(invited),
        corrections=tuple(corrections[None]),
        **_legality(meeting, record_kind, lang, legality),
    )


def _vote(stored: dict) -> DocVote | None:
    if not stored or not stored.get("proposals"):
        return None
    return DocVote(
        proposals=tuple(DocProposal(text=p["text"], proposer=p.get("proposer", ""),
                                    seconder=p.get("seconder", ""), votes=p.get("votes"))
                        for p in stored["proposals"]),
        roll_call=tuple((name, int(choice)) for name, choice in stored.get("roll_call", [])),
        result=stored.get("result", ""),
    )


def _legality(meeting, record_kind: str, language: str, legality) -> dict:  # noqa: ANN001
    """The legality block; a memo has none."""
    if record_kind != "minutes":
        return {"record_kind": record_kind}
    deadline = legality.appeal_deadline(meeting.notice_date)
    first = language.split("+")[0]
    return {
        "record_kind": record_kind,
        "checked": tuple(legality.checks(meeting)),
        "display_date": meeting.display_date,
        "display_place": meeting.display_place,
        "notice_date": meeting.notice_date,
        "appeal_deadline": deadline,
        "appeal_authority": legality.authority_of(meeting.body, first),
        "appeal_text": legality.appeal_text(meeting.body, language, deadline),
    }
