"""Choosing the § of an extract from the minutes and who certifies it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.meetings.common import ok_cancel


class ExtractDialog(QDialog):
    """A checkable list of the meeting's items (``(section, title)``), the ones in ``chosen``
    ticked, and the certifier's name (the secretary's by default)."""

    def __init__(
        self,
        items: Sequence[tuple[int, str]],
        certifier: str,
        chosen: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Extract from the minutes"))
        self.resize(560, 460)
        remember_size(self)
        form = QFormLayout(self)
        note = QLabel(_("Tick the § to include. The extract carries the meeting's header, the "
                        "certification and the rectification instructions of those §."))
        note.setWordWrap(True)
        form.addRow(note)
        self.items = QListWidget()
        for section, title in items:
            row = QListWidgetItem(f"§ {section}  {title}")
            row.setData(Qt.ItemDataRole.UserRole, section)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if section in chosen else Qt.CheckState.Unchecked)
            self.items.addItem(row)
        self.items.itemChanged.connect(lambda _row: self._update())
        # Space ticks the current row as in any list; Ctrl+A ticks them all.
        QShortcut(QKeySequence.StandardKey.SelectAll, self.items, activated=self.tick_all)
        form.addRow(_("&Sections"), self.items)
        self.certifier = QLineEdit(certifier)
        form.addRow(_("&Certified by"), self.certifier)
        buttons = ok_cancel(self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("&Write extract…"))
        form.addRow(buttons)
        self._update()

    def tick_all(self) -> None:
        for index in range(self.items.count()):
            self.items.item(index).setCheckState(Qt.CheckState.Checked)

    def sections(self) -> list[int]:
        return [int(row.data(Qt.ItemDataRole.UserRole))
                for row in (self.items.item(i) for i in range(self.items.count()))
                if row.checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.sections()))
