"""A body's rectification instructions, one text per language: the shipped text until the body
writes its own; {authority} and {deadline} are filled in when the minutes are printed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services.meetings.template import default_appeal_text
from desktop.ui.meetings.common import CheckedDialog, ok_cancel

LANGUAGE_NAMES = (("fi", "suomi"), ("sv", "svenska"), ("en", "English"))


class AppealTextsDialog(CheckedDialog):
    def __init__(self, texts: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rectification instructions"))
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        note = QLabel(_("Printed as the last section of the minutes. {authority} becomes the appeal "
                        "authority and {deadline} the last day: 14 days from the notice of the decisions."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.tabs = QTabWidget()
        self.texts: dict[str, QPlainTextEdit] = {}
        for code, name in LANGUAGE_NAMES:
            edit = QPlainTextEdit(texts.get(code) or default_appeal_text(code))
            self.texts[code] = edit
            self.tabs.addTab(edit, name)
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        self.restore_button = QPushButton(_("&Restore the standard text"))
        self.restore_button.clicked.connect(lambda _checked=False: self.restore())
        row.addWidget(self.restore_button)
        row.addStretch(1)
        buttons = ok_cancel(self)
        row.addWidget(buttons)
        layout.addLayout(row)

    def restore(self) -> None:
        code = LANGUAGE_NAMES[self.tabs.currentIndex()][0]
        self.texts[code].setPlainText(default_appeal_text(code))

    def values(self) -> dict[str, str]:
        return {code: edit.toPlainText() for code, edit in self.texts.items()}
