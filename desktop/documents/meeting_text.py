"""The fixed wording of a meeting's documents, shared by the agenda and minutes PDFs, the
invitation e-mail and the calendar invitation: labels (English msgids, translated into the
document's language or languages when printed) and the few texts built from the meeting's data.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.documents.document_language import label, primary
from desktop.i18n import N_, NP_
from desktop.i18n.formatting import format_date, format_time
from desktop.services.meeting_document import MeetingDocument


class DocumentKind(StrEnum):
    AGENDA = "agenda"
    MINUTES = "minutes"


TITLES = {DocumentKind.AGENDA: N_("Agenda"), DocumentKind.MINUTES: N_("Minutes")}

# The header.
TIME = N_("Time")
PLACE = N_("Place")
ONLINE = N_("Online link")
AT_START_END = N_("at {start}–{end}")
AT_START = N_("at {start}")

# Who is invited or was there.
INVITED = N_("Invited")
ATTENDANCE = N_("Attendance")
NAME = N_("Name")
ORGANISATION = N_("Organisation")
ROLE = N_("Role")
PRESENCE = N_("Presence")
DEPUTY_FOR = N_("Deputy for")
ARRIVED_AT = N_("arrived at § {section}")
LEFT_AT = N_("left at § {section}")

# An item.
PRESENTER = N_("Presenter")
TIME_ALLOTTED = N_("Time allotted")
MINUTES_ALLOTTED = N_("{minutes} min")
BACKGROUND = N_("Background")
PROPOSAL = N_("Proposal")
DISCUSSION = N_("Discussion")
DECISION = NP_("minutes", "Decision")  # the decision made, not the item type
VOTING = N_("Voting")
DISSENTS = N_("Dissenting opinions")
ACTIONS = N_("Action items")
ACTION = N_("Action item")
OWNER = N_("Owner")
DEADLINE = N_("Deadline")
STATUS = N_("Status")
WORKSHOP_RESULTS = N_("Workshop results")
POINT = N_("Point")
GROUP = N_("Group")
DOT_VOTES = N_("Votes")
GROUP_RANK = N_("{group}, {rank}.")
CORRECTIONS = N_("Corrections after approval")
EARLIER = N_("Earlier handled at {sections}")
ATTACHMENTS = N_("Attachments")

# The end of the minutes.
SIGNATURES = N_("Signatures")
MINUTE_CHECKERS = N_("Minute checkers")
CHECKED = N_("We have checked the minutes and found them to be a correct record of the meeting.")
PLACE_AND_DATE = N_("Place and date")
APPROVED_ON = N_("Minutes approved on {date}")


def section(number: int) -> str:
    """An item's number as printed: ``§ 12``."""
    return f"§ {number}"


def reference(doc: MeetingDocument) -> str:
    """The meeting's number in the body's year: ``3/2026``."""
    return f"{doc.number}/{doc.year}"


def title(kind: DocumentKind, doc: MeetingDocument, language: str) -> str:
    """``Esityslista 3/2026``; bilingual ``Esityslista / Föredragningslista 3/2026``."""
    return f"{label(language, TITLES[kind])} {reference(doc)}"


def when(doc: MeetingDocument, language: str) -> str:
    """The date and, when known, the time: ``2.12.2026 klo 13.00–15.00``.

    A bilingual document writes the date once and the clock words in both languages."""
    lang = primary(language)
    text = format_date(doc.date, lang)
    if doc.start_time is None:
        return text
    start = format_time(doc.start_time, lang)
    if doc.end_time is None:
        return f"{text} {label(language, AT_START, start=start)}"
    end = format_time(doc.end_time, lang)
    return f"{text} {label(language, AT_START_END, start=start, end=end)}"
