"""The PDF report's bar chart: applied and granted euros per group, as the view draws it.

Horizontal bars with the groups' names on the left (read across, however long), the first group
on top as in the tables, the euro axis labelled in the report's language (``1,2 milj. €``).
"""

from __future__ import annotations

import math

from babel import numbers
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.documents.pdf_common import ACCENT, FONT, FRAME_WIDTH, INK, RULE, register_fonts
from desktop.i18n import LANGUAGES, N_, translate_in
from desktop.services.grants.statistics import StatisticsReport

APPLIED, GRANTED = N_("Applied"), N_("Granted")
TITLES = {
    "year": N_("Applied and granted by year"),
    "funder": N_("Applied and granted by funder"),
    "type": N_("Applied and granted by grant type"),
    "municipality": N_("Applied and granted by municipality"),
    "sector": N_("Applied and granted by sector"),
}
APPLIED_COLOUR = colors.HexColor("#9db7d5")
_ROW = 7 * mm  # per group: two bars and a gap
_MAX_PLOT = 190 * mm
_LABEL_SIZE = 8
_MAX_LABEL = 40  # characters; the tables carry the whole name


def nice_step(largest: float, steps: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 × 10ⁿ) that divides 0…``largest`` into about ``steps``."""
    if largest <= 0:
        return 1.0
    raw = largest / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    return float(next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw))


def euro_label(euros: float, language: str) -> str:
    """An axis label: ``250 t. €``, ``1,2 milj. €`` in Finnish."""
    return numbers.format_compact_currency(euros, "EUR", locale=LANGUAGES[language][0],
                                           fraction_digits=1)


def _short(text: str) -> str:
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def bar_chart(report: StatisticsReport) -> Drawing | None:
    """The chart of ``report``'s groups, or None when there are none."""
    rows = list(reversed(report.rows))  # the chart draws its first category at the bottom
    if not rows:
        return None
    register_fonts()  # the labels are measured in the report's font
    names = [_short(row.label) for row in rows]
    applied = [row.figures.applied_cents / 100 for row in rows]
    granted = [row.figures.granted_cents / 100 for row in rows]
    step = nice_step(max([*applied, *granted]))
    top = step * max(1, math.ceil(max([*applied, *granted]) / step))
    # Many groups share the height of a page (the drawing cannot break across pages).
    plot_height = min(_ROW * len(rows), _MAX_PLOT)
    label_size = min(_LABEL_SIZE, plot_height / len(rows) * 0.9)
    label_width = max(stringWidth(name, FONT, label_size) for name in names) + 3 * mm
    drawing = Drawing(FRAME_WIDTH, plot_height + 22 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16 * mm
    chart.width, chart.height = FRAME_WIDTH - label_width - 8 * mm, plot_height
    chart.data = [applied, granted]
    chart.bars[0].fillColor, chart.bars[1].fillColor = APPLIED_COLOUR, ACCENT
    chart.bars.strokeColor = None
    chart.groupSpacing, chart.barSpacing = plot_height / len(rows) * 0.28, 0
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = label_size
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -2
    chart.categoryAxis.strokeColor = RULE
    axis = chart.valueAxis
    axis.valueMin, axis.valueMax, axis.valueStep = 0, top, step
    axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = FONT, 7, INK
    axis.labelTextFormat = lambda euros: euro_label(euros, report.language)
    axis.strokeColor = RULE
    axis.visibleGrid, axis.gridStrokeColor = True, RULE
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = label_width, 4 * mm
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(APPLIED_COLOUR, translate_in(report.language, APPLIED)),
                             (ACCENT, translate_in(report.language, GRANTED))]
    drawing.add(legend)
    return drawing
