"""Public partners: the county's units, municipalities, parishes, service producers and schools.

They are register entries like organisations (same search, same contact persons), told apart by
``Organisation.kind``. The county's municipalities come from the reference data: each gets a
municipality partner with its Finnish and Swedish names and its code (as the domicile).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.storage.models import Municipality, Organisation
from desktop.storage.models.enums import OrganisationForm, OrganisationKind
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

PUBLIC_KINDS = tuple(kind for kind in OrganisationKind if kind != OrganisationKind.ORGANISATION)


@dataclass(frozen=True)
class County:
    """A wellbeing services county (or Helsinki) and its municipalities' codes."""

    name_fi: str
    name_sv: str
    codes: tuple[str, ...]

    def name(self, language: str) -> str:
        return self.name_sv if language == "sv" else self.name_fi


def counties(session: Session) -> list[County]:
    """Every county in the reference data, by Finnish name (Åland has none)."""
    found: dict[str, tuple[str, list[str]]] = {}
    for m in session.scalars(select(Municipality).order_by(Municipality.code)):
        if m.wellbeing_county_fi:
            found.setdefault(m.wellbeing_county_fi, (m.wellbeing_county_sv, []))[1].append(m.code)
    return [County(fi, sv, tuple(codes)) for fi, (sv, codes) in sorted(found.items())]


def find_county(session: Session, reference: str | None = None) -> County:
    """The county ``reference`` names, or else the one most organisations are domiciled in.

    ``reference``: a municipality code of the county ("905"), a region code whose
    municipalities are all in one county ("15"), or the start of the county's Finnish or
    Swedish name ("Pohjanmaan", "Österbottens").
    """
    everything = counties(session)
    if reference is None or not reference.strip():
        domiciles = Counter(session.scalars(
            select(Organisation.domicile_code).where(
                Organisation.deleted.is_(False), Organisation.domicile_code.is_not(None))))
        for code, _n in domiciles.most_common():
            for county in everything:
                if code in county.codes:
                    return county
        raise ValidationError(_("Which county? Name it: no organisation has a municipality yet."))
    wanted = reference.strip().casefold()
    if wanted.isdigit():
        if len(wanted) == 3:
            matches = [c for c in everything if wanted in c.codes]
        else:
            regions = {m.code for m in session.scalars(
                select(Municipality).where(Municipality.region_code == wanted.zfill(2)))}
            matches = [c for c in everything if regions and regions & set(c.codes)]
    else:
        matches = [c for c in everything
                   if c.name_fi.casefold().startswith(wanted) or c.name_sv.casefold().startswith(wanted)]
    if len(matches) != 1:
        raise ValidationError(
            _("No single county matches '{reference}'. Counties: {names}").format(
                reference=reference, names=", ".join(c.name_fi for c in everything) or "—"))
    return matches[0]


def municipality_partners(session: Session) -> dict[str, Organisation]:
    """Municipality code -> its municipality partner (the first by name when there are two)."""
    found: dict[str, Organisation] = {}
    for org in session.scalars(
        select(Organisation).where(Organisation.deleted.is_(False),
                                   Organisation.kind == OrganisationKind.MUNICIPALITY,
                                   Organisation.domicile_code.is_not(None))
        .order_by(Organisation.name_fi, Organisation.id)
    ):
        assert org.domicile_code is not None
        found.setdefault(org.domicile_code, org)
    return found


def new_municipality_partner(session: Session, municipality: Municipality) -> Organisation:
    """A municipality partner with both names and the code, added to the caller's operation."""
    org = Organisation(
        name_fi=municipality.name_fi, name_sv=municipality.name_sv,
        kind=OrganisationKind.MUNICIPALITY, form=OrganisationForm.OTHER,
        domicile_code=municipality.code, active_municipalities=[municipality.code],
    )
    session.add(org)
    return org


@dataclass(frozen=True)
class MunicipalitiesAdded:
    county: County
    added: tuple[str, ...]  # the codes of the partners created now
    existing: int  # municipalities of the county that already had one


def add_county_municipalities(store: Store, county: str | None = None
                              ) -> tuple[MunicipalitiesAdded, Changes]:
    """A municipality partner for each municipality of the county that lacks one.

    Running it again adds nothing: a municipality's partner is found by its code.
    """
    with store.operation("add county municipalities") as session:
        found = find_county(session, county)
        have = municipality_partners(session)
        added = []
        for code in found.codes:
            if code in have:
                continue
            municipality = session.get(Municipality, code)
            assert municipality is not None  # the county was read from the same table
            new_municipality_partner(session, municipality)
            added.append(code)
        session.flush()
        ctx = session.info["tracking"]
    return MunicipalitiesAdded(found, tuple(added), len(found.codes) - len(added)), ctx.changes
