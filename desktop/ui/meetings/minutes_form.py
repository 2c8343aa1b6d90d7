"""The minutes of one item: discussion, the decision type with its standard wording, the decision,
an amendment, votes, whether it may be appealed, and confidentiality.

Like the agenda form it remembers what it was loaded with; a decision pre-filled from the
suggestion counts as an edit, so it is saved when the user moves on. Choosing a decision type
writes its standard wording in the meeting's language over a decision that is empty or only a
standard wording; a decision the secretary wrote stays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services.meetings.editor import ItemView
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import DecisionType
from desktop.ui.dialogs.edit_conflict import combo_text, form_labels, stored_text
from desktop.ui.meetings.common import combo_text_data, fill_combo, select_data
from desktop.ui.meetings.vote_dialog import vote_summary


class MinutesForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form
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
        self.decision_type = QComboBox()
        fill_combo(self.decision_type, labels(DecisionType), None, none_label="—")
        self.decision_type.setToolTip(_("Choosing a type writes its standard wording in the meeting's language"))
        self.decision_type.activated.connect(lambda _index: self.use_type_wording())
        self.decision_type.currentIndexChanged.connect(lambda _index: self._type_changed())
        form.addRow(_("Decision t&ype"), self.decision_type)
        decision = QWidget()
        column = QVBoxLayout(decision)
        column.setContentsMargins(0, 0, 0, 0)
        self.decision = QPlainTextEdit()
        self.decision.setTabChangesFocus(True)
        self.decision.setMinimumHeight(80)
        self.decision.setMaximumHeight(130)
        column.addWidget(self.decision)
        row = QHBoxLayout()
        self.suggest_button = QPushButton(_("Use the standard decision"))
        self.suggest_button.clicked.connect(lambda _checked=False: self.use_suggestion())
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        column.addLayout(row)
        form.addRow(_("Dec&ision"), decision)
        self.amendment = QPlainTextEdit()
        self.amendment.setTabChangesFocus(True)
        self.amendment.setMaximumHeight(60)
        self.amendment.setPlaceholderText(_("What was changed in the proposal"))
        form.addRow(_("Amendmen&t"), self.amendment)
        vote = QWidget()
        vote_row = QHBoxLayout(vote)
        vote_row.setContentsMargins(0, 0, 0, 0)
        self.vote_summary = QLabel()
        self.vote_summary.setWordWrap(True)
        vote_row.addWidget(self.vote_summary, 1)
        self.vote_button = QPushButton(_("V&ote…"))
        self.vote_button.setToolTip(_("Record the proposals, who seconded them, the count or roll call "
                                      "and the result"))
        vote_row.addWidget(self.vote_button)
        form.addRow(_("Vote"), vote)
        self.votes = QPlainTextEdit()
        self.votes.setTabChangesFocus(True)
        self.votes.setMinimumHeight(44)
        self.votes.setMaximumHeight(60)
        form.addRow(_("Votin&g"), self.votes)
        self.appealable = QCheckBox(_("Open to a request for &rectification"))
        # Only a click makes it the item's own choice; otherwise it follows the item and decision type.
        self._appeal_chosen = False
        self.appealable.clicked.connect(lambda _checked: setattr(self, "_appeal_chosen", True))
        form.addRow(self.appealable)
        confidential = QWidget()
        secret = QHBoxLayout(confidential)
        secret.setContentsMargins(0, 0, 0, 0)
        self.confidential = QCheckBox(_("Confidentia&l"))
        self.basis = QLineEdit()
        self.basis.setPlaceholderText(_("Legal basis, e.g. JulkL 24 § 1 mom. 25 k"))
        self.confidential.toggled.connect(self.basis.setEnabled)
        secret.addWidget(self.confidential)
        secret.addWidget(self.basis, 1)
        form.addRow(confidential)
        self.labels = {
            **form_labels(form, {"discussion": self.discussion, "decision_type": self.decision_type,
                                 "decision": decision, "amendment": self.amendment,
                                 "votes": self.votes}),
            "appealable": self.appealable.text().replace("&", ""),
            "confidential_basis": self.confidential.text().replace("&", ""),
        }
        self._item: ItemView | None = None
        self._wordings: dict[str, str] = {}
        self._minutes = True
        self._loaded: dict[str, Any] | None = None
        self._prefilled = ""  # the decision filled in at load, if it was
        self.load(None, editable=False, prefill=False)

    def load(self, item: ItemView | None, editable: bool, prefill: bool,
             wordings: dict[str, str] | None = None, minutes: bool = True) -> None:
        """Show ``item``; with ``prefill`` an empty decision starts as the suggested one.
        ``wordings``: each decision type's wording in the meeting's language; ``minutes``: the
        meeting keeps minutes (a memo has no appeal)."""
        self._item = item
        self._wordings = dict(wordings or {})
        self._minutes = minutes
        self.heading.setText(f"§ {item.section}  {item.title}" if item else "")
        proposal = item.proposal.strip() if item else ""
        self.proposal.setText(_("Proposal: {text}").format(text=proposal) if proposal else "")
        self.proposal.setVisible(bool(proposal))
        self.discussion.setPlainText(item.discussion if item else "")
        self.decision.setPlainText(item.decision if item else "")
        self.votes.setPlainText(item.votes if item else "")
        self.decision_type.blockSignals(True)
        select_data(self.decision_type, item.decision_type if item else "")
        self.decision_type.blockSignals(False)
        self.amendment.setPlainText(item.amendment if item else "")
        self.appealable.setChecked(bool(item and item.appealable))
        self._appeal_chosen = False
        self.confidential.setChecked(bool(item and item.confidential_basis))
        self.basis.setText(item.confidential_basis if item else "")
        self.basis.setEnabled(self.confidential.isChecked())
        self.vote_summary.setText(vote_summary(item.vote if item else None) or _("No vote recorded"))
        self._loaded = self.values() if item else None
        self._prefilled = ""
        if item is not None and prefill and editable and not item.decision:
            self.decision.setPlainText(item.suggested_decision)
            self._prefilled = item.suggested_decision
        suggestion = item.suggested_decision if item else ""
        self.decision.setPlaceholderText(suggestion)
        for text in (self.discussion, self.decision, self.votes, self.amendment):
            text.setReadOnly(not editable)
        for widget in (self.decision_type, self.appealable, self.confidential, self.vote_button):
            widget.setEnabled(editable)
        self.basis.setReadOnly(not editable)
        self.votes.setPlaceholderText(
            _("Motions and the result of a vote, if there was one") if editable else "")
        self.suggest_button.setEnabled(editable and bool(suggestion))
        self.appealable.setVisible(minutes)
        self._type_changed()

    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _type_changed(self) -> None:
        code = combo_text_data(self.decision_type)
        self._set_row_visible(self.amendment, code == DecisionType.AMENDED or bool(self.amendment.toPlainText()))
        has_vote = bool(self._item and self._item.vote)
        self._set_row_visible(self.vote_button.parentWidget(), code == DecisionType.VOTE or has_vote)

    def use_type_wording(self) -> None:
        """The chosen type's wording replaces a decision that is empty or only a standard wording."""
        wording = self._wordings.get(combo_text_data(self.decision_type), "")
        current = self.decision.toPlainText().strip()
        standard = set(self._wordings.values()) | {self._item.suggested_decision if self._item else ""}
        if wording and (not current or current in standard):
            self.decision.setPlainText(wording)
        item = self._item
        if item is not None and not self._appeal_chosen and item.appealable_default == item.appealable:
            preparatory = combo_text_data(self.decision_type) in (DecisionType.TABLED, DecisionType.RETURNED)
            self.appealable.setChecked(item.item_type == "decision" and not item.standard_key
                                       and not preparatory)

    def choose_type(self, code: str) -> None:
        """Pick a decision type as the user would."""
        index = self.decision_type.findData(code)
        self.decision_type.setCurrentIndex(index)
        self.decision_type.activated.emit(index)

    def decision_suggested(self) -> bool:
        """True while the decision is the standard wording the form filled in, untouched."""
        return bool(self._prefilled) and self.decision.toPlainText() == self._prefilled

    def use_suggestion(self) -> None:
        if self._item is not None and self._item.suggested_decision:
            self.decision.setPlainText(self._item.suggested_decision)

    def values(self) -> dict[str, Any]:
        return {"discussion": self.discussion.toPlainText(),
                "decision": self.decision.toPlainText(),
                "votes": self.votes.toPlainText(),
                "decision_type": combo_text_data(self.decision_type),
                "amendment": self.amendment.toPlainText(),
                "appealable": self.appealable.isChecked(),
                "confidential_basis": self.basis.text() if self.confidential.isChecked() else ""}

    def changes(self) -> dict[str, Any]:
        if self._loaded is None:
            return {}
        changed = {key: value for key, value in self.values().items() if value != self._loaded[key]}
        if not (self._minutes and self._appeal_chosen):
            changed.pop("appealable", None)
        return changed

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def shown(self, name: str, value: Any) -> str:
        """A stored value as this form names it (the decision type by its label)."""
        if name == "decision_type":
            return combo_text(self.decision_type, value) if value else ""
        return stored_text(value)
