"""Sync by file export: says plainly what is coming and what is already in place."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import _
from desktop.storage.store import Store
from desktop.ui.pages.base import Page


class SyncPage(Page):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Sync by file"))
        text = QLabel(
            _(
                "Coming in a later version: exchange changes with colleagues as a .kumppani file "
                "on a USB stick, by e-mail or in a shared folder. Every copy converges and "
                "conflicts are shown to you.\n\n"
                "Already in place: every record carries the identity and change clock that sync "
                "needs. This copy's id: {replica}"
            ).format(replica=store.replica_id),
            self,
        )
        text.setWordWrap(True)
        self.layout_.addWidget(text)
        self.layout_.addStretch(1)
