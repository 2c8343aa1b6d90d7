"""The preview of the public version of minutes: every removal, before anything is exported."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext
from desktop.services.meetings.public_version import PublicVersion
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.meetings.common import ok_cancel


class PublicVersionDialog(QDialog):
    """Lists ``version.removals`` (§, field, what, why); OK exports."""

    def __init__(self, version: PublicVersion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version = version
        self.setWindowTitle(_("Public version of the minutes"))
        self.resize(860, 520)
        remember_size(self)
        layout = QVBoxLayout(self)
        count = len(version.removals)
        self.summary = QLabel(
            ngettext("{count} thing is removed from the public version:",
                     "{count} things are removed from the public version:", count).format(count=count)
            if count else _("Nothing is removed: the minutes hold no personal data that was found.")
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(count, 4)
        self.table.setHorizontalHeaderLabels([_("§"), _("Where"), _("Removed"), _("Why")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, removal in enumerate(version.removals):
            cells = ("" if removal.section is None else f"§ {removal.section}", removal.where,
                     removal.what, removal.why)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        self.note = QLabel(version.note)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = ok_cancel(self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("&Export PDF…"))
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]
