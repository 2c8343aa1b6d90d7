"""An organisation's contact persons, activities and interactions, edited in its dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.services import contacts
from desktop.services.register import matching_ids, save_organisation
from desktop.storage.models import Activity, ContactPerson, Interaction
from desktop.ui.dialogs.organisation import OrganisationDialog

SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def org_id(store):
    made, _changes = save_organisation(store, None, {"name_fi": "Vaasan Näkövammaiset ry",
                                                     "domicile_code": "905"})
    return made


@pytest.fixture
def dialog(qtbot, store, org_id):
    widget = OrganisationDialog(store, org_id)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def answers(monkeypatch):
    """Every removal question, answered Yes."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    return asked


def test_a_contact_with_a_bad_email_is_refused_until_fixed(qtbot, store, org_id, dialog):
    assert dialog.tabs.tabText(1) == "Yhteyshenkilöt (0)"
    qtbot.mouseClick(dialog.lists.contacts.add_button, Qt.MouseButton.LeftButton)
    contact = dialog.lists.dialog
    save = contact.buttons.button(SAVE)
    assert not save.isEnabled()  # no name yet
    contact.edits["name"].insert("Päivi Ärölä")
    qtbot.keyClicks(contact.edits["role"], "puheenjohtaja")
    qtbot.keyClicks(contact.edits["email"], "paivi.arola@example")
    assert contact.errors["email"].isVisibleTo(contact)
    assert contact.errors["email"].text() == "Tämä ei ole sähköpostiosoite."
    assert not save.isEnabled()
    contact.save()  # what pressing Enter does: refused as well
    assert contact.isVisible()
    with store.read() as session:
        assert contacts.contact_rows(session, org_id) == []

    qtbot.keyClicks(contact.edits["email"], ".fi")
    assert not contact.errors["email"].isVisibleTo(contact) and save.isEnabled()
    contact.basis.insert("kumppanuuspöydän jäsen")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not contact.isVisible()

    shown = dialog.lists.contacts
    assert [(r.name, r.role, r.email) for r in shown.rows()] == [
        ("Päivi Ärölä", "puheenjohtaja", "paivi.arola@example.fi")]
    assert shown.model.index(0, 0).data() == "Päivi Ärölä"
    assert dialog.tabs.tabText(1) == "Yhteyshenkilöt (1)"
    assert matching_ids(store, "ärölä") == {org_id}
    with store.read() as session:
        person = session.get(ContactPerson, shown.rows()[0].person_id)
        assert person.retention_basis == "kumppanuuspöydän jäsen"
        assert person.retained_since == dt.date.today()


def test_edit_link_and_remove_contacts(qtbot, store, org_id, dialog, answers):
    other, _changes = save_organisation(store, None, {"name_fi": "Mustasaaren Kyläyhdistys ry"})
    person_id, _changes = contacts.add_contact(store, other, "sihteeri", name="Björn Åkerö")
    link = dialog.lists.link_contact()
    link.search.insert("åkerö")  # any case
    assert link.results.count() == 1 and "Mustasaaren Kyläyhdistys ry" in link.results.item(0).text()
    qtbot.keyClicks(link.role, "jasen")
    qtbot.mouseClick(link.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    shown = dialog.lists.contacts
    assert [(r.person_id, r.role) for r in shown.rows()] == [(person_id, "jasen")]

    cell = shown.table.visualRect(shown.model.index(0, 0)).center()
    qtbot.mouseClick(shown.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(shown.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    edit = dialog.lists.dialog
    assert edit.edits["name"].text() == "Björn Åkerö"
    edit.edits["phone"].setText("040 123 4567")
    qtbot.mouseClick(edit.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert shown.rows()[0].phone == "040 123 4567"

    shown.select(0)
    qtbot.keyClick(shown.table, Qt.Key.Key_Delete)
    assert answers and "Björn Åkerö" in answers[-1]
    assert shown.rows() == []
    assert matching_ids(store, "åkerö") == {other}  # still the other organisation's contact


def test_add_edit_and_remove_an_activity(qtbot, store, org_id, dialog, answers):
    contacts.add_contact(store, org_id, "vetäjä", name="Aino Ohjaaja")
    dialog.lists.reload()
    qtbot.mouseClick(dialog.lists.activities.add_button, Qt.MouseButton.LeftButton)
    activity = dialog.lists.dialog
    save = activity.buttons.button(SAVE)
    assert not save.isEnabled() and activity.title_error.text()
    activity.title.insert("Vertaistukiryhmä")
    qtbot.keyClicks(activity.when, "ma klo 13-15")
    qtbot.keyClicks(activity.place_filter, "vaa")
    visible = [activity.places.item(i).text() for i in range(activity.places.count())
               if not activity.places.item(i).isHidden()]
    assert "Vaasa" in visible and "Mustasaari" not in visible
    activity.check("905")
    activity.check("499")
    assert activity.chosen_label.text().endswith(": Mustasaari, Vaasa")
    activity.flags["published"].setChecked(True)
    activity.contact.setCurrentIndex(1)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    shown = dialog.lists.activities
    [row] = shown.rows()
    assert (row.title, row.when, row.municipalities, row.contact, row.published) == (
        "Vertaistukiryhmä", "ma klo 13-15", "Mustasaari, Vaasa", "Aino Ohjaaja", True)
    assert dialog.tabs.tabText(2) == "Toiminta (1)"
    assert matching_ids(store, "vertaistuki") == {org_id}

    shown.select(0)
    qtbot.mouseClick(shown.edit_button, Qt.MouseButton.LeftButton)
    edit = dialog.lists.dialog
    assert edit.chosen_codes() == ["499", "905"] and edit.flags["published"].isChecked()
    edit.check("499", False)
    edit.title.setText("Vertaistukiryhmä näkövammaisille")
    qtbot.mouseClick(edit.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert [(r.title, r.municipalities) for r in shown.rows()] == [
        ("Vertaistukiryhmä näkövammaisille", "Vaasa")]

    shown.select(0)
    qtbot.mouseClick(shown.remove_button, Qt.MouseButton.LeftButton)
    assert "Vertaistukiryhmä näkövammaisille" in answers[-1]
    assert shown.rows() == [] and dialog.tabs.tabText(2) == "Toiminta (0)"
    assert matching_ids(store, "vertaistuki") == set()
    with store.read() as session:
        assert session.get(Activity, row.activity_id).deleted


def test_add_edit_and_remove_an_interaction(qtbot, store, org_id, dialog, answers):
    store.officer = "Liisa Virkailija"
    qtbot.mouseClick(dialog.lists.interactions.add_button, Qt.MouseButton.LeftButton)
    interaction = dialog.lists.dialog
    assert interaction.officer.text() == "Liisa Virkailija"
    assert interaction.date.date() == QDate.currentDate()
    interaction.date.setDate(QDate(2026, 12, 2))
    interaction.kind.setCurrentIndex(interaction.kind.findData("call"))
    qtbot.keyClicks(interaction.note, "Sovittiin hakemuksen taydentamisesta")
    qtbot.mouseClick(interaction.buttons.button(SAVE), Qt.MouseButton.LeftButton)

    shown = dialog.lists.interactions
    assert [shown.model.index(0, c).data() for c in range(4)] == [
        "2.12.2026", "Puhelu", "Liisa Virkailija", "Sovittiin hakemuksen taydentamisesta"]

    shown.select(0)
    shown.edit_selected()
    edit = dialog.lists.dialog
    assert edit.note.toPlainText() == "Sovittiin hakemuksen taydentamisesta"
    edit.kind.setCurrentIndex(edit.kind.findData("visit"))
    qtbot.mouseClick(edit.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert shown.model.index(0, 1).data() == "Käynti"
    interaction_id = shown.rows()[0].interaction_id

    shown.select(0)
    qtbot.keyClick(shown.table, Qt.Key.Key_Delete)
    assert "2.12.2026" in answers[-1]
    assert shown.rows() == []
    with store.read() as session:
        assert session.get(Interaction, interaction_id).deleted


def test_removal_asks_first_and_no_keeps_the_row(qtbot, store, org_id, dialog, monkeypatch):
    contacts.add_contact(store, org_id, name="Aino Ohjaaja")
    dialog.lists.reload()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.lists.contacts.select(0)
    qtbot.keyClick(dialog.lists.contacts.table, Qt.Key.Key_Delete)
    assert len(dialog.lists.contacts.rows()) == 1


def test_a_new_organisations_lists_open_once_it_is_saved(qtbot, store):
    dialog = OrganisationDialog(store, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.tabs.isTabEnabled(i) for i in range(4)] == [True, False, False, False]
    assert dialog.save_first.isVisibleTo(dialog)
    dialog.edits["name_fi"].insert("Uusi Yhdistys ry")
    qtbot.mouseClick(dialog.save_and_continue, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved_id is not None
    assert all(dialog.tabs.isTabEnabled(i) for i in range(4))
    assert dialog.tabs.currentWidget() is dialog.lists.contacts
    assert not dialog.save_first.isVisibleTo(dialog) and not dialog.save_and_continue.isVisibleTo(dialog)
    contact = dialog.lists.add_contact()
    contact.edits["name"].insert("Eero Esimerkki")
    qtbot.mouseClick(contact.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert [r.name for r in dialog.lists.contacts.rows()] == ["Eero Esimerkki"]
    dialog.edits["phone"].setText("06 123 4567")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)  # updates, no second copy
    assert matching_ids(store, "uusi yhdistys") == {dialog.saved_id}
    assert matching_ids(store, "esimerkki") == {dialog.saved_id}
