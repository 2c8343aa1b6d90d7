"""What every Kumppani PDF shares: fonts, styles, page header and footer, and a safe write.

Documents are laid out with reportlab's platypus and built with :func:`build_pdf`, which

* embeds DejaVu Sans (from ``resources/fonts``) so that ä, ö, å and € print;
* draws the document title at the top of every page and, at the bottom, the creation date and
  the Finnish official page numbering ``2 (5)`` (page 2 of 5; the total is known only after the
  layout, so pages are held back by :class:`NumberedCanvas`-style canvases until the end);
* sets the PDF metadata (title, author "Kumppani", subject, language);
* writes the file beside the target and renames it into place, so a failure never leaves a
  half-written file, and turns I/O errors into a :class:`~desktop.errors.KnownError`.

Texts given to a ``Paragraph`` are XML-ish markup: pass user text through :func:`escape`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from desktop import paths
from desktop.documents.document_language import label, primary
from desktop.documents.files import write_atomically
from desktop.i18n import LANGUAGES, N_
from desktop.i18n.formatting import format_date

AUTHOR = "Kumppani"

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 22 * mm  # room for the running header
MARGIN_BOTTOM = 20 * mm  # room for the footer
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

# A quiet palette; ALERT is kept for things that need attention (overdue, missing).
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#c9d1db")
SHADE = colors.HexColor("#f2f5f8")
ALERT = colors.HexColor("#b42318")
GOOD = colors.HexColor("#2f7d32")

_CREATED = N_("Created {date}")


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold, oblique) and its family once per process."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    folder = paths.resources_dir() / "fonts"
    for name, filename in _FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    # <b> and <i> inside a Paragraph pick the family's faces; there is no bold oblique face.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


def styles() -> StyleSheet1:
    """Paragraph styles in DejaVu Sans: title, subtitle, heading, body, small, cell, ..."""
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, textColor=INK)
    sheet.add(base)
    sheet.add(
        ParagraphStyle(
            "title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=18,
            leading=22,
            spaceAfter=3 * mm,
            textColor=ACCENT,
        )
    )
    sheet.add(
        ParagraphStyle(
            "subtitle", parent=base, fontSize=11, leading=14, textColor=MUTED, spaceAfter=5 * mm
        )
    )
    sheet.add(
        ParagraphStyle(
            "heading",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=6 * mm,
            spaceAfter=1.5 * mm,
            textColor=ACCENT,
            keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "heading2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=4 * mm,
            spaceAfter=1 * mm,
            keepWithNext=1,
        )
    )
    sheet.add(ParagraphStyle("small", parent=base, fontSize=8.5, leading=11))
    sheet.add(
        ParagraphStyle("small_right", parent=base, fontSize=8.5, leading=11, alignment=TA_RIGHT)
    )
    sheet.add(ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5))
    sheet.add(
        ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=9, leading=11.5)
    )
    sheet.add(
        ParagraphStyle(
            "cell_small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED, spaceBefore=1
        )
    )
    sheet.add(
        ParagraphStyle(
            "cell_note",
            parent=base,
            fontName=FONT_ITALIC,
            fontSize=7.5,
            leading=9.5,
            textColor=MUTED,
            spaceBefore=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "table_header",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=8.5,
            leading=11,
            textColor=colors.white,
        )
    )
    return sheet


def escape(text: str) -> str:
    """``text`` as Paragraph markup that prints literally: ``<``, ``>``, ``&`` escaped, newlines
    as line breaks."""
    escaped = _xml_escape(text)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


@dataclass(frozen=True)
class DocumentInfo:
    """What the page frame and the PDF metadata show."""

    title: str
    # fi, sv or en: the document's language, not necessarily the UI's; "fi+sv" for a bilingual
    # document, whose frame is labelled in both and whose metadata names the first.
    language: str
    created: dt.date
    subject: str = ""


def page_number(page: int, pages: int) -> str:
    """The Finnish official page numbering: page 2 of 5 is ``2 (5)``."""
    return f"{page} ({pages})"


def _elide(text: str, font: str, size: float, width: float) -> str:
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_page_frame(canvas: Any, info: DocumentInfo, page: int, pages: int) -> None:
    """The running header (document title) and footer (creation date, ``page (pages)``)."""
    width, height = PAGE_SIZE
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)

    header_y = height - 13 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 8)
    title = " ".join(info.title.split())  # one line, whatever the title holds
    canvas.drawString(left, header_y, _elide(title, FONT, 8, right - left))
    canvas.line(left, header_y - 2 * mm, right, header_y - 2 * mm)

    footer_y = 11 * mm
    canvas.line(left, footer_y + 4 * mm, right, footer_y + 4 * mm)
    created = label(info.language, _CREATED, date=format_date(info.created, primary(info.language)))
    canvas.drawString(left, footer_y, created)
    canvas.setFont(FONT_BOLD, 8)
    canvas.setFillColor(INK)
    canvas.drawRightString(right, footer_y, page_number(page, pages))
    canvas.restoreState()


def numbered_canvas(info: DocumentInfo) -> type:
    """A canvas class for ``doc.build(canvasmaker=...)`` that draws the page frame with the total
    page count: every page is held back until ``save``, when the count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                draw_page_frame(self, info, self._pageNumber, pages)
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(story: list[Flowable], info: DocumentInfo) -> bytes:
    """The laid-out document as PDF bytes (nothing is written to disk)."""
    register_fonts()
    buffer = io.BytesIO()
    locale = LANGUAGES[primary(info.language)][0]
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title,
        author=AUTHOR,
        subject=info.subject,
        creator=AUTHOR,
        lang=locale.replace("_", "-"),
        initialFontName=FONT,
    )
    doc.build(story, canvasmaker=numbered_canvas(info))
    return buffer.getvalue()


def build_pdf(target: Path, story: list[Flowable], info: DocumentInfo) -> None:
    """Lay out ``story`` and write it to ``target`` safely (see :func:`write_atomically`)."""
    write_atomically(Path(target), render_pdf(story, info))
