"""The demo's liaison network: the county's municipalities as public partners, their liaison
persons for most roles (some gaps on purpose), one who has left, and a few who attended the
meetings already held as experts, so that "last convened" shows something."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.demo.places import PLACES
from desktop.services.network import STANDARD_ROLES
from desktop.services.partners import new_municipality_partner
from desktop.storage.models import (
    LiaisonRole,
    Meeting,
    MeetingAttendance,
    Municipality,
    Representation,
)
from desktop.storage.models.enums import LiaisonRoleKind, MeetingStatus, Presence

if TYPE_CHECKING:
    from desktop.services.demo.builder import _Builder

# The job title each role's person has in the municipality (fi, sv).
TITLES = {
    LiaisonRoleKind.WELLBEING_PROMOTION: ("hyvinvointikoordinaattori", "välfärdskoordinator"),
    LiaisonRoleKind.ORGANISATION_COOPERATION: ("järjestöyhdyshenkilö", "kontaktperson för organisationer"),
    LiaisonRoleKind.VOLUNTEERING: ("vapaaehtoistoiminnan koordinaattori", "koordinator för frivilligverksamhet"),
}


def fill_network(builder: _Builder, session: Session, rng: random.Random, today: dt.date) -> int:
    """Partners and liaison roles; returns how many roles were named."""
    roles = 0
    named = []
    smallest = min(PLACES, key=lambda p: (p.weight, p.code))
    for place in sorted(PLACES, key=lambda p: p.code):
        municipality = session.get(Municipality, place.code)
        assert municipality is not None  # the reference data is loaded before the demo
        partner = new_municipality_partner(session, municipality)
        partner.email = f"kirjaamo@{_domain(place.fi)}"
        builder.summary.organisations += 1
        # Roughly one role in five is a gap; the smallest municipality has none named at all.
        wanted = [role for role in STANDARD_ROLES if rng.random() < 0.8] if place != smallest else []
        # A small municipality often gives its organisation liaison volunteering too.
        shared = place.weight < 5
        person = None
        for role in wanted:
            if person is None or not (shared and role == LiaisonRoleKind.VOLUNTEERING):
                person = builder._contact(None, "Kunnan nimeämä yhdyshenkilö")
                session.flush()  # the person's id, for the role
                person.email = f"{person.email.split('@')[0]}@{_domain(place.fi)}"
                language = "sv" if place.sv_share > 0.5 else "fi"
                title = TITLES[role][1 if language == "sv" else 0]
                session.add(Representation(organisation=partner, contact=person, role=title))
                builder.summary.representations += 1
                named.append((person, partner))
            start = today - dt.timedelta(days=rng.randint(60, 3 * 365))
            session.add(_role(person.id, place.code, role, start))
            roles += 1
    session.flush()
    if named:
        # Someone left: a predecessor's role ended last spring (the history stays).
        successor, partner = named[0]
        code = partner.domicile_code or ""
        first = session.scalars(select(LiaisonRole).where(LiaisonRole.contact_id == successor.id)).first()
        if first is not None:
            predecessor = builder._contact(None, "Kunnan nimeämä yhdyshenkilö")
            session.flush()
            predecessor.email = f"{predecessor.email.split('@')[0]}@{_domain(partner.name_fi)}"
            session.add(Representation(organisation=partner, contact=predecessor, role="entinen yhdyshenkilö"))
            builder.summary.representations += 1
            left = _role(predecessor.id, code, first.role, first.start_on - dt.timedelta(days=900))
            left.end_on = first.start_on - dt.timedelta(days=1)
            session.add(left)
            roles += 1
    _convene(session, rng, [person for person, _partner in named], today)
    return roles


def _role(person_id: object, code: str, role: str, start: dt.date, title: str = "") -> LiaisonRole:
    return LiaisonRole(contact_id=person_id, municipality_code=code, role=role, title=title,
                       start_on=start)


def _domain(name: str) -> str:
    plain = name.lower().translate(str.maketrans("äöå", "aoa")).replace(" ", "")
    return f"{plain}.example.fi"


def _convene(session: Session, rng: random.Random, people: list, today: dt.date) -> None:
    """A few liaison persons attended held meetings as experts."""
    held = session.scalars(
        select(Meeting).where(Meeting.status == MeetingStatus.HELD, Meeting.date <= today)
        .order_by(Meeting.date)).all()
    if not held or not people:
        return
    for position, person in enumerate(rng.sample(people, k=min(4, len(people)))):
        meeting = rng.choice(held)
        session.add(MeetingAttendance(meeting_id=meeting.id, position=100 + position,
                                      name=person.name, presence=Presence.EXPERT))
