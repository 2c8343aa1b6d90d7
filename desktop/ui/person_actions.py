"""Exporting and erasing one person's data: shared by the contact dialog and the review list."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.documents.person_export import write_person_json, write_person_pdf
from desktop.i18n import LANGUAGES, _, current_language
from desktop.services.personal_data import erase_person, person_report
from desktop.storage.store import Store

ERASE_BOX = "eraseConfirmation"
_SUFFIXES = {".pdf", ".json"}


def ask_export(parent: QWidget, store: Store, person_id: uuid.UUID, name: str) -> Path | None:
    """Ask where to write everything kept about the person (PDF or JSON), and write it."""
    default = Path.home() / (re.sub(r'[\\/:*?"<>|]+', " ", name).strip() + ".pdf")
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, _("Export personal data"), str(default), _("PDF (*.pdf);;JSON (*.json)"))
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() not in _SUFFIXES:
        target = target.with_suffix(".json" if "json" in chosen_filter.lower() else ".pdf")
    export_person(store, person_id, target)
    return target


def export_person(store: Store, person_id: uuid.UUID, target: Path) -> None:
    """JSON or PDF by the suffix; the PDF in the person's preferred language (it is for them)."""
    with store.read() as session:
        report = person_report(session, person_id, current_language())
        if report.preferred_language in LANGUAGES and report.preferred_language != report.language:
            report = person_report(session, person_id, report.preferred_language)
    if target.suffix.lower() == ".json":
        write_person_json(report, target)
    else:
        write_person_pdf(report, target)


def confirm_and_erase(parent: QWidget, store: Store, person_id: uuid.UUID, name: str) -> bool:
    """Ask plainly, naming the person, then erase them everywhere; True when erased."""
    box = QMessageBox(parent)
    box.setObjectName(ERASE_BOX)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Erase a person"))
    box.setText(_("Erase {name} everywhere?").format(name=name))
    box.setInformativeText(_(
        "Their contact details, their links to organisations, bodies and activities, and the "
        "personal values in the change log are removed for good. This cannot be undone. "
        "Export their data first if it is needed."))
    erase = box.addButton(_("Erase {name}").format(name=name), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    if box.clickedButton() is not erase:
        return False
    erase_person(store, person_id)
    return True
