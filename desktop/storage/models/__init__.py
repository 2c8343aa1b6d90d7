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
from desktop.storage.models.grants import (
    GrantApplication,
    GrantApplicationActivity,
    GrantApplicationAttachment,
    GrantCall,
    GrantDecision,
    GrantPayment,
)
from desktop.storage.models.idea_bank import Idea
from desktop.storage.models.meeting_records import (
    ActionItem,
    Disqualification,
    DissentingOpinion,
    ItemAttachment,
    MeetingAttendance,
    MinutesCorrection,
    WorkshopPoint,
)
from desktop.storage.models.meetings import AgendaItem, Body, BodyMember, Meeting
from desktop.storage.models.network import LiaisonRole
from desktop.storage.models.premises import Premises, PremisesActivity, PremisesOrganisation
from desktop.storage.models.register import ContactPerson, Organisation, Representation
from desktop.storage.models.sync import FieldClock, SyncConflict, SyncExchange, SyncPeer

__all__ = [
    "ActionItem",
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
    "Disqualification",
    "DissentingOpinion",
    "FieldClock",
    "GrantApplication",
    "GrantApplicationActivity",
    "GrantApplicationAttachment",
    "GrantCall",
    "GrantDecision",
    "GrantPayment",
    "Idea",
    "Interaction",
    "ItemAttachment",
    "LiaisonRole",
    "Meeting",
    "MeetingAttendance",
    "Meta",
    "MinutesCorrection",
    "Municipality",
    "Organisation",
    "Premises",
    "PremisesActivity",
    "PremisesOrganisation",
    "Representation",
    "SyncConflict",
    "SyncExchange",
    "SyncPeer",
    "Syncable",
    "WorkshopPoint",
]
