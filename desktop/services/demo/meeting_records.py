"""The demo's meeting records the Finnish way (#10): decision types of the decisions already
written, the legality block of approved minutes (each checker's check, public display, the
notice), and a disqualification where the table decided a member organisation's grant."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.meetings.decisions import wordings
from desktop.storage.models import (
    AgendaItem,
    BodyMember,
    Disqualification,
    GrantApplication,
    GrantDecision,
    Meeting,
    MeetingAttendance,
)
from desktop.storage.models.enums import DecisionType, ItemType, MeetingStatus, Presence

DISPLAY_PLACE = {"fi": "Pohjanmaan hyvinvointialueen verkkosivut",
                 "sv": "Välfärdsområdet Österbottens webbplats"}
REASON = {"fi": "Hakijajärjestön edustaja (HL 28 § 1 mom. 5 k)",
          "sv": "Representant för den sökande organisationen (FL 28 § 1 mom. 5 p.)"}


def fill_meeting_records(session: Session) -> int:
    """Decision types, legality and disqualification for the meetings already held; returns
    the number of disqualifications recorded."""
    session.flush()
    held = session.scalars(
        select(Meeting).where(Meeting.status.in_((MeetingStatus.HELD, MeetingStatus.MINUTES_CHECKED,
                                                  MeetingStatus.MINUTES_APPROVED)),
                              Meeting.deleted.is_(False))
        .order_by(Meeting.date)).all()
    for meeting in held:
        standard = {text: code for code, text in wordings(meeting.language).items()}
        for item in meeting.items:
            if item.deleted or not item.decision or item.decision_type:
                continue
            code = standard.get(item.decision.strip())
            if code is None and item.item_type == ItemType.INFORMATION and not item.standard_key:
                code = DecisionType.NOTED
            if code is not None:
                item.decision_type = code
        if meeting.approved_on is not None:
            checked = meeting.checked_on or meeting.approved_on
            meeting.checks = [{"name": name, "on": checked.isoformat()} for name in meeting.minute_checkers]
            notice = meeting.approved_on + dt.timedelta(days=1)
            meeting.notice_date = notice
            meeting.display_date = notice
            meeting.display_place = DISPLAY_PLACE["sv" if meeting.language == "sv" else "fi"]
    return _disqualify(session)


def _disqualify(session: Session) -> int:
    """The member whose organisation's grant an item decided is recorded disqualified for it."""
    count = 0
    for item, organisation_id in session.execute(
            select(AgendaItem, GrantApplication.organisation_id)
            .join(GrantDecision, GrantDecision.agenda_item_id == AgendaItem.id)
            .join(GrantApplication, GrantApplication.id == GrantDecision.application_id)
            .where(GrantDecision.deleted.is_(False), AgendaItem.deleted.is_(False))).all():
        attendee = session.scalars(
            select(MeetingAttendance)
            .join(BodyMember, BodyMember.id == MeetingAttendance.member_id)
            .where(MeetingAttendance.meeting_id == item.meeting_id,
                   MeetingAttendance.deleted.is_(False), BodyMember.organisation_id == organisation_id,
                   MeetingAttendance.presence.in_((Presence.PRESENT, Presence.DEPUTY)))).first()
        if attendee is None:
            continue
        language = item.meeting.language
        session.add(Disqualification(item_id=item.id, member_name=attendee.name,
                                     reason=REASON["sv" if language == "sv" else "fi"], left_room=True))
        count += 1
    return count
