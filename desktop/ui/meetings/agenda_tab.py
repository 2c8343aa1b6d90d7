"""The agenda: items with their § numbers, reordered by dragging or Ctrl+Up / Ctrl+Down,
and the form of the chosen item.

Edits are saved with Save (Ctrl+S) and whenever the user leaves the item (another item,
another tab, another meeting); a refused save keeps the user on the item with the text intact.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services import meetings
from desktop.services.meetings.agenda import item_seen
from desktop.services.meetings.editor import ItemView, MeetingView
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import FieldsShown, save_resolving_conflicts
from desktop.ui.meetings.attachments_box import AttachmentsBox
from desktop.ui.meetings.common import ask, attempt
from desktop.ui.meetings.copy_items import CopyItemsDialog
from desktop.ui.meetings.item_form import ItemForm
from desktop.ui.meetings.item_pane import ITEM_ID, ItemPane

# The item's texts, which a conflict lets the user edit.
EDITABLE_TEXTS = frozenset({"title", "presenter", "background", "proposal"})


def item_label(item: ItemView) -> str:
    mark = " →" if item.postponed else ""
    # A tabled or postponed matter shows the § numbers it passed through.
    history = f" ({', '.join(f'§ {n}' for n in item.postponed_from)})" if item.postponed_from else ""
    return f"§ {item.section}  {item.title}{history}{mark}"


class AgendaTab(ItemPane):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.view: MeetingView | None = None
        self.item_id: uuid.UUID | None = None
        # What the form's edit starts from: a save notices another user's save meanwhile.
        layout = QVBoxLayout(self)
        self.toolbar = QToolBar()
        self.add_action = self._tool(_("New item"), self.add_item, _("Insert"))
        self.remove_action = self._tool(_("Remove…"), self.remove_item, _("Delete"))
        self.up_action = self._tool(_("Move up"), lambda: self.move_by(-1), "Ctrl+Up")
        self.down_action = self._tool(_("Move down"), lambda: self.move_by(1), "Ctrl+Down")
        self.postpone_action = self._tool(_("Postpone…"), self.postpone_item)
        self.copy_action = self._tool(_("Copy from a meeting…"), self.copy_items)
        layout.addWidget(self.toolbar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.items = QListWidget()
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        # Long titles wrap instead of hiding behind a horizontal scroll bar.
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.items.currentRowChanged.connect(self._row_changed)
        self.items.model().rowsMoved.connect(self._rows_moved)
        self.items.installEventFilter(self)
        splitter.addWidget(self.items)

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.form = ItemForm()
        column.addWidget(self.form, 1)
        self.attachments = AttachmentsBox(store)
        form_layout = self.form.layout()
        assert isinstance(form_layout, QFormLayout)
        form_layout.addRow(_("Attachments"), self.attachments)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setToolTip(_("Save the item (Ctrl+S); it is also saved when you move on."))
        self.save_button.clicked.connect(lambda _checked=False: self.commit())
        self.revert_button = QPushButton(_("Undo changes"))
        self.revert_button.clicked.connect(lambda _checked=False: self._load_form())
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 420])
        self.splitter = splitter
        layout.addWidget(splitter, 1)

        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(lambda _checked=False: self.commit())
        self.addAction(save)
        self._filling = False
        self.show_meeting(None)

    def _tool(self, text: str, slot, keys: str = "") -> QAction:  # noqa: ANN001 - a callable
        action = self.toolbar.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if keys:
            action.setToolTip(f"{text.rstrip('…')} ({keys})")
        return action

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, view: MeetingView | None) -> None:
        """Show ``view`` (re-read after any change); the chosen item and unsaved edits stay."""
        gone = self._take_view(view)
        self._fill_list()
        if gone or not self.form.is_dirty():
            self._load_form()
        self._update_actions()

    def _entry_text(self, item: ItemView) -> tuple[str, str]:
        return item_label(item), item.title

    def _load_form(self) -> None:
        item = self.current_item()
        editable = self._editable() and item is not None
        item = self._start_from(item, editable, item_seen)
        self.form.load(item, editable)
        self.attachments.show_item(item.id if item else None, item.attachments if item else (),
                                   editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable)

    def _update_actions(self) -> None:
        editable = self._editable()
        item = self.current_item()
        self.add_action.setEnabled(editable)
        self.copy_action.setEnabled(editable)
        self.remove_action.setEnabled(editable and item is not None and bool(self.view and self.view.agenda_open))
        for action in (self.up_action, self.down_action):
            action.setEnabled(editable and item is not None)
        self.postpone_action.setEnabled(
            editable and item is not None and not item.standard_key and not item.postponed)
        self.items.setDragEnabled(editable)

    # -- saving ----------------------------------------------------------------------------

    def commit(self) -> bool:
        """Save the form's edits; False (after saying why) when the service refuses them."""
        changes = self.form.changes()
        if not changes or self.item_id is None:
            return True
        item_id = self.item_id
        conflicts = FieldsShown(self.form.labels, self.form.shown, editable=EDITABLE_TEXTS)
        done = attempt(self, _("Agenda item"), lambda: save_resolving_conflicts(
            self, lambda fields, start: meetings.update_item(self.store, item_id, start=start, **fields),
            changes, self.start, conflicts))
        if done is None:
            return False
        # The redraw after the save kept the form as typed (it was still unsaved then).
        self._load_form()
        return True

    def _item_changed(self) -> None:
        self._update_actions()

    # -- actions ---------------------------------------------------------------------------

    def add_item(self) -> None:
        if self.view is None or not self.commit():
            return
        meeting_id = self.view.id
        result = attempt(self, _("New item"),
                         lambda: meetings.add_item(self.store, meeting_id, _("New item")))
        if result is not None:
            self.item_id = result[0]
            self.show_meeting(self.view)
            self.form.title.setFocus()
            self.form.title.selectAll()

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None or not ask(self, _("Remove item"), _(
                "Remove § {section} {title} from the agenda?").format(
                section=item.section, title=item.title)):
            return
        row = self.items.currentRow()
        if attempt(self, _("Remove item"), lambda: meetings.remove_item(self.store, item.id)) is not None:
            # The next item takes the row, ready for the keyboard.
            remaining = [i.id for i in self.view.items] if self.view else []
            self.item_id = remaining[min(row, len(remaining) - 1)] if remaining else None
            self._select(self.item_id)
            self._load_form()
            self._update_actions()

    def move_by(self, step: int) -> None:
        row = self.items.currentRow()
        if row < 0 or not 0 <= row + step < self.items.count():
            return
        self.move_to(row + step)

    def move_to(self, row: int) -> None:
        item_id = self.item_id
        if item_id is None or not self.commit():
            return
        if attempt(self, _("Move item"), lambda: meetings.move_item(self.store, item_id, row)) is None:
            self._fill_list()  # put a dragged row back where it is stored

    def _rows_moved(self, _parent: QModelIndex, start: int, _end: int, _dest: QModelIndex,
                    row: int) -> None:
        if self._filling:
            return
        target = row if row < start else row - 1
        moved = self.items.item(target).data(ITEM_ID)
        # The drop is still being handled: write and redraw once it is over.
        QTimer.singleShot(0, lambda: self._dropped(moved, target))

    def _dropped(self, item_id: uuid.UUID, row: int) -> None:
        if item_id != self.item_id:
            if not self.commit():
                self._fill_list()
                return
            self.item_id = item_id
        self.move_to(row)

    def postpone_item(self) -> None:
        item = self.current_item()
        if item is None or not self.commit() or not ask(self, _("Postpone item"), _(
                "Postpone § {section} {title} to the body's next meeting?").format(
                section=item.section, title=item.title)):
            return
        if attempt(self, _("Postpone item"), lambda: meetings.postpone_item(self.store, item.id)):
            self._notify(_("§ {section} postponed to the next meeting.").format(section=item.section))

    def copy_items(self) -> CopyItemsDialog | None:
        if self.view is None or not self.commit():
            return None
        meeting_id = self.view.id
        dialog = CopyItemsDialog(self.store, meeting_id, self)

        dialog.submit = lambda: attempt(
            dialog, _("Copy items"), lambda: meetings.copy_items(self.store, dialog.chosen(), meeting_id))
        dialog.open()
        return dialog

    def _notify(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    # -- keyboard --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.items and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, control = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if control and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                if self.up_action.isEnabled():
                    self.move_by(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key == Qt.Key.Key_Delete:
                if self.remove_action.isEnabled():
                    self.remove_item()
                return True
            if key == Qt.Key.Key_Insert:
                if self.add_action.isEnabled():
                    self.add_item()
                return True
        return super().eventFilter(watched, event)
