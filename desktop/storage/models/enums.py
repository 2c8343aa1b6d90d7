"""Stored codes of the fixed vocabularies and the (translatable) labels shown for them.

``LABELS`` holds the English msgids; ``services.vocabulary`` translates them for display.
"""

from enum import StrEnum

from desktop.i18n import N_


class OrganisationForm(StrEnum):
    REGISTERED_ASSOCIATION = "registered_association"
    FOUNDATION = "foundation"
    UNREGISTERED_GROUP = "unregistered_group"
    COOPERATIVE = "cooperative"
    OTHER = "other"


class OrganisationStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    DISSOLVED = "dissolved"


class Sector(StrEnum):
    SOCIAL_HEALTH = "social_health"
    SPORTS = "sports"
    YOUTH = "youth"
    CULTURE = "culture"
    IMMIGRATION = "immigration"
    ENVIRONMENT = "environment"
    VILLAGE = "village"
    PENSIONERS = "pensioners"
    DISABILITY = "disability"
    PATIENT = "patient"
    OTHER = "other"


class BodyKind(StrEnum):
    PARTNERSHIP_TABLE = "partnership_table"
    ARENA = "arena"
    WORKING_GROUP = "working_group"


class MemberRole(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    MEMBER = "member"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    AGENDA_SENT = "agenda_sent"
    HELD = "held"
    MINUTES_CHECKED = "minutes_checked"
    MINUTES_APPROVED = "minutes_approved"


class ItemType(StrEnum):
    DECISION = "decision"
    INFORMATION = "information"
    DISCUSSION = "discussion"
    WORKSHOP = "workshop"


class Presence(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    DEPUTY = "deputy"  # a deputy attends for the member
    EXPERT = "expert"  # invited, not a member


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class GrantType(StrEnum):
    OPERATING = "operating"
    PROJECT = "project"
    PREMISES = "premises"
    WELLBEING = "wellbeing"
    EVENT = "event"
    OTHER = "other"


class DecisionStatus(StrEnum):
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class InteractionKind(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    VISIT = "visit"


class ChecklistStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"


_PAIRS: tuple[tuple[StrEnum, str], ...] = (
    (OrganisationForm.REGISTERED_ASSOCIATION, N_("Registered association")),
    (OrganisationForm.FOUNDATION, N_("Foundation")),
    (OrganisationForm.UNREGISTERED_GROUP, N_("Unregistered group")),
    (OrganisationForm.COOPERATIVE, N_("Cooperative")),
    (OrganisationForm.OTHER, N_("Other form")),
    (OrganisationStatus.ACTIVE, N_("Active")),
    (OrganisationStatus.DORMANT, N_("Dormant")),
    (OrganisationStatus.DISSOLVED, N_("Dissolved")),
    (Sector.SOCIAL_HEALTH, N_("Social and health")),
    (Sector.SPORTS, N_("Sports")),
    (Sector.YOUTH, N_("Youth")),
    (Sector.CULTURE, N_("Culture")),
    (Sector.IMMIGRATION, N_("Immigration")),
    (Sector.ENVIRONMENT, N_("Environment")),
    (Sector.VILLAGE, N_("Village and residents")),
    (Sector.PENSIONERS, N_("Pensioners")),
    (Sector.DISABILITY, N_("Disability")),
    (Sector.PATIENT, N_("Patient")),
    (Sector.OTHER, N_("Other sector")),
    (BodyKind.PARTNERSHIP_TABLE, N_("Partnership table")),
    (BodyKind.ARENA, N_("Organisation arena")),
    (BodyKind.WORKING_GROUP, N_("Working group")),
    (MemberRole.CHAIR, N_("Chair")),
    (MemberRole.VICE_CHAIR, N_("Vice-chair")),
    (MemberRole.SECRETARY, N_("Secretary")),
    (MemberRole.MEMBER, N_("Member")),
    (MeetingStatus.PLANNED, N_("Planned")),
    (MeetingStatus.AGENDA_SENT, N_("Agenda sent")),
    (MeetingStatus.HELD, N_("Held")),
    (MeetingStatus.MINUTES_CHECKED, N_("Minutes checked")),
    (MeetingStatus.MINUTES_APPROVED, N_("Minutes approved")),
    (ItemType.DECISION, N_("Decision")),
    (ItemType.INFORMATION, N_("Information")),
    (ItemType.DISCUSSION, N_("Discussion")),
    (ItemType.WORKSHOP, N_("Workshop")),
    (Presence.PRESENT, N_("Present")),
    (Presence.ABSENT, N_("Absent")),
    (Presence.DEPUTY, N_("Deputy")),
    (Presence.EXPERT, N_("Expert")),
    (ActionStatus.OPEN, N_("Open")),
    # Not "In progress": that msgid is a checklist step's status; the wording may differ.
    (ActionStatus.IN_PROGRESS, N_("Under way")),
    (ActionStatus.DONE, N_("Completed")),
    (ActionStatus.CANCELLED, N_("Cancelled action")),
    (GrantType.OPERATING, N_("Operating grant")),
    (GrantType.PROJECT, N_("Project grant")),
    (GrantType.PREMISES, N_("Premises grant")),
    (GrantType.WELLBEING, N_("Health and wellbeing promotion grant")),
    (GrantType.EVENT, N_("Event grant")),
    (GrantType.OTHER, N_("Other grant")),
    (DecisionStatus.GRANTED, N_("Granted")),
    (DecisionStatus.PARTLY_GRANTED, N_("Partly granted")),
    (DecisionStatus.REJECTED, N_("Rejected")),
    (DecisionStatus.CANCELLED, N_("Cancelled")),
    (ChecklistStatus.NOT_STARTED, N_("Not started")),
    (ChecklistStatus.IN_PROGRESS, N_("In progress")),
    (ChecklistStatus.DONE, N_("Done")),
    (ChecklistStatus.NOT_APPLICABLE, N_("Not applicable")),
    (InteractionKind.MEETING, N_("Meeting")),
    # Not "Call": that msgid is a grant call ("Haku").
    (InteractionKind.CALL, N_("Phone call")),
    (InteractionKind.EMAIL, N_("E-mail")),
    (InteractionKind.VISIT, N_("Visit")),
)

# Keyed by (enum type, code): StrEnum members hash as their strings, and several enums
# share a code such as "other".
LABELS: dict[tuple[type[StrEnum], str], str] = {(type(m), m.value): text for m, text in _PAIRS}
