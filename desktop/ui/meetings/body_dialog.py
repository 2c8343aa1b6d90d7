"""Bodies and their members: partnership tables, organisation arenas, working groups; what
their meetings keep (memo or minutes), to whom decisions are appealed and the instructions."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.i18n.formatting import format_date
from desktop.services import meetings
from desktop.services.meetings.bodies import body_seen, member_seen
from desktop.services.meetings.editor import BodyDetails, MemberDetails, body_choices, body_details
from desktop.services.meetings.legality import appeal_texts_seen
from desktop.services.records import Seen
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import BodyKind, RecordKind
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import (
    FieldsShown,
    combo_text,
    form_labels,
    save_resolving_conflicts,
    stored_text,
)
from desktop.ui.editable_list import EditableList
from desktop.ui.meetings.appeal_dialog import LANGUAGE_NAMES, AppealTextsDialog
from desktop.ui.meetings.common import (
    ask,
    attempt,
    combo_text_data,
    fill_combo,
    select_data,
)
from desktop.ui.meetings.member_dialog import MemberDialog
from desktop.ui.tablemodel import Column

BODY_ID = Qt.ItemDataRole.UserRole
LANGUAGES = (("fi", "suomi"), ("sv", "svenska"), ("en", "English"))
# Advisory bodies keep memos: what a new body of the kind starts with.
ADVISORY = (BodyKind.PARTNERSHIP_TABLE, BodyKind.ARENA)


def term(member: MemberDetails) -> str:
    if member.term_start is None and member.term_end is None:
        return ""
    return f"{format_date(member.term_start)}–{format_date(member.term_end)}"


class BodiesDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.details: BodyDetails | None = None
        # What the body form's edit starts from: a save notices another user's save meanwhile.
        self.start: Seen | None = None
        self.setWindowTitle(_("Bodies and members"))
        self.resize(1020, 560)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.bodies = QListWidget()
        self.bodies.currentRowChanged.connect(lambda _row: self._body_chosen())
        column.addWidget(self.bodies, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(_("New body"))
        self.new_button.clicked.connect(lambda _checked=False: self.new_body())
        self.delete_button = QPushButton(_("Delete…"))
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_body())
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        column.addLayout(row)
        splitter.addWidget(left)

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name_fi = QLineEdit()
        form.addRow(_("Name in &Finnish"), self.name_fi)
        self.name_sv = QLineEdit()
        form.addRow(_("Name in S&wedish"), self.name_sv)
        self.kind = QComboBox()
        fill_combo(self.kind, labels(BodyKind))
        form.addRow(_("&Kind"), self.kind)
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.record_kind = QComboBox()
        fill_combo(self.record_kind, labels(RecordKind))
        self.record_kind.setToolTip(_("What its meetings keep unless a meeting says otherwise: a memo "
                                      "for a body that advises, minutes for one that decides"))
        form.addRow(_("&Record"), self.record_kind)
        authority_row = QWidget()
        authority = QHBoxLayout(authority_row)
        authority.setContentsMargins(0, 0, 0, 0)
        self.appeal_authority = QLineEdit()
        self.appeal_authority.setPlaceholderText(_("The body itself"))
        authority.addWidget(self.appeal_authority, 1)
        self.instructions_button = QPushButton(_("&Instructions…"))
        self.instructions_button.setToolTip(_("The rectification instructions printed in the minutes, "
                                              "in Finnish, Swedish and English"))
        self.instructions_button.clicked.connect(lambda _checked=False: self.edit_instructions())
        authority.addWidget(self.instructions_button)
        form.addRow(_("&Appeal authority"), authority_row)
        label = form.labelForField(authority_row)
        if isinstance(label, QLabel):
            label.setBuddy(self.appeal_authority)
        languages = QHBoxLayout()
        self.languages = {code: QCheckBox(name) for code, name in LANGUAGES}
        for box in self.languages.values():
            languages.addWidget(box)
        languages.addStretch(1)
        form.addRow(_("Languages"), languages)
        self.labels = form_labels(form, {
            "name_fi": self.name_fi, "name_sv": self.name_sv, "kind": self.kind,
            "record_kind": self.record_kind, "appeal_authority": authority_row})
        self.labels["languages"] = _("Languages")
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton(_("&Save the body"))
        self.save_button.clicked.connect(lambda _checked=False: self.save_body())
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        column.addLayout(form)
        heading = QLabel(_("Members"))
        heading.setStyleSheet("font-weight: 600;")
        column.addWidget(heading)
        self.members = EditableList(
            [Column(_("Organisation"), lambda m: m.organisation),
             Column(_("Representative"), lambda m: m.representative),
             Column(_("Deputy"), lambda m: m.deputy),
             Column(_("Role"), lambda m: m.role_label),
             Column(_("Term"), lambda m: term(m))],
            load=lambda: list(self.details.members) if self.details else [],
            add=self.add_member, edit=self.edit_member, remove=self.remove_member,
            removal_question=lambda m: _(
                "Remove the seat of {name}? A member who left keeps the seat with an end to "
                "the term.").format(name=m.representative or m.organisation),
        )
        self.members.reloaded.connect(lambda _rows: self._narrow_organisations())
        column.addWidget(self.members, 1)
        splitter.addWidget(right)
        splitter.setSizes([220, 780])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        store.subscribe(self._on_changes)
        self.finished.connect(lambda _result: store.unsubscribe(self._on_changes))
        self._fill_bodies()

    # -- bodies ----------------------------------------------------------------------------

    def _fill_bodies(self, choose: uuid.UUID | None = None) -> None:
        keep = choose or (self.details.id if self.details else None)
        self.bodies.blockSignals(True)
        self.bodies.clear()
        for body in body_choices(self.store, current_language()):
            entry = QListWidgetItem(body.name)
            entry.setData(BODY_ID, body.id)
            self.bodies.addItem(entry)
        rows = [r for r in range(self.bodies.count()) if self.bodies.item(r).data(BODY_ID) == keep]
        self.bodies.setCurrentRow(rows[0] if rows else (0 if self.bodies.count() else -1))
        self.bodies.blockSignals(False)
        self._body_chosen()

    def _on_changes(self, changes) -> None:  # noqa: ANN001 - Changes
        if changes.touches("body", "body_member"):
            self._fill_bodies()

    def _body_chosen(self) -> None:
        entry = self.bodies.currentItem()
        body_id = entry.data(BODY_ID) if entry is not None else None
        self.start = None
        self.details = None
        if body_id:
            with self.store.read() as session:
                self.start = body_seen(session, body_id)
            # Read after the start: the form may show a later save, never an earlier one.
            self.details = body_details(self.store, body_id, current_language())
        self._show_body()

    def _show_body(self) -> None:
        details = self.details
        self.name_fi.setText(details.name_fi if details else "")
        self.name_sv.setText(details.name_sv if details else "")
        select_data(self.kind, details.kind if details else BodyKind.PARTNERSHIP_TABLE)
        select_data(self.record_kind, details.record_kind if details else RecordKind.MEMO)
        self.appeal_authority.setText(details.appeal_authority if details else "")
        self.instructions_button.setEnabled(details is not None)
        for code, box in self.languages.items():
            box.setChecked(code in details.languages if details else code == "fi")
        self.members.setEnabled(details is not None)
        self.delete_button.setEnabled(details is not None and details.meetings == 0)
        self.members.reload()

    def _kind_changed(self) -> None:
        if self.details is None:  # a new body: advisory kinds keep memos
            advisory = combo_text_data(self.kind) in ADVISORY
            select_data(self.record_kind, RecordKind.MEMO if advisory else RecordKind.MINUTES)

    def edit_instructions(self) -> AppealTextsDialog | None:
        if self.details is None:
            return None
        body_id = self.details.id
        title = _("Rectification instructions")
        start = attempt(self, title, lambda: self._texts_seen(body_id))
        if start is None:
            return None
        # The dialog shows what the save starts from: the details may be older than that read.
        dialog = AppealTextsDialog(dict(start.values), self)
        shown = FieldsShown({code: f"{title} ({name})" for code, name in LANGUAGE_NAMES},
                            lambda _name, value: stored_text(value), editable=set(dialog.texts))
        dialog.submit = lambda: attempt(dialog, title, lambda: save_resolving_conflicts(
            dialog, lambda texts, seen: meetings.update_body_records(
                self.store, body_id, appeal_texts=texts, start=seen),
            dialog.values(), start, shown))
        dialog.open()
        return dialog

    def _texts_seen(self, body_id: uuid.UUID) -> Seen:
        with self.store.read() as session:
            return appeal_texts_seen(session, body_id)

    def new_body(self) -> None:
        self.bodies.blockSignals(True)
        self.bodies.setCurrentRow(-1)
        self.bodies.blockSignals(False)
        self.details = None
        self._show_body()
        self.name_fi.setFocus()

    def save_body(self) -> None:
        values = {"name_fi": self.name_fi.text(), "name_sv": self.name_sv.text(),
                  "kind": combo_text_data(self.kind),
                  "languages": [code for code, box in self.languages.items() if box.isChecked()],
                  "record_kind": combo_text_data(self.record_kind),
                  "appeal_authority": self.appeal_authority.text()}
        if self.details is None:
            result = attempt(self, _("Bodies and members"),
                             lambda: meetings.create_body(self.store, **values))
            if result is not None:
                self._fill_bodies(choose=result[0])
        else:
            body_id = self.details.id
            conflicts = FieldsShown(self.labels, self._shown,
                                    editable={"name_fi", "name_sv", "appeal_authority"})
            saved = attempt(self, _("Bodies and members"), lambda: save_resolving_conflicts(
                self, lambda fields, start: meetings.update_body(
                    self.store, body_id, start=start, **fields),
                values, self.start, conflicts))
            if saved is not None:
                # Shows their changes taken in with mine, and starts the next edit from there.
                self._body_chosen()

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as the body form names it (codes by their labels)."""
        if name == "languages":
            return ", ".join(native for code, native in LANGUAGES if code in (value or []))
        combos = {"kind": self.kind, "record_kind": self.record_kind}
        return combo_text(combos[name], value) if name in combos else stored_text(value)

    def delete_body(self) -> None:
        if self.details is None or not ask(self, _("Delete body"), _(
                "Delete {name} and its member seats?").format(
                name=self.details.name_fi or self.details.name_sv)):
            return
        body_id = self.details.id
        if attempt(self, _("Delete body"), lambda: meetings.delete_body(self.store, body_id)) is not None:
            self.details = None
            self._fill_bodies()

    def _narrow_organisations(self) -> None:
        # Long association names would push the term out of sight; the tooltip-free cell elides.
        table = self.members.table
        table.setColumnWidth(0, min(table.columnWidth(0), 230))

    # -- members ---------------------------------------------------------------------------

    def add_member(self) -> MemberDialog | None:
        if self.details is None:
            return None
        body_id = self.details.id
        dialog = MemberDialog(self.store, parent=self)
        dialog.submit = lambda: attempt(dialog, _("New member"), lambda: meetings.add_member(
            self.store, body_id, **dialog.values()))
        dialog.open()
        return dialog

    def edit_member(self, member: MemberDetails) -> MemberDialog | None:
        member_id = member.id
        start = attempt(self, _("Member"), lambda: self._member_seen(member_id))
        if start is None:
            return None
        # The dialog shows what the save starts from: the list may be older than that read.
        dialog = MemberDialog(self.store, replace(member, **start.values), parent=self)
        conflicts = FieldsShown(dialog.labels, dialog.shown)
        dialog.submit = lambda: attempt(dialog, _("Member"), lambda: save_resolving_conflicts(
            dialog, lambda fields, seen: meetings.update_member(
                self.store, member_id, start=seen, **fields),
            dialog.values(), start, conflicts))
        dialog.open()
        return dialog

    def _member_seen(self, member_id: uuid.UUID) -> Seen:
        with self.store.read() as session:
            return member_seen(session, member_id)

    def remove_member(self, member: MemberDetails) -> None:
        attempt(self, _("Member"), lambda: meetings.remove_member(self.store, member.id))
