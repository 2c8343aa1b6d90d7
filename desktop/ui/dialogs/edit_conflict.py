"""Another user saved the record while this one edited it: per field both changed, keep theirs,
mine or an edited value (as in the sync conflicts view), then save again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.i18n.formatting import format_date, format_time, format_utc
from desktop.services.records import EditConflict, FieldClash, Seen

T = TypeVar("T")

THEIRS, MINE, EDITED = 0, 1, 2


@dataclass(frozen=True)
class FieldsShown:
    """How an editor names its fields and shows their stored values; which take free text."""

    labels: Mapping[str, str]
    text: Callable[[str, Any], str]
    editable: Collection[str] = ()


# -- how an editor names its fields and their stored values (for ``FieldsShown``) ----------


def form_labels(form: QFormLayout, fields: Mapping[str, QWidget]) -> dict[str, str]:
    """The labels ``form`` gives its ``fields`` (name: widget), without their mnemonics: the
    conflict dialog names a field as the form does."""
    labels = {}
    for name, widget in fields.items():
        label = form.labelForField(widget)
        labels[name] = label.text().replace("&", "") if isinstance(label, QLabel) else name
    return labels


def stored_text(value: Any) -> str:
    """A stored value as an editor shows it: dates and times in the user's format, a flag as
    yes or no, nothing for none."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dt.time):
        return format_time(value)
    return "" if value is None else str(value)


def combo_text(combo: QComboBox, value: Any, missing: str | None = None) -> str:
    """How ``combo`` names a stored id or code: the item whose data is the value or its text
    (combo boxes keep ids either way); ``missing``, or the value itself, when none is."""
    wanted = (value, "" if value is None else str(value))
    for index in range(combo.count()):
        if combo.itemData(index) in wanted:
            return combo.itemText(index)
    return stored_text(value) if missing is None else missing


def list_text(widget: QListWidget, values: Iterable[Any] | None) -> str:
    """The items of ``widget`` whose data is among ``values`` (or their texts), in its order."""
    wanted = {value for value in values or ()} | {str(value) for value in values or ()}
    return ", ".join(widget.item(row).text() for row in range(widget.count())
                     if widget.item(row).data(Qt.ItemDataRole.UserRole) in wanted)


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
