"""The end of formal minutes (and of an extract): who checked the minutes and when, the public
display, and as the last section the rectification and appeal instructions."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from desktop.documents import meeting_pdf_text as w
from desktop.documents.document_language import label, primary
from desktop.documents.meeting_pdf_style import LABEL_ROOM, bulleted, paragraphs
from desktop.documents.pdf_common import escape
from desktop.i18n.formatting import format_date
from desktop.services.meeting_document import DocItem, MeetingDocument
from desktop.storage.models.enums import DecisionType, ItemType


def _heading(message: str, language: str, sheet: StyleSheet1) -> list[Flowable]:
    return [CondPageBreak(LABEL_ROOM * 2), Paragraph(escape(label(language, message)),
                                                     sheet["section_heading"])]


def checked(doc: MeetingDocument, language: str, sheet: StyleSheet1) -> list[Flowable]:
    """"Checked by Åsa Öhman on 4.12.2026", one line a checker who has checked."""
    date_language = primary(language)
    if not doc.checked:
        return []
    return [Spacer(1, 2 * mm)] + [Paragraph(escape(label(language, w.CHECKED_BY, name=name,
                                   date=format_date(on, date_language))), sheet["body"])
            for name, on in doc.checked]  # fmt: skip


def public_display(doc: MeetingDocument, language: str, sheet: StyleSheet1) -> list[Flowable]:
    """Where and from when the public may read the minutes; nothing before a date is set."""
    if doc.display_date is None:
        return []
    date = format_date(doc.display_date, primary(language))
    place = doc.display_place.strip()
    text = (label(language, w.ON_DISPLAY, date=date, place=place) if place
            else label(language, w.ON_DISPLAY_NO_PLACE, date=date))
    return [*_heading(w.PUBLIC_DISPLAY, language, sheet), Paragraph(escape(text), sheet["body"])]


def is_information(item: DocItem) -> bool:
    return item.item_type == ItemType.INFORMATION or item.decision_type == DecisionType.NOTED


def appeal(
    doc: MeetingDocument, items: Sequence[DocItem], language: str, sheet: StyleSheet1
) -> list[Flowable]:
    """The rectification and appeal instructions for ``items``: which § are open to a request
    for rectification, by when and to whom, which are not and why, then the instructions'
    text."""
    if not items:
        return []
    body, bullet = sheet["body"], sheet["bullet_text_flush"]
    open_ = [item.section for item in items if item.appealable]
    information = [item.section for item in items if not item.appealable and is_information(item)]
    preparatory = [item.section for item in items
                   if not item.appealable and not is_information(item)]
    story = _heading(w.APPEAL, language, sheet)
    if open_:
        story.append(Paragraph(escape(label(language, w.APPEALABLE,
                                            sections=w.sections(open_))), sheet["body_bold"]))
        if doc.appeal_deadline is not None:
            date = format_date(doc.appeal_deadline, primary(language))
            story.append(Paragraph(escape(label(language, w.APPEAL_DEADLINE, date=date)), body))
        if doc.appeal_authority.strip():
            authority = label(language, w.APPEAL_AUTHORITY, authority=doc.appeal_authority.strip())
            story.append(Paragraph(escape(authority), body))
    else:
        story.append(Paragraph(escape(label(language, w.NOTHING_APPEALABLE)), sheet["body_bold"]))
    if preparatory or information:
        story.append(Paragraph(escape(label(language, w.NOT_APPEALABLE)), sheet["label_flush"]))
        if preparatory:
            story += bulleted(label(language, w.PREPARATORY, sections=w.sections(preparatory)),
                              bullet)
        if information:
            story += bulleted(label(language, w.INFORMATION_ONLY,
                                    sections=w.sections(information)), bullet)
    if open_ and doc.appeal_text.strip():
        story += paragraphs(doc.appeal_text, sheet["body_text"])
    return story
