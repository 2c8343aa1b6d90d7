"""The secretary records a workshop where the groups had more than three ideas each, finds the
rest in the idea bank, takes one forward as an action item, merges, drops and exports."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.documents.tabular import read_table
from desktop.i18n import _, current_language, ngettext
from desktop.services import ideas, meetings
from desktop.services.meetings.editor import body_choices
from desktop.services.vocabulary import label
from desktop.storage.models.enums import IdeaStatus, ItemType, MeetingStatus
from desktop.ui.meetings.idea_bank import IdeaBankDialog
from desktop.ui.pages.meetings import MeetingsPage

GROUP_A = """\
Järjestöjen keskinäinen yhteistyö
Verkostoituminen koko alueella
Maakunnallinen rakenne
Järjestöt palvelun tarjoajana:
- Osuuskunta palvelujen tuottajana
- Järjestöt organisoivat palveluja
"""
GROUP_B = """\
1. Järjestöpankki
2. Vaikuttamiskanava pienille järjestöille
3. Kotipesä ja jatkuvuus
Rahoitus:
4. Kuka rahoittaa koordinoinnin?
"""


def type_text(qtbot, widget, text: str) -> None:
    """QTest types ASCII only; the rest arrives as an input method sends it."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii() and chunk.isprintable():
            qtbot.keyClicks(widget, chunk)
        else:
            widget.insertPlainText(chunk) if hasattr(widget, "insertPlainText") else widget.insert(chunk)


@pytest.fixture
def page(qtbot, demo_store):
    widget = MeetingsPage(demo_store)
    demo_store.subscribe(widget.on_changes)  # the main window does this for its pages
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


@pytest.fixture
def workshop(demo_store):
    """A workshop held today, its minutes still open: (meeting, item, §)."""
    body = body_choices(demo_store, "fi")[0]
    meeting_id, _ = meetings.create_meeting(demo_store, body.id, dt.date.today())
    item_id, _ = meetings.add_item(demo_store, meeting_id, "Järjestöjen rooli ja uudistukset",
                                   item_type=ItemType.WORKSHOP)
    meetings.set_status(demo_store, meeting_id, MeetingStatus.HELD)
    from desktop.services.meetings.editor import meeting_view

    section = next(i.section for i in meeting_view(demo_store, meeting_id, "fi").items if i.id == item_id)
    return meeting_id, item_id, section


def _cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _record(qtbot, box, group: str, text: str):
    dialog = box.group_ideas()
    assert dialog is not None
    dialog.group.setEditText(group)
    dialog.ideas.clear()
    type_text(qtbot, dialog.ideas, text)
    return dialog


def test_workshop_ideas_beyond_the_top_three_reach_the_idea_bank(qtbot, page, workshop, demo_store, tmp_path,
                                                                 monkeypatch):
    meeting_id, item_id, section = workshop
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.show_meeting(meeting_id)
    editor = page.editor
    editor.tabs.setCurrentWidget(editor.minutes)
    editor.minutes.select_section(section)
    box = editor.minutes.workshop
    assert box.isVisibleTo(editor.minutes) and box.ideas_button.isEnabled()
    before = len(ideas.search_ideas(demo_store))

    # Group A: the preview says where each idea goes while the secretary types.
    dialog = _record(qtbot, box, "Ryhmä A", GROUP_A)
    assert _cells(dialog.preview, 1) == [
        "Järjestöjen keskinäinen yhteistyö", "Verkostoituminen koko alueella", "Maakunnallinen rakenne",
        "Osuuskunta palvelujen tuottajana", "Järjestöt organisoivat palveluja"]
    assert _cells(dialog.preview, 2)[3:] == ["Järjestöt palvelun tarjoajana"] * 2
    assert _cells(dialog.preview, 0)[3:] == [_("Idea bank")] * 2
    assert dialog.counts.text() == _("{points}; {banked}.").format(
        points=ngettext("{n} ranked point", "{n} ranked points", 3).format(n=3),
        banked=ngettext("{n} idea to the idea bank", "{n} ideas to the idea bank", 2).format(n=2))
    dialog.grab().save("/tmp/h9-group-ideas.png")
    dialog.accept()
    assert not dialog.isVisible() and dialog.result_ is not None and dialog.result_.added == 2
    dialog = _record(qtbot, box, "Ryhmä B", GROUP_B)
    dialog.accept()
    assert warnings == []
    assert _cells(box.table, 2) == [
        "Järjestöjen keskinäinen yhteistyö", "Verkostoituminen koko alueella", "Maakunnallinen rakenne",
        "Järjestöpankki", "Vaikuttamiskanava pienille järjestöille", "Kotipesä ja jatkuvuus"]
    assert _cells(box.table, 1) == ["1", "2", "3"] * 2
    assert box.bank_note.text() == ngettext("{n} in the idea bank", "{n} in the idea bank", 3).format(n=3)

    # Opened again for group A, the dialog shows what is saved; OK again adds nothing twice.
    box.table.selectRow(0)
    dialog = box.group_ideas()
    assert dialog.group.currentText() == "Ryhmä A"
    assert ideas.parse_ideas(dialog.ideas.toPlainText()) == ideas.parse_ideas(GROUP_A)
    dialog.accept()
    assert (dialog.result_.added, dialog.result_.kept) == (0, 2)
    assert len(ideas.search_ideas(demo_store)) == before + 3

    # The idea bank from the Meetings page: search across meetings, filter by status.
    page.ideas_button.click()
    bank = page.findChild(IdeaBankDialog)
    assert bank is not None and bank.isVisible()
    qtbot.keyClicks(bank.search, "Osuuskunta")
    found = [r.text for r in bank.rows()]
    assert "Osuuskunta palvelujen tuottajana" in found  # today's workshop
    assert "Osuuskunta on varteenotettava vaihtoehto palvelujen tuottajaksi" in found  # the demo's
    qtbot.keyClicks(bank.search, " tuottajana")
    assert [r.text for r in bank.rows()] == ["Osuuskunta palvelujen tuottajana"]
    row = bank.rows()[0]
    assert row.group == "Ryhmä A" and f"§ {section}" in bank.model.index(0, 3).data()
    assert bank.model.index(0, 2).data() == label(IdeaStatus, "new")
    bank.search.clear()
    bank.status.setCurrentIndex(bank.status.findData("new"))
    assert "Kuka rahoittaa koordinoinnin?" in [r.text for r in bank.rows()]
    assert all(r.status == "new" for r in bank.rows())

    # Take one forward: a new action item of this meeting, in the workshop item.
    bank.select_text("Osuuskunta palvelujen tuottajana")
    forward = bank.take_forward()
    assert forward is not None and forward.meeting.currentData() == str(meeting_id)
    forward.what.clear()
    type_text(qtbot, forward.what, "Selvitetään osuuskuntamalli järjestöjen kanssa")
    qtbot.keyClicks(forward.owner, "Sihteeri")
    forward.grab().save("/tmp/h9-take-forward.png")
    forward.accept()
    assert warnings == [] and forward.action_id is not None
    bank.status.setCurrentIndex(0)
    taken = next(r for r in bank.rows() if r.text == "Osuuskunta palvelujen tuottajana")
    assert taken.status == "taken_forward" and "Selvitetään osuuskuntamalli" in taken.taken_to
    own = editor.actions.own.model
    assert "Selvitetään osuuskuntamalli järjestöjen kanssa" in [
        own.index(r, 1).data() for r in range(own.rowCount())]

    # Merge two ideas (the taken-forward one is kept), drop one, and export what is shown.
    bank.table.clearSelection()
    for r, shown in enumerate(bank.rows()):
        if shown.text in ("Osuuskunta palvelujen tuottajana", "Järjestöt organisoivat palveluja"):
            bank.table.selectionModel().select(bank.model.index(r, 0), bank.table.selectionModel()
                                               .SelectionFlag.Select | bank.table.selectionModel().SelectionFlag.Rows)
    merge = bank.merge()
    assert merge.pair[merge.keep.checkedId()].text == "Osuuskunta palvelujen tuottajana"
    merge.accept()
    merged = next(r for r in bank.rows() if r.text == "Järjestöt organisoivat palveluja")
    assert merged.status == "merged" and merged.merged_into_id == taken.id
    bank.select_text("Kuka rahoittaa koordinoinnin?")
    bank.drop_button.click()
    assert next(r for r in bank.rows() if r.text == "Kuka rahoittaa koordinoinnin?").status == "dropped"

    bank.year.setCurrentIndex(bank.year.findData(str(dt.date.today().year)))
    qtbot.keyClicks(bank.search, "uudistukset")  # the workshop item's title
    target = tmp_path / "ideat.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    bank.export_button.click()
    table = read_table(target)
    assert sorted(r[0] for r in table.rows) == sorted(r.text for r in bank.rows())
    assert len(table.rows) == 3
    assert warnings == []
    bank.resize(1100, 520)
    bank.grab().save("/tmp/h9-idea-bank.png")
    box.grab().save("/tmp/h9-workshop-box.png")
    assert current_language()
