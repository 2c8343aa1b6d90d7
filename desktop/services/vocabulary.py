"""Translated labels of the stored codes (the codes themselves are in storage.models.enums)."""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import N_, _, translate_in
from desktop.storage.models.enums import (
    BodyKind,
    ChecklistStatus,
    DecisionStatus,
    GrantType,
    ItemType,
    MeetingStatus,
    MemberRole,
    OrganisationForm,
    OrganisationStatus,
    Sector,
)

_LABELS: dict[StrEnum, str] = {
    OrganisationForm.REGISTERED_ASSOCIATION: N_("Registered association"),
    OrganisationForm.FOUNDATION: N_("Foundation"),
    OrganisationForm.UNREGISTERED_GROUP: N_("Unregistered group"),
    OrganisationForm.COOPERATIVE: N_("Cooperative"),
    OrganisationForm.OTHER: N_("Other form"),
    OrganisationStatus.ACTIVE: N_("Active"),
    OrganisationStatus.DORMANT: N_("Dormant"),
    OrganisationStatus.DISSOLVED: N_("Dissolved"),
    Sector.SOCIAL_HEALTH: N_("Social and health"),
    Sector.SPORTS: N_("Sports"),
    Sector.YOUTH: N_("Youth"),
    Sector.CULTURE: N_("Culture"),
    Sector.IMMIGRATION: N_("Immigration"),
    Sector.ENVIRONMENT: N_("Environment"),
    Sector.VILLAGE: N_("Village and residents"),
    Sector.PENSIONERS: N_("Pensioners"),
    Sector.DISABILITY: N_("Disability"),
    Sector.PATIENT: N_("Patient"),
    Sector.OTHER: N_("Other sector"),
    BodyKind.PARTNERSHIP_TABLE: N_("Partnership table"),
    BodyKind.ARENA: N_("Organisation arena"),
    BodyKind.WORKING_GROUP: N_("Working group"),
    MemberRole.CHAIR: N_("Chair"),
    MemberRole.VICE_CHAIR: N_("Vice-chair"),
    MemberRole.SECRETARY: N_("Secretary"),
    MemberRole.MEMBER: N_("Member"),
    MeetingStatus.PLANNED: N_("Planned"),
    MeetingStatus.AGENDA_SENT: N_("Agenda sent"),
    MeetingStatus.HELD: N_("Held"),
    MeetingStatus.MINUTES_CHECKED: N_("Minutes checked"),
    MeetingStatus.MINUTES_APPROVED: N_("Minutes approved"),
    ItemType.DECISION: N_("Decision"),
    ItemType.INFORMATION: N_("Information"),
    ItemType.DISCUSSION: N_("Discussion"),
    ItemType.WORKSHOP: N_("Workshop"),
    GrantType.OPERATING: N_("Operating grant"),
    GrantType.PROJECT: N_("Project grant"),
    GrantType.PREMISES: N_("Premises grant"),
    GrantType.WELLBEING: N_("Health and wellbeing promotion grant"),
    GrantType.EVENT: N_("Event grant"),
    GrantType.OTHER: N_("Other grant"),
    DecisionStatus.GRANTED: N_("Granted"),
    DecisionStatus.PARTLY_GRANTED: N_("Partly granted"),
    DecisionStatus.REJECTED: N_("Rejected"),
    DecisionStatus.CANCELLED: N_("Cancelled"),
    ChecklistStatus.NOT_STARTED: N_("Not started"),
    ChecklistStatus.IN_PROGRESS: N_("In progress"),
    ChecklistStatus.DONE: N_("Done"),
    ChecklistStatus.NOT_APPLICABLE: N_("Not applicable"),
}

ENUMS = (
    OrganisationForm,
    OrganisationStatus,
    Sector,
    BodyKind,
    MemberRole,
    MeetingStatus,
    ItemType,
    GrantType,
    DecisionStatus,
    ChecklistStatus,
)


def label(enum_type: type[StrEnum], code: str) -> str:
    """The translated label of a stored code; an unknown code is shown as it is."""
    try:
        return _(_LABELS[enum_type(code)])
    except (ValueError, KeyError):
        return code


def labels(enum_type: type[StrEnum]) -> list[tuple[str, str]]:
    """(code, label) pairs in declaration order, for combo boxes and filters."""
    return [(member.value, _(_LABELS[member])) for member in enum_type]


def label_in(language: str, enum_type: type[StrEnum], code: str) -> str:
    """The label in a given language, e.g. for a document written in another language."""
    try:
        return translate_in(language, _LABELS[enum_type(code)])
    except (ValueError, KeyError):
        return code
