"""The checklist toward a region of participation and trust, grouped by theme."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QProgressBar, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.i18n import _, current_language
from desktop.services import checklist
from desktop.services.vocabulary import label
from desktop.storage.models.enums import ChecklistStatus
from desktop.storage.store import Store
from desktop.ui.pages.base import Page


class ChecklistPage(Page):
    watches = ("checklist_item",)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Checklist: a region of participation and trust"))
        self.progress = QProgressBar(self)
        self.layout_.addWidget(self.progress)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_("Step"), _("Status"), _("Owner")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.layout_.addWidget(self.tree)
        self.refresh()

    def refresh(self) -> None:
        language = current_language()
        self.tree.clear()
        with self.store.read() as session:
            done, total = checklist.progress(session)
            themes: dict[str, QTreeWidgetItem] = {}
            for item in checklist.list_items(session):
                parent = themes.get(item.theme)
                if parent is None:
                    parent = QTreeWidgetItem(self.tree, [checklist.theme_title(item.theme, language)])
                    parent.setFirstColumnSpanned(True)
                    themes[item.theme] = parent
                QTreeWidgetItem(
                    parent, [item.title(language), label(ChecklistStatus, item.status), item.owner]
                )
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(_("{done} of {total} steps done").format(done=done, total=total))
        self._done, self._total = done, total

    def status_text(self) -> str:
        return _("{done} of {total} steps done").format(done=self._done, total=self._total)
