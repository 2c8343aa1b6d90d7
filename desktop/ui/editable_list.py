"""A table of rows with Add / Edit / Remove: double-click edits, Delete removes after asking."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


class EditableList(QWidget):
    """Rows from ``load``; the callbacks open the dialogs and write through services.

    ``removal_question(row)`` is the question asked before ``remove(row)``.
    """

    #: The number of rows after each reload.
    reloaded = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column[Any]],
        load: Callable[[], Sequence[Any]],
        add: Callable[[], object],
        edit: Callable[[Any], object],
        remove: Callable[[Any], object],
        removal_question: Callable[[Any], str],
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load, self._edit, self._remove = load, edit, remove
        self._question = removal_question
        layout = QVBoxLayout(self)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(mid);")
            layout.addWidget(note)
        self.model: RowTableModel[Any] = RowTableModel(columns, parent=self)
        self.table = make_table(self.model, self)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(self._edit_index)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        layout.addWidget(self.table)
        self.buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add…"))
        self.edit_button = QPushButton(_("Edit…"))
        self.remove_button = QPushButton(_("Remove…"))
        self.add_button.clicked.connect(lambda _checked=False: add())
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_selected())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        for button in (self.add_button, self.edit_button, self.remove_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        self._fitted = False

    def add_action(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """One more button beside Remove."""
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def reload(self) -> None:
        chosen = self.table.selectionModel().selectedRows()
        rows = list(self._load())
        self.model.set_rows(rows)
        if chosen and rows:
            # The same place in the list: after a removal, the next row, ready for the keyboard.
            self.table.selectRow(min(chosen[0].row(), len(rows) - 1))
        if rows and not self._fitted:
            fit_columns(self.table)
            self._fitted = True
        self._update_buttons()
        self.reloaded.emit(len(rows))

    def rows(self) -> list[Any]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def selected(self) -> Any | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.model.row_at(chosen[0].row()) if chosen else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def edit_selected(self) -> object:
        row = self.selected()
        return None if row is None else self._edit(row)

    def remove_selected(self) -> bool:
        """Ask, then remove the selected row; True when it was removed."""
        row = self.selected()
        if row is None:
            return False
        answer = QMessageBox.question(
            self, _("Remove"), self._question(row),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._remove(row)
        self.reload()
        return True

    def _edit_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.edit_selected()

    def _update_buttons(self) -> None:
        has_row = self.selected() is not None
        self.edit_button.setEnabled(has_row)
        self.remove_button.setEnabled(has_row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # A filter, not a QShortcut: the main window's Delete (delete organisation) must not
        # be what a Delete pressed in this table reaches.
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)
