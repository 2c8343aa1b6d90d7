"""Saving an agenda item, a meeting's details, an action item or a body that another user saved
meanwhile: their other changes kept, the fields both changed chosen in the conflict dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from desktop.i18n.formatting import format_date
from desktop.services.meetings import actions, agenda, bodies
from desktop.services.vocabulary import label
from desktop.storage.models import ActionItem, AgendaItem, Body, Meeting
from desktop.storage.models.enums import ActionStatus, BodyKind
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import EditConflictDialog
from desktop.ui.meetings.body_dialog import BodiesDialog
from desktop.ui.meetings.common import select_data
from desktop.ui.meetings.item_pane import ITEM_ID
from desktop.ui.meetings.meeting_editor import MeetingEditor
from tests.unit.meeting_helpers import make_table

DAY = dt.date.today() + dt.timedelta(days=30)


@pytest.fixture
def editor(qtbot, store):
    widget = MeetingEditor(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


@pytest.fixture
def meeting_id(store):
    table = make_table(store)
    found, _changes = agenda.create_meeting(store, table.body_id, DAY, place="Kylätalo")
    return found


class Answers:
    """The conflict dialogs shown; each is answered by ``choose`` (set by the test), then Save."""

    def __init__(self) -> None:
        self.shown: list[EditConflictDialog] = []
        self.choose: Callable[[EditConflictDialog], None] = lambda _dialog: None
        self.cancel = False  # Cancel instead

    def exec(self, dialog: EditConflictDialog) -> QDialog.DialogCode:
        self.shown.append(dialog)
        if self.cancel:
            return QDialog.DialogCode.Rejected
        self.choose(dialog)
        return QDialog.DialogCode.Accepted


@pytest.fixture
def conflicts(monkeypatch) -> Answers:
    answers = Answers()
    monkeypatch.setattr(EditConflictDialog, "exec", lambda dialog: answers.exec(dialog))
    return answers


def texts(dialog: QDialog) -> list[str]:
    return [text.text() for text in dialog.findChildren(QLabel)]


def values_shown(dialog: QDialog) -> set[str]:
    """The values the conflict dialog shows (its labels read "whose: value")."""
    return {text.split(": ", 1)[-1] for text in texts(dialog)}


def the_question(conflicts: Answers) -> EditConflictDialog:
    """The one conflict dialog shown, which names the other user."""
    [dialog] = conflicts.shown
    assert any("Aino Ärölä" in text for text in texts(dialog))
    return dialog


def keeping(side: str, field: str) -> Callable[[EditConflictDialog], None]:
    """An answer to a dialog that asks about ``field`` (its label) alone: "mine" or "theirs"."""
    def choose(dialog: EditConflictDialog) -> None:
        [box] = dialog.boxes
        assert box.title() == field
        getattr(box, side).setChecked(True)
    return choose


def choose_item(tab: Any, item_id: Any) -> None:
    """Choose an item in the agenda or minutes tab's list, as a click does."""
    tab.items.setCurrentRow(next(r for r in range(tab.items.count())
                                 if tab.items.item(r).data(ITEM_ID) == item_id))


def test_the_agenda_form_asks_about_the_presenter_and_keeps_their_title(
        store, other, editor, meeting_id, conflicts):
    item_id, _changes = agenda.add_item(store, meeting_id, "Avustukset 2027",
                                        presenter="Sanna Sihteeri")
    editor.show_meeting(meeting_id)
    tab = editor.agenda
    choose_item(tab, item_id)
    assert tab.form.title.text() == "Avustukset 2027"
    agenda.update_item(
        other, item_id, title="Avustukset vuodelle 2027", presenter="Päivi Järvinen")
    tab.form.presenter.setText("Matti Mäki")
    tab.form.proposal.setPlainText("Hyväksytään jako.")

    conflicts.choose = keeping("mine", "Esittelijä")
    tab.save_button.click()

    dialog = the_question(conflicts)
    assert {"Sanna Sihteeri", "Päivi Järvinen", "Matti Mäki"} <= values_shown(dialog)
    with store.read() as session:
        item = session.get(AgendaItem, item_id)
        assert item is not None
        assert (item.title, item.presenter, item.proposal) == (
            "Avustukset vuodelle 2027", "Matti Mäki", "Hyväksytään jako.")
        version = item.row_version
    # The form shows their title now and starts the next edit from what is stored.
    assert tab.form.title.text() == "Avustukset vuodelle 2027"
    assert not tab.form.is_dirty()
    assert tab.start is not None and tab.start.version == version


def test_the_minutes_form_asks_about_the_decision_and_keeps_their_voting(
        store, other, editor, meeting_id, conflicts):
    """Two secretaries on one item's minutes: the decision both wrote is asked about, the
    voting only they wrote and the discussion only I wrote both stay."""
    from desktop.services import meetings

    item_id, _changes = agenda.add_item(store, meeting_id, "Avustukset 2027")
    editor.show_meeting(meeting_id)
    editor.tabs.setCurrentWidget(editor.minutes)
    tab = editor.minutes
    choose_item(tab, item_id)
    meetings.record_decision(other, item_id, decision="Hyväksyttiin esityksen mukaisesti.",
                             votes="Äänestys 5–2.")
    tab.form.discussion.setPlainText("Keskusteltiin jakoperusteista.")
    tab.form.decision.setPlainText("Palautettiin valmisteluun.")

    conflicts.choose = keeping("mine", "Päätös")
    tab.save_button.click()

    dialog = the_question(conflicts)
    assert {"Hyväksyttiin esityksen mukaisesti.", "Palautettiin valmisteluun."} <= values_shown(dialog)
    with store.read() as session:
        item = session.get(AgendaItem, item_id)
        assert item is not None
        assert (item.discussion, item.decision, item.votes) == (
            "Keskusteltiin jakoperusteista.", "Palautettiin valmisteluun.", "Äänestys 5–2.")
    assert tab.form.votes.toPlainText() == "Äänestys 5–2."
    assert not tab.form.is_dirty()


def test_the_minutes_form_shows_the_rectification_choice_its_item_type_gives(
        store, editor):
    """A save's start leaves the worked-out "open to rectification" as the view has it (stored,
    it is None until the secretary chooses)."""
    from desktop.services.meetings import legality

    table = make_table(store)
    legality.update_body_records(store, table.body_id, record_kind="minutes")
    meeting_id, _changes = agenda.create_meeting(store, table.body_id, DAY)
    item_id, _changes = agenda.add_item(store, meeting_id, "Avustukset 2027")
    editor.show_meeting(meeting_id)
    editor.tabs.setCurrentWidget(editor.minutes)
    choose_item(editor.minutes, item_id)
    [item] = [i for i in editor.view.items if i.id == item_id]
    assert item.appealable
    assert editor.minutes.form.appealable.isChecked()
    assert "appealable" not in editor.minutes.form.changes()


def test_the_meeting_details_ask_about_the_date_and_place(store, other, editor, meeting_id,
                                                          conflicts):
    editor.show_meeting(meeting_id)
    dialog = editor.edit_details()
    assert dialog is not None
    their_day, my_day = DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2)
    agenda.update_meeting(
        other, meeting_id, date=their_day, place="Seurantalo",
        online_link="https://meet.example.fi/kp")
    dialog.date.setDate(my_day)
    dialog.place.setText("Kunnantalo")
    dialog.secretary.setText("Sanna Sihteeri")
    titles: list[str] = []

    def theirs_date_mine_place(conflict: EditConflictDialog) -> None:
        titles.extend(box.title() for box in conflict.boxes)
        for box in conflict.boxes:
            (box.theirs if box.clash.name == "date" else box.mine).setChecked(True)

    conflicts.choose = theirs_date_mine_place
    dialog.accept()

    assert sorted(titles) == ["Paikka", "Päivämäärä"]
    assert {format_date(DAY), format_date(their_day), format_date(my_day)} <= values_shown(conflicts.shown[0])
    assert dialog.result() == QDialog.DialogCode.Accepted
    with store.read() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        assert (meeting.date, meeting.place, meeting.online_link, meeting.secretary) == (
            their_day, "Kunnantalo", "https://meet.example.fi/kp", "Sanna Sihteeri")


@pytest.fixture
def action_id(store, editor, meeting_id):
    """An action item of the meeting, chosen in the editor's Actions tab."""
    found, _changes = actions.add_action(store, meeting_id, "Lähetetään lausunto.")
    editor.show_meeting(meeting_id)
    editor.tabs.setCurrentWidget(editor.actions)
    editor.actions.own.table.selectRow(0)
    return found


def test_an_action_item_asks_about_the_status_and_keeps_their_owner(
        store, other, editor, action_id, conflicts):
    dialog = editor.actions.edit_action(editor.actions.own.selected())
    assert dialog is not None
    actions.update_action(
        other, action_id, status=ActionStatus.CANCELLED, owner_text="Sihteeri")
    dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.DONE.value))
    dialog.deadline.set_value(DAY)

    conflicts.choose = keeping("theirs", "Tila")
    dialog.accept()

    assert {label(ActionStatus, ActionStatus.CANCELLED),
            label(ActionStatus, ActionStatus.DONE)} <= values_shown(conflicts.shown[0])
    assert dialog.result() == QDialog.DialogCode.Accepted
    with store.read() as session:
        action = session.get(ActionItem, action_id)
        assert action is not None
        assert (action.status, action.owner_text, action.deadline) == (
            ActionStatus.CANCELLED, "Sihteeri", DAY)


def test_mark_done_asks_when_another_user_cancelled_the_action_meanwhile(
        store, other, editor, meeting_id, action_id, conflicts):
    shown = editor.actions.own.selected()
    actions.update_action(other, action_id, status=ActionStatus.CANCELLED)

    conflicts.choose = keeping("theirs", "Tila")
    editor.actions.mark_done(shown)

    assert {label(ActionStatus, ActionStatus.CANCELLED),
            label(ActionStatus, ActionStatus.DONE)} <= values_shown(the_question(conflicts))
    with store.read() as session:
        action = session.get(ActionItem, action_id)
        assert action is not None and action.status == ActionStatus.CANCELLED
    model = editor.actions.own.table.model()  # the row shows their status
    statuses = [model.index(0, c).data() for c in range(model.columnCount())]
    assert label(ActionStatus, ActionStatus.CANCELLED) in statuses

    # Shown as it is stored: done without a question.
    actions.update_action(other, action_id, status=ActionStatus.OPEN)
    editor.show_meeting(meeting_id)
    editor.actions.own.table.selectRow(0)
    editor.actions.mark_done(editor.actions.own.selected())
    assert len(conflicts.shown) == 1
    with store.read() as session:
        assert session.get(ActionItem, action_id).status == ActionStatus.DONE


def test_attendance_asks_about_a_presence_another_secretary_set_meanwhile(
        store, other, editor, meeting_id, conflicts):
    from desktop.services import meetings
    from desktop.storage.models import MeetingAttendance
    from desktop.storage.models.enums import Presence

    editor.show_meeting(meeting_id)
    editor.tabs.setCurrentWidget(editor.attendance)
    tab = editor.attendance
    tab.fill_action.trigger()
    editor.show_meeting(meeting_id)  # as the page's redraw after the change does
    [matti] = [row for row in editor.view.attendance if row.name == "Matti Mäki"]
    meetings.update_attendance(other, matti.id, presence=Presence.ABSENT)

    conflicts.choose = keeping("theirs", "Läsnäolo")
    tab.set_presence("Matti Mäki", Presence.EXPERT)

    assert {label(Presence, Presence.ABSENT),
            label(Presence, Presence.EXPERT)} <= values_shown(the_question(conflicts))
    with store.read() as session:
        assert session.get(MeetingAttendance, matti.id).presence == Presence.ABSENT
    assert tab._combo(tab.row_of("Matti Mäki"), 3).currentData() == Presence.ABSENT

    # Shown as stored: nothing to ask.
    editor.show_meeting(meeting_id)
    tab.set_presence("Matti Mäki", Presence.PRESENT)
    assert len(conflicts.shown) == 1
    with store.read() as session:
        assert session.get(MeetingAttendance, matti.id).presence == Presence.PRESENT

    # Absent clears the §s of arriving and leaving, whoever set them meanwhile.
    item_id, _changes = agenda.add_item(store, meeting_id, "Avustukset 2027")
    editor.show_meeting(meeting_id)
    [section] = [item.section for item in editor.view.items if item.id == item_id]
    meetings.update_attendance(other, matti.id, arrived_at=section)
    tab.set_presence("Matti Mäki", Presence.ABSENT)
    assert len(conflicts.shown) == 1
    with store.read() as session:
        row = session.get(MeetingAttendance, matti.id)
        assert (row.presence, row.arrived_at) == (Presence.ABSENT, None)


@pytest.fixture
def bodies_form(qtbot, store):
    """The bodies dialog on the table's body: (the table, the dialog)."""
    table = make_table(store)
    dialog = BodiesDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.details is not None and dialog.details.id == table.body_id
    return table, dialog


def test_the_body_form_asks_about_the_swedish_name_and_shows_their_authority_after(
        store, other, bodies_form, conflicts):
    table, dialog = bodies_form
    bodies.update_body(
        other, table.body_id, name_sv="Partnerskapsbordet i Österbotten",
        appeal_authority="Pohjanmaan hyvinvointialue")
    dialog.name_sv.setText("Österbottens partnerskapsbord")
    select_data(dialog.kind, BodyKind.WORKING_GROUP)

    def edited(conflict: EditConflictDialog) -> None:
        [box] = conflict.boxes
        assert box.title() == "Nimi ruotsiksi"
        assert box.edited is not None
        box.edited.setText("Partnerskapsbordet")
        box.edited.textEdited.emit(box.edited.text())

    conflicts.choose = edited
    dialog.save_button.click()

    assert len(conflicts.shown) == 1
    with store.read() as session:
        body = session.get(Body, table.body_id)
        assert body is not None
        assert (body.name_sv, body.kind, body.appeal_authority) == (
            "Partnerskapsbordet", BodyKind.WORKING_GROUP, "Pohjanmaan hyvinvointialue")
    assert dialog.appeal_authority.text() == "Pohjanmaan hyvinvointialue"
    assert dialog.start is not None and dialog.start.values["name_sv"] == "Partnerskapsbordet"


@pytest.fixture
def unsaved_window(qtbot, store, other, meeting_id, monkeypatch):
    """A main window on the meetings page with an agenda item's presenter and proposal typed,
    the presenter changed by another user meanwhile; the "go on without them?" questions
    are answered from ``window.go_on`` (No while it is empty) and counted."""
    from desktop.settings import Settings
    from desktop.ui.mainwindow import MainWindow

    item_id, _changes = agenda.add_item(store, meeting_id, "Avustukset 2027",
                                        presenter="Sanna Sihteeri")
    settings = Settings()
    settings.last_page = "meetings"
    window = MainWindow(store, settings, open_store=Store.open)
    qtbot.addWidget(window)
    window.show()
    editor = window.page("meetings").editor
    editor.show_meeting(meeting_id)
    choose_item(editor.agenda, item_id)
    agenda.update_item(other, item_id, presenter="Päivi Järvinen")
    editor.agenda.form.proposal.setPlainText("Hyväksytään jako.")
    editor.agenda.form.presenter.setText("Matti Mäki")
    window.go_on, window.asked = [], []

    def answer(*args, **_kwargs) -> QMessageBox.StandardButton:
        window.asked.append(args[2])
        yes = window.go_on.pop(0) if window.go_on else False
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    return window, editor.agenda, item_id


def test_closing_the_window_saves_the_agenda_form_or_stays_open_with_it(
        store, unsaved_window, conflicts, tmp_path):
    """A save cancelled in its conflict dialog as the window closes asks whether to go on
    without the edits: No keeps the window open and what was typed, and the next close saves
    it. A database opened instead waits the same way."""
    window, tab, item_id = unsaved_window
    conflicts.cancel = True
    assert not window.close()
    assert window.isVisible() and len(conflicts.shown) == 1 and len(window.asked) == 1
    window._switch_to(tmp_path / "toinen.sqlite3")
    assert window.store is store and len(conflicts.shown) == 2
    assert not window.windowTitle().endswith("toinen.sqlite3")
    assert (tab.form.presenter.text(), tab.form.proposal.toPlainText()) == (
        "Matti Mäki", "Hyväksytään jako.")
    with store.read() as session:
        assert session.get(AgendaItem, item_id).proposal in ("", None)

    conflicts.cancel = False
    conflicts.choose = keeping("mine", "Esittelijä")
    assert window.close()
    assert len(window.asked) == 2
    with store.read() as session:
        item = session.get(AgendaItem, item_id)
        assert (item.presenter, item.proposal) == ("Matti Mäki", "Hyväksytään jako.")


def test_the_window_closes_without_the_edits_when_the_officer_says_so(
        store, unsaved_window, conflicts):
    window, _tab, item_id = unsaved_window
    conflicts.cancel = True
    window.go_on.append(True)
    assert window.close()
    assert window.asked == ["Kaikkia muutoksia ei voitu tallentaa. Jatketaanko ilman niitä?"]
    assert len(conflicts.shown) == 1  # the forms' hiding saves nothing more
    with store.read() as session:
        item = session.get(AgendaItem, item_id)
        assert (item.presenter, item.proposal) == ("Päivi Järvinen", "")


def test_a_lost_database_while_saving_at_close_still_lets_the_window_close(
        store, unsaved_window, monkeypatch, caplog):
    """An error that is no refusal (a server gone) asks too, rather than stop the close."""
    from sqlalchemy.exc import OperationalError

    from desktop.ui.pages.meetings import MeetingsPage

    def gone(_page) -> bool:
        raise OperationalError("UPDATE agenda_item", {}, Exception("server closed the connection"))

    window, _tab, _item_id = unsaved_window
    monkeypatch.setattr(MeetingsPage, "save_edits", gone)
    window.go_on.append(True)
    assert window.close()
    assert len(window.asked) == 1
    assert "could not be saved" in caplog.text


def test_the_rectification_instructions_keep_their_swedish_text_and_ask_about_the_finnish(
        store, other, bodies_form, conflicts):
    from desktop.services.meetings import legality

    table, bodies_dialog = bodies_form
    dialog = bodies_dialog.edit_instructions()
    assert dialog is not None
    legality.update_body_records(other, table.body_id, appeal_texts={
        "fi": "Oikaisua haetaan {authority}lta viimeistään {deadline}.",
        "sv": "Omprövning begärs hos {authority} senast {deadline}."})
    dialog.texts["fi"].setPlainText("Oikaisuvaatimus tehdään {authority}lle {deadline} mennessä.")

    conflicts.choose = keeping("mine", "Oikaisuvaatimusohje (suomi)")
    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Accepted
    the_question(conflicts)
    with store.read() as session:
        body = session.get(Body, table.body_id)
        assert body is not None
        assert body.appeal_texts == {
            "fi": "Oikaisuvaatimus tehdään {authority}lle {deadline} mennessä.",
            "sv": "Omprövning begärs hos {authority} senast {deadline}."}


def held_with_empty_decisions(store: Store, editor: MeetingEditor, *titles: str) -> list[Any]:
    """A meeting held a week ago with these items, their decisions empty, shown on the minutes
    tab (the form then fills each in with the standard wording); the items' ids."""
    from desktop.services import meetings
    from desktop.storage.models.enums import MeetingStatus

    table = make_table(store)
    meeting_id, _changes = agenda.create_meeting(
        store, table.body_id, dt.date.today() - dt.timedelta(days=7))
    items = [agenda.add_item(store, meeting_id, title, proposal="Hyväksytään.")[0]
             for title in titles]
    meetings.set_status(store, meeting_id, MeetingStatus.HELD)
    for item_id in items:  # holding the meeting wrote the standard decision: cleared
        meetings.record_decision(store, item_id, decision="")
    editor.show_meeting(meeting_id)
    editor.tabs.setCurrentWidget(editor.minutes)
    return items


def test_a_standard_decision_nobody_typed_yields_to_one_saved_meanwhile(
        store, other, editor, conflicts):
    """The form fills a held meeting's empty decision with the standard wording. Untouched, it
    is saved where the decision is still empty, and gives way, without a question, to a
    decision another secretary saved meanwhile; the discussion I wrote is saved either way."""
    from desktop.services import meetings

    taken, free = held_with_empty_decisions(store, editor, "Avustukset 2027", "Kylätalon vuokra")
    tab = editor.minutes
    decisions = {}
    for item_id in (taken, free):
        choose_item(tab, item_id)
        decisions[item_id] = tab.form.decision.toPlainText()
        assert decisions[item_id] and tab.form.decision_suggested()
        tab.form.discussion.setPlainText("Keskusteltiin.")
        if item_id == taken:
            meetings.record_decision(other, taken, decision="Palautettiin valmisteluun.")
        tab.save_button.click()

    assert conflicts.shown == []
    with store.read() as session:
        stored = {item_id: session.get(AgendaItem, item_id) for item_id in (taken, free)}
        assert (stored[taken].decision, stored[taken].discussion) == (
            "Palautettiin valmisteluun.", "Keskusteltiin.")
        assert (stored[free].decision, stored[free].discussion) == (
            decisions[free], "Keskusteltiin.")
    choose_item(tab, taken)
    assert tab.form.decision.toPlainText() == "Palautettiin valmisteluun."


def test_a_standard_decision_the_secretary_edited_is_asked_about(
        store, other, editor, conflicts):
    from desktop.services import meetings

    [item_id] = held_with_empty_decisions(store, editor, "Avustukset 2027")
    tab = editor.minutes
    choose_item(tab, item_id)
    assert tab.form.decision_suggested()
    tab.form.decision.setPlainText(tab.form.decision.toPlainText() + " Lisäys.")
    assert not tab.form.decision_suggested()
    meetings.record_decision(other, item_id, decision="Palautettiin valmisteluun.")
    conflicts.choose = keeping("theirs", "Päätös")
    tab.save_button.click()
    the_question(conflicts)
    with store.read() as session:
        assert session.get(AgendaItem, item_id).decision == "Palautettiin valmisteluun."
