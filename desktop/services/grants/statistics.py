"""Grant statistics: totals and counts by year, funder, call type, municipality and sector.

Everything is computed by SQLite in one query per table (GROUP BY, and window functions for the
median), never by looping over applications in Python. The figures of a group:

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

from sqlalchemy import and_, case, distinct, func, select, true
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate_in
from desktop.services.grants._common import THE_COUNTY, municipality_names
from desktop.services.grants.calls import live_decision_join
from desktop.services.vocabulary import label_in
from desktop.storage.dialect import json_list_values
from desktop.storage.models import (
    GrantApplication,
    GrantCall,
    GrantDecision,
    GrantPayment,
    Organisation,
)
from desktop.storage.models.enums import DecisionStatus, GrantType, Sector

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


@dataclass(frozen=True)
class StatisticsFilter:
    """Which grants to count; None counts all. ``funder`` is a municipality code or "county"."""

    year: int | None = None
    funder: str | None = None
    grant_type: str | None = None
    municipality: str | None = None


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


def _dimension_columns(by: Sequence[str], sector_value: Any) -> list[Any]:
    columns = {
        "year": GrantCall.year,
        "funder": GrantCall.funder_code,
        "type": GrantCall.grant_type,
        "municipality": Organisation.domicile_code,
        "sector": sector_value,
    }
    unknown = [name for name in by if name not in columns]
    if unknown:
        raise ValueError(f"unknown statistics dimensions: {unknown}")
    return [columns[name].label(f"d{i}") for i, name in enumerate(by)]


def _facts(by: Sequence[str], filters: StatisticsFilter) -> Any:
    """One row per counted application (per sector of its organisation, by sector)."""
    # Per decision, from the covering index on grant_payment: cheaper than joining a grouped
    # subquery, which SQLite would index anew on every run.
    paid = (
        select(func.coalesce(func.sum(GrantPayment.amount_cents), 0))
        .where(GrantPayment.decision_id == GrantDecision.id, GrantPayment.deleted.is_(False))
        .scalar_subquery()
    )
    decided = and_(GrantDecision.application_id.is_not(None),
                   GrantDecision.status != DecisionStatus.CANCELLED)
    sectors = json_list_values(Organisation.sectors, "sector") if "sector" in by else None
    query = (
        select(
            *_dimension_columns(by, sectors.c.value if sectors is not None else None),
            GrantApplication.organisation_id.label("organisation_id"),
            GrantApplication.applied_cents.label("applied"),
            case((decided, 1), else_=0).label("decided"),
            case((decided, GrantDecision.granted_cents), else_=0).label("granted"),
            func.coalesce(paid, 0).label("paid"),
        )
        .select_from(GrantApplication)
        .join(GrantCall, GrantCall.id == GrantApplication.call_id)
        .join(Organisation, Organisation.id == GrantApplication.organisation_id)
        .outerjoin(GrantDecision, live_decision_join())
        .where(GrantApplication.deleted.is_(False), GrantCall.deleted.is_(False))
    )
    if sectors is not None:
        query = query.outerjoin(sectors, true())  # no sectors: one row, sector not known
    if filters.year is not None:
        query = query.where(GrantCall.year == filters.year)
    if filters.funder == COUNTY:
        query = query.where(GrantCall.funder_code.is_(None))
    elif filters.funder is not None:
        query = query.where(GrantCall.funder_code == filters.funder)
    if filters.grant_type is not None:
        query = query.where(GrantCall.grant_type == filters.grant_type)
    if filters.municipality is not None:
        query = query.where(Organisation.domicile_code == filters.municipality)
    return query.subquery("facts")


def grant_statistics(session: Session, by: Sequence[str] = (),
                     filters: StatisticsFilter | None = None) -> list[StatisticsRow]:
    """The figures per group of ``by`` (e.g. ``("year", "municipality")``), ordered by the
    group's values; ``by=()`` gives the one total row (which exists even when nothing matched).
    """
    facts = _facts(by, filters or StatisticsFilter())
    groups = [facts.c[f"d{i}"] for i in range(len(by))]
    funded = facts.c.granted > 0
    # The median: the middle one or two grants of each group in the order of their amount.
    window = [*groups, funded]
    ranked = select(
        facts,
        func.row_number().over(partition_by=window, order_by=facts.c.granted).label("rank"),
        # The same window (order and all), so that SQLite sorts the rows once for both.
        func.count().over(partition_by=window, order_by=facts.c.granted,
                          rows=(None, None)).label("size"),
    ).subquery("ranked")
    r_groups = [ranked.c[f"d{i}"] for i in range(len(by))]
    middle = and_(ranked.c.granted > 0,
                  ranked.c.rank.in_([(ranked.c.size + 1) // 2, (ranked.c.size + 2) // 2]))
    query = select(
        *r_groups,
        func.count().label("applications"),
        func.sum(ranked.c.decided).label("decisions"),
        func.sum(case((ranked.c.granted > 0, 1), else_=0)).label("grants"),
        func.count(distinct(case((ranked.c.granted > 0, ranked.c.organisation_id)))).label("orgs"),
        func.sum(ranked.c.applied).label("applied"),
        func.sum(case((ranked.c.decided == 1, ranked.c.applied), else_=0)).label("decided_applied"),
        func.sum(ranked.c.granted).label("granted"),
        func.sum(ranked.c.paid).label("paid"),
        func.sum(case((middle, ranked.c.granted), else_=0)).label("middle_sum"),
        func.sum(case((middle, 1), else_=0)).label("middle_count"),
    ).group_by(*r_groups).order_by(*r_groups)
    rows = []
    for row in session.execute(query):
        values = tuple(row)
        key = tuple(values[: len(by)])
        (applications, decisions, grants, orgs, applied, decided_applied, granted, paid,
         middle_sum, middle_count) = values[len(by):]
        rows.append(StatisticsRow(
            key=key,
            applications=int(applications or 0),
            decisions=int(decisions or 0),
            grants=int(grants or 0),
            organisations=int(orgs or 0),
            applied_cents=int(applied or 0),
            decided_applied_cents=int(decided_applied or 0),
            granted_cents=int(granted or 0),
            paid_cents=int(paid or 0),
            median_cents=Decimal(int(middle_sum)) / int(middle_count) if middle_count else None,
        ))
    if not by and not rows:
        rows.append(StatisticsRow((), 0, 0, 0, 0, 0, 0, 0, 0, None))
    return rows


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
    if filters.funder is not None:
        parts.append(_labeller(session, "funder", language)(
            None if filters.funder == COUNTY else filters.funder))
    if filters.grant_type is not None:
        parts.append(label_in(language, GrantType, filters.grant_type))
    if filters.municipality is not None:
        parts.append(_labeller(session, "municipality", language)(filters.municipality))
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
    )
