"""A date that may be left empty: a check box beside a date field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class OptionalDate(QWidget):
    def __init__(self, value: dt.date | None, known: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(known)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d.M.yyyy")
        self.known.toggled.connect(self.edit.setEnabled)
        row.addWidget(self.known)
        row.addWidget(self.edit, 1)
        self.set_value(value)

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setDate(QDate(value) if value else QDate.currentDate())
        self.known.setChecked(value is not None)
        self.edit.setEnabled(value is not None)

    def value(self) -> dt.date | None:
        return self.edit.date().toPython() if self.known.isChecked() else None
