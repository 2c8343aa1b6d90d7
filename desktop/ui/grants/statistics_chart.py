"""The statistics as a bar chart: applied and granted euros per group of the chosen dimension.

Horizontal bars, so that long group names (municipalities, sectors) are read across on the left
instead of crowding under the bars; the first group on top, as in the table. The euro axis is
labelled in the user's locale (``1,2 milj. €``) at round steps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from desktop.documents.grant_statistics_chart import (
    APPLIED,
    GRANTED,
    TITLES,
    euro_label,
    nice_step,
)
from desktop.i18n import _, current_language
from desktop.services.grants.statistics import StatisticsReport

APPLIED_COLOUR = QColor("#9db7d5")
GRANTED_COLOUR = QColor("#1f5f99")
_MAX_LABEL = 28  # characters of a group's name on the axis; the table has the whole name
_MIN_HEIGHT, _MAX_HEIGHT = 240, 460


def nice_ticks(largest: float) -> list[float]:
    """Round values from 0 to at least ``largest``: 0, 250 000, 500 000, ..."""
    step = nice_step(largest)
    return [step * n for n in range(max(1, math.ceil(largest / step)) + 1)]


def _short(text: str) -> str:
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


class StatisticsChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setMinimumHeight(_MIN_HEIGHT)
        self.categories: list[str] = []
        self.granted: list[float] = []
        self.applied: list[float] = []

    def set_report(self, report: StatisticsReport | None) -> None:
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        rows = list(reversed(report.rows)) if report is not None else []
        self.categories = [_short(row.label) for row in rows]
        self.granted = [row.figures.granted_cents / 100 for row in rows]
        self.applied = [row.figures.applied_cents / 100 for row in rows]
        chart.setTitle(_(TITLES[report.by]) if report is not None else "")
        # Room for every group's name: the axis leaves out the names that do not fit.
        self.setMinimumHeight(min(_MAX_HEIGHT, max(_MIN_HEIGHT, 22 * len(rows) + 120)))
        if not rows:
            return
        series = QHorizontalBarSeries()
        for name, values, colour in ((_(APPLIED), self.applied, APPLIED_COLOUR),
                                     (_(GRANTED), self.granted, GRANTED_COLOUR)):
            bars = QBarSet(name)
            bars.setColor(colour)
            bars.append(values)
            series.append(bars)
        chart.addSeries(series)
        groups = QBarCategoryAxis()
        groups.append(_unique(self.categories))
        groups.setTruncateLabels(False)  # the names are shortened here, to the same length
        chart.addAxis(groups, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(groups)
        euros = QCategoryAxis()
        euros.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        ticks = nice_ticks(max([*self.applied, *self.granted, 0.0]))
        for tick in ticks:
            euros.append(euro_label(tick, current_language()), tick)
        euros.setRange(0, ticks[-1])
        chart.addAxis(euros, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(euros)

    def axis_labels(self) -> list[str]:
        """The euro axis's labels, as shown (for the tests and for reading the chart aloud)."""
        return [label for axis in self.chart_.axes(Qt.Orientation.Horizontal)
                if isinstance(axis, QCategoryAxis) for label in axis.categoriesLabels()]


def _unique(labels: Sequence[str]) -> list[str]:
    """A category axis merges equal labels: two shortened names must stay apart."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        n = seen.get(label, 0)
        seen[label] = n + 1
        result.append(label if n == 0 else f"{label} ({n + 1})")
    return result
