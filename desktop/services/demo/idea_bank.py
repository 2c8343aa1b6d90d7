"""The demo's idea bank (seed 003): each workshop group's ideas beyond its three points, with
their themes, and a few ideas already taken forward, merged, dropped or added by hand.

Written after the minutes and taking nothing from the random generator, so the rest of the demo
stays what the same seed always gave."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.demo.minutes import WORKSHOP
from desktop.storage.models import (
    ActionItem,
    AgendaItem,
    ChecklistItem,
    Idea,
    Meeting,
    WorkshopPoint,
)
from desktop.storage.models.enums import ActionStatus, IdeaOrigin, IdeaStatus, ItemType

# Per group of the demo workshop: (theme, ideas), each as (fi, sv), in the group's order.
IDEAS: tuple[tuple[tuple[str, str], tuple[tuple[str, str], ...]], ...] = (
    (("Järjestöjen yhteistyön edistäminen", "Främjande av samarbetet mellan organisationer"), (
        ("Miten tarjottaisiin virkistystoimintaa eri paikkakunnilla järjestöjen yhteistyönä?",
         "Hur kunde organisationerna tillsammans ordna rekreation på olika orter?"),
        ("Verkostoitumisen mahdollisuudet koko alueella, jotta saman teeman järjestöt löytävät toisensa",
         "Möjligheter att nätverka i hela området så att organisationer med samma tema hittar varandra"),
    )),
    (("Järjestöt palvelun tarjoajana", "Organisationerna som serviceproducenter"), (
        ("Järjestöt eivät useinkaan tarjoa palveluja vaan mahdollisuuksia osallistua ja kohdata",
         "Organisationerna erbjuder oftast inte tjänster utan möjligheter att delta och mötas"),
        ("Osuuskunta on varteenotettava vaihtoehto palvelujen tuottajaksi",
         "Andelslaget är ett alternativ att räkna med som serviceproducent"),
        ("Järjestöt palvelujen organisoijana ja uusien palveluntuottajien sparraajana",
         "Organisationerna som organisatörer av tjänster och sparringpartner för nya producenter"),
    )),
    (("Osallisuus hyvinvointialueella", "Delaktighet i välfärdsområdet"), (
        ("Miten saada ikääntyvä yhdistysväki osalliseksi hyvinvointialueella?",
         "Hur får vi de åldrande föreningsaktiva delaktiga i välfärdsområdet?"),
        ("Kuka rahoittaa järjestöyhteistyön koordinoinnin?",
         "Vem finansierar samordningen av organisationssamarbetet?"),
    )),
)
BY_HAND = (
    ("Järjestöpankki: kuka tekee mitäkin ja millä alueella – ei pelkkä rekisteri vaan toimintatapa",
     "Järjestöjen ammattiosaamisen näkyvyys",
     "Asukkaiden maakunta -seminaarin ideapankista (22.8.2017)."),
)
TAKEN_FORWARD = "Selvitetään järjestöjen yhteisen virkistystoiminnan malli kahdella paikkakunnalla."


def _in(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "sv" else pair[0]


def add_demo_ideas(session: Session) -> int:
    """The ideas of every workshop item of the meetings held; returns how many were added."""
    session.flush()
    workshops = session.execute(
        select(AgendaItem, Meeting).join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(AgendaItem.item_type == ItemType.WORKSHOP, AgendaItem.deleted.is_(False),
               Meeting.deleted.is_(False))
        .order_by(Meeting.date, AgendaItem.section)
    ).all()
    added: list[Idea] = []
    held: list[Meeting] = []
    for item, meeting in workshops:
        if session.scalar(select(WorkshopPoint.id).where(WorkshopPoint.item_id == item.id).limit(1)) is None:
            continue  # a workshop still to be held
        held.append(meeting)
        for (group, _points), (theme, ideas) in zip(WORKSHOP, IDEAS, strict=True):
            for position, pair in enumerate(ideas, start=4):
                idea = Idea(text=_in(pair, meeting.language), theme=_in(theme, meeting.language),
                            origin=IdeaOrigin.WORKSHOP, meeting_id=meeting.id, item_id=item.id,
                            group_name=group, position=position, status=IdeaStatus.NEW)
                session.add(idea)
                added.append(idea)
    for text, subject, note in BY_HAND:
        idea = Idea(text=text, theme=subject, note=note, origin=IdeaOrigin.MANUAL, status=IdeaStatus.NEW)
        session.add(idea)
        added.append(idea)
    session.flush()
    _follow_up(session, added, held)
    return len(added)


def _follow_up(session: Session, ideas: list[Idea], meetings: list[Meeting]) -> None:
    """What the secretary has done with the bank since: an idea taken forward as an action item,
    the organisation bank as a checklist step, one dropped, and (with two workshops) the same
    idea of the later one merged into the earlier."""
    from_workshops = [idea for idea in ideas if idea.item_id is not None]
    if not from_workshops:
        return
    first = from_workshops[0]
    meeting = meetings[0]
    action = ActionItem(body_id=meeting.body_id, meeting_id=meeting.id, item_id=first.item_id,
                        what=TAKEN_FORWARD, owner_text="Kumppanuuspöydän sihteeri", status=ActionStatus.OPEN)
    session.add(action)
    session.flush()
    first.status, first.action_item_id = IdeaStatus.TAKEN_FORWARD, action.id
    # The organisation bank of seed 003 is a step of the checklist.
    step = session.scalars(select(ChecklistItem).where(
        ChecklistItem.template_key == "organisation_bank", ChecklistItem.deleted.is_(False))
        .order_by(ChecklistItem.created_at)).first()
    by_hand = [idea for idea in ideas if idea.item_id is None]
    if step is not None and by_hand:
        by_hand[0].status, by_hand[0].checklist_item_id = IdeaStatus.TAKEN_FORWARD, step.id
    from_workshops[2].status = IdeaStatus.DROPPED
    per_workshop = sum(len(ideas) for _theme, ideas in IDEAS)
    if len(meetings) > 1:
        later = from_workshops[per_workshop + 3]  # the same idea, raised again in the second workshop
        later.status, later.merged_into_id = IdeaStatus.MERGED, from_workshops[3].id
