"""Meeting records the Finnish way through the Meetings page: the secretary keeps a memo of a
partnership table's meeting and minutes of a deciding body, records decision types, a vote and
a disqualification, sees the tabled item on the next agenda, records the legality block and
approves the minutes; ``build_document`` carries all of it for the PDFs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import meetings
from desktop.services.grants import applications, calls
from desktop.services.grants import decisions as grant_decisions
from desktop.services.meeting_document import build_document
from desktop.services.meetings import editor as reading
from desktop.storage.models.enums import MeetingStatus
from desktop.ui.pages.meetings import MeetingsPage
from tests.unit.meeting_helpers import make_table

TODAY = dt.date.today()
HELD_ON = TODAY - dt.timedelta(days=7)
TABLE = "Pohjanmaan kumppanuuspöytä"
COMMITTEE = "Avustustoimikunta"


@pytest.fixture
def page(qtbot, store):
    widget = MeetingsPage(store)
    store.subscribe(widget.on_changes)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    return widget


@pytest.fixture
def answers(monkeypatch):
    seen: dict[str, list] = {"questions": [], "warnings": []}
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: seen["questions"].append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warnings"].append(a[2]))
    return seen


def texts(widget) -> list[str]:  # noqa: ANN001 - a QListWidget
    return [widget.item(r).text() for r in range(widget.count())]


def new_meeting(page, body: str, day: dt.date):  # noqa: ANN001, ANN201
    dialog = page.new_meeting()
    dialog.body.setCurrentIndex(dialog.body.findText(body))
    dialog.date.setDate(day)
    dialog.accept()
    return page.editor.view


def hold(page, answers, items: list[str]) -> None:  # noqa: ANN001
    editor = page.editor
    for title in items:
        editor.agenda.add_action.trigger()
        editor.agenda.form.title.clear()
        editor.agenda.form.title.insert(title)
        editor.agenda.save_button.click()
    editor.send_button.click()
    editor.held_button.click()
    editor.tabs.setCurrentWidget(editor.attendance)
    editor.attendance.fill_action.trigger()
    editor.tabs.setCurrentWidget(editor.minutes)
    assert answers["warnings"] == []


def select(minutes, title: str) -> None:  # noqa: ANN001
    row = next(r for r, t in enumerate(texts(minutes.items)) if title in t)
    minutes.items.setCurrentRow(row)


def test_a_memo_and_minutes_with_decision_types_vote_disqualification_and_legality(
        qtbot, page, store, answers):
    # -- the partnership table keeps a memo ------------------------------------------------
    bodies = page.edit_bodies()
    bodies.new_body()
    bodies.name_fi.insert(TABLE)
    assert bodies.record_kind.currentData() == "memo"  # advisory bodies keep memos
    bodies.save_body()
    # The deciding body (its members set up in the register) keeps minutes and names its authority.
    table = make_table(store, COMMITTEE, "Bidragskommittén")
    bodies._fill_bodies(choose=table.body_id)
    assert bodies.record_kind.currentData() == "minutes"
    bodies.appeal_authority.insert("Pohjanmaan hyvinvointialueen avustustoimikunta")
    bodies.save_body()
    instructions = bodies.edit_instructions()
    assert instructions.texts["sv"].toPlainText().startswith("Den som är missnöjd")
    instructions.grab().save("/tmp/h5-instructions.png")
    instructions.accept()
    bodies.grab().save("/tmp/h5-bodies.png")
    bodies.accept()

    memo = new_meeting(page, TABLE, HELD_ON)
    editor = page.editor
    assert memo.record_kind == "memo"
    assert not any("Laillisuus" in t or "tarkastaj" in t for t in texts(editor.agenda.items))
    details = editor.edit_details()
    assert details.legality.isHidden()
    details.reject()
    hold(page, answers, ["Yhteinen järjestöilta"])
    guest = editor.attendance.add_guest()  # the table has no members on record yet
    guest.name.insert("Liisa Laine")
    guest.accept()
    minutes = editor.minutes
    assert minutes.checkers_row.isHidden() and minutes.form.appealable.isHidden()
    select(minutes, "Yhteinen järjestöilta")
    minutes.form.choose_type("as_proposed")
    assert minutes.form.decision.toPlainText() == "Hyväksyttiin ehdotuksen mukaisesti."
    editor.checked_button.click()  # a memo needs no checkers
    assert answers["warnings"] == []
    assert editor.view.status == MeetingStatus.MINUTES_CHECKED
    assert build_document(store, memo.id).record_kind == "memo"

    # -- the committee's minutes -----------------------------------------------------------
    first = new_meeting(page, COMMITTEE, HELD_ON)
    assert first.record_kind == "minutes"
    assert any("Laillisuus" in t for t in texts(editor.agenda.items))
    hold(page, answers, ["Toiminta-avustukset 2027", "Kylätalon vuokra", "Strategialuonnos"])
    view = editor.view
    grants_item = next(i for i in view.items if i.title == "Toiminta-avustukset 2027")
    call_id, _ = calls.create_call(store, year=TODAY.year, name="Toiminta-avustukset")
    application_id, _ = applications.create_application(
        store, call_id, table.orgs["Vasa Ungdomsförening rf"], applied_cents=400_000)
    grant_decisions.decide(store, application_id, granted_cents=250_000, agenda_item_id=grants_item.id)
    page.editor.refresh()

    # An amended decision: the type writes its wording, the amendment is typed.
    select(minutes, "Kylätalon vuokra")
    minutes.form.choose_type("amended")
    # The committee meets in Finnish and Swedish: the wording comes in both.
    assert minutes.form.decision.toPlainText() == (
        "Hyväksyttiin ehdotus muutettuna.\n\nFörslaget godkändes med ändringar.")
    assert not minutes.form.amendment.isHidden()
    minutes.form.amendment.insertPlainText("Vuokra-aika kaksi vuotta yhden sijaan.")

    # The grant item: the member of the applicant is asked about, disqualified, then a vote.
    select(minutes, "Toiminta-avustukset 2027")  # leaving the item saved it
    box = minutes.disqualifications
    assert not box.prompt_row.isHidden() and "Åsa Öhman" in box.prompt.text()
    assert "Vasa Ungdomsförening rf" in box.prompt.text()
    minutes.grab().save("/tmp/h5-prompt.png")
    dialog = box.add_prompted()
    assert dialog.name.currentText() == "Åsa Öhman" and dialog.left_room.isChecked()
    dialog.grab().save("/tmp/h5-disqualification.png")
    dialog.accept()
    assert len(texts(box.list)) == 1 and texts(box.list)[0].startswith("Åsa Öhman (")
    assert "Vasa Ungdomsförening rf" in texts(box.list)[0]
    assert box.prompt_row.isHidden()
    item = next(i for i in editor.view.items if i.title == "Toiminta-avustukset 2027")
    assert "Åsa Öhman" not in item.attendees and "Matti Mäki" in item.attendees
    minutes.form.choose_type("vote")
    assert minutes.form.decision.toPlainText().startswith("Asia ratkaistiin äänestyksellä.\n\nÄrendet")
    vote = minutes.record_vote()
    voters = [vote.roll_call.item(r, 0).text() for r in range(vote.roll_call.rowCount())]
    assert voters == ["Päivi Järvinen", "Matti Mäki"]  # not the disqualified member, nor the secretary
    vote.proposals.item(0, 0).setText("Myönnetään 2 500 euroa")
    vote.proposals.item(1, 0).setText("Myönnetään 4 000 euroa")
    vote.proposals.item(1, 1).setText("Matti Mäki")
    vote.proposals.item(1, 2).setText("Päivi Järvinen")
    vote.proposals.item(0, 3).setText("2")
    vote.proposals.item(1, 3).setText("1")
    vote.roll_call_taken.setChecked(True)
    vote.set_call("Matti Mäki", 1)
    vote.set_call("Päivi Järvinen", 0)
    vote.result.insert("Esittelijän ehdotus voitti äänin 2–1.")
    vote.grab().save("/tmp/h5-vote.png")
    vote.accept()
    assert answers["warnings"] == []
    assert "Esittelijän ehdotus voitti" in minutes.form.vote_summary.text()

    # A tabled matter goes on the next agenda with its history.
    second = meetings.create_meeting(store, table.body_id, TODAY + dt.timedelta(days=21))[0]
    select(minutes, "Strategialuonnos")
    minutes.form.choose_type("tabled")
    assert minutes.form.decision.toPlainText() == (
        "Asia jätettiin pöydälle seuraavaan kokoukseen.\n\nÄrendet bordlades till följande möte.")
    assert not minutes.form.appealable.isChecked()
    minutes.save_button.click()
    strategy = next(i for i in editor.view.items if i.title == "Strategialuonnos")

    # Checkers, each one's check, the notice and public display.
    for box_, name in zip(minutes.checkers, ("Matti Mäki", "Päivi Järvinen"), strict=True):
        box_.setEditText(name)
    minutes.set_checkers()
    check = minutes.record_check()
    check.checker.setCurrentIndex(check.checker.findText("Matti Mäki"))
    check.day.setDate(TODAY)
    check.accept()
    assert "Matti Mäki " + f"{TODAY.day}.{TODAY.month}.{TODAY.year}" in minutes.checks.text()
    select(minutes, "Toiminta-avustukset 2027")
    QApplication.processEvents()
    minutes.grab().save("/tmp/h5-minutes.png")
    editor.checked_button.click()
    editor.approve_button.click()
    assert answers["warnings"] == [] and editor.view.locked
    # After the approval: the notice of the decisions and the public display.
    details = editor.edit_details()
    assert not details.legality.isHidden() and not details.date.isEnabled()
    details.notice_date.set_value(TODAY)
    details.display_date.set_value(TODAY)
    details.display_place.insert("hyvinvointialueen verkkosivut")
    deadline = TODAY + dt.timedelta(days=14)
    assert details.deadline.text() == f"{deadline.day}.{deadline.month}.{deadline.year}"
    details.grab().save("/tmp/h5-meeting-dialog.png")
    details.accept()
    assert answers["warnings"] == []

    document = build_document(store, first.id)
    items = {i.title: i for i in document.items}
    grant = items["Toiminta-avustukset 2027"]
    assert grant.decision_type == "vote" and grant.vote is not None
    assert [(p.text, p.proposer, p.seconder, p.votes) for p in grant.vote.proposals] == [
        ("Myönnetään 2 500 euroa", "", "", 2), ("Myönnetään 4 000 euroa", "Matti Mäki", "Päivi Järvinen", 1)]
    assert set(grant.vote.roll_call) == {("Matti Mäki", 1), ("Päivi Järvinen", 0)}
    assert [(d.name, d.left_room) for d in grant.disqualified] == [("Åsa Öhman", True)]
    assert grant.appealable
    rent = items["Kylätalon vuokra"]
    assert (rent.decision_type, rent.amendment) == ("amended", "Vuokra-aika kaksi vuotta yhden sijaan.")
    assert items["Strategialuonnos"].decision_type == "tabled" and not items["Strategialuonnos"].appealable
    assert document.record_kind == "minutes"
    assert document.notice_date == TODAY and document.appeal_deadline == deadline
    assert document.display_place == "hyvinvointialueen verkkosivut"
    assert document.appeal_authority == "Pohjanmaan hyvinvointialueen avustustoimikunta"
    assert dict(document.checked)["Matti Mäki"] == TODAY and len(document.checked) == 2
    assert "Oikaisuvaatimusviranomainen: Pohjanmaan hyvinvointialueen avustustoimikunta." in document.appeal_text

    # The next meeting's agenda has the tabled matter, with the § it passed through.
    page.show_meeting(second)
    carried = [t for t in texts(editor.agenda.items) if "Strategialuonnos" in t]
    assert carried and carried[0].endswith(f"Strategialuonnos (§ {strategy.section})")
    assert reading.meeting_view(store, second, "fi").items[-4].postponed_from == (strategy.section,)
