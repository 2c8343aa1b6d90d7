"""Alt+letters (mnemonics) of the controls in a window: two controls of one page that share a
letter make Alt+letter only move between them instead of pressing or focusing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QStackedWidget,
    QTabBar,
    QWidget,
)

from desktop.i18n import current_language


def mnemonic(text: str) -> str:
    """The letter after a single ``&`` ("" for none; ``&&`` is a literal ampersand)."""
    position = text.replace("&&", "\0\0").find("&")
    return text[position + 1].casefold() if 0 <= position < len(text) - 1 else ""


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return [widget.text()]
    if isinstance(widget, QGroupBox) and widget.isCheckable():
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count())]
    return []


def _on_its_page(widget: QWidget, window: QWidget) -> bool:
    """In this window and on the page or tab shown now. A control hidden or disabled for the
    moment counts: the record, the meeting's state or a sync folder may show it any time."""
    if widget.window() is not window:
        return False
    child, parent = widget, widget.parentWidget()
    while parent is not None and child is not window:
        if isinstance(parent, QStackedWidget) and parent.currentWidget() is not child:
            return False
        child, parent = parent, parent.parentWidget()
    return True


def clashes(window: QWidget, also: Iterable[str] = ()) -> dict[str, list[str]]:
    """Letter -> the texts of the controls on the page shown now (and ``also``: the menu bar's
    titles) that use it, where more than one does."""
    used: dict[str, list[str]] = defaultdict(list)
    for text in also:
        used[mnemonic(text)].append(text)
    for widget in window.findChildren(QWidget):
        if _on_its_page(widget, window):
            for text in _texts(widget):
                used[mnemonic(text)].append(text)
    return {letter: texts for letter, texts in used.items() if letter and len(texts) > 1}


class DialogWatch(QObject):
    """An application event filter: each dialog of a module under ``prefix`` shown while it
    watches is checked, and its clashes noted in ``found`` (with the language of the moment)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.found: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.Show and isinstance(watched, QDialog)
                and type(watched).__module__.startswith(self.prefix)):
            found = clashes(watched)
            if found:
                self.found.append(f"{type(watched).__name__} ({current_language()}): {found}")
        return False
