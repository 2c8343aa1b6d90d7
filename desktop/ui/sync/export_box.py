"""Export: everything or changes, for which copy (or since a date), encrypted or not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.storage.store import Store
from desktop.sync.bundle import SUFFIX
from desktop.sync.export import ExportReport, export_bundle
from desktop.sync.peers import replica_name
from desktop.sync.shared_folder import PREFIX
from desktop.ui.worker import run_with_progress

MIN_PASSPHRASE = 8


class ExportBox(QGroupBox):
    exported = Signal(object)  # ExportReport

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(_("Export to a file"), parent)
        self.store = store
        self.directory = Path.home()
        layout = QVBoxLayout(self)

        self.changes = QRadioButton(_("&Changes the copy has not received yet"), self)
        self.since = QRadioButton(_("Changes made &since"), self)
        self.since_date = QDateEdit(QDate.currentDate().addDays(-7), self)
        self.since_date.setCalendarPopup(True)
        self.since_date.setDisplayFormat("d.M.yyyy")
        self.full = QRadioButton(_("Everything (a f&ull export)"), self)
        self.kind = QButtonGroup(self)
        for button in (self.changes, self.since, self.full):
            self.kind.addButton(button)
        self.changes.setChecked(True)
        layout.addWidget(self.changes)
        since_row = QHBoxLayout()
        since_row.addWidget(self.since)
        since_row.addWidget(self.since_date)
        since_row.addStretch(1)
        layout.addLayout(since_row)
        layout.addWidget(self.full)

        form = QFormLayout()
        self.peer = QComboBox(self)
        self.peer.setEditable(True)
        self.peer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.peer.lineEdit().setPlaceholderText(_("a colleague's copy, or a new name"))
        form.addRow(_("F&or:"), self.peer)
        self.encrypt = QCheckBox(_("E&ncrypt with a passphrase"), self)
        form.addRow("", self.encrypt)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("&Passphrase:"), self.passphrase)
        form.addRow(_("A&gain:"), self.again)
        layout.addLayout(form)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.hint)
        self.button = QPushButton(_("E&xport to a file…"), self)
        self.button.setObjectName("exportButton")
        self.button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)
        layout.addStretch(1)

        for signal in (self.kind.buttonToggled, self.encrypt.toggled, self.passphrase.textChanged,
                       self.again.textChanged, self.peer.currentTextChanged):
            signal.connect(self._update)
        self.set_peers([])

    # -- choices -------------------------------------------------------------------------

    def set_peers(self, names: list[str]) -> None:
        text = self.target()
        self._known = {name.casefold() for name in names}
        self.peer.blockSignals(True)
        self.peer.clear()
        self.peer.addItem(_("Every copy heard from"))
        for name in names:
            self.peer.addItem(name)
        self.peer.blockSignals(False)
        if text:
            self.peer.setCurrentText(text)
        self._update()

    def target(self) -> str:
        """The copy chosen by name; empty for every copy heard from."""
        if self.peer.currentIndex() == 0 and self.peer.currentText() == self.peer.itemText(0):
            return ""
        return " ".join(self.peer.currentText().split())

    def is_new_copy(self) -> bool:
        name = self.target()
        return bool(name) and name.casefold() not in self._known

    def passphrase_problem(self) -> str:
        if not self.encrypt.isChecked():
            return ""
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            return _("The passphrase must be at least {n} characters long.").format(
                n=MIN_PASSPHRASE)
        if self.passphrase.text() != self.again.text():
            return _("The two passphrases differ.")
        return ""

    def _update(self, *_args: object) -> None:
        for edit in (self.passphrase, self.again):
            edit.setEnabled(self.encrypt.isChecked())
        self.since_date.setEnabled(self.since.isChecked())
        problem = self.passphrase_problem()
        hints = []
        if self.is_new_copy() and self.changes.isChecked():
            hints.append(_("{name} has not sent a file here yet, so the file carries everything "
                           "(a full export).").format(name=self.target()))
        elif not self.target() and self.changes.isChecked():
            hints.append(_("The file carries what any copy heard from has not received yet."))
        if self.encrypt.isChecked():
            hints.append(problem or _("Tell the passphrase to the recipient another way than "
                                      "the file (by phone, say)."))
        self.hint.setText(" ".join(hints))
        self.button.setEnabled(not problem)

    # -- exporting -----------------------------------------------------------------------

    def suggested_name(self) -> str:
        parts = [replica_name(self.store)]
        if self.target():
            parts.append(self.target())
        parts.append(dt.date.today().strftime("%Y%m%d"))
        slug = "-".join("".join(c if c.isalnum() else "-" for c in p).strip("-") for p in parts)
        return f"{PREFIX}{slug.lower()}{SUFFIX}"

    def choose_file(self) -> None:
        if self.passphrase_problem():
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export to a file"), str(self.directory / self.suggested_name()),
            _("Kumppani sync files (*{suffix})").format(suffix=SUFFIX))
        if not name:
            return
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        self.directory = path.parent
        self.export_to(path)

    def export_to(self, path: Path) -> ExportReport:
        full = self.full.isChecked() or (self.changes.isChecked() and self.is_new_copy())
        since = self.since_date.date().toPython() if self.since.isChecked() else None
        peer = self.target() if self.target() and not self.is_new_copy() else None
        passphrase = self.passphrase.text() if self.encrypt.isChecked() else None
        report = run_with_progress(
            self, _("Writing {name}…").format(name=path.name),
            lambda: export_bundle(self.store, path, full=full, peer=peer, since=since,
                                  passphrase=passphrase), self.store)
        self.passphrase.clear()
        self.again.clear()
        self.exported.emit(report)
        return report
