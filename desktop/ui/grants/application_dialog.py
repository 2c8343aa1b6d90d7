"""An application to a call: the organisation, purpose, amount applied, the municipalities and
activities it supports, the date received and the files sent with it."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_money, format_number
from desktop.services.grants import applications, views
from desktop.services.meetings.attachments import save_attachment
from desktop.services.meetings.editor import organisation_choices
from desktop.services.records import Seen
from desktop.storage.store import Store
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.dialogs.edit_conflict import (
    FieldsShown,
    list_text,
    save_resolving_conflicts,
    stored_text,
)
from desktop.ui.grants.common import MoneyEdit
from desktop.ui.meetings.common import (
    CheckedDialog,
    ask,
    attempt,
    combo_id,
    fill_combo,
    searchable,
    select_data,
)
from desktop.ui.optional_date import OptionalDate

DATA = Qt.ItemDataRole.UserRole


def _checkable(pairs: list[tuple[Any, str]], checked: set[Any]) -> list[QListWidgetItem]:
    items = []
    for value, text in pairs:
        item = QListWidgetItem(text)
        item.setData(DATA, str(value))
        item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
        items.append(item)
    return items


def checked_values(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(DATA) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def check_texts(widget: QListWidget, texts: set[str]) -> None:
    """Tick the rows showing ``texts`` (tests and keyboard users pick by name)."""
    for i in range(widget.count()):
        if widget.item(i).text() in texts:
            widget.item(i).setCheckState(Qt.CheckState.Checked)


class ApplicationDialog(CheckedDialog):
    def __init__(self, store: Store, call_id: uuid.UUID, application_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.call_id = call_id
        self.application_id = application_id
        self.saved_id = application_id
        self.pending: list[Path] = []  # files chosen before a new application is saved
        language = current_language()
        self.start: Seen | None = None
        if application_id is not None:
            # What this edit starts from, read before the fields shown: a save notices another
            # user's save meanwhile.
            with store.read() as session:
                self.start = applications.application_seen(session, application_id)
        details = (views.application_details(store, application_id, language)
                   if application_id is not None else None)
        self.labels = {"purpose": _("Purpose"), "applied_cents": _("Amount applied (€)"),
                       "received_on": _("Received"),
                       "municipalities": _("Municipalities it reaches"),
                       "activity_ids": _("Activities it supports")}
        self.setWindowTitle(_("New application") if details is None else _("Application"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.organisation = searchable(QComboBox())
        self.organisation.setMinimumContentsLength(40)
        fill_combo(self.organisation, organisation_choices(store, language),
                   details.organisation_id if details else None, none_label="—")
        self.organisation.currentIndexChanged.connect(lambda _i: self._fill_activities(set()))
        form.addRow(_("Organisation"), self.organisation)
        if details is not None:
            # The application belongs to the organisation that sent it.
            self.organisation.setEnabled(False)
        self.purpose = QPlainTextEdit()
        self.purpose.setMaximumHeight(80)
        form.addRow(self.labels["purpose"], self.purpose)
        self.applied = MoneyEdit()
        form.addRow(self.labels["applied_cents"], self.applied)
        self.received_on = OptionalDate(None, _("Received"))
        form.addRow(self.labels["received_on"], self.received_on)
        self.municipalities = QListWidget()
        self.municipalities.setMinimumHeight(110)
        for item in _checkable(views.municipality_choices(store, language),
                               set(details.municipalities) if details else set()):
            self.municipalities.addItem(item)
        form.addRow(self.labels["municipalities"], self.municipalities)
        self.activities = QListWidget()
        self.activities.setMinimumHeight(70)
        form.addRow(self.labels["activity_ids"], self.activities)
        self.files = QListWidget()
        self.files.setMaximumHeight(70)
        files_box = QWidget()
        files_layout = QVBoxLayout(files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.files)
        row = QHBoxLayout()
        self.attach_button = QPushButton(_("Attach a file…"))
        self.save_copy_button = QPushButton(_("Save a copy…"))
        self.detach_button = QPushButton(_("Remove…"))
        self.attach_button.clicked.connect(lambda _c=False: self.attach())
        self.save_copy_button.clicked.connect(lambda _c=False: self.save_copy())
        self.detach_button.clicked.connect(lambda _c=False: self.detach())
        for button in (self.attach_button, self.save_copy_button, self.detach_button):
            row.addWidget(button)
        row.addStretch(1)
        files_layout.addLayout(row)
        form.addRow(_("Attachments"), files_box)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form.addRow("", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        if details is not None:
            self.purpose.setPlainText(details.purpose)
            self.applied.set_cents(details.applied_cents)
            self.received_on.set_value(details.received_on)
        self._fill_activities(set(details.activity_ids) if details else set())
        self._fill_files(details)
        self.submit = self.save
        remember_size(self)

    # -- the lists -----------------------------------------------------------------------

    def _fill_activities(self, checked: set[uuid.UUID]) -> None:
        self.activities.clear()
        organisation_id = combo_id(self.organisation)
        if organisation_id is None:
            return
        choices = views.activity_choices(self.store, organisation_id, current_language())
        for item in _checkable([(a, t) for a, t in choices], checked):
            self.activities.addItem(item)
        if not choices:
            placeholder = QListWidgetItem(_("The organisation has no activities recorded."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.activities.addItem(placeholder)

    def _fill_files(self, details: views.ApplicationDetails | None) -> None:
        self.files.clear()
        for attachment in details.attachments if details else ():
            size = format_number(max(1, round(attachment.size / 1024)))
            item = QListWidgetItem(f"{attachment.filename} ({size} kB)")
            item.setData(DATA, str(attachment.id))
            self.files.addItem(item)
        for path in self.pending:
            item = QListWidgetItem(_("{name} (attached when saved)").format(name=path.name))
            item.setData(DATA, "")
            self.files.addItem(item)

    def _reload_files(self) -> None:
        details = (views.application_details(self.store, self.application_id, current_language())
                   if self.application_id is not None else None)
        self._fill_files(details)

    # -- attachments ---------------------------------------------------------------------

    def attach(self, path: Path | None = None) -> None:
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(self, _("Attach a file"), str(Path.home()))
            if not name:
                return
            path = Path(name)
        if self.application_id is None:
            self.pending.append(path)
        else:
            application_id = self.application_id
            attempt(self, _("Attach a file"),
                    lambda: applications.attach_file(self.store, application_id, path))
        self._reload_files()

    def _chosen_file(self) -> tuple[int, str] | None:
        row = self.files.currentRow()
        return (row, self.files.item(row).data(DATA)) if row >= 0 else None

    def save_copy(self) -> None:
        chosen = self._chosen_file()
        if chosen is None or not chosen[1]:
            return
        text = self.files.item(chosen[0]).text()
        name, _filter = QFileDialog.getSaveFileName(self, _("Save a copy"),
                                                    str(Path.home() / text.rsplit(" (", 1)[0]))
        if name:
            attempt(self, _("Save a copy"),
                    lambda: save_attachment(self.store, uuid.UUID(chosen[1]), Path(name)))

    def detach(self) -> None:
        chosen = self._chosen_file()
        if chosen is None:
            return
        row, attachment_id = chosen
        if not ask(self, _("Remove attachment"), _("Take {name} off this application?").format(
                name=self.files.item(row).text())):
            return
        if not attachment_id:
            pending_row = row - (self.files.count() - len(self.pending))
            del self.pending[pending_row]
        elif self.application_id is not None:
            application_id = self.application_id
            attempt(self, _("Remove attachment"), lambda: applications.detach_file(
                self.store, application_id, uuid.UUID(attachment_id)))
        self._reload_files()

    # -- saving --------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The fields as the service takes them; raises ``ValidationError`` on a bad amount."""
        return {
            "purpose": self.purpose.toPlainText(), "applied_cents": self.applied.cents(),
            "received_on": self.received_on.value(),
            "municipalities": checked_values(self.municipalities),
            "activity_ids": [uuid.UUID(v) for v in checked_values(self.activities)],
        }

    def choose_organisation(self, name: str) -> None:
        select_data(self.organisation, None)
        index = self.organisation.findText(name)
        if index >= 0:
            self.organisation.setCurrentIndex(index)

    def save(self) -> object:
        def work() -> object:
            application_id = self.application_id
            if application_id is not None:
                return save_resolving_conflicts(
                    self, lambda values, start: applications.update_application(
                        self.store, application_id, start=start, **values),
                    self.values(), self.start,
                    FieldsShown(self.labels, self._shown, editable={"purpose"}))
            organisation_id = combo_id(self.organisation)
            if organisation_id is None:
                raise ValidationError(_("Choose the organisation that applied."))
            self.saved_id, changes = applications.create_application(
                self.store, self.call_id, organisation_id, **self.values())
            return changes

        result = attempt(self, self.windowTitle(), work)
        if result is not None and self.application_id is None and self.saved_id is not None:
            application_id = self.saved_id
            for path in self.pending:
                attempt(self, _("Attach a file"),
                        lambda p=path: applications.attach_file(self.store, application_id, p))
            self.pending.clear()
        if result is not None and self.saved_id is not None:
            with self.store.read() as session:
                self.start = applications.application_seen(session, self.saved_id)
        return result

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as this dialog shows it (municipalities and activities by name)."""
        lists = {"municipalities": self.municipalities, "activity_ids": self.activities}
        if name in lists:
            return list_text(lists[name], value)
        if name == "applied_cents":
            return format_money(value)
        return stored_text(value)
