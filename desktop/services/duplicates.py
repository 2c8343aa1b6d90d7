"""Possible duplicate organisations, and merging two into one without losing anything."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.identifiers import names_alike
from desktop.storage.base import Base
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

# Fields a merge fills in from the merged-away organisation when the kept one has them empty.
_FILLABLE = ("name_fi", "name_sv", "abbreviation", "business_id", "register_number",
             "domicile_code", "website", "email", "phone", "postal_address", "description")
_LISTS = ("active_municipalities", "sectors", "languages")


@dataclass(frozen=True)
class DuplicatePair:
    first: uuid.UUID
    second: uuid.UUID
    first_name: str
    second_name: str
    reason: str


def duplicate_pairs(session: Session) -> list[DuplicatePair]:
    """Pairs that share a Business ID or register number, or have close names in one municipality."""
    orgs = list(session.scalars(select(Organisation).where(Organisation.deleted.is_(False))))
    pairs = []
    by_place: dict[str | None, list[Organisation]] = {}
    for org in orgs:
        by_place.setdefault(org.domicile_code, []).append(org)
    seen: set[tuple[uuid.UUID, uuid.UUID]] = set()

    def add(a: Organisation, b: Organisation, reason: str) -> None:
        key = (a.id, b.id) if a.id.hex < b.id.hex else (b.id, a.id)
        if key not in seen:
            seen.add(key)
            pairs.append(DuplicatePair(a.id, b.id, a.name_fi or a.name_sv, b.name_fi or b.name_sv, reason))

    for field, reason in (("business_id", _("the same Business ID")),
                          ("register_number", _("the same register number"))):
        groups: dict[str, list[Organisation]] = {}
        for org in orgs:
            if getattr(org, field):
                groups.setdefault(getattr(org, field), []).append(org)
        for group in groups.values():
            for a, b in combinations(group, 2):
                add(a, b, reason)
    for group in by_place.values():
        for a, b in combinations(group, 2):
            if names_alike((a.name_fi, a.name_sv), (b.name_fi, b.name_sv)):
                add(a, b, _("a similar name in the same municipality"))
    return sorted(pairs, key=lambda p: (p.first_name.casefold(), p.second_name.casefold()))


def merge(store: Store, keep_id: uuid.UUID, drop_id: uuid.UUID) -> Changes:
    """Merge ``drop`` into ``keep`` in one operation: every record that points to ``drop``
    (contacts, activities, interactions, applications, memberships) then points to ``keep``; its
    empty fields are filled from ``drop``; ``drop`` becomes a tombstone that says where it went."""
    if keep_id == drop_id:
        raise ValidationError(_("An organisation cannot be merged with itself."))

    def apply(session: Session) -> None:
        keep, drop = session.get(Organisation, keep_id), session.get(Organisation, drop_id)
        if keep is None or drop is None or keep.deleted or drop.deleted:
            raise ValidationError(_("The organisation no longer exists."))
        for table in Base.metadata.sorted_tables:
            column = table.columns.get("organisation_id")
            if column is None or table.name == "organisation":
                continue
            mapper = next(m for m in Base.registry.mappers if m.local_table is table)
            # Through the ORM, row by row, so each change is stamped and audited like any edit.
            for row in session.scalars(select(mapper.class_).where(column == drop_id)):
                row.organisation_id = keep_id
        for field in _FILLABLE:
            if not getattr(keep, field) and getattr(drop, field):
                setattr(keep, field, getattr(drop, field))
        for field in _LISTS:
            merged = list(dict.fromkeys([*getattr(keep, field), *getattr(drop, field)]))
            if merged != getattr(keep, field):
                setattr(keep, field, merged)
        note = _("Merged from {name} ({id}).").format(name=drop.name_fi or drop.name_sv, id=drop_id)
        keep.notes = f"{keep.notes}\n{note}".strip()
        moved = _("Merged into {id}.").format(id=keep_id)
        drop.notes = f"{drop.notes}\n{moved}".strip()
        drop.deleted = True

    return store.run("merge organisations", apply)


