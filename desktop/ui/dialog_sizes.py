"""Dialogs open at the size the officer last left them at (for this session)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QDialog

_SIZES: dict[str, QSize] = {}


class _SizeKeeper(QObject):
    """Restores the size when the dialog is first shown: a subclass sets its default size in its
    own ``__init__``, after the base class has asked for this, and must not win."""

    def __init__(self, dialog: QDialog, key: str) -> None:
        super().__init__(dialog)
        self.key = key
        self.restored = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and not self.restored and isinstance(watched, QDialog):
            self.restored = True
            if self.key in _SIZES:
                watched.resize(_SIZES[self.key])
        return False


def remember_size(dialog: QDialog) -> None:
    """Open ``dialog`` at the size its kind was last closed at; keyed by its class."""
    key = type(dialog).__name__
    dialog.installEventFilter(_SizeKeeper(dialog, key))
    dialog.finished.connect(lambda _result: _SIZES.__setitem__(key, dialog.size()))
