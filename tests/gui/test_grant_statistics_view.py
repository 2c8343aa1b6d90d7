"""The grant statistics view over the demo data: filters and the dimension change the table
and the chart; the exports write a workbook and a PDF report that read back with the figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.documents.grant_statistics_chart import TITLES
from desktop.i18n import _, translate_in
from desktop.i18n.formatting import format_money
from desktop.services.grants.statistics import StatisticsFilter, grant_statistics
from desktop.storage.store import Store
from desktop.ui.grants.statistics_view import StatisticsView

VAASA = "905"


@pytest.fixture
def view(qtbot, demo_store: Store) -> StatisticsView:
    widget = StatisticsView(demo_store)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.refresh()
    return widget


def _table(view: StatisticsView) -> dict[str, list[str]]:
    model = view.model
    return {model.index(r, 0).data(): [model.index(r, c).data()
                                       for c in range(1, model.columnCount())]
            for r in range(model.rowCount())}


def _choose(combo, value) -> None:  # noqa: ANN001 - a QComboBox
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_a_filter_and_the_dimension_change_the_table_and_the_chart(view, demo_store):
    with demo_store.read() as session:
        total = grant_statistics(session, ())[0]
        vaasa = grant_statistics(session, ("year",), StatisticsFilter(municipality=VAASA))
    assert total.grants > 0 and vaasa
    rows = _table(view)
    assert rows["Yhteensä"][5] == format_money(total.granted_cents)  # Granted, Finnish format
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Vuosi"
    assert len(view.chart.categories) == len(rows) - 1
    before = list(view.chart.granted)

    _choose(view.municipality, VAASA)
    rows = _table(view)
    assert rows["Yhteensä"][5] == format_money(sum(r.granted_cents for r in vaasa))
    assert {label for label in rows if label != "Yhteensä"} == {str(r.key[0]) for r in vaasa}
    # The chart's bars are the groups' euros (first group on top, so listed last).
    assert view.chart.granted == [r.granted_cents / 100 for r in reversed(vaasa)]
    assert view.chart.granted != before
    assert format_money(sum(r.granted_cents for r in vaasa)) in view.summary.text()

    _choose(view.dimension, "sector")
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Toimiala"
    assert view.notes.isVisible() and view.notes.text()  # a grant counts in each sector
    labels = view.chart.axis_labels()
    assert labels[0] == "0\xa0€" and all("€" in label for label in labels)

    # One year by its range; then a range backwards, which is refused in words.
    years = [view.first_year.itemData(i) for i in range(1, view.first_year.count())]
    _choose(view.dimension, "year")
    _choose(view.first_year, years[-1])
    _choose(view.last_year, years[-1])
    assert [label for label in _table(view) if label != "Yhteensä"] == [str(years[-1])]
    assert view.chart.categories == [str(years[-1])]
    assert len(years) > 1  # the demo has grants of several years
    _choose(view.last_year, years[0])
    assert view.model.rowCount() == 0 and view.chart.categories == []
    assert view.summary.text() == _("The first year comes after the last.")


def test_exports_to_excel_and_pdf_read_back(qtbot, view, demo_store, monkeypatch,
                                            tmp_path: Path):
    offered: list[str] = []
    targets = iter([tmp_path / "tilasto", tmp_path / "raportti.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (
        offered.append(Path(a[2]).name) or (str(next(targets)), "")))
    _choose(view.dimension, "municipality")
    with demo_store.read() as session:
        rows = grant_statistics(session, ("municipality",))
        total = grant_statistics(session, ())[0]

    view.activateWindow()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_X,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert offered and offered[0].endswith(".xlsx")  # Ctrl+Shift+X: the Excel export
    sheet = load_workbook(tmp_path / "tilasto.xlsx").active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[3][0] == "Kotipaikka"
    assert values[-1][0] == "Yhteensä"
    assert Decimal(str(values[-1][6])) * 100 == total.granted_cents  # euros, exact
    by_name = {row[0]: row for row in values[4:-1]}
    vaasa = next(r for r in rows if r.key == (VAASA,))
    assert Decimal(str(by_name["Vaasa"][6])) * 100 == vaasa.granted_cents

    _choose(view.language, "sv")
    view.pdf_button.click()
    assert offered[1].endswith(".pdf")
    text = "".join(page.extract_text() for page in
                   PdfReader(tmp_path / "raportti.pdf").pages).replace("\u00a0", " ")
    assert "Vasa" in text and "Korsholm" in text  # municipalities in Swedish
    assert format_money(total.granted_cents, "sv").replace("\u00a0", " ") in text
    assert translate_in("sv", TITLES["municipality"]) in text  # the chart, and its labels
    assert "Vasa" in text.split(translate_in("sv", TITLES["municipality"]))[1]
