"""Stored codes of the fixed vocabularies and the (translatable) labels shown for them.

``LABELS`` holds the English msgids; ``services.vocabulary`` translates them for display.
"""

from enum import StrEnum

from desktop.i18n import N_, NP_


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


class RecordKind(StrEnum):
    MEMO = "memo"  # advisory bodies: no legality item, signatures or appeal instructions
    MINUTES = "minutes"  # deciding bodies


class DecisionType(StrEnum):
    AS_PROPOSED = "as_proposed"
    AMENDED = "amended"
    REJECTED = "rejected"
    TABLED = "tabled"  # jätettiin pöydälle: back on the next agenda
    RETURNED = "returned"  # palautettiin valmisteluun: back on a later agenda
    NOTED = "noted"
    VOTE = "vote"


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


class IdeaStatus(StrEnum):
    NEW = "new"
    TAKEN_FORWARD = "taken_forward"  # to an action item or a checklist step
    MERGED = "merged"  # into another idea
    DROPPED = "dropped"


class IdeaOrigin(StrEnum):
    WORKSHOP = "workshop"  # beyond a group's top three
    MANUAL = "manual"


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


class PremisesType(StrEnum):
    MEETING_ROOM = "meeting_room"
    HALL = "hall"
    KITCHEN = "kitchen"
    SPORTS = "sports"
    OUTDOOR = "outdoor"
    OTHER = "other"


class PremisesTerms(StrEnum):
    """On what terms organisations may use premises."""

    FREE = "free"
    FEE = "fee"
    FREE_FOR_WELLBEING = "free_for_wellbeing"  # free for non-profit health and wellbeing activity


class ChecklistStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"


class OrganisationKind(StrEnum):
    """What a register entry is: a civil-society organisation or one of the public partners."""

    ORGANISATION = "organisation"
    COUNTY_UNIT = "county_unit"
    MUNICIPALITY = "municipality"
    PARISH = "parish"
    SERVICE_PRODUCER = "service_producer"
    EDUCATIONAL_INSTITUTION = "educational_institution"


class LiaisonRoleKind(StrEnum):
    """The liaison roles every municipality should have named (seed 004), and user-defined ones."""

    WELLBEING_PROMOTION = "wellbeing_promotion"
    ORGANISATION_COOPERATION = "organisation_cooperation"
    VOLUNTEERING = "volunteering"
    OTHER = "other"  # user-defined: the role's title says what


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
    (ItemType.DECISION, NP_("item type", "Decision")),  # an item to decide, not a decision
    (ItemType.INFORMATION, N_("Information")),
    (ItemType.DISCUSSION, N_("Discussion")),
    (ItemType.WORKSHOP, N_("Workshop")),
    (RecordKind.MEMO, N_("Memo")),
    (RecordKind.MINUTES, N_("Minutes")),
    (DecisionType.AS_PROPOSED, N_("Approved as proposed")),
    (DecisionType.AMENDED, N_("Approved as amended")),
    (DecisionType.REJECTED, N_("Proposal rejected")),
    (DecisionType.TABLED, N_("Tabled")),
    (DecisionType.RETURNED, N_("Returned for further preparation")),
    (DecisionType.NOTED, N_("Noted for information")),
    (DecisionType.VOTE, N_("Decided by vote")),
    (Presence.PRESENT, N_("Present")),
    (Presence.ABSENT, N_("Absent")),
    (Presence.DEPUTY, N_("Deputy")),
    (Presence.EXPERT, N_("Expert")),
    (ActionStatus.OPEN, N_("Open")),
    # Not "In progress": that msgid is a checklist step's status; the wording may differ.
    (ActionStatus.IN_PROGRESS, N_("Under way")),
    (ActionStatus.DONE, N_("Completed")),
    (ActionStatus.CANCELLED, N_("Cancelled action")),
    (IdeaStatus.NEW, N_("New idea")),
    (IdeaStatus.TAKEN_FORWARD, N_("Taken forward")),
    (IdeaStatus.MERGED, N_("Merged into another idea")),
    (IdeaStatus.DROPPED, N_("Dropped")),
    (IdeaOrigin.WORKSHOP, N_("From a workshop")),
    (IdeaOrigin.MANUAL, N_("Added by hand")),
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
    (InteractionKind.MEETING, NP_("interaction", "Meeting")),  # not a body's meeting
    # Not "Call": that msgid is a grant call ("Haku").
    (InteractionKind.CALL, N_("Phone call")),
    (InteractionKind.EMAIL, N_("E-mail")),
    (InteractionKind.VISIT, N_("Visit")),
    (PremisesType.MEETING_ROOM, N_("Meeting room")),
    (PremisesType.HALL, N_("Hall")),
    (PremisesType.KITCHEN, N_("Kitchen")),
    (PremisesType.SPORTS, N_("Sports space")),
    (PremisesType.OUTDOOR, N_("Outdoor space")),
    (PremisesType.OTHER, N_("Other premises")),
    (PremisesTerms.FREE, N_("Free of charge")),
    (PremisesTerms.FEE, N_("For a fee")),
    (PremisesTerms.FREE_FOR_WELLBEING, N_("Free for non-profit health and wellbeing activity")),
    (OrganisationKind.ORGANISATION, N_("Organisation")),
    (OrganisationKind.COUNTY_UNIT, N_("County unit")),
    (OrganisationKind.MUNICIPALITY, N_("Municipality (partner)")),
    (OrganisationKind.PARISH, N_("Parish")),
    (OrganisationKind.SERVICE_PRODUCER, N_("Service producer")),
    (OrganisationKind.EDUCATIONAL_INSTITUTION, N_("Educational institution")),
    (LiaisonRoleKind.WELLBEING_PROMOTION, N_("Health and wellbeing promotion")),
    (LiaisonRoleKind.ORGANISATION_COOPERATION, N_("Organisation cooperation")),
    (LiaisonRoleKind.VOLUNTEERING, N_("Volunteering coordination")),
    (LiaisonRoleKind.OTHER, N_("Other role")),
)

# Keyed by (enum type, code): StrEnum members hash as their strings, and several enums
# share a code such as "other".
LABELS: dict[tuple[type[StrEnum], str], str] = {(type(m), m.value): text for m, text in _PAIRS}
