"""The look of the agenda and minutes: paragraph styles, the § column and user text as paragraphs."""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, TableStyle

from desktop.documents.document_language import label
from desktop.documents.pdf_common import (
    ACCENT,
    FONT,
    FONT_BOLD,
    FRAME_WIDTH,
    INK,
    MUTED,
    RULE,
    SHADE,
    escape,
    styles,
)

# What a flowable may fill: the frame less reportlab's default frame padding (6 pt a side).
WIDTH = FRAME_WIDTH - 12
INDENT = 20 * mm  # the § column: an item's texts start here
TEXT_WIDTH = WIDTH - INDENT

# A heading or a label never ends a page: it needs this much room for itself and a few lines.
# (Cheaper than keepWithNext, which lays out a text longer than a page twice.)
HEADING_ROOM = 45 * mm
LABEL_ROOM = 18 * mm

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def sheet() -> StyleSheet1:
    """pdf_common's styles and the meeting documents' own."""
    result = styles()
    body = result["body"]
    result.add(
        ParagraphStyle("body_name", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14)
    )
    result.add(
        ParagraphStyle(
            "doc_title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceBefore=1 * mm,
            spaceAfter=4 * mm,
        )
    )
    result.add(
        ParagraphStyle(
            "section_heading",
            parent=result["heading"],
            fontSize=12,
            leading=15,
            spaceBefore=7 * mm,
            spaceAfter=2 * mm,
        )
    )
    result.add(
        ParagraphStyle(
            "item_title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=14.5,
            leftIndent=INDENT,
            bulletIndent=0,
            bulletFontName=FONT_BOLD,
            bulletFontSize=11.5,
        )
    )
    result.add(
        ParagraphStyle(
            "item_meta",
            parent=body,
            fontSize=8.5,
            leading=11,
            textColor=MUTED,
            leftIndent=INDENT,
            spaceBefore=0.5 * mm,
        )
    )
    result.add(
        ParagraphStyle(
            "label",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=12,
            leftIndent=INDENT,
            spaceBefore=2.5 * mm,
            spaceAfter=0.5 * mm,
        )
    )
    result.add(ParagraphStyle("text", parent=body, leftIndent=INDENT, spaceAfter=1.5 * mm))
    result.add(ParagraphStyle("text_bold", parent=result["text"], fontName=FONT_BOLD))
    result.add(
        ParagraphStyle("confidential", parent=result["item_meta"], fontName=FONT_BOLD, textColor=INK)
    )
    result.add(
        ParagraphStyle(
            "bullet_text",
            parent=body,
            leftIndent=INDENT + 4 * mm,
            firstLineIndent=-4 * mm,
            spaceAfter=0.8 * mm,
        )
    )
    # The end sections run the full width, without the § column.
    result.add(ParagraphStyle("body_bold", parent=body, fontName=FONT_BOLD, spaceAfter=1 * mm))
    result.add(ParagraphStyle("public_notice", parent=result["body_bold"], textColor=ACCENT,
                              spaceBefore=2 * mm))
    result.add(ParagraphStyle("body_text", parent=body, spaceBefore=1.5 * mm, spaceAfter=1 * mm))
    result.add(ParagraphStyle("label_flush", parent=result["label"], leftIndent=0))
    result.add(
        ParagraphStyle(
            "bullet_text_flush",
            parent=result["bullet_text"],
            leftIndent=4 * mm,
            firstLineIndent=-4 * mm,
        )
    )
    result.add(ParagraphStyle("notice", parent=body, fontName=FONT_BOLD, spaceBefore=6 * mm))
    result.add(ParagraphStyle("link", parent=result["cell"], fontName=FONT, fontSize=8.5))
    result.add(ParagraphStyle("sign_label", parent=result["cell"], textColor=MUTED))
    return result


def split_paragraphs(text: str) -> list[str]:
    """User text cut at blank lines (a long text then breaks across pages between them)."""
    text = text.strip()
    return _BLANK_LINES.split(text) if text else []


def _parts(text: str) -> list[str]:
    return [escape(part) for part in split_paragraphs(text)]


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """User text as paragraphs that print literally (:func:`split_paragraphs`); a single
    newline is a line break."""
    return [Paragraph(part, style) for part in _parts(text)]


def bulleted(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """User text as :func:`paragraphs` with a bullet before the first (``style`` hangs it)."""
    parts = _parts(text)
    if parts:
        parts[0] = "• " + parts[0]
    return [Paragraph(part, style) for part in parts]


def labelled(
    heading: str, texts: list[Flowable], language: str, sheet: StyleSheet1
) -> list[Flowable]:
    """A labelled part of an item (background, proposal, decision ...); nothing when empty."""
    if not texts:
        return []
    label_paragraph = Paragraph(escape(label(language, heading)), sheet["label"])
    return [CondPageBreak(LABEL_ROOM), label_paragraph, *texts]


def grid(header: bool = True) -> TableStyle:
    """A sober table: thin rules between rows, a lightly shaded header row."""
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
    return TableStyle(commands)
