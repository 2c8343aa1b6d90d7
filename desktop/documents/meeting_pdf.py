"""A meeting's agenda and minutes as A4 PDFs, in the meeting's language or bilingual (``fi+sv``).

The minutes are formal minutes (*pöytäkirja*: decisions by type, signatures, checking, public
display, rectification instructions) or, for an advisory body, a memo (*muistio*: what was
discussed and agreed). Both render a :class:`~desktop.services.meeting_document.MeetingDocument` and nothing else, so
they never touch the database. Fixed labels are translated into the document's language (both
languages for a bilingual meeting); the codes of roles, presence, item types and action status
are printed as their labels; the user's texts are printed literally (``<b>`` stays five
characters). The page frame, the embedded font and the page numbers ``2 (5)`` come from
:mod:`pdf_common`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Paragraph, Table, TableStyle

from desktop.documents import meeting_pdf_text as w
from desktop.documents import meeting_text as t
from desktop.documents.document_language import code_label, label, languages, primary
from desktop.documents.meeting_pdf_decisions import decided
from desktop.documents.meeting_pdf_legality import appeal, checked, public_display
from desktop.documents.meeting_pdf_style import (
    HEADING_ROOM,
    WIDTH,
    bulleted,
    labelled,
    paragraphs,
    sheet,
)
from desktop.documents.meeting_pdf_tables import (
    actions_table,
    attendance_table,
    invited_table,
    signatures,
    workshop_table,
)
from desktop.documents.meeting_text import DocumentKind
from desktop.documents.pdf_common import (
    ACCENT,
    RULE,
    DocumentInfo,
    build_pdf,
    escape,
    render_pdf,
)
from desktop.i18n.formatting import format_date
from desktop.services.meeting_document import DocItem, MeetingDocument
from desktop.storage.models.enums import ItemType

_META_LABEL_WIDTH = 34 * mm


def write_agenda(doc: MeetingDocument, path: Path, language: str | None = None) -> None:
    """Write the agenda of ``doc`` to ``path`` (in ``language``, the meeting's by default).

    The file is written beside the target and renamed into place; raises ``KnownError`` when it
    cannot be written or the language is unknown."""
    _write(DocumentKind.AGENDA, doc, Path(path), language, public=False)


def write_minutes(
    doc: MeetingDocument, path: Path, language: str | None = None, public: bool = False
) -> None:
    """Write the minutes of ``doc`` (a memo when its record kind is ``memo``) to ``path``; see
    :func:`write_agenda`. ``public`` marks a document redacted by
    :mod:`desktop.services.meetings.public_version` as the public version."""
    _write(DocumentKind.MINUTES, doc, Path(path), language, public)


def render(
    kind: DocumentKind, doc: MeetingDocument, language: str | None = None, public: bool = False
) -> bytes:
    """The agenda or minutes as PDF bytes, without writing a file."""
    lang = language or doc.language
    return render_pdf(build_story(kind, doc, lang, public), _info(kind, doc, lang))


def _write(
    kind: DocumentKind, doc: MeetingDocument, path: Path, language: str | None, public: bool
) -> None:
    lang = language or doc.language
    build_pdf(path, build_story(kind, doc, lang, public), _info(kind, doc, lang))


def _info(kind: DocumentKind, doc: MeetingDocument, language: str) -> DocumentInfo:
    title = w.record_title(kind, doc, language)
    return DocumentInfo(
        title=f"{doc.body} – {title}",
        language=language,
        created=dt.date.today(),
        subject=title.rsplit(" ", 1)[0],
    )


def build_story(
    kind: DocumentKind, doc: MeetingDocument, language: str, public: bool = False
) -> list[Flowable]:
    """The document's flowables: the header, who is invited or was there, the items; formal
    minutes end with the signature lines, the checking, the approval, the public display and
    the rectification instructions, a memo with its items."""
    languages(language)  # an unknown language fails before any layout
    styles = sheet()
    minutes = kind == DocumentKind.MINUTES
    memo = minutes and w.is_memo(doc)
    story: list[Flowable] = header(w.record_title(kind, doc, language), doc, language, styles)
    if public:
        story.append(Paragraph(escape(label(language, w.PUBLIC_VERSION)), styles["public_notice"]))
    if doc.attendees:
        heading = (w.PARTICIPANTS if memo else t.ATTENDANCE) if minutes else t.INVITED
        story.append(Paragraph(escape(label(language, heading)), styles["section_heading"]))
        table = attendance_table if minutes else invited_table
        story.append(table(doc.attendees, language, styles))
    for item in doc.items:
        story += memo_item(item, language, styles) if memo else item_story(
            item, minutes, language, styles)
    if minutes and not memo:
        story += signatures(doc.chair, doc.secretary, doc.minute_checkers, language, styles)
        story += checked(doc, language, styles)
        if doc.approved_on is not None:
            date = format_date(doc.approved_on, primary(language))
            text = label(language, t.APPROVED_ON, date=date)
            story.append(Paragraph(escape(text), styles["notice"]))
    if minutes:
        bullet = styles["bullet_text"]
        corrections = [p for c in doc.corrections for p in bulleted(c, bullet)]
        story += labelled(t.CORRECTIONS, corrections, language, styles)
    if minutes and not memo:
        story += public_display(doc, language, styles)
        story += appeal(doc, doc.items, language, styles)  # the last section, as the law has it
    return story


def header(title: str, doc: MeetingDocument, language: str, styles: StyleSheet1) -> list[Flowable]:
    """The body, the title with the meeting's number, then time, place and online link."""
    rows: list[list[object]] = [
        [Paragraph(escape(label(language, t.TIME)), styles["cell_bold"]),
         Paragraph(escape(t.when(doc, language)), styles["cell"])],
    ]  # fmt: skip
    if doc.place:
        rows.append(
            [Paragraph(escape(label(language, t.PLACE)), styles["cell_bold"]),
             Paragraph(escape(doc.place), styles["cell"])]
        )  # fmt: skip
    if doc.online_link:
        rows.append(
            [Paragraph(escape(label(language, t.ONLINE)), styles["cell_bold"]),
             Paragraph(_link(doc.online_link), styles["link"])]
        )  # fmt: skip
    details = Table(rows, colWidths=(_META_LABEL_WIDTH, WIDTH - _META_LABEL_WIDTH), hAlign="LEFT")
    details.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, 0), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
            ]
        )
    )
    return [
        Paragraph(escape(doc.body), styles["body_name"]),
        Paragraph(escape(title), styles["doc_title"]),
        details,
    ]


def _link(url: str) -> str:
    """The online link as printed text that is also clickable when it is a web address."""
    text = escape(url.strip())
    if not url.strip().lower().startswith(("https://", "http://")):
        return text
    href = escape(url.strip()).replace('"', "&quot;")
    return f'<a href="{href}" color="{ACCENT.hexval()}">{text}</a>'


def _item_heading(item: DocItem, styles: StyleSheet1) -> list[Flowable]:
    """A rule, then ``§ 12`` in the § column (as the paragraph's bullet) and the title beside it."""
    return [
        HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=5 * mm, spaceAfter=3 * mm),
        Paragraph(escape(item.title), styles["item_title"], bulletText=t.section(item.section)),
    ]


def _meta(item: DocItem, language: str) -> str:
    """The item's type, presenter and time allotted on one line."""
    parts = [code_label(language, ItemType, item.item_type)]
    if item.presenter:
        parts.append(f"{label(language, t.PRESENTER)}: {item.presenter}")
    if item.minutes_allotted:
        minutes = label(language, t.MINUTES_ALLOTTED, minutes=item.minutes_allotted)
        parts.append(f"{label(language, t.TIME_ALLOTTED)}: {minutes}")
    return " · ".join(parts)


def item_story(item: DocItem, minutes: bool, language: str, styles: StyleSheet1) -> list[Flowable]:
    """An item of the agenda (``minutes`` false) or of formal minutes."""
    text, bullet = styles["text"], styles["bullet_text"]
    story = _item_top(item, language, styles)
    story += labelled(t.BACKGROUND, paragraphs(item.background, text), language, styles)
    story += labelled(t.PROPOSAL, paragraphs(item.proposal, text), language, styles)
    if minutes:
        story += labelled(t.DISCUSSION, paragraphs(item.discussion, text), language, styles)
        story += decided(item, language, styles)
        if item.workshop:
            story += labelled(t.WORKSHOP_RESULTS, [workshop_table(item.workshop, language, styles)],
                              language, styles)  # fmt: skip
        corrections = [p for c in item.corrections for p in bulleted(c, bullet)]
        story += labelled(t.CORRECTIONS, corrections, language, styles)
    return story + _item_end(item, language, styles)


def memo_item(item: DocItem, language: str, styles: StyleSheet1) -> list[Flowable]:
    """An item of a memo: what was discussed and what was agreed, without the decision's
    formalities."""
    text = styles["text"]
    story = _item_top(item, language, styles)
    story += labelled(t.BACKGROUND, paragraphs(item.background, text), language, styles)
    story += labelled(w.DISCUSSED, paragraphs(item.discussion, text), language, styles)
    story += labelled(w.AGREED, paragraphs(item.decision, text), language, styles)
    if item.workshop:
        story += labelled(t.WORKSHOP_RESULTS, [workshop_table(item.workshop, language, styles)],
                          language, styles)  # fmt: skip
    return story + _item_end(item, language, styles)


def _item_top(item: DocItem, language: str, styles: StyleSheet1) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(HEADING_ROOM),
        *_item_heading(item, styles),
        Paragraph(escape(_meta(item, language)), styles["item_meta"]),
    ]
    if item.postponed_from:
        sections = ", ".join(t.section(n) for n in item.postponed_from)
        earlier = label(language, t.EARLIER, sections=sections)
        story.append(Paragraph(escape(earlier), styles["item_meta"]))
    if item.confidential_basis:
        confidential = label(language, w.CONFIDENTIAL, basis=item.confidential_basis)
        story.append(Paragraph(escape(confidential), styles["confidential"]))
    return story


def _item_end(item: DocItem, language: str, styles: StyleSheet1) -> list[Flowable]:
    story: list[Flowable] = []
    if item.actions:  # in the agenda too: open actions are carried to the next meeting
        story += labelled(t.ACTIONS, [actions_table(item.actions, language, styles)],
                          language, styles)  # fmt: skip
    files = [p for name in item.attachments for p in bulleted(name, styles["bullet_text"])]
    return story + labelled(t.ATTACHMENTS, files, language, styles)
