"""No two controls shown together answer the same Alt+letter, in any language: with a clash,
Alt+letter only moves between the two instead of pressing the button or focusing the field."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

from desktop.settings import Settings
from desktop.ui.mainwindow import PAGES, MainWindow


def mnemonic(text: str) -> str:
    """The letter after a single ``&`` ("" for none; ``&&`` is a literal ampersand)."""
    position = text.replace("&&", "\0\0").find("&")
    return text[position + 1].casefold() if 0 <= position < len(text) - 1 else ""


def test_a_mnemonic_is_the_letter_after_a_single_ampersand():
    assert [mnemonic(t) for t in ("&Tiedosto", "Uude&lleen:", "A && B", "Ä&ä", "x&", "")] == [
        "t", "l", "", "ä", "", ""]


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


def _on_its_page(widget: QWidget, window: MainWindow) -> bool:
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


def clashes(window: MainWindow) -> dict[str, list[str]]:
    """Letter -> the texts of the controls on the page shown now that use it, where more than
    one does."""
    used: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        used[mnemonic(action.text())].append(action.text())
    for widget in window.findChildren(QWidget):
        if _on_its_page(widget, window):
            for text in _texts(widget):
                used[mnemonic(text)].append(text)
    return {letter: texts for letter, texts in used.items() if letter and len(texts) > 1}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_no_two_controls_shown_together_share_a_mnemonic(qtbot, demo_store, language):
    window = MainWindow(demo_store, Settings())
    qtbot.addWidget(window)
    window.set_language(language)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    found = {}
    for key, _title, _cls in PAGES:
        page = window.page(key)
        window.stack.setCurrentWidget(page)
        for tabs in [None, *page.findChildren(QTabWidget)]:
            for index in range(tabs.count()) if tabs else [None]:
                if tabs is not None:
                    tabs.setCurrentIndex(index)
                qtbot.wait(1)
                for letter, texts in clashes(window).items():
                    found[(key, letter)] = sorted(texts)
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in sorted(found.items()))
