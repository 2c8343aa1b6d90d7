"""Grant statistics: totals and counts by year, funder, call type, municipality and sector.

The figures come from ``grant_fact``, one row per live application with what is counted of it,
which triggers (SQLite's, or PL/pgSQL functions on PostgreSQL) keep current whatever writes the
grant tables (the ORM, a sync import's Core statements, the bare driver; see migration 0013).
The same queries run on both backends. Each table is two queries: the sums and
counts per group (GROUP BY), and the group's grants in the order of their amount, from which the
medians are picked by position. The figures of a group:

* applications, and their applied amount (decided or not);
* decisions (cancelled ones excluded), grants (decisions granting more than 0) and the
  number of different organisations funded;
* granted and paid amounts (a cancelled decision grants nothing; paid is what was paid);
* the median grant (of the decisions granting more than 0: exact, a half cent when the two
  middle grants differ by an odd number of cents);
* the share of the applied amount granted, over the applications that have been decided.

The municipality of a grant is its organisation's domicile. An organisation works in several
sectors: by sector, a grant is counted in each of its organisation's sectors, so the groups add
up to more than the total (the report says so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Uuid,
    case,
    distinct,
    func,
    select,
    true,
)
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate_in
from desktop.services.activities import municipality_names
from desktop.services.grants._common import THE_COUNTY
from desktop.services.vocabulary import label_in
from desktop.storage.dialect import driver_rows, json_list_values
from desktop.storage.listing import sort_key
from desktop.storage.models import GrantCall, Organisation
from desktop.storage.models.enums import GrantType, Sector
from desktop.storage.store import Store

Dimension = Literal["year", "funder", "type", "municipality", "sector"]
DIMENSIONS: tuple[Dimension, ...] = ("year", "funder", "type", "municipality", "sector")
COUNTY = "county"  # the funder filter that means the county itself

DIMENSION_HEADINGS: dict[str, str] = {
    "year": N_("Year"),
    "funder": N_("Funder"),
    "type": N_("Grant type"),
    "municipality": N_("Municipality"),
    "sector": N_("Sector"),
}
_UNKNOWN = N_("Not known")
_SECTOR_NOTE = N_(
    "A grant to an organisation that works in several sectors is counted in each of them: "
    "the sectors add up to more than the total.")

# Derived data outside the models (it must never be synced); '' is the county as funder and an
# unknown domicile, which are part of the table's primary key.
FACTS = Table(
    "grant_fact", MetaData(),
    Column("year", Integer),
    Column("municipality", String(3)),
    Column("granted", BigInteger),
    Column("application_id", String(32)),
    Column("organisation", Integer),  # the key of grant_fact_organisation
    Column("funder", String(3)),
    Column("grant_type", String(16)),
    Column("applied", BigInteger),
    Column("decided", Integer),
    Column("paid", BigInteger),
)
ORGANISATION_KEYS = Table(
    "grant_fact_organisation", FACTS.metadata,
    Column("key", Integer),
    Column("organisation_id", Uuid(native_uuid=False)),
)
_NONE_AS_EMPTY = ("funder", "municipality")


@dataclass(frozen=True)
class StatisticsFilter:
    """Which grants to count; None counts all. ``funder`` is a municipality code or "county";
    ``year`` is one year, ``first_year``/``last_year`` a range (either end may be open)."""

    year: int | None = None
    funder: str | None = None
    grant_type: str | None = None
    municipality: str | None = None
    sector: str | None = None
    first_year: int | None = None
    last_year: int | None = None


@dataclass(frozen=True)
class StatisticsRow:
    key: tuple[Any, ...]  # the group's values, one per dimension asked for (None: not known)
    applications: int
    decisions: int
    grants: int
    organisations: int
    applied_cents: int
    decided_applied_cents: int
    granted_cents: int
    paid_cents: int
    median_cents: Decimal | None

    @property
    def share_granted(self) -> Decimal | None:
        """Granted ÷ applied, over the decided applications; None when nothing is decided."""
        if not self.decided_applied_cents:
            return None
        return Decimal(self.granted_cents) / Decimal(self.decided_applied_cents)


def _organisation_sectors(sector: str | None = None) -> Any:
    """(organisation key, sector) for every sector (or ``sector``) of every organisation that
    has applied."""
    keys = ORGANISATION_KEYS.c
    sectors = json_list_values(Organisation.sectors, "sector")
    query = (select(keys.key.label("org"), sectors.c.value.label("sector"))
             .select_from(ORGANISATION_KEYS)
             .join(Organisation, Organisation.id == keys.organisation_id)
             .join(sectors, true()))
    if sector is not None:
        query = query.where(sectors.c.value == sector)
    return query


def _source(by: Sequence[str], filters: StatisticsFilter) -> tuple[Any, list[Any], list[Any]]:
    """The rows to count (per sector of the organisation, by sector), the group columns and the
    conditions of ``filters``."""
    f = FACTS.c
    source: Any = FACTS
    columns = {"year": f.year, "funder": f.funder, "type": f.grant_type,
               "municipality": f.municipality}
    if "sector" in by:
        sectors = _organisation_sectors().subquery("org_sector")
        # No sectors: one row, sector not known.
        source = FACTS.outerjoin(sectors, sectors.c.org == f.organisation)
        columns["sector"] = sectors.c.sector
    unknown = [name for name in by if name not in columns]
    if unknown:
        raise ValueError(f"unknown statistics dimensions: {unknown}")
    conditions: list[Any] = []
    if filters.year is not None:
        conditions.append(f.year == filters.year)
    if filters.first_year is not None:
        conditions.append(f.year >= filters.first_year)
    if filters.last_year is not None:
        conditions.append(f.year <= filters.last_year)
    if filters.funder is not None:
        conditions.append(f.funder == ("" if filters.funder == COUNTY else filters.funder))
    if filters.grant_type is not None:
        conditions.append(f.grant_type == filters.grant_type)
    if filters.municipality is not None:
        conditions.append(f.municipality == filters.municipality)
    if filters.sector is not None:
        chosen = _organisation_sectors(filters.sector).subquery("chosen_sector")
        conditions.append(f.organisation.in_(select(chosen.c.org)))
    return source, [columns[name] for name in by], conditions


def grant_statistics(session: Session, by: Sequence[str] = (),
                     filters: StatisticsFilter | None = None) -> list[StatisticsRow]:
    """The figures per group of ``by`` (e.g. ``("year", "municipality")``), ordered by the
    group's values; ``by=()`` gives the one total row (which exists even when nothing matched).
    """
    source, groups, conditions = _source(by, filters or StatisticsFilter())
    # Only a sector can be NULL (an organisation without sectors); SQLite and PostgreSQL put
    # NULLs at opposite ends unless told.
    order = [group.nulls_first() if name == "sector" else group
             for name, group in zip(by, groups, strict=True)]
    f = FACTS.c
    funded = f.granted > 0
    sums = (
        select(
            *groups,
            func.count().label("applications"),
            func.sum(f.decided),
            func.sum(case((funded, 1), else_=0)),
            func.count(distinct(case((funded, f.organisation)))),
            func.sum(f.applied),
            func.sum(f.applied * f.decided),
            func.sum(f.granted),
            func.sum(f.paid),
        )
        .select_from(source).where(*conditions).group_by(*groups).order_by(*order)
    )
    # The same groups in the same order, each group's grants by amount: a group of n grants
    # is the next n of them (by year × municipality this is the order of the table's key).
    grants = (select(f.granted).select_from(source).where(*conditions, funded)
              .order_by(*order, f.granted))
    rows = []
    # SQLAlchemy's result rows would cost three times the query itself for the 100,000 grants
    # of ten years, all of which the medians need.
    amounts = [amount for (amount,) in driver_rows(session, grants)]
    start = 0
    for row in session.execute(sums):
        values = tuple(row)
        key = tuple(_key_value(name, value) for name, value in zip(by, values[: len(by)], strict=True))
        (applications, decisions, count, orgs, applied, decided_applied, granted,
         paid) = values[len(by):]
        count = int(count or 0)
        median = None
        if count:
            low, high = amounts[start + (count - 1) // 2], amounts[start + count // 2]
            median = Decimal(low + high) / 2
        start += count
        rows.append(StatisticsRow(
            key=key,
            applications=int(applications or 0),
            decisions=int(decisions or 0),
            grants=count,
            organisations=int(orgs or 0),
            applied_cents=int(applied or 0),
            decided_applied_cents=int(decided_applied or 0),
            granted_cents=int(granted or 0),
            paid_cents=int(paid or 0),
            median_cents=median,
        ))
    if start != len(amounts):  # the two queries disagree about the groups: never silently
        raise RuntimeError("grant statistics: the grants do not match the groups")
    if not by and not rows:
        rows.append(StatisticsRow((), 0, 0, 0, 0, 0, 0, 0, 0, None))
    return rows


def _key_value(dimension: str, value: Any) -> Any:
    if dimension in _NONE_AS_EMPTY and value == "":
        return None
    return value


# -- the report ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledRow:
    label: str
    figures: StatisticsRow


@dataclass(frozen=True)
class StatisticsReport:
    """Grant statistics ready to write: texts in the report's language, money in cents."""

    language: str
    title: str
    subtitle: str  # the filters applied
    dimension: str  # heading of the group column
    rows: list[LabelledRow]
    total: StatisticsRow
    notes: list[str] = field(default_factory=list)
    created: dt.date = field(default_factory=dt.date.today)
    by: str = "year"  # the dimension of the groups


def _labeller(session: Session, dimension: str, language: str) -> Any:
    if dimension in ("funder", "municipality"):
        names = municipality_names(session, language)
        if dimension == "funder":
            return lambda code: names.get(code, code) if code else translate_in(language, THE_COUNTY)
        return lambda code: names.get(code, code) if code else translate_in(language, _UNKNOWN)
    if dimension == "type":
        return lambda code: label_in(language, GrantType, code)
    if dimension == "sector":
        return lambda code: label_in(language, Sector, code) if code else translate_in(
            language, _UNKNOWN)
    return lambda value: str(value)


def _subtitle(session: Session, filters: StatisticsFilter, language: str) -> str:
    parts = []
    if filters.year is not None:
        parts.append(str(filters.year))
    first, last = filters.first_year, filters.last_year
    if first is not None and last is not None:
        parts.append(str(first) if first == last else f"{first}–{last}")
    elif first is not None:
        parts.append(translate_in(language, N_("{year} onwards")).format(year=first))
    elif last is not None:
        parts.append(translate_in(language, N_("up to {year}")).format(year=last))
    if filters.funder is not None:
        parts.append(_labeller(session, "funder", language)(
            None if filters.funder == COUNTY else filters.funder))
    if filters.grant_type is not None:
        parts.append(label_in(language, GrantType, filters.grant_type))
    if filters.municipality is not None:
        parts.append(_labeller(session, "municipality", language)(filters.municipality))
    if filters.sector is not None:
        parts.append(label_in(language, Sector, filters.sector))
    return " · ".join(parts) or translate_in(language, N_("All years"))


def check_filter(session: Session, filters: StatisticsFilter) -> None:
    """Refuse filters that cannot match anything because they name nothing known."""
    names = municipality_names(session, "fi")
    for code in (filters.funder, filters.municipality):
        if code is not None and code != COUNTY and code not in names:
            raise ValidationError(
                _("There is no municipality with the code {code}.").format(code=code))
    if filters.grant_type is not None and filters.grant_type not in set(GrantType):
        raise ValidationError(_("There is no grant type {code}.").format(code=filters.grant_type))
    if filters.sector is not None and filters.sector not in set(Sector):
        raise ValidationError(_("There is no sector {code}.").format(code=filters.sector))
    if (filters.first_year is not None and filters.last_year is not None
            and filters.first_year > filters.last_year):
        raise ValidationError(_("The first year comes after the last."))


def statistics_report(session: Session, by: str, filters: StatisticsFilter,
                      language: str) -> StatisticsReport:
    """The statistics grouped by one dimension, with labels in ``language`` and the total."""
    if by not in DIMENSIONS:
        raise ValueError(f"unknown statistics dimension: {by}")
    check_filter(session, filters)
    name = _labeller(session, by, language)
    rows = [LabelledRow(name(row.key[0]), row) for row in grant_statistics(session, (by,), filters)]
    if by != "year":
        rows.sort(key=lambda r: (r.figures.key[0] is None, r.label.casefold()))
    total = grant_statistics(session, (), filters)[0]
    notes = [translate_in(language, _SECTOR_NOTE)] if by == "sector" else []
    return StatisticsReport(
        language=language,
        title=translate_in(language, N_("Grant statistics")),
        subtitle=_subtitle(session, filters, language),
        dimension=translate_in(language, DIMENSION_HEADINGS[by]),
        rows=rows,
        total=total,
        notes=notes,
        by=by,
    )


# -- what the statistics view offers -------------------------------------------------------


@dataclass(frozen=True)
class StatisticsChoices:
    """The values each filter offers, as (filter value, label in the asked language)."""

    years: list[int]
    funders: list[tuple[str, str]]
    types: list[tuple[str, str]]
    municipalities: list[tuple[str, str]]
    sectors: list[tuple[str, str]]


def statistics_choices(store: Store, language: str) -> StatisticsChoices:
    """The years and funders of the calls, the domiciles of the organisations that applied,
    every grant type and sector; labels sorted as the language sorts them."""
    f = FACTS.c
    with store.read() as session:
        names = municipality_names(session, language)
        years = [int(y) for y in session.scalars(
            select(GrantCall.year).where(GrantCall.deleted.is_(False)).distinct()
            .order_by(GrantCall.year))]
        funder_codes = set(session.scalars(
            select(GrantCall.funder_code).where(GrantCall.deleted.is_(False)).distinct()))
        domiciles = set(session.scalars(select(f.municipality).distinct()))

    def by_label(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted(pairs, key=lambda pair: sort_key(pair[1]))

    county = [(COUNTY, translate_in(language, THE_COUNTY))] if None in funder_codes else []
    return StatisticsChoices(
        years=years,
        funders=county + by_label([(code, names.get(code, code)) for code in funder_codes if code]),
        types=[(t.value, label_in(language, GrantType, t.value)) for t in GrantType],
        municipalities=by_label([(code, names.get(code, code)) for code in domiciles if code]),
        sectors=by_label([(s.value, label_in(language, Sector, s.value)) for s in Sector]),
    )


def load_report(store: Store, by: str, filters: StatisticsFilter, language: str) -> StatisticsReport:
    """:func:`statistics_report` in a read transaction of its own."""
    with store.read() as session:
        return statistics_report(session, by, filters, language)
