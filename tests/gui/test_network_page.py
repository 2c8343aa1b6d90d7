"""The liaison network in the GUI: gaps at a glance, naming a person closes one."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.i18n import N_, _
from desktop.services import contacts, network, partners, register
from desktop.services.register import Filters, RegisterQuery
from desktop.services.vocabulary import label_in
from desktop.storage.models.enums import LiaisonRoleKind, OrganisationKind
from desktop.ui.dialogs.liaison_role import LiaisonRoleDialog
from desktop.ui.dialogs.organisation import OrganisationDialog
from desktop.ui.pages.network import GAP_BACKGROUND, NetworkPage
from desktop.ui.pages.register import RegisterPage

GAP = N_("Gap: no one named")


@pytest.fixture
def county(store):
    partners.add_county_municipalities(store, "15")
    with store.read() as session:
        vaasa = partners.municipality_partners(session)["905"]
    anna, _c = contacts.add_contact(store, vaasa.id, "hyvinvointikoordinaattori", name="Anna Äijälä",
                                    phone="040 123 4567", email="anna.aijala@vaasa.example.fi")
    network.add_role(store, anna, "905", LiaisonRoleKind.WELLBEING_PROMOTION, dt.date(2025, 1, 1))
    eero, _c = contacts.add_contact(store, vaasa.id, "järjestökoordinaattori", name="Eero Östman",
                                    email="eero@vaasa.example.fi")
    return store, vaasa.id, eero


@pytest.fixture
def page(qtbot, county):
    store = county[0]
    widget = NetworkPage(store)
    store.subscribe(widget.on_changes)  # the main window does this for its pages
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _role(code):
    return label_in("fi", LiaisonRoleKind, code)


def test_the_officer_sees_the_gaps_and_naming_a_person_closes_one(qtbot, page, county):
    store, _vaasa, _eero = county
    cooperation = _role(LiaisonRoleKind.ORGANISATION_COOPERATION)
    # At a glance: 14 municipalities, every cell but Vaasa's wellbeing role is a gap.
    assert page.table.rowCount() == 14 and page.gap_count() == 41
    assert "41" in page.summary.text()
    assert page.cell_text("Vaasa", _role(LiaisonRoleKind.WELLBEING_PROMOTION)).startswith(
        "Anna Äijälä\n040 123 4567 · anna.aijala@vaasa.example.fi")
    assert page.cell_text("Vaasa", cooperation) == _(GAP)
    row = [page.table.verticalHeaderItem(r).text() for r in range(14)].index("Vaasa")
    column = [page.table.horizontalHeaderItem(c).text() for c in range(3)].index(cooperation)
    assert page.table.item(row, column).background().color() == GAP_BACKGROUND
    page.grab().save("/tmp/h7-network-gaps.png")

    # Double-click the gap: the dialog opens for Vaasa and that role.
    page.table.scrollToItem(page.table.item(row, column))
    rect = page.table.visualItemRect(page.table.item(row, column))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialogs = page.findChildren(LiaisonRoleDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialog = dialogs[0]
    assert dialog.municipality.currentText() == "Vaasa"
    assert dialog.role.currentData() == LiaisonRoleKind.ORGANISATION_COOPERATION
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # nobody chosen yet
    # The municipality's own contact persons come first; type the name to pick one.
    assert dialog.person.itemText(1).startswith("Anna Äijälä")
    # A name that is nobody's is no choice; the whole name as listed is (setText: the offscreen
    # platform cannot show the completer's popup that typing opens).
    dialog.person.lineEdit().setText("Eero Östman")
    assert not save.isEnabled()
    dialog.person.lineEdit().setText("Eero Östman (eero@vaasa.example.fi)")
    assert save.isEnabled()
    dialog.grab().save("/tmp/h7-liaison-dialog.png")
    save.click()

    assert page.gap_count() == 40
    assert page.cell_text("Vaasa", cooperation).startswith("Eero Östman\neero@vaasa.example.fi")
    assert _("Last convened: {date}").format(date="—") in page.cell_text("Vaasa", cooperation)
    assert page.table.item(row, column).background().color() != GAP_BACKGROUND
    page.grab().save("/tmp/h7-network-assigned.png")


def test_the_register_tells_public_partners_apart_and_filters_by_kind(qtbot, county):
    store, vaasa_id, _eero = county
    register.save_organisation(store, None, {"name_fi": "Vaasan Martat ry", "domicile_code": "905"})
    page = RegisterPage(store)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    assert page.model.rowCount() == 15  # every kind by default
    page.kind.setCurrentIndex(page.kind.findData("organisation"))
    assert page.model.rowCount() == 1
    page.kind.setCurrentIndex(page.kind.findData(register.PUBLIC_PARTNERS))
    qtbot.keyClicks(page.search, "vaasa")
    assert page.model.rowCount() == 1
    kind_column = page.model.columnCount() - 1
    assert page.model.index(0, kind_column).data() == label_in("fi", OrganisationKind, "municipality")
    page.grab().save("/tmp/h7-register-kinds.png")
    assert register.count(store, RegisterQuery(filters=Filters(kind="municipality"))) == 14
    dialog = OrganisationDialog(store, vaasa_id)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "municipality"
    dialog.kind.setCurrentIndex(dialog.kind.findData("county_unit"))
    dialog.save()
    assert register.count(store, RegisterQuery(filters=Filters(kind="county_unit"))) == 1


def test_the_checklist_step_on_liaison_persons_shows_the_gaps(qtbot, county):
    from desktop.services import checklist
    from desktop.ui.dialogs.checklist_item import ChecklistItemDialog

    store = county[0]
    checklist_id, _c = checklist.create_checklist(store, "Vuosi 2026", 2026)
    with store.read() as session:
        step = next(i for i in checklist.list_items(session, checklist_id)
                    if i.template_key == network.CHECKLIST_STEP)
    dialog = ChecklistItemDialog(store, step.id)
    qtbot.addWidget(dialog)
    dialog.show()
    lines = dialog.computed.toPlainText().splitlines()
    assert "41" in lines[0] and len(lines) == 15  # the summary and one line per municipality
    assert any("Vaasa" in line for line in lines[1:])
    dialog.grab().save("/tmp/h7-checklist-evidence.png")


def test_an_empty_network_says_how_to_start(qtbot, store):
    page = NetworkPage(store)
    qtbot.addWidget(page)
    page.show()
    assert page.empty_hint.isVisible() and not page.table.isVisible()
    assert not page.export_button.isEnabled() and page.gap_count() == 0
    partners.add_county_municipalities(store, "15")
    page.refresh()
    assert not page.empty_hint.isVisible() and page.gap_count() == 42
