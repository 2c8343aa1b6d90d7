"""Applications to a grant call: who applied, for what and how much, which municipalities and
activities the work reaches, and the files sent with it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.attachments import read_attachment, stored_attachment
from desktop.services.fields import checked_fields
from desktop.services.grants._common import (
    known_municipalities,
    live_application,
    live_call,
)
from desktop.services.grants.calls import paid_per_decision
from desktop.services.grants.money import check_cents
from desktop.services.records import Seen, live_organisation, merged_values
from desktop.services.vocabulary import label
from desktop.storage.models import (
    Activity,
    Attachment,
    GrantApplication,
    GrantApplicationActivity,
    GrantApplicationAttachment,
    GrantDecision,
    GrantPayment,
    Organisation,
)
from desktop.storage.models.enums import DecisionStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes

APPLICATION_FIELDS = frozenset(
    {"purpose", "applied_cents", "received_on", "municipalities", "activity_ids"})


@dataclass(frozen=True)
class ApplicationRow:
    """An application of a call with its decision, for the call's table (inline decisions)."""

    id: uuid.UUID
    organisation_id: uuid.UUID
    organisation: str
    purpose: str
    applied_cents: int
    received_on: dt.date | None
    decision_id: uuid.UUID | None
    status: str  # label; empty while undecided
    status_code: str
    granted_cents: int | None
    paid_cents: int
    report_due: dt.date | None
    report_received: dt.date | None
    report_accepted: dt.date | None


def application_rows(session: Session, call_id: uuid.UUID, language: str) -> list[ApplicationRow]:
    """The call's applications by organisation name, each with its decision and payments."""
    paid = paid_per_decision()
    rows = session.execute(
        select(GrantApplication, Organisation, GrantDecision, paid.c.paid)
        .join(Organisation, Organisation.id == GrantApplication.organisation_id)
        .outerjoin(GrantDecision, (GrantDecision.application_id == GrantApplication.id)
                   & GrantDecision.deleted.is_(False))
        .outerjoin(paid, paid.c.decision_id == GrantDecision.id)
        .where(GrantApplication.call_id == call_id, GrantApplication.deleted.is_(False))
    ).all()
    result = [
        ApplicationRow(
            id=app.id,
            organisation_id=org.id,
            organisation=org.display_name(language),
            purpose=app.purpose,
            applied_cents=app.applied_cents,
            received_on=app.received_on,
            decision_id=decision.id if decision else None,
            status=label(DecisionStatus, decision.status) if decision else "",
            status_code=decision.status if decision else "",
            granted_cents=decision.granted_cents if decision else None,
            paid_cents=paid_cents or 0,
            report_due=decision.report_due if decision else None,
            report_received=decision.report_received if decision else None,
            report_accepted=decision.report_accepted if decision else None,
        )
        for app, org, decision, paid_cents in rows
    ]
    return sorted(result, key=lambda r: r.organisation.casefold())


# -- writing -------------------------------------------------------------------------------


def _clean(session: Session, organisation_id: uuid.UUID, fields: dict[str, Any]) -> dict[str, Any]:
    values = checked_fields(fields, APPLICATION_FIELDS, "application", ("purpose",))
    if "applied_cents" in values:
        check_cents(values["applied_cents"], "applied_cents")
        if values["applied_cents"] == 0:
            raise ValidationError(_("An application must ask for some money."))
    if "municipalities" in values:
        values["municipalities"] = known_municipalities(session, values["municipalities"] or [])
    if "activity_ids" in values:
        values["activity_ids"] = _own_activities(session, organisation_id, values["activity_ids"])
    return values


def _own_activities(session: Session, organisation_id: uuid.UUID,
                    activity_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    wanted = list(dict.fromkeys(activity_ids or []))
    found = {
        a.id: a for a in session.scalars(select(Activity).where(Activity.id.in_(wanted)))
    }
    for activity_id in wanted:
        activity = found.get(activity_id)
        if activity is None or activity.deleted:
            raise ValidationError(_("The activity no longer exists."))
        if activity.organisation_id != organisation_id:
            raise ValidationError(
                _("An application can support only the applying organisation's own activities."))
    return wanted


def _set_activities(session: Session, application: GrantApplication,
                    activity_ids: list[uuid.UUID]) -> None:
    links = session.scalars(select(GrantApplicationActivity).where(
        GrantApplicationActivity.application_id == application.id)).all()
    by_activity = {link.activity_id: link for link in links}
    for link in links:
        link.deleted = link.activity_id not in activity_ids
    for activity_id in activity_ids:
        if activity_id not in by_activity:
            session.add(GrantApplicationActivity(application_id=application.id,
                                                 activity_id=activity_id))


def create_application(store: Store, call_id: uuid.UUID, organisation_id: uuid.UUID,
                       **fields: Any) -> tuple[uuid.UUID, Changes]:
    """Add an application; ``applied_cents`` (integer cents, above 0) is required.

    ``municipalities`` are codes; ``activity_ids`` must be the organisation's own activities.
    """
    def apply(session: Session) -> uuid.UUID:
        live_call(session, call_id)
        live_organisation(session, organisation_id)
        if "applied_cents" not in fields:
            raise ValidationError(_("An application must ask for some money."))
        values = _clean(session, organisation_id, fields)
        activity_ids = values.pop("activity_ids", [])
        application = GrantApplication(call_id=call_id, organisation_id=organisation_id, **values)
        session.add(application)
        session.flush()
        _set_activities(session, application, activity_ids)
        return application.id

    return store.run_returning("add grant application", apply)


def _stated(session: Session, application: GrantApplication) -> dict[str, Any]:
    """The application as its dialog states it: with the activities it supports, and the
    municipalities and activities in a fixed order (a dialog lists them in its language's)."""
    return {
        "purpose": application.purpose, "applied_cents": application.applied_cents,
        "received_on": application.received_on,
        "municipalities": sorted(application.municipalities or []),
        "activity_ids": sorted(a.id for a in supported_activities(session, application.id)),
    }


def application_seen(session: Session, application_id: uuid.UUID) -> Seen:
    """The application as its dialog starts from, to hand back to :func:`update_application`."""
    application = live_application(session, application_id)
    return Seen(application.row_version, _stated(session, application))


def update_application(store: Store, application_id: uuid.UUID, *, start: Seen | None = None,
                       **fields: Any) -> Changes:
    """Change some fields; a decided application keeps its decision's status consistent.

    An edit from ``start`` (:func:`application_seen`) keeps what another user saved meanwhile,
    or raises ``EditConflict`` for a field both changed (see ``records.apply_edit``).
    """
    from desktop.services.grants.decisions import check_amounts, derive_status

    def apply(session: Session) -> None:
        application = live_application(session, application_id)
        values = _clean(session, application.organisation_id, fields)
        if start is not None:
            for name in ("municipalities", "activity_ids"):
                if name in values:
                    values[name] = sorted(values[name])
            values = merged_values(session, application, _stated(session, application), values,
                                 start)
        if "activity_ids" in values:
            _set_activities(session, application, values.pop("activity_ids"))
        for name, value in values.items():
            if getattr(application, name) != value:
                setattr(application, name, value)
        decision = application.decision
        if "applied_cents" in values and decision is not None and not decision.deleted:
            check_amounts(application.applied_cents, decision.granted_cents)
            if decision.status != DecisionStatus.CANCELLED:
                status = derive_status(application.applied_cents, decision.granted_cents)
                if decision.status != status:
                    decision.status = status

    return store.run("edit grant application", apply)


def delete_application(store: Store, application_id: uuid.UUID) -> Changes:
    """Delete an application with its decision and links; refused once money has been paid."""

    def apply(session: Session) -> None:
        application = live_application(session, application_id)
        decision = application.decision
        if decision is not None and not decision.deleted:
            if session.scalars(select(GrantPayment.id).where(
                    GrantPayment.decision_id == decision.id,
                    GrantPayment.deleted.is_(False))).first():
                raise ValidationError(_("Money has been paid on this decision: "
                                        "delete the payments first."))
            decision.deleted = True
        links: list[GrantApplicationActivity | GrantApplicationAttachment] = [
            *session.scalars(select(GrantApplicationActivity).where(
                GrantApplicationActivity.application_id == application_id)),
            *session.scalars(select(GrantApplicationAttachment).where(
                GrantApplicationAttachment.application_id == application_id)),
        ]
        for link in links:
            if not link.deleted:
                link.deleted = True
        application.deleted = True

    return store.run("delete grant application", apply)


# -- activities and attachments ------------------------------------------------------------


def supported_activities(session: Session, application_id: uuid.UUID) -> list[Activity]:
    return list(session.scalars(
        select(Activity)
        .join(GrantApplicationActivity, GrantApplicationActivity.activity_id == Activity.id)
        .where(GrantApplicationActivity.application_id == application_id,
               GrantApplicationActivity.deleted.is_(False), Activity.deleted.is_(False))
        .order_by(Activity.title)
    ))


def attachments(session: Session, application_id: uuid.UUID) -> list[Attachment]:
    return list(session.scalars(
        select(Attachment)
        .join(GrantApplicationAttachment, GrantApplicationAttachment.attachment_id == Attachment.id)
        .where(GrantApplicationAttachment.application_id == application_id,
               GrantApplicationAttachment.deleted.is_(False), Attachment.deleted.is_(False))
        .order_by(Attachment.filename)
    ))


def attach_file(store: Store, application_id: uuid.UUID, path: Path) -> tuple[uuid.UUID, Changes]:
    """Copy a file into the store (kept once by its SHA-256) and attach it to the application."""
    path = Path(path)
    content = read_attachment(path)

    def apply(session: Session) -> uuid.UUID:
        live_application(session, application_id)
        attachment = stored_attachment(session, path.name, content)
        link = session.scalars(select(GrantApplicationAttachment).where(
            GrantApplicationAttachment.application_id == application_id,
            GrantApplicationAttachment.attachment_id == attachment.id)).first()
        if link is None:
            session.add(GrantApplicationAttachment(application_id=application_id,
                                                   attachment_id=attachment.id))
        elif link.deleted:
            link.deleted = False
        return attachment.id

    return store.run_returning("attach file to grant application", apply)


def detach_file(store: Store, application_id: uuid.UUID, attachment_id: uuid.UUID) -> Changes:
    """Remove a file from the application (the file itself stays for other links)."""

    def apply(session: Session) -> None:
        for link in session.scalars(select(GrantApplicationAttachment).where(
                GrantApplicationAttachment.application_id == application_id,
                GrantApplicationAttachment.attachment_id == attachment_id,
                GrantApplicationAttachment.deleted.is_(False))):
            link.deleted = True

    return store.run("detach file from grant application", apply)
