"""A meeting's documents from the editor: the agenda and minutes PDFs, the calendar invitation
and the invitation e-mail, in the language chosen (the meeting's by default)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop.documents import meeting_pdf_text as w
from desktop.documents import meeting_text as t
from desktop.documents.document_language import label, primary
from desktop.documents.files import safe_file_name
from desktop.i18n import N_, _
from desktop.services.meeting_document import build_document
from desktop.services.meetings.editor import MeetingView
from desktop.services.meetings.public_version import PublicVersion, public_version
from desktop.storage.models.enums import RecordKind
from desktop.storage.store import Store
from desktop.ui.meetings.common import attempt
from desktop.ui.meetings.extract_dialog import ExtractDialog
from desktop.ui.meetings.public_version_dialog import PublicVersionDialog
from desktop.ui.worker import run_with_progress

PUBLIC = N_("public")  # in a file name: "Pöytäkirja 3-2026 Pohjanmaan kumppanuuspöytä (julkinen)"
# Where the last document went: the next one is offered the same folder.
_folder: list[Path] = []


def file_name(kind: t.DocumentKind | str, view: MeetingView, language: str, suffix: str = ".pdf",
              extra: str = "") -> str:
    """``Esityslista 3-2026 Pohjanmaan kumppanuuspöytä.pdf`` in the document's (first) language;
    ``kind`` is a document kind or a title's msgid (a memo's, an extract's)."""
    lang = primary(language)
    if kind == t.DocumentKind.MINUTES and view.record_kind == RecordKind.MEMO:
        kind = w.MEMO
    title = label(lang, t.TITLES[kind] if isinstance(kind, t.DocumentKind) else kind)
    name = f"{title} {view.number}-{view.year} {view.body_in(lang)}{extra}"
    return safe_file_name(name) + suffix


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
    target = _ask_target(parent, title, safe_file_name(name) + ".ics",
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


def open_extract(parent: QWidget, store: Store, view: MeetingView, language: str,
                 done: Callable[[Path], None]) -> ExtractDialog:
    """The § chooser; on OK, ask where and write the extract, then ``done(path)``."""
    dialog = ExtractDialog([(item.section, item.title) for item in view.items], view.secretary,
                           parent=parent)

    def write() -> None:
        path = write_extract(parent, store, view, language, dialog.sections(),
                             dialog.certifier.text().strip())
        if path is not None:
            done(path)

    dialog.accepted.connect(write)
    dialog.open()
    return dialog


def write_extract(parent: QWidget, store: Store, view: MeetingView, language: str,
                  sections: list[int], certifier: str) -> Path | None:
    from desktop.documents.meeting_extract import write_extract as write

    title = _("Extract from the minutes")
    numbers = " ".join(f"§ {n}" for n in sorted(sections)[:6])
    name = file_name(w.EXTRACT, view, language, extra=f" {numbers}")
    target = _ask_target(parent, title, name, _("PDF files (*.pdf)"))
    if target is None:
        return None

    def work() -> None:
        write(build_document(store, view.id, language), sections, target, language, certifier)

    done = attempt(parent, title, lambda: run_with_progress(parent, _("Writing {name}…").format(
        name=target.name), work) or True)
    return target if done else None


def open_public_version(parent: QWidget, store: Store, view: MeetingView, language: str,
                        done: Callable[[Path], None]) -> PublicVersionDialog | None:
    """Redact the minutes, show every removal; on OK, ask where and write, then ``done(path)``."""
    title = _("Public version of the minutes")

    def make() -> PublicVersion:
        return public_version(store, build_document(store, view.id, language))

    version = attempt(parent, title, lambda: run_with_progress(
        parent, _("Preparing the public version…"), make))
    if version is None:
        return None
    dialog = PublicVersionDialog(version, parent)

    def write() -> None:
        path = write_public(parent, version, view, language)
        if path is not None:
            done(path)

    dialog.accepted.connect(write)
    dialog.open()
    return dialog


def write_public(parent: QWidget, version: PublicVersion, view: MeetingView, language: str) -> Path | None:
    from desktop.documents.meeting_pdf import write_minutes

    title = _("Public version of the minutes")
    extra = f" ({label(primary(language), PUBLIC)})"
    target = _ask_target(parent, title, file_name(t.DocumentKind.MINUTES, view, language, extra=extra),
                         _("PDF files (*.pdf)"))
    if target is None:
        return None
    done = attempt(parent, title, lambda: write_minutes(version.document, target, language, public=True)
                   or True)
    return target if done else None
