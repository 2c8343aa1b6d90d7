"""A meeting's documents from the editor: the agenda and minutes PDFs, the calendar invitation
and the invitation e-mail, in the language chosen (the meeting's by default)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop.documents import meeting_text as t
from desktop.documents.document_language import label, primary
from desktop.i18n import _
from desktop.services.meeting_document import build_document
from desktop.services.meetings.editor import MeetingView
from desktop.storage.store import Store
from desktop.ui.meetings.common import attempt
from desktop.ui.worker import run_with_progress

UNSAFE = re.compile(r'[\\/:*?"<>|\n\r\t]+')
# Where the last document went: the next one is offered the same folder.
_folder: list[Path] = []


def file_name(kind: t.DocumentKind, view: MeetingView, language: str, suffix: str = ".pdf") -> str:
    """``Esityslista 3-2026 Pohjanmaan kumppanuuspöytä.pdf`` in the document's (first) language."""
    lang = primary(language)
    name = f"{label(lang, t.TITLES[kind])} {view.number}-{view.year} {view.body_in(lang)}"
    return UNSAFE.sub("-", name).strip() + suffix


def _ask_target(parent: QWidget, title: str, name: str, pattern: str) -> Path | None:
    folder = _folder[-1] if _folder else Path.home()
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(folder / name), pattern)
    if not chosen:
        return None
    target = Path(chosen)
    _folder[:] = [target.parent]
    return target


def write_pdf(parent: QWidget, store: Store, view: MeetingView, kind: t.DocumentKind,
              language: str) -> Path | None:
    """Ask where, then write the agenda or the minutes; the path written, or None."""
    from desktop.documents.meeting_pdf import write_agenda, write_minutes

    title = _("Agenda PDF") if kind == t.DocumentKind.AGENDA else _("Minutes PDF")
    target = _ask_target(parent, title, file_name(kind, view, language), _("PDF files (*.pdf)"))
    if target is None:
        return None
    writer = write_agenda if kind == t.DocumentKind.AGENDA else write_minutes

    def work() -> None:
        writer(build_document(store, view.id, language), target, language)

    done = attempt(parent, title, lambda: run_with_progress(parent, _("Writing {name}…").format(
        name=target.name), work) or True)
    return target if done else None


def write_invitation(parent: QWidget, store: Store, view: MeetingView, language: str) -> Path | None:
    from desktop.documents.meeting_ics import write_ics

    title = _("Calendar invitation")
    name = f"{view.body_in(primary(language))} {view.number}-{view.year}"
    target = _ask_target(parent, title, UNSAFE.sub("-", name) + ".ics",
                         _("Calendar files (*.ics)"))
    if target is None:
        return None
    done = attempt(parent, title, lambda: write_ics(build_document(store, view.id, language), target)
                   or True)
    return target if done else None


def copy_invitation(parent: QWidget, store: Store, view: MeetingView, language: str) -> str | None:
    """Put the invitation e-mail (subject and text listing the agenda) on the clipboard."""
    from desktop.documents.meeting_email import invitation_text

    text = attempt(parent, _("Invitation e-mail"),
                   lambda: invitation_text(build_document(store, view.id, language), language))
    if text is not None:
        QApplication.clipboard().setText(text)
    return text
