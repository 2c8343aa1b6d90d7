"""The lists under a held meeting's item (dissents, disqualifications): a row added through the
dialog shows, Remove… asks and takes it away, and the database no longer has it."""

from __future__ import annotations

import datetime as dt

from desktop.services.meetings import editor as reading
from tests.gui.test_meeting_records import answers, hold, new_meeting, page, select, texts  # noqa: F401
from tests.unit.meeting_helpers import make_table

COMMITTEE = "Avustustoimikunta"


def test_dissents_and_disqualifications_are_added_and_removed(qtbot, page, store, answers):  # noqa: F811
    make_table(store, COMMITTEE, "Bidragskommittén")
    new_meeting(page, COMMITTEE, dt.date.today() - dt.timedelta(days=3))
    hold(page, answers, ["Toimintasuunnitelma 2027"])
    minutes = page.editor.minutes
    select(minutes, "Toimintasuunnitelma 2027")

    for box, fill, shown in (
        (minutes.dissents, lambda d: d.text.insertPlainText("Liian kallis."), "Matti Mäki: Liian kallis."),
        (minutes.disqualifications, lambda d: d.reason.insert("jäävi"), "Matti Mäki ("),
    ):
        assert not box.remove_button.isEnabled()
        dialog = box.add()
        dialog.name.setEditText("Matti Mäki")
        fill(dialog)
        dialog.accept()
        assert len(texts(box.list)) == 1 and texts(box.list)[0].startswith(shown)
        box.list.setCurrentRow(0)
        assert box.remove_button.isEnabled()
        row_text = texts(box.list)[0]
        box.remove_button.click()
        assert row_text in answers["questions"][-1]
        assert texts(box.list) == []
    assert answers["warnings"] == []
    item = next(i for i in reading.meeting_view(store, page.editor.view.id, "fi").items
                if i.title == "Toimintasuunnitelma 2027")
    assert item.dissents == () and item.disqualified == ()
