"""Partnership tables and their meetings: the list (coming ones in bold) beside the editor of
the chosen meeting, with New meeting and Bodies and members."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QWidget,
)

from desktop.i18n import _, current_language, ngettext
from desktop.i18n.formatting import format_date
from desktop.services import meetings
from desktop.services.meetings.editor import MeetingListRow, body_choices, meeting_list
from desktop.storage.store import Store
from desktop.ui.meetings.body_dialog import BodiesDialog
from desktop.ui.meetings.common import ask, attempt, combo_id, fill_combo
from desktop.ui.meetings.idea_bank import IdeaBankDialog
from desktop.ui.meetings.meeting_dialog import MeetingDialog
from desktop.ui.meetings.meeting_editor import MeetingEditor
from desktop.ui.pages.base import Page, fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel

# What the page shows comes from all of these.
WATCHED = ("body", "body_member", "meeting", "agenda_item", "meeting_attendance",
           "dissenting_opinion", "action_item", "workshop_point", "item_attachment",
           "minutes_correction", "organisation", "contact_person", "item_disqualification",
           "grant_decision", "idea")


class MeetingsPage(Page):
    watches = WATCHED

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Partnership tables and meetings"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Body:")))
        self.body_filter = QComboBox(self)
        self.body_filter.setMinimumContentsLength(24)
        self.body_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        bar.addWidget(self.body_filter)
        self.new_button = QPushButton(_("New meeting…"), self)
        self.new_button.setToolTip(_("New meeting (Ctrl+Shift+M)"))
        self.new_button.clicked.connect(lambda _checked=False: self.new_meeting())
        bar.addWidget(self.new_button)
        self.bodies_button = QPushButton(_("Bodies and members…"), self)
        self.bodies_button.clicked.connect(lambda _checked=False: self.edit_bodies())
        bar.addWidget(self.bodies_button)
        self.ideas_button = QPushButton(_("Idea bank…"), self)
        self.ideas_button.setToolTip(_("The ideas kept from workshops, across meetings (Ctrl+Shift+B)"))
        self.ideas_button.clicked.connect(lambda _checked=False: self.idea_bank())
        bar.addWidget(self.ideas_button)
        bar.addStretch(1)
        self.layout_.addLayout(bar)

        self.model: RowTableModel[MeetingListRow] = RowTableModel(
            [
                Column(_("No."), lambda r: r.reference, align_right=True),
                Column(_("Date"), lambda r: format_date(r.date)),
                Column(_("Status"), lambda r: r.status_label),
                Column(_("Body"), lambda r: r.body),
                Column(_("Place"), lambda r: r.place),
            ],
            bold=lambda r: r.upcoming,
            parent=self,
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = make_table(self.model, self.splitter)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.editor = MeetingEditor(store, self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.editor)
        # The list keeps its width when the window grows; the editor takes the rest.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 800])
        self.splitter.setChildrenCollapsible(False)
        self.layout_.addWidget(self.splitter, 1)

        new = QAction(_("New meeting…"), self)
        new.setShortcut(QKeySequence("Ctrl+Shift+M"))
        new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.triggered.connect(lambda _checked=False: self.new_meeting())
        self.addAction(new)
        self.new_action = new
        bank = QAction(_("Idea bank…"), self)
        bank.setShortcut(QKeySequence("Ctrl+Shift+B"))
        bank.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bank.triggered.connect(lambda _checked=False: self.idea_bank())
        self.addAction(bank)

        self._filling = False
        self._fill_bodies()
        self.refresh()
        self._fit_columns()

    # -- reading -------------------------------------------------------------------------

    def _fill_bodies(self) -> None:
        fill_combo(self.body_filter, [(b.id, b.name) for b in body_choices(self.store, current_language())],
                   combo_id(self.body_filter), none_label=_("All bodies"))

    def on_changes(self, changes) -> None:  # noqa: ANN001 - Changes
        if changes.touches("body"):
            self._fill_bodies()
        super().on_changes(changes)

    def refresh(self) -> None:
        keep = self.editor.meeting_id
        rows = meeting_list(self.store, current_language(), combo_id(self.body_filter))
        self._filling = True
        try:
            self.model.set_rows(rows)
            self._select(keep)
        finally:
            self._filling = False
        if keep is not None and keep in [row.id for row in rows]:
            self.editor.refresh()
        else:  # filtered out or deleted: keep what was typed, then open another
            if keep is not None:
                self.editor.commit()
            self._choose_next_meeting()

    def save_edits(self) -> bool:
        return self.editor.view is None or self.editor.commit()

    def drop_edits(self) -> None:
        self.editor.drop_edits()

    def _fit_columns(self) -> None:
        fit_columns(self.table, cap=260)
        # Number, date and status whole in view at first; the body and place are scrolled to.
        shown = sum(self.table.columnWidth(column) for column in range(3))
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        self.splitter.setSizes([shown + frame + 4, max(600, self.width() - shown - frame)])

    def _select(self, meeting_id: uuid.UUID | None) -> None:
        ids = [self.model.row_at(r).id for r in range(self.model.rowCount())]
        if meeting_id in ids:
            index = self.model.index(ids.index(meeting_id), 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def _choose_next_meeting(self) -> None:
        """Open on the next coming meeting: the one the secretary is preparing."""
        today = dt.date.today()
        rows = self.rows()
        coming = [row for row in rows if row.date >= today]
        chosen = min(coming, key=lambda row: row.date) if coming else (rows[0] if rows else None)
        self._filling = True
        self._select(chosen.id if chosen else None)
        self._filling = False
        self.editor.show_meeting(chosen.id if chosen else None)

    def current_id(self) -> uuid.UUID | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def rows(self) -> list[MeetingListRow]:
        return [self.model.row_at(r) for r in range(self.model.rowCount())]

    def status_text(self) -> str:
        n = self.model.rowCount()
        return ngettext("{n} meeting", "{n} meetings", n).format(n=n)

    # -- choosing ------------------------------------------------------------------------

    def show_meeting(self, meeting_id: uuid.UUID) -> None:
        """Open a meeting in the editor as a click in the list would."""
        if meeting_id not in [row.id for row in self.rows()]:
            self.body_filter.setCurrentIndex(0)  # all bodies
        self._select(meeting_id)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._filling:
            return
        wanted = self.model.row_at(current.row()).id if current.isValid() else None
        if wanted == self.editor.meeting_id:
            return
        if not self.editor.commit():  # the user stays with the edit the service refused
            self._filling = True
            self._select(self.editor.meeting_id)
            self._filling = False
            return
        self.editor.show_meeting(wanted)

    # -- actions -------------------------------------------------------------------------

    def new_meeting(self) -> MeetingDialog | None:
        if not self.editor.commit():
            return None
        bodies = body_choices(self.store, current_language())
        if not bodies:
            self.notify(_("Create a body first with Bodies and members."))
            self.edit_bodies()
            return None
        current = self.editor.view.body_id if self.editor.view else None
        dialog = MeetingDialog(bodies, body_id=combo_id(self.body_filter) or current, parent=self)

        def create() -> object:
            body_id = dialog.body_id()
            result = attempt(dialog, _("New meeting"), lambda: meetings.create_meeting(
                self.store, body_id, **dialog.values()))
            if result is not None:
                self.show_meeting(result[0])
                self.editor.tabs.setCurrentIndex(0)
            return result

        dialog.submit = create
        dialog.open()
        return dialog

    def idea_bank(self) -> IdeaBankDialog:
        """One window at a time, brought to the front when asked for again."""
        dialog = getattr(self, "_idea_bank", None)
        if dialog is not None and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        if dialog is not None:
            dialog.deleteLater()
        dialog = IdeaBankDialog(self.store, self)
        self._idea_bank = dialog
        dialog.show()
        return dialog

    def edit_bodies(self) -> BodiesDialog:
        dialog = BodiesDialog(self.store, self)
        dialog.open()
        self._bodies_dialog = dialog
        return dialog

    def delete_meeting(self) -> None:
        view = self.editor.view
        if view is None or not ask(self, _("Delete meeting"), _(
                "Delete the meeting {meeting} of {body} with its agenda?").format(
                meeting=view.reference, body=view.body)):
            return
        attempt(self, _("Delete meeting"), lambda: meetings.delete_meeting(self.store, view.id))

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(_("New meeting…"), self.new_meeting)
        if self.editor.view is not None:
            menu.addSeparator()
            editor = self.editor
            for action in (editor.agenda_pdf_action, editor.minutes_pdf_action, editor.ics_action,
                           editor.email_action):
                menu.addAction(action)
            menu.addSeparator()
            delete = menu.addAction(_("Delete meeting…"), self.delete_meeting)
            delete.setEnabled(self.editor.view.agenda_open)
        menu.popup(self.table.viewport().mapToGlobal(point))
