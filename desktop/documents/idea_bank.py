"""The idea bank as an Excel workbook (one row an idea) or a PDF grouped by the meeting the
ideas came from, in fi, sv or en.

The rows arrive with their labels already in the document's language
(:func:`desktop.services.ideas.search_ideas`); only the documents' own words are translated here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from desktop.documents.files import write_pdf_or_xlsx
from desktop.documents.pdf_common import (
    ACCENT,
    FRAME_WIDTH,
    RULE,
    DocumentInfo,
    build_pdf,
    escape,
    styles,
)
from desktop.documents.register_export import write_xlsx
from desktop.i18n import N_, load_translations, translate_in
from desktop.i18n.formatting import format_date
from desktop.services.ideas import IdeaRow

TITLE = N_("Idea bank")
IDEA = N_("Idea")
THEME = N_("Theme")
STATUS = N_("Status")
TAKEN_TO = N_("Taken forward to")
BODY = N_("Body")
MEETING = N_("Meeting")
DATE = N_("Date")
SECTION = N_("§")
ITEM = N_("Agenda item")
GROUP = N_("Group")
ORIGIN = N_("Origin")
NOTE = N_("Note")
HEADINGS = (IDEA, THEME, STATUS, TAKEN_TO, BODY, MEETING, DATE, SECTION, ITEM, GROUP, ORIGIN, NOTE)
_SUBJECT = N_("Ideas kept from workshops and meetings")
_WITHOUT_MEETING = N_("Ideas added without a meeting")
_EMPTY = N_("No ideas match.")


def headings(language: str) -> list[str]:
    return [translate_in(language, heading) for heading in HEADINGS]


def rows(ideas: Sequence[IdeaRow], language: str) -> list[list[str]]:
    return [
        [i.text, i.theme, i.status_label, i.taken_to, i.body, i.meeting,
         format_date(i.date, language) if i.date and i.meeting else "",
         "" if i.section is None else str(i.section), i.item_title, i.group, i.origin_label, i.note]
        for i in ideas
    ]


def write_ideas_xlsx(ideas: Sequence[IdeaRow], target: Path, language: str) -> None:
    write_xlsx(headings(language), rows(ideas, language), Path(target), translate_in(language, TITLE))


def _source_heading(idea: IdeaRow, language: str) -> str:
    if not idea.meeting:
        return translate_in(language, _WITHOUT_MEETING)
    return f"{idea.meeting} – {format_date(idea.date, language)}" if idea.date else idea.meeting


# Idea, theme, group and §, status: the idea gets most of the line.
_WIDTHS = (0.44, 0.2, 0.14, 0.22)


def _table(ideas: Sequence[IdeaRow], language: str) -> Table:
    sheet = styles()
    head = [Paragraph(escape(translate_in(language, h)), sheet["table_header"])
            for h in (IDEA, THEME, GROUP, STATUS)]
    body = []
    for idea in ideas:
        where = ", ".join(part for part in (
            idea.group, f"§\u00a0{idea.section}" if idea.section is not None else "") if part)
        status = [Paragraph(escape(idea.status_label), sheet["cell"])]
        if idea.taken_to:
            status.append(Paragraph(escape(idea.taken_to), sheet["cell_small"]))
        text = [Paragraph(escape(idea.text), sheet["cell"])]
        if idea.note:
            text.append(Paragraph(escape(idea.note), sheet["cell_note"]))
        body.append([text, Paragraph(escape(idea.theme), sheet["cell"]),
                     Paragraph(escape(where), sheet["cell"]), status])
    table = Table([head, *body], colWidths=[FRAME_WIDTH * w for w in _WIDTHS], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def build_story(ideas: Sequence[IdeaRow], language: str, title: str, subtitle: str = "") -> list[Flowable]:
    sheet = styles()
    count = load_translations(language).ngettext("{n} idea", "{n} ideas", len(ideas)).format(n=len(ideas))
    story: list[Flowable] = [
        Paragraph(escape(title), sheet["title"]),
        Paragraph(escape(" · ".join(part for part in (subtitle, count) if part)), sheet["subtitle"]),
    ]
    if not ideas:
        story.append(Paragraph(escape(translate_in(language, _EMPTY)), sheet["body"]))
    sources: list[tuple[str, list[IdeaRow]]] = []
    for idea in ideas:
        heading = _source_heading(idea, language)
        if not sources or sources[-1][0] != heading:
            sources.append((heading, []))
        sources[-1][1].append(idea)
    for heading, group in sources:
        story.append(CondPageBreak(35 * mm))  # a heading never ends a page alone
        story.append(Paragraph(escape(heading), sheet["heading2"]))
        story.append(_table(group, language))
    return story


def write_ideas_pdf(ideas: Sequence[IdeaRow], target: Path, language: str, subtitle: str = "",
                    created: dt.date | None = None) -> None:
    title = translate_in(language, TITLE)
    info = DocumentInfo(title=title, language=language, created=created or dt.date.today(),
                        subject=translate_in(language, _SUBJECT))
    build_pdf(Path(target), build_story(ideas, language, title, subtitle), info)


def write_ideas(ideas: Sequence[IdeaRow], target: Path, language: str, subtitle: str = "") -> None:
    """PDF or XLSX by the extension of ``target``; raises ``KnownError`` for another one or when
    the file cannot be written."""
    write_pdf_or_xlsx(target, lambda path: write_ideas_pdf(ideas, path, language, subtitle),
                      lambda path: write_ideas_xlsx(ideas, path, language))
