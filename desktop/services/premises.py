"""Premises that organisations may use: recording them, linking users, finding them.

Premises belong to an owner (an organisation record: a municipality, parish or service producer
is one too) and are used by organisations and their activities. Linking an activity makes its
organisation a user as well: the activity is held there, so the organisation uses the place.

Every write is one store operation; a deleted premises is a tombstone, and so are its links.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.services.activities import municipality_names
from desktop.services.fields import checked_fields
from desktop.services.records import Seen, apply_edit, live, live_organisation, seen
from desktop.services.vocabulary import label
from desktop.storage.models import (
    Activity,
    Municipality,
    Organisation,
    Premises,
    PremisesActivity,
    PremisesOrganisation,
)
from desktop.storage.models.enums import PremisesTerms, PremisesType
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

# What a caller may set on premises; the links are given separately.
PREMISES_FIELDS = frozenset({
    "name_fi", "name_sv", "address", "municipality_code", "owner_id", "kind", "capacity",
    "step_free", "accessible_toilet", "induction_loop", "equipment", "terms", "booking",
    "availability", "contract_clause",
})  # fmt: skip
_TEXT_FIELDS = ("name_fi", "name_sv", "address", "equipment", "booking", "availability",
                "contract_clause")
# The accessibility features, in the order lists and filters show them.
FEATURES = ("step_free", "accessible_toilet", "induction_loop")
FEATURE_LABELS = {
    "step_free": N_("Step-free access"),
    "accessible_toilet": N_("Accessible toilet"),
    "induction_loop": N_("Induction loop"),
}
MAX_CAPACITY = 100_000

_GONE = N_("The premises no longer exist.")


def field_errors(fields: dict[str, Any]) -> dict[str, str]:
    """Every field that cannot be saved as it is, with the reason (translated)."""
    errors: dict[str, str] = {}
    names = (str(fields.get("name_fi") or "").strip(), str(fields.get("name_sv") or "").strip())
    if ("name_fi" in fields or "name_sv" in fields) and not any(names):
        errors["name_fi"] = _("Premises need a name in Finnish or Swedish.")
    capacity = fields.get("capacity")
    if capacity is not None and (
        isinstance(capacity, bool) or not isinstance(capacity, int)
        or not 0 < capacity <= MAX_CAPACITY
    ):
        errors["capacity"] = _("The capacity is a number of people between 1 and {most}.").format(
            most=MAX_CAPACITY)
    if "kind" in fields and fields["kind"] not in set(PremisesType):
        errors["kind"] = _("Unknown type of premises: {code}").format(code=fields["kind"])
    if "terms" in fields and fields["terms"] not in set(PremisesTerms):
        errors["terms"] = _("Unknown terms of use: {code}").format(code=fields["terms"])
    return errors


def _clean(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    values = checked_fields(fields, PREMISES_FIELDS, "premises", _TEXT_FIELDS, field_errors)
    for name in FEATURES:
        if name in values:
            values[name] = bool(values[name])
    code = values.get("municipality_code")
    if code == "":
        values["municipality_code"] = code = None
    if code is not None and session.get(Municipality, code) is None:
        raise ValidationError(_("There is no municipality with the code {code}.").format(code=code))
    if values.get("owner_id") is not None:
        live_organisation(session, values["owner_id"])
    return values


def _premises(session: Session, premises_id: uuid.UUID) -> Premises:
    return live(session, Premises, premises_id, _GONE)


def _organisation_links(session: Session, premises_id: uuid.UUID) -> list[PremisesOrganisation]:
    return list(session.scalars(select(PremisesOrganisation).where(
        PremisesOrganisation.premises_id == premises_id, PremisesOrganisation.deleted.is_(False))))


def _activity_links(session: Session, premises_id: uuid.UUID) -> list[PremisesActivity]:
    return list(session.scalars(select(PremisesActivity).where(
        PremisesActivity.premises_id == premises_id, PremisesActivity.deleted.is_(False))))


def _link_organisation(session: Session, premises_id: uuid.UUID, organisation_id: uuid.UUID) -> None:
    if not any(link.organisation_id == organisation_id
               for link in _organisation_links(session, premises_id)):
        live_organisation(session, organisation_id)
        session.add(PremisesOrganisation(premises_id=premises_id, organisation_id=organisation_id))


def _link_activity(session: Session, premises_id: uuid.UUID, activity_id: uuid.UUID) -> None:
    activity = live(session, Activity, activity_id, N_("The activity no longer exists."))
    if not any(link.activity_id == activity_id for link in _activity_links(session, premises_id)):
        session.add(PremisesActivity(premises_id=premises_id, activity_id=activity_id))
    _link_organisation(session, premises_id, activity.organisation_id)


def _set_links(session: Session, premises_id: uuid.UUID, organisation_ids: Iterable[uuid.UUID],
               activity_ids: Iterable[uuid.UUID]) -> None:
    wanted_orgs, wanted_activities = set(organisation_ids), set(activity_ids)
    for link in _activity_links(session, premises_id):
        if link.activity_id not in wanted_activities:
            link.deleted = True
    for activity_id in sorted(wanted_activities, key=str):
        _link_activity(session, premises_id, activity_id)
        activity = session.get(Activity, activity_id)
        assert activity is not None
        wanted_orgs.add(activity.organisation_id)
    for org_link in _organisation_links(session, premises_id):
        if org_link.organisation_id not in wanted_orgs:
            org_link.deleted = True
    for organisation_id in sorted(wanted_orgs, key=str):
        _link_organisation(session, premises_id, organisation_id)


def save_premises(
    store: Store,
    premises_id: uuid.UUID | None,
    fields: dict[str, Any],
    organisation_ids: Iterable[uuid.UUID] | None = None,
    activity_ids: Iterable[uuid.UUID] | None = None,
    start: Seen | None = None,
) -> tuple[uuid.UUID, Changes]:
    """Add (``premises_id`` None) or change premises, in one operation; return the id.

    ``fields`` are among :data:`PREMISES_FIELDS`; a new one needs a name in either language.
    The links, when given, become exactly these organisations and activities (plus the
    organisations of the activities). Raises ``ValidationError`` for what cannot be stored.
    An edit from ``start`` (``PremisesDetails.start``) keeps what another user saved meanwhile,
    or raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    orgs = None if organisation_ids is None else list(organisation_ids)
    acts = None if activity_ids is None else list(activity_ids)

    def apply(session: Session) -> uuid.UUID:
        if premises_id is None:
            values = _clean(session, {"name_fi": "", "name_sv": "", **fields})
            premises = Premises(**values)
            session.add(premises)
            session.flush()
        else:
            premises = _premises(session, premises_id)
            apply_edit(session, premises, _clean(session, fields), start)
        if orgs is not None or acts is not None:
            current_orgs = [link.organisation_id for link in _organisation_links(session, premises.id)]
            current_acts = [link.activity_id for link in _activity_links(session, premises.id)]
            _set_links(session, premises.id, current_orgs if orgs is None else orgs,
                       current_acts if acts is None else acts)
        return premises.id

    return store.run_returning("add premises" if premises_id is None else "edit premises", apply)


def delete_premises(store: Store, premises_id: uuid.UUID) -> Changes:
    """Delete premises and their links (tombstones that travel to other copies)."""

    def apply(session: Session) -> None:
        premises = session.get(Premises, premises_id)
        if premises is None or premises.deleted:
            return
        premises.deleted = True
        links: list[PremisesOrganisation | PremisesActivity] = [
            *_organisation_links(session, premises_id), *_activity_links(session, premises_id)]
        for link in links:
            link.deleted = True

    return store.run("delete premises", apply)


def set_activity_premises(store: Store, activity_id: uuid.UUID,
                          premises_ids: Iterable[uuid.UUID]) -> Changes:
    """The activity is held in exactly these premises (its organisation becomes a user of each)."""
    wanted = set(premises_ids)

    def apply(session: Session) -> None:
        for link in session.scalars(select(PremisesActivity).where(
                PremisesActivity.activity_id == activity_id, PremisesActivity.deleted.is_(False))):
            if link.premises_id not in wanted:
                link.deleted = True
        for premises_id in sorted(wanted, key=str):
            _premises(session, premises_id)
            _link_activity(session, premises_id, activity_id)

    return store.run("link activity to premises", apply)


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PremisesFilter:
    """What the list shows: ``text`` in a name, the address or the owner's name; premises in
    ``municipality``; for at least ``min_capacity`` people; with every one of ``features``
    (:data:`FEATURES`); on ``terms``. Empty values do not filter."""

    text: str = ""
    municipality: str = ""
    min_capacity: int = 0
    features: frozenset[str] = field(default_factory=frozenset)
    terms: str = ""


@dataclass(frozen=True)
class PremisesRow:
    """One premises as lists show them, in the user's language."""

    premises_id: uuid.UUID
    name: str
    address: str
    municipality: str
    owner: str
    kind: str
    capacity: int | None
    accessibility: str
    terms: str
    users: int


def accessibility_text(premises: Premises) -> str:
    return ", ".join(_(FEATURE_LABELS[name]) for name in FEATURES if getattr(premises, name))


def premises_rows(session: Session, language: str,
                  wanted: PremisesFilter | None = None) -> list[PremisesRow]:
    """The premises that are not deleted and pass ``wanted``, by municipality and name."""
    wanted = wanted or PremisesFilter()
    query = select(Premises).where(Premises.deleted.is_(False))
    if wanted.municipality:
        query = query.where(Premises.municipality_code == wanted.municipality)
    if wanted.min_capacity > 0:
        query = query.where(Premises.capacity >= wanted.min_capacity)
    for name in wanted.features:
        if name not in FEATURES:
            raise ValueError(f"not an accessibility feature: {name}")
        query = query.where(getattr(Premises, name).is_(True))
    if wanted.terms:
        query = query.where(Premises.terms == wanted.terms)
    found = list(session.scalars(query))
    owners = _owner_names(session, {p.owner_id for p in found if p.owner_id}, language)
    places = {m.code: m.name(language) for m in session.scalars(select(Municipality))}
    text = wanted.text.strip().casefold()
    if text:
        found = [p for p in found if text in " ".join(
            (p.name_fi, p.name_sv, p.address, owners.get(p.owner_id, "") if p.owner_id else "")
        ).casefold()]
    users = _user_counts(session, [p.id for p in found])
    rows = [
        PremisesRow(
            premises_id=p.id, name=p.display_name(language), address=p.address,
            municipality=places.get(p.municipality_code or "", p.municipality_code or ""),
            owner=owners.get(p.owner_id, "") if p.owner_id else "",
            kind=label(PremisesType, p.kind), capacity=p.capacity,
            accessibility=accessibility_text(p), terms=label(PremisesTerms, p.terms),
            users=users.get(p.id, 0),
        )
        for p in found
    ]
    return sorted(rows, key=lambda r: (r.municipality.casefold(), r.name.casefold(), str(r.premises_id)))


def _owner_names(session: Session, ids: set[uuid.UUID], language: str) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return {o.id: o.display_name(language)
            for o in session.scalars(select(Organisation).where(Organisation.id.in_(ids)))}


def _user_counts(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    counts: dict[uuid.UUID, int] = {}
    if not ids:
        return counts
    for link in session.scalars(select(PremisesOrganisation).where(
            PremisesOrganisation.premises_id.in_(ids), PremisesOrganisation.deleted.is_(False))):
        counts[link.premises_id] = counts.get(link.premises_id, 0) + 1
    return counts


@dataclass(frozen=True)
class Choice:
    """Something to pick in a dialog: its id and how it is shown."""

    id: uuid.UUID
    text: str


@dataclass(frozen=True)
class PremisesDetails:
    """Premises for editing: the fields, the owner's name and the linked records."""

    fields: dict[str, Any]
    owner: Choice | None
    organisations: list[Choice]
    activities: list[Choice]
    # Handed back to ``save_premises``: another user's save meanwhile is noticed, not overwritten.
    start: Seen | None = None


def premises_details(session: Session, premises_id: uuid.UUID, language: str) -> PremisesDetails:
    premises = _premises(session, premises_id)
    fields = {name: getattr(premises, name) for name in PREMISES_FIELDS}
    owner = None
    if premises.owner_id is not None:
        org = session.get(Organisation, premises.owner_id)
        if org is not None:
            owner = Choice(org.id, org.display_name(language))
    orgs = [session.get(Organisation, link.organisation_id)
            for link in _organisation_links(session, premises_id)]
    users = sorted((Choice(o.id, o.display_name(language)) for o in orgs if o is not None and not o.deleted),
                   key=lambda c: c.text.casefold())
    return PremisesDetails(fields, owner, users, activity_choices(
        session, [link.activity_id for link in _activity_links(session, premises_id)], language),
        seen(premises, PREMISES_FIELDS))


def activity_choices(session: Session, activity_ids: Iterable[uuid.UUID],
                     language: str) -> list[Choice]:
    """Activities (not deleted) shown as "title – organisation", by title."""
    ids = list(activity_ids)
    if not ids:
        return []
    rows = session.execute(
        select(Activity, Organisation).join(Organisation, Activity.organisation_id == Organisation.id)
        .where(Activity.id.in_(ids), Activity.deleted.is_(False)))
    return sorted((Choice(a.id, f"{a.title} – {o.display_name(language)}") for a, o in rows),
                  key=lambda c: c.text.casefold())


def activities_of_organisations(session: Session, organisation_ids: Iterable[uuid.UUID],
                                language: str) -> list[Choice]:
    """The activities of these organisations: what may be linked to premises they use."""
    ids = list(organisation_ids)
    if not ids:
        return []
    return activity_choices(session, session.scalars(select(Activity.id).where(
        Activity.organisation_id.in_(ids), Activity.deleted.is_(False))), language)


def find_organisations(session: Session, text: str, language: str, limit: int = 30) -> list[Choice]:
    """Organisation records (public partners too) whose name or abbreviation contains ``text``."""
    wanted = text.strip()
    if not wanted:
        return []
    # SQLite's LIKE folds ASCII only: "NÄKÖ" typed must still find "Näkövammaiset".
    escaped = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    patterns = {f"%{variant}%" for variant in (escaped, escaped.lower(), escaped.upper(),
                                                escaped.capitalize())}
    found = session.scalars(
        select(Organisation).where(
            Organisation.deleted.is_(False),
            or_(*(column.like(pattern, escape="\\") for pattern in patterns
                  for column in (Organisation.name_fi, Organisation.name_sv, Organisation.abbreviation))),
        ).limit(limit * 4)
    )
    folded = wanted.casefold()
    choices = [Choice(o.id, o.display_name(language)) for o in found
               if folded in f"{o.name_fi} {o.name_sv} {o.abbreviation}".casefold()]
    return sorted(choices, key=lambda c: (not c.text.casefold().startswith(folded),
                                          c.text.casefold()))[:limit]


def premises_choices(session: Session, language: str) -> list[Choice]:
    """Every premises that is not deleted, as "name, municipality", alphabetically."""
    places = {m.code: m.name(language) for m in session.scalars(select(Municipality))}
    found = session.scalars(select(Premises).where(Premises.deleted.is_(False)))
    choices = []
    for p in found:
        place = places.get(p.municipality_code or "", "")
        choices.append(Choice(p.id, f"{p.display_name(language)}, {place}" if place
                              else p.display_name(language)))
    return sorted(choices, key=lambda c: c.text.casefold())


def premises_of_activity(session: Session, activity_id: uuid.UUID) -> list[uuid.UUID]:
    return list(session.scalars(
        select(PremisesActivity.premises_id)
        .join(Premises, PremisesActivity.premises_id == Premises.id)
        .where(PremisesActivity.activity_id == activity_id, PremisesActivity.deleted.is_(False),
               Premises.deleted.is_(False))))


def premises_of_organisation(session: Session, organisation_id: uuid.UUID,
                             language: str) -> list[PremisesRow]:
    """Premises the organisation uses or owns, for its page."""
    used = set(session.scalars(select(PremisesOrganisation.premises_id).where(
        PremisesOrganisation.organisation_id == organisation_id,
        PremisesOrganisation.deleted.is_(False))))
    owned = set(session.scalars(select(Premises.id).where(Premises.owner_id == organisation_id)))
    ids = used | owned
    return [row for row in premises_rows(session, language) if row.premises_id in ids]


def premises_municipalities(session: Session, language: str) -> list[tuple[str, str]]:
    """(code, name) of the municipalities that have premises, alphabetically: the list's filter."""
    codes = set(session.scalars(select(Premises.municipality_code).where(
        Premises.deleted.is_(False), Premises.municipality_code.is_not(None))))
    names = municipality_names(session, language)
    return [(code, name) for code, name in names.items() if code in codes]
