"""What every page shares: a title, a table over rows, a refresh when its tables change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.storage.store import Store
from desktop.storage.tracking import Changes
from desktop.ui.tablemodel import RowTableModel


class Page(QWidget):
    #: Tables whose changes make this page redraw.
    watches: Sequence[str] = ()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.layout_ = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.layout_.addWidget(self.title)

    def refresh(self) -> None:
        """Reload from the store."""

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*self.watches):
            self.refresh()

    def status_text(self) -> str:
        return ""

    def save_edits(self) -> bool:
        """Save what the page's forms hold before the window closes or another database
        opens; False when a save was refused or cancelled: the officer stays with the edits."""
        return True

    def drop_edits(self) -> None:
        """Forget the forms' unsaved edits: the officer chose to go on without them."""

    def notify(self, text: str, milliseconds: int = 8000) -> None:
        """A passing message in the main window's status bar (pages also live alone in tests)."""
        window = self.window()
        status_bar = getattr(window, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(text, milliseconds)


def make_table(model: RowTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def fit_columns(view: QTableView, cap: int = 300) -> None:
    """Size columns to their contents, but keep long texts from pushing the others off screen."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(100)  # look at the first rows only: fast on any table size
    view.resizeColumnsToContents()
    for column in range(header.count()):
        view.setColumnWidth(column, min(view.columnWidth(column), cap))
    view.setWordWrap(False)
