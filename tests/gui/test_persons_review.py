"""Personal data in the GUI: persons to review, exporting what is kept, and erasure."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.services import contacts
from desktop.services.personal_data import ERASED_NAME
from desktop.services.register import matching_ids, save_organisation
from desktop.settings import Settings
from desktop.storage.models import ContactPerson
from desktop.ui.dialogs.organisation import OrganisationDialog
from desktop.ui.dialogs.persons_review import PersonsReviewDialog
from desktop.ui.person_actions import ERASE_BOX

TODAY = dt.date.today()


@pytest.fixture
def people(store):
    org_id, _changes = save_organisation(store, None, {"name_fi": "Närpiön Eläkeläiset ry"})
    old, _changes = contacts.add_contact(
        store, org_id, "puheenjohtaja", name="Päivi Ärölä", email="paivi@example.fi",
        retention_basis="kumppanuuspöydän jäsen", last_contact=TODAY.replace(year=TODAY.year - 5))
    recent, _changes = contacts.add_contact(
        store, org_id, name="Eero Tuore", last_contact=TODAY.replace(year=TODAY.year - 2))
    return org_id, old, recent


@pytest.fixture
def review(qtbot, store, people):
    settings = Settings()
    widget = PersonsReviewDialog(store, settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def answer_erase_box(click: bool, seen: list[str]) -> None:
    """When the erasure question shows, note its text and press Erase (or Cancel)."""

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.objectName() == ERASE_BOX and w.isVisible())
        seen.append(box.text())
        [erase] = [b for b in box.buttons()
                   if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
        assert "Päivi Ärölä" in erase.text()
        wanted = erase if click else box.button(QMessageBox.StandardButton.Cancel)
        wanted.click()

    QTimer.singleShot(0, answer)


def test_old_contacts_are_listed_for_the_years_chosen_and_remembered(review, people, isolated_dirs):
    _org_id, old, recent = people
    assert review.years.value() == 3
    assert [r.person_id for r in review.rows()] == [old]
    assert review.model.index(0, 1).data() == "Närpiön Eläkeläiset ry"
    assert review.model.index(0, 4).data() == "kumppanuuspöydän jäsen"
    review.years.setValue(1)
    assert {r.person_id for r in review.rows()} == {old, recent}
    assert Settings.load().review_years == 1  # kept in settings.json for the next time
    review.years.setValue(10)
    assert review.rows() == []


def test_export_json_and_pdf_then_erase_from_the_review(qtbot, store, review, people, tmp_path,
                                                      monkeypatch):
    org_id, old, _recent = people
    review.table.selectRow(0)
    target = tmp_path / "päivi"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "JSON (*.json)"))
    review.export_button.click()
    data = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["name"] == "Päivi Ärölä" and data["email"] == "paivi@example.fi"
    assert data["organisations"][0]["name"] == "Närpiön Eläkeläiset ry"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "paivi.pdf"), "PDF (*.pdf)"))
    review.export_button.click()
    assert "Päivi Ärölä" in PdfReader(str(tmp_path / "paivi.pdf")).pages[0].extract_text()

    seen: list[str] = []
    answer_erase_box(False, seen)
    review.erase_button.click()
    assert "Päivi Ärölä" in seen[-1] and len(review.rows()) == 1  # cancelled: nothing happened

    answer_erase_box(True, seen)
    review.erase_button.click()
    assert review.rows() == []
    assert review.count.text().startswith("0 ")
    with store.read() as session:
        person = session.get(ContactPerson, old)
        assert person.deleted and person.name == ERASED_NAME and person.email == ""
        assert contacts.contact_rows(session, org_id)[0].name == "Eero Tuore"
    assert matching_ids(store, "ärölä") == set()


def test_erase_from_the_contact_person_dialog(qtbot, store, people):
    org_id, old, _recent = people
    dialog = OrganisationDialog(store, org_id)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.lists.contacts
    shown.select([r.person_id for r in shown.rows()].index(old))
    contact = shown.edit_selected()
    seen: list[str] = []
    answer_erase_box(True, seen)
    contact.erase_button.click()
    assert "Päivi Ärölä" in seen[0]
    assert contact.erased and not contact.isVisible()
    assert [r.name for r in shown.rows()] == ["Eero Tuore"]
    with store.read() as session:
        assert session.get(ContactPerson, old).deleted


def test_the_edit_menu_opens_the_review(qtbot, store, people):
    from desktop.i18n import _
    from desktop.ui.mainwindow import MainWindow

    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    edit_menu = window.menuBar().actions()[1].menu()
    [action] = [a for a in edit_menu.actions() if a.text() == _("Persons to &review…")]
    action.trigger()
    assert window._review_dialog.isVisible()
    assert [r.name for r in window._review_dialog.rows()] == ["Päivi Ärölä"]
    window._review_dialog.reject()
