"""Importing organisations in two steps: what each column is imported as, then the report of
every row; the write only after the user agrees."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.i18n import _, current_language
from desktop.services.register_import import (
    ImportPlan,
    ImportPreview,
    apply_import,
    plan_import,
    preview,
)
from desktop.settings import Settings
from desktop.storage.store import Store
from desktop.ui.dialogs.import_mapping import ColumnMappingPage
from desktop.ui.worker import run_with_progress

log = logging.getLogger(__name__)

MAPPING, REPORT = 0, 1


class ImportDialog(QDialog):
    """Maps the columns of ``path`` (with its first rows shown), then shows the plan; Import
    writes it in one transaction (nothing while a row is rejected)."""

    def __init__(
        self,
        store: Store,
        path: Path,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.path = path
        self.settings = settings
        self.plan: ImportPlan | None = None
        self.setWindowTitle(_("Import organisations from {name}").format(name=path.name))
        self.preview: ImportPreview = run_with_progress(
            parent, _("Reading {name}…").format(name=path.name), lambda: preview(path))
        remembered = settings.import_mappings.get(self.preview.key) if settings else None
        self.mapping_page = ColumnMappingPage(self.preview, self.preview.mapping_with(remembered))

        self.report_page = QWidget()
        report_layout = QVBoxLayout(self.report_page)
        report_layout.setContentsMargins(0, 0, 0, 0)
        step = QLabel(_("Step 2 of 2: what the import does, row by row"))
        step.setStyleSheet("font-weight: 600;")
        report_layout.addWidget(step)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        report_layout.addWidget(self.summary)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        report_layout.addWidget(self.report, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.mapping_page)
        self.stack.addWidget(self.report_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        # Back, Next/Import, Cancel in this order on every platform, as wizards have them.
        row = QHBoxLayout()
        row.addStretch(1)
        self.back_button = QPushButton(_("< &Back"))
        self.next_button = QPushButton(_("&Next >"))
        self.import_button = QPushButton(_("Import"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.back_button, self.next_button, self.import_button):
            row.addWidget(button)
        row.addWidget(self.buttons)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addLayout(row)
        self.mapping_page.changed.connect(self._mapping_changed)
        self._show_step(MAPPING)
        self.resize(900, 560)

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        on_mapping = step == MAPPING
        self.back_button.setVisible(not on_mapping)
        self.next_button.setVisible(on_mapping)
        self.import_button.setVisible(not on_mapping)
        if on_mapping:
            self.import_button.setDefault(False)
            self.next_button.setDefault(True)
            self._mapping_changed()
            if self.mapping_page.combos:
                self.mapping_page.combos[0].setFocus()
        else:
            self.next_button.setDefault(False)
            self.import_button.setDefault(self.import_button.isEnabled())
            (self.import_button if self.import_button.isEnabled() else self.back_button).setFocus()

    def _mapping_changed(self) -> None:
        self.next_button.setEnabled(self.mapping_page.is_valid())

    def go_back(self) -> None:
        self._show_step(MAPPING)

    def go_next(self) -> None:
        """Plan the import with the columns as mapped now and show its report."""
        if not self.mapping_page.is_valid():
            return  # the page says why
        mapping = self.mapping_page.mapping()
        try:
            self.plan = run_with_progress(
                self, _("Checking the rows of {name}…").format(name=self.path.name),
                lambda: plan_import(self.store, self.path, mapping, table=self.preview.table),
            )
        except ValidationError as exc:
            self.mapping_page.problems.setText(str(exc))
            self.mapping_page.problems.show()
            return
        self._remember(mapping)
        self._show_report(self.plan)
        self._show_step(REPORT)

    def _remember(self, mapping: dict[str, str]) -> None:
        """The officer's choices for the next file with these headings (recognition is not)."""
        if self.settings is None:
            return
        changed = mapping if mapping != self.preview.recognised_mapping else None
        self.settings.remember_import_mapping(self.preview.key, changed)
        try:
            self.settings.save()
        except OSError as exc:  # the import does not depend on remembering the columns
            log.warning("could not save the import mapping: %s", exc)

    def _show_report(self, plan: ImportPlan) -> None:
        self.report.setPlainText("\n".join(plan.report_lines(current_language())))
        if plan.rejected:
            self.summary.setText(_("Some rows were rejected. Fix them in the file and import again; "
                                   "nothing is written until every row is acceptable."))
            self.import_button.setEnabled(False)
        elif not plan.has_changes:
            self.summary.setText(_("Everything in the file is in the register already."))
            self.import_button.setEnabled(False)
        else:
            self.summary.setText(_("Check the rows below, then import."))
            self.import_button.setEnabled(True)

    def apply(self) -> None:
        plan = self.plan
        if plan is None or self.stack.currentIndex() != REPORT:
            return
        run_with_progress(self, _("Importing…"), lambda: apply_import(self.store, plan),
                          self.store)
        self.accept()
