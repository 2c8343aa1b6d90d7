"""Importing organisations: the report of every row first, the write only after the user agrees."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.services.register_import import ImportPlan, apply_import, plan_import
from desktop.storage.store import Store
from desktop.ui.worker import run_with_progress


class ImportDialog(QDialog):
    """Shows the plan for ``path``; Import writes it in one transaction (nothing if rows fail)."""

    def __init__(self, store: Store, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Import organisations from {name}").format(name=path.name))
        self.plan: ImportPlan = run_with_progress(
            parent, _("Reading {name}…").format(name=path.name), lambda: plan_import(store, path))
        layout = QVBoxLayout(self)
        summary = QLabel()
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.report = QPlainTextEdit("\n".join(self.plan.report_lines(current_language())))
        self.report.setReadOnly(True)
        layout.addWidget(self.report, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.plan.rejected:
            summary.setText(_("Some rows were rejected. Fix them in the file and import again; "
                              "nothing is written until every row is acceptable."))
            self.import_button.setEnabled(False)
        elif not self.plan.has_changes:
            summary.setText(_("Everything in the file is in the register already."))
            self.import_button.setEnabled(False)
        else:
            summary.setText(_("Check the rows below, then import."))
        self.resize(760, 520)

    def apply(self) -> None:
        run_with_progress(self, _("Importing…"), lambda: apply_import(self.store, self.plan))
        self.accept()
