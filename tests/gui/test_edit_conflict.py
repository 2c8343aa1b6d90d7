"""Saving an organisation that another user saved meanwhile: their other changes kept, the field
both changed chosen in the conflict dialog."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop.services.register import save_organisation
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import EditConflictDialog
from desktop.ui.dialogs.organisation import OrganisationDialog


def test_the_organisation_dialog_asks_which_name_to_keep_and_keeps_theirs_elsewhere(qtbot, store):
    org_id, _changes = save_organisation(store, None, {"name_fi": "Kylätoimikunta ry",
                                                       "sectors": ["culture"]})
    dialog = OrganisationDialog(store, org_id)
    qtbot.addWidget(dialog)
    dialog.show()
    other = Store.open(store.path)
    other.officer = "Aino Ärölä"
    save_organisation(other, org_id, {"name_fi": "Ankkurin kylätoimikunta ry",
                                      "website": "https://ankkuri.fi", "sectors": ["sports"]})
    other.close()
    dialog.edits["name_fi"].clear()
    dialog.edits["name_fi"].insert("Ankkurin kylä ry")
    dialog.edits["phone"].insert("040 123")
    seen: list[str] = []

    def answer() -> None:
        conflict = QApplication.activeModalWidget()
        assert isinstance(conflict, EditConflictDialog)
        seen.extend(label.text() for label in conflict.findChildren(QLabel))
        conflict.grab().save("/tmp/concurrency-conflict.png")
        [box] = conflict.boxes
        assert box.title() == "Nimi suomeksi"
        assert box.edited is not None
        box.edited.clear()
        box.edited.insert("Ankkurin kylätoimikunta (Ankkuri) ry")
        box.edited.textEdited.emit(box.edited.text())
        conflict.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, answer)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert any("Aino Ärölä" in text for text in seen)
    assert {"Kylätoimikunta ry", "Ankkurin kylätoimikunta ry", "Ankkurin kylä ry"} <= {
        text.split(": ", 1)[-1] for text in seen}
    assert dialog.result() == dialog.DialogCode.Accepted
    with store.read() as session:
        org = session.get(Organisation, org_id)
        assert org is not None
        assert (org.name_fi, org.phone, org.website, org.sectors) == (
            "Ankkurin kylätoimikunta (Ankkuri) ry", "040 123", "https://ankkuri.fi", ["sports"])
