"""No two controls of one page or tab of the main window answer the same Alt+letter, in any
language, nor one of the menu bar's (dialogs: see ``dialogs_have_no_mnemonic_clash`` in
``tests/conftest.py``)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QDialog, QPushButton, QTabWidget, QVBoxLayout

from desktop.settings import Settings
from desktop.ui.mainwindow import PAGES, MainWindow
from tests.mnemonics import DialogWatch, clashes, mnemonic


def test_a_mnemonic_is_the_letter_after_a_single_ampersand():
    assert [mnemonic(t) for t in ("&Tiedosto", "Uude&lleen:", "A && B", "Ä&ä", "x&", "")] == [
        "t", "l", "", "ä", "", ""]


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
                for letter, texts in clashes(
                        window, [a.text() for a in window.menuBar().actions()]).items():
                    found[(key, letter)] = sorted(texts)
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in sorted(found.items()))


class _Clashing(QDialog):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(QPushButton("&Save", self))
        hidden = QCheckBox("&Sign", self)  # shown by some state later: counts too
        layout.addWidget(hidden)
        hidden.hide()


def test_a_dialog_shown_with_two_controls_on_one_letter_is_noted(qtbot, qapp):
    watch = DialogWatch("tests.")
    qapp.installEventFilter(watch)
    try:
        dialog = _Clashing()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    finally:
        qapp.removeEventFilter(watch)
    [found] = watch.found
    assert found.startswith("_Clashing") and "'&Save', '&Sign'" in found
