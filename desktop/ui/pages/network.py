"""The municipalities and the named liaison persons for each role, with the gaps in plain sight.

Rows are the municipalities in the network (municipality partners, and any municipality
someone is named for), columns the liaison roles. A cell lists the persons in office with their
phone, e-mail and the last meeting they attended, or says *gap* on a red background.
Double-click (or Enter) on a cell names someone or edits the role.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.errors import KnownError
from desktop.i18n import _, current_language, ngettext
from desktop.i18n.formatting import format_date
from desktop.services import network, partners
from desktop.services.network import LiaisonPerson, Network
from desktop.storage.store import Store
from desktop.ui.dialogs.liaison_role import LiaisonRoleDialog
from desktop.ui.pages.base import Page

GAP_BACKGROUND = QColor("#f8d7da")
GAP_FOREGROUND = QColor("#842029")


class NetworkPage(Page):
    watches = ("liaison_role", "contact_person", "organisation", "representation",
               "meeting", "meeting_attendance", "body_member")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Liaison network"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        tools = QHBoxLayout()
        self.assign_button = QPushButton(_("&Name a person…"))
        self.assign_button.setToolTip(_("Name a person for the selected municipality and role (Enter)"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.add_button = QPushButton(_("Add the county's &municipalities…"))
        self.add_button.clicked.connect(lambda: add_municipalities(self, self.store))
        self.language = QComboBox()
        self.language.addItem(_("Directory in Finnish"), "fi")
        self.language.addItem(_("Directory in Swedish"), "sv")
        if current_language() == "sv":
            self.language.setCurrentIndex(1)
        self.export_button = QPushButton(_("E&xport the directory…"))
        self.export_button.setToolTip(_("PDF or Excel (Ctrl+Shift+E)"))
        self.export_button.clicked.connect(self.export_directory)
        for widget in (self.assign_button, self.add_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.language)
        tools.addWidget(self.export_button)
        self.layout_.addLayout(tools)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The lines of a cell are its own (name, contacts, last convened): no wrapping, so that a
        # row is as high as its longest cell's lines, whatever the column widths.
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(self.open_cell)
        self.layout_.addWidget(self.table, 1)
        self.empty_hint = QLabel(_("No municipalities in the network yet: add the county's "
                                   "municipalities as public partners to see who is named and "
                                   "where the gaps are."))
        self.empty_hint.setWordWrap(True)
        self.layout_.addWidget(self.empty_hint)
        for keys, slot in ((QKeySequence(Qt.Key.Key_Return), self.assign_selected),
                           (QKeySequence(Qt.Key.Key_Enter), self.assign_selected),
                           (QKeySequence("Ctrl+Shift+E"), self.export_directory)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.network: Network | None = None
        self.refresh()

    def refresh(self) -> None:
        with self.store.read() as session:
            self.network = found = network.network(session, current_language())
        language = current_language()
        self.table.clear()
        self.table.setRowCount(len(found.rows))
        self.table.setColumnCount(len(found.columns))
        self.table.setHorizontalHeaderLabels([column.label for column in found.columns])
        self.table.setVerticalHeaderLabels([row.name for row in found.rows])
        for r, row in enumerate(found.rows):
            for c, column in enumerate(found.columns):
                cell = row.cells[column.key]
                item = QTableWidgetItem()
                if cell.gap:
                    item.setText(_("Gap: no one named"))
                    item.setBackground(QBrush(GAP_BACKGROUND))
                    item.setForeground(QBrush(GAP_FOREGROUND))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                elif cell.persons:
                    item.setText("\n\n".join(_person_text(p, language) for p in cell.persons))
                else:
                    item.setText("—")
                    item.setForeground(QBrush(QColor("#6c757d")))
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setToolTip(f"{row.name} · {column.label}")
                self.table.setItem(r, c, item)
        self.table.setVisible(bool(found.rows))
        self.empty_hint.setVisible(not found.rows)
        self.export_button.setEnabled(bool(found.rows))
        gaps = len(found.gaps)
        municipalities = ngettext("{n} municipality", "{n} municipalities", len(found.rows)).format(
            n=len(found.rows))
        if gaps:
            text = ngettext("{municipalities}: {n} gap in the liaison roles",
                            "{municipalities}: {n} gaps in the liaison roles", gaps).format(
                municipalities=municipalities, n=gaps)
            self.summary.setStyleSheet(f"color: {GAP_FOREGROUND.name()}; font-weight: 600;")
        else:
            text = _("{municipalities}: every role has a named person").format(
                municipalities=municipalities)
            self.summary.setStyleSheet("")
        self.summary.setText(text if found.rows else "")

    def status_text(self) -> str:
        return self.summary.text()

    def gap_count(self) -> int:
        return len(self.network.gaps) if self.network else 0

    def cell_text(self, municipality: str, role: str) -> str:
        """What the cell of a municipality (its name) and a role (its column label) shows."""
        assert self.network is not None
        r = [row.name for row in self.network.rows].index(municipality)
        c = [column.label for column in self.network.columns].index(role)
        item = self.table.item(r, c)
        return item.text() if item else ""

    def assign_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_cell(index.row(), index.column())
        else:
            LiaisonRoleDialog(self.store, parent=self).open()

    def open_cell(self, r: int, c: int) -> LiaisonRoleDialog | None:
        """Edit the person named in the cell, or name one; several: ask whose role."""
        if self.network is None or not self.network.rows:
            return None
        row, column = self.network.rows[r], self.network.columns[c]
        persons = row.cells[column.key].persons
        chosen: LiaisonPerson | None = persons[0] if len(persons) == 1 else None
        if len(persons) > 1:
            another = _("Name another person…")
            names = [p.name for p in persons] + [another]
            name, ok = QInputDialog.getItem(self, column.label, row.name, names, 0, False)
            if not ok:
                return None
            chosen = persons[names.index(name)] if name != another else None
        if chosen is not None:
            dialog = LiaisonRoleDialog(self.store, chosen.role_id, parent=self)
        else:
            role, _sep, title = column.key.partition(":")
            dialog = LiaisonRoleDialog(self.store, municipality=row.code, role=role, title=title,
                                       parent=self)
        dialog.open()
        return dialog

    def export_directory(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the directory"),
            str(Path.home() / ("kontaktpersoner.pdf" if self.language.currentData() == "sv"
                               else "yhdyshenkilot.pdf")),
            _("PDF (*.pdf);;Excel workbook (*.xlsx)"))
        if name:
            self.write_directory(Path(name), self.language.currentData())

    def write_directory(self, target: Path, language: str) -> None:
        from desktop.documents.directory import write_directory

        try:
            with self.store.read() as session:
                entries = network.directory(session, language)
            write_directory(entries, target, language)
        except KnownError as exc:
            QMessageBox.warning(self, _("Export the directory"), str(exc))
            return
        self.notify(_("Written to {path}.").format(path=target))


def _person_text(person: LiaisonPerson, language: str) -> str:
    lines = [person.name]
    contact = " · ".join(part for part in (person.phone, person.email) if part)
    if contact:
        lines.append(contact)
    convened = format_date(person.last_convened, language) if person.last_convened else "—"
    lines.append(_("Last convened: {date}").format(date=convened))
    if person.end_on is not None:
        lines.append(_("Until {date}").format(date=format_date(person.end_on, language)))
    return "\n".join(lines)


def add_municipalities(parent: QWidget, store: Store) -> str:
    """Ask which county and add its municipalities as partners; returns what was done."""
    language = current_language()
    with store.read() as session:
        everything = partners.counties(session)
        try:
            likely = partners.find_county(session).name_fi
        except KnownError:
            likely = ""
    names = [county.name(language) for county in everything]
    start = next((i for i, c in enumerate(everything) if c.name_fi == likely), 0)
    name, ok = QInputDialog.getItem(parent, _("Add the county's municipalities"),
                                    _("Wellbeing services county"), names, start, False)
    if not ok:
        return ""
    county = everything[names.index(name)]
    result, _changes = partners.add_county_municipalities(store, county.name_fi)
    message = ngettext("{n} municipality added as a public partner.",
                       "{n} municipalities added as public partners.", len(result.added)).format(
        n=len(result.added))
    window = parent.window()
    status_bar = getattr(window, "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(message, 8000)
    return message
