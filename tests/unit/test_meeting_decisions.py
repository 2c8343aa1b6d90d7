"""Meeting records the Finnish way, through the real store: memo or minutes, decision types with
their wording in fi/sv/en, tabled items on the next agenda, votes, disqualification, the
legality block and what ``build_document`` carries of it."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.errors import ValidationError
from desktop.services import meetings
from desktop.services.grants import applications, calls
from desktop.services.grants import decisions as grant_decisions
from desktop.services.meeting_document import build_document
from desktop.services.meetings import decisions, legality
from desktop.services.meetings.common import get_item, live_items
from desktop.storage.models.enums import DecisionType, ItemType, MeetingStatus
from desktop.storage.store import Store
from tests.unit.meeting_helpers import Table, make_table

JAN, MAR = dt.date(2026, 1, 20), dt.date(2026, 3, 17)

WORDING = {
    DecisionType.AS_PROPOSED: ("Hyväksyttiin ehdotuksen mukaisesti.", "Godkändes enligt förslaget.",
                               "Approved as proposed."),
    DecisionType.AMENDED: ("Hyväksyttiin ehdotus muutettuna.", "Förslaget godkändes med ändringar.",
                           "Approved as amended."),
    DecisionType.REJECTED: ("Ehdotus hylättiin.", "Förslaget förkastades.", "The proposal was rejected."),
    DecisionType.TABLED: ("Asia jätettiin pöydälle seuraavaan kokoukseen.",
                          "Ärendet bordlades till följande möte.",
                          "The matter was tabled until the next meeting."),
    DecisionType.RETURNED: ("Asia palautettiin valmisteluun.", "Ärendet återremitterades för ny beredning.",
                            "The matter was returned for further preparation."),
    DecisionType.NOTED: ("Merkittiin tiedoksi.", "Antecknades för kännedom.", "Noted for information."),
    DecisionType.VOTE: ("Asia ratkaistiin äänestyksellä.", "Ärendet avgjordes genom omröstning.",
                        "The matter was decided by vote."),
}


@pytest.fixture
def table(store: Store) -> Table:
    return make_table(store)


def _held(store: Store, table: Table, language: str = "fi", day: dt.date = JAN) -> tuple:
    meeting_id, _ = meetings.create_meeting(store, table.body_id, day, language=language)
    item, _ = meetings.add_item(store, meeting_id, "Avustusten jakaminen", proposal="Myönnetään.")
    meetings.set_status(store, meeting_id, MeetingStatus.HELD, today=day)
    meetings.fill_attendance(store, meeting_id)
    return meeting_id, item


def _item(store: Store, item_id):  # noqa: ANN001, ANN202
    with store.read() as session:
        item = get_item(session, item_id)
        session.expunge(item)
        return item


@pytest.mark.parametrize("decision_type", list(DecisionType))
@pytest.mark.parametrize("index,language", [(0, "fi"), (1, "sv"), (2, "en")])
def test_each_decision_type_fills_its_standard_wording(store: Store, table: Table, decision_type,
                                                       index: int, language: str):
    meeting_id, item_id = _held(store, table, language)
    assert _item(store, item_id).decision == WORDING[DecisionType.AS_PROPOSED][index]  # prefilled
    meetings.record_decision(store, item_id, decision_type=decision_type)
    item = _item(store, item_id)
    assert (item.decision_type, item.decision) == (decision_type.value, WORDING[decision_type][index])
    assert decisions.wordings(language)[decision_type] == WORDING[decision_type][index]
    document = build_document(store, meeting_id)
    assert next(i for i in document.items if i.section == item.section).decision_type == decision_type


def test_a_decision_the_secretary_wrote_is_kept_when_the_type_changes(store: Store, table: Table):
    _meeting_id, item_id = _held(store, table)
    meetings.record_decision(store, item_id, decision="Myönnettiin 5 000 euroa.")
    meetings.record_decision(store, item_id, decision_type=DecisionType.AMENDED,
                             amendment="Summa 5 000 euroa ehdotetun 4 000 euron sijaan.")
    item = _item(store, item_id)
    assert item.decision == "Myönnettiin 5 000 euroa."
    assert item.amendment == "Summa 5 000 euroa ehdotetun 4 000 euron sijaan."
    # Both languages for a bilingual meeting.
    both = decisions.wordings("fi+sv")[DecisionType.TABLED]
    assert both == "Asia jätettiin pöydälle seuraavaan kokoukseen.\n\nÄrendet bordlades till följande möte."


def test_a_tabled_item_is_on_the_next_agenda_with_its_history(store: Store, table: Table):
    first, tabled = _held(store, table)
    returned, _ = meetings.add_item(store, first, "Toimintasuunnitelma")
    section = _item(store, tabled).section
    # No next meeting yet: the items wait for it ...
    meetings.record_decision(store, tabled, decision_type=DecisionType.TABLED)
    meetings.record_decision(store, returned, decision_type=DecisionType.RETURNED)
    assert _item(store, tabled).postponed_to_id is None
    # ... and are on its agenda when it is created, remembering the § they passed through.
    second, _ = meetings.create_meeting(store, table.body_id, MAR)
    with store.read() as session:
        carried = {i.title: i for i in live_items(session, second) if i.postponed_from}
    assert set(carried) == {"Avustusten jakaminen", "Toimintasuunnitelma"}
    assert carried["Avustusten jakaminen"].postponed_from == [section]
    assert carried["Avustusten jakaminen"].proposal == "Myönnetään."
    assert _item(store, tabled).postponed_to_id == carried["Avustusten jakaminen"].id
    # Changed mind before the next agenda went out: the copy goes away again.
    meetings.record_decision(store, returned, decision_type=DecisionType.AS_PROPOSED)
    with store.read() as session:
        titles = [i.title for i in live_items(session, second)]
    assert "Toimintasuunnitelma" not in titles and "Avustusten jakaminen" in titles
    # Tabled again at the second meeting: the history grows on the third agenda.
    meetings.send_agenda(store, second)
    meetings.set_status(store, second, MeetingStatus.HELD, today=MAR)
    again = carried["Avustusten jakaminen"].id
    third, _ = meetings.create_meeting(store, table.body_id, dt.date(2026, 5, 12))
    meetings.record_decision(store, again, decision_type=DecisionType.TABLED)
    with store.read() as session:
        on_third = [i for i in live_items(session, third) if i.postponed_from]
    assert [(i.title, i.postponed_from) for i in on_third] == [
        ("Avustusten jakaminen", [section, _item(store, again).section])]
    document = build_document(store, third)
    assert next(i for i in document.items if i.postponed_from).postponed_from == (
        section, _item(store, again).section)


def test_a_disqualified_member_is_out_of_the_items_attendance_and_vote(store: Store, table: Table):
    meeting_id, item_id = _held(store, table)
    with store.read() as session:
        before = [a.name for a in decisions.item_attendees(session, get_item(session, item_id))]
    assert "Åsa Öhman" in before
    meetings.record_decision(store, item_id, decision_type=DecisionType.VOTE)
    decisions.record_vote(store, item_id, [
        {"text": "Esittelijän ehdotus", "votes": 3},
        {"text": "Myönnetään 2 000 €", "proposer": "Matti Mäki", "seconder": "Åsa Öhman", "votes": 1},
    ], roll_call=[("Åsa Öhman", 1), ("Päivi Järvinen", 0)], result="Esittelijän ehdotus voitti 3–1.")
    decisions.add_disqualification(store, item_id, "Åsa Öhman", "Hakijan hallituksen jäsen",
                                   left_room=True)
    with pytest.raises(ValidationError, match="§ 5"):
        decisions.add_disqualification(store, item_id, "åsa öhman")
    with store.read() as session:
        after = [a.name for a in decisions.item_attendees(session, get_item(session, item_id))]
    assert "Åsa Öhman" not in after and len(after) == len(before) - 1
    assert _item(store, item_id).vote["roll_call"] == [["Päivi Järvinen", 0]]  # out of the roll call too
    with pytest.raises(ValidationError, match="esteellinen"):
        decisions.record_vote(store, item_id, [{"text": "A"}, {"text": "B"}], roll_call=[("Åsa Öhman", 0)])
    document = build_document(store, meeting_id)
    doc_item = next(i for i in document.items if i.title == "Avustusten jakaminen")
    assert [(d.name, d.reason, d.left_room) for d in doc_item.disqualified] == [
        ("Åsa Öhman", "Hakijan hallituksen jäsen", True)]
    assert doc_item.vote is not None and doc_item.vote.result == "Esittelijän ehdotus voitti 3–1."
    assert [(p.text, p.proposer, p.seconder, p.votes) for p in doc_item.vote.proposals] == [
        ("Esittelijän ehdotus", "", "", 3), ("Myönnetään 2 000 €", "Matti Mäki", "Åsa Öhman", 1)]
    assert doc_item.decision == "Asia ratkaistiin äänestyksellä."


def test_a_vote_needs_two_proposals_and_whole_counts(store: Store, table: Table):
    _meeting_id, item_id = _held(store, table)
    with pytest.raises(ValidationError):
        decisions.record_vote(store, item_id, [{"text": "Ainoa"}])
    with pytest.raises(ValidationError):
        decisions.record_vote(store, item_id, [{"text": "A", "votes": "kolme"}, {"text": "B"}])
    with pytest.raises(ValidationError):
        decisions.record_vote(store, item_id, [{"text": "A"}, {"text": "B"}], roll_call=[("X", 2)])


def test_a_grant_decided_in_the_item_prompts_the_members_disqualification(store: Store, table: Table):
    meeting_id, item_id = _held(store, table)
    call_id, _ = calls.create_call(store, year=2026, name="Toiminta-avustukset 2026")
    application_id, _ = applications.create_application(
        store, call_id, table.orgs["Vasa Ungdomsförening rf"], applied_cents=500_000)
    with store.read() as session:
        assert decisions.disqualification_prompts(session, item_id) == []
    grant_decisions.decide(store, application_id, granted_cents=300_000, agenda_item_id=item_id)
    with store.read() as session:
        prompts = decisions.disqualification_prompts(session, item_id)
    assert [(p.name, p.organisation) for p in prompts] == [("Åsa Öhman", "Vasa Ungdomsförening rf")]
    decisions.add_disqualification(store, item_id, "Åsa Öhman", "Yhdistyksen edustaja")
    with store.read() as session:
        assert decisions.disqualification_prompts(session, item_id) == []


def test_appealable_follows_the_item_type_and_can_be_changed(store: Store, table: Table):
    meeting_id, item_id = _held(store, table)
    info, _ = meetings.add_item(store, meeting_id, "Katsaus", item_type=ItemType.INFORMATION)
    document = build_document(store, meeting_id)
    by_title = {i.title: i for i in document.items}
    assert by_title["Avustusten jakaminen"].appealable
    assert not by_title["Katsaus"].appealable
    assert not any(i.appealable for i in document.items if i.title.startswith("Laillisuus"))
    meetings.record_decision(store, item_id, decision_type=DecisionType.RETURNED)  # only prepares
    meetings.record_decision(store, info, appealable=True, confidential_basis=" JulkL 24 § 1 mom. 25 k ")
    by_title = {i.title: i for i in build_document(store, meeting_id).items}
    assert not by_title["Avustusten jakaminen"].appealable
    assert by_title["Katsaus"].appealable
    assert by_title["Katsaus"].confidential_basis == "JulkL 24 § 1 mom. 25 k"


def test_the_appeal_deadline_is_14_days_from_the_notice(store: Store, table: Table):
    meeting_id, _item_id = _held(store, table)
    assert legality.appeal_deadline(dt.date(2026, 12, 24)) == dt.date(2027, 1, 7)
    with pytest.raises(ValidationError):
        meetings.update_meeting(store, meeting_id, notice_date=JAN - dt.timedelta(days=1))
    meetings.update_meeting(store, meeting_id, notice_date=dt.date(2026, 1, 27),
                            display_date=dt.date(2026, 1, 27), display_place=" verkkosivut ")
    legality.update_body_records(store, table.body_id, appeal_authority="Avustustoimikunta")
    document = build_document(store, meeting_id)
    assert document.record_kind == "minutes"
    assert document.appeal_deadline == dt.date(2026, 2, 10)
    assert (document.display_date, document.display_place) == (dt.date(2026, 1, 27), "verkkosivut")
    assert document.appeal_authority == "Avustustoimikunta"
    assert "Oikaisuvaatimusviranomainen: Avustustoimikunta." in document.appeal_text
    assert "päättyy 10.2.2026" in document.appeal_text
    sv = build_document(store, meeting_id, "sv")
    assert "Omprövningsmyndighet: Avustustoimikunta." in sv.appeal_text and "10.2.2026" in sv.appeal_text
    # The body's own text replaces the shipped one in its language only.
    legality.update_body_records(store, table.body_id, appeal_texts={
        "fi": "Oikaisua haetaan {authority}lta {deadline} mennessä.", "sv": ""})
    assert build_document(store, meeting_id).appeal_text == (
        "Oikaisua haetaan Avustustoimikuntalta 10.2.2026 mennessä.")
    assert "Omprövningsmyndighet" in build_document(store, meeting_id, "sv").appeal_text


def test_checkers_check_on_their_own_dates(store: Store, table: Table):
    meeting_id, _item_id = _held(store, table)
    meetings.set_minute_checkers(store, meeting_id, ["Åsa Öhman", "Matti Mäki"])
    with pytest.raises(ValidationError):
        legality.record_check(store, meeting_id, "Päivi Järvinen", dt.date(2026, 1, 22))
    legality.record_check(store, meeting_id, "Matti Mäki", dt.date(2026, 1, 22))
    assert build_document(store, meeting_id).checked == (("Matti Mäki", dt.date(2026, 1, 22)),)
    meetings.set_status(store, meeting_id, MeetingStatus.MINUTES_CHECKED, today=dt.date(2026, 1, 23))
    assert build_document(store, meeting_id).checked == (
        ("Åsa Öhman", dt.date(2026, 1, 23)), ("Matti Mäki", dt.date(2026, 1, 22)))


def test_a_memo_has_no_legality_item_checkers_or_appeal(store: Store, table: Table):
    legality.update_body_records(store, table.body_id, record_kind="memo")
    memo, _ = meetings.create_meeting(store, table.body_id, JAN)
    with store.read() as session:
        keys = [i.standard_key for i in live_items(session, memo)]
    assert "legality" not in keys and "minute_checkers" not in keys and "agenda" in keys
    item, _ = meetings.add_item(store, memo, "Yhteinen tapahtuma")
    meetings.set_status(store, memo, MeetingStatus.HELD, today=JAN)
    meetings.fill_attendance(store, memo)
    meetings.set_status(store, memo, MeetingStatus.MINUTES_CHECKED, today=JAN)  # no checkers needed
    document = build_document(store, memo)
    assert document.record_kind == "memo" and document.appeal_text == "" and document.appeal_deadline is None
    assert not any(i.appealable for i in document.items)
    # A meeting of the same body may keep minutes: the legality items come back while the agenda is open.
    other, _ = meetings.create_meeting(store, table.body_id, MAR)
    meetings.update_meeting(store, other, record_kind="minutes")
    with store.read() as session:
        keys = [i.standard_key for i in live_items(session, other)]
    assert keys[:4] == ["opening", "legality", "minute_checkers", "agenda"]
    assert build_document(store, other).record_kind == "minutes"
    meetings.update_meeting(store, other, record_kind="")
    with store.read() as session:
        assert "legality" not in [i.standard_key for i in live_items(session, other)]
    with pytest.raises(ValidationError):
        meetings.update_meeting(store, other, record_kind="protokoll")
