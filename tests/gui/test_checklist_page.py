"""Working through the county's checklist in the GUI, over a copy of the demo database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.services import checklist
from desktop.ui.pages.checklist import ITEM_ID, ChecklistPage


@pytest.fixture
def page(qtbot, demo_store):
    widget = ChecklistPage(demo_store)
    demo_store.subscribe(widget.on_changes)  # the main window does this for its pages
    qtbot.addWidget(widget)
    widget.show()
    return widget


def top_level_texts(page):
    return [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]


def find_row(page, title):
    for i in range(page.tree.topLevelItemCount()):
        group = page.tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).text(0) == title:
                return group.child(j)
    raise AssertionError(f"{title} not shown")


def test_the_newest_checklist_with_progress_per_theme_and_overdue_first(page):
    assert page.chooser.count() == 2
    assert page.chooser.currentText().endswith(str(max(int(page.chooser.itemText(i)[-4:])
                                                       for i in range(2))))
    assert page.theme_grid.rowCount() == 5
    assert top_level_texts(page)[0] == "Myöhässä"
    assert page.tree.topLevelItem(0).child(0).text(0) == "Laaditaan järjestöstrategia"
    assert "askelta" in page.progress.format() or "/" in page.progress.format()


def test_editing_a_step_in_its_dialog_updates_the_view_and_its_history(qtbot, page, demo_store):
    row = find_row(page, "Laaditaan järjestöstrategia")
    dialog = page.open_item(row)
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.owner.clear()
    # QTest types ASCII only; the letters with diacritics arrive as an input method would send them.
    dialog.owner.insert("Å")
    qtbot.keyClicks(dialog.owner, "sa ")
    dialog.owner.insert("Ö")
    qtbot.keyClicks(dialog.owner, "hman")
    dialog.meeting.setCurrentIndex(1)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    row = find_row(page, "Laaditaan järjestöstrategia")
    assert (row.text(1), row.text(2)) == ("Tehty", "Åsa Öhman")
    assert top_level_texts(page)[0] != "Myöhässä"  # no longer overdue once done
    with demo_store.read() as session:
        history = checklist.item_history(session, row.data(0, ITEM_ID))
    assert {h.field for h in history} >= {"status", "owner", "evidence_agenda_item_id"}
    again = page.open_item(row)
    assert again.history.count() >= 3
    assert "§" in again.meeting.currentText()
    again.reject()


def test_comments_are_added_with_enter(qtbot, page, demo_store):
    row = find_row(page, "Laaditaan järjestöstrategia")
    item_id = row.data(0, ITEM_ID)
    dialog = page.open_item(row)
    qtbot.keyClicks(dialog.new_comment, "Luonnos l")
    dialog.new_comment.insert("ä")
    qtbot.keyClicks(dialog.new_comment, "hetetty lausunnoille.")
    qtbot.keyClick(dialog.new_comment, Qt.Key.Key_Return)
    assert dialog.comments.count() == 1 and dialog.new_comment.text() == ""
    with demo_store.read() as session:
        assert [c.text for c in session.get(checklist.ChecklistItem, item_id).comments] == [
            "Luonnos lähetetty lausunnoille."]
    dialog.reject()


def test_a_new_checklist_starts_from_the_template(qtbot, page):
    dialog = page.new_checklist()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Vaasan tarkistuslista")
    dialog.scope.setCurrentIndex(dialog.scope.findData("905"))
    dialog.accept()
    assert page.chooser.count() == 3
    assert page.chooser.currentText() == "Vaasan tarkistuslista"
    assert page.progress.value() == 0
    assert page.progress.maximum() == len([i for t in checklist.load_template() for i in t["items"]])


def test_comparing_with_last_year_marks_the_differences(page):
    dialog = page.compare()
    assert dialog.left.currentText() != dialog.right.currentText()
    model = dialog.model
    assert model.rowCount() == 26
    changed = [r for r in range(model.rowCount()) if model.row_at(r).left != model.row_at(r).right]
    assert changed
    assert model.data(model.index(changed[0], 1), Qt.ItemDataRole.FontRole).bold()
    dialog.reject()


def test_the_pdf_report_is_written_and_reads_back(page, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "raportti.pdf"
    page.write_report(page.current_id(), target, "sv")
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert page.chooser.currentText() in text
    assert "Välfärdsområdet" in text and "försenad" in text
    assert f"1 ({len(PdfReader(target).pages)})" in text
