"""The checklist as a PDF report in Finnish, Swedish or English.

The content arrives already in the report's language (:mod:`checklist_report_data`); only the
report's own labels are translated here, with ``translate_in(report.language, ...)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.documents.checklist_report_data import ChecklistReport, ReportItem, ReportTheme
from desktop.documents.pdf_common import (
    ACCENT,
    ALERT,
    FRAME_WIDTH,
    GOOD,
    RULE,
    SHADE,
    DocumentInfo,
    build_pdf,
    escape,
    styles,
)
from desktop.i18n import N_, translate_in

_STEP = N_("Step")
_STATUS = N_("Status")
_OWNER = N_("Owner")
_DUE = N_("Due date")
_OVERDUE = N_("overdue")
_PROGRESS = N_("{done} of {total} steps done")
_SOURCE = N_("Source: {source}")
_SUBJECT = N_("Checklist report")

# Step, status, owner, due date: together the frame's width.
_COLUMNS = (88 * mm, 30 * mm, FRAME_WIDTH - 88 * mm - 30 * mm - 24 * mm, 24 * mm)
_BAR_WIDTH = 70 * mm
_CELL_PADDING = 4
_STEP_TEXT_WIDTH = _COLUMNS[0] - 2 * _CELL_PADDING
_MAX_ROW_HEIGHT = 150.0  # points; a step taller than this continues in another row
_PIECE_CHARS = 1000  # a longer text is cut into several paragraphs, so that rows can break


class ProgressBar(Flowable):
    """A horizontal bar filled to ``done / total``."""

    def __init__(self, done: int, total: int, width: float, height: float = 3.2 * mm) -> None:
        super().__init__()
        self.fraction = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        radius = self.height / 2
        canvas.saveState()
        canvas.setFillColor(SHADE)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.roundRect(0, 0, self.width, self.height, radius, stroke=1, fill=1)
        if self.fraction > 0:
            canvas.setFillColor(GOOD)
            filled = max(self.width * self.fraction, self.height)  # a visible sliver
            canvas.roundRect(0, 0, filled, self.height, radius, stroke=0, fill=1)
        canvas.restoreState()


def _progress(done: int, total: int, text_style: Any, language: str) -> Table:
    """The bar and "10 of 26 steps done" side by side."""
    text = translate_in(language, _PROGRESS).format(done=done, total=total)
    table = Table(
        [[ProgressBar(done, total, _BAR_WIDTH), Paragraph(escape(text), text_style)]],
        colWidths=(_BAR_WIDTH + 4 * mm, None),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _pieces(text: str, size: int = _PIECE_CHARS) -> list[str]:
    """``text`` cut at spaces into pieces of at most about ``size`` characters."""
    pieces: list[str] = []
    while len(text) > size:
        cut = text.rfind(" ", size // 2, size)
        cut = cut if cut > 0 else size
        pieces.append(text[:cut])
        text = text[cut:].lstrip()
    return [*pieces, text]


def _step_cells(item: ReportItem, sheet: Any, language: str) -> list[list[Flowable]]:
    """The step column of one step: its title, evidence and source, as one or more rows.

    A table row cannot break across pages, so a step with a lot of evidence continues in
    further rows (with no rule between them) and no row grows taller than about a fifth of a
    page.
    """
    flowables = [Paragraph(escape(piece), sheet["cell"]) for piece in _pieces(item.title)]
    for line in item.evidence:
        if not line.strip():
            continue
        for n, piece in enumerate(_pieces(line.strip())):
            bullet = "• " if n == 0 else ""
            flowables.append(Paragraph(bullet + escape(piece), sheet["cell_small"]))
    if item.source:
        source = translate_in(language, _SOURCE).format(source=item.source)
        flowables.append(Paragraph(escape(source), sheet["cell_note"]))
    rows: list[list[Flowable]] = [[]]
    height = 0.0
    for flowable in flowables:
        needed = flowable.wrap(_STEP_TEXT_WIDTH, _MAX_ROW_HEIGHT)[1] + flowable.getSpaceBefore()
        if rows[-1] and height + needed > _MAX_ROW_HEIGHT:
            rows.append([])
            height = 0.0
        rows[-1].append(flowable)
        height += needed
    return rows


def _status_cell(item: ReportItem, sheet: Any) -> Paragraph:
    if item.done:
        return Paragraph(
            f'<font color="{GOOD.hexval()}">✓ {escape(item.status)}</font>', sheet["cell"]
        )
    return Paragraph(escape(item.status), sheet["cell"])


def _due_cell(item: ReportItem, sheet: Any, language: str) -> list[Flowable]:
    if not item.overdue:
        return [Paragraph(escape(item.due), sheet["cell"])]
    label = escape(translate_in(language, _OVERDUE))
    red = ALERT.hexval()
    return [
        Paragraph(f'<font color="{red}">{escape(item.due)}</font>', sheet["cell"]),
        Paragraph(f'<font color="{red}"><b>{label}</b></font>', sheet["cell"]),
    ]


def _items_table(theme: ReportTheme, sheet: Any, language: str) -> Table:
    header = [
        Paragraph(escape(translate_in(language, label)), sheet["table_header"])
        for label in (_STEP, _STATUS, _OWNER, _DUE)
    ]
    rows: list[list[Any]] = [header]
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for number, item in enumerate(theme.items, start=1):
        step = _step_cells(item, sheet, language)
        first, last = len(rows), len(rows) + len(step) - 1
        rows.append(
            [
                step[0],
                _status_cell(item, sheet),
                Paragraph(escape(item.owner), sheet["cell"]),
                _due_cell(item, sheet, language),
            ]
        )
        rows += [[more, "", "", ""] for more in step[1:]]
        if first < last:
            style.append(("BOTTOMPADDING", (0, first), (-1, last - 1), 0))
            style.append(("TOPPADDING", (0, first + 1), (-1, last), 0))
        style.append(("LINEBELOW", (0, last), (-1, last), 0.4, RULE))
        if number % 2 == 0:
            style.append(("BACKGROUND", (0, first), (-1, last), SHADE))
        if item.overdue:
            style.append(("LINEBEFORE", (0, first), (0, last), 2, ALERT))
    table = Table(rows, colWidths=_COLUMNS, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def build_story(report: ChecklistReport) -> list[Flowable]:
    """The report's flowables (exposed for documents that embed the checklist)."""
    sheet = styles()
    language = report.language
    story: list[Flowable] = [Paragraph(escape(report.title), sheet["title"])]
    if report.subtitle:
        story.append(Paragraph(escape(report.subtitle), sheet["subtitle"]))
    story.append(_progress(report.settled, report.total, sheet["body"], language))
    for theme in report.themes:
        # A theme heading never ends a page alone: keep room for it and a few rows.
        story.append(CondPageBreak(45 * mm))
        story.append(Paragraph(escape(theme.title), sheet["heading"]))
        story.append(_progress(theme.settled, theme.total, sheet["small"], language))
        if theme.items:
            story.append(Spacer(1, 2.5 * mm))
            story.append(_items_table(theme, sheet, language))
    return story


def write_checklist_report(report: ChecklistReport, target: Path) -> None:
    """Write ``report`` as a PDF to ``target``; raises ``KnownError`` when it cannot be written.

    The file is written beside the target and renamed into place: never half-written.
    """
    info = DocumentInfo(
        title=report.title,
        language=report.language,
        created=report.created,
        subject=translate_in(report.language, _SUBJECT),
    )
    build_pdf(Path(target), build_story(report), info)
