"""The idea bank's dialogs: an idea added or edited by hand, taking an idea forward (a new or an
existing action item, or a checklist step) and merging one idea into another."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.services import ideas
from desktop.services.ideas import IdeaRow
from desktop.services.ideas.choices import (
    action_items,
    action_meetings,
    checklist_steps,
    source_meetings,
)
from desktop.storage.store import Store
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.meetings.common import (
    CheckedDialog,
    attempt,
    combo_id,
    fill_combo,
    ok_cancel,
    searchable,
)
from desktop.ui.optional_date import OptionalDate


def _narrow(combo: QComboBox) -> QComboBox:
    """Long choices (action items, checklist steps) must not widen the dialog off the screen."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(40)
    return combo


class IdeaDialog(CheckedDialog):
    """A new idea (with the meeting it was raised at, if any) or an idea's words, theme and note."""

    def __init__(self, store: Store, themes: list[str], row: IdeaRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.row = store, row
        self.setWindowTitle(_("Edit idea") if row else _("New idea"))
        self.resize(560, 320)
        form = QFormLayout(self)
        self.text = QPlainTextEdit(row.text if row else "")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        form.addRow(_("&Idea"), self.text)
        self.theme = QComboBox()
        self.theme.setEditable(True)
        self.theme.addItems(themes)
        self.theme.setEditText(row.theme if row else "")
        form.addRow(_("&Theme"), self.theme)
        self.group = QLineEdit(row.group if row else "")
        form.addRow(_("&Group"), self.group)
        self.meeting = _narrow(QComboBox())
        if row is None:
            fill_combo(self.meeting, source_meetings(store, current_language()), None,
                       none_label=_("(not from a meeting)"))
            searchable(self.meeting)
            form.addRow(_("Raised at &meeting"), self.meeting)
        self.note = QPlainTextEdit(row.note if row else "")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        form.addRow(_("&Note"), self.note)
        form.addRow(ok_cancel(self))
        self.submit = self._save
        remember_size(self)

    def _save(self) -> object:
        text, theme = self.text.toPlainText(), self.theme.currentText()
        group, note = self.group.text(), self.note.toPlainText()
        if self.row is None:
            meeting_id = combo_id(self.meeting)
            return attempt(self, self.windowTitle(), lambda: ideas.add_idea(
                self.store, text, theme, meeting_id=meeting_id, group=group, note=note))
        row = self.row
        return attempt(self, self.windowTitle(), lambda: ideas.update_idea(
            self.store, row.id, text=text, theme=theme, group_name=group, note=note))


class TakeForwardDialog(CheckedDialog):
    """As a new action item of an open meeting, by an existing action item, or as a checklist step."""

    NEW_ACTION, EXISTING_ACTION, CHECKLIST_STEP = 0, 1, 2

    def __init__(self, store: Store, row: IdeaRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.row = store, row
        self.setWindowTitle(_("Take the idea forward"))
        self.resize(620, 360)
        language = current_language()
        layout = QVBoxLayout(self)
        idea = QLabel(row.text)
        idea.setWordWrap(True)
        idea.setStyleSheet("font-weight: 600;")
        layout.addWidget(idea)
        self.kinds = QButtonGroup(self)
        for number, text in enumerate((_("As a &new action item"), _("By an &existing action item"),
                                       _("As a &checklist step"))):
            button = QRadioButton(text)
            self.kinds.addButton(button, number)
            layout.addWidget(button)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        new = QWidget()
        form = QFormLayout(new)
        self.what = QPlainTextEdit(row.text)
        self.what.setTabChangesFocus(True)
        self.what.setMaximumHeight(80)
        form.addRow(_("&What is to be done"), self.what)
        self.meeting = _narrow(QComboBox())
        meetings, preferred = action_meetings(store, language, row.id)
        fill_combo(self.meeting, meetings, preferred)
        searchable(self.meeting)
        form.addRow(_("Decided at &meeting"), self.meeting)
        self.owner = QLineEdit()
        form.addRow(_("&Owner"), self.owner)
        self.deadline = OptionalDate(None, _("Deadline"))
        form.addRow(_("&Deadline"), self.deadline)
        self.pages.addWidget(new)

        existing = QWidget()
        form = QFormLayout(existing)
        self.action = _narrow(QComboBox())
        fill_combo(self.action, action_items(store, language), row.action_item_id)
        searchable(self.action)
        form.addRow(_("&Action item"), self.action)
        self.pages.addWidget(existing)

        step = QWidget()
        form = QFormLayout(step)
        self.step = _narrow(QComboBox())
        fill_combo(self.step, checklist_steps(store, language), row.checklist_item_id)
        searchable(self.step)
        form.addRow(_("Checklist &step"), self.step)
        self.pages.addWidget(step)

        self.kinds.idToggled.connect(lambda number, on: on and self.pages.setCurrentIndex(number))
        start = self.CHECKLIST_STEP if row.checklist_item_id else (
            self.EXISTING_ACTION if row.action_item_id else self.NEW_ACTION)
        self.kinds.button(start).setChecked(True)
        layout.addWidget(ok_cancel(self))
        self.submit = self._save
        self.action_id: uuid.UUID | None = None
        remember_size(self)

    def choose(self, kind: int) -> None:
        self.kinds.button(kind).setChecked(True)

    def _save(self) -> object:
        idea_id, title = self.row.id, self.windowTitle()
        kind = self.kinds.checkedId()
        if kind == self.NEW_ACTION:
            meeting_id = combo_id(self.meeting)
            if meeting_id is None:
                return attempt(self, title, self._no_meeting)
            what, owner, deadline = self.what.toPlainText(), self.owner.text(), self.deadline.value()
            result = attempt(self, title, lambda: ideas.take_forward_as_action(
                self.store, idea_id, meeting_id, what, owner_text=owner, deadline=deadline))
            if result is not None:
                self.action_id = result[0]
            return result
        if kind == self.EXISTING_ACTION:
            action_id = combo_id(self.action)
            if action_id is None:
                return attempt(self, title, self._nothing_chosen)
            return attempt(self, title, lambda: ideas.link_action(self.store, idea_id, action_id))
        step_id = combo_id(self.step)
        if step_id is None:
            return attempt(self, title, self._nothing_chosen)
        return attempt(self, title, lambda: ideas.link_checklist_step(self.store, idea_id, step_id))

    @staticmethod
    def _no_meeting() -> None:
        from desktop.errors import ValidationError

        raise ValidationError(_("Every meeting's minutes are approved: plan a meeting first."))

    @staticmethod
    def _nothing_chosen() -> None:
        from desktop.errors import ValidationError

        raise ValidationError(_("Choose what the idea is taken forward by."))


class MergeDialog(CheckedDialog):
    """Two ideas: the one kept, and the one merged into it."""

    def __init__(self, store: Store, first: IdeaRow, second: IdeaRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.pair = store, (first, second)
        self.setWindowTitle(_("Merge ideas"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Keep which idea? The other is merged into it.")))
        self.keep = QButtonGroup(self)
        for number, row in enumerate(self.pair):
            button = QRadioButton(row.text)
            button.setToolTip(row.source)
            self.keep.addButton(button, number)
            layout.addWidget(button)
        # The idea already taken forward is the one to keep; else the older one.
        kept = 1 if second.status == "taken_forward" and first.status != "taken_forward" else 0
        self.keep.button(kept).setChecked(True)
        layout.addWidget(ok_cancel(self))
        self.submit = self._save

    def _save(self) -> object:
        kept = self.keep.checkedId()
        into, merged = self.pair[kept], self.pair[1 - kept]
        return attempt(self, self.windowTitle(), lambda: ideas.merge_ideas(self.store, merged.id, into.id))

