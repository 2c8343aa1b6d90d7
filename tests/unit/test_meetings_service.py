"""Meetings through the real store: the template, § numbering, postponing, status rules and the
lock, attendance, action items, workshop results, attachments, bodies and members."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop import paths
from desktop.errors import ValidationError
from desktop.i18n import _ as translate
from desktop.services import meetings
from desktop.services.meetings import actions, agenda, attachments, minutes, workshop
from desktop.services.meetings.common import live_items
from desktop.storage.models import (
    AgendaItem,
    Attachment,
    ItemAttachment,
    Meeting,
    MinutesCorrection,
)
from desktop.storage.models.enums import ActionStatus, ItemType, MeetingStatus, Presence
from desktop.storage.store import Store
from tests.unit.meeting_helpers import Table, make_table, meeting, sections

JAN, MAR, MAY = dt.date(2026, 1, 20), dt.date(2026, 3, 17), dt.date(2026, 5, 12)
STANDARD = 7  # items of the template


@pytest.fixture
def table(store: Store) -> Table:
    return make_table(store)


def _count(store: Store, model: type) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))


# -- the template ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "sv", "en", "fi+sv"])
def test_a_new_meeting_has_the_standard_items_in_its_language(store: Store, table: Table, language: str):
    template = json.loads((paths.resources_dir() / "templates/meeting_items.json").read_text("utf-8"))
    meeting_id, changes = meetings.create_meeting(store, table.body_id, JAN, language=language)
    assert changes.inserted["meeting"] == {meeting_id}
    titles = [title for _section, title in sections(store, meeting_id)]
    expected = [
        " / ".join((spec["title"]["fi"], spec["title"]["sv"])) if language == "fi+sv"
        else spec["title"][language]
        for spec in template["items"]
    ]
    assert titles == expected
    with store.read() as session:
        items = live_items(session, meeting_id)
        legality = next(i for i in items if i.standard_key == "legality")
        assert [i.item_type for i in items][:4] == ["information", "decision", "decision", "decision"]
    if language == "fi+sv":
        assert titles[0] == "Kokouksen avaus / Mötets öppnande"
        assert legality.proposal == ("Todetaan kokous laillisesti koolle kutsutuksi ja päätösvaltaiseksi."
                                     "\n\nMötet konstateras vara lagligen sammankallat och beslutfört.")
    elif language == "sv":
        assert titles[-3:] == ["Anmälningsärenden", "Övriga ärenden", "Mötets avslutande"]
        assert legality.proposal.startswith("Mötet konstateras")
    elif language == "en":
        assert titles[2] == "Election of minute checkers"


def test_a_bilingual_body_meets_in_both_languages_by_default(store: Store, table: Table):
    meeting_id, _ = meetings.create_meeting(store, table.body_id, JAN)
    assert meeting(store, meeting_id).language == "fi+sv"
    sv_only, _ = meetings.create_body(store, "", "Arbetsgruppen")
    other, _ = meetings.create_meeting(store, sv_only, JAN)
    assert meeting(store, other).language == "sv"
    with pytest.raises(ValidationError):
        meetings.create_meeting(store, table.body_id, JAN, language="de")


def test_new_items_go_before_the_closing_items(store: Store, table: Table):
    meeting_id, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    meetings.add_item(store, meeting_id, "Järjestöstrategia")
    meetings.add_item(store, meeting_id, "Avustusperiaatteet", item_type=ItemType.DISCUSSION)
    titles = [t for _s, t in sections(store, meeting_id)]
    assert titles[4:6] == ["Järjestöstrategia", "Avustusperiaatteet"]
    assert titles[6:] == ["Ilmoitusasiat", "Muut asiat", "Kokouksen päättäminen"]
    with pytest.raises(ValidationError):
        meetings.add_item(store, meeting_id, "   ")


# -- § numbering -------------------------------------------------------------------------


def test_section_numbers_continue_through_the_year_and_follow_reordering(store: Store, table: Table):
    first, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    second, _ = meetings.create_meeting(store, table.body_id, MAY, language="fi")
    assert [s for s, _t in sections(store, first)] == list(range(1, STANDARD + 1))
    assert [s for s, _t in sections(store, second)] == list(range(STANDARD + 1, 2 * STANDARD + 1))

    # Before the agenda is sent, an added or moved item renumbers this and later meetings.
    added, _ = meetings.add_item(store, first, "Toimintasuunnitelma")
    assert sections(store, first)[4] == (5, "Toimintasuunnitelma")
    assert sections(store, second)[0][0] == STANDARD + 2
    meetings.move_item(store, added, 0)
    assert sections(store, first)[:2] == [(1, "Toimintasuunnitelma"), (2, "Kokouksen avaus")]
    meetings.move_item(store, added, 99)  # past the end: last
    assert sections(store, first)[-1] == (STANDARD + 1, "Toimintasuunnitelma")

    # A meeting in between takes the numbers after the first one's, and number 2 of the year.
    middle, _ = meetings.create_meeting(store, table.body_id, MAR, language="fi")
    assert (meeting(store, middle).number, meeting(store, second).number) == (2, 3)
    assert sections(store, middle)[0][0] == STANDARD + 2
    assert sections(store, second)[0][0] == 2 * STANDARD + 2

    # Sent: the numbers stay when items move; an item added later takes the next free number.
    meetings.send_agenda(store, first)
    before = dict((t, s) for s, t in sections(store, first))
    meetings.move_item(store, added, 0)
    assert dict((t, s) for s, t in sections(store, first)) == before
    assert sections(store, first)[0] == (STANDARD + 1, "Toimintasuunnitelma")
    extra, _ = meetings.add_item(store, first, "Lisäasia")
    assert dict((t, s) for s, t in sections(store, first))["Lisäasia"] == STANDARD + 2
    assert sections(store, middle)[0][0] == STANDARD + 3  # the middle one was still open

    # Once the middle agenda is out too, the first meeting has no free number left.
    meetings.send_agenda(store, middle)
    items_before = _count(store, AgendaItem)
    with pytest.raises(ValidationError, match="§"):
        meetings.add_item(store, first, "Vielä yksi")
    assert _count(store, AgendaItem) == items_before  # the whole operation was undone
    with pytest.raises(ValidationError):
        meetings.remove_item(store, extra)  # published: postpone or withdraw in the minutes

    # Removing from an open agenda closes the gap; the next year starts again from 1.
    last_items = sections(store, second)
    meetings.remove_item(store, next(
        i.id for i in _items(store, second) if i.title == last_items[1][1]))
    assert [s for s, _t in sections(store, second)] == list(
        range(last_items[0][0], last_items[0][0] + STANDARD - 1))
    next_year, _ = meetings.create_meeting(store, table.body_id, dt.date(2027, 1, 19), language="fi")
    assert meeting(store, next_year).number == 1 and sections(store, next_year)[0][0] == 1


def _items(store: Store, meeting_id) -> list[AgendaItem]:  # noqa: ANN001
    with store.read() as session:
        return live_items(session, meeting_id)


def test_moving_a_meeting_to_another_date_renumbers_both_years(store: Store, table: Table):
    a, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    b, _ = meetings.create_meeting(store, table.body_id, MAR, language="fi")
    meetings.update_meeting(store, a, date=dt.date(2026, 4, 1), place="Vaasa")
    assert (meeting(store, b).number, meeting(store, a).number) == (1, 2)
    assert sections(store, b)[0][0] == 1 and sections(store, a)[0][0] == STANDARD + 1
    meetings.update_meeting(store, b, date=dt.date(2025, 12, 10))
    assert sections(store, a)[0][0] == 1 and meeting(store, a).number == 1
    with pytest.raises(ValidationError):
        meetings.update_meeting(store, a, start_time=dt.time(15), end_time=dt.time(13))


# -- copying and postponing -------------------------------------------------------------


def test_copy_items_from_an_earlier_meeting_takes_texts_and_files_not_decisions(
        store: Store, table: Table, tmp_path: Path):
    earlier, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    item, _ = meetings.add_item(store, earlier, "Viestintäsuunnitelma", presenter="Sanna Sihteeri",
                                background="Tausta", proposal="Hyväksytään.", minutes_allotted=20)
    file = tmp_path / "suunnitelma.txt"
    file.write_text("Suunnitelma & <liite>", encoding="utf-8")
    meetings.attach_file(store, item, file)
    meetings.record_decision(store, item, decision="Hyväksyttiin.", discussion="Keskusteltiin.")
    later, _ = meetings.create_meeting(store, table.body_id, MAR, language="fi")
    (copy,), changes = meetings.copy_items(store, [item], later)
    assert changes.inserted["agenda_item"] == {copy}
    with store.read() as session:
        row = session.get(AgendaItem, copy)
        assert (row.meeting_id, row.title, row.presenter, row.background, row.proposal,
                row.minutes_allotted) == (later, "Viestintäsuunnitelma", "Sanna Sihteeri", "Tausta",
                                          "Hyväksytään.", 20)
        assert row.decision == "" and row.discussion == ""
        assert [a.filename for a in attachments.item_attachments(session, copy)] == ["suunnitelma.txt"]
    assert sections(store, later)[4][1] == "Viestintäsuunnitelma"


def test_a_postponed_item_keeps_its_history(store: Store, table: Table, tmp_path: Path):
    first, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    item, _ = meetings.add_item(store, first, "Tilojen varauskäytäntö", background="Tausta")
    file = tmp_path / "liite.pdf"
    file.write_bytes(b"%PDF-1.4 liite")
    meetings.attach_file(store, item, file)
    with pytest.raises(ValidationError, match="no later meeting|ei ole myöhempää"):
        meetings.postpone_item(store, item)
    second, _ = meetings.create_meeting(store, table.body_id, MAR, language="fi")
    third, _ = meetings.create_meeting(store, table.body_id, MAY, language="fi")
    meetings.send_agenda(store, first)
    first_section = dict((t, s) for s, t in sections(store, first))["Tilojen varauskäytäntö"]

    moved, _ = meetings.postpone_item(store, item)
    with store.read() as session:
        original, copy = session.get(AgendaItem, item), session.get(AgendaItem, moved)
        assert original.meeting_id == first and original.postponed_to_id == moved
        assert original.decision == "Asia siirrettiin seuraavaan kokoukseen."
        assert (copy.meeting_id, copy.title, copy.background) == (second, "Tilojen varauskäytäntö", "Tausta")
        assert copy.postponed_from == [first_section] and copy.postponed_from_id == item
        assert [a.filename for a in attachments.item_attachments(session, moved)] == ["liite.pdf"]
    with pytest.raises(ValidationError):
        meetings.postpone_item(store, item)  # already postponed
    with pytest.raises(ValidationError):
        meetings.postpone_item(store, _items(store, first)[0].id)  # the opening stays

    # Postponed again from the second meeting: both earlier § numbers travel with it.
    meetings.send_agenda(store, second)
    second_section = dict((t, s) for s, t in sections(store, second))["Tilojen varauskäytäntö"]
    again, _ = meetings.postpone_item(store, moved)
    with store.read() as session:
        assert session.get(AgendaItem, again).postponed_from == [first_section, second_section]
        assert [i.id for i in agenda.item_history(session, again)] == [item, moved, again]


def test_postponing_from_an_agenda_not_yet_sent_moves_the_item_itself(store: Store, table: Table):
    first, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    second, _ = meetings.create_meeting(store, table.body_id, MAR, language="fi")
    item, _ = meetings.add_item(store, first, "Siirtyvä asia")
    moved, _ = meetings.postpone_item(store, item)
    assert moved == item
    assert [s for s, _t in sections(store, first)] == list(range(1, STANDARD + 1))
    assert sections(store, second)[4] == (STANDARD + 5, "Siirtyvä asia")
    with store.read() as session:
        assert session.get(AgendaItem, item).postponed_from == []


# -- status, decisions, lock -------------------------------------------------------------


def _held_meeting(store: Store, table: Table, language: str = "fi") -> tuple:
    meeting_id, _ = meetings.create_meeting(store, table.body_id, JAN, language=language,
                                            start_time=dt.time(13), end_time=dt.time(15))
    decision, _ = meetings.add_item(store, meeting_id, "Lausunto", proposal="Annetaan lausunto.")
    info, _ = meetings.add_item(store, meeting_id, "Katsaus", item_type=ItemType.INFORMATION)
    talk, _ = meetings.add_item(store, meeting_id, "Keskustelu", item_type=ItemType.DISCUSSION)
    meetings.set_status(store, meeting_id, MeetingStatus.HELD, today=JAN)
    return meeting_id, decision, info, talk


def test_status_moves_step_by_step_with_its_rules(store: Store, table: Table):
    empty = meetings.create_meeting(store, table.body_id, JAN, standard=False)[0]
    with pytest.raises(ValidationError):
        meetings.send_agenda(store, empty)
    meeting_id, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    with pytest.raises(ValidationError):
        meetings.set_status(store, meeting_id, MeetingStatus.HELD, today=JAN - dt.timedelta(days=1))
    assert meeting(store, meeting_id).status == MeetingStatus.PLANNED  # no step half taken
    meetings.set_status(store, meeting_id, MeetingStatus.HELD, today=JAN)
    assert meeting(store, meeting_id).status == MeetingStatus.HELD

    # Checked needs attendance, checkers who were present, and decisions.
    attended = translate("Record who attended before the minutes are checked.")
    with pytest.raises(ValidationError, match=re.escape(attended)):
        meetings.set_status(store, meeting_id, MeetingStatus.MINUTES_CHECKED, today=JAN)
    meetings.fill_attendance(store, meeting_id)
    with pytest.raises(ValidationError):
        meetings.set_status(store, meeting_id, MeetingStatus.MINUTES_CHECKED, today=JAN)
    meetings.set_minute_checkers(store, meeting_id, ["Åsa Öhman", "Eero Entinen"])
    with pytest.raises(ValidationError, match="Eero Entinen"):
        meetings.set_status(store, meeting_id, MeetingStatus.MINUTES_CHECKED, today=JAN)
    meetings.set_minute_checkers(store, meeting_id, ["Åsa Öhman", "Matti Mäki"])
    legality = next(i for i in _items(store, meeting_id) if i.standard_key == "legality")
    meetings.record_decision(store, legality.id, decision="")
    with pytest.raises(ValidationError, match=f"§ {legality.section}"):
        meetings.set_status(store, meeting_id, MeetingStatus.MINUTES_CHECKED, today=JAN)
    meetings.record_decision(store, legality.id, decision="Todettiin.")
    meetings.set_status(store, meeting_id, MeetingStatus.MINUTES_CHECKED, today=JAN + dt.timedelta(days=3))
    assert meeting(store, meeting_id).checked_on == JAN + dt.timedelta(days=3)
    meetings.set_status(store, meeting_id, MeetingStatus.HELD)  # back, before approval
    assert meeting(store, meeting_id).checked_on is None


def test_decisions_are_prefilled_in_the_meeting_language(store: Store, table: Table):
    meeting_id, decision, info, talk = _held_meeting(store, table, "fi+sv")
    with store.read() as session:
        rows = {i.id: i for i in live_items(session, meeting_id)}
        assert rows[decision].decision == "Hyväksyttiin ehdotuksen mukaisesti.\n\nGodkändes enligt förslaget."
        assert rows[info].decision == "Merkittiin tiedoksi.\n\nAntecknades för kännedom."
        assert rows[talk].decision == ""
        opening = next(i for i in rows.values() if i.standard_key == "opening")
        assert opening.decision.startswith("Puheenjohtaja avasi kokouksen.")
    meetings.set_minute_checkers(store, meeting_id, ["Åsa Öhman", "Matti Mäki"])
    checkers = next(i for i in _items(store, meeting_id) if i.standard_key == "minute_checkers")
    assert checkers.decision == ("Pöytäkirjantarkastajiksi valittiin Åsa Öhman ja Matti Mäki.\n\n"
                                 "Till protokolljusterare valdes Åsa Öhman och Matti Mäki.")
    late, _ = meetings.add_item(store, meeting_id, "Lisäasia")  # added at the meeting
    with store.read() as session:
        assert session.get(AgendaItem, late).decision.startswith("Hyväksyttiin")
        assert minutes.suggested_decision(session, late).endswith("Godkändes enligt förslaget.")


def _approved(store: Store, table: Table) -> tuple:
    meeting_id, decision, info, talk = _held_meeting(store, table)
    meetings.fill_attendance(store, meeting_id)
    meetings.set_minute_checkers(store, meeting_id, ["Åsa Öhman", "Matti Mäki"])
    meetings.add_action(store, meeting_id, "Lähetetään lausunto.", item_id=decision,
                        deadline=JAN + dt.timedelta(days=30))
    meetings.approve_minutes(store, meeting_id, on=JAN + dt.timedelta(days=14))
    return meeting_id, decision, info, talk


def test_approval_locks_the_minutes_and_changes_become_recorded_corrections(store: Store, table: Table):
    meeting_id, decision, _info, _talk = _approved(store, table)
    row = meeting(store, meeting_id)
    assert row.locked and row.approved_on == JAN + dt.timedelta(days=14)
    assert row.status == MeetingStatus.MINUTES_APPROVED
    with store.read() as session:
        attendee = minutes.attendance(session, meeting_id)[0].id
    refused = [
        lambda: meetings.update_item(store, decision, decision="Hylättiin."),
        lambda: meetings.record_decision(store, decision, votes="5–2"),
        lambda: meetings.add_item(store, meeting_id, "Jälkikäteen"),
        lambda: meetings.move_item(store, decision, 0),
        lambda: meetings.record_attendance(store, meeting_id, name="Vieras"),
        lambda: meetings.update_attendance(store, attendee, presence=Presence.ABSENT),
        lambda: meetings.add_dissent(store, decision, "Matti Mäki", "Eri mieltä."),
        lambda: meetings.add_action(store, meeting_id, "Uusi tehtävä"),
        lambda: meetings.set_minute_checkers(store, meeting_id, ["Päivi Järvinen"]),
        lambda: meetings.update_meeting(store, meeting_id, place="Muualla"),
        lambda: meetings.set_status(store, meeting_id, MeetingStatus.HELD),
        lambda: meetings.postpone_item(store, decision),
    ]
    for change in refused:
        with pytest.raises(ValidationError, match="lukittu|locked"):
            change()
    with store.read() as session:
        assert session.get(AgendaItem, decision).decision == "Hyväksyttiin ehdotuksen mukaisesti."

    correction, changes = meetings.correct_minutes(
        store, meeting_id, "Päätöksestä puuttui määräaika.", who="Sanna Sihteeri", item_id=decision,
        fields={"decision": "Hyväksyttiin ehdotuksen mukaisesti; lausunto annetaan 15.2. mennessä."})
    assert changes.inserted["minutes_correction"] == {correction}
    assert changes.updated["agenda_item"] == {decision}
    with store.read() as session:
        assert session.get(AgendaItem, decision).decision.endswith("15.2. mennessä.")
        recorded = session.get(MinutesCorrection, correction)
        assert recorded.who == "Sanna Sihteeri" and recorded.item_id == decision
        assert recorded.changes["decision"][0] == "Hyväksyttiin ehdotuksen mukaisesti."
    meetings.correct_minutes(store, meeting_id, "Läsnäolo korjattu.", attendance_id=attendee,
                             fields={"presence": Presence.ABSENT})
    with store.read() as session:
        assert minutes.attendance(session, meeting_id)[0].presence == Presence.ABSENT
    with pytest.raises(ValidationError):
        meetings.correct_minutes(store, meeting_id, "  ", item_id=decision, fields={"votes": "x"})
    with pytest.raises(ValidationError):
        meetings.correct_minutes(store, meeting_id, "Väärä kenttä", item_id=decision,
                                 fields={"item_type": "workshop"})
    # Following the action up is not a change of the minutes.
    with store.read() as session:
        (action,) = actions.item_actions(session, decision)
    meetings.update_action(store, action.id, status=ActionStatus.DONE, today=JAN + dt.timedelta(days=20))


def test_a_correction_needs_approved_minutes(store: Store, table: Table):
    meeting_id, decision, _info, _talk = _held_meeting(store, table)
    with pytest.raises(ValidationError):
        meetings.correct_minutes(store, meeting_id, "Korjaus", item_id=decision, fields={"votes": "3–1"})


# -- attendance --------------------------------------------------------------------------


def test_attendance_from_members_deputies_guests_and_sections(store: Store, table: Table):
    meeting_id, _d, _i, _t = _held_meeting(store, table)
    changes = meetings.fill_attendance(store, meeting_id)
    assert len(changes.inserted["meeting_attendance"]) == 4  # the former member is not invited
    with store.read() as session:
        rows = minutes.attendance(session, meeting_id)
        assert [r.name for r in rows] == ["Päivi Järvinen", "Sanna Sihteeri", "Åsa Öhman", "Matti Mäki"]
        assert rows[0].organisation == "Äänekosken Eläkeläiset ry" and rows[0].role == "chair"
        matti = rows[3]
    # Matti's deputy came instead: the deputy's name, standing in for Matti.
    meetings.update_attendance(store, matti.id, presence=Presence.DEPUTY)
    with store.read() as session:
        row = minutes.attendance(session, meeting_id)[3]
        assert (row.name, row.deputy_for, row.presence) == ("Liisa Laine", "Matti Mäki", "deputy")
    meetings.fill_attendance(store, meeting_id)  # nobody is listed twice
    guest, _ = meetings.record_attendance(store, meeting_id, name="Dr. Öberg", organisation="THL",
                                          presence=Presence.EXPERT, arrived_at=5, left_at=6)
    with store.read() as session:
        assert len(minutes.attendance(session, meeting_id)) == 5
    refused = [
        dict(name="Päivi Järvinen"),  # already there
        dict(name="Myöhäinen", arrived_at=99),  # no such §
        dict(name="Takaperin", arrived_at=6, left_at=5),
        dict(name="Poissa", presence=Presence.ABSENT, left_at=5),
        dict(name="Varajäsen", presence=Presence.DEPUTY),  # whose deputy?
        dict(name=""),
    ]
    for values in refused:
        with pytest.raises(ValidationError):
            meetings.record_attendance(store, meeting_id, **values)
    deputy, _ = meetings.record_attendance(
        store, meeting_id, member_id=table.members["Eero Entinen"], presence=Presence.DEPUTY)
    with store.read() as session:
        assert [(r.name, r.deputy_for) for r in minutes.attendance(session, meeting_id)
                if r.id == deputy] == [("Erkki Varalla", "Eero Entinen")]
    minutes.remove_attendance(store, guest)
    with store.read() as session:
        assert "Dr. Öberg" not in [r.name for r in minutes.attendance(session, meeting_id)]


# -- action items ------------------------------------------------------------------------


def test_open_actions_list_overdue_first_and_are_carried_to_the_next_agenda(store: Store, table: Table):
    first, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    second, _ = meetings.create_meeting(store, table.body_id, MAR, language="fi")
    third, _ = meetings.create_meeting(store, table.body_id, MAY, language="fi")
    today = dt.date(2026, 4, 1)
    item = _items(store, first)[1].id
    later_due, _ = meetings.add_action(store, first, "Myöhemmin", deadline=dt.date(2026, 6, 1),
                                       owner_text="Työryhmä")
    no_deadline, _ = meetings.add_action(store, first, "Joskus", owner_person_id=table.people["Åsa Öhman"])
    overdue_late, _ = meetings.add_action(store, second, "Myöhässä vähän", deadline=dt.date(2026, 3, 30))
    overdue_long, _ = meetings.add_action(store, first, "Myöhässä kauan", item_id=item,
                                          deadline=dt.date(2026, 2, 1),
                                          owner_organisation_id=table.orgs["Mielenterveysseura ry"])
    done, _ = meetings.add_action(store, first, "Tehty", deadline=dt.date(2026, 2, 1))
    meetings.update_action(store, done, status=ActionStatus.DONE, today=dt.date(2026, 2, 1))
    finished_later, _ = meetings.add_action(store, first, "Valmistui toukokuussa")
    meetings.update_action(store, finished_later, status=ActionStatus.DONE, today=dt.date(2026, 4, 20))
    with pytest.raises(ValidationError):
        meetings.add_action(store, first, "  ")
    with pytest.raises(ValidationError):
        meetings.add_action(store, second, "Väärä kohta", item_id=item)  # item of another meeting

    with store.read() as session:
        rows = meetings.open_actions(session, table.body_id, today=today)
        assert [r.what for r in rows] == ["Myöhässä kauan", "Myöhässä vähän", "Myöhemmin", "Joskus"]
        assert [r.overdue for r in rows] == [True, True, False, False]
        assert rows[0].owner == "Mielenterveysseura ry" and rows[0].section == 2
        assert rows[0].meeting == "1/2026" and rows[3].owner == "Åsa Öhman"
        assert rows[2].owner == "Työryhmä"
        carried_to_second = [a.id for a in meetings.carried_actions(session, second)]
        carried_to_third = [a.what for a in meetings.carried_actions(session, third)]
    # On the second meeting's date (17.3.) the one finished in April was still open.
    assert set(carried_to_second) == {overdue_long, later_due, no_deadline, finished_later}
    assert carried_to_second[0] == overdue_long
    assert "Tehty" not in carried_to_third and "Valmistui toukokuussa" not in carried_to_third
    assert "Myöhässä vähän" in carried_to_third
    # Reopened: settled no longer.
    meetings.update_action(store, done, status=ActionStatus.OPEN)
    with store.read() as session:
        assert "Tehty" in [r.what for r in meetings.open_actions(session, table.body_id, today=today)]


# -- workshop results --------------------------------------------------------------------


def test_workshop_points_rank_by_dot_votes_then_rank(store: Store, table: Table):
    meeting_id, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    item, _ = meetings.add_item(store, meeting_id, "Työpaja", item_type=ItemType.WORKSHOP)
    points = [("Ryhmä A", 1, "Tilat", 5), ("Ryhmä A", 2, "Tiedotus", 9), ("Ryhmä A", 3, "Koulutus", 1),
              ("Ryhmä B", 1, "Kokemustieto", 9), ("Ryhmä B", 2, "Tilat maksutta", 0)]
    for group, rank, point, votes in points:
        meetings.add_workshop_point(store, item, group, rank, point, justification="Koska.", votes=votes)
    with store.read() as session:
        ranked = [(p.point, p.votes) for p in meetings.ranked_summary(session, item)]
    assert ranked == [("Kokemustieto", 9), ("Tiedotus", 9), ("Tilat", 5), ("Koulutus", 1),
                      ("Tilat maksutta", 0)]
    for group, rank, point, votes in [("Ryhmä A", 4, "Neljäs", 0), ("Ryhmä A", 1, "Toinen ykkönen", 0),
                                      ("", 1, "Ilman ryhmää", 0), ("Ryhmä C", 1, "", 0),
                                      ("Ryhmä C", 1, "Miinus", -1)]:
        with pytest.raises(ValidationError):
            meetings.add_workshop_point(store, item, group, rank, point, votes=votes)
    ordinary = _items(store, meeting_id)[1].id
    with pytest.raises(ValidationError):
        meetings.add_workshop_point(store, ordinary, "Ryhmä A", 1, "Väärä kohta")
    with store.read() as session:
        low = next(p for p in workshop.workshop_points(session, item) if p.point == "Koulutus")
    workshop.update_workshop_point(store, low.id, votes=20)
    with store.read() as session:
        assert meetings.ranked_summary(session, item)[0].point == "Koulutus"


# -- attachments -------------------------------------------------------------------------


def test_attachments_are_copied_into_the_store_once_by_hash(store: Store, table: Table, tmp_path: Path):
    meeting_id, _ = meetings.create_meeting(store, table.body_id, JAN, language="fi")
    first, second = _items(store, meeting_id)[1].id, _items(store, meeting_id)[2].id
    content = "Liite: ä ö å & <b>".encode()
    path = tmp_path / "liite.txt"
    path.write_bytes(content)
    link, changes = meetings.attach_file(store, first, path)
    assert changes.inserted["attachment"] and changes.inserted["item_attachment"] == {link}
    path.unlink()  # the original may vanish; the store keeps its copy
    copy = tmp_path / "kopio.txt"
    copy.write_bytes(content)
    meetings.attach_file(store, second, copy)
    again, _ = meetings.attach_file(store, first, copy)
    assert again == link  # the same file on the same item once
    with store.read() as session:
        stored = session.scalars(select(Attachment)).all()
        assert len(stored) == 1 and stored[0].sha256 == hashlib.sha256(content).hexdigest()
        attachment_id = stored[0].id
    out = attachments.save_attachment(store, attachment_id, tmp_path / "ulos.txt")
    assert out.read_bytes() == content
    meetings.remove_attachment(store, link)
    with store.read() as session:
        assert meetings.item_attachments(session, first) == []
        assert session.scalar(select(func.count()).select_from(ItemAttachment)
                              .where(ItemAttachment.deleted.is_(False))) == 1
    with pytest.raises(ValidationError):
        meetings.attach_file(store, first, tmp_path / "missing.pdf")


# -- bodies and members ------------------------------------------------------------------


def test_bodies_and_members_are_checked(store: Store, table: Table):
    with pytest.raises(ValidationError):
        meetings.create_body(store, " ", "")
    with pytest.raises(ValidationError):
        meetings.create_body(store, "Ryhmä", kind="committee")
    org = table.orgs["Mielenterveysseura ry"]
    outsider = table.people["Åsa Öhman"]  # represents another organisation
    for values in (
        dict(organisation_id=org, representative_id=outsider),
        dict(organisation_id=org, representative_id=table.people["Matti Mäki"],
             deputy_id=table.people["Matti Mäki"]),
        dict(organisation_id=org, term_start=dt.date(2026, 5, 1), term_end=dt.date(2026, 4, 1)),
        dict(),
        dict(organisation_id=org, role="treasurer"),
    ):
        with pytest.raises(ValidationError):
            meetings.add_member(store, table.body_id, **values)
    with store.read() as session:
        rows = meetings.member_rows(session, table.body_id, "fi", on=dt.date(2026, 6, 1))
        assert [r.representative for r in rows][:2] == ["Päivi Järvinen", "Sanna Sihteeri"]
        assert rows[0].role_label == "Puheenjohtaja" and rows[0].deputy == "Örjan Åkerlund"
        assert [r.current for r in rows].count(False) == 1  # the former member
    meetings.update_member(store, table.members["Åsa Öhman"], term_end=dt.date(2026, 3, 1))
    with store.read() as session:
        assert "Åsa Öhman" not in [r.representative for r in meetings.member_rows(
            session, table.body_id, "fi", on=dt.date(2026, 6, 1)) if r.current]
    meetings.create_meeting(store, table.body_id, JAN)
    with pytest.raises(ValidationError):
        meetings.delete_body(store, table.body_id)
    spare, _ = meetings.create_body(store, "Työryhmä", kind="working_group")
    meetings.update_body(store, spare, name_sv="Arbetsgruppen", languages=["fi", "sv"])
    meetings.delete_body(store, spare)
    with store.read() as session:
        assert [b.name_fi for b in meetings.list_bodies(session)] == ["Kumppanuuspöytä"]


def test_meetings_are_found_by_body_year_and_number_or_id(store: Store, table: Table):
    first, _ = meetings.create_meeting(store, table.body_id, JAN)
    second, _ = meetings.create_meeting(store, table.body_id, MAR)
    other, _ = meetings.create_body(store, "Kumppanuusareena")
    meetings.create_meeting(store, other, JAN)
    with store.read() as session:
        assert meetings.find_meeting(session, "kumppanuuspöytä/2026/2").id == second
        assert meetings.find_meeting(session, "Partnerskaps/2026/1").id == first
        assert meetings.find_meeting(session, first.hex[:8]).id == first
        assert meetings.meeting_reference(session.get(Meeting, second)) == "Kumppanuuspöytä/2026/2"
        with pytest.raises(ValidationError, match="Kumppanuusareena/2026/1"):
            meetings.find_meeting(session, "Kumppanuus/2026/1")  # two bodies start so
        with pytest.raises(ValidationError):
            meetings.find_meeting(session, "Kumppanuuspöytä/2026/9")


def test_a_planned_meeting_can_be_deleted_a_sent_one_not(store: Store, table: Table):
    first, _ = meetings.create_meeting(store, table.body_id, JAN)
    second, _ = meetings.create_meeting(store, table.body_id, MAR)
    meetings.delete_meeting(store, first)
    assert meeting(store, second).number == 1 and sections(store, second)[0][0] == 1
    meetings.send_agenda(store, second)
    with pytest.raises(ValidationError):
        meetings.delete_meeting(store, second)


# -- the demo ----------------------------------------------------------------------------


def test_the_demo_meetings_have_minutes_that_follow_the_rules(demo_store: Store):
    today = dt.date.today()
    with demo_store.read() as session:
        held = session.scalars(select(Meeting).where(Meeting.status.in_(
            (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)))).all()
        approved = [m for m in held if m.status == MeetingStatus.MINUTES_APPROVED]
        assert approved and all(m.locked and m.date <= m.approved_on <= today for m in approved)
        table_id = approved[0].body_id
        for meeting_row in held:
            if meeting_row.body_id != table_id:
                continue
            present = {a.name for a in minutes.attendance(session, meeting_row.id)
                       if a.presence in minutes.PRESENT_KINDS}
            assert len(meeting_row.minute_checkers) == 2 and set(meeting_row.minute_checkers) <= present
            assert not minutes._missing_decisions(session, meeting_row)
        rows = meetings.open_actions(session, table_id, today=today)
        assert rows and rows[0].overdue
        workshops = [i for m in held for i in live_items(session, m.id) if i.item_type == ItemType.WORKSHOP]
        assert workshops and all(len(meetings.ranked_summary(session, i.id)) == 9 for i in workshops)
    # A locked demo meeting refuses an edit like any other.
    with pytest.raises(ValidationError):
        meetings.update_meeting(demo_store, approved[0].id, place="Muualla")
