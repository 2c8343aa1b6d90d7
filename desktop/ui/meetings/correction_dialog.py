"""Recording a correction of approved minutes: which text changes, to what, and why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.i18n import _
from desktop.services.meetings.editor import ItemView
from desktop.ui.meetings.common import CheckedDialog, combo_text_data, fill_combo, ok_cancel

NOTE_ONLY = ""


def item_fields() -> list[tuple[str, str]]:
    return [("decision", _("Decision")), ("discussion", _("Discussion")), ("votes", _("Voting")),
            ("title", _("Title")), ("presenter", _("Presenter")),
            ("background", _("Background")), ("proposal", _("Proposal"))]


class CorrectionDialog(CheckedDialog):
    def __init__(self, item: ItemView | None, officer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(_("Record a correction"))
        self.resize(520, 420)
        form = QFormLayout(self)
        note = QLabel(_("The minutes are approved: a correction is recorded with its reason, who "
                        "made it and when, and printed in the minutes."))
        note.setWordWrap(True)
        form.addRow(note)
        target = QLabel(f"§ {item.section}  {item.title}" if item else _("The meeting as a whole"))
        target.setWordWrap(True)
        form.addRow(_("Corrected"), target)
        self.field = QComboBox()
        fields = item_fields() if item else []
        fill_combo(self.field, fields, fields[0][0] if fields else None,
                   none_label=_("Only a note, no text changes"))
        self.field.currentIndexChanged.connect(lambda _index: self._show_value())
        form.addRow(_("&Field"), self.field)
        self.value = QPlainTextEdit()
        self.value.setTabChangesFocus(True)
        form.addRow(_("&New text"), self.value)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.reason.setPlaceholderText(_("What was corrected and why"))
        form.addRow(_("&Reason"), self.reason)
        self.who = QLineEdit(officer)
        form.addRow(_("&Made by"), self.who)
        buttons = ok_cancel(self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.reason.textChanged.connect(self._update)
        form.addRow(buttons)
        self._show_value()
        self._update()

    def _show_value(self) -> None:
        field = combo_text_data(self.field)
        self.value.setEnabled(bool(field))
        self.value.setPlainText(getattr(self.item, field) if field and self.item else "")

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.reason.toPlainText().strip()))

    def fields(self) -> dict[str, str]:
        field = combo_text_data(self.field)
        return {field: self.value.toPlainText()} if field else {}
