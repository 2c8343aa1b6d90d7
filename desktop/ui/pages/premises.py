"""Premises that organisations may use (#11)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.storage.store import Store
from desktop.ui.pages.base import Page


class PremisesPage(Page):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Premises"))
        self.layout_.addStretch(1)
