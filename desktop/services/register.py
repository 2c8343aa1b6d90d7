"""The organisation register: reading and writing organisations."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.exceptions import InvalidChecksum

from desktop.errors import ValidationError as KnownValidationError
from desktop.i18n import _
from desktop.services.identifiers import (
    names_alike,
    normalise_business_id,
    normalise_email,
    normalise_register_number,
)
from desktop.services.records import Seen, apply_edit, live_organisation, seen
from desktop.services.vocabulary import label_in
from desktop.storage import listing, search, short_words
from desktop.storage.models import Municipality, Organisation
from desktop.storage.models.enums import OrganisationKind, OrganisationStatus, Sector
from desktop.storage.store import Store
from desktop.storage.tracking import Changes


@dataclass(frozen=True)
class OrganisationRow:
    """One line of the register view, already in the user's language."""

    id: uuid.UUID
    name: str
    other_name: str
    business_id: str
    domicile: str
    sectors: str
    status: str
    # Codes, for the filters.
    domicile_code: str = ""
    sector_codes: tuple[str, ...] = ()
    language_codes: tuple[str, ...] = ()
    status_code: str = ""
    kind: str = ""  # "Municipality", "Parish"… in the user's language
    kind_code: str = OrganisationKind.ORGANISATION


@dataclass(frozen=True)
class Filters:
    """The register view's filters; empty means 'any'. They combine (all must hold)."""

    municipality: str = ""
    sector: str = ""
    language: str = ""  # a language the organisation works in
    status: str = ""
    # An OrganisationKind code, or PUBLIC_PARTNERS for every kind but organisations. The view
    # starts with every kind: an officer looking for a name should find it, whatever it is.
    kind: str = ""


PUBLIC_PARTNERS = listing.PUBLIC_PARTNERS

# The register view's columns that sort, in the view's order.
SORT_COLUMNS = listing.SORT_COLUMNS


@dataclass(frozen=True)
class RegisterQuery:
    """What the register view shows: the search text, the filters and the order, in a language.

    Everything is done in SQL (see ``storage.listing``): the view asks for windows of rows.
    """

    text: str = ""
    filters: Filters = Filters()
    sort: str = "name"  # one of SORT_COLUMNS
    descending: bool = False
    language: str = "fi"


def count(store: Store, query: RegisterQuery) -> int:
    """How many organisations the query selects."""
    with store.read() as session:
        return listing.count(session, _where(session, query))


def organisation_page(store: Store, query: RegisterQuery, offset: int, limit: int
                      ) -> list[OrganisationRow]:
    """The rows ``offset`` … ``offset + limit - 1`` of what the query selects, in its order."""
    with store.read() as session:
        found = listing.page(session, _where(session, query), _order(query), offset, limit)
    return [_row(item, query.language) for item in found]


def organisation_ids(store: Store, query: RegisterQuery, batch: int = 1000
                     ) -> Iterator[list[uuid.UUID]]:
    """The ids of what the query selects, in its order, ``batch`` at a time (for the export)."""
    offset = 0
    while True:
        with store.read() as session:
            found = listing.org_ids(session, _where(session, query), _order(query), offset, batch)
        if not found:
            return
        yield [uuid.UUID(hex=org_id) for org_id in found]
        offset += len(found)


def domicile_choices(store: Store, language: str) -> list[tuple[str, str]]:
    """(code, name) of the municipalities organisations are domiciled in, alphabetically."""
    with store.read() as session:
        codes = set(listing.domicile_codes(session))
        names = _municipality_names(session, language)
    pairs = [(code, names.get(code, code)) for code in codes]
    return sorted(pairs, key=lambda pair: (listing.sort_key(pair[1]), pair[0]))


def _where(session: Session, query: RegisterQuery) -> listing.Where:
    found = search.match_condition(session, query.text)
    chosen = query.filters
    return listing.Where(
        search_condition=found[0] if found else None,
        search_params=found[1] if found else None,
        search_scans=search.scans_every_document(session, query.text),
        short_word=short_words.word(session, query.text),
        municipality=chosen.municipality,
        sector=chosen.sector,
        language=chosen.language,
        status=chosen.status,
        kind=chosen.kind,
    )


def _ranks(enum_type: type[StrEnum], language: str) -> dict[str, int]:
    """Each code's place when the codes are sorted by their labels in ``language``."""
    ordered = sorted(enum_type, key=lambda member: listing.sort_key(label_in(language, enum_type, member)))
    return {member.value: rank for rank, member in enumerate(ordered)}


def _order(query: RegisterQuery) -> listing.Order:
    return listing.Order(
        column=query.sort,
        descending=query.descending,
        language=query.language,
        sector_ranks=_ranks(Sector, query.language) if query.sort == "sectors" else None,
        status_ranks=_ranks(OrganisationStatus, query.language) if query.sort == "status" else None,
        kind_ranks=_ranks(OrganisationKind, query.language) if query.sort == "kind" else None,
    )


def _row(item: listing.ListedOrganisation, language: str) -> OrganisationRow:
    name, other = listing.name_pairs(item.name_fi, item.name_sv)[listing.names_language(language)]
    return OrganisationRow(
        id=uuid.UUID(hex=item.org_id),
        name=name,
        other_name=other,
        business_id=item.business_id,
        domicile=item.domicile_sv if language == "sv" else item.domicile_fi,
        sectors=", ".join(label_in(language, Sector, code) for code in item.sectors),
        status=label_in(language, OrganisationStatus, item.status),
        domicile_code=item.domicile_code,
        sector_codes=item.sectors,
        language_codes=item.languages,
        status_code=item.status,
        kind=label_in(language, OrganisationKind, item.kind),
        kind_code=item.kind,
    )


def matching_ids(store: Store, query: str) -> set[uuid.UUID]:
    """Organisations whose names, IDs, municipalities, sectors or contacts contain every word.

    Substring matching through the search index; ``ä`` and ``a`` stay different letters.
    """
    with store.read() as session:
        return set(search.matching_ids(session, query))


def count_organisations(store: Store) -> int:
    with store.read() as session:
        return session.scalar(
            select(func.count()).select_from(Organisation).where(Organisation.deleted.is_(False))
        ) or 0


def mark_deleted(store: Store, organisation_id: uuid.UUID) -> Changes:
    """Delete an organisation: a tombstone that travels to other copies, not a removed row."""

    def apply(session: Session) -> None:
        org = session.get(Organisation, organisation_id)
        if org is not None:
            org.deleted = True

    return store.run("delete organisation", apply)


def restore(store: Store, organisation_id: uuid.UUID) -> Changes:
    """Undo :func:`mark_deleted`."""

    def apply(session: Session) -> None:
        org = session.get(Organisation, organisation_id)
        if org is not None:
            org.deleted = False

    return store.run("restore organisation", apply)


def _municipality_names(session: Session, language: str) -> dict[str, str]:
    return {m.code: m.name(language) for m in session.scalars(select(Municipality))}


# -- editing -----------------------------------------------------------------------------

FIELDS = (
    "name_fi", "name_sv", "abbreviation", "form", "business_id", "register_number",
    "domicile_code", "sectors", "languages", "website", "email", "phone", "postal_address",
    "description", "status", "notes", "kind",
)


def check_business_id(text: str) -> tuple[str, str]:
    """(normalised Business ID, "") or (text, the reason it is not valid); empty is fine."""
    if not text.strip():
        return "", ""
    try:
        return normalise_business_id(text), ""
    except InvalidChecksum:
        return text.strip(), _("The check digit of the Business ID does not match.")
    except ValueError:
        return text.strip(), _("A Business ID is seven digits, a hyphen and a check digit: 1234567-8.")


def check_register_number(text: str) -> tuple[str, str]:
    if not text.strip():
        return "", ""
    try:
        return normalise_register_number(text), ""
    except ValueError:
        return text.strip(), _("A register number is digits, e.g. 123.456.")


def check_email(text: str) -> tuple[str, str]:
    if not text.strip():
        return "", ""
    try:
        return normalise_email(text), ""
    except ValueError:
        return text.strip(), _("This is not an e-mail address.")


def field_errors(fields: dict[str, Any]) -> dict[str, str]:
    """Every field that cannot be saved as it is, with the reason (translated)."""
    errors = {}
    if not (str(fields.get("name_fi", "")).strip() or str(fields.get("name_sv", "")).strip()):
        errors["name_fi"] = _("An organisation needs a name in Finnish or Swedish.")
    for name, check in (("business_id", check_business_id),
                        ("register_number", check_register_number), ("email", check_email)):
        reason = check(str(fields.get(name, "")))[1]
        if reason:
            errors[name] = reason
    if fields.get("kind", OrganisationKind.ORGANISATION) not in set(OrganisationKind):
        errors["kind"] = _("Unknown kind: {code}").format(code=fields["kind"])
    return errors


@dataclass(frozen=True)
class PossibleDuplicate:
    id: uuid.UUID
    name: str
    reason: str


def possible_duplicates(session: Session, fields: dict[str, Any],
                        exclude: uuid.UUID | None = None) -> list[PossibleDuplicate]:
    """Organisations the new data may duplicate: the same Business ID or register number, or a
    name close to it (rapidfuzz) in the same municipality."""
    found: list[PossibleDuplicate] = []
    business_id = check_business_id(str(fields.get("business_id", "")))[0]
    register_number = str(fields.get("register_number", "")).strip()
    names = [str(fields.get("name_fi", "")), str(fields.get("name_sv", ""))]
    for org in session.scalars(select(Organisation).where(Organisation.deleted.is_(False))):
        if org.id == exclude:
            continue
        shown = org.name_fi or org.name_sv
        if business_id and org.business_id == business_id:
            found.append(PossibleDuplicate(org.id, shown, _("the same Business ID")))
        elif register_number and org.register_number == register_number:
            found.append(PossibleDuplicate(org.id, shown, _("the same register number")))
        elif org.domicile_code == fields.get("domicile_code") and names_alike(
            names, (org.name_fi, org.name_sv)
        ):
            found.append(PossibleDuplicate(org.id, shown, _("a similar name in the same municipality")))
    return found


def organisation_seen(session: Session, organisation_id: uuid.UUID) -> Seen:
    """The organisation as an editor starts from, to hand back to :func:`save_organisation`."""
    return seen(live_organisation(session, organisation_id), FIELDS)


def save_organisation(store: Store, organisation_id: uuid.UUID | None,
                      fields: dict[str, Any], start: Seen | None = None
                      ) -> tuple[uuid.UUID, Changes]:
    """Create (``organisation_id`` None) or update an organisation, as one operation.

    Refuses with ``ValidationError`` what :func:`field_errors` finds; stores IDs normalised.
    An edit from ``start`` keeps what another user saved meanwhile, or raises
    ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"not organisation fields: {sorted(unknown)}")
    errors = field_errors(fields)
    if errors:
        raise KnownValidationError(" ".join(errors.values()))
    clean = dict(fields)
    for name, check in (("business_id", check_business_id),
                        ("register_number", check_register_number), ("email", check_email)):
        if name in clean:
            clean[name] = check(str(clean[name]))[0]
    for name in ("name_fi", "name_sv", "abbreviation", "website", "phone"):
        if name in clean:
            clean[name] = str(clean[name]).strip()

    def apply(session: Session) -> uuid.UUID:
        if organisation_id is None:
            org = Organisation(**clean)
            session.add(org)
            session.flush()
            return org.id
        apply_edit(session, live_organisation(session, organisation_id), clean, start)
        return organisation_id

    return store.run_returning("save organisation", apply)
