"""Importing organisations from the File menu: mapping the columns, then the report, then the write."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QTableWidgetItem
from sqlalchemy import func, select

from desktop.i18n import _
from desktop.services.register_import import IGNORE, field_label
from desktop.settings import Settings
from desktop.storage.models import ContactPerson, Organisation
from desktop.storage.store import Store
from desktop.ui.dialogs.import_mapping import HEADING, TARGET
from desktop.ui.dialogs.register_import import MAPPING, REPORT, ImportDialog
from desktop.ui.mainwindow import MainWindow

UNKNOWN_HEADINGS = ["Yhdistyksen virallinen nimi", "Kotipaikka", "Puhelinnumero (työ)", "Huomiot"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fp:
        csv.writer(fp, delimiter=";").writerows(rows)
    return path


def organisations(store: Store) -> list[tuple[str, str, str | None]]:
    with store.read() as session:
        return [
            (o.name_fi, o.phone, o.domicile_code)
            for o in session.scalars(select(Organisation).order_by(Organisation.name_fi))
        ]


def counts(store: Store) -> tuple[int, int]:
    with store.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Organisation)) or 0,
            session.scalar(select(func.count()).select_from(ContactPerson)) or 0,
        )


def choose(combo, name: str) -> None:
    combo.setCurrentIndex(combo.findData(name))


def item(dialog: ImportDialog, row: int, column: int) -> QTableWidgetItem:
    found = dialog.mapping_page.table.item(row, column)
    assert found is not None
    return found


def heading_row(dialog: ImportDialog, heading: str) -> int:
    rows = range(dialog.mapping_page.table.rowCount())
    return next(r for r in rows if item(dialog, r, HEADING).text() == heading)


def combo_for(dialog: ImportDialog, heading: str):
    return dialog.mapping_page.combos[heading_row(dialog, heading)]


def background(dialog: ImportDialog, heading: str) -> str:
    brush = item(dialog, heading_row(dialog, heading), HEADING).background()
    return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else ""


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store, Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def unknown_csv(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "yhdistykset.csv",
        [
            UNKNOWN_HEADINGS,
            ["Pörssärin Kyläyhdistys ry", "Vaasa", "040 123 4567", "perustettu 1952"],
            ["Åbo Svenska Förening rf", "Mustasaari", "050 765 4321", ""],
        ],
    )


def open_from_menu(window: MainWindow, path: Path, monkeypatch) -> ImportDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.import_organisations()
    dialog = window._import_dialog
    assert isinstance(dialog, ImportDialog)
    return dialog


def test_the_user_maps_unrecognised_columns_then_imports(qtbot, window, unknown_csv, monkeypatch):
    dialog = open_from_menu(window, unknown_csv, monkeypatch)
    page = dialog.mapping_page
    assert dialog.stack.currentIndex() == MAPPING
    # Every column with its heading, its first values and what it is imported as.
    table = page.table
    assert [item(dialog, r, HEADING).text() for r in range(table.rowCount())] == UNKNOWN_HEADINGS
    header = table.horizontalHeaderItem(2)
    assert header is not None and header.text() == _("Row {row}").format(row=2)
    assert item(dialog, heading_row(dialog, "Puhelinnumero (työ)"), 2).text() == "040 123 4567"
    assert item(dialog, heading_row(dialog, "Yhdistyksen virallinen nimi"), 3).text() == (
        "Åbo Svenska Förening rf")
    assert combo_for(dialog, "Kotipaikka").currentData() == "domicile"
    assert combo_for(dialog, "Kotipaikka").currentText() == "Kotipaikka"
    for heading in ("Yhdistyksen virallinen nimi", "Puhelinnumero (työ)", "Huomiot"):
        assert combo_for(dialog, heading).currentText() == field_label(IGNORE)
        assert background(dialog, heading)  # highlighted: not recognised
    assert background(dialog, "Kotipaikka") == ""
    # No name column yet: Next refuses, and the page says why.
    assert not dialog.next_button.isEnabled()
    assert page.problems.isVisible() and field_label("name_fi") in page.problems.text()

    choose(combo_for(dialog, "Yhdistyksen virallinen nimi"), "name_fi")
    choose(combo_for(dialog, "Puhelinnumero (työ)"), "phone")
    assert background(dialog, "Yhdistyksen virallinen nimi") == ""
    assert background(dialog, "Huomiot")  # still not imported
    assert not page.problems.isVisible()
    assert dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)

    assert dialog.stack.currentIndex() == REPORT
    report = dialog.report.toPlainText()
    assert "Rivi 2: lisätään ”Pörssärin Kyläyhdistys ry”" in report
    assert "Rivi 3: lisätään ”Åbo Svenska Förening rf”" in report
    assert "Huomiot" in report.splitlines()[0]  # the column not imported is named
    assert organisations(window.store) == []  # nothing is written before Import
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert organisations(window.store) == [
        ("Pörssärin Kyläyhdistys ry", "040 123 4567", "905"),
        ("Åbo Svenska Förening rf", "050 765 4321", "499"),
    ]
    assert window.register_page.model.rowCount() == 2


def test_back_keeps_the_mapping_and_the_report_follows_a_changed_one(qtbot, store, unknown_csv):
    dialog = ImportDialog(store, unknown_csv, None, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    choose(combo_for(dialog, "Yhdistyksen virallinen nimi"), "name_fi")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert "Puhelinnumero (työ)" in dialog.report.toPlainText().splitlines()[0]
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == MAPPING
    assert combo_for(dialog, "Yhdistyksen virallinen nimi").currentData() == "name_fi"
    choose(combo_for(dialog, "Puhelinnumero (työ)"), "phone")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert "Puhelinnumero (työ)" not in dialog.report.toPlainText().splitlines()[0]
    dialog.import_button.click()
    assert organisations(store)[0][1] == "040 123 4567"


def test_the_pages_hear_of_the_import_on_the_ui_thread(qtbot, store, unknown_csv):
    """The import writes on a worker thread; the store's listeners are widgets, which only the
    UI thread may touch: they hear of the changes there, after the import."""
    heard: list[str] = []
    store.subscribe(lambda _changes: heard.append(threading.current_thread().name))
    dialog = ImportDialog(store, unknown_csv, None, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    choose(combo_for(dialog, "Yhdistyksen virallinen nimi"), "name_fi")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    dialog.import_button.click()
    assert organisations(store)
    assert heard == [threading.main_thread().name]


def test_bad_rows_are_reported_with_reasons_and_cancel_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    path = write_csv(
        tmp_path / "huonot.csv",
        [
            ["Yhdistyksen virallinen nimi", "Y-tunnus", "Kotipaikka", "Sähköposti"],
            ["Hyvä ry", "", "Vaasa", "hyva@example.fi"],
            ["Väärä tunnus ry", "1234567-2", "Vaasa", ""],
            ["Kaukana ry", "", "Atlantis", ""],
            ["", "", "Vaasa", "nimeton@example.fi"],
            ["Huono posti ry", "", "", "ei-osoite@"],
        ],
    )
    before = counts(window.store)
    dialog = open_from_menu(window, path, monkeypatch)
    choose(combo_for(dialog, "Yhdistyksen virallinen nimi"), "name_fi")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Next is the default button
    assert dialog.stack.currentIndex() == REPORT
    lines = dialog.report.toPlainText().splitlines()
    assert "Rivi 2: lisätään ”Hyvä ry”" in lines
    rejected = [line for line in lines if "hylätään" in line and line.startswith("Rivi")]
    assert len(rejected) == 4
    assert any(line.startswith("Rivi 3:") and "Y-tunnus" in line and "1234567-2" in line
               for line in rejected)
    assert any(line.startswith("Rivi 4:") and "Atlantis" in line for line in rejected)
    assert any(line.startswith("Rivi 5:") and "Yhdistyksen virallinen nimi" in line
               for line in rejected)  # the name is missing
    assert any(line.startswith("Rivi 6:") and "ei-osoite@" in line for line in rejected)
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text().startswith("Osa riveistä hylättiin.")
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert counts(window.store) == before


def test_without_a_name_column_the_dialog_refuses_to_go_on(qtbot, store, tmp_path):
    path = write_csv(tmp_path / "nimettomat.csv",
                     [["Puhelin", "Kuvaus", "Tunniste"], ["040 1", "Jotain", "x"]])
    dialog = ImportDialog(store, path, None, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.mapping_page
    assert not dialog.next_button.isEnabled()
    assert page.problems.isVisible()
    assert field_label("name_fi") in page.problems.text()
    assert field_label("name_sv") in page.problems.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == MAPPING and dialog.plan is None
    # The same field twice is flagged too, on both columns.
    choose(combo_for(dialog, "Tunniste"), "name_fi")
    choose(combo_for(dialog, "Kuvaus"), "phone")
    assert not dialog.next_button.isEnabled()
    assert "Kuvaus" in page.problems.text() and "Puhelin" in page.problems.text()
    assert background(dialog, "Kuvaus") == background(dialog, "Puhelin") != ""
    choose(combo_for(dialog, "Kuvaus"), "description")
    assert dialog.next_button.isEnabled() and not page.problems.isVisible()
    assert counts(store) == (0, 0)


def test_tab_moves_from_one_column_to_the_next(qtbot, store, unknown_csv):
    dialog = ImportDialog(store, unknown_csv, None, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combos = dialog.mapping_page.combos
    combos[0].setFocus()
    qtbot.waitUntil(combos[0].hasFocus)
    qtbot.keyClick(combos[0], Qt.Key.Key_Tab)
    assert combos[1].hasFocus()
    qtbot.keyClick(combos[1], Qt.Key.Key_Down)  # the keyboard chooses a field
    assert combos[1].currentData() != "domicile"
    assert dialog.mapping_page.table.cellWidget(1, TARGET) is combos[1]


def test_the_last_mapping_is_offered_for_a_file_with_the_same_headings(qtbot, store, unknown_csv, tmp_path):
    settings = Settings()
    first = ImportDialog(store, unknown_csv, None, settings)
    qtbot.addWidget(first)
    choose(combo_for(first, "Yhdistyksen virallinen nimi"), "name_fi")
    choose(combo_for(first, "Puhelinnumero (työ)"), "phone")
    first.next_button.click()
    assert Settings.load().import_mappings  # saved for the next time
    other = write_csv(tmp_path / "toinen.csv",
                      [["yhdistyksen  virallinen nimi", "Kotipaikka", "Puhelinnumero (työ)", "Huomiot"],
                       ["Kolmas ry", "Vaasa", "06 123", ""]])
    second = ImportDialog(store, other, None, Settings.load())
    qtbot.addWidget(second)
    second.show()
    page = second.mapping_page
    assert [c.currentData() for c in page.combos] == ["name_fi", "domicile", "phone", IGNORE]
    assert page.remembered_note.isVisible() and second.next_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert [c.currentData() for c in page.combos] == [IGNORE, "domicile", IGNORE, IGNORE]
    assert not page.remembered_note.isVisible()


def test_a_wide_file_scrolls_to_the_column_reached_with_tab(qtbot, store, tmp_path):
    headings = ["Nimi", *(f"Sarake {i}" for i in range(1, 40))]
    path = write_csv(tmp_path / "leveä.csv", [headings, ["Eka ry", *("x" * 39)]])
    dialog = ImportDialog(store, path, None, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.mapping_page.table
    assert table.verticalScrollBar().value() == 0
    dialog.mapping_page.combos[-2].setFocus()
    qtbot.waitUntil(dialog.mapping_page.combos[-2].hasFocus)
    qtbot.keyClick(dialog.mapping_page.combos[-2], Qt.Key.Key_Tab)
    assert dialog.mapping_page.combos[-1].hasFocus()
    qtbot.waitUntil(lambda: table.verticalScrollBar().value() == table.verticalScrollBar().maximum() > 0)
