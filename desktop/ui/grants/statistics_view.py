"""Grant statistics as a table and a bar chart, filtered, grouped by a chosen dimension and
exported as a workbook or a PDF report in Finnish, Swedish or English."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.grant_statistics import (
    APPLICATIONS,
    COLUMNS,
    GRANTED,
    GRANTS,
    MEDIAN,
    ORGANISATIONS,
    SHARE,
    TOTAL,
    figures,
)
from desktop.errors import KnownError
from desktop.i18n import LANGUAGES, N_, _, current_language
from desktop.services.grants.statistics import (
    DIMENSIONS,
    StatisticsChoices,
    StatisticsFilter,
    StatisticsReport,
    load_report,
    statistics_choices,
)
from desktop.storage.store import Store
from desktop.ui.grants.common import fit_and_stretch, shortcut
from desktop.ui.grants.statistics_chart import StatisticsChart
from desktop.ui.grants.statistics_export import busy, export_statistics
from desktop.ui.pages.base import make_table
from desktop.ui.tablemodel import Column, RowTableModel

_BY = {
    "year": N_("By year"),
    "funder": N_("By funder"),
    "type": N_("By grant type"),
    "municipality": N_("By municipality"),
    "sector": N_("By sector"),
}


@dataclass(frozen=True)
class TableRow:
    label: str
    figures: dict[str, str]
    total: bool = False


class StatisticsModel(RowTableModel[TableRow]):
    """The groups and the total; the first column is headed by the dimension shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        columns = [Column[TableRow](_("Group"), lambda r: r.label)]
        columns += [Column[TableRow](_(name), lambda r, name=name: r.figures[name],
                                     align_right=True) for name in COLUMNS]
        super().__init__(columns, bold=lambda r: r.total, parent=parent)
        self.group_heading = _("Group")

    def set_report_rows(self, heading: str, rows: Sequence[TableRow]) -> None:
        self.group_heading = heading
        self.set_rows(rows)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if section == 0 and orientation == Qt.Orientation.Horizontal and (
                role == Qt.ItemDataRole.DisplayRole):
            return self.group_heading
        return super().headerData(section, orientation, role)


class StatisticsView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report: StatisticsReport | None = None
        self.choices: StatisticsChoices | None = None
        layout = QVBoxLayout(self)

        grid = QGridLayout()
        layout.addLayout(grid)
        self.first_year = QComboBox(self)
        self.last_year = QComboBox(self)
        self.funder = QComboBox(self)
        self.grant_type = QComboBox(self)
        self.municipality = QComboBox(self)
        self.sector = QComboBox(self)
        self.dimension = QComboBox(self)
        for key in DIMENSIONS:
            self.dimension.addItem(_(_BY[key]), key)
        years = QHBoxLayout()
        years.addWidget(self.first_year)
        years.addWidget(QLabel("–", self))
        years.addWidget(self.last_year)
        label = QLabel(_("&Years"), self)
        label.setBuddy(self.first_year)
        grid.addWidget(label, 0, 0)
        grid.addLayout(years, 1, 0)
        for column, (text, combo) in enumerate((
            (_("F&under"), self.funder), (_("Call &type"), self.grant_type),
            (_("&Municipality"), self.municipality), (_("Se&ctor"), self.sector),
            (_("&Show"), self.dimension),
        ), start=1):
            label = QLabel(text, self)
            label.setBuddy(combo)
            grid.addWidget(label, 0, column)
            grid.addWidget(combo, 1, column)
        grid.setColumnStretch(6, 1)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)

        self.model = StatisticsModel(self)
        self.table = make_table(self.model, self)
        self.chart = StatisticsChart(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        buttons.addStretch(1)
        language_label = QLabel(_("Report &language"), self)
        self.language = QComboBox(self)
        for code, (_locale, name) in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        language_label.setBuddy(self.language)
        self.excel_button = QPushButton(_("Export to Excel…"), self)
        self.pdf_button = QPushButton(_("PDF report…"), self)
        self.excel_button.setToolTip(_("Save the table as an Excel workbook (Ctrl+Shift+X)"))
        self.pdf_button.setToolTip(_("Save the statistics as a PDF report (Ctrl+Shift+P)"))
        for widget in (language_label, self.language, self.excel_button, self.pdf_button):
            buttons.addWidget(widget)
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        shortcut(self, "Ctrl+Shift+X", lambda: self.export("xlsx"))
        shortcut(self, "Ctrl+Shift+P", lambda: self.export("pdf"))

        for combo in (self.first_year, self.last_year, self.funder, self.grant_type,
                      self.municipality, self.sector, self.dimension):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self._filling = False
        self.chart.set_report(None)

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the store: the filters' choices (keeping what is chosen) and the figures."""
        language = current_language()
        self.choices = statistics_choices(self.store, language)
        self._filling = True
        try:
            years = [(y, str(y)) for y in self.choices.years]
            _fill(self.first_year, _("Any"), years)
            _fill(self.last_year, _("Any"), years)
            _fill(self.funder, _("All funders"), self.choices.funders)
            _fill(self.grant_type, _("All types"), self.choices.types)
            _fill(self.municipality, _("All municipalities"), self.choices.municipalities)
            _fill(self.sector, _("All sectors"), self.choices.sectors)
        finally:
            self._filling = False
        self.reload()

    def filters(self) -> StatisticsFilter:
        return StatisticsFilter(
            first_year=self.first_year.currentData(), last_year=self.last_year.currentData(),
            funder=self.funder.currentData(), grant_type=self.grant_type.currentData(),
            municipality=self.municipality.currentData(), sector=self.sector.currentData())

    def by(self) -> str:
        return str(self.dimension.currentData())

    def reload(self) -> None:
        """Count again with the filters and the dimension chosen."""
        if self._filling:
            return
        try:
            with busy():
                self.report = load_report(self.store, self.by(), self.filters(),
                                          current_language())
        except KnownError as exc:
            self.report = None
            self.model.set_rows([])
            self.chart.set_report(None)
            self.summary.setText(str(exc))
            self.notes.clear()
            return
        self._show(self.report)

    def _show(self, report: StatisticsReport) -> None:
        language = report.language
        rows = [TableRow(r.label, figures(r.figures, language)) for r in report.rows]
        total = figures(report.total, language)
        rows.append(TableRow(_(TOTAL), total, total=True))
        self.model.set_report_rows(report.dimension, rows)
        fit_and_stretch(self.table, 0)
        self.summary.setText("   ·   ".join(
            f"{_(name)}: {total[name]}"
            for name in (APPLICATIONS, GRANTS, ORGANISATIONS, GRANTED, MEDIAN, SHARE)))
        self.notes.setText(" ".join(report.notes))
        self.notes.setVisible(bool(report.notes))
        self.chart.set_report(report)

    # -- writing -----------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        """The statistics shown, as ``fmt`` ("xlsx" or "pdf") in the report language chosen."""
        export_statistics(self, self.store, self.by(), self.filters(), fmt,
                          str(self.language.currentData()))


def _fill(combo: QComboBox, everything: str, items: Sequence[tuple[Any, str]]) -> None:
    """``everything`` (no filter) and ``items`` as (value, label); the chosen value stays when
    it is still offered."""
    chosen = combo.currentData()
    combo.clear()
    combo.addItem(everything, None)
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
