"""Attendance: the members filled in from the body, their presence, whose deputy, and the §
at which someone arrived or left; guests (experts) added by name. Every change is saved at once."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services import meetings
from desktop.services.meetings import minutes
from desktop.services.meetings.editor import AttendanceView, MeetingView
from desktop.services.records import SHOWN, Seen
from desktop.services.vocabulary import label, labels
from desktop.storage.models.enums import Presence
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts, stored_text
from desktop.ui.meetings.common import (
    CheckedDialog,
    ask,
    attempt,
    combo_text_data,
    fill_combo,
    ok_cancel,
    read_again,
    select_data,
)

NAME, ORGANISATION, ROLE, PRESENCE, DEPUTY_FOR, ARRIVED, LEFT = range(7)
# The columns an officer edits, by the field each sets.
EDITED = {"name": NAME, "presence": PRESENCE, "deputy_for": DEPUTY_FOR, "arrived_at": ARRIVED,
          "left_at": LEFT}
ROW_ID = Qt.ItemDataRole.UserRole


class AttendanceTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.view: MeetingView | None = None
        layout = QVBoxLayout(self)
        self.toolbar = QToolBar()
        self.fill_action = self.toolbar.addAction(_("Fill from members"))
        self.fill_action.setToolTip(_("Add every member whose term covers the meeting date as present"))
        self.fill_action.triggered.connect(lambda _checked=False: self.fill())
        self.guest_action = self.toolbar.addAction(_("Add a guest…"))
        self.guest_action.triggered.connect(lambda _checked=False: self.add_guest())
        self.remove_action = self.toolbar.addAction(_("Remove…"))
        self.remove_action.triggered.connect(lambda _checked=False: self.remove())
        layout.addWidget(self.toolbar)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            _("Name"), _("Organisation"), _("Role"), _("Presence"), _("Deputy for"),
            _("Arrived at"), _("Left at")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ORGANISATION, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_actions)
        layout.addWidget(self.table, 1)
        self._filling = False

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, view: MeetingView | None) -> None:
        self.view = view
        rows = view.attendance if view else ()
        shown = [self.table.item(r, NAME).data(ROW_ID) for r in range(self.table.rowCount())]
        self._filling = True
        try:
            if shown != [row.id for row in rows]:
                self.table.setRowCount(0)
                self.table.setRowCount(len(rows))
                for r, row in enumerate(rows):
                    self._build_row(r, row.id)
            for r, row in enumerate(rows):
                self._show_row(r, row)
        finally:
            self._filling = False
        if rows and shown != [row.id for row in rows]:
            for column in (NAME, ROLE, PRESENCE, DEPUTY_FOR, ARRIVED, LEFT):
                self.table.resizeColumnToContents(column)
        self._update_actions()

    def _build_row(self, r: int, row_id: uuid.UUID) -> None:
        for column in (NAME, ORGANISATION, ROLE, DEPUTY_FOR):
            item = QTableWidgetItem()
            item.setData(ROW_ID, row_id)
            if column in (ORGANISATION, ROLE):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, column, item)
        presence = QComboBox()
        fill_combo(presence, labels(Presence))
        presence.activated.connect(lambda _index, rid=row_id, box=presence: self._presence(rid, box))
        self.table.setCellWidget(r, PRESENCE, presence)
        for column, field in ((ARRIVED, "arrived_at"), (LEFT, "left_at")):
            box = QComboBox()
            box.activated.connect(
                lambda _index, rid=row_id, b=box, f=field: self._section(rid, f, b))
            self.table.setCellWidget(r, column, box)

    def _show_row(self, r: int, row: AttendanceView) -> None:
        editable = self._editable()
        self.table.item(r, NAME).setText(row.name)
        self.table.item(r, ORGANISATION).setText(row.organisation)
        self.table.item(r, ROLE).setText(row.role_label)
        self.table.item(r, DEPUTY_FOR).setText(row.deputy_for)
        for column in (NAME, DEPUTY_FOR):
            item = self.table.item(r, column)
            flags = item.flags() | Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags if editable else flags & ~Qt.ItemFlag.ItemIsEditable)
        presence = self._combo(r, PRESENCE)
        presence.blockSignals(True)
        select_data(presence, row.presence)
        presence.blockSignals(False)
        sections = [(item.section, f"§ {item.section}") for item in self.view.items] if self.view else []
        for column, value in ((ARRIVED, row.arrived_at), (LEFT, row.left_at)):
            fill_combo(self._combo(r, column), sections, value, none_label="—")
        for column in (PRESENCE, ARRIVED, LEFT):
            self._combo(r, column).setEnabled(editable)

    def _combo(self, r: int, column: int) -> QComboBox:
        box = self.table.cellWidget(r, column)
        assert isinstance(box, QComboBox)
        return box

    def _editable(self) -> bool:
        return self.view is not None and not self.view.locked

    def _update_actions(self) -> None:
        editable = self._editable()
        self.fill_action.setEnabled(editable)
        self.guest_action.setEnabled(editable)
        self.remove_action.setEnabled(editable and self.selected() is not None)

    def selected(self) -> AttendanceView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.view is None:
            return None
        row_id = self.table.item(rows[0].row(), NAME).data(ROW_ID)
        return next((a for a in self.view.attendance if a.id == row_id), None)

    def row_of(self, name: str) -> int:
        """The table row showing ``name`` (-1 if none): for tests and the keyboard."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, NAME).text() == name:
                return r
        return -1

    # -- editing ---------------------------------------------------------------------------

    def _update(self, row_id: uuid.UUID, fields: dict[str, object],
                following: tuple[str, ...] = ()) -> None:
        """Save ``fields`` chosen in the row; ``following``: those that follow from the choice
        (an absent member's §s), written whatever another secretary set meanwhile."""
        row = self._row(row_id)
        # From what the row showed: a value another secretary saved meanwhile is asked about.
        start = Seen(SHOWN, {name: getattr(row, name) for name in fields
                             if name not in following}) if row else None
        headers = {name: self.table.horizontalHeaderItem(column).text()
                   for name, column in EDITED.items()}
        done = attempt(self, _("Attendance"), lambda: save_resolving_conflicts(
            self, lambda values, seen: meetings.update_attendance(
                self.store, row_id, start=seen, **values),
            dict(fields), start, FieldsShown(headers, self._shown)))
        if done is None:
            self.show_meeting(self.view)  # back to what is shown
        elif not done and self.view is not None:  # their value kept
            self.show_meeting(read_again(self.store, self.view))

    def _row(self, row_id: uuid.UUID) -> AttendanceView | None:
        return next((a for a in self.view.attendance if a.id == row_id), None) if self.view else None

    @staticmethod
    def _shown(name: str, value: Any) -> str:
        if name == "presence":
            return label(Presence, value) if value else ""
        if name in ("arrived_at", "left_at"):
            return f"§ {value}" if value else ""
        return stored_text(value)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        field = {NAME: "name", DEPUTY_FOR: "deputy_for"}.get(item.column())
        if field is not None:
            self._update(item.data(ROW_ID), {field: item.text()})

    def _presence(self, row_id: uuid.UUID, box: QComboBox) -> None:
        presence = combo_text_data(box)
        row = self._row(row_id)
        if row is None:
            return
        fields: dict[str, object] = {"presence": presence}
        if presence == Presence.DEPUTY and row.member_id is None and not row.deputy_for:
            name, ok = QInputDialog.getText(self, _("Attendance"),
                                            _("Whose deputy is {name}?").format(name=row.name))
            if not ok:
                self.show_meeting(self.view)
                return
            fields["deputy_for"] = name
        if presence == Presence.ABSENT:
            fields |= {"arrived_at": None, "left_at": None}
        self._update(row_id, fields, following=("arrived_at", "left_at"))

    def _section(self, row_id: uuid.UUID, field: str, box: QComboBox) -> None:
        value = combo_text_data(box)
        self._update(row_id, {field: int(value) if value else None})

    def set_presence(self, name: str, presence: str) -> None:
        """Choose a presence as the user would in the row's combo box."""
        r = self.row_of(name)
        box = self._combo(r, PRESENCE)
        box.setCurrentIndex(box.findData(presence))
        box.activated.emit(box.currentIndex())

    def fill(self) -> None:
        if self.view is not None:
            meeting_id = self.view.id
            attempt(self, _("Attendance"), lambda: meetings.fill_attendance(self.store, meeting_id))

    def add_guest(self) -> GuestDialog | None:
        if self.view is None:
            return None
        dialog = GuestDialog(self)
        meeting_id = self.view.id

        dialog.submit = lambda: attempt(dialog, _("Add a guest"), lambda: meetings.record_attendance(
            self.store, meeting_id, **dialog.values()))
        dialog.open()
        return dialog

    def remove(self) -> None:
        row = self.selected()
        if row is None or not ask(self, _("Remove from the attendance"), _(
                "Remove {name} from the attendance?").format(name=row.name)):
            return
        attempt(self, _("Attendance"), lambda: minutes.remove_attendance(self.store, row.id))


class GuestDialog(CheckedDialog):
    """Someone who is not a member: an expert, a guest, a deputy named at the meeting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a guest"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        form.addRow(_("&Name"), self.name)
        self.organisation = QLineEdit()
        form.addRow(_("&Organisation"), self.organisation)
        self.presence = QComboBox()
        fill_combo(self.presence, labels(Presence), Presence.EXPERT)
        form.addRow(_("&Presence"), self.presence)
        self.deputy_for = QLineEdit()
        self.deputy_for.setPlaceholderText(_("Only for a deputy"))
        form.addRow(_("&Deputy for"), self.deputy_for)
        buttons = ok_cancel(self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        return {"name": self.name.text(), "organisation": self.organisation.text(),
                "presence": combo_text_data(self.presence), "deputy_for": self.deputy_for.text()}
