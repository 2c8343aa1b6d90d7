"""Starting a checklist from the template: the county's or a municipality's, for a year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.storage.models import Municipality
from desktop.storage.store import Store


class NewChecklistDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New checklist"))
        form = QFormLayout(self)
        year = dt.date.today().year
        self.name = QLineEdit(_("Checklist {year}").format(year=year))
        form.addRow(_("Name"), self.name)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        form.addRow(_("Year"), self.year)
        self.scope = QComboBox()
        self.scope.addItem(_("The wellbeing services county"), None)
        language = current_language()
        with store.read() as session:
            municipalities = sorted(
                (m.name(language), m.code) for m in session.query(Municipality).all()
            )
        for name, code in municipalities:
            self.scope.addItem(name, code)
        form.addRow(_("Whose checklist"), self.scope)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(
            lambda text: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip())))
        form.addRow(buttons)

    def values(self) -> tuple[str, int, str | None]:
        return self.name.text().strip(), self.year.value(), self.scope.currentData()
