"""A vote on an item: the proposals (who proposed and seconded, the votes each got), a roll call
if one was taken (only those who took part in the item), and the result in words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.meetings.common import CheckedDialog, ok_cancel

NOT_RECORDED = -2  # the roll call row is left out
BLANK = -1


def vote_summary(vote: dict | None) -> str:
    """One line for the form: ``A 5 – B 3: result``."""
    if not vote or not vote.get("proposals"):
        return ""
    counts = " – ".join(
        f"{p['text']} {p['votes']}" if p.get("votes") is not None else p["text"]
        for p in vote["proposals"])
    return f"{counts}: {vote['result']}" if vote.get("result") else counts


class VoteDialog(CheckedDialog):
    def __init__(self, vote: dict | None, proposal: str, attendees: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Vote"))
        self.resize(720, 520)
        vote = vote or {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Proposals (the first is usually the presenter's):")))
        self.proposals = QTableWidget(0, 4)
        self.proposals.setHorizontalHeaderLabels(
            [_("Proposal"), _("Proposed by"), _("Seconded by"), _("Votes")])
        header = self.proposals.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.proposals, 1)
        rows = vote.get("proposals") or [{"text": proposal or _("The presenter's proposal")}, {}]
        for row in rows:
            self.add_proposal(row)
        buttons_row = QHBoxLayout()
        add = QPushButton(_("&Add a proposal"))
        add.clicked.connect(lambda _checked=False: self.add_proposal({}))
        remove = QPushButton(_("Remove the proposal"))
        remove.clicked.connect(lambda _checked=False: self.remove_proposal())
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        layout.addLayout(buttons_row)

        calls = {name.casefold(): choice for name, choice in vote.get("roll_call", [])}
        self.roll_call_taken = QCheckBox(_("&Roll call (each member's vote by name)"))
        layout.addWidget(self.roll_call_taken)
        self.roll_call = QTableWidget(len(attendees), 2)
        self.roll_call.setHorizontalHeaderLabels([_("Member"), _("Voted for")])
        self.roll_call.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, name in enumerate(attendees):
            self.roll_call.setItem(row, 0, QTableWidgetItem(name))
            self.roll_call.setCellWidget(row, 1, QComboBox())
        layout.addWidget(self.roll_call, 1)
        self.roll_call_taken.toggled.connect(self.roll_call.setEnabled)
        self._fill_choices(calls)
        self.roll_call_taken.setChecked(bool(calls))
        self.roll_call.setEnabled(bool(calls))
        self.proposals.itemChanged.connect(lambda _item: self._fill_choices(self._calls()))

        result = QHBoxLayout()
        result.addWidget(QLabel(_("R&esult:")))
        self.result = QLineEdit(vote.get("result", ""))
        self.result.setPlaceholderText(_("e.g. The presenter's proposal won by 5 votes to 3."))
        result.itemAt(0).widget().setBuddy(self.result)  # type: ignore[union-attr]
        result.addWidget(self.result, 1)
        layout.addLayout(result)
        layout.addWidget(ok_cancel(self))

    def add_proposal(self, values: dict) -> None:
        row = self.proposals.rowCount()
        self.proposals.insertRow(row)
        votes = values.get("votes")
        for column, text in enumerate((values.get("text", ""), values.get("proposer", ""),
                                       values.get("seconder", ""), "" if votes is None else str(votes))):
            self.proposals.setItem(row, column, QTableWidgetItem(text))

    def remove_proposal(self) -> None:
        row = self.proposals.currentRow()
        if row >= 0:
            self.proposals.removeRow(row)
            self._fill_choices(self._calls())

    def _cell(self, row: int, column: int) -> str:
        item = self.proposals.item(row, column)
        return item.text().strip() if item is not None else ""

    def _fill_choices(self, calls: dict[str, int]) -> None:
        texts = [self._cell(r, 0) or f"{r + 1}." for r in range(self.proposals.rowCount())]
        for row in range(self.roll_call.rowCount()):
            combo = self.roll_call.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            name_item = self.roll_call.item(row, 0)
            chosen = calls.get(name_item.text().casefold(), NOT_RECORDED) if name_item else NOT_RECORDED
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", NOT_RECORDED)
            for index, text in enumerate(texts):
                combo.addItem(text, index)
            combo.addItem(_("Blank"), BLANK)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def _calls(self) -> dict[str, int]:
        calls = {}
        for row in range(self.roll_call.rowCount()):
            combo = self.roll_call.cellWidget(row, 1)
            name_item = self.roll_call.item(row, 0)
            if isinstance(combo, QComboBox) and name_item is not None and combo.currentData() != NOT_RECORDED:
                calls[name_item.text().casefold()] = combo.currentData()
        return calls

    def set_call(self, name: str, proposal: int) -> None:
        """Record ``name``'s vote (a proposal's index, or -1 blank) as the user would."""
        for row in range(self.roll_call.rowCount()):
            name_item = self.roll_call.item(row, 0)
            combo = self.roll_call.cellWidget(row, 1)
            if name_item is not None and name_item.text() == name and isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(proposal))

    def values(self) -> dict:
        proposals = [{"text": self._cell(r, 0), "proposer": self._cell(r, 1),
                      "seconder": self._cell(r, 2), "votes": self._cell(r, 3)}
                     for r in range(self.proposals.rowCount())]
        roll_call: list[tuple[str, int]] = []
        if self.roll_call_taken.isChecked():
            for row in range(self.roll_call.rowCount()):
                combo = self.roll_call.cellWidget(row, 1)
                name_item = self.roll_call.item(row, 0)
                if isinstance(combo, QComboBox) and name_item is not None and combo.currentData() != NOT_RECORDED:
                    roll_call.append((name_item.text(), int(combo.currentData())))
        return {"proposals": proposals, "roll_call": roll_call, "result": self.result.text()}
