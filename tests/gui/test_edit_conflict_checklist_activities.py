"""Saving a checklist step, an activity, an interaction or a liaison role that another user saved
meanwhile: their other changes kept, the field both changed chosen in the conflict dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from desktop.i18n import _
from desktop.i18n.formatting import format_date
from desktop.services import activities, checklist, contacts, network
from desktop.services.vocabulary import label
from desktop.storage.models import Activity, ChecklistItem, Interaction, LiaisonRole
from desktop.storage.models.enums import ChecklistStatus, InteractionKind, LiaisonRoleKind
from desktop.storage.store import Store
from desktop.ui.dialogs.activity import ActivityDialog
from desktop.ui.dialogs.checklist_item import ChecklistItemDialog
from desktop.ui.dialogs.edit_conflict import EditConflictDialog
from desktop.ui.dialogs.interaction import InteractionDialog
from desktop.ui.dialogs.liaison_role import LiaisonRoleDialog
from tests.stored_records import new_organisation, stored_fields

SAVE = QDialogButtonBox.StandardButton.Save
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[EditConflictDialog], None]],
                                                          list[str]]:
    """Answer the conflict dialog with ``choose`` instead of waiting for a user; the texts it
    showed are collected in the returned list."""

    def answer_with(choose: Callable[[EditConflictDialog], None]) -> list[str]:
        shown: list[str] = []

        def exec_(dialog: EditConflictDialog) -> int:
            shown.extend(text.text() for text in dialog.findChildren(QLabel))
            shown.extend(box.title() for box in dialog.boxes)
            choose(dialog)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(EditConflictDialog, "exec", exec_)
        return shown

    return answer_with


def test_the_checklist_step_dialog_asks_which_status_to_keep(qtbot, store, other, answered):
    checklist_id, _changes = checklist.create_checklist(store, "Vaasa 2026", 2026, "905")
    with store.read() as session:
        item_id = checklist.list_items(session, checklist_id)[0].id
    dialog = ChecklistItemDialog(store, item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    checklist.update_item(other, item_id, status=ChecklistStatus.DONE, owner="Aino Ärölä")
    dialog.status.setCurrentIndex(dialog.status.findData(ChecklistStatus.IN_PROGRESS))
    dialog.has_due.setChecked(True)
    dialog.due.setDate(QDate(2026, 5, 31))

    def keep_theirs(conflict: EditConflictDialog) -> None:
        [box] = conflict.boxes
        assert box.edited is None  # a status is chosen, not typed
        box.theirs.setChecked(True)

    shown = answered(keep_theirs)
    dialog.findChild(QDialogButtonBox).button(SAVE).click()

    assert _("Status") in shown
    assert any("Aino Ärölä" in text for text in shown)
    assert {label(ChecklistStatus, code) for code in ChecklistStatus
            if code != ChecklistStatus.NOT_APPLICABLE} <= {t.split(": ", 1)[-1] for t in shown}
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored_fields(store, ChecklistItem, item_id, "status", "owner", "due_on") == (
        ChecklistStatus.DONE, "Aino Ärölä", dt.date(2026, 5, 31))


def test_the_activity_dialog_keeps_my_title_and_their_other_changes(qtbot, store, other,
                                                                     answered):
    activity_id, _changes = activities.add_activity(store, new_organisation(store), title="Läksykerho",
                                                    municipalities=["905"])
    dialog = ActivityDialog(store, stored_fields(store, Activity, activity_id, "organisation_id")[0],
                            activity_id)
    qtbot.addWidget(dialog)
    dialog.show()
    activities.update_activity(other, activity_id, title="Läksyapu", published=True)
    dialog.title.clear()
    dialog.title.insert("Läksykerho koululaisille")
    dialog.check("499")

    def keep_mine(conflict: EditConflictDialog) -> None:
        [box] = conflict.boxes
        assert box.title() == _("Title") and box.edited is not None
        box.mine.setChecked(True)

    shown = answered(keep_mine)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)

    assert {"Läksykerho", "Läksyapu", "Läksykerho koululaisille"} <= {
        text.split(": ", 1)[-1] for text in shown}
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored_fields(store, Activity, activity_id, "title", "published", "municipalities") == (
        "Läksykerho koululaisille", True, ["499", "905"])  # by name


def _interaction_dialog(qtbot, store: Store) -> tuple[InteractionDialog, Any]:  # noqa: ANN001
    """The dialog of a meeting logged with an organisation, open; and the interaction's row."""
    org_id = new_organisation(store)
    activities.log_interaction(store, org_id, dt.date(2026, 3, 2), InteractionKind.MEETING,
                               "Tapaaminen", "Liisa")
    with store.read() as session:
        [row] = activities.interaction_rows(session, org_id)
    dialog = InteractionDialog(store, org_id, row.interaction_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, row


def test_the_interaction_dialog_saves_an_edited_note(qtbot, store, other, answered):
    dialog, row = _interaction_dialog(qtbot, store)
    activities.update_interaction(other, row.interaction_id, dt.date(2026, 3, 4),
                                  InteractionKind.MEETING, "Sovittiin syystapahtuma", "Liisa")
    dialog.kind.setCurrentIndex(dialog.kind.findData(InteractionKind.CALL))
    dialog.note.setPlainText("Puhuttiin tiloista")

    def edit(conflict: EditConflictDialog) -> None:
        [box] = conflict.boxes
        assert box.edited is not None
        box.edited.setText("Sovittiin syystapahtuma ja puhuttiin tiloista")
        box.edited.textEdited.emit(box.edited.text())

    answered(edit)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored_fields(store, Interaction, row.interaction_id, "date", "kind", "note") == (
        dt.date(2026, 3, 4), InteractionKind.CALL, "Sovittiin syystapahtuma ja puhuttiin tiloista")


def test_the_liaison_role_dialog_keeps_their_end_date(qtbot, store, other, answered):
    person_id, _changes = contacts.add_contact(store, new_organisation(store), "sihteeri",
                                               name="Matti Meikäläinen")
    role_id, _changes = network.add_role(store, person_id, "905", LiaisonRoleKind.VOLUNTEERING,
                                         dt.date(2026, 1, 1))
    dialog = LiaisonRoleDialog(store, role_id)
    qtbot.addWidget(dialog)
    dialog.show()
    network.end_role(other, role_id, dt.date(2026, 12, 31))
    dialog.start.setDate(QDate(2025, 9, 1))
    dialog.end.set_value(dt.date(2026, 6, 30))

    def keep_theirs(conflict: EditConflictDialog) -> None:
        [box] = conflict.boxes
        box.theirs.setChecked(True)

    shown = answered(keep_theirs)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)

    assert {format_date(dt.date(2026, 12, 31)), format_date(dt.date(2026, 6, 30))} <= {
        text.split(": ", 1)[-1] for text in shown}
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored_fields(store, LiaisonRole, role_id, "start_on", "end_on") == (
        dt.date(2025, 9, 1), dt.date(2026, 12, 31))


def test_cancelling_the_conflict_dialog_saves_nothing_and_keeps_the_editor_open(
        qtbot, store, other, monkeypatch):
    dialog, row = _interaction_dialog(qtbot, store)
    activities.update_interaction(other, row.interaction_id, dt.date(2026, 3, 2),
                                  InteractionKind.MEETING, "Sovittiin syystapahtuma", "Liisa")
    dialog.note.setPlainText("Puhuttiin tiloista")
    monkeypatch.setattr(EditConflictDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    assert dialog.isVisible()
    assert stored_fields(store, Interaction, row.interaction_id, "note") == ("Sovittiin syystapahtuma",)
