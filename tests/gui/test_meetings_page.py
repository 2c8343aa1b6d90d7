"""The secretary's whole path through a meeting on the Meetings page, over the demo database:
a body with members, a meeting from the template, the agenda and its PDF, attendance,
decisions, action items, the minutes PDF, approval and a correction."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.i18n import translate_in
from desktop.i18n.formatting import format_date
from desktop.services.meetings import editor as reading
from desktop.services.vocabulary import label
from desktop.storage.models.enums import MeetingStatus, Presence
from desktop.ui.pages.meetings import MeetingsPage

TODAY = dt.date.today()
BODY = "Vaasan järjestöfoorumi"
PAGE_NUMBER = re.compile(r"^(\d+) \((\d+)\)$", re.MULTILINE)


@pytest.fixture
def page(qtbot, demo_store):
    widget = MeetingsPage(demo_store)
    demo_store.subscribe(widget.on_changes)  # the main window does this for its pages
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


@pytest.fixture
def dialogs(monkeypatch):
    """Questions are answered Yes and noted; warnings are noted (a test expects none unless it
    provokes one); save dialogs return the path the test sets and note the name offered."""
    seen: dict[str, list] = {"questions": [], "warnings": [], "offered": []}
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: seen["questions"].append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warnings"].append(a[2]))

    def save_to(target: Path) -> None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, **k: seen["offered"].append(Path(a[2]).name) or (str(target), ""))

    seen["save_to"] = save_to  # type: ignore[assignment]
    return seen


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: QTest types ASCII only, the rest arrives as an input method sends it."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            widget.insertPlainText(chunk) if hasattr(widget, "insertPlainText") else widget.insert(chunk)


def agenda_texts(page) -> list[str]:
    items = page.editor.agenda.items
    return [items.item(i).text() for i in range(items.count())]


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def make_body(qtbot, page) -> None:
    dialog = page.edit_bodies()
    dialog.new_body()
    type_text(qtbot, dialog.name_fi, BODY)
    # A partnership table keeps memos by default; this one decides and keeps minutes.
    assert dialog.record_kind.currentData() == "memo"
    dialog.record_kind.setCurrentIndex(dialog.record_kind.findData("minutes"))
    dialog.save_body()
    assert dialog.bodies.currentItem().text() == BODY
    for organisation, representative, deputy, role in (
        ("Kruunupyyn Eläkeläiset ry", "Marja Kuusela", "Juha Harju", "chair"),
        ("Pietarsaaren 4H-yhdistys ry", "Göran Granholm", "Markku Mäkinen", "member"),
        (None, "Anders Kull", None, "secretary"),
    ):
        member = dialog.add_member()
        if organisation:
            member.choose_organisation(organisation)
        member.choose(member.representative, representative)
        if deputy:
            member.choose(member.deputy, deputy)
        member.role.setCurrentIndex(member.role.findData(role))
        member.accept()
    assert [(m.representative, m.deputy, m.role) for m in dialog.members.rows()] == [
        ("Marja Kuusela", "Juha Harju", "chair"), ("Anders Kull", "", "secretary"),
        ("Göran Granholm", "Markku Mäkinen", "member")]
    assert dialog.members.rows()[0].organisation == "Kruunupyyn Eläkeläiset ry"
    dialog.accept()


def make_meeting(qtbot, page) -> None:
    dialog = page.new_meeting()
    dialog.body.setCurrentIndex(dialog.body.findText(BODY))
    assert dialog.language.currentData() == "fi"  # the body's only language
    dialog.date.setDate(TODAY)
    type_text(qtbot, dialog.place, "Vaasan kaupungintalo, Botnia-sali")
    dialog.accept()


def test_a_secretary_takes_a_meeting_from_the_template_to_approved_minutes(
        qtbot, page, demo_store, dialogs, tmp_path):
    make_body(qtbot, page)
    make_meeting(qtbot, page)
    editor = page.editor
    assert editor.heading.text() == f"{BODY} 1/{TODAY.year}"
    assert page.rows()[0].body == BODY or BODY in [r.body for r in page.rows()]
    # The standard items of the template in Finnish, with § numbers through the body's year.
    assert agenda_texts(page) == [
        "§ 1  Kokouksen avaus", "§ 2  Laillisuus ja päätösvaltaisuus",
        "§ 3  Pöytäkirjantarkastajien valinta", "§ 4  Esityslistan hyväksyminen",
        "§ 5  Ilmoitusasiat", "§ 6  Muut asiat", "§ 7  Kokouksen päättäminen"]

    # Two items of the meeting's own, before matters for information.
    agenda = editor.agenda
    agenda.add_action.trigger()
    agenda.form.title.clear()
    type_text(qtbot, agenda.form.title, "Järjestöavustusten haku 2027")
    type_text(qtbot, agenda.form.presenter, "Anders Kull")
    type_text(qtbot, agenda.form.background, "Haku avataan <1.2.> & suljetaan 28.2.")
    type_text(qtbot, agenda.form.proposal, "Hyväksytään hakuilmoitus.")
    agenda.save_button.click()
    agenda.add_action.trigger()
    agenda.form.title.clear()
    type_text(qtbot, agenda.form.title, "Yhteinen palvelulupaus")
    agenda.form.item_type.setCurrentIndex(agenda.form.item_type.findData("workshop"))
    # Not saved with the button: leaving the item saves it.
    agenda.items.setCurrentRow(0)
    assert agenda_texts(page)[4:7] == [
        "§ 5  Järjestöavustusten haku 2027", "§ 6  Yhteinen palvelulupaus", "§ 7  Ilmoitusasiat"]
    # The keyboard moves the workshop above the grant call; § numbers follow.
    agenda.items.setCurrentRow(5)
    qtbot.keyClick(agenda.items, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert agenda_texts(page)[4:6] == ["§ 5  Yhteinen palvelulupaus", "§ 6  Järjestöavustusten haku 2027"]
    assert agenda.items.currentRow() == 4 and agenda.form.title.text() == "Yhteinen palvelulupaus"
    view = reading.meeting_view(demo_store, editor.meeting_id, "fi")
    grant = next(i for i in view.items if i.section == 6)
    assert (grant.presenter, grant.background) == ("Anders Kull", "Haku avataan <1.2.> & suljetaan 28.2.")
    assert next(i for i in view.items if i.section == 5).item_type == "workshop"

    # The agenda PDF, named in the meeting's language.
    agenda_pdf = tmp_path / "esityslista.pdf"
    dialogs["save_to"](agenda_pdf)
    assert editor.agenda_pdf() == agenda_pdf
    agenda_word = translate_in("fi", "Agenda")
    assert dialogs["offered"] == [f"{agenda_word} 1-{TODAY.year} {BODY}.pdf"]
    text, pages = pdf_text(agenda_pdf)
    assert f"{agenda_word} 1/{TODAY.year}" in text and BODY in text
    assert "§ 6" in text and "Järjestöavustusten haku 2027" in text
    assert "Haku avataan <1.2.> & suljetaan 28.2." in flat(text)
    assert format_date(TODAY, "fi") in text
    assert [m.groups() for m in PAGE_NUMBER.finditer(text)][0] == ("1", str(pages))

    editor.send_button.click()
    assert "§" in dialogs["questions"][-1]
    assert label(MeetingStatus, "agenda_sent") in editor.details.text()
    assert not editor.send_button.isEnabled() and editor.held_button.isEnabled()

    # Attendance: the members, one of them represented by the deputy, and a guest.
    editor.tabs.setCurrentWidget(editor.attendance)
    attendance = editor.attendance
    attendance.fill_action.trigger()
    assert attendance.table.rowCount() == 3
    attendance.set_presence("Göran Granholm", Presence.DEPUTY)
    row = attendance.row_of("Markku Mäkinen")
    assert row >= 0 and attendance.table.item(row, 4).text() == "Göran Granholm"
    arrived = attendance._combo(row, 5)
    arrived.setCurrentIndex(arrived.findText("§ 3"))
    arrived.activated.emit(arrived.currentIndex())
    guest = attendance.add_guest()
    guest.name.insert("Åsa Öhman")
    type_text(qtbot, guest.organisation, "Hyvinvointialue")
    guest.accept()
    assert attendance.table.rowCount() == 4
    stored = {a.name: a for a in reading.meeting_view(demo_store, editor.meeting_id, "fi").attendance}
    assert stored["Markku Mäkinen"].deputy_for == "Göran Granholm"
    assert stored["Markku Mäkinen"].arrived_at == 3
    assert stored["Åsa Öhman"].presence == Presence.EXPERT

    editor.held_button.click()
    assert label(MeetingStatus, "held") in editor.details.text()

    # The minutes: checkers, a decision of our own, a dissent, workshop results.
    editor.tabs.setCurrentWidget(editor.minutes)
    minutes = editor.minutes
    minutes.checkers[0].setEditText("Marja Kuusela")
    minutes.checkers[1].setEditText("Markku Mäkinen")
    minutes.checkers_button.click()
    minutes.select_section(3)
    assert "Marja Kuusela" in minutes.form.decision.toPlainText()
    minutes.select_section(6)
    assert minutes.form.decision.toPlainText() == "Hyväksyttiin ehdotuksen mukaisesti."
    minutes.form.decision.clear()
    type_text(qtbot, minutes.form.decision, "Päätettiin avata haku 1.2.2027.")
    type_text(qtbot, minutes.form.discussion, "Keskusteltiin hakuajan pituudesta.")
    minutes.save_button.click()
    dissent = minutes.dissents.add()
    dissent.name.setEditText("Markku Mäkinen")
    type_text(qtbot, dissent.text, "Hakuaika on liian lyhyt.")
    dissent.accept()
    assert minutes.dissents.list.item(0).text() == "Markku Mäkinen: Hakuaika on liian lyhyt."
    minutes.select_section(5)
    assert minutes.workshop.isVisibleTo(minutes)
    for group, point, votes in (("Ryhmä A", "Yhteinen kieli", 4), ("Ryhmä B", "Tilat maksutta", 9)):
        dialog = minutes.workshop.add_point()
        dialog.group.setText(group)
        dialog.point.setText(point)
        dialog.votes.setValue(votes)
        dialog.accept()
    assert minutes.workshop.summary.text().splitlines()[1:] == [
        "1. Tilat maksutta (Ryhmä B, 9)", "2. Yhteinen kieli (Ryhmä A, 4)"]

    # An action item from the grant call, with an owner and a deadline.
    editor.tabs.setCurrentWidget(editor.actions)
    action = editor.actions.add_action()
    type_text(qtbot, action.what, "Hakuilmoitus julkaistaan verkossa.")
    action.item.setCurrentIndex(action.item.findText("§ 6  Järjestöavustusten haku 2027"))
    action.person.setCurrentIndex(action.person.findText("Anders Kull"))
    action.deadline.set_value(TODAY + dt.timedelta(days=30))
    action.accept()
    own = editor.actions.own.model
    assert own.rowCount() == 1
    assert [own.index(0, c).data() for c in range(5)] == [
        "§ 6", "Hakuilmoitus julkaistaan verkossa.", "Anders Kull",
        format_date(TODAY + dt.timedelta(days=30)), label_action_open()]
    open_rows = [editor.actions.open.model.row_at(r) for r in range(editor.actions.open.model.rowCount())]
    assert [r.what for r in open_rows] == ["Hakuilmoitus julkaistaan verkossa."]

    editor.checked_button.click()
    assert dialogs["warnings"] == []
    assert label(MeetingStatus, "minutes_checked") in editor.details.text()

    minutes_pdf = tmp_path / "poytakirja.pdf"
    dialogs["save_to"](minutes_pdf)
    assert editor.minutes_pdf() == minutes_pdf
    text, pages = pdf_text(minutes_pdf)
    content = flat(text)
    for expected in ("Päätettiin avata haku 1.2.2027.", "Keskusteltiin hakuajan pituudesta.",
                     "Hakuaika on liian lyhyt.", "Tilat maksutta", "Marja Kuusela",
                     "Markku Mäkinen", "Göran Granholm", "Åsa Öhman",
                     "Hakuilmoitus julkaistaan verkossa."):
        assert expected in content, expected
    assert [m.groups() for m in PAGE_NUMBER.finditer(text)][-1] == (str(pages), str(pages))

    # Approval asks first and says the minutes lock; then everything is read-only.
    editor.approve_button.click()
    assert "lock" in dialogs["questions"][-1] or "lukit" in dialogs["questions"][-1]
    assert label(MeetingStatus, "minutes_approved") in editor.details.text()
    minutes.select_section(6)
    assert minutes.form.decision.isReadOnly() and not minutes.save_button.isEnabled()
    assert editor.agenda.form.title.isReadOnly() and not editor.agenda.add_action.isEnabled()
    assert not attendance.fill_action.isEnabled() and not editor.actions.add_button.isEnabled()
    assert minutes.correct_button.isVisibleTo(minutes)
    correction = minutes.record_correction()
    correction.field.setCurrentIndex(correction.field.findData("decision"))
    correction.value.setPlainText("Päätettiin avata haku 2.2.2027.")
    type_text(qtbot, correction.reason, "Hakupäivä korjattu.")
    correction.accept()
    assert dialogs["warnings"] == []
    assert minutes.form.decision.toPlainText() == "Päätettiin avata haku 2.2.2027."
    assert "Hakupäivä korjattu." in minutes.corrections.text()
    # The action is still followed up after approval.
    editor.actions.own.table.selectRow(0)
    editor.actions.mark_done(editor.actions.own.selected())
    assert editor.actions.open.model.rowCount() == 0


def label_action_open() -> str:
    from desktop.storage.models.enums import ActionStatus

    return label(ActionStatus, "open")


def test_the_demo_opens_on_the_next_meeting_and_the_body_filter_narrows_the_list(page):
    rows = page.rows()
    assert [r.date for r in rows] == sorted((r.date for r in rows), reverse=True)
    bold = [page.model.index(r, 0).data(Qt.ItemDataRole.FontRole) for r in range(len(rows))]
    assert [bool(font and font.bold()) for font in bold] == [r.date >= TODAY for r in rows]
    coming = min((r for r in rows if r.date >= TODAY), key=lambda r: r.date)
    assert page.editor.meeting_id == coming.id and page.current_id() == coming.id
    assert page.editor.agenda.items.count() == coming.items
    arena = page.body_filter.findText("Pohjanmaan järjestöareena")
    page.body_filter.setCurrentIndex(arena)
    assert {r.body for r in page.rows()} == {"Pohjanmaan järjestöareena"}
    assert page.editor.view is not None and page.editor.view.body == "Pohjanmaan järjestöareena"
    assert page.status_text().startswith(str(len(page.rows())))


def test_a_refused_edit_keeps_the_user_on_the_item_with_the_text(qtbot, page, dialogs):
    agenda = page.editor.agenda
    agenda.items.setCurrentRow(4)
    before = agenda.form.title.text()
    agenda.form.title.clear()  # a title is required
    type_text(qtbot, agenda.form.background, "Luonnos, älä hukkaa.")
    agenda.items.setCurrentRow(5)
    assert len(dialogs["warnings"]) == 1
    assert agenda.items.currentRow() == 4
    assert "Luonnos, älä hukkaa." in agenda.form.background.toPlainText()
    agenda.form.title.setText(before)
    agenda.save_button.click()
    assert not agenda.form.is_dirty() and len(dialogs["warnings"]) == 1


def test_dragging_an_item_moves_it_and_renumbers(qtbot, page):
    planned = next(r for r in page.rows() if r.status == MeetingStatus.PLANNED)
    page.show_meeting(planned.id)  # § numbers follow the order until the agenda is sent
    agenda = page.editor.agenda
    meeting_id = page.editor.meeting_id
    assert meeting_id == planned.id
    texts = agenda_texts(page)
    moved_title = texts[5].split("  ", 1)[1]
    # What QListWidget's drop does for an internal move.
    assert agenda.items.model().moveRow(QModelIndex(), 5, QModelIndex(), 4)

    def stored():
        return reading.meeting_view(page.store, meeting_id, "fi")

    qtbot.waitUntil(lambda: stored().items[4].title == moved_title)
    view = stored()
    assert agenda_texts(page)[4] == f"§ {view.items[4].section}  {moved_title}"
    assert agenda.items.currentRow() == 4
    assert [i.section for i in view.items] == sorted(i.section for i in view.items)


def test_the_invitation_e_mail_goes_to_the_clipboard(page):
    text = page.editor.copy_email()
    assert text is not None and QApplication.clipboard().text() == text
    view = page.editor.view
    assert f"{view.number}/{view.year}" in text and "§" in text


def test_a_refused_new_meeting_keeps_its_dialog_open_with_the_reason(page, dialogs):
    dialog = page.new_meeting()
    dialog.body.setCurrentIndex(dialog.body.findText("Pohjanmaan kumppanuuspöytä"))
    assert dialog.language.currentData() == "fi+sv"  # a bilingual body
    # Before a meeting whose agenda (with its number) has been sent this year.
    sent = next(r for r in page.rows() if r.status == MeetingStatus.AGENDA_SENT)
    dialog.date.setDate(sent.date - dt.timedelta(days=1))
    dialog.place.setText("Vaasa")
    dialog.accept()
    assert len(dialogs["warnings"]) == 1 and str(sent.date.year) in dialogs["warnings"][0]
    assert dialog.isVisible() and dialog.place.text() == "Vaasa"
    next_year = dt.date(sent.date.year + 1, 3, 10)
    dialog.date.setDate(next_year)
    dialog.accept()
    assert not dialog.isVisible()
    view = page.editor.view
    assert (view.date, view.place, view.language) == (next_year, "Vaasa", "fi+sv")
    assert page.current_id() == view.id
    assert page.editor.agenda.items.item(0).text().endswith("Kokouksen avaus / Mötets öppnande")


def test_postponing_and_copying_items_between_meetings(page, demo_store, dialogs):
    rows = page.rows()
    sent = next(r for r in rows if r.status == MeetingStatus.AGENDA_SENT)
    planned = next(r for r in rows if r.status == MeetingStatus.PLANNED and r.date > sent.date)
    page.show_meeting(sent.id)
    agenda = page.editor.agenda
    agenda.items.setCurrentRow(4)  # the first item of the meeting's own
    title = agenda.form.title.text()
    agenda.postpone_action.trigger()
    assert "§" in dialogs["questions"][-1] and dialogs["warnings"] == []
    assert agenda.items.item(4).text().endswith("→")  # stays, with its § and a decision
    assert agenda.form.note.text()
    later = reading.meeting_view(demo_store, planned.id, "fi")
    moved = next(i for i in later.items if i.title == title)
    assert moved.postponed_from == (reading.meeting_view(demo_store, sent.id, "fi").items[4].section,)

    page.show_meeting(planned.id)
    before = page.editor.agenda.items.count()
    dialog = page.editor.agenda.copy_items()
    source = dialog.meetings[dialog.meeting.currentIndex()]
    dialog.check(0)
    dialog.accept()
    assert page.editor.agenda.items.count() == before + 1
    assert source.items[0].title in agenda_texts(page)[-4]  # before the three closing items
