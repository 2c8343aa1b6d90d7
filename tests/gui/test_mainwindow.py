"""The main window driven as a user drives it, over a real (copied) demo database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.settings import Settings
from desktop.ui.mainwindow import PAGES, MainWindow


@pytest.fixture
def window(qtbot, demo_store):
    win = MainWindow(demo_store, Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def nav_texts(win):
    return [win.nav.item(i).text() for i in range(win.nav.count())]


def menu_titles(win):
    return [a.text() for a in win.menuBar().actions()]


def test_finnish_by_default_with_every_section(window):
    assert nav_texts(window) == ["Rekisteri", "Kokoukset", "Avustukset", "Tarkistuslista", "Yhdyshenkilöverkosto",
                                 "Tilat", "Synkronointi"]
    assert menu_titles(window) == ["&Tiedosto", "&Muokkaa", "&Näytä", "&Ohje"]
    assert window.register_page.model.rowCount() >= 150
    assert "järjestöä" in window.statusBar().currentMessage()


def test_search_as_you_type_filters_and_keeps_umlauts_apart(qtbot, window):
    page = window.register_page
    total = page.model.rowCount()
    qtbot.keyClicks(page.search, "vaasa")
    assert 0 < page.model.rowCount() < total
    shown = [page.model.row_at(i).name for i in range(page.model.rowCount())]
    assert "Vaasan Seudun Mielenterveysseura ry" in shown
    assert "Kvevlax byaförening rf" not in shown
    page.search.clear()
    qtbot.keyClicks(page.search, "zzzqqq")
    assert page.model.rowCount() == 0
    assert window.statusBar().currentMessage() == f"0/{total} järjestöä"


def test_shortcuts_switch_pages_and_find_focuses_search(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("grants")
    assert window.page("grants").model.rowCount() >= 4
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.register_page
    assert window.register_page.search.hasFocus()


@pytest.mark.parametrize(
    ("language", "register", "menu"),
    [("sv", "Register", "&Arkiv"), ("en", "Register", "&File"), ("fi", "Rekisteri", "&Tiedosto")],
)
def test_language_is_one_menu_choice_away_and_remembered(window, isolated_dirs, language, register, menu):
    window.set_language("sv" if language == "fi" else language)
    window.set_language(language)
    assert nav_texts(window)[0] == register
    assert menu_titles(window)[0] == menu
    assert Settings.load().language == language


def test_swedish_shows_swedish_everywhere(window):
    window.set_language("sv")
    assert nav_texts(window) == ["Register", "Möten", "Bidrag", "Checklista", "Kontaktpersonsnätverk", "Lokaler",
                                 "Synkronisering"]
    grants = window.page("grants")
    assert grants.model.headerData(4, Qt.Orientation.Horizontal) == "Anslag"
    assert "€" in grants.model.data(grants.model.index(0, 4))


def test_last_page_and_geometry_are_remembered(qtbot, demo_store, isolated_dirs):
    settings = Settings()
    first = MainWindow(demo_store, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(800, 550)
    first.nav.setCurrentRow(3)
    first.close()
    again = MainWindow(demo_store, Settings.load())
    qtbot.addWidget(again)
    again.show()
    assert again.stack.currentWidget() is again.page("checklist")
    assert (again.width(), again.height()) == (800, 550)


def test_delete_asks_first_and_can_be_undone(qtbot, window, monkeypatch):
    page = window.register_page
    total = page.model.rowCount()
    page.table.selectRow(0)
    name = page.model.row_at(0).name
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.delete_organisation()
    assert page.model.rowCount() == total
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_organisation()
    assert page.model.rowCount() == total - 1
    assert name not in [page.model.row_at(i).name for i in range(page.model.rowCount())]
    assert window.undo_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == total
    assert not window.undo_action.isEnabled()


def test_every_page_has_translated_content_in_all_languages(window):
    for language in ("sv", "en", "fi"):
        window.set_language(language)
        for key, _title, _cls in PAGES:
            assert window.page(key).title.text()


def test_file_new_database_switches_the_window_to_the_new_file(qtbot, demo_store, tmp_path):
    from desktop.ui.application import open_store

    settings = Settings()
    win = MainWindow(demo_store, settings, open_store=lambda p: open_store(p, None, False, ""))
    qtbot.addWidget(win)
    win.show()
    assert win.register_page.model.rowCount() >= 150
    target = tmp_path / "toinen.sqlite3"
    win._switch_to(target)
    assert target.exists()
    assert win.windowTitle().endswith("toinen.sqlite3")
    assert win.register_page.model.rowCount() == 0
    assert settings.recent_databases[0] == str(target)
    win.close()
    win.store.close()


def test_importing_from_the_file_menu_shows_the_report_first(qtbot, window, tmp_path):
    page = window.register_page
    before = page.model.rowCount()
    bad = tmp_path / "huono.csv"
    bad.write_text("Nimi;Y-tunnus\nHuono ry;1234567-2\n", encoding="utf-8")
    window.open_import(bad)
    dialog = window._import_dialog
    dialog.next_button.click()  # the columns as recognised
    assert not dialog.import_button.isEnabled()
    assert "1234567-2" in dialog.report.toPlainText()
    dialog.reject()
    good = tmp_path / "uusi.csv"
    good.write_text("Nimi;Kotipaikka\nUusi kyläyhdistys ry;Vaasa\n", encoding="utf-8-sig")
    window.open_import(good)
    dialog = window._import_dialog
    dialog.next_button.click()  # the columns as recognised
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert page.model.rowCount() == before + 1


def test_exporting_writes_the_rows_shown(qtbot, window, tmp_path):
    import openpyxl

    page = window.register_page
    qtbot.keyClicks(page.search, "vaasa")
    shown = page.model.rowCount()
    window.write_register(tmp_path / "vaasa.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "vaasa.xlsx").active
    assert sheet.max_row == shown + 1
    assert sheet.cell(1, 1).value == "Nimi suomeksi"


def test_the_duplicates_view_merges_a_pair(qtbot, window, monkeypatch):
    from desktop.storage.models import Organisation

    window.store.run("add", lambda s: s.add_all([
        Organisation(name_fi="Kaksoisyhdistys ry", domicile_code="905"),
        Organisation(name_fi="Kaksoisyhdistys r.y.", domicile_code="905"),
    ]))
    before = window.register_page.model.rowCount()
    window.show_duplicates()
    dialog = window._duplicates_dialog
    names = [dialog.model.row_at(i).first_name for i in range(dialog.model.rowCount())]
    row = next(i for i, name in enumerate(names) if name.startswith("Kaksoisyhdistys"))
    dialog.table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.merge_selected()
    assert window.register_page.model.rowCount() == before - 1
    dialog.reject()
