"""A workshop group's whole list of ideas, as the secretary types it while the group reports.

One idea a line, in the group's order of importance; a line ending in a colon is a theme heading
for the ideas below it (as seed 003 lists them). The first three ideas are the group's ranked
points (``WorkshopPoint``, with their justifications and dot votes kept); the rest go to the idea
bank. Saving the same list again changes nothing: ideas are matched by their text within the
item and group.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.meetings.common import clean, ensure_unlocked, get_item
from desktop.services.meetings.workshop import RANKS, workshop_points
from desktop.services.records import apply_fields
from desktop.storage.models import Idea, WorkshopPoint
from desktop.storage.models.enums import IdeaOrigin, IdeaStatus, ItemType
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

# Bullets and numbering pasted from notes: "- ", "• ", "1. ", "2) ".
_BULLET = re.compile(r"^(?:[-–—•*·]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class GroupIdea:
    text: str
    theme: str = ""


@dataclass(frozen=True)
class GroupIdeasResult:
    ranked: int  # points 1–3 the group now has
    added: int  # ideas new in the bank
    kept: int  # ideas already in the bank
    removed: int  # ideas that left the bank (ranked now, or no longer on the list)


def text_key(text: str) -> str:
    """Two ideas are the same when they differ only in case and spacing."""
    return " ".join(text.split()).casefold()


def parse_ideas(text: str) -> list[GroupIdea]:
    """The ideas of a typed list, each with the theme heading above it; repeats left out."""
    ideas: list[GroupIdea] = []
    seen: set[str] = set()
    theme = ""
    for raw in text.splitlines():
        line = " ".join(raw.split())
        bullet = _BULLET.match(line)
        if not line or line in ("-", "•", "*"):
            continue
        if bullet is None and line.endswith(":"):
            theme = line[:-1].strip()
            continue
        idea = _BULLET.sub("", line).strip()
        if idea and text_key(idea) not in seen:
            seen.add(text_key(idea))
            ideas.append(GroupIdea(idea, theme))
    return ideas


def format_ideas(ideas: Sequence[GroupIdea]) -> str:
    """The list as :func:`parse_ideas` reads it back: a heading wherever the theme changes.

    Ideas without a theme cannot follow a heading (they would fall under it), so the ranked
    points come first, then the ideas without a theme, then each theme's ideas."""
    top, rest = list(ideas[:3]), list(ideas[3:])
    plain = [idea for idea in rest if not idea.theme]
    themes: list[str] = []
    for idea in rest:
        if idea.theme and idea.theme not in themes:
            themes.append(idea.theme)
    lines = [idea.text for idea in top + plain]
    for theme in themes:
        lines.append(f"{theme}:")
        lines.extend(idea.text for idea in rest if idea.theme == theme)
    return "\n".join(lines)


def _same_group(name: str, group: str) -> bool:
    return name.casefold() == group.casefold()


def _bank(session: Session, item_id: uuid.UUID, group: str | None = None) -> list[Idea]:
    rows = session.scalars(
        select(Idea).where(Idea.item_id == item_id, Idea.deleted.is_(False))
        .order_by(Idea.position, Idea.created_at)).all()
    return [row for row in rows if group is None or _same_group(row.group_name, group)]


def group_ideas(store: Store, item_id: uuid.UUID, group: str) -> list[GroupIdea]:
    """What the group's list holds now: its ranked points, then its ideas still new in the bank."""
    group = clean(group)
    with store.read() as session:
        points = [p for p in workshop_points(session, item_id) if _same_group(p.group_name, group)]
        ideas = [GroupIdea(p.point) for p in sorted(points, key=lambda p: p.rank)]
        ideas += [GroupIdea(i.text, i.theme) for i in _bank(session, item_id, group)
                  if i.status == IdeaStatus.NEW]
    return ideas


def workshop_groups(store: Store, item_id: uuid.UUID) -> list[str]:
    """The groups of the item, as first written."""
    with store.read() as session:
        names = [p.group_name for p in workshop_points(session, item_id)]
        names += [i.group_name for i in _bank(session, item_id) if i.group_name]
    groups: list[str] = []
    for name in names:
        if not any(_same_group(name, g) for g in groups):
            groups.append(name)
    return groups


def item_bank_count(store: Store, item_id: uuid.UUID) -> int:
    with store.read() as session:
        return len(_bank(session, item_id))


def record_group_ideas(
    store: Store, item_id: uuid.UUID, group: str, ideas: Sequence[GroupIdea]
) -> tuple[GroupIdeasResult, Changes]:
    """The group's points are the first three ideas; the rest are in the bank, once each."""
    group = clean(group)
    unique: list[GroupIdea] = []
    for idea in ideas:
        text = " ".join(idea.text.split())
        if text and text_key(text) not in {text_key(u.text) for u in unique}:
            unique.append(GroupIdea(text, " ".join(idea.theme.split())))
    if not group:
        raise ValidationError(_("Name the group the ideas come from."))
    if not unique:
        raise ValidationError(_("Write at least one idea of the group."))
    top, rest = unique[:len(RANKS)], unique[len(RANKS):]

    def apply(session: Session) -> GroupIdeasResult:
        item = get_item(session, item_id)
        if item.item_type != ItemType.WORKSHOP:
            raise ValidationError(_("Workshop results are recorded in items of the type workshop."))
        ensure_unlocked(item.meeting)
        _rank_points(session, item.id, group, top, {text_key(i.text) for i in unique})
        added = kept = removed = 0
        existing = {text_key(i.text): i for i in _bank(session, item.id, group)}
        for position, idea in enumerate(rest, start=len(RANKS) + 1):
            row = existing.pop(text_key(idea.text), None)
            if row is None:
                session.add(Idea(text=idea.text, theme=idea.theme, origin=IdeaOrigin.WORKSHOP,
                                 meeting_id=item.meeting_id, item_id=item.id, group_name=group,
                                 position=position, status=IdeaStatus.NEW))
                added += 1
            else:
                apply_fields(row, {"text": idea.text, "theme": idea.theme, "position": position})
                kept += 1
        for row in existing.values():
            # Only what nothing was done with yet: taken forward, dropped or merged ideas stay.
            if row.status == IdeaStatus.NEW and not _has_merged(session, row.id):
                row.deleted = True
                removed += 1
        return GroupIdeasResult(len(top), added, kept, removed)

    return store.run_returning("record a group's ideas", apply)


def _rank_points(session: Session, item_id: uuid.UUID, group: str, top: list[GroupIdea],
                 listed: set[str]) -> None:
    """Match the group's points to the new top three by text, then by rank, so that a point
    moved or reworded keeps its justification and dot votes (a point whose text is still on the
    list, further down, is not reworded: it left the top three)."""
    points = [p for p in workshop_points(session, item_id) if _same_group(p.group_name, group)]
    chosen: dict[int, WorkshopPoint] = {}
    by_text = {text_key(p.point): p for p in points}
    for rank, idea in enumerate(top, start=1):
        point = by_text.get(text_key(idea.text))
        if point is not None and point not in chosen.values():
            chosen[rank] = point
    for rank in range(1, len(top) + 1):
        if rank not in chosen:
            point = next((p for p in points if p.rank == rank and p not in chosen.values()
                          and text_key(p.point) not in listed), None)
            if point is not None:
                chosen[rank] = point
    for rank, idea in enumerate(top, start=1):
        point = chosen.get(rank)
        if point is None:
            session.add(WorkshopPoint(item_id=item_id, group_name=group, rank=rank, point=idea.text,
                                      justification="", votes=0))
        else:
            apply_fields(point, {"rank": rank, "point": idea.text})
    for point in points:
        if point not in chosen.values():
            point.deleted = True


def _has_merged(session: Session, idea_id: uuid.UUID) -> bool:
    return session.scalar(select(Idea.id).where(
        Idea.merged_into_id == idea_id, Idea.deleted.is_(False)).limit(1)) is not None
