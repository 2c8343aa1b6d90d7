"""The Premises page: record premises, link them to an organisation and an activity, filter the
list and export it; the organisation's and the activity's dialogs show the links."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from sqlalchemy import select

from desktop.services import activities, contacts, premises
from desktop.services.register import save_organisation
from desktop.storage.models import ContactPerson, Premises, PremisesActivity, PremisesOrganisation
from desktop.ui.dialogs.activity import ActivityDialog
from desktop.ui.dialogs.contact_person import ContactPersonDialog
from desktop.ui.dialogs.organisation import OrganisationDialog
from desktop.ui.pages.premises import PremisesPage

SAVE = QDialogButtonBox.StandardButton.Save
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def village(store):
    org, _c = save_organisation(store, None, {"name_fi": "Koivulahden Kyläyhdistys ry",
                                              "name_sv": "Kvevlax byaförening rf", "domicile_code": "499"})
    activity, _c = activities.add_activity(store, org, title="Kylän kahvila", municipalities=["499"],
                                           published=True)
    return org, activity


@pytest.fixture
def page(qtbot, store):
    widget = PremisesPage(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    return widget


def _shown(page):
    return [page.list.model.index(row, 0).data() for row in range(page.list.model.rowCount())]


def test_record_link_filter_and_export_premises(qtbot, store, village, page, tmp_path, monkeypatch):
    org, activity = village
    assert _shown(page) == []
    qtbot.mouseClick(page.list.add_button, LEFT)
    dialog = page.dialog
    save = dialog.buttons.button(SAVE)
    assert not save.isEnabled() and dialog.errors["name_fi"].isVisibleTo(dialog)  # no name yet
    dialog.edits["name_fi"].insert("Koivulahden kylätalo")
    dialog.edits["name_sv"].insert("Kvevlax bygdegård")
    dialog.edits["address"].insert("Kvevlaxvägen 120, 66530 Koivulahti")
    assert save.isEnabled()
    dialog.municipality.setCurrentIndex(dialog.municipality.findData("499"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("hall"))
    dialog.capacity.selectAll()
    qtbot.keyClicks(dialog.capacity, "120")
    qtbot.mouseClick(dialog.features["step_free"], LEFT)
    dialog.terms.setCurrentIndex(dialog.terms.findData("free_for_wellbeing"))
    dialog.booking.insertPlainText("Varausvastaava, puh. 050 400 1200")

    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.search, "koivulahden")
    assert dialog.results.count() == 1 and dialog.owner_button.isEnabled()
    qtbot.mouseClick(dialog.owner_button, LEFT)
    assert dialog.owner_label.text() == "Koivulahden Kyläyhdistys ry"
    qtbot.mouseClick(dialog.user_button, LEFT)
    assert dialog.users.count() == 1
    assert [dialog.activities.item(i).text() for i in range(dialog.activities.count())] == [
        "Kylän kahvila – Koivulahden Kyläyhdistys ry"]
    dialog.check_activity("Kylän kahvila")
    dialog.grab().save("/tmp/h8-premises-dialog-links.png")
    dialog.tabs.setCurrentIndex(0)
    dialog.grab().save("/tmp/h8-premises-dialog.png")
    qtbot.mouseClick(save, LEFT)
    assert not dialog.isVisible()

    with store.read() as session:
        hall = session.scalars(select(Premises)).one()
        assert (hall.name_fi, hall.municipality_code, hall.capacity, hall.step_free, hall.terms,
                hall.owner_id) == ("Koivulahden kylätalo", "499", 120, True, "free_for_wellbeing", org)
        assert [link.organisation_id for link in session.scalars(select(PremisesOrganisation))] == [org]
        assert [link.activity_id for link in session.scalars(select(PremisesActivity))] == [activity]
    assert _shown(page) == ["Koivulahden kylätalo"]
    assert page.list.model.index(0, 3).data() == "120"

    premises.save_premises(store, None, {"name_fi": "Vaasan kirjaston kokoushuone", "municipality_code": "905",
                                         "capacity": 20, "induction_loop": True, "terms": "free"})
    page.refresh()
    assert _shown(page) == ["Koivulahden kylätalo", "Vaasan kirjaston kokoushuone"]
    qtbot.keyClicks(page.min_capacity, "5")  # at least 5: both
    page.min_capacity.setValue(50)
    assert _shown(page) == ["Koivulahden kylätalo"]
    page.min_capacity.setValue(0)
    qtbot.mouseClick(page.features["induction_loop"], LEFT)
    assert _shown(page) == ["Vaasan kirjaston kokoushuone"]
    qtbot.mouseClick(page.features["induction_loop"], LEFT)
    page.municipality.setCurrentIndex(page.municipality.findData("499"))
    assert _shown(page) == ["Koivulahden kylätalo"]
    page.municipality.setCurrentIndex(0)
    page.terms.setCurrentIndex(page.terms.findData("free"))
    assert _shown(page) == ["Vaasan kirjaston kokoushuone"]
    page.terms.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "kvevlax")
    assert _shown(page) == ["Koivulahden kylätalo"]
    page.search.clear()
    page.grab().save("/tmp/h8-premises-page.png")

    # The public list of what is shown, in Swedish, through the export button.
    target = tmp_path / "lokaler.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.list_language.setCurrentIndex(page.list_language.findData("sv"))
    qtbot.mouseClick(page.export_button, LEFT)
    text = "\n".join(p.extract_text() or "" for p in PdfReader(target).pages)
    assert "Kvevlax bygdegård" in text and "Korsholm" in text and "Vasa" in text

    # Deleting asks first.
    asked: list[str] = []

    def answer_yes(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    page.list.select(1)
    qtbot.mouseClick(page.list.remove_button, LEFT)
    assert len(asked) == 1 and "Vaasan kirjaston kokoushuone" in asked[0]
    assert _shown(page) == ["Koivulahden kylätalo"]


def test_the_organisation_and_activity_dialogs_show_the_premises(qtbot, store, village):
    org, activity = village
    hall, _c = premises.save_premises(store, None, {"name_fi": "Koivulahden kylätalo",
                                                    "municipality_code": "499", "capacity": 120})
    other, _c = premises.save_premises(store, None, {"name_fi": "Sepänkylän koulun sali",
                                                     "municipality_code": "499"})
    org_dialog = OrganisationDialog(store, org)
    qtbot.addWidget(org_dialog)
    tab = org_dialog.premises_tab
    assert org_dialog.tabs.tabText(org_dialog.tabs.indexOf(tab)).endswith("(0)")

    # Linking from the activity's side makes the organisation a user of the hall.
    dialog = ActivityDialog(store, org, activity)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.premises_ids() == []
    dialog.check_premises("Koivulahden kylätalo")
    dialog.title_translation.insert("Bycafé")
    dialog.grab().save("/tmp/h8-activity-dialog.png")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    with store.read() as session:
        assert premises.premises_of_activity(session, activity) == [hall]
        assert activities.activity_values(session, activity)["title_translation"] == "Bycafé"
    tab.reload()
    assert [r.name for r in tab.rows()] == ["Koivulahden kylätalo"]
    assert org_dialog.tabs.tabText(org_dialog.tabs.indexOf(tab)).endswith("(1)")

    again = ActivityDialog(store, org, activity)
    qtbot.addWidget(again)
    assert again.premises_ids() == [hall]
    again.check_premises("Koivulahden kylätalo", False)
    again.check_premises("Sepänkylän")
    again.save()
    with store.read() as session:
        assert premises.premises_of_activity(session, activity) == [other]


def test_a_contact_person_is_marked_public_in_their_dialog(qtbot, store, village):
    org, _activity = village
    person, _c = contacts.add_contact(store, org, "puheenjohtaja", name="Åsa Öberg")
    dialog = ContactPersonDialog(store, org, person)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.public.isChecked()
    qtbot.mouseClick(dialog.public, LEFT)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    with store.read() as session:
        assert session.get(ContactPerson, person).public
    reopened = ContactPersonDialog(store, org, person)
    qtbot.addWidget(reopened)
    assert reopened.public.isChecked()


def test_open_data_from_the_file_menu(qtbot, demo_store, tmp_path, monkeypatch):
    import json

    from desktop.settings import Settings
    from desktop.ui.mainwindow import MainWindow

    window = MainWindow(demo_store, Settings())
    qtbot.addWidget(window)
    target = tmp_path / "avoin data"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Shift+O")
    action.trigger()
    graph = json.loads((target / "open-data.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert {node["@type"] for node in graph} == {"Organization", "Place", "Event"}
    assert str(target) in window.statusBar().currentMessage()
