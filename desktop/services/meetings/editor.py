"""What the meetings page shows, read from the store as plain frozen data.

The page holds no records: each read here opens its own session and hands back dataclasses, so
a refresh after any change simply reads again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n.formatting import format_date, format_time
from desktop.services.meetings import (
    actions,
    attachments,
    bodies,
    decisions,
    legality,
    minutes,
    workshop,
)
from desktop.services.meetings.attachments import AttachmentRow
from desktop.services.meetings.common import (
    agenda_is_open,
    get_body,
    get_meeting,
    kind_of,
    live_items,
)
from desktop.services.meetings.rows import list_meetings
from desktop.services.meetings.template import default_decision
from desktop.services.vocabulary import label
from desktop.storage.models import ActionItem, AgendaItem, Meeting, Organisation
from desktop.storage.models.enums import ActionStatus, MeetingStatus, MemberRole, Presence
from desktop.storage.store import Store

# -- bodies and members ------------------------------------------------------------------


@dataclass(frozen=True)
class BodyChoice:
    id: uuid.UUID
    name: str
    default_language: str  # what a new meeting of the body is written in
    record_kind: str = "minutes"  # RecordKind code: what its meetings keep by default


@dataclass(frozen=True)
class MemberDetails:
    id: uuid.UUID
    organisation_id: uuid.UUID | None
    representative_id: uuid.UUID | None
    deputy_id: uuid.UUID | None
    organisation: str
    representative: str
    deputy: str
    role: str  # MemberRole code
    role_label: str
    term_start: dt.date | None
    term_end: dt.date | None
    current: bool


@dataclass(frozen=True)
class BodyDetails:
    id: uuid.UUID
    name_fi: str
    name_sv: str
    kind: str  # BodyKind code
    languages: tuple[str, ...]
    members: tuple[MemberDetails, ...]
    meetings: int
    record_kind: str = "minutes"  # RecordKind code
    appeal_authority: str = ""
    appeal_texts: tuple[tuple[str, str], ...] = ()  # (language, instructions): the body's or the shipped


def body_choices(store: Store, language: str) -> list[BodyChoice]:
    with store.read() as session:
        return [BodyChoice(b.id, b.display_name(language), bodies.default_language(b),
                           b.record_kind or "minutes")
                for b in bodies.list_bodies(session)]


def body_details(store: Store, body_id: uuid.UUID, language: str,
                 today: dt.date | None = None) -> BodyDetails:
    today = today or dt.date.today()
    with store.read() as session:
        body = get_body(session, body_id)
        seats = tuple(
            MemberDetails(
                id=m.id, organisation_id=m.organisation_id, representative_id=m.representative_id,
                deputy_id=m.deputy_id,
                organisation=bodies.organisation_name(session, m.organisation_id, language),
                representative=bodies.person_name(session, m.representative_id),
                deputy=bodies.person_name(session, m.deputy_id),
                role=m.role, role_label=label(MemberRole, m.role),
                term_start=m.term_start, term_end=m.term_end, current=bodies.in_term(m, today),
            )
            for m in bodies.members(session, body.id)
        )
        return BodyDetails(
            id=body.id, name_fi=body.name_fi, name_sv=body.name_sv, kind=body.kind,
            languages=tuple(body.languages or ()), members=seats,
            meetings=len(bodies.body_meetings(session, body.id)),
            record_kind=body.record_kind or "minutes", appeal_authority=body.appeal_authority,
            appeal_texts=tuple((code, legality.instructions(body, code))
                               for code in legality.APPEAL_LANGUAGES),
        )


def organisation_choices(store: Store, language: str) -> list[tuple[uuid.UUID, str]]:
    """Every organisation of the register by name, for choosing a member or an action's owner."""
    with store.read() as session:
        orgs = session.scalars(select(Organisation).where(Organisation.deleted.is_(False)))
        pairs = [(o.id, o.display_name(language)) for o in orgs]
    return sorted(pairs, key=lambda pair: pair[1].casefold())


def person_choices(store: Store, organisation_id: uuid.UUID | None = None) -> list[tuple[uuid.UUID, str]]:
    """The organisation's contact persons (everyone's when none is given), by name."""
    with store.read() as session:
        return bodies.contact_choices(session, organisation_id)


# -- the meetings list -------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingListRow:
    id: uuid.UUID
    body_id: uuid.UUID
    body: str
    reference: str  # "3/2026"
    date: dt.date
    when: str
    place: str
    status: str  # MeetingStatus code
    status_label: str
    items: int
    upcoming: bool


def _when(meeting: Meeting, language: str) -> str:
    start = format_time(meeting.start_time, language)
    end = format_time(meeting.end_time, language)
    span = f"{start}–{end}" if start and end else start
    return " ".join(part for part in (format_date(meeting.date, language), span) if part)


def meeting_list(store: Store, language: str, body_id: uuid.UUID | None = None,
                 today: dt.date | None = None) -> list[MeetingListRow]:
    """The meetings (of one body, or all), newest first."""
    today = today or dt.date.today()
    with store.read() as session:
        return [
            MeetingListRow(
                id=m.id, body_id=m.body_id, body=m.body.display_name(language),
                reference=f"{m.number}/{m.date.year}", date=m.date, when=_when(m, language),
                place=m.place or m.online_link, status=m.status,
                status_label=label(MeetingStatus, m.status),
                items=sum(1 for item in m.items if not item.deleted), upcoming=m.date >= today,
            )
            for m in list_meetings(session) if body_id is None or m.body_id == body_id
        ]


# -- one meeting -------------------------------------------------------------------------


@dataclass(frozen=True)
class DissentView:
    id: uuid.UUID
    member_name: str
    text: str


@dataclass(frozen=True)
class DisqualificationView:
    id: uuid.UUID
    member_name: str
    reason: str
    left_room: bool


@dataclass(frozen=True)
class WorkshopPointView:
    id: uuid.UUID
    group: str
    rank: int
    point: str
    justification: str
    votes: int


@dataclass(frozen=True)
class ItemView:
    id: uuid.UUID
    section: int
    title: str
    item_type: str  # ItemType code
    presenter: str
    minutes_allotted: int | None
    background: str
    proposal: str
    discussion: str
    decision: str
    votes: str
    standard_key: str
    suggested_decision: str  # what "approved as proposed" reads in the meeting's language
    postponed_from: tuple[int, ...]
    postponed: bool  # already sent on to a later meeting
    attachments: tuple[AttachmentRow, ...]
    dissents: tuple[DissentView, ...]
    workshop: tuple[WorkshopPointView, ...]  # by group, then rank
    ranked: tuple[WorkshopPointView, ...]  # most dot votes first
    decision_type: str = ""  # DecisionType code
    amendment: str = ""
    vote: dict | None = None  # as stored (proposals, roll_call, result); None: no vote
    appealable: bool = False  # as the minutes will say
    appealable_default: bool = False  # what the item type gives
    confidential_basis: str = ""
    disqualified: tuple[DisqualificationView, ...] = ()
    attendees: tuple[str, ...] = ()  # who took part in the item (the disqualified left out)
    voters: tuple[str, ...] = ()  # of them, those who vote (not the secretary or experts)
    # Attendees representing an organisation whose grant is decided in the item: ask about them.
    disqualification_prompts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class AttendanceView:
    id: uuid.UUID
    member_id: uuid.UUID | None
    name: str
    organisation: str
    role: str
    role_label: str
    presence: str  # Presence code
    deputy_for: str
    arrived_at: int | None
    left_at: int | None


@dataclass(frozen=True)
class ActionView:
    id: uuid.UUID
    meeting_id: uuid.UUID
    item_id: uuid.UUID | None
    meeting: str  # "3/2026"
    section: int | None
    what: str
    owner: str
    owner_person_id: uuid.UUID | None
    owner_organisation_id: uuid.UUID | None
    owner_text: str
    deadline: dt.date | None
    status: str  # ActionStatus code
    status_label: str
    overdue: bool
    minutes_locked: bool  # what was decided no longer changes; the follow-up does


@dataclass(frozen=True)
class CorrectionView:
    item_id: uuid.UUID | None
    line: str  # as the minutes print it


@dataclass(frozen=True)
class MeetingView:
    id: uuid.UUID
    body_id: uuid.UUID
    body: str
    body_names: tuple[str, str]  # Finnish and Swedish, for file names in a document's language
    number: int
    year: int
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    online_link: str
    language: str  # fi, sv, en or fi+sv
    status: str  # MeetingStatus code
    status_label: str
    locked: bool
    agenda_open: bool  # items come and go, § numbers follow them
    chair: str
    secretary: str
    minute_checkers: tuple[str, ...]
    checked_on: dt.date | None
    approved_on: dt.date | None
    items: tuple[ItemView, ...]
    attendance: tuple[AttendanceView, ...]
    actions: tuple[ActionView, ...]
    corrections: tuple[CorrectionView, ...]
    record_kind: str = "minutes"  # what the meeting keeps (RecordKind code)
    own_record_kind: str = ""  # "" = the body's
    body_record_kind: str = "minutes"
    display_date: dt.date | None = None
    display_place: str = ""
    notice_date: dt.date | None = None
    appeal_deadline: dt.date | None = None
    checks: tuple[tuple[str, dt.date], ...] = ()  # checkers who have checked, and when
    decision_wordings: tuple[tuple[str, str], ...] = ()  # (DecisionType code, wording) in its language

    @property
    def is_minutes(self) -> bool:
        return self.record_kind == "minutes"

    @property
    def reference(self) -> str:
        return f"{self.number}/{self.year}"

    def body_in(self, language: str) -> str:
        fi, sv = self.body_names
        return (sv or fi) if language == "sv" else (fi or sv)


def _points(rows: list) -> tuple[WorkshopPointView, ...]:
    return tuple(WorkshopPointView(p.id, p.group_name, p.rank, p.point, p.justification, p.votes)
                 for p in rows)


def _item(session: Session, meeting: Meeting, item: AgendaItem) -> ItemView:
    return ItemView(
        id=item.id, section=item.section, title=item.title, item_type=item.item_type,
        presenter=item.presenter, minutes_allotted=item.minutes_allotted,
        background=item.background, proposal=item.proposal, discussion=item.discussion,
        decision=item.decision, votes=item.votes, standard_key=item.standard_key,
        suggested_decision=default_decision(item.item_type, item.standard_key, meeting.language,
                                            list(meeting.minute_checkers)),
        postponed_from=tuple(int(n) for n in item.postponed_from),
        postponed=item.postponed_to_id is not None,
        attachments=tuple(attachments.item_attachments(session, item.id)),
        dissents=tuple(DissentView(d.id, d.member_name, d.text)
                       for d in minutes.dissents(session, item.id)),
        workshop=_points(workshop.workshop_points(session, item.id)),
        ranked=_points(workshop.ranked_summary(session, item.id)),
        decision_type=item.decision_type, amendment=item.amendment, vote=dict(item.vote) or None,
        appealable=decisions.is_appealable(item, meeting),
        appealable_default=decisions.default_appealable(item),
        confidential_basis=item.confidential_basis,
        disqualified=tuple(DisqualificationView(d.id, d.member_name, d.reason, d.left_room)
                           for d in decisions.disqualifications(session, item.id)),
        attendees=tuple(a.name for a in decisions.item_attendees(session, item)),
        voters=tuple(a.name for a in decisions.item_attendees(session, item)
                     if a.role != MemberRole.SECRETARY and a.presence != Presence.EXPERT),
        disqualification_prompts=tuple((p.name, p.organisation)
                                       for p in decisions.disqualification_prompts(session, item.id)),
    )


def _action(session: Session, action: ActionItem, language: str, today: dt.date) -> ActionView:
    meeting = get_meeting(session, action.meeting_id)
    item = session.get(AgendaItem, action.item_id) if action.item_id else None
    return ActionView(
        id=action.id, meeting_id=meeting.id, item_id=action.item_id,
        meeting=f"{meeting.number}/{meeting.date.year}",
        section=item.section if item is not None and not item.deleted else None,
        what=action.what, owner=actions.owner_label(session, action, language),
        owner_person_id=action.owner_person_id,
        owner_organisation_id=action.owner_organisation_id, owner_text=action.owner_text,
        deadline=action.deadline, status=action.status,
        status_label=label(ActionStatus, action.status),
        overdue=actions.is_overdue(action, today), minutes_locked=meeting.locked,
    )


def meeting_view(store: Store, meeting_id: uuid.UUID, language: str,
                 today: dt.date | None = None) -> MeetingView:
    """Everything the meeting editor shows, in the user's ``language`` (the texts themselves
    are in the meeting's)."""
    today = today or dt.date.today()
    with store.read() as session:
        meeting = get_meeting(session, meeting_id)
        body = meeting.body
        return MeetingView(
            id=meeting.id, body_id=body.id, body=body.display_name(language),
            body_names=(body.name_fi, body.name_sv), number=meeting.number,
            year=meeting.date.year, date=meeting.date, start_time=meeting.start_time,
            end_time=meeting.end_time, place=meeting.place, online_link=meeting.online_link,
            language=meeting.language, status=meeting.status,
            status_label=label(MeetingStatus, meeting.status), locked=meeting.locked,
            agenda_open=agenda_is_open(meeting), chair=meeting.chair,
            secretary=meeting.secretary, minute_checkers=tuple(meeting.minute_checkers),
            checked_on=meeting.checked_on, approved_on=meeting.approved_on,
            items=tuple(_item(session, meeting, i) for i in live_items(session, meeting.id)),
            attendance=tuple(
                AttendanceView(a.id, a.member_id, a.name, a.organisation, a.role,
                               label(MemberRole, a.role), a.presence, a.deputy_for,
                               a.arrived_at, a.left_at)
                for a in minutes.attendance(session, meeting.id)
            ),
            actions=tuple(_action(session, a, language, today)
                          for a in actions.meeting_actions(session, meeting.id)),
            corrections=tuple(
                CorrectionView(row.item_id, line) for row, line in zip(
                    minutes.corrections(session, meeting.id),
                    minutes.correction_lines(session, meeting.id, language, all_items=True),
                    strict=True)
            ),
            record_kind=kind_of(meeting), own_record_kind=meeting.record_kind,
            body_record_kind=body.record_kind or "minutes",
            display_date=meeting.display_date, display_place=meeting.display_place,
            notice_date=meeting.notice_date,
            appeal_deadline=legality.appeal_deadline(meeting.notice_date),
            checks=tuple(legality.checks(meeting)),
            decision_wordings=tuple(decisions.wordings(meeting.language).items()),
        )


def body_open_actions(store: Store, body_id: uuid.UUID, language: str,
                      today: dt.date | None = None) -> list[ActionView]:
    """The body's open actions from all its meetings, overdue first."""
    today = today or dt.date.today()
    with store.read() as session:
        return [_action(session, a, language, today)
                for a in actions.open_action_items(session, body_id, today)]


@dataclass(frozen=True)
class EarlierItem:
    id: uuid.UUID
    section: int
    title: str


@dataclass(frozen=True)
class EarlierMeeting:
    id: uuid.UUID
    label: str  # "3/2026 22.9.2026"
    items: tuple[EarlierItem, ...]


def other_meetings(store: Store, meeting_id: uuid.UUID, language: str) -> list[EarlierMeeting]:
    """The body's other meetings, newest first, with their items: where items are copied from."""
    with store.read() as session:
        meeting = get_meeting(session, meeting_id)
        others = [m for m in bodies.body_meetings(session, meeting.body_id) if m.id != meeting.id]
        return [
            EarlierMeeting(
                id=m.id, label=f"{m.number}/{m.date.year} {format_date(m.date, language)}",
                items=tuple(EarlierItem(i.id, i.section, i.title)
                            for i in live_items(session, m.id) if not i.standard_key),
            )
            for m in reversed(others)
        ]
