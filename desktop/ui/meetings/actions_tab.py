"""Action items: those decided at this meeting, and the body's open ones from all its meetings,
overdue first and in red."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.i18n import _, current_language, pgettext
from desktop.i18n.formatting import format_date
from desktop.services import meetings
from desktop.services.meetings.actions import action_seen
from desktop.services.meetings.editor import ActionView, MeetingView, body_open_actions
from desktop.services.records import SHOWN, Seen
from desktop.services.vocabulary import label
from desktop.storage.models.enums import ActionStatus
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts
from desktop.ui.meetings.action_dialog import ActionDialog
from desktop.ui.meetings.common import OVERDUE, ask, attempt, read_again, section_text
from desktop.ui.pages.base import make_table
from desktop.ui.tablemodel import Column, Index, RowTableModel


class ActionModel(RowTableModel[ActionView]):
    """Overdue actions in red."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return OVERDUE if self.row_at(index.row()).overdue else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.row_at(index.row()).what
        return super().data(index, role)


def one_line(text: str) -> str:
    return " ".join(text.split())


def _columns(with_meeting: bool) -> list[Column[ActionView]]:
    columns = [Column(pgettext("action item", "Meeting"), lambda a: a.meeting)] if with_meeting else []
    return columns + [
        Column(_("§"), lambda a: section_text(a.section)),
        Column(_("What"), lambda a: one_line(a.what)),
        Column(_("Owner"), lambda a: a.owner),
        Column(_("Deadline"), lambda a: format_date(a.deadline)),
        Column(_("Status"), lambda a: a.status_label),
    ]


class ActionList(QWidget):
    def __init__(self, title: str, with_meeting: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.title)
        self.model = ActionModel(_columns(with_meeting), parent=self)
        self.table: QTableView = make_table(self.model, self)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self._sized = False

    def button(self, text: str, slot) -> QPushButton:  # noqa: ANN001 - a callable
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.addWidget(button)
        return button

    def set_rows(self, rows: list[ActionView]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        ids = [row.id for row in rows]
        if chosen is not None and chosen.id in ids:
            self.table.selectRow(ids.index(chosen.id))
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            # What and who may be long (bilingual); the deadline and status must stay in sight.
            what = 2 if self.model.columnCount() == 6 else 1
            for column, cap in ((what, 270), (what + 1, 170)):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), cap))
            self._sized = True

    def selected(self) -> ActionView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None


class ActionsTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.view: MeetingView | None = None
        layout = QVBoxLayout(self)
        self.own = ActionList(_("Action items decided at this meeting"), with_meeting=False)
        self.add_button = self.own.button(_("Add…"), self.add_action)
        self.own.button(_("Edit…"), lambda: self.edit_action(self.own.selected()))
        self.own.button(_("Mark done"), lambda: self.mark_done(self.own.selected()))
        self.remove_button = self.own.button(_("Remove…"), self.remove_action)
        self.own.buttons.addStretch(1)
        self.own.table.doubleClicked.connect(lambda _index: self.edit_action(self.own.selected()))
        layout.addWidget(self.own, 1)
        self.open = ActionList(_("Open action items of the body, overdue first"), with_meeting=True)
        self.open.button(_("Edit…"), lambda: self.edit_action(self.open.selected()))
        self.open.button(_("Mark done"), lambda: self.mark_done(self.open.selected()))
        self.open.buttons.addStretch(1)
        self.open.table.doubleClicked.connect(lambda _index: self.edit_action(self.open.selected()))
        layout.addWidget(self.open, 1)

    def show_meeting(self, view: MeetingView | None) -> None:
        self.view = view
        self.own.set_rows(list(view.actions) if view else [])
        self.open.set_rows(body_open_actions(self.store, view.body_id, current_language())
                           if view else [])
        editable = view is not None and not view.locked
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def add_action(self) -> ActionDialog | None:
        if self.view is None:
            return None
        view = self.view
        dialog = ActionDialog(self.store, view.items, parent=self)

        def add() -> object:
            values = dialog.new_values()
            return attempt(dialog, _("New action item"),
                           lambda: meetings.add_action(self.store, view.id, values.pop("what"), **values))

        dialog.submit = add
        dialog.open()
        return dialog

    def edit_action(self, action: ActionView | None) -> ActionDialog | None:
        if action is None or self.view is None:
            return None
        action_id = action.id
        start = attempt(self, _("Action item"), lambda: self._action_seen(action_id))
        if start is None:
            return None
        # The dialog shows what the save starts from: the row may be older than that read.
        dialog = ActionDialog(self.store, self.view.items, replace(action, **start.values),
                              parent=self)
        conflicts = FieldsShown(dialog.labels, dialog.shown, editable={"what", "owner_text"})

        def save() -> object:
            changes = dialog.changed_values()
            if not changes:
                return True
            return attempt(dialog, _("Action item"), lambda: save_resolving_conflicts(
                dialog, lambda fields, seen: meetings.update_action(
                    self.store, action_id, start=seen, **fields),
                changes, start, conflicts))

        dialog.submit = save
        dialog.open()
        return dialog

    def _action_seen(self, action_id: uuid.UUID) -> Seen:
        with self.store.read() as session:
            return action_seen(session, action_id)

    def mark_done(self, action: ActionView | None) -> None:
        if action is None or action.status == ActionStatus.DONE:
            return
        action_id = action.id
        # From the status the row showed: one another user set meanwhile (cancelled, say) is
        # asked about rather than overwritten.
        start = Seen(SHOWN, {"status": action.status})
        shown = FieldsShown({"status": _("Status")},
                            lambda _name, value: label(ActionStatus, value) if value else "")
        done = attempt(self, _("Action item"), lambda: save_resolving_conflicts(
            self, lambda fields, seen: meetings.update_action(
                self.store, action_id, start=seen, **fields),
            {"status": ActionStatus.DONE.value}, start, shown))
        if done is not None and not done and self.view is not None:  # their status kept
            self.show_meeting(read_again(self.store, self.view))

    def remove_action(self) -> None:
        action = self.own.selected()
        if action is not None and ask(self, _("Remove action item"), _(
                "Remove the action item {what}?").format(what=one_line(action.what))):
            attempt(self, _("Remove action item"), lambda: meetings.remove_action(self.store, action.id))
