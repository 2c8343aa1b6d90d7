"""What the meeting widgets share: showing a service's refusal, combo boxes over ids."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QMessageBox, QWidget

from desktop.errors import KnownError
from desktop.i18n import current_language
from desktop.services.meetings.editor import MeetingView, meeting_view
from desktop.storage.store import Store
from desktop.ui.dialog_sizes import remember_size

T = TypeVar("T")

OVERDUE = QBrush(QColor("#b00020"))


def attempt(parent: QWidget, title: str, work: Callable[[], T]) -> T | None:
    """Run a service call; a refusal (a ``KnownError``) is shown with its own text and gives
    None. Nothing is written halfway: each call is one transaction."""
    try:
        return work()
    except KnownError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None


class CheckedDialog(QDialog):
    """OK runs ``submit`` (a service call through ``attempt``); when the service refuses, the
    dialog stays open with what was typed and the reason shown over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit: Callable[[], object] | None = None
        remember_size(self)

    def accept(self) -> None:
        if self.submit is not None and self.submit() is None:
            return
        super().accept()


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def fill_combo(combo: QComboBox, pairs: Iterable[tuple[object, str]], current: object = None,
               none_label: str | None = None) -> None:
    """Choices as (value, text); values are kept as text (Qt compares combo data by value, and a
    UUID does not survive the trip through a QVariant)."""
    combo.blockSignals(True)
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, "")
    for value, text in pairs:
        combo.addItem(text, "" if value is None else str(value))
    index = combo.findData("" if current is None else str(current))
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def combo_id(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


def combo_text_data(combo: QComboBox) -> str:
    return combo.currentData() or ""


def select_data(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData("" if value is None else str(value)), 0))


def searchable(combo: QComboBox) -> QComboBox:
    """Let the user type any part of a name to find it in a long list."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    return combo


def ask(parent: QWidget, title: str, question: str) -> bool:
    """A yes/no question whose default is No."""
    answer = QMessageBox.question(
        parent, title, question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def read_again(store: Store, view: MeetingView) -> MeetingView | None:
    """The meeting as stored now (None if it is gone): a save that kept another user's values
    over the ones shown wrote nothing, and only a change redraws the tabs."""
    try:
        return meeting_view(store, view.id, current_language())
    except KnownError:
        return None


def section_text(section: int | None) -> str:
    return f"§ {section}" if section else ""
