"""Partnership tables and their meetings: bodies and members, agendas, minutes, action items,
workshop results and attachments. No Qt; every write is one store operation returning Changes.

The modules: :mod:`.bodies` (bodies, members), :mod:`.agenda` (meetings from the template,
items, reordering, copying, postponing), :mod:`.numbering` (meeting and § numbers through a
body's year), :mod:`.minutes` (status, attendance, decisions, dissents, checkers, approval,
corrections), :mod:`.decisions` (decision types and their wording, votes, disqualification, appeal),
:mod:`.legality` (memo or minutes, checks, display, notice, rectification instructions), :mod:`.actions`, :mod:`.workshop`, :mod:`.attachments`, :mod:`.template` (the
standard items and wording in a meeting's language) and :mod:`.rows` (the list, finding a
meeting). ``desktop.services.meeting_document.build_document`` gathers a meeting for its PDFs.
"""

from desktop.services.meetings.actions import (
    ActionRow,
    add_action,
    carried_actions,
    open_actions,
    remove_action,
    update_action,
)
from desktop.services.meetings.agenda import (
    add_item,
    copy_items,
    create_meeting,
    delete_meeting,
    move_item,
    new_meeting,
    next_meeting,
    postpone_item,
    remove_item,
    update_item,
    update_meeting,
)
from desktop.services.meetings.attachments import attach_file, item_attachments, remove_attachment
from desktop.services.meetings.bodies import (
    MemberRow,
    add_member,
    create_body,
    delete_body,
    list_bodies,
    member_rows,
    remove_member,
    update_body,
    update_member,
)
from desktop.services.meetings.decisions import (
    add_disqualification,
    record_item,
    record_vote,
    remove_disqualification,
)
from desktop.services.meetings.legality import (
    appeal_deadline,
    clear_check,
    record_check,
    update_body_records,
)
from desktop.services.meetings.minutes import (
    add_dissent,
    approve_minutes,
    correct_minutes,
    fill_attendance,
    record_attendance,
    record_decision,
    send_agenda,
    set_minute_checkers,
    set_status,
    update_attendance,
)
from desktop.services.meetings.rows import (
    MeetingRow,
    find_meeting,
    list_meetings,
    meeting_reference,
    meeting_rows,
)
from desktop.services.meetings.workshop import add_workshop_point, ranked_summary

__all__ = [
    "ActionRow",
    "MeetingRow",
    "MemberRow",
    "add_action",
    "add_dissent",
    "add_disqualification",
    "add_item",
    "add_member",
    "add_workshop_point",
    "appeal_deadline",
    "approve_minutes",
    "attach_file",
    "carried_actions",
    "clear_check",
    "copy_items",
    "correct_minutes",
    "create_body",
    "create_meeting",
    "delete_body",
    "delete_meeting",
    "fill_attendance",
    "find_meeting",
    "item_attachments",
    "list_bodies",
    "list_meetings",
    "meeting_reference",
    "meeting_rows",
    "member_rows",
    "move_item",
    "new_meeting",
    "next_meeting",
    "open_actions",
    "postpone_item",
    "ranked_summary",
    "record_attendance",
    "record_check",
    "record_decision",
    "record_item",
    "record_vote",
    "remove_action",
    "remove_attachment",
    "remove_disqualification",
    "remove_item",
    "remove_member",
    "send_agenda",
    "set_minute_checkers",
    "set_status",
    "update_action",
    "update_attendance",
    "update_body",
    "update_body_records",
    "update_item",
    "update_meeting",
    "update_member",
]
