"""All mapped tables; importing this package registers them on ``Base.metadata``."""

from desktop.storage.base import Base, Syncable
from desktop.storage.models.activities import Activity, Interaction
from desktop.storage.models.attachments import Attachment
from desktop.storage.models.checklist import (
    Checklist,
    ChecklistComment,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTheme,
)
from desktop.storage.models.core import AuditEntry, Meta, Municipality
from desktop.storage.models.grants import GrantApplication, GrantCall, GrantDecision, GrantPayment
from desktop.storage.models.meetings import AgendaItem, Body, BodyMember, Meeting
from desktop.storage.models.register import ContactPerson, Organisation, Representation

__all__ = [
    "Activity",
    "AgendaItem",
    "Attachment",
    "AuditEntry",
    "Base",
    "Body",
    "BodyMember",
    "Checklist",
    "ChecklistComment",
    "ChecklistItem",
    "ChecklistTemplate",
    "ChecklistTheme",
    "ContactPerson",
    "GrantApplication",
    "GrantCall",
    "GrantDecision",
    "GrantPayment",
    "Interaction",
    "Meeting",
    "Meta",
    "Municipality",
    "Organisation",
    "Representation",
    "Syncable",
]
