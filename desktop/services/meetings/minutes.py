"""The minutes: the meeting's status, attendance, decisions, dissents, minute checkers, approval,
and corrections of approved minutes.

The status moves planned → agenda sent → held → minutes checked → minutes approved. Moving
forward checks each step's rule (an agenda has items; a meeting is held on or after its date;
checked minutes have attendance, checkers who were present and a decision in every decision and
information item); moving back is allowed until the minutes are approved, which locks them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.i18n.formatting import format_date
from desktop.services.meetings.bodies import members, organisation_name, person_name
from desktop.services.meetings.common import (
    STATUS_ORDER,
    clean,
    ensure_unlocked,
    get_item,
    get_meeting,
    kind_of,
    live_items,
    remove_item_row,
    status_index,
)
from desktop.services.meetings.decisions import ITEM_RECORD_FIELDS, apply_item_fields
from desktop.services.meetings.numbering import renumber
from desktop.services.meetings.template import default_decision, languages_of, translated
from desktop.services.records import Seen, apply_fields, edit_fields, live, seen
from desktop.storage.base import utcnow
from desktop.storage.models import (
    AgendaItem,
    BodyMember,
    DissentingOpinion,
    Meeting,
    MeetingAttendance,
    MinutesCorrection,
)
from desktop.storage.models.enums import ItemType, MeetingStatus, MemberRole, Presence, RecordKind
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

ATTENDANCE_FIELDS = frozenset(
    {"name", "organisation", "role", "presence", "deputy_for", "arrived_at", "left_at"})
# What a correction of approved minutes may change, per kind of record.
CORRECTABLE = {
    "meeting": frozenset({"place", "start_time", "end_time", "online_link", "chair", "secretary",
                          "minute_checkers"}),
    "item": frozenset({"title", "presenter", "background", "proposal", "discussion", "decision",
                       "votes", "decision_type", "amendment", "appealable", "confidential_basis"}),
    "attendance": ATTENDANCE_FIELDS,
}
PRESENT_KINDS = (Presence.PRESENT, Presence.DEPUTY, Presence.EXPERT)


# -- status ------------------------------------------------------------------------------


def _missing_decisions(session: Session, meeting: Meeting) -> list[int]:
    return [
        item.section for item in live_items(session, meeting.id)
        if item.item_type in (ItemType.DECISION, ItemType.INFORMATION) and not clean(item.decision)
    ]


def _step_forward(session: Session, meeting: Meeting, target: MeetingStatus, today: dt.date) -> None:
    if target == MeetingStatus.AGENDA_SENT:
        if not live_items(session, meeting.id):
            raise ValidationError(_("An agenda needs at least one item before it is sent."))
    elif target == MeetingStatus.HELD:
        if meeting.date > today:
            raise ValidationError(
                _("The meeting is on {date}: it can be marked held on that day or later.").format(
                    date=format_date(meeting.date)))
        for item in live_items(session, meeting.id):
            if not item.decision:
                item.decision = default_decision(
                    item.item_type, item.standard_key, meeting.language, list(meeting.minute_checkers))
    elif target == MeetingStatus.MINUTES_CHECKED:
        present = {a.name.casefold() for a in attendance(session, meeting.id)
                   if a.presence in PRESENT_KINDS}
        if not present:
            raise ValidationError(_("Record who attended before the minutes are checked."))
        minutes_kind = kind_of(meeting) == RecordKind.MINUTES
        if minutes_kind and not meeting.minute_checkers:
            raise ValidationError(_("Record the minute checkers before the minutes are checked."))
        absent = [n for n in meeting.minute_checkers if n.casefold() not in present]
        if absent:
            raise ValidationError(
                _("The minute checker {name} is not recorded as present.").format(name=absent[0]))
        missing = _missing_decisions(session, meeting)
        if missing:
            raise ValidationError(
                _("These items have no decision yet: {sections}.").format(
                    sections=", ".join(f"§ {n}" for n in missing)))
        meeting.checked_on = today
        if minutes_kind:  # checkers whose own check was not recorded checked on the day
            done = {c["name"].casefold() for c in meeting.checks or []}
            unchecked = [{"name": n, "on": today.isoformat()} for n in meeting.minute_checkers
                         if n.casefold() not in done]
            if unchecked:
                meeting.checks = [*(meeting.checks or []), *unchecked]
    elif target == MeetingStatus.MINUTES_APPROVED:
        if today < meeting.date:
            raise ValidationError(_("Minutes cannot be approved before the meeting."))
        meeting.approved_on = today
        meeting.locked = True


def set_status(
    store: Store, meeting_id: uuid.UUID, status: str, *, today: dt.date | None = None
) -> Changes:
    """Move the meeting to ``status``, through each step in between (``today``: the date
    recorded for checking or approval; by default the real date)."""
    target = MeetingStatus(status)
    day = today or dt.date.today()

    def apply(session: Session) -> None:
        meeting = get_meeting(session, meeting_id)
        current = status_index(meeting.status)
        wanted = STATUS_ORDER.index(target)
        if current == wanted:
            return
        ensure_unlocked(meeting)
        if wanted > current:
            for step in STATUS_ORDER[current + 1:wanted + 1]:
                _step_forward(session, meeting, step, day)
                meeting.status = step
            return
        meeting.status = target
        if wanted < status_index(MeetingStatus.MINUTES_CHECKED):
            meeting.checked_on = None
        if target == MeetingStatus.PLANNED:  # the agenda is recalled: numbers are open again
            renumber(session, meeting.body_id, meeting.date.year)

    return store.run("meeting status", apply)


def send_agenda(store: Store, meeting_id: uuid.UUID) -> Changes:
    return set_status(store, meeting_id, MeetingStatus.AGENDA_SENT)


def approve_minutes(store: Store, meeting_id: uuid.UUID, on: dt.date | None = None) -> Changes:
    """Approve (and lock) the minutes; ``on`` is the approval date, by default today."""
    return set_status(store, meeting_id, MeetingStatus.MINUTES_APPROVED, today=on)


# -- attendance --------------------------------------------------------------------------


def attendance(session: Session, meeting_id: uuid.UUID) -> list[MeetingAttendance]:
    return list(session.scalars(
        select(MeetingAttendance)
        .where(MeetingAttendance.meeting_id == meeting_id, MeetingAttendance.deleted.is_(False))
        .order_by(MeetingAttendance.position, MeetingAttendance.created_at)
    ))


def _name_language(meeting: Meeting) -> str:
    return "sv" if meeting.language == "sv" else "fi"


def _member_defaults(session: Session, meeting: Meeting, member: BodyMember, presence: str) -> dict:
    representative = person_name(session, member.representative_id)
    deputy = person_name(session, member.deputy_id)
    attends_as_deputy = presence == Presence.DEPUTY
    return {
        "name": deputy if attends_as_deputy else representative,
        "deputy_for": representative if attends_as_deputy else "",
        "organisation": organisation_name(session, member.organisation_id, _name_language(meeting)),
        "role": member.role,
    }


def _check_attendance(session: Session, meeting: Meeting, values: dict[str, Any],
                      exclude: uuid.UUID | None) -> None:
    try:
        values["presence"] = Presence(values["presence"]).value
        values["role"] = MemberRole(values["role"]).value
    except ValueError as exc:
        raise ValidationError(_("Unknown presence or role.")) from exc
    for key in ("name", "organisation", "deputy_for"):
        values[key] = clean(values.get(key))
    if not values["name"]:
        raise ValidationError(_("An attendee needs a name."))
    if values["presence"] == Presence.DEPUTY and not values["deputy_for"]:
        raise ValidationError(_("Say whose deputy {name} is.").format(name=values["name"]))
    arrived, left = values.get("arrived_at"), values.get("left_at")
    if values["presence"] == Presence.ABSENT and (arrived or left):
        raise ValidationError(_("An absent member neither arrives nor leaves."))
    sections = {item.section for item in live_items(session, meeting.id)}
    for section in (arrived, left):
        if section is not None and section not in sections:
            raise ValidationError(_("There is no § {section} in this meeting.").format(section=section))
    if arrived is not None and left is not None and left < arrived:
        raise ValidationError(_("{name} cannot leave before arriving.").format(name=values["name"]))
    member_id = values.get("member_id")
    for other in attendance(session, meeting.id):
        if other.id == exclude:
            continue
        if (member_id is not None and other.member_id == member_id) or (
                other.name.casefold() == values["name"].casefold()):
            raise ValidationError(_("{name} is already in the attendance.").format(name=values["name"]))


def record_attendance(
    store: Store, meeting_id: uuid.UUID, *, member_id: uuid.UUID | None = None, name: str = "",
    presence: str = Presence.PRESENT, deputy_for: str = "", organisation: str | None = None,
    role: str | None = None, arrived_at: int | None = None, left_at: int | None = None,
) -> tuple[uuid.UUID, Changes]:
    """One attendee: a member (name, organisation and role from the register; the deputy's name
    when the deputy attends) or a free name (an expert, a guest)."""

    def apply(session: Session) -> uuid.UUID:
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        defaults = {"name": "", "deputy_for": "", "organisation": "", "role": MemberRole.MEMBER}
        if member_id is not None:
            member = session.get(BodyMember, member_id)
            if member is None or member.deleted or member.body_id != meeting.body_id:
                raise ValidationError(_("The member no longer exists."))
            defaults = _member_defaults(session, meeting, member, presence)
        values: dict[str, Any] = {
            "name": clean(name) or defaults["name"],
            "deputy_for": clean(deputy_for) or defaults["deputy_for"],
            "organisation": defaults["organisation"] if organisation is None else organisation,
            "role": role or defaults["role"],
        }
        values |= {"member_id": member_id, "presence": presence, "arrived_at": arrived_at,
                   "left_at": left_at}
        _check_attendance(session, meeting, values, None)
        position = 1 + max((a.position for a in attendance(session, meeting.id)), default=0)
        row = MeetingAttendance(meeting_id=meeting.id, position=position, **values)
        session.add(row)
        session.flush()
        return row.id

    return store.run_returning("record attendance", apply)


def fill_attendance(store: Store, meeting_id: uuid.UUID) -> Changes:
    """Add every member whose term covers the meeting date (as present) who is not listed yet."""

    def apply(session: Session) -> None:
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        rows = attendance(session, meeting.id)
        listed = {a.member_id for a in rows}
        names = {a.name.casefold() for a in rows}
        position = max((a.position for a in rows), default=0)
        for member in members(session, meeting.body_id, meeting.date):
            if member.id in listed:
                continue
            values = _member_defaults(session, meeting, member, Presence.PRESENT)
            if not values["name"] or values["name"].casefold() in names:
                continue
            position += 1
            session.add(MeetingAttendance(meeting_id=meeting.id, member_id=member.id,
                                          position=position, presence=Presence.PRESENT, **values))

    return store.run("record attendance", apply)


def _attendance_row(session: Session, attendance_id: uuid.UUID) -> MeetingAttendance:
    return live(session, MeetingAttendance, attendance_id,
                N_("The attendee is no longer in the attendance."))


def _apply_attendance(session: Session, row: MeetingAttendance, fields: dict[str, Any]) -> None:
    meeting = get_meeting(session, row.meeting_id)
    values = {key: getattr(row, key) for key in ATTENDANCE_FIELDS} | fields
    if (fields.get("presence") == Presence.DEPUTY and row.member_id is not None
            and "name" not in fields and row.presence != Presence.DEPUTY):
        member = session.get(BodyMember, row.member_id)
        if member is not None:
            defaults = _member_defaults(session, meeting, member, Presence.DEPUTY)
            values["name"] = defaults["name"] or values["name"]
            values["deputy_for"] = values["deputy_for"] or defaults["deputy_for"]
    if values["presence"] != Presence.DEPUTY and "deputy_for" not in fields:
        values["deputy_for"] = ""
    values["member_id"] = row.member_id
    _check_attendance(session, meeting, values, row.id)
    del values["member_id"]
    apply_fields(row, values)


def update_attendance(store: Store, attendance_id: uuid.UUID, *, start: Seen | None = None,
                      **fields: Any) -> Changes:
    """Change presence, arrival or leaving §, name, organisation, role or whose deputy.

    An edit from ``start`` (the row as the table showed it) keeps what another secretary
    saved meanwhile, or raises ``EditConflict`` for a field both changed."""
    unknown = set(fields) - ATTENDANCE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def apply(session: Session) -> None:
        row = _attendance_row(session, attendance_id)
        ensure_unlocked(get_meeting(session, row.meeting_id))
        _apply_attendance(session, row, edit_fields(session, row, fields, start))

    return store.run("edit attendance", apply)


def remove_attendance(store: Store, attendance_id: uuid.UUID) -> Changes:
    def apply(session: Session) -> None:
        row = _attendance_row(session, attendance_id)
        ensure_unlocked(get_meeting(session, row.meeting_id))
        row.deleted = True

    return store.run("edit attendance", apply)


# -- decisions, dissents, checkers ---------------------------------------------------------


def suggested_decision(session: Session, item_id: uuid.UUID) -> str:
    """The decision an editor pre-fills for the item, in the meeting's language."""
    item = get_item(session, item_id)
    meeting = item.meeting
    return default_decision(item.item_type, item.standard_key, meeting.language,
                            list(meeting.minute_checkers))


# What the minutes form edits of an item and a save from it checks against another user's.
# Not ``appealable``: stored as None, it follows the item's type, which the form shows worked
# out; the officer's click on it is written as chosen.
DECISION_FIELDS = frozenset({"discussion", "decision", "votes"}) | (
    ITEM_RECORD_FIELDS - {"appealable"})


def decision_seen(session: Session, item_id: uuid.UUID) -> Seen:
    """The item as the minutes form starts from, to hand back to :func:`record_decision`."""
    return seen(get_item(session, item_id), DECISION_FIELDS)


def record_decision(
    store: Store, item_id: uuid.UUID, *, decision: str | None = None,
    discussion: str | None = None, votes: str | None = None, start: Seen | None = None,
    suggested: bool = False, **record: Any,
) -> Changes:
    """The minutes of one item: what was discussed, decided, and how the vote went; ``record``
    takes the decision type, amendment, appealability and confidential basis
    (``decisions.ITEM_RECORD_FIELDS``; a new type brings its standard wording).

    An edit from ``start`` (:func:`decision_seen`) keeps what another secretary saved
    meanwhile, or raises ``EditConflict`` for a field both changed (``records.apply_edit``).
    ``suggested``: ``decision`` is the wording the form suggested, which nobody typed; a
    decision saved meanwhile stands without a question."""
    fields = {key: value for key, value in
              (("discussion", discussion), ("votes", votes), ("decision", decision))
              if value is not None}
    unknown = set(record) - ITEM_RECORD_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def apply(session: Session) -> None:
        item = get_item(session, item_id)
        ensure_unlocked(item.meeting)
        wanted = {**fields, **record}
        if suggested and start is not None and item.decision != start.values.get("decision"):
            wanted.pop("decision", None)
        written = edit_fields(session, item, wanted, start)
        apply_fields(item, {key: written.pop(key) for key in ("discussion", "votes")
                            if key in written})
        apply_item_fields(session, item, written)

    return store.run("record decision", apply)


def dissents(session: Session, item_id: uuid.UUID) -> list[DissentingOpinion]:
    return list(session.scalars(
        select(DissentingOpinion)
        .where(DissentingOpinion.item_id == item_id, DissentingOpinion.deleted.is_(False))
        .order_by(DissentingOpinion.created_at)
    ))


def add_dissent(store: Store, item_id: uuid.UUID, member_name: str, text: str = "") -> tuple[uuid.UUID, Changes]:
    """A dissenting opinion on an item's decision, by a member (with its text, if any)."""
    member_name = clean(member_name)
    if not member_name:
        raise ValidationError(_("A dissenting opinion needs the member's name."))

    def apply(session: Session) -> uuid.UUID:
        item = get_item(session, item_id)
        ensure_unlocked(item.meeting)
        row = DissentingOpinion(item_id=item.id, member_name=member_name, text=clean(text))
        session.add(row)
        session.flush()
        return row.id

    return store.run_returning("add dissenting opinion", apply)


def remove_dissent(store: Store, dissent_id: uuid.UUID) -> Changes:
    return store.run("remove dissenting opinion", lambda session: remove_item_row(
        session, DissentingOpinion, dissent_id, N_("The dissenting opinion no longer exists.")))


def _checkers_item(session: Session, meeting: Meeting) -> AgendaItem | None:
    return next((i for i in live_items(session, meeting.id) if i.standard_key == "minute_checkers"), None)


def set_minute_checkers(store: Store, meeting_id: uuid.UUID, names: list[str]) -> Changes:
    """The minute checkers elected; the election item's decision follows while it is the
    standard wording (a decision the secretary rewrote is left alone)."""
    cleaned: list[str] = []
    for name in names:
        name = clean(name)
        if name and name.casefold() not in {n.casefold() for n in cleaned}:
            cleaned.append(name)

    def apply(session: Session) -> None:
        meeting = get_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        item = _checkers_item(session, meeting)
        if item is not None:
            before = default_decision(item.item_type, item.standard_key, meeting.language,
                                      list(meeting.minute_checkers))
            if not item.decision or item.decision == before:
                item.decision = default_decision(item.item_type, item.standard_key,
                                                 meeting.language, cleaned)
        if list(meeting.minute_checkers) != cleaned:
            meeting.minute_checkers = cleaned

    return store.run("minute checkers", apply)


# -- corrections of approved minutes -------------------------------------------------------


def corrections(session: Session, meeting_id: uuid.UUID) -> list[MinutesCorrection]:
    return list(session.scalars(
        select(MinutesCorrection)
        .where(MinutesCorrection.meeting_id == meeting_id, MinutesCorrection.deleted.is_(False))
        .order_by(MinutesCorrection.made_at, MinutesCorrection.created_at)
    ))


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return list(value) if isinstance(value, list) else value


def correct_minutes(
    store: Store, meeting_id: uuid.UUID, text: str, *, who: str | None = None,
    item_id: uuid.UUID | None = None, attendance_id: uuid.UUID | None = None,
    fields: dict[str, Any] | None = None,
) -> tuple[uuid.UUID, Changes]:
    """Change approved minutes the only way they change: as a recorded correction saying what
    and why (``text``), by whom and when, with the old and new values of what it changed.

    ``fields`` are changed on the item (``item_id``), the attendee (``attendance_id``) or else
    the meeting; a correction may also only be a note (no fields).
    """
    text = clean(text)
    if not text:
        raise ValidationError(_("Say what the correction is and why."))
    fields = dict(fields or {})
    kind = "item" if item_id else "attendance" if attendance_id else "meeting"
    unknown = set(fields) - CORRECTABLE[kind]
    if unknown:
        raise ValidationError(_("These cannot be corrected: {fields}.").format(
            fields=", ".join(sorted(unknown))))

    def apply(session: Session) -> uuid.UUID:
        meeting = get_meeting(session, meeting_id)
        if not meeting.locked:
            raise ValidationError(
                _("The minutes are not approved yet: edit them directly, no correction is needed."))
        target: Any = meeting
        if item_id is not None:
            target = get_item(session, item_id)
        elif attendance_id is not None:
            target = _attendance_row(session, attendance_id)
        if target is not meeting and target.meeting_id != meeting.id:
            raise ValidationError(_("The corrected record is not part of this meeting."))
        if kind == "item" and "title" in fields and not clean(fields["title"]):
            raise ValidationError(_("An agenda item needs a title."))
        changed = {key: [_jsonable(getattr(target, key)), _jsonable(value)]
                   for key, value in fields.items() if getattr(target, key) != value}
        if kind == "attendance":
            _apply_attendance(session, target, fields)
        else:
            apply_fields(target, fields)
        row = MinutesCorrection(
            meeting_id=meeting.id, item_id=item_id, text=text, made_at=utcnow(),
            who=clean(who if who is not None else store.officer), changes=changed,
        )
        session.add(row)
        session.flush()
        return row.id

    return store.run_returning("correct minutes", apply)


def correction_lines(session: Session, meeting_id: uuid.UUID, language: str,
                     item_id: uuid.UUID | None = None, all_items: bool = False) -> list[str]:
    """Corrections as the minutes print them: ``Korjattu 3.12.2026 (Maija Meikäläinen): …``;
    those of one item (or of the meeting itself, ``item_id`` None), or ``all_items``."""
    return [correction_text(row, language) for row in corrections(session, meeting_id)
            if all_items or row.item_id == item_id]


def correction_text(row: MinutesCorrection, language: str) -> str:
    day = format_date(row.made_at.date(), languages_of(language)[0])
    prefix = translated(language, N_("Corrected {date}"), date=day)
    return f"{prefix} ({row.who}): {row.text}" if row.who else f"{prefix}: {row.text}"
