"""Stored codes of the fixed vocabularies; their translated labels live in services.vocabulary."""

from enum import StrEnum


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


class ChecklistStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
