"""The municipalities and the named liaison persons for each role (#11)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.storage.store import Store
from desktop.ui.pages.base import Page


class NetworkPage(Page):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Liaison network"))
        self.layout_.addStretch(1)
