"""The public list of premises organisations may use, grouped by municipality.

The county hands it to organisations: where they can meet, for how many, how accessible the
place is, on what terms and how to book. Everything is in the list's language (which need not
be the UI's); the contract clause that obliges a service producer stays internal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, translate_in
from desktop.services.activity_list import sort_key
from desktop.services.premises import FEATURE_LABELS, FEATURES, PremisesFilter, premises_rows
from desktop.services.vocabulary import label_in
from desktop.storage.models import Municipality, Organisation, Premises
from desktop.storage.models.enums import PremisesTerms, PremisesType

NO_MUNICIPALITY = N_("Municipality not recorded")


@dataclass(frozen=True)
class PremisesEntry:
    """One premises as the list shows it, in the list's language."""

    name: str
    kind: str
    address: str
    owner: str
    capacity: int | None
    accessibility: list[str] = field(default_factory=list)
    equipment: str = ""
    terms: str = ""
    booking: str = ""
    availability: str = ""


@dataclass(frozen=True)
class PremisesSection:
    municipality: str
    entries: list[PremisesEntry]


def public_premises_list(session: Session, language: str,
                         wanted: PremisesFilter | None = None) -> list[PremisesSection]:
    """The premises passing ``wanted`` (all by default), by municipality, then by name;
    those with no municipality last."""
    ids = [row.premises_id for row in premises_rows(session, language, wanted)]
    found = list(session.scalars(select(Premises).where(Premises.id.in_(ids)))) if ids else []
    owners = {o.id: o.display_name(language) for o in session.scalars(
        select(Organisation).where(Organisation.id.in_({p.owner_id for p in found if p.owner_id})))}
    names = {m.code: m.name(language) for m in session.scalars(select(Municipality))}
    grouped: dict[str | None, list[PremisesEntry]] = defaultdict(list)
    for p in found:
        grouped[p.municipality_code].append(PremisesEntry(
            name=p.display_name(language),
            kind=label_in(language, PremisesType, p.kind),
            address=p.address,
            owner=owners.get(p.owner_id, "") if p.owner_id else "",
            capacity=p.capacity,
            accessibility=[translate_in(language, FEATURE_LABELS[f]) for f in FEATURES if getattr(p, f)],
            equipment=p.equipment,
            terms=label_in(language, PremisesTerms, p.terms),
            booking=p.booking,
            availability=p.availability,
        ))

    def place_key(code: str | None) -> tuple[int, tuple[str, str]]:
        return (1, sort_key("")) if code is None else (0, sort_key(names.get(code, code)))

    return [
        PremisesSection(
            municipality=translate_in(language, NO_MUNICIPALITY) if code is None else names.get(code, code),
            entries=sorted(grouped[code], key=lambda e: sort_key(e.name)),
        )
        for code in sorted(grouped, key=place_key)
    ]
