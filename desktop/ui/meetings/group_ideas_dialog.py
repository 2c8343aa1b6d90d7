"""A workshop group's whole list of ideas, typed while the group reports back: the first three
become its ranked points, the rest go to the idea bank (a preview shows which goes where)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext
from desktop.services.ideas import (
    GroupIdeasResult,
    format_ideas,
    group_ideas,
    parse_ideas,
    record_group_ideas,
    workshop_groups,
)
from desktop.storage.store import Store
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.meetings.common import CheckedDialog, attempt, ok_cancel


class GroupIdeasDialog(CheckedDialog):
    def __init__(self, store: Store, item_id: uuid.UUID, group: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.item_id = store, item_id
        self.result_: GroupIdeasResult | None = None
        self.setWindowTitle(_("A group's ideas"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        help_text = QLabel(_(
            "One idea a line, in the group's order of importance: the first three are the group's "
            "ranked points, the rest go to the idea bank. A line ending in a colon is a theme for "
            "the ideas below it. Saving again adds nothing twice."))
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        form = QFormLayout()
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.addItems(workshop_groups(store, item_id))
        self.group.setEditText(group)
        self.group.currentTextChanged.connect(lambda _text: self._load())
        form.addRow(_("&Group"), self.group)
        self.ideas = QPlainTextEdit()
        self.ideas.setTabChangesFocus(True)
        self.ideas.setPlaceholderText(_("Our most important idea\nThe second\nThe third\nTheme:\nAn idea for the bank"))
        self.ideas.textChanged.connect(self._preview)
        form.addRow(_("&Ideas"), self.ideas)
        layout.addLayout(form, 2)
        self.preview = QTableWidget(0, 3)
        self.preview.setHorizontalHeaderLabels([_("Goes to"), _("Idea"), _("Theme")])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.preview.setColumnWidth(2, 220)
        self.preview.setWordWrap(False)
        layout.addWidget(self.preview, 2)
        self.counts = QLabel()
        layout.addWidget(self.counts)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)
        self.submit = self._save
        self._loaded = ""
        self._load()
        remember_size(self)

    def _load(self) -> None:
        """The chosen group's list as saved, unless the secretary has typed something of her own."""
        typed = self.ideas.toPlainText()
        if typed.strip() and typed != self._loaded:
            return
        group = self.group.currentText().strip()
        self._loaded = format_ideas(group_ideas(self.store, self.item_id, group)) if group else ""
        self.ideas.setPlainText(self._loaded)

    def _preview(self) -> None:
        ideas = parse_ideas(self.ideas.toPlainText())
        self.preview.setRowCount(len(ideas))
        for row, idea in enumerate(ideas):
            where = _("Point {rank}").format(rank=row + 1) if row < 3 else _("Idea bank")
            for column, text in enumerate((where, idea.text, idea.theme)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.preview.setItem(row, column, cell)
        self.preview.resizeColumnToContents(0)
        banked = max(len(ideas) - 3, 0)
        self.counts.setText(_("{points}; {banked}.").format(
            points=ngettext("{n} ranked point", "{n} ranked points", min(len(ideas), 3)).format(
                n=min(len(ideas), 3)),
            banked=ngettext("{n} idea to the idea bank", "{n} ideas to the idea bank", banked).format(
                n=banked)))

    def _save(self) -> object:
        result = attempt(self, _("A group's ideas"), lambda: record_group_ideas(
            self.store, self.item_id, self.group.currentText(), parse_ideas(self.ideas.toPlainText())))
        if result is not None:
            self.result_ = result[0]
        return result
