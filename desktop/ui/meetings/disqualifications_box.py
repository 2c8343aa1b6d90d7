"""Members disqualified for an item: who, why, and whether they left the room. When a grant
decided in the item is for an organisation an attendee represents, the box asks about them."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.i18n import N_, _
from desktop.services.meetings import add_disqualification, remove_disqualification
from desktop.services.meetings.editor import DisqualificationView
from desktop.services.meetings.template import translated
from desktop.storage.store import Store
from desktop.ui.meetings.common import CheckedDialog, attempt, ok_cancel
from desktop.ui.meetings.item_rows_box import ItemRowsBox


def disqualification_text(row: DisqualificationView) -> str:
    left = _("left the room") if row.left_room else _("stayed in the room")
    return f"{row.member_name} ({left}): {row.reason}" if row.reason else f"{row.member_name} ({left})"


class DisqualificationsBox(ItemRowsBox):
    TITLE = N_("Disqualification")
    ADD_LABEL = N_("Add a disqualification…")
    REMOVAL_QUESTION = N_("Remove the disqualification of {text}?")
    LIST_HEIGHT = 56

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.prompts: list[tuple[str, str]] = []
        self.language = "fi"  # the meeting's: the reason goes into its minutes
        self.prompt_row = QWidget()
        prompt = QHBoxLayout(self.prompt_row)
        prompt.setContentsMargins(0, 0, 0, 0)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("color: #8a4b00;")
        prompt.addWidget(self.prompt, 1)
        self.prompt_button = QPushButton(_("Record the dis&qualification…"))
        self.prompt_button.clicked.connect(lambda _checked=False: self.add_prompted())
        prompt.addWidget(self.prompt_button, 0, Qt.AlignmentFlag.AlignTop)
        self.rows_layout.insertWidget(0, self.prompt_row)

    def show_item(self, item_id: uuid.UUID | None, rows: tuple[DisqualificationView, ...],
                  names: list[str], prompts: tuple[tuple[str, str], ...], editable: bool,
                  language: str = "fi") -> None:
        self.language = language
        self.prompts = list(prompts) if editable else []
        self.fill(item_id, [(disqualification_text(row), row.id) for row in rows], names, editable)
        if self.prompts:
            name, organisation = self.prompts[0]
            self.prompt.setText(_("{name} represents {organisation}, whose grant is decided in this "
                                  "item: is {name} disqualified?").format(name=name, organisation=organisation))
        self.prompt_row.setVisible(bool(self.prompts))

    def add_prompted(self) -> DisqualificationDialog | None:
        if not self.prompts:
            return None
        name, organisation = self.prompts[0]
        return self.add(name, translated(self.language, N_("Represents {organisation}, the applicant."),
                                         organisation=organisation))

    def add(self, name: str = "", reason: str = "") -> DisqualificationDialog | None:
        if self.item_id is None:
            return None
        item_id = self.item_id
        dialog = DisqualificationDialog(self.names, name, reason, self)
        dialog.submit = lambda: attempt(dialog, _(self.TITLE), lambda: add_disqualification(
            self.store, item_id, dialog.name.currentText(), dialog.reason.text(),
            dialog.left_room.isChecked()))
        dialog.open()
        return dialog

    def remove_row(self, row_id: uuid.UUID) -> object:
        return remove_disqualification(self.store, row_id)


class DisqualificationDialog(CheckedDialog):
    def __init__(self, names: list[str], name: str = "", reason: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Disqualification"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(names)
        self.name.setCurrentIndex(-1)
        self.name.setEditText(name)
        form.addRow(_("&Member"), self.name)
        self.reason = QLineEdit(reason)
        self.reason.setPlaceholderText(_("e.g. a board member of the applicant"))
        form.addRow(_("&Reason"), self.reason)
        self.left_room = QCheckBox(_("&Left the room during the item"))
        self.left_room.setChecked(True)
        form.addRow(self.left_room)
        buttons = ok_cancel(self)
        form.addRow(buttons)
