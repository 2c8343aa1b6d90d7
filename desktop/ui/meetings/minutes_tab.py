"""The minutes: minute checkers and their checks, per item the discussion, decision type and
decision, votes, disqualifications, dissenting opinions and workshop results; after approval
everything is read-only and changes are corrections. A memo has no checkers and no appeal."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.i18n.formatting import format_date
from desktop.services import meetings
from desktop.services.meetings.editor import ItemView, MeetingView
from desktop.services.meetings.minutes import decision_seen
from desktop.storage.models.enums import ItemType, MeetingStatus, Presence
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts
from desktop.ui.meetings.check_dialog import CheckDialog, checks_text
from desktop.ui.meetings.common import attempt
from desktop.ui.meetings.correction_dialog import CorrectionDialog
from desktop.ui.meetings.disqualifications_box import DisqualificationsBox
from desktop.ui.meetings.dissents_box import DissentsBox
from desktop.ui.meetings.item_pane import ItemPane
from desktop.ui.meetings.minutes_form import MinutesForm
from desktop.ui.meetings.vote_dialog import VoteDialog
from desktop.ui.meetings.workshop_box import WorkshopBox

PRESENT = (Presence.PRESENT, Presence.DEPUTY, Presence.EXPERT)
HELD_OR_LATER = (MeetingStatus.HELD, MeetingStatus.MINUTES_CHECKED, MeetingStatus.MINUTES_APPROVED)
# The fields whose clash the conflict dialog lets the secretary settle by editing the text.
EDITABLE_TEXTS = frozenset({"discussion", "decision", "amendment", "votes", "confidential_basis"})


class MinutesTab(ItemPane):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.view: MeetingView | None = None
        self.item_id: uuid.UUID | None = None
        layout = QVBoxLayout(self)

        self.checkers_row = QWidget()
        rows = QVBoxLayout(self.checkers_row)
        rows.setContentsMargins(0, 0, 0, 0)
        checkers = QHBoxLayout()
        checkers.addWidget(QLabel(_("Minute checkers:")))
        self.checkers = [QComboBox(), QComboBox()]
        for box in self.checkers:
            box.setEditable(True)
            box.setMinimumContentsLength(16)
            checkers.addWidget(box)
        self.checkers_button = QPushButton(_("Set checkers"))
        self.checkers_button.clicked.connect(lambda _checked=False: self.set_checkers())
        checkers.addWidget(self.checkers_button)
        checkers.addStretch(1)
        checks = QHBoxLayout()
        checks.setContentsMargins(0, 0, 0, 0)
        self.checks = QLabel()
        checks.addWidget(self.checks)
        self.check_button = QPushButton(_("Chec&ked…"))
        self.check_button.setToolTip(_("Record that a minute checker has checked the minutes, and when"))
        self.check_button.clicked.connect(lambda _checked=False: self.record_check())
        checks.addWidget(self.check_button)
        checks.addStretch(1)
        rows.addLayout(checkers)
        rows.addLayout(checks)
        layout.addWidget(self.checkers_row)

        locked = QHBoxLayout()
        self.locked_note = QLabel()
        self.locked_note.setWordWrap(True)
        locked.addWidget(self.locked_note, 1)
        self.correct_button = QPushButton(_("Record a correction…"))
        self.correct_button.clicked.connect(lambda _checked=False: self.record_correction())
        locked.addWidget(self.correct_button)
        layout.addLayout(locked)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.items.currentRowChanged.connect(self._row_changed)
        splitter.addWidget(self.items)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        right = QWidget()
        column = QVBoxLayout(right)
        self.form = MinutesForm()
        column.addWidget(self.form)
        self.dissents = DissentsBox(store)
        form_layout = self.form.layout()
        assert isinstance(form_layout, QFormLayout)
        self.disqualifications = DisqualificationsBox(store)
        form_layout.addRow(_("Disqualified"), self.disqualifications)
        form_layout.addRow(_("Dissenting opinions"), self.dissents)
        self.form.vote_button.clicked.connect(lambda _checked=False: self.record_vote())
        self.workshop = WorkshopBox(store)
        column.addWidget(self.workshop)
        self.corrections = QLabel()
        self.corrections.setWordWrap(True)
        self.corrections.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.corrections)
        column.addStretch(1)
        scroll.setWidget(right)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 440])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(_("Undo changes"))
        self.revert_button.clicked.connect(lambda _checked=False: self._load_form())
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setToolTip(_("Save the minutes of the item (Ctrl+S); they are also saved "
                                      "when you move on."))
        self.save_button.clicked.connect(lambda _checked=False: self.commit())
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(lambda _checked=False: self.commit())
        self.addAction(save)
        self._filling = False
        self.show_meeting(None)

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, view: MeetingView | None) -> None:
        gone = self._take_view(view)
        self._fill_list()
        self._show_checkers()
        self._show_lock()
        if gone or not self.form.is_dirty():
            self._load_form()
        else:
            self._load_extras()

    def _entry_text(self, item: ItemView) -> tuple[str, str]:
        needs = item.item_type in (ItemType.DECISION, ItemType.INFORMATION)
        mark = "✓ " if item.decision.strip() else ("• " if needs else "  ")
        return f"{mark}§ {item.section}  {item.title}", item.decision or item.title

    def select_section(self, section: int) -> None:
        """Go to § ``section`` as a click in the list would."""
        if self.view is not None:
            row = [i.section for i in self.view.items].index(section)
            self.items.setCurrentRow(row)

    def present_names(self) -> list[str]:
        return [a.name for a in self.view.attendance if a.presence in PRESENT] if self.view else []

    def _show_checkers(self) -> None:
        self.checkers_row.setVisible(self.view is None or self.view.is_minutes)
        self.checks.setText(checks_text(self.view) if self.view else "")
        self.check_button.setEnabled(self._editable() and bool(self.view and self.view.minute_checkers))
        names = self.present_names()
        chosen = list(self.view.minute_checkers) if self.view else []
        for n, box in enumerate(self.checkers):
            box.blockSignals(True)
            box.clear()
            box.addItems(names)
            box.setEditText(chosen[n] if n < len(chosen) else "")
            box.setEnabled(self._editable())
            box.blockSignals(False)
        self.checkers_button.setEnabled(self._editable())

    def _show_lock(self) -> None:
        view = self.view
        if view is not None and view.locked:
            self.locked_note.setText(_("The minutes were approved on {date} and are locked: a "
                                       "change is recorded as a correction.").format(
                date=format_date(view.approved_on)))
        else:
            self.locked_note.setText("")
        self.locked_note.setVisible(bool(view and view.locked))
        self.correct_button.setVisible(bool(view and view.locked))

    def _load_form(self, prefill: bool = True) -> None:
        item = self.current_item()
        editable = self._editable() and item is not None
        held = self.view is not None and self.view.status in HELD_OR_LATER
        view = self.view
        item = self._start_from(item, editable, decision_seen)
        self.form.load(item, editable, prefill=prefill and held,
                       wordings=dict(view.decision_wordings) if view else {},
                       minutes=view.is_minutes if view else True)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable)
        self._load_extras()

    def drop_edits(self) -> None:
        self._load_form(prefill=False)  # not even the standard decision, which a hide would save

    def _load_extras(self) -> None:
        item = self.current_item()
        editable = self._editable() and item is not None
        self.dissents.show_item(item.id if item else None, item.dissents if item else (),
                                self.present_names(), editable)
        self.disqualifications.show_item(
            item.id if item else None, item.disqualified if item else (),
            self.present_names(), item.disqualification_prompts if item else (), editable,
            self.view.language if self.view else "fi")
        workshop = item is not None and item.item_type == ItemType.WORKSHOP
        self.workshop.setVisible(workshop)
        self.workshop.show_item(item.id if workshop and item else None,
                                item.workshop if workshop and item else (),
                                item.ranked if workshop and item else (), editable)
        lines = [c.line for c in self.view.corrections
                 if item is not None and c.item_id == item.id] if self.view else []
        self.corrections.setText("\n".join(lines))
        self.corrections.setVisible(bool(lines))

    # -- saving ----------------------------------------------------------------------------

    def commit(self) -> bool:
        changes = self.form.changes()
        if not changes or self.item_id is None:
            return True
        item_id = self.item_id
        suggested = self.form.decision_suggested()
        conflicts = FieldsShown(self.form.labels, self.form.shown, editable=EDITABLE_TEXTS)
        done = attempt(self, _("Minutes"), lambda: save_resolving_conflicts(
            self, lambda fields, start: meetings.record_decision(
                self.store, item_id, start=start, suggested=suggested, **fields),
            changes, self.start, conflicts))
        if done is None:
            return False
        # The redraw after the save kept the form as typed (it was still unsaved then); a
        # decision cleared on purpose is not filled in again.
        self._load_form(prefill=False)
        return True

    def set_checkers(self) -> None:
        if self.view is None or not self.commit():
            return
        names = [box.currentText() for box in self.checkers]
        meeting_id = self.view.id
        attempt(self, _("Minute checkers"),
                lambda: meetings.set_minute_checkers(self.store, meeting_id, names))

    def record_vote(self) -> VoteDialog | None:
        item = self.current_item()
        if item is None or not self.commit():
            return None
        item = self.current_item()
        assert item is not None
        dialog = VoteDialog(item.vote, item.proposal, list(item.voters), self)
        item_id = item.id
        dialog.submit = lambda: attempt(dialog, _("Vote"), lambda: meetings.record_vote(
            self.store, item_id, **dialog.values()))
        dialog.open()
        return dialog

    def record_check(self) -> CheckDialog | None:
        view = self.view
        if view is None or not view.minute_checkers:
            return None
        dialog = CheckDialog(list(view.minute_checkers), dict(view.checks), self)
        meeting_id = view.id
        dialog.submit = lambda: attempt(dialog, _("Minutes checked"), lambda: meetings.record_check(
            self.store, meeting_id, dialog.checker.currentText(), dialog.day.date().toPython()))
        dialog.open()
        return dialog

    def record_correction(self) -> CorrectionDialog | None:
        if self.view is None:
            return None
        meeting_id = self.view.id
        item = self.current_item()
        dialog = CorrectionDialog(item, self.store.officer, self)

        dialog.submit = lambda: attempt(dialog, _("Record a correction"), lambda: meetings.correct_minutes(
            self.store, meeting_id, dialog.reason.toPlainText(), who=dialog.who.text(),
            item_id=item.id if item else None, fields=dialog.fields()))
        dialog.open()
        return dialog
