"""The conflicts list: per conflict the record, the field, both values; mine, theirs or edited."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _, pgettext
from desktop.i18n.formatting import format_utc
from desktop.storage.store import Store
from desktop.sync.conflicts import (
    EDITED,
    MINE,
    THEIRS,
    ConflictInfo,
    list_conflicts,
    resolve_conflict,
)
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.sync.labels import field_label, table_label
from desktop.ui.tablemodel import Column, RowTableModel


def edit_text(value: Any) -> str:
    """A value as the edit box offers it: text as it is, anything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _shown(c: ConflictInfo) -> str:
    return _("mine") if c.winner == "ours" else _("theirs")


class ConflictsTab(QWidget):
    resolved = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model: RowTableModel[ConflictInfo] = RowTableModel([
            Column(_("Record"), lambda c: c.record),
            Column(_("Kind"), lambda c: table_label(c.table)),
            Column(_("Field"), lambda c: field_label(c.table, c.field)),
            Column(_("Mine"), lambda c: c.our_text),
            Column(_("Theirs"), lambda c: c.their_text),
            Column(_("Shown now"), _shown),
            Column(pgettext("sync", "From"), lambda c: c.peer_name),
            Column(_("Found"), lambda c: format_utc(c.detected_at)),
        ])
        self.view = make_table(self.model, split)
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        split.addWidget(self.view)

        self.detail = QGroupBox(split)
        grid = QGridLayout(self.detail)
        self.mine_label = QLabel(self.detail)
        self.mine_value = QLabel(self.detail)
        self.theirs_label = QLabel(self.detail)
        self.theirs_value = QLabel(self.detail)
        for row, (label, value) in enumerate(((self.mine_label, self.mine_value),
                                              (self.theirs_label, self.theirs_value))):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setStyleSheet("font-weight: 600;")
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        self.keep_mine = QPushButton(_("Keep &mine"), self.detail)
        self.take_theirs = QPushButton(_("Take &theirs"), self.detail)
        self.keep_mine.clicked.connect(lambda: self.resolve(MINE))
        self.take_theirs.clicked.connect(lambda: self.resolve(THEIRS))
        grid.addWidget(self.keep_mine, 0, 2)
        grid.addWidget(self.take_theirs, 1, 2)
        grid.addWidget(QLabel(_("Or write the value to keep (a merge of both):"), self.detail),
                       2, 0, 1, 3)
        self.edited = QPlainTextEdit(self.detail)
        self.edited.setTabChangesFocus(True)
        self.edited.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.edited.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edited.setMaximumHeight(90)
        grid.addWidget(self.edited, 3, 0, 1, 2)
        self.save_edited = QPushButton(_("Keep the e&dited value"), self.detail)
        self.save_edited.clicked.connect(lambda: self.resolve(EDITED))
        grid.addWidget(self.save_edited, 3, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        self.message: QMessageBox | None = None

    def count(self) -> int:
        return self.model.rowCount()

    def refresh(self) -> None:
        chosen = self.selected()
        conflicts = list_conflicts(self.store)
        self.model.set_rows(conflicts)
        if conflicts:
            self.intro.setText(_(
                "These fields were changed in two copies before they met. The newer value is "
                "shown in the register; choose which to keep, or write a merge of both. Your "
                "choice travels to the other copies with your next file."))
            row = next((i for i, c in enumerate(conflicts)
                        if chosen is not None and c.id == chosen.id), 0)
            self.view.selectRow(row)
        else:
            self.intro.setText(_("No conflicts to resolve."))
        fit_columns(self.view)
        self.show_selected()

    def selected(self) -> ConflictInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def show_selected(self) -> None:
        conflict = self.selected()
        self.detail.setEnabled(conflict is not None)
        if conflict is None:
            self.detail.setTitle("")
            for label in (self.mine_label, self.mine_value, self.theirs_label, self.theirs_value):
                label.clear()
            self.edited.clear()
            return
        self.detail.setTitle(f"{conflict.record} — {field_label(conflict.table, conflict.field)}")
        self.mine_label.setText(_("Mine (this copy), {when}:").format(
            when=format_utc(conflict.our_time) or "—"))
        self.theirs_label.setText(_("Theirs ({name}), {when}:").format(
            name=conflict.peer_name or "—", when=format_utc(conflict.their_time) or "—"))
        self.mine_value.setText(conflict.our_text)
        self.theirs_value.setText(conflict.their_text)
        shown = conflict.our_value if conflict.winner == "ours" else conflict.their_value
        self.edited.setPlainText(edit_text(shown))

    def resolve(self, choice: str) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        value = self.edited.toPlainText() if choice == EDITED else None
        try:
            resolve_conflict(self.store, conflict.id, choice, value)
        except KnownError as exc:
            self.message = QMessageBox(QMessageBox.Icon.Warning, _("Conflicts"), str(exc),
                                       QMessageBox.StandardButton.Ok, self)
            self.message.open()
        self.refresh()
        self.resolved.emit()
