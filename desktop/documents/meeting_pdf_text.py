"""The wording of the minutes the Finnish way (issue #10): the memo and the extract, decisions by
type, votes, disqualification, the legality block, public display and the rectification
instructions. English msgids, printed in the document's language or languages like
:mod:`meeting_text`'s labels.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.documents.document_language import label
from desktop.documents.meeting_text import DocumentKind, reference, section
from desktop.i18n import N_, NP_
from desktop.services.meeting_document import MeetingDocument
from desktop.storage.models.enums import RecordKind

MEMO = N_("Memo")
EXTRACT = N_("Extract from the minutes")
PUBLIC_VERSION = N_("Public version: personal data removed")

# A memo's parts.
PARTICIPANTS = N_("Participants")
DISCUSSED = N_("Discussed")
AGREED = N_("Agreed")

# Decisions by type.
AMENDMENT = N_("Amendment")
TABLED_WORDING = N_("The matter was tabled; it returns on the agenda of the next meeting.")
RETURNED_WORDING = N_("The matter was returned for further preparation.")
VOTE_PROPOSALS = N_("Proposals put to the vote")
PROPOSAL_NUMBER = N_("Proposal {number}")
PROPOSER = N_("Proposed by")
SECONDER = N_("Seconded by")
VOTE_COUNT = NP_("vote", "Votes")
ROLL_CALL = N_("Roll-call vote")
MEMBER = NP_("vote", "Member")
VOTED_FOR = N_("Voted for")
BLANK_VOTE = N_("Blank")
VOTE_RESULT = N_("Result")
DISQUALIFICATION = N_("Disqualification")
DISQUALIFIED = N_("{name} declared disqualified and left the room during the item.")
DISQUALIFIED_BECAUSE = N_("{name} declared disqualified ({reason}) and left the room during the item.")
DISQUALIFIED_STAYED = N_("{name} declared disqualified and did not take part in the decision.")
DISQUALIFIED_STAYED_BECAUSE = N_(
    "{name} declared disqualified ({reason}) and did not take part in the decision."
)
CONFIDENTIAL = N_("Confidential ({basis})")

# The legality block.
CHECKED_BY = N_("Checked by {name} on {date}")
NOT_CHECKED = N_("The minutes have not been checked yet.")
PUBLIC_DISPLAY = N_("Public display")
ON_DISPLAY = N_("The minutes are available to the public from {date} at {place}.")
ON_DISPLAY_NO_PLACE = N_("The minutes are available to the public from {date}.")

# The rectification and appeal instructions.
APPEAL = N_("Instructions for requesting rectification")
APPEALABLE = N_("A request for rectification may be made concerning {sections}.")
APPEAL_DEADLINE = N_("The request must be made by {date}.")
APPEAL_AUTHORITY = N_("The request is addressed to: {authority}")
NOT_APPEALABLE = N_("No request for rectification may be made concerning:")
PREPARATORY = N_("{sections}: the decision concerns only preparation or procedure")
INFORMATION_ONLY = N_("{sections}: a matter noted for information")
NOTHING_APPEALABLE = N_("None of the decisions is open to a request for rectification.")

# The extract's certification.
CERTIFICATION = N_("Certified as a true extract")
SIGNATURE = N_("Signature")


def is_memo(doc: MeetingDocument) -> bool:
    return doc.record_kind == RecordKind.MEMO


def record_title(kind: DocumentKind, doc: MeetingDocument, language: str) -> str:
    """``Pöytäkirja 3/2026``, ``Muistio 3/2026`` or ``Esityslista 3/2026``."""
    from desktop.documents.meeting_text import TITLES

    if kind == DocumentKind.MINUTES and is_memo(doc):
        return f"{label(language, MEMO)} {reference(doc)}"
    return f"{label(language, TITLES[kind])} {reference(doc)}"


def extract_title(doc: MeetingDocument, language: str) -> str:
    """``Pöytäkirjanote 3/2026``."""
    return f"{label(language, EXTRACT)} {reference(doc)}"


def sections(numbers: Iterable[int]) -> str:
    """``§ 21–24, § 27`` in § order, runs of three or more joined."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{section(run[0])}–{run[-1]}" if len(run) > 2 else ", ".join(map(section, run))
                     for run in runs)
