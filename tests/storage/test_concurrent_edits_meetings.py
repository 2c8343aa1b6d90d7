"""Two users editing a meeting, an agenda item, an action item, a body or a member seat at once
(two stores on one file or one server database)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.services.meetings import actions, agenda, bodies
from desktop.services.records import EditConflict, Seen
from desktop.storage.models import ActionItem
from desktop.storage.models.enums import ActionStatus, BodyKind, ItemType, MemberRole
from desktop.storage.store import Store
from tests.unit.meeting_helpers import TERM_START, make_table

DAY = dt.date(2026, 3, 17)


def _meeting(store: Store) -> uuid.UUID:
    table = make_table(store)
    meeting_id, _changes = agenda.create_meeting(
        store, table.body_id, DAY, start_time=dt.time(13), end_time=dt.time(15), place="Kylätalo")
    return meeting_id


def _item(store: Store) -> uuid.UUID:
    item_id, _changes = agenda.add_item(store, _meeting(store), "Avustukset 2027",
                                        proposal="Merkitään tiedoksi.")
    return item_id


def _action(store: Store) -> uuid.UUID:
    action_id, _changes = actions.add_action(store, _meeting(store), "Lähetetään lausunto.")
    return action_id


def _body(store: Store) -> uuid.UUID:
    return make_table(store).body_id


def _member(store: Store) -> uuid.UUID:
    return make_table(store).members["Matti Mäki"]


@dataclass(frozen=True)
class Editor:
    """One editor of the meetings: how it starts and saves, what the two users change."""

    read: Callable[[Session, uuid.UUID], Seen]
    save: Callable[..., object]  # (store, id, start=..., **fields)
    make: Callable[[Store], uuid.UUID]
    whole: bool  # it saves every field it shows (else only those edited)
    theirs: dict[str, Any]  # a change of theirs
    mine: dict[str, Any]  # and of mine, to another field
    clash: tuple[str, Any, Any]  # a field both change: (name, theirs, mine)
    also: dict[str, Any] = field(default_factory=dict)  # my other change beside the clash


EDITORS = {
    "meeting": Editor(
        agenda.meeting_seen, agenda.update_meeting, _meeting, whole=True,
        theirs={"online_link": "https://meet.example.fi/kp"}, mine={"chair": "Päivi Järvinen"},
        clash=("place", "Seurantalo", "Kunnantalo"), also={"secretary": "Sanna Sihteeri"}),
    "item": Editor(
        agenda.item_seen, agenda.update_item, _item, whole=False,
        theirs={"title": "Avustukset vuodelle 2027"}, mine={"proposal": "Hyväksytään jako."},
        clash=("presenter", "Sanna Sihteeri", "Päivi Järvinen"),
        also={"item_type": ItemType.INFORMATION.value, "minutes_allotted": 20}),
    "action": Editor(
        actions.action_seen, actions.update_action, _action, whole=False,
        theirs={"deadline": dt.date(2026, 4, 30)}, mine={"status": ActionStatus.IN_PROGRESS.value},
        clash=("owner_text", "Sihteeri", "Puheenjohtaja"), also={"what": "Lähetetään lausunto ajoissa."}),
    "body": Editor(
        bodies.body_seen, bodies.update_body, _body, whole=True,
        theirs={"name_sv": "Partnerskapsbordet i Österbotten"},
        mine={"appeal_authority": "Pohjanmaan hyvinvointialue"},
        clash=("name_fi", "Pohjanmaan kumppanuuspöytä", "Kumppanuuspöytä Pohjanmaa"),
        also={"kind": BodyKind.WORKING_GROUP.value}),
    "member": Editor(
        bodies.member_seen, bodies.update_member, _member, whole=True,
        theirs={"term_end": dt.date(2026, 12, 31)}, mine={"role": MemberRole.VICE_CHAIR.value},
        clash=("term_start", dt.date(2026, 2, 1), dt.date(2026, 3, 1)),
        also={"term_end": dt.date(2027, 6, 30)}),
}


def _seen(store: Store, editor: Editor, record_id: uuid.UUID) -> Seen:
    with store.read() as session:
        return editor.read(session, record_id)


def _edit(store: Store, editor: Editor, record_id: uuid.UUID,
          changes: dict[str, Any]) -> tuple[dict[str, Any], Seen]:
    """What the editor sends when the user made ``changes``, and where it started from."""
    start = _seen(store, editor, record_id)
    return ({**start.values, **changes} if editor.whole else dict(changes)), start


@pytest.mark.parametrize("name", EDITORS)
def test_changes_to_different_fields_are_both_kept(store, other, name):
    editor = EDITORS[name]
    record_id = editor.make(store)
    mine, my_start = _edit(other, editor, record_id, editor.mine)
    theirs, their_start = _edit(store, editor, record_id, editor.theirs)
    editor.save(store, record_id, start=their_start, **theirs)
    editor.save(other, record_id, start=my_start, **mine)
    stored = _seen(store, editor, record_id).values
    assert {key: stored[key] for key in {**editor.theirs, **editor.mine}} == {
        **editor.theirs, **editor.mine}


@pytest.mark.parametrize("name", EDITORS)
def test_a_field_both_changed_saves_nothing_until_chosen(store, other, name):
    editor = EDITORS[name]
    record_id = editor.make(store)
    field_name, their_value, my_value = editor.clash
    base = _seen(store, editor, record_id).values[field_name]
    mine, my_start = _edit(other, editor, record_id, {field_name: my_value, **editor.also})
    theirs, their_start = _edit(store, editor, record_id, {field_name: their_value})
    store.officer = "Aino"
    editor.save(store, record_id, start=their_start, **theirs)
    before = _seen(store, editor, record_id)

    with pytest.raises(EditConflict) as caught:
        editor.save(other, record_id, start=my_start, **mine)
    assert _seen(store, editor, record_id) == before  # nothing of mine, not even the rest
    conflict = caught.value
    [clash] = conflict.clashes
    assert (clash.name, clash.base, clash.theirs, clash.mine) == (
        field_name, base, their_value, my_value)
    assert conflict.by == "Aino"

    editor.save(other, record_id, start=conflict.current,
                **conflict.resolved({field_name: my_value}))
    stored = _seen(store, editor, record_id).values
    assert {key: stored[key] for key in {field_name, *editor.also}} == {
        field_name: my_value, **editor.also}


def test_meeting_times_taken_in_from_another_user_must_still_fit(store, other):
    meeting_id = _meeting(store)
    editor = EDITORS["meeting"]
    mine, my_start = _edit(other, editor, meeting_id, {"start_time": dt.time(14, 30)})
    theirs, their_start = _edit(store, editor, meeting_id, {"end_time": dt.time(14)})
    agenda.update_meeting(store, meeting_id, start=their_start, **theirs)
    with pytest.raises(ValidationError):
        agenda.update_meeting(other, meeting_id, start=my_start, **mine)
    stored = _seen(store, editor, meeting_id).values
    assert (stored["start_time"], stored["end_time"]) == (dt.time(13), dt.time(14))


def test_a_term_taken_in_from_another_user_must_still_be_valid(store, other):
    member_id = _member(store)
    editor = EDITORS["member"]
    mine, my_start = _edit(other, editor, member_id, {"term_start": dt.date(2026, 3, 1)})
    theirs, their_start = _edit(store, editor, member_id, {"term_end": dt.date(2026, 2, 1)})
    bodies.update_member(store, member_id, start=their_start, **theirs)
    with pytest.raises(ValidationError):
        bodies.update_member(other, member_id, start=my_start, **mine)
    stored = _seen(store, editor, member_id).values
    assert (stored["term_start"], stored["term_end"]) == (TERM_START, dt.date(2026, 2, 1))


def test_settling_an_action_another_user_followed_up_records_the_day(store, other):
    action_id = _action(store)
    editor = EDITORS["action"]
    my_start = _seen(other, editor, action_id)
    actions.update_action(store, action_id, start=_seen(store, editor, action_id),
                          owner_text="Sihteeri")
    actions.update_action(other, action_id, start=my_start, today=DAY,
                          status=ActionStatus.DONE.value)
    with store.read() as session:
        action = session.get(ActionItem, action_id)
        assert action is not None
        assert (action.owner_text, action.status, action.completed_on) == (
            "Sihteeri", ActionStatus.DONE, DAY)
