"""Checklists toward a region of participation and trust: progress per theme, overdue first."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import LANGUAGES, _, current_language
from desktop.i18n.formatting import format_date
from desktop.services import checklist
from desktop.services.vocabulary import label
from desktop.storage.models.enums import ChecklistStatus
from desktop.storage.store import Store
from desktop.ui.dialogs.checklist_compare import CompareDialog
from desktop.ui.dialogs.checklist_item import ChecklistItemDialog
from desktop.ui.dialogs.checklist_new import NewChecklistDialog
from desktop.ui.pages.base import Page
from desktop.ui.worker import run_with_progress

ITEM_ID = Qt.ItemDataRole.UserRole


class ChecklistPage(Page):
    watches = ("checklist", "checklist_theme", "checklist_item", "checklist_comment", "checklist_template")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Checklist: a region of participation and trust"))
        bar = QHBoxLayout()
        self.chooser = QComboBox(self)
        self.chooser.setMinimumContentsLength(40)
        self.chooser.currentIndexChanged.connect(lambda _index: self._fill())
        bar.addWidget(self.chooser, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("new", _("New checklist…"), self.new_checklist),
            ("theme", _("Add theme…"), self.add_theme),
            ("step", _("Add step…"), self.add_step),
            ("compare", _("Compare…"), self.compare),
            ("report", _("PDF report…"), self.report),
            ("template", _("Save as template…"), self.save_as_template),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        self.layout_.addLayout(bar)
        self.progress = QProgressBar(self)
        self.layout_.addWidget(self.progress)
        self.theme_grid = QGridLayout()
        self.layout_.addLayout(self.theme_grid)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_("Step"), _("Status"), _("Owner"), _("Due date")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemActivated.connect(lambda item, _column: self.open_item(item))
        self.layout_.addWidget(self.tree, 1)
        self._done, self._total = 0, 0
        self.refresh()

    # -- reading -------------------------------------------------------------------------

    def current_id(self) -> uuid.UUID | None:
        # Combo boxes hold ids as text: Qt compares the data of findData() by value.
        data = self.chooser.currentData()
        return uuid.UUID(data) if data else None

    def refresh(self) -> None:
        keep = self.current_id()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        with self.store.read() as session:
            for item in checklist.list_checklists(session):
                self.chooser.addItem(item.name, str(item.id))
        index = self.chooser.findData(str(keep)) if keep is not None else 0
        self.chooser.setCurrentIndex(max(index, 0))
        self.chooser.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        language = current_language()
        self.tree.clear()
        _clear_layout(self.theme_grid)
        checklist_id = self.current_id()
        for key in ("theme", "step", "compare", "report", "template"):
            self.buttons[key].setEnabled(checklist_id is not None)
        if checklist_id is None:
            self._done, self._total = 0, 0
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat(_("No checklist yet: start one from the template."))
            return
        today = dt.date.today()
        with self.store.read() as session:
            self._done, self._total = checklist.progress(session, checklist_id)
            for row, theme in enumerate(checklist.theme_progress(session, checklist_id, language)):
                self.theme_grid.addWidget(QLabel(theme.title), row, 0)
                bar = QProgressBar()
                bar.setRange(0, max(theme.total, 1))
                bar.setValue(theme.settled)
                bar.setFormat(f"{theme.settled} / {theme.total}")
                bar.setMaximumHeight(16)
                self.theme_grid.addWidget(bar, row, 1)
            ordered = checklist.items_overdue_first(session, checklist_id, today)
            overdue = [i for i in ordered if checklist.is_overdue(i, today)]
            if overdue:
                group = QTreeWidgetItem(self.tree, [_("Overdue")])
                group.setFirstColumnSpanned(True)
                group.setForeground(0, QBrush(QColor("#b00020")))
                for item in overdue:
                    self._add_row(group, item, language, overdue=True)
            groups: dict[str, QTreeWidgetItem] = {}
            for item in checklist.list_items(session, checklist_id):
                parent = groups.get(item.theme)
                if parent is None:
                    title = checklist.theme_title(item.theme, language, session, checklist_id)
                    parent = QTreeWidgetItem(self.tree, [title])
                    parent.setFirstColumnSpanned(True)
                    font = QFont()
                    font.setBold(True)
                    parent.setFont(0, font)
                    groups[item.theme] = parent
                self._add_row(parent, item, language, overdue=checklist.is_overdue(item, today))
        self.tree.expandAll()
        for column in (1, 2, 3):
            self.tree.resizeColumnToContents(column)
        self.progress.setRange(0, max(self._total, 1))
        self.progress.setValue(self._done)
        self.progress.setFormat(_("{done} of {total} steps done").format(done=self._done, total=self._total))

    def _add_row(self, parent: QTreeWidgetItem, item: checklist.ChecklistItem, language: str,
                 overdue: bool) -> None:
        row = QTreeWidgetItem(parent, [item.title(language), label(ChecklistStatus, item.status),
                                       item.owner, format_date(item.due_on)])
        row.setData(0, ITEM_ID, item.id)
        row.setToolTip(0, item.title(language))
        if overdue:
            row.setForeground(3, QBrush(QColor("#b00020")))

    def status_text(self) -> str:
        return _("{done} of {total} steps done").format(done=self._done, total=self._total)

    # -- actions -------------------------------------------------------------------------

    def open_item(self, row: QTreeWidgetItem) -> ChecklistItemDialog | None:
        item_id = row.data(0, ITEM_ID)
        if item_id is None:
            return None
        dialog = ChecklistItemDialog(self.store, item_id, self)
        dialog.open()
        return dialog

    def new_checklist(self) -> NewChecklistDialog:
        dialog = NewChecklistDialog(self.store, self)

        def create() -> None:
            name, year, municipality = dialog.values()
            checklist_id, _changes = checklist.create_checklist(self.store, name, year, municipality)
            self.chooser.setCurrentIndex(self.chooser.findData(str(checklist_id)))

        dialog.accepted.connect(create)
        dialog.open()
        return dialog

    def add_theme(self) -> None:
        checklist_id = self.current_id()
        title, ok = QInputDialog.getText(self, _("Add theme"), _("Title of the new theme:"))
        if ok and title.strip() and checklist_id is not None:
            checklist.add_theme(self.store, checklist_id, title.strip())

    def add_step(self) -> None:
        checklist_id = self.current_id()
        if checklist_id is None:
            return
        with self.store.read() as session:
            themes = [(t.title(current_language()), t.key) for t in checklist.themes(session, checklist_id)]
        names = [f"{n}. {name}" for n, (name, _key) in enumerate(themes, start=1)]
        theme, ok = QInputDialog.getItem(self, _("Add step"), _("Theme:"), names, 0, False)
        if not ok:
            return
        title, ok = QInputDialog.getText(self, _("Add step"), _("The new step:"))
        if ok and title.strip():
            # By position, not by title: two themes may share a title.
            checklist.add_item(self.store, checklist_id, themes[names.index(theme)][1], title.strip())

    def compare(self) -> CompareDialog | None:
        checklist_id = self.current_id()
        if checklist_id is None:
            return None
        dialog = CompareDialog(self.store, checklist_id, self)
        dialog.open()
        return dialog

    def report(self) -> None:
        checklist_id = self.current_id()
        if checklist_id is None:
            return
        languages = [name for _locale, name in LANGUAGES.values()]
        codes = list(LANGUAGES)
        choice, ok = QInputDialog.getItem(self, _("PDF report"), _("Language of the report:"), languages,
                                          codes.index(current_language()), False)
        if not ok:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("PDF report"), f"{self.chooser.currentText()}.pdf", _("PDF files (*.pdf)"))
        if name:
            self.write_report(checklist_id, Path(name), codes[languages.index(choice)])

    def write_report(self, checklist_id: uuid.UUID, target: Path, language: str) -> None:
        from desktop.documents.checklist_report import write_checklist_report

        def work() -> None:
            with self.store.read() as session:
                data = checklist.report_data(session, checklist_id, language)
            write_checklist_report(data, target)

        try:
            run_with_progress(self, _("Writing the report…"), work)
        except KnownError as exc:
            QMessageBox.warning(self, _("PDF report"), str(exc))
            return
        self.notify(_("Report written to {path}.").format(path=target))

    def save_as_template(self) -> None:
        checklist_id = self.current_id()
        if checklist_id is None:
            return
        note, ok = QInputDialog.getText(
            self, _("Save as template"),
            _("New checklists will start from this checklist's themes and steps. What changed?"))
        if ok:
            version, _changes = checklist.save_as_template(self.store, checklist_id, note.strip())
            self.notify(_("Template version {version} saved.").format(version=version))


def _clear_layout(layout: QGridLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget()
        if widget is not None:
            widget.deleteLater()
