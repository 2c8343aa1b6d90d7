"""The record a user acts on, which another window or another copy may have deleted meanwhile."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import N_, _
from desktop.storage.base import Syncable
from desktop.storage.models import ContactPerson, Organisation

R = TypeVar("R", bound=Syncable)


def live(session: Session, model: type[R], record_id: uuid.UUID, gone: str) -> R:
    """The record, or ``ValidationError(gone)`` (an ``N_`` message) when it is missing or a tombstone."""
    record = session.get(model, record_id)
    if record is None or record.deleted:
        raise ValidationError(_(gone))
    return record


def apply_fields(record: object, fields: Mapping[str, Any]) -> None:
    """Set only what differs: an unchanged value written back would still be audited as an update."""
    for name, value in fields.items():
        if getattr(record, name) != value:
            setattr(record, name, value)


def live_organisation(session: Session, organisation_id: uuid.UUID) -> Organisation:
    return live(session, Organisation, organisation_id, N_("The organisation no longer exists."))


def live_person(session: Session, person_id: uuid.UUID) -> ContactPerson:
    return live(session, ContactPerson, person_id, N_("The contact person no longer exists."))
