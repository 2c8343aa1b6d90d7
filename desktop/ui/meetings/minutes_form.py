"""The minutes of one item: discussion, decision and votes, with the standard decision offered.

Like the agenda form it remembers what it was loaded with; a decision pre-filled from the
suggestion counts as an edit, so it is saved when the user moves on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services.meetings.editor import ItemView


class MinutesForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        form.addRow(self.heading)
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.proposal.setStyleSheet("color: palette(mid);")
        form.addRow(self.proposal)
        self.discussion = QPlainTextEdit()
        self.discussion.setTabChangesFocus(True)
        self.discussion.setMinimumHeight(70)
        self.discussion.setMaximumHeight(110)
        form.addRow(_("&Discussion"), self.discussion)
        decision = QWidget()
        column = QVBoxLayout(decision)
        column.setContentsMargins(0, 0, 0, 0)
        self.decision = QPlainTextEdit()
        self.decision.setTabChangesFocus(True)
        self.decision.setMinimumHeight(90)
        self.decision.setMaximumHeight(140)
        column.addWidget(self.decision)
        row = QHBoxLayout()
        self.suggest_button = QPushButton(_("Use the standard decision"))
        self.suggest_button.clicked.connect(lambda _checked=False: self.use_suggestion())
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        column.addLayout(row)
        form.addRow(_("D&ecision"), decision)
        self.votes = QPlainTextEdit()
        self.votes.setTabChangesFocus(True)
        self.votes.setMinimumHeight(44)
        self.votes.setMaximumHeight(60)
        form.addRow(_("&Voting"), self.votes)
        self._item: ItemView | None = None
        self._loaded: dict[str, Any] | None = None
        self.load(None, editable=False, prefill=False)

    def load(self, item: ItemView | None, editable: bool, prefill: bool) -> None:
        """Show ``item``; with ``prefill`` an empty decision starts as the suggested one."""
        self._item = item
        self.heading.setText(f"§ {item.section}  {item.title}" if item else "")
        proposal = item.proposal.strip() if item else ""
        self.proposal.setText(_("Proposal: {text}").format(text=proposal) if proposal else "")
        self.proposal.setVisible(bool(proposal))
        self.discussion.setPlainText(item.discussion if item else "")
        self.decision.setPlainText(item.decision if item else "")
        self.votes.setPlainText(item.votes if item else "")
        self._loaded = self.values() if item else None
        if item is not None and prefill and editable and not item.decision:
            self.decision.setPlainText(item.suggested_decision)
        suggestion = item.suggested_decision if item else ""
        self.decision.setPlaceholderText(suggestion)
        for text in (self.discussion, self.decision, self.votes):
            text.setReadOnly(not editable)
        self.votes.setPlaceholderText(
            _("Motions and the result of a vote, if there was one") if editable else "")
        self.suggest_button.setEnabled(editable and bool(suggestion))

    def use_suggestion(self) -> None:
        if self._item is not None and self._item.suggested_decision:
            self.decision.setPlainText(self._item.suggested_decision)

    def values(self) -> dict[str, Any]:
        return {"discussion": self.discussion.toPlainText(),
                "decision": self.decision.toPlainText(),
                "votes": self.votes.toPlainText()}

    def changes(self) -> dict[str, Any]:
        if self._loaded is None:
            return {}
        return {key: value for key, value in self.values().items() if value != self._loaded[key]}

    def is_dirty(self) -> bool:
        return bool(self.changes())
