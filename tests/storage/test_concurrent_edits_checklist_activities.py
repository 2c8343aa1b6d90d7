"""Two users editing a checklist step, an activity, a logged interaction or a liaison role at once
(two stores on one database): changes to different fields are both kept, a field both changed
is refused until the user chooses."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from desktop.errors import ValidationError
from desktop.services import activities, checklist, contacts, network
from desktop.services.records import EditConflict, Seen
from desktop.storage.models import Activity, ChecklistItem, Interaction, LiaisonRole
from desktop.storage.models.enums import ChecklistStatus, InteractionKind, LiaisonRoleKind
from desktop.storage.store import Store
from tests.stored_records import new_organisation, stored_fields

# -- checklist steps ------------------------------------------------------------------------


def _step(store: Store) -> uuid.UUID:
    checklist_id, _changes = checklist.create_checklist(store, "Vaasa 2026", 2026, "905")
    with store.read() as session:
        return checklist.list_items(session, checklist_id)[0].id


def _item_seen(store: Store, item_id: uuid.UUID) -> Seen:
    with store.read() as session:
        return checklist.item_seen(session, item_id)


def test_checklist_step_edits_of_different_fields_are_both_kept(store, other):
    item_id = _step(store)
    mine, theirs = _item_seen(other, item_id), _item_seen(store, item_id)
    checklist.update_item(store, item_id, start=theirs, owner="Aino Ärölä")
    # Every field as loaded, one changed: the owner as I saw it is no change of mine.
    checklist.update_item(other, item_id, start=mine,
                          **{**mine.values, "status": ChecklistStatus.IN_PROGRESS})
    assert stored_fields(store, ChecklistItem, item_id, "owner", "status") == (
        "Aino Ärölä", ChecklistStatus.IN_PROGRESS)


def test_a_checklist_step_field_both_changed_is_refused_until_chosen(store, other):
    item_id = _step(store)
    mine, theirs = _item_seen(other, item_id), _item_seen(store, item_id)
    checklist.update_item(store, item_id, start=theirs, due_on=dt.date(2026, 6, 30),
                          evidence_link="https://vaasa.fi/kumppanuus")
    with pytest.raises(EditConflict) as caught:
        checklist.update_item(other, item_id, start=mine, due_on=dt.date(2026, 5, 31),
                              owner="Bo Berg")
    conflict = caught.value
    assert [(c.name, c.base, c.theirs, c.mine) for c in conflict.clashes] == [
        ("due_on", None, dt.date(2026, 6, 30), dt.date(2026, 5, 31))]
    assert stored_fields(store, ChecklistItem, item_id, "due_on", "owner") == (
        dt.date(2026, 6, 30), "")  # nothing of mine
    checklist.update_item(other, item_id, start=conflict.current,
                          **conflict.resolved({"due_on": dt.date(2026, 5, 31)}))
    assert stored_fields(store, ChecklistItem, item_id, "due_on", "owner", "evidence_link") == (
        dt.date(2026, 5, 31), "Bo Berg", "https://vaasa.fi/kumppanuus")


# -- activities -----------------------------------------------------------------------------


def _activity(store: Store) -> uuid.UUID:
    activity_id, _changes = activities.add_activity(store, new_organisation(store), title="Läksykerho")
    return activity_id


def _activity_seen(store: Store, activity_id: uuid.UUID) -> Seen:
    with store.read() as session:
        return activities.activity_seen(session, activity_id)


def test_activity_edits_of_different_fields_are_both_kept(store, other):
    activity_id = _activity(store)
    mine, theirs = _activity_seen(other, activity_id), _activity_seen(store, activity_id)
    activities.update_activity(store, activity_id, start=theirs, target_group="koululaiset",
                               municipalities=["905"])
    activities.update_activity(other, activity_id, start=mine,
                               **{**mine.values, "when": "ma 15–17", "published": True})
    assert stored_fields(store, Activity, activity_id, "target_group", "municipalities", "when",
                   "published") == ("koululaiset", ["905"], "ma 15–17", True)


def test_an_activity_field_both_changed_is_refused_until_chosen(store, other):
    activity_id = _activity(store)
    mine, theirs = _activity_seen(other, activity_id), _activity_seen(store, activity_id)
    activities.update_activity(store, activity_id, start=theirs, title="Läksyapu",
                               municipalities=["905"])
    with pytest.raises(EditConflict) as caught:
        activities.update_activity(other, activity_id, start=mine, title="Läksykerho koululaisille",
                                   when="ti 14–16")
    conflict = caught.value
    assert [(c.name, c.base, c.theirs, c.mine) for c in conflict.clashes] == [
        ("title", "Läksykerho", "Läksyapu", "Läksykerho koululaisille")]
    assert stored_fields(store, Activity, activity_id, "title", "when") == ("Läksyapu", "")
    activities.update_activity(other, activity_id, start=conflict.current,
                               **conflict.resolved({"title": "Läksyapu"}))
    assert stored_fields(store, Activity, activity_id, "title", "when", "municipalities") == (
        "Läksyapu", "ti 14–16", ["905"])


# -- logged interactions --------------------------------------------------------------------


def _interaction(store: Store) -> uuid.UUID:
    org_id = new_organisation(store)
    activities.log_interaction(store, org_id, dt.date(2026, 3, 2), InteractionKind.MEETING,
                               "Tapaaminen hallituksen kanssa", "Aino")
    with store.read() as session:
        [row] = activities.interaction_rows(session, org_id)
    return row.interaction_id


def _interaction_form(store: Store, interaction_id: uuid.UUID, **changes: Any
                      ) -> tuple[dict[str, Any], Seen]:
    """What the interaction dialog saves: every field as loaded, some changed."""
    with store.read() as session:
        start = activities.interaction_seen(session, interaction_id)
    return {**start.values, **changes}, start


def test_interaction_edits_of_different_fields_are_both_kept(store, other):
    interaction_id = _interaction(store)
    mine, start = _interaction_form(other, interaction_id, kind=InteractionKind.VISIT)
    theirs, their_start = _interaction_form(store, interaction_id, note="Sovittiin syystapahtuma")
    activities.update_interaction(store, interaction_id, **theirs, start=their_start)
    activities.update_interaction(other, interaction_id, **mine, start=start)
    assert stored_fields(store, Interaction, interaction_id, "kind", "note") == (
        InteractionKind.VISIT, "Sovittiin syystapahtuma")


def test_an_interaction_field_both_changed_is_refused_until_chosen(store, other):
    interaction_id = _interaction(store)
    mine, start = _interaction_form(other, interaction_id, note="Puhuttiin tiloista",
                                    date=dt.date(2026, 3, 3))
    theirs, their_start = _interaction_form(store, interaction_id, note="Sovittiin syystapahtuma")
    activities.update_interaction(store, interaction_id, **theirs, start=their_start)
    with pytest.raises(EditConflict) as caught:
        activities.update_interaction(other, interaction_id, **mine, start=start)
    conflict = caught.value
    assert [c.name for c in conflict.clashes] == ["note"]
    assert stored_fields(store, Interaction, interaction_id, "date", "note") == (
        dt.date(2026, 3, 2), "Sovittiin syystapahtuma")
    activities.update_interaction(other, interaction_id, start=conflict.current,
                                  **conflict.resolved({"note": "Sovittiin syystapahtuma; tilat"}))
    assert stored_fields(store, Interaction, interaction_id, "date", "note") == (
        dt.date(2026, 3, 3), "Sovittiin syystapahtuma; tilat")


# -- liaison roles --------------------------------------------------------------------------


def _role(store: Store) -> uuid.UUID:
    person_id, _changes = contacts.add_contact(store, new_organisation(store), "sihteeri",
                                               name="Matti Meikäläinen")
    role_id, _changes = network.add_role(store, person_id, "905", LiaisonRoleKind.VOLUNTEERING,
                                         dt.date(2026, 1, 1))
    return role_id


def _role_form(store: Store, role_id: uuid.UUID, **changes: Any) -> tuple[dict[str, Any], Seen]:
    """What the liaison role dialog saves: every field as loaded, some changed."""
    with store.read() as session:
        start = network.role_seen(session, role_id)
    return {**start.values, **changes}, start


def test_liaison_role_edits_of_different_fields_are_both_kept(store, other):
    role_id = _role(store)
    mine, start = _role_form(other, role_id, start_on=dt.date(2025, 9, 1))
    theirs, their_start = _role_form(store, role_id, end_on=dt.date(2026, 12, 31))
    network.update_role(store, role_id, start=their_start, **theirs)
    network.update_role(other, role_id, start=start, **mine)
    assert stored_fields(store, LiaisonRole, role_id, "start_on", "end_on") == (
        dt.date(2025, 9, 1), dt.date(2026, 12, 31))


def test_a_liaison_role_field_both_changed_is_refused_until_chosen(store, other):
    role_id = _role(store)
    mine, start = _role_form(other, role_id, end_on=dt.date(2026, 6, 30),
                             role=LiaisonRoleKind.OTHER, title="Kylävastaava")
    theirs, their_start = _role_form(store, role_id, end_on=dt.date(2026, 12, 31))
    network.update_role(store, role_id, start=their_start, **theirs)
    with pytest.raises(EditConflict) as caught:
        network.update_role(other, role_id, start=start, **mine)
    conflict = caught.value
    assert [(c.name, c.theirs, c.mine) for c in conflict.clashes] == [
        ("end_on", dt.date(2026, 12, 31), dt.date(2026, 6, 30))]
    assert stored_fields(store, LiaisonRole, role_id, "role", "end_on") == (
        LiaisonRoleKind.VOLUNTEERING, dt.date(2026, 12, 31))
    network.update_role(other, role_id, start=conflict.current,
                        **conflict.resolved({"end_on": dt.date(2026, 12, 31)}))
    assert stored_fields(store, LiaisonRole, role_id, "role", "title", "end_on") == (
        LiaisonRoleKind.OTHER, "Kylävastaava", dt.date(2026, 12, 31))


def test_liaison_role_changes_that_together_make_no_valid_role_are_refused(store, other):
    role_id = _role(store)
    mine, start = _role_form(other, role_id, start_on=dt.date(2026, 6, 1))
    theirs, their_start = _role_form(store, role_id, end_on=dt.date(2026, 3, 31))
    network.update_role(store, role_id, start=their_start, **theirs)
    with pytest.raises(ValidationError):
        network.update_role(other, role_id, start=start, **mine)
    assert stored_fields(store, LiaisonRole, role_id, "start_on", "end_on") == (
        dt.date(2026, 1, 1), dt.date(2026, 3, 31))
