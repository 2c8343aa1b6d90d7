"""Grant statistics as tables and charts (placeholder until the statistics view lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.storage.store import Store


class StatisticsView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        QVBoxLayout(self)

    def refresh(self) -> None:
        """Reload from the store."""
