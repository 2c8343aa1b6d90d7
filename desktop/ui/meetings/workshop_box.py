"""Workshop results of an item: each group's three points in order, with justifications and
dot votes, and the ranked summary the minutes print."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext
from desktop.services.ideas import item_bank_count
from desktop.services.meetings import add_workshop_point
from desktop.services.meetings.editor import WorkshopPointView
from desktop.services.meetings.workshop import remove_workshop_point, update_workshop_point
from desktop.storage.store import Store
from desktop.ui.grants.common import shortcut
from desktop.ui.meetings.common import CheckedDialog, ask, attempt, ok_cancel
from desktop.ui.meetings.group_ideas_dialog import GroupIdeasDialog

POINT_ID = Qt.ItemDataRole.UserRole


class WorkshopBox(QGroupBox):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(_("Workshop results"), parent)
        self.store = store
        self.item_id: uuid.UUID | None = None
        self.points: tuple[WorkshopPointView, ...] = ()
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("Group"), _("Rank"), _("Point"), _("Justification"), _("Dot votes")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            2, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.table.doubleClicked.connect(lambda _index: self.edit_point())
        self.table.itemSelectionChanged.connect(self._update)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        # All of a group's ideas at once: the first three ranked, the rest to the idea bank.
        self.ideas_button = QPushButton(_("A group's ideas…"))
        self.ideas_button.setToolTip(_("Type all of a group's ideas; those beyond its top three go to "
                                       "the idea bank (Ctrl+Shift+G)"))
        self.ideas_button.clicked.connect(lambda _checked=False: self.group_ideas())
        shortcut(self, "Ctrl+Shift+G", self.group_ideas)
        row.addWidget(self.ideas_button)
        self.add_button = QPushButton(_("Add a point…"))
        self.edit_button = QPushButton(_("Edit…"))
        self.remove_button = QPushButton(_("Remove…"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_point())
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_point())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_point())
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        self.bank_note = QLabel()  # on the buttons' line: the box is short of height in the minutes
        row.addWidget(self.bank_note)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self._editable = False

    def show_item(self, item_id: uuid.UUID | None, points: tuple[WorkshopPointView, ...],
                  ranked: tuple[WorkshopPointView, ...], editable: bool) -> None:
        self.item_id, self.points, self._editable = item_id, points, editable
        self.table.setRowCount(len(points))
        for r, point in enumerate(points):
            for column, text in enumerate((point.group, str(point.rank), point.point,
                                           point.justification, str(point.votes))):
                cell = QTableWidgetItem(text)
                cell.setData(POINT_ID, point.id)
                cell.setToolTip(text)
                if column in (1, 4):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, column, cell)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            _("Ranked by dot votes:") + "\n" + "\n".join(
                f"{n}. {p.point} ({p.group}, {p.votes})" for n, p in enumerate(ranked, start=1))
            if ranked else _("No points yet: add each group's three most important points."))
        banked = item_bank_count(self.store, item_id) if item_id is not None else 0
        self.bank_note.setText(ngettext("{n} in the idea bank", "{n} in the idea bank", banked).format(n=banked))
        self.bank_note.setToolTip(ngettext(
            "{n} idea of this item beyond the groups' top three is kept in the idea bank",
            "{n} ideas of this item beyond the groups' top three are kept in the idea bank",
            banked).format(n=banked))
        self.bank_note.setVisible(banked > 0)
        self._update()

    def selected(self) -> WorkshopPointView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        point_id = self.table.item(rows[0].row(), 0).data(POINT_ID)
        return next((p for p in self.points if p.id == point_id), None)

    def _update(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self._editable and self.item_id is not None)
        self.ideas_button.setEnabled(self._editable and self.item_id is not None)
        self.edit_button.setEnabled(self._editable and chosen)
        self.remove_button.setEnabled(self._editable and chosen)

    def group_ideas(self) -> GroupIdeasDialog | None:
        if self.item_id is None or not self._editable:
            return None
        chosen = self.selected()
        dialog = GroupIdeasDialog(self.store, self.item_id, chosen.group if chosen else "", self)
        dialog.open()
        return dialog

    def add_point(self) -> PointDialog | None:
        if self.item_id is None:
            return None
        item_id = self.item_id
        last = self.points[-1] if self.points else None
        group = last.group if last and last.rank < 3 else ""
        rank = last.rank + 1 if last and last.rank < 3 else 1
        dialog = PointDialog(self, group=group, rank=rank)

        def add() -> object:
            v = dialog.values()
            return attempt(dialog, _("Workshop results"), lambda: add_workshop_point(
                self.store, item_id, v["group_name"], v["rank"], v["point"], v["justification"],
                v["votes"]))

        dialog.submit = add
        dialog.open()
        return dialog

    def edit_point(self) -> PointDialog | None:
        point = self.selected()
        if point is None or not self._editable:
            return None
        dialog = PointDialog(self, point.group, point.rank, point.point, point.justification,
                             point.votes)
        dialog.submit = lambda: attempt(dialog, _("Workshop results"), lambda: update_workshop_point(
            self.store, point.id, **dialog.values()))
        dialog.open()
        return dialog

    def remove_point(self) -> None:
        point = self.selected()
        if point is not None and ask(self, _("Workshop results"), _(
                "Remove the point {point}?").format(point=point.point)):
            attempt(self, _("Workshop results"), lambda: remove_workshop_point(self.store, point.id))


class PointDialog(CheckedDialog):
    def __init__(self, parent: QWidget | None = None, group: str = "", rank: int = 1,
                 point: str = "", justification: str = "", votes: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Workshop point"))
        form = QFormLayout(self)
        self.group = QLineEdit(group)
        form.addRow(_("&Group"), self.group)
        self.rank = QSpinBox()
        self.rank.setRange(1, 3)
        self.rank.setValue(rank)
        form.addRow(_("&Rank in the group"), self.rank)
        self.point = QLineEdit(point)
        form.addRow(_("&Point"), self.point)
        self.justification = QPlainTextEdit(justification)
        self.justification.setTabChangesFocus(True)
        self.justification.setMaximumHeight(80)
        form.addRow(_("&Justification"), self.justification)
        self.votes = QSpinBox()
        self.votes.setRange(0, 9999)
        self.votes.setValue(votes)
        form.addRow(_("&Dot votes"), self.votes)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def values(self) -> dict:
        return {"group_name": self.group.text(), "rank": self.rank.value(),
                "point": self.point.text(), "justification": self.justification.toPlainText(),
                "votes": self.votes.value()}
