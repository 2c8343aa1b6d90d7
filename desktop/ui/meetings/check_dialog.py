"""A minute checker's check: who checked the minutes, and on which day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QWidget

from desktop.i18n import _
from desktop.i18n.formatting import format_date
from desktop.services.meetings.editor import MeetingView
from desktop.ui.meetings.common import CheckedDialog, ok_cancel


def checks_text(view: MeetingView) -> str:
    """``Checked: Åsa Öhman 22.1.2026``, or what is still missing."""
    done = dict(view.checks)
    parts = [f"{name} {format_date(done[name])}" if name in done else f"{name} —"
             for name in view.minute_checkers]
    return _("Checked: {checks}").format(checks=", ".join(parts)) if parts else ""


class CheckDialog(CheckedDialog):
    def __init__(self, checkers: list[str], done: dict[str, dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Minutes checked"))
        form = QFormLayout(self)
        self.checker = QComboBox()
        self.checker.addItems(checkers)
        waiting = [n for n, name in enumerate(checkers) if name not in done]
        self.checker.setCurrentIndex(waiting[0] if waiting else 0)
        form.addRow(_("&Checker"), self.checker)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d.M.yyyy")
        self.day.setDate(QDate.currentDate())
        form.addRow(_("Checked &on"), self.day)
        buttons = ok_cancel(self)
        form.addRow(buttons)
