"""The idea bank (seed 003): ideas beyond a workshop group's top three, and ideas added by hand,
kept across meetings until they are taken forward, merged or dropped. No Qt.

:mod:`.group_ideas` records a group's whole list from the workshop (the first three become the
group's ranked points, the rest go to the bank); :mod:`.bank` changes ideas and their status;
:mod:`.listing` searches and lists them for the view and the exports.
"""

from desktop.services.ideas.bank import (
    add_idea,
    link_action,
    link_checklist_step,
    merge_ideas,
    remove_idea,
    set_status,
    take_forward_as_action,
    update_idea,
)
from desktop.services.ideas.group_ideas import (
    GroupIdea,
    GroupIdeasResult,
    format_ideas,
    group_ideas,
    item_bank_count,
    parse_ideas,
    record_group_ideas,
    workshop_groups,
)
from desktop.services.ideas.listing import (
    IdeaFilter,
    IdeaRow,
    filter_choices,
    search_ideas,
)

__all__ = [
    "GroupIdea",
    "GroupIdeasResult",
    "IdeaFilter",
    "IdeaRow",
    "add_idea",
    "filter_choices",
    "format_ideas",
    "group_ideas",
    "item_bank_count",
    "link_action",
    "link_checklist_step",
    "merge_ideas",
    "parse_ideas",
    "record_group_ideas",
    "remove_idea",
    "search_ideas",
    "set_status",
    "take_forward_as_action",
    "update_idea",
    "workshop_groups",
]
