"""Dissenting opinions on an item's decision: who, and their opinion if they gave one."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from desktop.i18n import N_, _
from desktop.services.meetings import add_dissent
from desktop.services.meetings.editor import DissentView
from desktop.services.meetings.minutes import remove_dissent
from desktop.ui.meetings.common import CheckedDialog, attempt, ok_cancel
from desktop.ui.meetings.item_rows_box import ItemRowsBox


class DissentsBox(ItemRowsBox):
    TITLE = N_("Dissenting opinion")
    ADD_LABEL = N_("Add a dissenting opinion…")
    REMOVAL_QUESTION = N_("Remove the dissenting opinion of {text}?")
    LIST_HEIGHT = 60

    def show_item(self, item_id: uuid.UUID | None, dissents: tuple[DissentView, ...],
                  names: list[str], editable: bool) -> None:
        """``names``: who attended, offered first when adding."""
        self.fill(item_id, [(f"{d.member_name}: {d.text}" if d.text else d.member_name, d.id)
                            for d in dissents], names, editable)

    def add(self) -> DissentDialog | None:
        if self.item_id is None:
            return None
        item_id = self.item_id
        dialog = DissentDialog(self.names, self)
        dialog.submit = lambda: attempt(dialog, _(self.TITLE), lambda: add_dissent(
            self.store, item_id, dialog.name.currentText(), dialog.text.toPlainText()))
        dialog.open()
        return dialog

    def remove_row(self, row_id: uuid.UUID) -> object:
        return remove_dissent(self.store, row_id)


class DissentDialog(CheckedDialog):
    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Dissenting opinion"))
        form = QFormLayout(self)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(names)
        self.name.setCurrentIndex(-1)
        form.addRow(_("&Member"), self.name)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_("The opinion, if the member gave one for the minutes"))
        form.addRow(_("&Opinion"), self.text)
        buttons = ok_cancel(self)
        form.addRow(buttons)
