"""Workshop results (the seeds' group work): each group's three most important points in order,
with their justifications and dot votes, and the ranked summary the minutes show."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.meetings.common import (
    clean,
    ensure_unlocked,
    get_item,
)
from desktop.services.records import apply_fields, live
from desktop.storage.models import AgendaItem, WorkshopPoint
from desktop.storage.models.enums import ItemType
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

RANKS = (1, 2, 3)
POINT_FIELDS = frozenset({"group_name", "rank", "point", "justification", "votes"})


def workshop_points(session: Session, item_id: uuid.UUID) -> list[WorkshopPoint]:
    """The points as the groups gave them: by group, then rank."""
    rows = session.scalars(
        select(WorkshopPoint).where(WorkshopPoint.item_id == item_id, WorkshopPoint.deleted.is_(False))
    ).all()
    return sorted(rows, key=lambda p: (p.group_name.casefold(), p.rank, p.created_at))


def ranked_summary(session: Session, item_id: uuid.UUID) -> list[WorkshopPoint]:
    """Most dot votes first; on a tie the point its group ranked higher, then by group."""
    return ranked(workshop_points(session, item_id))


def ranked(points: list[WorkshopPoint]) -> list[WorkshopPoint]:
    return sorted(points, key=lambda p: (-p.votes, p.rank, p.group_name.casefold(), p.created_at))


def _check(session: Session, item: AgendaItem, values: dict[str, Any], exclude: uuid.UUID | None) -> None:
    if item.item_type != ItemType.WORKSHOP:
        raise ValidationError(_("Workshop results are recorded in items of the type workshop."))
    ensure_unlocked(item.meeting)
    values["group_name"] = clean(values["group_name"])
    values["point"] = clean(values["point"])
    values["justification"] = clean(values["justification"])
    if not values["group_name"]:
        raise ValidationError(_("Name the group the point comes from."))
    if not values["point"]:
        raise ValidationError(_("A workshop point cannot be empty."))
    if values["rank"] not in RANKS:
        raise ValidationError(_("A group ranks its points 1, 2 and 3."))
    if values["votes"] < 0:
        raise ValidationError(_("Dot votes cannot be negative."))
    for other in workshop_points(session, item.id):
        if other.id != exclude and other.rank == values["rank"] and (
                other.group_name.casefold() == values["group_name"].casefold()):
            raise ValidationError(
                _("{group} already has a point ranked {rank}.").format(
                    group=values["group_name"], rank=values["rank"]))


def add_workshop_point(
    store: Store, item_id: uuid.UUID, group: str, rank: int, point: str,
    justification: str = "", votes: int = 0,
) -> tuple[uuid.UUID, Changes]:
    values: dict[str, Any] = {"group_name": group, "rank": rank, "point": point,
                              "justification": justification, "votes": votes}

    def apply(session: Session) -> uuid.UUID:
        item = get_item(session, item_id)
        _check(session, item, values, None)
        row = WorkshopPoint(item_id=item.id, **values)
        session.add(row)
        session.flush()
        return row.id

    return store.run_returning("add workshop point", apply)


def _point(session: Session, point_id: uuid.UUID) -> WorkshopPoint:
    return live(session, WorkshopPoint, point_id, N_("The workshop point no longer exists."))


def update_workshop_point(store: Store, point_id: uuid.UUID, **fields: Any) -> Changes:
    """Change a point, its rank, group, justification or dot votes."""
    unknown = set(fields) - POINT_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def apply(session: Session) -> None:
        row = _point(session, point_id)
        values = {key: getattr(row, key) for key in POINT_FIELDS} | fields
        _check(session, get_item(session, row.item_id), values, row.id)
        apply_fields(row, values)

    return store.run("edit workshop point", apply)


def remove_workshop_point(store: Store, point_id: uuid.UUID) -> Changes:
    def apply(session: Session) -> None:
        row = _point(session, point_id)
        ensure_unlocked(get_item(session, row.item_id).meeting)
        row.deleted = True

    return store.run("remove workshop point", apply)
