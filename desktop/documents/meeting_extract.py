"""An extract from the minutes (*pöytäkirjanote* / *protokollsutdrag*): one § or several with the
meeting's header, the certification line with place, date and signature, and the rectification
instructions for those §, for sending to the organisation a decision concerns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop.documents import meeting_pdf_text as w
from desktop.documents.document_language import label, languages
from desktop.documents.meeting_pdf import header, item_story
from desktop.documents.meeting_pdf_legality import appeal
from desktop.documents.meeting_pdf_style import sheet
from desktop.documents.meeting_pdf_tables import place_and_date, signature_row
from desktop.documents.pdf_common import DocumentInfo, build_pdf, escape
from desktop.errors import KnownError
from desktop.i18n import N_, _
from desktop.services.meeting_document import DocItem, MeetingDocument

_NO_SECTION = N_("Meeting {meeting} has no {sections}.")
_NOTHING_CHOSEN = N_("Choose at least one § for the extract.")


def chosen_items(doc: MeetingDocument, sections: Iterable[int]) -> list[DocItem]:
    """The items of ``sections`` in § order; ``KnownError`` naming any § the meeting lacks."""
    wanted = set(sections)
    if not wanted:
        raise KnownError(_(_NOTHING_CHOSEN))
    missing = wanted - {item.section for item in doc.items}
    if missing:
        raise KnownError(_(_NO_SECTION).format(meeting=f"{doc.number}/{doc.year}",
                                               sections=w.sections(missing)))
    return [item for item in doc.items if item.section in wanted]


def build_story(
    doc: MeetingDocument, sections: Iterable[int], language: str, certifier: str = ""
) -> list[Flowable]:
    """The header, the chosen items as the minutes give them, the certification (signed by
    ``certifier``, the secretary by default), then the rectification instructions."""
    languages(language)
    styles = sheet()
    items = chosen_items(doc, sections)
    story: list[Flowable] = header(w.extract_title(doc, language), doc, language, styles)
    for item in items:
        story += item_story(item, True, language, styles)
    story.append(KeepTogether([
        Paragraph(escape(label(language, w.CERTIFICATION)), styles["section_heading"]),
        Spacer(1, 2 * mm),
        place_and_date(language, styles),
        signature_row([(certifier or doc.secretary, label(language, w.SIGNATURE))], styles),
    ]))  # fmt: skip
    story += appeal(doc, items, language, styles)
    return story


def _info(doc: MeetingDocument, sections: Iterable[int], language: str) -> DocumentInfo:
    return DocumentInfo(
        title=f"{doc.body} – {w.extract_title(doc, language)} {w.sections(sections)}",
        language=language,
        created=dt.date.today(),
        subject=label(language, w.EXTRACT),
    )


def write_extract(
    doc: MeetingDocument,
    sections: Iterable[int],
    path: Path,
    language: str | None = None,
    certifier: str = "",
) -> None:
    """Write the extract of ``sections`` to ``path`` (in ``language``, the meeting's by default);
    raises ``KnownError`` for a § the meeting lacks, an unknown language or an unwritable file."""
    lang = language or doc.language
    numbers = sorted(set(sections))
    build_pdf(Path(path), build_story(doc, numbers, lang, certifier), _info(doc, numbers, lang))
