"""The invitation e-mail of a meeting as ready text: a subject line and a body listing the agenda.

The secretary copies it to the clipboard and pastes it into the e-mail program; the agenda PDF and
the calendar invitation (:mod:`meeting_ics`) go as attachments. Written in the meeting's language,
every fixed phrase in both languages for a bilingual meeting.
"""

from __future__ import annotations

from desktop.documents import meeting_text as t
from desktop.documents.document_language import label, languages, primary
from desktop.i18n import N_, NP_
from desktop.i18n.formatting import format_date
from desktop.services.meeting_document import MeetingDocument

SUBJECT = N_("Subject")
INVITATION = N_("Meeting invitation: {meeting}, {date}")
GREETING = N_("Hello,")
INVITED = N_("You are invited to the meeting below.")
MEETING = NP_("invitation", "Meeting")
WELCOME = N_("Welcome!")
REGARDS = N_("Best regards,")


def invitation_subject(doc: MeetingDocument, language: str | None = None) -> str:
    """``Kokouskutsu: Pohjanmaan kumppanuuspöytä 3/2026, 2.12.2026``."""
    lang = language or doc.language
    meeting = f"{doc.body} {t.reference(doc)}"
    return label(lang, INVITATION, meeting=meeting, date=format_date(doc.date, primary(lang)))


def invitation_body(doc: MeetingDocument, language: str | None = None) -> str:
    """The e-mail's text: greeting, the meeting's time and place, the agenda by §, the sender."""
    lang = language or doc.language
    languages(lang)
    lines = [label(lang, GREETING), "", label(lang, INVITED), ""]
    details: list[tuple[str, str]] = [
        (MEETING, f"{doc.body} {t.reference(doc)}"),
        (t.TIME, t.when(doc, lang)),
        (t.PLACE, doc.place.strip()),
        (t.ONLINE, doc.online_link.strip()),
    ]
    lines += [f"{label(lang, name)}: {value}" for name, value in details if value]
    if doc.items:
        lines += ["", f"{label(lang, t.TITLES[t.DocumentKind.AGENDA])}:"]
        lines += [f"{t.section(item.section)} {_one_line(item.title)}" for item in doc.items]
    lines += ["", label(lang, WELCOME), "", label(lang, REGARDS)]
    if doc.secretary:
        lines.append(doc.secretary)
    return "\n".join(lines) + "\n"


def invitation_text(doc: MeetingDocument, language: str | None = None) -> str:
    """The subject line, a blank line and the body, ready to copy."""
    lang = language or doc.language
    subject = f"{label(lang, SUBJECT)}: {invitation_subject(doc, lang)}"
    return f"{subject}\n\n{invitation_body(doc, lang)}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
