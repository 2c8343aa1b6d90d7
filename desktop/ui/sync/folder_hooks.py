"""The shared folder used unasked: the others' files imported at start, this copy's written
on exit, as the officer chose on the Sync page (see ``desktop.sync.shared_folder``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from desktop.errors import KnownError
from desktop.i18n import _, ngettext
from desktop.sync import shared_folder as folder
from desktop.ui.sync.importing import import_shared_folder
from desktop.ui.worker import run_with_progress

log = logging.getLogger(__name__)


def import_at_start(window: Any) -> None:
    """``window``: the main window (its ``store``, ``settings``, ``page`` and status bar)."""
    settings = window.settings
    if not settings.sync_folder or not settings.sync_folder_import_at_start:
        return
    try:
        results = import_shared_folder(window, window.store, Path(settings.sync_folder), ask=None)
    except KnownError as exc:
        window.statusBar().showMessage(str(exc), 15000)
        return
    news = [r for r in results if r.status not in (folder.UNCHANGED, folder.OWN)]
    if not news:
        return
    imported = sum(1 for r in news if r.status == folder.IMPORTED)
    conflicts = sum(r.report.conflicts for r in news if r.report is not None)
    text = ngettext("Shared folder: {n} file imported.", "Shared folder: {n} files imported.",
                    imported).format(n=imported)
    if conflicts:
        text += " " + ngettext("{n} conflict to resolve on the Sync page.",
                               "{n} conflicts to resolve on the Sync page.",
                               conflicts).format(n=conflicts)
    if len(news) > imported:
        text += " " + _("Some files were not imported: see the Sync page.")
    window.page("sync").show_folder_results(results)
    window.statusBar().showMessage(text, 15000)


def write_on_exit(window: Any) -> None:
    settings = window.settings
    if not settings.sync_folder or not settings.sync_folder_export_on_exit:
        return
    try:
        run_with_progress(window, _("Writing my file to the shared folder…"),
                          lambda: folder.write_outbox(window.store, Path(settings.sync_folder)),
                          window.store)
    except KnownError as exc:
        log.warning("shared folder file not written: %s", exc)
        QMessageBox.warning(window, _("Shared folder"), _(
            "Your file could not be written to the shared folder: {reason}").format(reason=exc))
