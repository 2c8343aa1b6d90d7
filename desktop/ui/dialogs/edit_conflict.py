"""Another user saved the record while this one edited it: per field both changed, keep theirs,
mine or an edited value (as in the sync conflicts view), then save again."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.i18n.formatting import format_utc
from desktop.services.records import EditConflict, FieldClash, Seen

T = TypeVar("T")

THEIRS, MINE, EDITED = 0, 1, 2


@dataclass(frozen=True)
class FieldsShown:
    """How an editor names its fields and shows their stored values; which take free text."""

    labels: Mapping[str, str]
    text: Callable[[str, Any], str]
    editable: Collection[str] = ()


class _ClashBox(QGroupBox):
    def __init__(self, clash: FieldClash, shown: FieldsShown, theirs_title: str,
                 parent: QWidget) -> None:
        super().__init__(shown.labels.get(clash.name, clash.name), parent)
        self.clash = clash
        grid = QGridLayout(self)
        started = QLabel(_("You both started from: {value}").format(
            value=shown.text(clash.name, clash.base) or "—"), self)
        started.setWordWrap(True)
        grid.addWidget(started, 0, 0, 1, 2)
        self.group = QButtonGroup(self)
        self.theirs = QRadioButton(theirs_title, self)
        self.mine = QRadioButton(_("Mine:"), self)
        for row, (button, value, choice) in enumerate(((self.theirs, clash.theirs, THEIRS),
                                                       (self.mine, clash.mine, MINE)), start=1):
            self.group.addButton(button, choice)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            text = QLabel(shown.text(clash.name, value) or "—", self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setStyleSheet("font-weight: 600;")
            grid.addWidget(text, row, 1)
        self.edited: QLineEdit | None = None
        if clash.name in shown.editable:
            edited_button = QRadioButton(_("Edited:"), self)
            self.group.addButton(edited_button, EDITED)
            grid.addWidget(edited_button, 3, 0)
            self.edited = QLineEdit(str(clash.mine or ""), self)
            self.edited.textEdited.connect(lambda _text: edited_button.setChecked(True))
            grid.addWidget(self.edited, 3, 1)
        grid.setColumnStretch(1, 1)
        self.mine.setChecked(True)

    def value(self) -> Any:
        choice = self.group.checkedId()
        if choice == THEIRS:
            return self.clash.theirs
        if choice == EDITED and self.edited is not None:
            return self.edited.text()
        return self.clash.mine


class EditConflictDialog(QDialog):
    def __init__(self, conflict: EditConflict, shown: FieldsShown,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Saved meanwhile by another user"))
        layout = QVBoxLayout(self)
        who = conflict.by or _("Another user")
        when = format_utc(conflict.at)
        intro = QLabel(_(
            "{who} saved this record while you were editing it ({when}). Their changes to other "
            "fields are kept with yours. Both of you changed the fields below: choose what to "
            "keep, then save.").format(who=who, when=when or "—"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        theirs_title = _("Theirs ({who}):").format(who=who)
        self.boxes = [_ClashBox(clash, shown, theirs_title, self) for clash in conflict.clashes]
        for box in self.boxes:
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def choices(self) -> dict[str, Any]:
        return {box.clash.name: box.value() for box in self.boxes}


def save_resolving_conflicts(parent: QWidget, save: Callable[[dict[str, Any], Seen | None], T],
                             fields: dict[str, Any], start: Seen | None,
                             shown: FieldsShown) -> T | None:
    """``save(fields, start)``; when another user saved meanwhile and changed the same fields,
    ask which values to keep and save those (asking again should yet another save come between).
    None when the user cancels: nothing was saved."""
    while True:
        try:
            return save(fields, start)
        except EditConflict as conflict:
            dialog = EditConflictDialog(conflict, shown, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            fields, start = conflict.resolved(dialog.choices()), conflict.current
