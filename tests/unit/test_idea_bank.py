"""The idea bank through the real store: a group's whole list from a workshop (the first three
ranked, the rest banked once), search across meetings, status changes, links and merging."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.errors import ValidationError
from desktop.services import ideas, meetings
from desktop.services.checklist import create_checklist, list_items
from desktop.services.ideas import GroupIdea, IdeaFilter
from desktop.services.meetings import actions, workshop
from desktop.storage.models import ActionItem, Idea, Meeting
from desktop.storage.models.enums import IdeaOrigin, IdeaStatus, ItemType
from desktop.storage.store import Store
from tests.unit.meeting_helpers import Table, make_table

# A group's list as the secretary types it (seed 003): theme headings end in a colon.
TYPED = """\
- Järjestöjen keskinäinen yhteistyö pitäisi olla toimivaa.
- Verkostoitumisen mahdollisuudet maakunnallisesti
- Maakunnallisen yhteyden muodostaminen
Järjestöt palvelun tarjoajana:
- Järjestöt palvelujen organisoijana, jopa kannustajana
- Osuuskunta on varteenotettava vaihtoehto palvelujen tarjoajaksi
Osallisuus maakunnassa:
• Miten saada vanhentuva yhdistysväki osalliseksi Sote-maakunnassa?
"""
AUG, NOV = dt.date(2026, 8, 22), dt.date(2026, 11, 3)


@pytest.fixture
def table(store: Store) -> Table:
    return make_table(store)


def _workshop_item(store: Store, table: Table, day: dt.date = AUG):
    meeting_id, _ = meetings.create_meeting(store, table.body_id, day)
    item_id, _ = meetings.add_item(store, meeting_id, "Järjestöjen rooli ja uudistukset",
                                   item_type=ItemType.WORKSHOP)
    return meeting_id, item_id


def _bank(store: Store) -> list[Idea]:
    with store.read() as session:
        return list(session.scalars(select(Idea).where(Idea.deleted.is_(False)).order_by(Idea.position)))


def test_typed_list_is_read_with_its_themes_and_written_back_the_same():
    parsed = ideas.parse_ideas(TYPED + "\n- Verkostoitumisen  mahdollisuudet maakunnallisesti\n")
    assert [i.text for i in parsed[:3]] == [
        "Järjestöjen keskinäinen yhteistyö pitäisi olla toimivaa.",
        "Verkostoitumisen mahdollisuudet maakunnallisesti", "Maakunnallisen yhteyden muodostaminen"]
    assert [(i.theme, i.text[:20]) for i in parsed[3:]] == [
        ("Järjestöt palvelun tarjoajana", "Järjestöt palvelujen"),
        ("Järjestöt palvelun tarjoajana", "Osuuskunta on vartee"),
        ("Osallisuus maakunnassa", "Miten saada vanhentu")]  # the repeat is left out
    assert ideas.parse_ideas(ideas.format_ideas(parsed)) == parsed


def test_ideas_beyond_the_top_three_land_in_the_bank_once(store: Store, table: Table):
    meeting_id, item_id = _workshop_item(store, table)
    listed = ideas.parse_ideas(TYPED)
    result, _ = ideas.record_group_ideas(store, item_id, "Ryhmä A", listed)
    assert (result.ranked, result.added, result.kept, result.removed) == (3, 3, 0, 0)
    with store.read() as session:
        points = workshop.workshop_points(session, item_id)
    assert [(p.group_name, p.rank, p.point) for p in points] == [
        ("Ryhmä A", n, listed[n - 1].text) for n in (1, 2, 3)]
    banked = _bank(store)
    assert [(i.text, i.theme, i.group_name, i.origin, i.status, i.meeting_id) for i in banked] == [
        (i.text, i.theme, "Ryhmä A", IdeaOrigin.WORKSHOP, IdeaStatus.NEW, meeting_id) for i in listed[3:]]

    # Saved again (the secretary presses OK twice): nothing new, nothing doubled.
    result, changes = ideas.record_group_ideas(store, item_id, "ryhmä a", listed)
    assert (result.added, result.kept, result.removed) == (0, 3, 0)
    assert not changes.touches("idea", "workshop_point")
    assert len(_bank(store)) == 3
    assert ideas.group_ideas(store, item_id, "Ryhmä A") == listed

    # The group's dot votes stay with their point when the order changes; an idea moved up leaves
    # the bank, the point moved down enters it.
    with store.read() as session:
        first = workshop.workshop_points(session, item_id)[0]
    workshop.update_workshop_point(store, first.id, votes=7, justification="Yhteistyö ensin")
    reordered = [listed[3], listed[1], listed[2], listed[0], *listed[4:]]
    result, _ = ideas.record_group_ideas(store, item_id, "Ryhmä A", reordered)
    assert (result.added, result.kept, result.removed) == (1, 2, 1)
    with store.read() as session:
        points = workshop.workshop_points(session, item_id)
    assert [(p.rank, p.point, p.votes) for p in points][:1] == [(1, listed[3].text, 0)]
    assert first.id not in {p.id for p in points}
    # A reworded point keeps its votes.
    workshop.update_workshop_point(store, points[1].id, votes=5)
    reworded = [reordered[0], GroupIdea(reordered[1].text + " ja kunnallisesti"), *reordered[2:]]
    ideas.record_group_ideas(store, item_id, "Ryhmä A", reworded)
    with store.read() as session:
        assert [(p.point, p.votes) for p in workshop.workshop_points(session, item_id)][1] == (
            reworded[1].text, 5)
    assert {i.text for i in _bank(store)} == {listed[0].text, listed[4].text, listed[5].text}
    assert ideas.workshop_groups(store, item_id) == ["Ryhmä A"]
    assert ideas.item_bank_count(store, item_id) == 3


def test_a_point_keeps_its_votes_and_ideas_acted_on_stay_in_the_bank(store: Store, table: Table):
    meeting_id, item_id = _workshop_item(store, table)
    listed = ideas.parse_ideas(TYPED)
    ideas.record_group_ideas(store, item_id, "Ryhmä B", listed)
    with store.read() as session:
        second = next(p for p in workshop.workshop_points(session, item_id) if p.rank == 2)
    workshop.update_workshop_point(store, second.id, votes=9)
    dropped = next(i for i in _bank(store) if i.text == listed[5].text)
    ideas.set_status(store, dropped.id, IdeaStatus.DROPPED)
    # The list is cut to the top three: the new ideas leave the bank, the dropped one stays.
    result, _ = ideas.record_group_ideas(store, item_id, "Ryhmä B", listed[:3])
    assert (result.added, result.kept, result.removed) == (0, 0, 2)
    assert [(i.text, i.status) for i in _bank(store)] == [(listed[5].text, IdeaStatus.DROPPED)]
    with store.read() as session:
        assert next(p for p in workshop.workshop_points(session, item_id) if p.rank == 2).votes == 9
    with pytest.raises(ValidationError):
        ideas.record_group_ideas(store, item_id, "  ", listed)
    with pytest.raises(ValidationError):
        ideas.record_group_ideas(store, item_id, "Ryhmä B", [GroupIdea("  ")])
    decision, _ = meetings.add_item(store, meeting_id, "Päätös")
    with pytest.raises(ValidationError):
        ideas.record_group_ideas(store, decision, "Ryhmä B", listed)


def test_search_across_meetings_by_text_theme_status_body_and_year(store: Store, table: Table):
    _m1, first = _workshop_item(store, table, AUG)
    ideas.record_group_ideas(store, first, "Ryhmä A", ideas.parse_ideas(TYPED))
    other_body, _ = meetings.create_body(store, "Järjestöareena", "Organisationsarenan")
    other = Table(other_body)
    _m2, second = _workshop_item(store, other, NOV.replace(year=2027))
    ideas.record_group_ideas(store, second, "Ryhmä 1", [GroupIdea(t) for t in (
        "Yksi", "Kaksi", "Kolme", "Virkistystoimintaa eri paikkakunnilla järjestöjen yhteistyönä")])
    hand, _ = ideas.add_idea(store, "Järjestöpankki: kuka tekee mitäkin", "Järjestöpankki")

    everything = ideas.search_ideas(store)
    assert len(everything) == 5
    assert everything[0].meeting == "Järjestöareena 1/2027" and everything[0].section is not None
    assert everything[0].source.startswith("Järjestöareena 1/2027 § ") and everything[0].source.endswith(
        ", Ryhmä 1")
    assert [r.text for r in ideas.search_ideas(store, IdeaFilter(text="OSUUSKUNTA"))] == [
        "Osuuskunta on varteenotettava vaihtoehto palvelujen tarjoajaksi"]
    assert [r.text for r in ideas.search_ideas(store, IdeaFilter(text="yhdistysväki sote"))] == [
        "Miten saada vanhentuva yhdistysväki osalliseksi Sote-maakunnassa?"]
    assert len(ideas.search_ideas(store, IdeaFilter(theme="järjestöt palvelun tarjoajana"))) == 2
    assert len(ideas.search_ideas(store, IdeaFilter(body_id=table.body_id))) == 3
    assert [r.group for r in ideas.search_ideas(store, IdeaFilter(year=2027))] == ["Ryhmä 1"]
    ideas.set_status(store, hand, IdeaStatus.DROPPED)
    assert [r.id for r in ideas.search_ideas(store, IdeaFilter(status=IdeaStatus.DROPPED))] == [hand]
    choices = ideas.filter_choices(store)
    assert choices.themes == ["Järjestöpankki", "Järjestöt palvelun tarjoajana", "Osallisuus maakunnassa"]
    assert [name for _id, name in choices.bodies] == ["Järjestöareena", "Kumppanuuspöytä"]
    assert choices.years[:2] == [2027, 2026]
    assert ideas.search_ideas(store, IdeaFilter(status=IdeaStatus.NEW), "sv")[0].body == "Organisationsarenan"


def test_status_changes_and_links(store: Store, table: Table):
    meeting_id, item_id = _workshop_item(store, table)
    ideas.record_group_ideas(store, item_id, "Ryhmä A", ideas.parse_ideas(TYPED))
    one, two, three = _bank(store)
    # A new action item of the workshop's meeting, in the workshop item.
    action_id, _ = ideas.take_forward_as_action(store, one.id, meeting_id, "Selvitetään organisointimalli",
                                                owner_text="Sihteeri", deadline=NOV)
    with store.read() as session:
        action = session.get(ActionItem, action_id)
        assert (action.item_id, action.what, action.deadline) == (item_id, "Selvitetään organisointimalli", NOV)
    (row,) = [r for r in ideas.search_ideas(store) if r.id == one.id]
    assert (row.status, row.action_item_id) == (IdeaStatus.TAKEN_FORWARD, action_id)
    assert "Selvitetään organisointimalli" in row.taken_to
    # An existing action item, then a checklist step instead.
    other_action, _ = meetings.add_action(store, meeting_id, "Kutsutaan osuuskunnat koolle")
    ideas.link_action(store, two.id, other_action)
    checklist_id, _ = create_checklist(store, "Hyvinvointialue 2026", 2026)
    with store.read() as session:
        step = list_items(session, checklist_id)[0]
    ideas.link_checklist_step(store, two.id, step.id)
    (row,) = [r for r in ideas.search_ideas(store, language="fi") if r.id == two.id]
    assert (row.action_item_id, row.checklist_item_id) == (None, step.id)
    assert step.title("fi") in row.taken_to
    # Back to new clears the link; dropped and back.
    ideas.set_status(store, two.id, IdeaStatus.NEW)
    assert [(r.status, r.checklist_item_id) for r in ideas.search_ideas(store) if r.id == two.id] == [
        (IdeaStatus.NEW, None)]
    ideas.set_status(store, three.id, IdeaStatus.DROPPED)
    with pytest.raises(ValidationError):
        ideas.set_status(store, three.id, IdeaStatus.TAKEN_FORWARD)  # says to what through its own call
    with pytest.raises(ValidationError):
        ideas.take_forward_as_action(store, three.id, meeting_id, "   ")
    with store.read() as session:
        assert [a.id for a in actions.item_actions(session, item_id)] == [action_id]
    # Approved minutes take no new action items: the idea stays as it was.
    store.run("test: lock", lambda session: setattr(session.get(Meeting, meeting_id), "locked", True))
    with pytest.raises(ValidationError):
        ideas.take_forward_as_action(store, two.id, meeting_id, "Kutsutaan koolle")
    assert [r.status for r in ideas.search_ideas(store) if r.id == two.id] == [IdeaStatus.NEW]


def test_merge(store: Store, table: Table):
    _meeting_id, item_id = _workshop_item(store, table)
    ideas.record_group_ideas(store, item_id, "Ryhmä A", ideas.parse_ideas(TYPED))
    one, two, three = _bank(store)
    hand, _ = ideas.add_idea(store, "Osuuskunnat palveluntuottajina")
    ideas.merge_ideas(store, two.id, hand)
    rows = {r.id: r for r in ideas.search_ideas(store)}
    assert (rows[two.id].status, rows[two.id].merged_into_id) == (IdeaStatus.MERGED, hand)
    assert rows[two.id].taken_to.endswith("Osuuskunnat palveluntuottajina")
    assert rows[hand].theme == "Järjestöt palvelun tarjoajana"  # the empty theme is filled
    # The target merged on: what was merged into it follows, one level only.
    ideas.merge_ideas(store, hand, one.id)
    rows = {r.id: r for r in ideas.search_ideas(store)}
    assert rows[two.id].merged_into_id == rows[hand].merged_into_id == one.id
    with pytest.raises(ValidationError):
        ideas.merge_ideas(store, three.id, three.id)
    with pytest.raises(ValidationError):
        ideas.merge_ideas(store, three.id, two.id)  # two is merged: merge into one instead
    with pytest.raises(ValidationError):
        ideas.take_forward_as_action(store, two.id, _meeting_id, "Jotain")
    # Removing the target sets the ideas merged into it free.
    ideas.remove_idea(store, one.id)
    rows = {r.id: r for r in ideas.search_ideas(store)}
    assert one.id not in rows
    assert {rows[two.id].status, rows[hand].status} == {IdeaStatus.NEW}
