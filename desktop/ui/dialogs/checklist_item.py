"""Editing one checklist step: status, owner, deadline, evidence, comments, history."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_date, format_utc
from desktop.services import checklist
from desktop.services.vocabulary import label, labels
from desktop.storage.base import utcnow
from desktop.storage.models import Attachment, ChecklistItem
from desktop.storage.models.enums import ChecklistStatus
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts


class ChecklistItemDialog(QDialog):
    def __init__(self, store: Store, item_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.item_id = item_id
        language = current_language()
        with store.read() as session:
            item = session.get(ChecklistItem, item_id)
            assert item is not None
            self.setWindowTitle(_("Checklist step"))
            meetings = checklist.meeting_item_choices(session, language)
            calls = checklist.grant_call_choices(session)
            attachment = session.get(Attachment, item.evidence_attachment_id) if item.evidence_attachment_id else None
            history = checklist.item_history(session, item_id)
            computed = checklist.automatic_evidence(session, item, language)
            comments = [(c.created_at, c.author, c.text) for c in item.comments if not c.deleted]
            title = item.title(language)
            # What this edit starts from: a save notices another user's save meanwhile.
            self.start = checklist.item_seen(session, item_id)

        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{_escape(title)}</b>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        tabs = QTabWidget(self)
        layout.addWidget(tabs)

        values = self.start.values
        due_on = values["due_on"]
        form_page = QWidget()
        form = QFormLayout(form_page)
        self.status = QComboBox()
        for code, text in labels(ChecklistStatus):
            self.status.addItem(text, code)
        self.status.setCurrentIndex(self.status.findData(values["status"]))
        form.addRow(_("Status"), self.status)
        self.owner = QLineEdit(values["owner"])
        form.addRow(_("Owner"), self.owner)
        due_row = QHBoxLayout()
        self.has_due = QCheckBox(_("Deadline"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d.M.yyyy")
        self.due.setDate(QDate(due_on) if due_on else QDate.currentDate())
        self.has_due.setChecked(due_on is not None)
        self.due.setEnabled(due_on is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(_("Due date"), due_row)
        self.evidence = QPlainTextEdit(values["evidence"])
        self.evidence.setPlaceholderText(_("What shows that the step is taken"))
        form.addRow(_("Evidence"), self.evidence)
        # Kept current by the app (the liaison network's gaps): shown, never typed.
        self.computed = QPlainTextEdit("\n".join(computed))
        self.computed.setReadOnly(True)
        self.computed.setMaximumHeight(110)
        self.computed.setStyleSheet("background: #fff3cd;")
        if computed:
            form.addRow(_("From the app's data"), self.computed)
        self.link = QLineEdit(values["evidence_link"])
        self.link.setPlaceholderText("https://")
        form.addRow(_("Link"), self.link)
        self.meeting = _choice_combo(meetings, values["evidence_agenda_item_id"])
        form.addRow(_("Meeting §"), self.meeting)
        self.call = _choice_combo(calls, values["evidence_grant_call_id"])
        form.addRow(_("Grant call"), self.call)
        attach_row = QHBoxLayout()
        self.attachment_label = QLabel(attachment.filename if attachment else _("No attachment"))
        attach = QPushButton(_("Attach a file…"))
        attach.clicked.connect(self.attach)
        attach_row.addWidget(self.attachment_label, 1)
        attach_row.addWidget(attach)
        form.addRow(_("Attachment"), attach_row)
        tabs.addTab(form_page, _("Step"))

        comments_page = QWidget()
        comments_layout = QVBoxLayout(comments_page)
        self.comments = QListWidget()
        for at, author, text in comments:
            self.comments.addItem(f"{format_utc(at)} {author}: {text}")
        comments_layout.addWidget(self.comments)
        self.new_comment = QLineEdit()
        self.new_comment.setPlaceholderText(_("Write a comment and press Enter"))
        self.new_comment.returnPressed.connect(self.add_comment)
        comments_layout.addWidget(self.new_comment)
        tabs.addTab(comments_page, _("Comments"))

        self.history = QListWidget()
        # The linked meeting items and grant calls by id: the history and a conflict name them.
        self.linked = {str(choice.id): choice.label for choice in meetings + calls}
        for entry in history:
            self.history.addItem(_("{at} {officer}: {field} {old} → {new}").format(
                at=format_utc(entry.at), officer=entry.officer or "—",
                field=_history_field(entry.field),
                old=_history_value(entry.field, entry.old, self.linked),
                new=_history_value(entry.field, entry.new, self.linked)))
        tabs.addTab(self.history, _("History"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self._initial = self.values()

    def values(self) -> dict[str, object]:
        return {
            "status": self.status.currentData(),
            "owner": self.owner.text().strip(),
            "due_on": self.due.date().toPython() if self.has_due.isChecked() else None,
            "evidence": self.evidence.toPlainText().strip(),
            "evidence_link": self.link.text().strip(),
            "evidence_agenda_item_id": _uuid(self.meeting.currentData()),
            "evidence_grant_call_id": _uuid(self.call.currentData()),
        }

    def save(self) -> None:
        # Only what the user changed: a link to a record no longer listed must survive a save.
        changed = {k: v for k, v in self.values().items() if v != self._initial[k]}
        if changed:
            saved = save_resolving_conflicts(
                self, lambda values, start: checklist.update_item(
                    self.store, self.item_id, start=start, **values),
                changed, self.start,
                # Values named as the history names them (codes and links by their labels).
                FieldsShown({name: _history_field(name) for name in self._initial},
                            lambda name, value: _history_value(name, value, self.linked),
                            editable={"owner", "evidence", "evidence_link"}))
            if saved is None:
                return
        self.accept()

    def add_comment(self) -> None:
        text = self.new_comment.text().strip()
        if not text:
            return
        checklist.add_comment(self.store, self.item_id, text, self.store.officer)
        self.comments.addItem(f"{format_utc(utcnow())} {self.store.officer}: {text}")
        self.new_comment.clear()

    def attach(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Attach a file"))
        if name:
            self.attach_path(Path(name))

    def attach_path(self, path: Path) -> None:
        try:
            checklist.attach_file(self.store, self.item_id, path)
        except KnownError as exc:
            self.attachment_label.setText(str(exc))
            return
        self.attachment_label.setText(path.name)


def _choice_combo(choices: list[checklist.EvidenceChoice], current: uuid.UUID | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("(none)"), "")
    for choice in choices:
        combo.addItem(choice.label, str(choice.id))
    combo.setMaxVisibleItems(20)
    combo.setMinimumContentsLength(30)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(str(current))))
    return combo


def _history_field(name: str) -> str:
    return {
        "status": _("Status"), "owner": _("Owner"), "due_on": _("Due date"),
        "evidence": _("Evidence"), "evidence_link": _("Link"),
        "evidence_agenda_item_id": _("Meeting §"), "evidence_grant_call_id": _("Grant call"),
        "evidence_attachment_id": _("Attachment"),
    }.get(name, name)


def _history_value(name: str, value: object, linked: dict[str, str]) -> str:
    if value in (None, ""):
        return "—"
    if name == "status":
        return label(ChecklistStatus, str(value))
    if name == "due_on":
        return format_date(dt.date.fromisoformat(str(value)))
    if name.endswith("_id"):
        return linked.get(str(value), _("(a linked record)"))
    return str(value)


def _uuid(text: str | None) -> uuid.UUID | None:
    return uuid.UUID(text) if text else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
