"""Organisation-based activity (who does what, where) and the log of interactions.

An activity is something an organisation runs that residents can be guided to: a peer-support
group, a club evening, an open café. The published ones make up the public list. Interactions
are the officer's own log of meetings, calls, e-mails and visits with an organisation.

Every write is one store operation; rows are never removed, a deletion is a tombstone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import LANGUAGES, N_, _
from desktop.services.fields import checked_fields
from desktop.services.records import Seen, apply_edit, live, live_organisation, live_person, seen
from desktop.storage.models import Activity, ContactPerson, Interaction, Municipality, Organisation
from desktop.storage.models.enums import InteractionKind, OrganisationStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

# What a caller may set on an activity; the organisation is fixed when it is added.
ACTIVITY_FIELDS = frozenset({
    "title", "description", "target_group", "municipalities", "when",
    "free_of_charge", "open_to_all", "accessible", "contact_id", "published",
    "language", "title_translation",
})  # fmt: skip
_TEXT_FIELDS = ("title", "description", "target_group", "when", "title_translation")
_FLAGS = ("free_of_charge", "open_to_all", "accessible", "published")
# What correcting a logged interaction may change.
INTERACTION_FIELDS = ("date", "kind", "note", "officer")


def _clean(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise activity fields; raise ``ValidationError`` for what cannot be stored."""
    values = checked_fields(fields, ACTIVITY_FIELDS, "activity", _TEXT_FIELDS)
    for name in _FLAGS:
        if name in values:
            values[name] = bool(values[name])
    if "title" in values and not values["title"]:
        raise ValidationError(_("An activity needs a title."))
    if "language" in values and values["language"] not in LANGUAGES:
        raise ValidationError(_("Unknown language: {code}").format(code=values["language"]))
    if "municipalities" in values:
        codes = list(dict.fromkeys(values["municipalities"] or []))
        known = set(session.scalars(select(Municipality.code).where(Municipality.code.in_(codes))))
        for code in codes:
            if code not in known:
                raise ValidationError(
                    _("There is no municipality with the code {code}.").format(code=code))
        values["municipalities"] = codes
    contact_id = values.get("contact_id")
    if contact_id is not None:
        live_person(session, contact_id)
    return values



def _activity(session: Session, activity_id: uuid.UUID) -> Activity:
    return live(session, Activity, activity_id, N_("The activity no longer exists."))


def add_activity(
    store: Store, organisation_id: uuid.UUID, **fields: Any
) -> tuple[uuid.UUID, Changes]:
    """Add an activity to an organisation; return its id and what changed.

    ``fields`` are among :data:`ACTIVITY_FIELDS`; ``title`` is required. Municipality codes
    must be known and the contact person must exist. Raises ``ValidationError`` otherwise.
    """
    def apply(session: Session) -> uuid.UUID:
        live_organisation(session, organisation_id)
        values = _clean(session, {"title": "", **fields})
        activity = Activity(organisation_id=organisation_id, **values)
        session.add(activity)
        session.flush()
        return activity.id

    return store.run_returning("add activity", apply)


def update_activity(store: Store, activity_id: uuid.UUID, *, start: Seen | None = None,
                    **fields: Any) -> Changes:
    """Change some fields of an activity (see :func:`add_activity` for the rules).

    An edit from ``start`` (:func:`activity_seen`) keeps what another user saved meanwhile, or
    raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """

    def apply(session: Session) -> None:
        apply_edit(session, _activity(session, activity_id), _clean(session, fields), start)

    return store.run("edit activity", apply)


def delete_activity(store: Store, activity_id: uuid.UUID) -> Changes:
    """Delete an activity: a tombstone that travels to other copies, not a removed row."""

    def apply(session: Session) -> None:
        activity = session.get(Activity, activity_id)
        if activity is not None and not activity.deleted:
            activity.deleted = True

    return store.run("delete activity", apply)


def activities_of(session: Session, organisation_id: uuid.UUID) -> list[Activity]:
    """An organisation's activities that are not deleted, by title."""
    rows = session.scalars(
        select(Activity).where(
            Activity.organisation_id == organisation_id, Activity.deleted.is_(False)
        )
    )
    return sorted(rows, key=lambda a: (a.title.casefold(), a.title, str(a.id)))


@dataclass(frozen=True)
class ActivityRow:
    """One activity of an organisation, as its Activities tab lists them (user's language)."""

    activity_id: uuid.UUID
    title: str
    when: str
    municipalities: str
    contact: str
    published: bool


def activity_rows(session: Session, organisation_id: uuid.UUID, language: str) -> list[ActivityRow]:
    names = municipality_names(session, language)
    people = {p.id: p.name for p in session.scalars(
        select(ContactPerson).join(Activity, Activity.contact_id == ContactPerson.id).where(
            Activity.organisation_id == organisation_id, ContactPerson.deleted.is_(False)))}
    return [
        ActivityRow(a.id, a.title, a.when,
                    ", ".join(sorted((names.get(c, c) for c in a.municipalities), key=str.casefold)),
                    people.get(a.contact_id, "") if a.contact_id else "", a.published)
        for a in activities_of(session, organisation_id)
    ]


def activity_values(session: Session, activity_id: uuid.UUID) -> dict[str, Any]:
    """An activity's fields (:data:`ACTIVITY_FIELDS`), for editing."""
    activity = _activity(session, activity_id)
    return {name: getattr(activity, name) for name in ACTIVITY_FIELDS}


def activity_seen(session: Session, activity_id: uuid.UUID) -> Seen:
    """The activity as its editor starts from, to hand back to :func:`update_activity`."""
    return seen(_activity(session, activity_id), ACTIVITY_FIELDS)


def municipality_names(session: Session, language: str) -> dict[str, str]:
    """Code -> name in ``language`` of every reference municipality, in alphabetical order."""
    pairs = [(m.code, m.name(language)) for m in session.scalars(select(Municipality))]
    return dict(sorted(pairs, key=lambda pair: (pair[1].casefold(), pair[0])))


def published_activities(session: Session, language: str = "fi") -> list[Activity]:
    """The public list: published activities of active organisations, none of them deleted.

    Ordered by municipality (the name, in ``language``, of the first of the activity's
    municipalities in alphabetical order; activities with none come last), then by title.
    """
    rows = session.scalars(
        select(Activity)
        .join(Organisation, Activity.organisation_id == Organisation.id)
        .where(
            Activity.published.is_(True),
            Activity.deleted.is_(False),
            Organisation.deleted.is_(False),
            Organisation.status == OrganisationStatus.ACTIVE,
        )
    ).all()
    names = {m.code: m.name(language).casefold() for m in session.scalars(select(Municipality))}

    def key(activity: Activity) -> tuple[int, str, str, str, str]:
        places = sorted(names.get(code, code) for code in activity.municipalities)
        return (0 if places else 1, places[0] if places else "", activity.title.casefold(),
                activity.title, str(activity.id))

    return sorted(rows, key=key)


def _interaction_values(date: dt.date, kind: str, note: str, officer: str) -> dict[str, Any]:
    if kind not in set(InteractionKind):
        raise ValidationError(_("Unknown kind of interaction: {kind}").format(kind=kind))
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise TypeError(f"an interaction's date must be a date, not {date!r}")
    return {"date": date, "kind": InteractionKind(kind).value, "note": (note or "").strip(),
            "officer": (officer or "").strip()}


def log_interaction(
    store: Store,
    organisation_id: uuid.UUID,
    date: dt.date,
    kind: str,
    note: str,
    officer: str,
) -> Changes:
    """Record a meeting, call, e-mail or visit with an organisation.

    ``kind`` is an :class:`InteractionKind` code; anything else raises ``ValidationError``.
    """
    values = _interaction_values(date, kind, note, officer)

    def apply(session: Session) -> None:
        live_organisation(session, organisation_id)
        session.add(Interaction(organisation_id=organisation_id, **values))

    return store.run("log interaction", apply)


def update_interaction(
    store: Store,
    interaction_id: uuid.UUID,
    date: dt.date,
    kind: str,
    note: str,
    officer: str,
    start: Seen | None = None,
) -> Changes:
    """Correct a logged interaction (the same rules as :func:`log_interaction`).

    An edit from ``start`` (:func:`interaction_seen`) keeps what another user saved meanwhile,
    or raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    values = _interaction_values(date, kind, note, officer)

    def apply(session: Session) -> None:
        apply_edit(session, _interaction(session, interaction_id), values, start)

    return store.run("edit interaction", apply)


def delete_interaction(store: Store, interaction_id: uuid.UUID) -> Changes:
    """Delete a logged interaction (a tombstone)."""

    def apply(session: Session) -> None:
        interaction = session.get(Interaction, interaction_id)
        if interaction is not None and not interaction.deleted:
            interaction.deleted = True

    return store.run("delete interaction", apply)


def _interaction(session: Session, interaction_id: uuid.UUID) -> Interaction:
    interaction = session.get(Interaction, interaction_id)
    if interaction is None or interaction.deleted:
        raise ValidationError(_("The interaction no longer exists."))
    return interaction


@dataclass(frozen=True)
class InteractionRow:
    """One logged interaction, with its fields as stored (the kind is a code)."""

    interaction_id: uuid.UUID
    date: dt.date
    kind: str
    officer: str
    note: str


def interaction_rows(session: Session, organisation_id: uuid.UUID) -> list[InteractionRow]:
    """:func:`interactions_of` as plain rows, newest first."""
    return [InteractionRow(i.id, i.date, i.kind, i.officer, i.note)
            for i in interactions_of(session, organisation_id)]


def interaction_row(session: Session, interaction_id: uuid.UUID) -> InteractionRow:
    i = _interaction(session, interaction_id)
    return InteractionRow(i.id, i.date, i.kind, i.officer, i.note)


def interaction_seen(session: Session, interaction_id: uuid.UUID) -> Seen:
    """The interaction as its editor starts from, to hand back to :func:`update_interaction`."""
    return seen(_interaction(session, interaction_id), INTERACTION_FIELDS)


def interactions_of(session: Session, organisation_id: uuid.UUID) -> list[Interaction]:
    """An organisation's interactions that are not deleted, newest first."""
    return list(
        session.scalars(
            select(Interaction)
            .where(Interaction.organisation_id == organisation_id, Interaction.deleted.is_(False))
            .order_by(Interaction.date.desc(), Interaction.created_at.desc())
        )
    )
