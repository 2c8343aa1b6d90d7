"""Organisation-based activity (who does what, where) and the log of interactions.

An activity is something an organisation runs that residents can be guided to: a peer-support
group, a club evening, an open café. The published ones make up the public list. Interactions
are the officer's own log of meetings, calls, e-mails and visits with an organisation.

Every write is one store operation; rows are never removed, a deletion is a tombstone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.storage.models import Activity, ContactPerson, Interaction, Municipality, Organisation
from desktop.storage.models.enums import InteractionKind, OrganisationStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

# What a caller may set on an activity; the organisation is fixed when it is added.
ACTIVITY_FIELDS = frozenset({
    "title", "description", "target_group", "municipalities", "when",
    "free_of_charge", "open_to_all", "accessible", "contact_id", "published",
})  # fmt: skip
_TEXT_FIELDS = ("title", "description", "target_group", "when")
_FLAGS = ("free_of_charge", "open_to_all", "accessible", "published")


def _clean(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise activity fields; raise ``ValidationError`` for what cannot be stored."""
    unknown = set(fields) - ACTIVITY_FIELDS
    if unknown:
        raise TypeError(f"not activity fields: {', '.join(sorted(unknown))}")
    values = dict(fields)
    for name in _TEXT_FIELDS:
        if name in values:
            values[name] = (values[name] or "").strip()
    for name in _FLAGS:
        if name in values:
            values[name] = bool(values[name])
    if "title" in values and not values["title"]:
        raise ValidationError(_("An activity needs a title."))
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
        person = session.get(ContactPerson, contact_id)
        if person is None or person.deleted:
            raise ValidationError(_("The contact person no longer exists."))
    return values


def _organisation(session: Session, organisation_id: uuid.UUID) -> Organisation:
    org = session.get(Organisation, organisation_id)
    if org is None or org.deleted:
        raise ValidationError(_("The organisation no longer exists."))
    return org


def _activity(session: Session, activity_id: uuid.UUID) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted:
        raise ValidationError(_("The activity no longer exists."))
    return activity


def add_activity(
    store: Store, organisation_id: uuid.UUID, **fields: Any
) -> tuple[uuid.UUID, Changes]:
    """Add an activity to an organisation; return its id and what changed.

    ``fields`` are among :data:`ACTIVITY_FIELDS`; ``title`` is required. Municipality codes
    must be known and the contact person must exist. Raises ``ValidationError`` otherwise.
    """
    created: list[uuid.UUID] = []

    def apply(session: Session) -> None:
        _organisation(session, organisation_id)
        values = _clean(session, {"title": "", **fields})
        activity = Activity(organisation_id=organisation_id, **values)
        session.add(activity)
        session.flush()
        created.append(activity.id)

    changes = store.run("add activity", apply)
    return created[0], changes


def update_activity(store: Store, activity_id: uuid.UUID, **fields: Any) -> Changes:
    """Change some fields of an activity (see :func:`add_activity` for the rules)."""

    def apply(session: Session) -> None:
        activity = _activity(session, activity_id)
        for name, value in _clean(session, fields).items():
            if getattr(activity, name) != value:
                setattr(activity, name, value)

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
    if kind not in set(InteractionKind):
        raise ValidationError(_("Unknown kind of interaction: {kind}").format(kind=kind))
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise TypeError(f"an interaction's date must be a date, not {date!r}")

    def apply(session: Session) -> None:
        _organisation(session, organisation_id)
        session.add(
            Interaction(
                organisation_id=organisation_id,
                date=date,
                kind=InteractionKind(kind).value,
                note=(note or "").strip(),
                officer=(officer or "").strip(),
            )
        )

    return store.run("log interaction", apply)


def interactions_of(session: Session, organisation_id: uuid.UUID) -> list[Interaction]:
    """An organisation's interactions that are not deleted, newest first."""
    return list(
        session.scalars(
            select(Interaction)
            .where(Interaction.organisation_id == organisation_id, Interaction.deleted.is_(False))
            .order_by(Interaction.date.desc(), Interaction.created_at.desc())
        )
    )
