"""The decision letter of a decided application, as a PDF in the organisation's language."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.services.grants import views
from desktop.storage.store import Store
from desktop.ui.grants.common import ask_save_target
from desktop.ui.meetings.common import attempt

# Where the last letter went: the next one is offered the same folder.
_folder: list[Path] = []


def export_letter(parent: QWidget, store: Store, decision_id: uuid.UUID) -> Path | None:
    """Ask where, then write the letter (Finnish or Swedish, as the organisation's first
    language); the path written, or None."""
    from desktop.documents.decision_letter import write_decision_letter

    title = _("Decision letter")
    letter = attempt(parent, title, lambda: views.letter_of(store, decision_id))
    if letter is None:
        return None
    target = ask_save_target(parent, title, views.letter_file_name(letter),
                             _("PDF files (*.pdf)"), ".pdf", _folder)
    if target is None:
        return None

    def write() -> Path:
        write_decision_letter(letter, target)
        return target

    return attempt(parent, title, write)
