"""What the grant widgets share: money fields, highlighted rows and deciding over the budget."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.i18n.formatting import format_money
from desktop.services.grants.decisions import BudgetExceeded
from desktop.services.grants.money import parse_cents
from desktop.services.records import Seen
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts
from desktop.ui.meetings.common import ask
from desktop.ui.pages.base import fit_columns
from desktop.ui.tablemodel import Column, Index, RowTableModel

T = TypeVar("T")
Row = TypeVar("Row")

# Light backgrounds that keep the dark text readable; each highlighted row also says why in words.
OVERDUE_BACKGROUND = QColor("#f9d6d5")
UNPAID_BACKGROUND = QColor("#fff0c2")
WARNING_TEXT = "color: #b00020;"


def amount_text(cents: int | None) -> str:
    """The amount as typed back into a field: ``1 234,50`` without the currency sign."""
    if cents is None:
        return ""
    return format_money(cents).replace("€", "").strip()


class MoneyEdit(QLineEdit):
    """Euros typed in the user's locale (``1 234,50``), read back as exact integer cents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("e.g. {example}").format(example=amount_text(123450)))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(140)

    def set_cents(self, cents: int | None) -> None:
        self.setText(amount_text(cents))

    def cents(self) -> int:
        """Raises ``ValidationError`` with the reason when the text is not an amount."""
        return parse_cents(self.text())

    def cents_or_none(self) -> int | None:
        try:
            return self.cents()
        except KnownError:
            return None


class HighlightModel(RowTableModel[Row]):
    """Rows with a background colour chosen per row (the row's text says why as well)."""

    def __init__(self, columns: Sequence[Column[Row]],
                 background: Callable[[Row], QColor | None], parent: Any = None) -> None:
        super().__init__(columns, parent=parent)
        self._background = background

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            colour = self._background(self.row_at(index.row()))
            return QBrush(colour) if colour is not None else None
        # Dark text on the light highlight whatever the theme's text colour is.
        if (index.isValid() and role == Qt.ItemDataRole.ForegroundRole
                and self._background(self.row_at(index.row())) is not None):
            return QBrush(QColor("#1a1a1a"))
        return super().data(index, role)


def decide_asking(parent: QWidget, title: str, work: Callable[[bool], T]) -> T | None:
    """Run ``work(allow_overrun)``; when the decisions would exceed the call's budget, ask first
    (default No) and only then record it. Other refusals are shown with their own text."""
    try:
        try:
            return work(False)
        except BudgetExceeded as exc:
            question = _("{reason}\n\nRecord the decision anyway?").format(reason=exc)
            if not ask(parent, _("Over the budget"), question):
                return None
            return work(True)
    except KnownError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None


def decide_resolving(parent: QWidget, title: str,
                     save: Callable[[dict[str, Any], Seen | None, bool], T],
                     fields: dict[str, Any], start: Seen | None, shown: FieldsShown) -> T | None:
    """``save(fields, start, allow_overrun)`` of an edit made from ``start``: a field another
    user changed too is chosen in the conflict dialog, then the budget is asked about
    (``decide_asking``), and the save runs again from the choice already made."""
    edit, edit_start = fields, start

    def chosen(values: dict[str, Any], seen: Seen | None, allow_overrun: bool) -> T:
        nonlocal edit, edit_start
        edit, edit_start = values, seen
        return save(values, seen, allow_overrun)

    return decide_asking(parent, title, lambda allow_overrun: save_resolving_conflicts(
        parent, lambda values, seen: chosen(values, seen, allow_overrun), edit, edit_start,
        shown))


def fit_and_stretch(view: QTableView, column: int, cap: int = 320) -> None:
    """Columns fitted to their contents; ``column`` (a long text) takes the width left over."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for index in range(header.count()):
        header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)
    fit_columns(view, cap)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    if rows:
        return rows[0].row()
    index = table.currentIndex()
    return index.row() if index.isValid() else None


def shortcut(parent: QWidget, keys: str | QKeySequence, slot: Callable[[], object]) -> QShortcut:
    """A key that works while the focus is anywhere inside ``parent``."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    made = QShortcut(sequence, parent)
    made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    made.activated.connect(lambda: slot())
    return made


def ask_save_target(parent: QWidget, title: str, name: str, pattern: str, suffix: str,
                    folder: list[Path]) -> Path | None:
    """Ask where to write ``name``, offered in the folder last chosen (``folder``, which this
    remembers); the path ends in ``suffix`` (".pdf") even when the user typed none. None: cancelled."""
    start = folder[-1] if folder else Path.home()
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(start / name), pattern)
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != suffix:
        target = target.with_name(target.name + suffix)
    folder[:] = [target.parent]
    return target
