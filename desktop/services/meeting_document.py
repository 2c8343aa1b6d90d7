"""What an agenda or minutes document shows, as plain data.

The meetings service builds a ``MeetingDocument`` from the store (``build_document``); the PDF,
``.ics`` and e-mail writers in ``desktop.documents`` render it without touching the database, so
they can be tested and benchmarked on data made up in the test. Codes (roles, presence, item
types, action status) stay codes here: the writer translates them into the document's language,
which for a bilingual meeting (``fi+sv``) means both.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DocAttendee:
    name: str
    organisation: str = ""
    role: str = "member"  # MemberRole code
    presence: str = "present"  # Presence code: present, absent, deputy, expert
    deputy_for: str = ""  # the member's name when a deputy attends
    arrived_at: int | None = None  # § number
    left_at: int | None = None  # § number


@dataclass(frozen=True)
class DocAction:
    what: str
    owner: str = ""
    deadline: dt.date | None = None
    status: str = "open"  # ActionStatus code


@dataclass(frozen=True)
class DocWorkshopPoint:
    group: str
    rank: int  # 1, 2 or 3 within the group
    point: str
    justification: str = ""
    votes: int = 0  # dot votes


@dataclass(frozen=True)
class DocItem:
    section: int  # § number
    title: str
    item_type: str = "decision"  # ItemType code
    presenter: str = ""
    background: str = ""
    proposal: str = ""
    minutes_allotted: int | None = None
    attachments: tuple[str, ...] = ()  # file names
    # Minutes only:
    discussion: str = ""
    decision: str = ""
    votes: str = ""
    dissents: tuple[str, ...] = ()  # "Name: opinion"
    actions: tuple[DocAction, ...] = ()
    workshop: tuple[DocWorkshopPoint, ...] = ()
    corrections: tuple[str, ...] = ()  # recorded corrections after approval
    postponed_from: tuple[int, ...] = ()  # earlier § numbers this item passed through


@dataclass(frozen=True)
class MeetingDocument:
    meeting_id: uuid.UUID
    body: str  # the body's name in the document's language (both, "fi / sv", when bilingual)
    number: int  # number in the body's year
    date: dt.date
    language: str  # fi, sv, en or fi+sv
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    online_link: str = ""
    status: str = "planned"  # MeetingStatus code
    items: tuple[DocItem, ...] = ()
    attendees: tuple[DocAttendee, ...] = ()
    minute_checkers: tuple[str, ...] = ()
    chair: str = ""
    secretary: str = ""
    approved_on: dt.date | None = None
    organiser_email: str = ""
    attendee_emails: tuple[str, ...] = field(default=())

    @property
    def year(self) -> int:
        return self.date.year
