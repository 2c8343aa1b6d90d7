"""The demo's minutes: attendance, approval, action items, workshop results and a dissent for the
meetings already held. Data as the secretary would type it, in Finnish and Swedish."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.meetings.bodies import members, organisation_name, person_name
from desktop.storage.models import (
    ActionItem,
    AgendaItem,
    ContactPerson,
    DissentingOpinion,
    Meeting,
    MeetingAttendance,
    WorkshopPoint,
)
from desktop.storage.models.enums import ActionStatus, ItemType, MeetingStatus, MemberRole, Presence

# (fi, sv) pairs of what a meeting asks someone to do.
ACTIONS: tuple[tuple[str, str], ...] = (
    ("Sihteeri kokoaa ehdotuksen seuraavaan kokoukseen.",
     "Sekreteraren sammanställer ett förslag till nästa möte."),
    ("Jäsenjärjestöt toimittavat tilatarpeensa kyselyyn kuukauden kuluessa.",
     "Medlemsorganisationerna svarar på enkäten om lokalbehov inom en månad."),
    ("Kumppanuuspöydän lausunto lähetetään hyvinvointialueen hallitukselle.",
     "Partnerskapsbordets utlåtande skickas till välfärdsområdets styrelse."),
    ("Viestintäsuunnitelman mukainen tiedote julkaistaan verkkosivuilla suomeksi ja ruotsiksi.",
     "Ett pressmeddelande enligt kommunikationsplanen publiceras på webben på finska och svenska."),
    ("Järjestöareenan kutsu lähetetään alueen järjestöille.",
     "Inbjudan till organisationsarenan skickas till organisationerna i området."),
    ("Selvitetään Lähellä.fi-palvelun koulutustarve järjestöissä.",
     "Utbildningsbehovet för tjänsten Lähellä.fi i organisationerna kartläggs."),
)

# A workshop's groups and their three points, in order, with justifications (fi, sv).
WORKSHOP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Ryhmä A / Grupp A", (
        ("Maksuttomat tilat kohtuullisella varauskäytännöllä",
         "Tilakustannukset ovat pienten yhdistysten suurin este."),
        ("Yksi yhteyshenkilö hyvinvointialueella", "Järjestöjen ei tarvitse etsiä oikeaa ihmistä."),
        ("Avustusten monivuotisuus", "Toimintaa voi suunnitella pidemmälle."),
    )),
    ("Ryhmä B / Grupp B", (
        ("Kokemustieto mukaan palveluiden suunnitteluun",
         "Palvelut osuvat paremmin, kun käyttäjät ovat mukana."),
        ("Maksuttomat tilat", "Kokoontumispaikat puuttuvat monesta kylästä."),
        ("Palveluohjaus järjestötoimintaan", "Asukkaat eivät tiedä, mitä lähellä on tarjolla."),
    )),
    ("Ryhmä C / Grupp C", (
        ("Ajantasainen tieto järjestöjen toiminnasta",
         "Järjestöpankki estää päällekkäistä työtä."),
        ("Vapaaehtoisten tuki ja koulutus", "Vapaaehtoiset jaksavat, kun heitä tuetaan."),
        ("Kaksikielinen viestintä", "Ruotsinkieliset järjestöt jäävät muuten sivuun."),
    )),
)


@dataclass
class MinutesSummary:
    attendances: int = 0
    actions: int = 0
    workshop_points: int = 0
    meetings: list[Meeting] = field(default_factory=list)


def _text(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "fi" else f"{pair[0]}\n\n{pair[1]}"


def fill_minutes(session: Session, rng: random.Random, today: dt.date, secretary: ContactPerson) -> MinutesSummary:
    """Minutes records for every meeting already held, oldest first."""
    session.flush()
    summary = MinutesSummary()
    held = session.scalars(
        select(Meeting).where(Meeting.status.in_((MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)))
        .order_by(Meeting.date)
    ).all()
    dates = sorted(session.scalars(select(Meeting.date)).all())
    present: dict[object, list[str]] = {}
    for meeting in held:
        items = [i for i in meeting.items if not i.deleted]
        present[meeting.id] = _attendance(session, rng, meeting, summary)
        if meeting.status == MeetingStatus.MINUTES_APPROVED:
            later = [d for d in dates if d > meeting.date]
            approved = min(later[0] if later else meeting.date + dt.timedelta(days=14), today)
            meeting.checked_on = min(meeting.date + dt.timedelta(days=7), approved)
            meeting.approved_on = approved
            meeting.locked = True
        topical = [i for i in items if not i.standard_key and i.item_type != ItemType.INFORMATION]
        for item in rng.sample(topical, k=min(len(topical), rng.randint(1, 2))):
            pair = rng.choice(ACTIONS)
            deadline = meeting.date + dt.timedelta(days=rng.choice((21, 30, 45, 60)))
            settled = deadline < today - dt.timedelta(days=30) and rng.random() < 0.7
            session.add(ActionItem(
                body_id=meeting.body_id, meeting_id=meeting.id, item_id=item.id,
                what=_text(pair, meeting.language),
                owner_person_id=secretary.id if rng.random() < 0.5 else None,
                owner_text="" if rng.random() < 0.5 else "Kumppanuuspöydän jäsenjärjestöt",
                deadline=deadline,
                status=ActionStatus.DONE if settled else rng.choice(
                    (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)),
                completed_on=min(deadline, today) if settled else None,
            ))
            summary.actions += 1
        for item in items:
            if item.item_type == ItemType.WORKSHOP:
                _workshop(session, rng, item, summary)
        summary.meetings.append(meeting)
    _one_overdue(session, today)
    decisions = [i for m in held for i in m.items
                 if i.item_type == ItemType.DECISION and not i.standard_key and not i.deleted]
    if decisions:
        item = rng.choice(decisions)
        if present.get(item.meeting_id):
            session.add(DissentingOpinion(
                item_id=item.id, member_name=rng.choice(present[item.meeting_id]),
                text="Esitys olisi pitänyt valmistella yhdessä kuntien kanssa."))
    return summary


def _attendance(
    session: Session, rng: random.Random, meeting: Meeting, summary: MinutesSummary
) -> list[str]:
    """The members of the meeting's day, most present, some by their deputy; the names present."""
    present = []
    must_attend = set(meeting.minute_checkers)
    sections = [i.section for i in meeting.items if not i.deleted]
    for position, member in enumerate(members(session, meeting.body_id, meeting.date), start=1):
        name = person_name(session, member.representative_id)
        if not name:
            continue
        presence, deputy_for = Presence.PRESENT, ""
        roll = rng.random()
        ordinary = name not in must_attend and member.role not in (MemberRole.CHAIR, MemberRole.SECRETARY)
        if ordinary:
            if roll < 0.12 and member.deputy_id:
                presence, deputy_for = Presence.DEPUTY, name
                name = person_name(session, member.deputy_id)
            elif roll < 0.22:
                presence = Presence.ABSENT
        late = ordinary and presence == Presence.PRESENT and len(sections) > 4 and rng.random() < 0.08
        arrived = sections[4] if late else None
        session.add(MeetingAttendance(
            meeting_id=meeting.id, member_id=member.id, position=position, name=name,
            organisation=organisation_name(session, member.organisation_id, "fi"),
            role=member.role, presence=presence, deputy_for=deputy_for, arrived_at=arrived,
        ))
        summary.attendances += 1
        if presence == Presence.PRESENT:
            present.append(name)
    return present


def _workshop(session: Session, rng: random.Random, item: AgendaItem, summary: MinutesSummary) -> None:
    for group, points in WORKSHOP:
        for rank, (point, why) in enumerate(points, start=1):
            session.add(WorkshopPoint(item_id=item.id, group_name=group, rank=rank, point=point,
                                      justification=why, votes=rng.randint(0, 12)))
            summary.workshop_points += 1


def _one_overdue(session: Session, today: dt.date) -> None:
    """The open actions list always has something overdue to show first."""
    session.flush()
    pending = session.execute(
        select(ActionItem, Meeting).join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(ActionItem.status != ActionStatus.DONE, Meeting.date < today - dt.timedelta(days=10))
        .order_by(Meeting.date, ActionItem.what)
    ).all()
    if pending and not any(a.deadline and a.deadline < today for a, _m in pending):
        action, meeting = pending[-1]
        action.deadline = max(meeting.date + dt.timedelta(days=3), today - dt.timedelta(days=7))
