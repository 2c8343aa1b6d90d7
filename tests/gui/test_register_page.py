"""The register page: filters, sorting, editing with validation and the duplicate warning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.ui.pages.register import RegisterPage


@pytest.fixture
def page(qtbot, demo_store):
    widget = RegisterPage(demo_store)
    demo_store.subscribe(widget.on_changes)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def shown(page):
    return [page.row_at_view(i) for i in range(page.model.rowCount())]


def choose(combo, code):
    combo.setCurrentIndex(combo.findData(code))


def test_filters_combine_with_each_other_and_with_the_search(qtbot, page):
    total = len(shown(page))
    choose(page.municipality, "905")
    in_vaasa = shown(page)
    assert 0 < len(in_vaasa) < total and all(r.domicile_code == "905" for r in in_vaasa)
    choose(page.sector, "village")
    both = shown(page)
    assert len(both) < len(in_vaasa)
    assert all(r.domicile_code == "905" and "village" in r.sector_codes for r in both)
    choose(page.status, "active")
    assert all(r.status_code == "active" for r in shown(page))
    qtbot.keyClicks(page.search, "zzz-nothing")
    assert shown(page) == []
    page.search.clear()
    for combo in (page.municipality, page.sector, page.status):
        combo.setCurrentIndex(0)
    assert len(shown(page)) == total


def test_columns_sort_both_ways(page):
    page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    ascending = [r.domicile for r in shown(page)]
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    descending = [r.domicile for r in shown(page)]
    assert ascending[0] == descending[-1] and ascending[-1] == descending[0]
    assert ascending[0] != ascending[-1]
    assert ascending[-1] in ("Vöyri", "Vörå", "Uusikaarlepyy") or ascending[-1] > ascending[0]


def test_a_bad_business_id_is_marked_while_typing_and_blocks_saving(qtbot, page):
    dialog = page.edit()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.edits["name_fi"], "Uusi testiyhdistys ry")
    assert save.isEnabled()
    qtbot.keyClicks(dialog.edits["business_id"], "1234567-2")
    assert not save.isEnabled()
    assert dialog.errors["business_id"].isVisibleTo(dialog)
    assert "tarkiste" in dialog.errors["business_id"].text().lower()
    dialog.edits["business_id"].clear()
    qtbot.keyClicks(dialog.edits["business_id"], "1234567-1")
    qtbot.keyClicks(dialog.edits["email"], "ei-osoite")
    assert not save.isEnabled() and dialog.errors["email"].text()
    dialog.edits["email"].clear()
    assert save.isEnabled()
    save.click()
    names = [r.name for r in shown(page)]
    assert "Uusi testiyhdistys ry" in names


def test_a_possible_duplicate_is_asked_about_first(qtbot, page, monkeypatch):
    existing = next(r for r in shown(page) if r.name == "Vaasan Seudun Mielenterveysseura ry")
    count = len(shown(page))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    dialog = page.edit()
    qtbot.keyClicks(dialog.edits["name_fi"], "Vaasan seudun mielenterveysseura")
    dialog.domicile.setCurrentIndex(dialog.domicile.findData(existing.domicile_code))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert asked and "Vaasan Seudun Mielenterveysseura ry" in asked[0]
    assert len(shown(page)) == count  # not saved
    dialog.reject()


def test_double_click_opens_the_organisation_for_editing(qtbot, page):
    first = page.row_at_view(0)
    dialog = page.edit(first)
    assert first.name in (dialog.edits["name_fi"].text(), dialog.edits["name_sv"].text())
    dialog.edits["phone"].setText("040 765 4321")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with page.store.read() as session:
        from desktop.storage.models import Organisation

        assert session.get(Organisation, first.id).phone == "040 765 4321"


def test_an_organisations_page_shows_its_contacts_activities_grants_and_meetings(qtbot, page):
    from sqlalchemy import select

    from desktop.storage.models import BodyMember, GrantApplication

    with page.store.read() as session:
        member = session.scalars(select(BodyMember).where(BodyMember.organisation_id.is_not(None))).first()
        funded = set(session.scalars(select(GrantApplication.organisation_id)))
    row = next(r for r in shown(page) if r.id == member.organisation_id)
    dialog = page.edit(row)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs[0] == "Tiedot" and len(tabs) == 7
    assert tabs[-1].endswith(f"({len(dialog.premises_tab.rows())})")  # the premises it uses
    meetings = dialog.overview_lists["meetings"]
    assert meetings.count() >= 1 and "kumppanuuspöytä" in meetings.item(0).text().lower()
    assert dialog.lists.contacts.model.rowCount() >= 1
    if row.id in funded:
        assert "€" in dialog.grants.model.index(0, 3).data()
    dialog.reject()
