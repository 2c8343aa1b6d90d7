"""What the agenda and minutes tabs share: a list of a meeting's items beside a form that is
saved when the user leaves the item, and kept (with the user on it) when the save is refused."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.errors import KnownError
from desktop.services.meetings.editor import ItemView, MeetingView
from desktop.services.records import Seen
from desktop.storage.store import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ITEM_ID = Qt.ItemDataRole.UserRole


class ItemPane(QWidget):
    store: Store
    items: QListWidget
    view: MeetingView | None
    item_id: uuid.UUID | None
    _filling: bool
    start: Seen | None = None  # what a save of the form starts from (another user may save)

    def commit(self) -> bool:
        raise NotImplementedError

    def _load_form(self) -> None:
        raise NotImplementedError

    def drop_edits(self) -> None:
        """The form as stored (its edits forgotten)."""
        self._load_form()

    def _item_changed(self) -> None:
        """Called after another item was chosen and its form loaded."""

    def _entry_text(self, item: ItemView) -> tuple[str, str]:
        """The list row's text and tooltip for ``item``."""
        raise NotImplementedError

    def _take_view(self, view: MeetingView | None) -> bool:
        """Keep ``view`` (re-read after any change) and the chosen item in it; True when that
        item is gone (removed, or another meeting: its edits go with it) and the first is chosen."""
        if view is None or self.view is None or view.id != self.view.id:
            self.item_id = None
        self.view = view
        ids = [item.id for item in view.items] if view else []
        gone = self.item_id not in ids
        if gone:
            self.item_id = ids[0] if ids else None
        return gone

    def _fill_list(self) -> None:
        items = self.view.items if self.view else ()
        self._filling = True
        try:
            shown = [self.items.item(r).data(ITEM_ID) for r in range(self.items.count())]
            if shown != [item.id for item in items]:
                self.items.clear()
                for item in items:
                    entry = QListWidgetItem()
                    entry.setData(ITEM_ID, item.id)
                    self.items.addItem(entry)
            for row, item in enumerate(items):
                text, tip = self._entry_text(item)
                self.items.item(row).setText(text)
                self.items.item(row).setToolTip(tip)
            self._select(self.item_id)
        finally:
            self._filling = False

    def _select(self, item_id: uuid.UUID | None) -> None:
        self.items.blockSignals(True)
        rows = [r for r in range(self.items.count()) if self.items.item(r).data(ITEM_ID) == item_id]
        self.items.setCurrentRow(rows[0] if rows else -1)
        self.items.blockSignals(False)

    def current_item(self) -> ItemView | None:
        if self.view is None:
            return None
        return next((item for item in self.view.items if item.id == self.item_id), None)

    def _start_from(self, item: ItemView | None, editable: bool,
                    read: Callable[[Session, uuid.UUID], Seen]) -> ItemView | None:
        """Read what a save of ``item``'s form starts from (``read``: the service's reader)
        and return the item as read then: the view may be older. Nothing when the form is
        not editable or the item is gone meanwhile (the save will say so)."""
        self.start = None
        if item is None or not editable:
            return item
        try:
            with self.store.read() as session:
                self.start = read(session, item.id)
        except KnownError:
            return item
        return replace(item, **self.start.values)

    def _editable(self) -> bool:
        return self.view is not None and not self.view.locked

    def _row_changed(self, row: int) -> None:
        if self._filling:
            return
        entry = self.items.item(row)
        new_id = entry.data(ITEM_ID) if entry is not None else None
        if new_id == self.item_id:
            return
        if not self.commit():
            self._select(self.item_id)
            return
        self.item_id = new_id
        self._select(new_id)
        self._load_form()
        self._item_changed()
