"""One meeting: its header, the status steps, the documents, and the tabs Agenda, Attendance,
Minutes and Action items."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.meeting_text import DocumentKind
from desktop.errors import KnownError
from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_date, format_time
from desktop.services import meetings
from desktop.services.meetings.agenda import meeting_seen
from desktop.services.meetings.editor import MeetingView, body_choices, meeting_view
from desktop.services.records import Seen
from desktop.services.vocabulary import label
from desktop.storage.models.enums import MeetingStatus, RecordKind
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts
from desktop.ui.meetings import documents
from desktop.ui.meetings.actions_tab import ActionsTab
from desktop.ui.meetings.agenda_tab import AgendaTab
from desktop.ui.meetings.attendance_tab import AttendanceTab
from desktop.ui.meetings.common import ask, attempt, combo_text_data, fill_combo
from desktop.ui.meetings.meeting_dialog import MeetingDialog, meeting_languages
from desktop.ui.meetings.minutes_tab import MinutesTab

ORDER = list(MeetingStatus)
# The details typed as text, which a conflict lets the user edit.
EDITABLE_DETAILS = frozenset({"place", "online_link", "chair", "secretary", "display_place"})


def _step(status: str) -> int:
    return ORDER.index(MeetingStatus(status))


class MeetingEditor(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.view: MeetingView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.details_button = QPushButton(_("Details…"))
        self.details_button.clicked.connect(lambda _checked=False: self.edit_details())
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading, 1)
        title_row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(title_row)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)

        # A tool bar, not a row of buttons: on a narrow window the last steps go behind its »
        # instead of the editor pushing the meeting list off screen.
        steps = QToolBar()
        self.send_button = self._step_button(steps, _("Send agenda"), self.send_agenda)
        self.held_button = self._step_button(steps, _("Mark held"), self.mark_held)
        self.checked_button = self._step_button(steps, _("Minutes checked"), self.mark_checked)
        self.approve_button = self._step_button(steps, _("Approve minutes…"), self.approve)
        steps.addSeparator()
        self.back_button = self._step_button(steps, _("Step back…"), self.step_back)
        layout.addWidget(steps)

        self.toolbar = QToolBar()
        self.toolbar.addWidget(QLabel(_("Language:") + " "))
        self.language = QComboBox()
        # Codes keep the bar short; the names are in the list and the tooltip.
        fill_combo(self.language, [(code, code) for code, _name in meeting_languages()])
        for index, (_code, name) in enumerate(meeting_languages()):
            self.language.setItemData(index, name, Qt.ItemDataRole.ToolTipRole)
        self.language.setToolTip(_("The language of the documents; the meeting's by default"))
        self.toolbar.addWidget(self.language)
        self.agenda_pdf_action = self._document(_("Agenda PDF…"), self.agenda_pdf, "Ctrl+P")
        self.minutes_pdf_action = self._document(_("Minutes PDF…"), self.minutes_pdf, "Ctrl+Shift+P")
        self.extract_action = self._document(_("Extract…"), self.extract_pdf, "Ctrl+Shift+X")
        self.public_action = self._document(_("Public version…"), self.public_pdf, "Ctrl+Shift+U")
        self.ics_action = self._document(_("Invitation (.ics)…"), self.invitation_ics)
        self.email_action = self._document(_("Copy invitation e-mail"), self.copy_email, "Ctrl+Shift+C")
        layout.addWidget(self.toolbar)

        self.tabs = QTabWidget()
        self.agenda = AgendaTab(store)
        self.attendance = AttendanceTab(store)
        self.minutes = MinutesTab(store)
        self.actions = ActionsTab(store)
        self.tabs.addTab(self.agenda, _("&Agenda"))
        self.tabs.addTab(self.attendance, _("Atte&ndance"))
        self.tabs.addTab(self.minutes, _("&Minutes"))
        self.tabs.addTab(self.actions, _("A&ction items"))
        self._tab = 0
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.show_meeting(None)

    def _step_button(self, row: QToolBar, text: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    def _document(self, text: str, slot, keys: str = "") -> QAction:  # noqa: ANN001
        action = self.toolbar.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text.rstrip('…')} ({keys})")
            self.addAction(action)
        return action

    # -- showing ---------------------------------------------------------------------------

    @property
    def meeting_id(self) -> uuid.UUID | None:
        return self.view.id if self.view else None

    def show_meeting(self, meeting_id: uuid.UUID | None) -> None:
        """Show another meeting (the caller has saved the current one with ``commit``)."""
        changed = meeting_id != self.meeting_id
        try:
            self.view = meeting_view(self.store, meeting_id, current_language()) if meeting_id else None
        except KnownError:  # deleted meanwhile
            self.view = None
        if changed and self.view is not None:
            self.language.setCurrentIndex(max(self.language.findData(self.view.language), 0))
        self._show()

    def refresh(self) -> None:
        """Read the meeting again after a change (it may be gone)."""
        if self.meeting_id is not None:
            self.show_meeting(self.meeting_id)

    def _show(self) -> None:
        view = self.view
        self.setEnabled(view is not None)
        if view is None:
            self.heading.setText(_("No meeting chosen"))
            self.details.setText(_("Choose a meeting from the list, or create one with New meeting."))
        else:
            self.heading.setText(f"{view.body} {view.reference}")
            self.details.setText(self._details(view))
        self._update_steps()
        for tab in (self.agenda, self.attendance, self.minutes, self.actions):
            tab.show_meeting(view)

    def _details(self, view: MeetingView) -> str:
        start, end = format_time(view.start_time), format_time(view.end_time)
        when = format_date(view.date) + (f" {start}–{end}" if start and end else f" {start}" if start else "")
        language = dict(meeting_languages()).get(view.language, view.language)
        parts = [when, view.place, view.online_link, label(RecordKind, view.record_kind),
                 _("Status: {status}").format(status=view.status_label),
                 _("Language: {language}").format(language=language)]
        return " · ".join(part for part in parts if part)

    def _update_steps(self) -> None:
        view = self.view
        step = _step(view.status) if view else -1
        locked = view is None or view.locked
        # Approved minutes still get their notice and public display.
        self.details_button.setEnabled(view is not None and (not view.locked or view.is_minutes))
        self.send_button.setEnabled(step == 0 and bool(view and view.items))
        self.held_button.setEnabled(step == 1 and view is not None and view.date <= dt.date.today())
        if view is not None and step == 1 and view.date > dt.date.today():
            self.held_button.setToolTip(_("The meeting is on {date}.").format(date=format_date(view.date)))
        else:
            self.held_button.setToolTip("")
        self.checked_button.setEnabled(step == 2)
        self.approve_button.setEnabled(step == 3)
        self.back_button.setEnabled(step > 0 and not locked)
        for action in (self.agenda_pdf_action, self.minutes_pdf_action, self.extract_action,
                       self.public_action, self.ics_action, self.email_action):
            action.setEnabled(view is not None)

    # -- saving edits ----------------------------------------------------------------------

    def commit(self) -> bool:
        """Save what the agenda and minutes forms hold; False if a service refused it."""
        return self.agenda.commit() and self.minutes.commit()

    def drop_edits(self) -> None:
        """The forms as stored, so that hiding them saves nothing."""
        self.agenda.drop_edits()
        self.minutes.drop_edits()

    def _tab_changed(self, index: int) -> None:
        if index == self._tab:
            return
        if not self.commit():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._tab)
            self.tabs.blockSignals(False)
            return
        self._tab = index

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        # Leaving the page (or closing the window) must not drop what was typed.
        if self.view is not None:
            self.commit()
        super().hideEvent(event)

    # -- status steps ----------------------------------------------------------------------

    def _set_status(self, title: str, status: MeetingStatus) -> bool:
        meeting_id = self.meeting_id
        if meeting_id is None or not self.commit():
            return False
        return attempt(self, title, lambda: meetings.set_status(self.store, meeting_id, status)) is not None

    def send_agenda(self) -> bool:
        if self.view is None or not ask(self, _("Send agenda"), _(
                "Mark the agenda of {meeting} as sent? Its § numbers are then fixed.").format(
                meeting=self.view.reference)):
            return False
        return self._set_status(_("Send agenda"), MeetingStatus.AGENDA_SENT)

    def mark_held(self) -> bool:
        return self._set_status(_("Mark held"), MeetingStatus.HELD)

    def mark_checked(self) -> bool:
        return self._set_status(_("Minutes checked"), MeetingStatus.MINUTES_CHECKED)

    def approve(self) -> bool:
        if self.view is None or not self.commit() or not ask(self, _("Approve minutes"), _(
                "Approve the minutes of {meeting}?\n\nApproved minutes are locked: a later change "
                "is recorded as a correction.").format(meeting=self.view.reference)):
            return False
        meeting_id = self.view.id
        return attempt(self, _("Approve minutes"),
                       lambda: meetings.approve_minutes(self.store, meeting_id)) is not None

    def step_back(self) -> bool:
        view = self.view
        if view is None or view.locked or _step(view.status) == 0:
            return False
        previous = ORDER[_step(view.status) - 1]
        if not ask(self, _("Step back"), _("Move {meeting} back to '{status}'?").format(
                meeting=view.reference, status=label(MeetingStatus, previous))):
            return False
        return self._set_status(_("Step back"), previous)

    def edit_details(self) -> MeetingDialog | None:
        view = self.view
        if view is None:
            return None
        title = _("Meeting details")
        start = attempt(self, title, lambda: self._meeting_seen(view.id))
        if start is None:
            return None
        # The dialog shows what the save starts from: the view may be older than that read.
        values = dict(start.values)
        shown = replace(view, own_record_kind=values.pop("record_kind"), **values)
        dialog = MeetingDialog(body_choices(self.store, current_language()), shown, parent=self)
        conflicts = FieldsShown(dialog.labels, dialog.shown, editable=EDITABLE_DETAILS)
        dialog.submit = lambda: attempt(dialog, title, lambda: save_resolving_conflicts(
            dialog, lambda fields, seen: meetings.update_meeting(
                self.store, view.id, start=seen, **fields),
            dialog.values(), start, conflicts))
        dialog.open()
        return dialog

    def _meeting_seen(self, meeting_id: uuid.UUID) -> Seen:
        with self.store.read() as session:
            return meeting_seen(session, meeting_id)

    # -- documents -------------------------------------------------------------------------

    def document_language(self) -> str:
        return combo_text_data(self.language) or (self.view.language if self.view else "fi")

    def _ready(self) -> MeetingView | None:
        """The meeting with the forms saved, so the documents show what is on screen."""
        return self.view if self.view is not None and self.commit() else None

    def agenda_pdf(self) -> Path | None:
        view = self._ready()
        if view is None:
            return None
        path = documents.write_pdf(self, self.store, view, DocumentKind.AGENDA, self.document_language())
        if path is not None:
            self._notify(_("Agenda written to {path}.").format(path=path))
        return path

    def minutes_pdf(self) -> Path | None:
        view = self._ready()
        if view is None:
            return None
        path = documents.write_pdf(self, self.store, view, DocumentKind.MINUTES, self.document_language())
        if path is not None:
            self._notify(_("Minutes written to {path}.").format(path=path))
        return path

    def extract_pdf(self) -> QDialog | None:
        """The § chooser of an extract from the minutes (it writes the PDF on OK)."""
        view = self._ready()
        if view is None:
            return None
        return documents.open_extract(self, self.store, view, self.document_language(), lambda path:
                                      self._notify(_("Extract written to {path}.").format(path=path)))

    def public_pdf(self) -> QDialog | None:
        """The preview of the public version's removals (it writes the PDF on OK)."""
        view = self._ready()
        if view is None:
            return None
        return documents.open_public_version(
            self, self.store, view, self.document_language(),
            lambda path: self._notify(_("Public version written to {path}.").format(path=path)))

    def invitation_ics(self) -> Path | None:
        view = self._ready()
        if view is None:
            return None
        path = documents.write_invitation(self, self.store, view, self.document_language())
        if path is not None:
            self._notify(_("Calendar invitation written to {path}.").format(path=path))
        return path

    def copy_email(self) -> str | None:
        view = self._ready()
        if view is None:
            return None
        text = documents.copy_invitation(self, self.store, view, self.document_language())
        if text is not None:
            self._notify(_("The invitation e-mail of {meeting} is on the clipboard: paste it into "
                           "your e-mail program.").format(meeting=view.reference))
        return text

    def _notify(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 10000)
