"""The idea bank: every idea kept from workshops and meetings, searchable and filterable across
meetings, with their status changed, taken forward, merged and exported (PDF or Excel)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language, ngettext
from desktop.services import ideas
from desktop.services.ideas import IdeaFilter, IdeaRow
from desktop.services.vocabulary import label_in, labels
from desktop.storage.models.enums import IdeaStatus
from desktop.storage.store import Store
from desktop.storage.tracking import Changes
from desktop.ui.dialog_sizes import remember_size
from desktop.ui.grants.common import shortcut
from desktop.ui.meetings.common import ask, attempt, combo_id, combo_text_data, fill_combo
from desktop.ui.meetings.idea_dialogs import IdeaDialog, MergeDialog, TakeForwardDialog
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel

WATCHED = ("idea", "action_item", "checklist_item", "meeting", "agenda_item", "body")
_LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}


class IdeaBankDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Idea bank"))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search ideas, themes, groups, meetings…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh())
        filters.addWidget(self.search, 2)
        self.theme, self.status, self.body, self.year = (QComboBox() for _n in range(4))
        for combo in (self.theme, self.status, self.body, self.year):
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
            filters.addWidget(combo, 1)
        fill_combo(self.status, labels(IdeaStatus), None, none_label=_("All statuses"))
        layout.addLayout(filters)

        self.model: RowTableModel[IdeaRow] = RowTableModel([
            Column(_("Idea"), lambda r: r.text),
            Column(_("Theme"), lambda r: r.theme),
            Column(_("Status"), lambda r: r.status_label),
            Column(_("Source"), lambda r: r.source or r.origin_label),
            Column(_("Taken forward to"), lambda r: r.taken_to),
        ], parent=self)
        self.table = make_table(self.model, self)
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update())
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.new_button = self._button(buttons, _("New idea…"), "Ctrl+N", self.new)
        self.edit_button = self._button(buttons, _("Edit…"), "Return", self.edit, on_table=True)
        self.forward_button = self._button(buttons, _("Take forward…"), "Ctrl+T", self.take_forward)
        self.merge_button = self._button(buttons, _("Merge…"), "Ctrl+M", self.merge)
        self.drop_button = self._button(buttons, _("Drop"), "Ctrl+D", lambda: self.set_status(IdeaStatus.DROPPED))
        self.renew_button = self._button(buttons, _("Back to new"), "Ctrl+R",
                                         lambda: self.set_status(IdeaStatus.NEW))
        self.delete_button = self._button(buttons, _("Delete…"), QKeySequence.StandardKey.Delete, self.delete,
                                          on_table=True)
        buttons.addStretch(1)
        self.count = QLabel()
        buttons.addWidget(self.count)
        self.language = QComboBox()
        for code in ("fi", "sv", "en"):
            self.language.addItem(_LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.setToolTip(_("Language of the exported file"))
        buttons.addWidget(self.language)
        self.export_button = self._button(buttons, _("Export…"), "Ctrl+E", self.export)
        close = QPushButton(_("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        shortcut(self, "Ctrl+F", self.search.setFocus)

        self._filling = False
        self._fill_filters()
        self.refresh()
        fit_columns(self.table, cap=190)
        self.table.setColumnWidth(0, 330)  # the idea itself; the last column takes what is left
        store.subscribe(self._on_changes)
        self.finished.connect(lambda _result: store.unsubscribe(self._on_changes))
        remember_size(self)

    def _button(self, row: QHBoxLayout, text: str, keys: str | QKeySequence.StandardKey,
                slot: Callable[[], object], on_table: bool = False) -> QPushButton:
        """A button with its key; Return and Delete only in the table (the search field types them)."""
        button = QPushButton(text)
        button.setAutoDefault(False)  # Return in the search field must not press the first button
        button.clicked.connect(lambda _checked=False: slot())
        sequence = QKeySequence(keys)
        button.setToolTip(f"{text.rstrip('…')} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
        shortcut(self.table if on_table else self, sequence, slot)
        row.addWidget(button)
        return button

    # -- reading -------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        choices = ideas.filter_choices(self.store, current_language())
        self._filling = True
        fill_combo(self.theme, [(t, t) for t in choices.themes], combo_text_data(self.theme) or None,
                   none_label=_("All themes"))
        fill_combo(self.body, choices.bodies, combo_id(self.body), none_label=_("All bodies"))
        fill_combo(self.year, [(y, str(y)) for y in choices.years], combo_text_data(self.year) or None,
                   none_label=_("All years"))
        self._filling = False

    def filters(self) -> IdeaFilter:
        year = combo_text_data(self.year)
        return IdeaFilter(text=self.search.text(), theme=combo_text_data(self.theme),
                          status=combo_text_data(self.status), body_id=combo_id(self.body),
                          year=int(year) if year else None)

    def refresh(self) -> None:
        if self._filling:
            return
        keep = {row.id for row in self.selected()}
        self.model.set_rows(ideas.search_ideas(self.store, self.filters(), current_language()))
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).id in keep:
                self.table.selectRow(r)
        n = self.model.rowCount()
        self.count.setText(ngettext("{n} idea", "{n} ideas", n).format(n=n))
        self._update()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self._fill_filters()
            self.refresh()

    def rows(self) -> list[IdeaRow]:
        return [self.model.row_at(r) for r in range(self.model.rowCount())]

    def selected(self) -> list[IdeaRow]:
        if not hasattr(self, "table"):
            return []
        return [self.model.row_at(index.row()) for index in sorted(
            self.table.selectionModel().selectedRows(), key=lambda i: i.row())]

    def select_text(self, text: str) -> None:
        """Select the idea of that text (and only it)."""
        self.table.clearSelection()
        for r, row in enumerate(self.rows()):
            if row.text == text:
                self.table.selectRow(r)

    def _update(self) -> None:
        chosen = self.selected()
        one = len(chosen) == 1
        self.edit_button.setEnabled(one)
        self.forward_button.setEnabled(one and chosen[0].status != IdeaStatus.MERGED)
        self.merge_button.setEnabled(len(chosen) == 2)
        self.drop_button.setEnabled(bool(chosen) and any(r.status != IdeaStatus.DROPPED for r in chosen))
        self.renew_button.setEnabled(bool(chosen) and any(r.status != IdeaStatus.NEW for r in chosen))
        self.delete_button.setEnabled(bool(chosen))
        self.export_button.setEnabled(self.model.rowCount() > 0)

    # -- acting --------------------------------------------------------------------------

    def new(self) -> IdeaDialog:
        dialog = IdeaDialog(self.store, ideas.filter_choices(self.store).themes, None, self)
        dialog.open()
        return dialog

    def edit(self) -> IdeaDialog | None:
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        dialog = IdeaDialog(self.store, ideas.filter_choices(self.store).themes, chosen[0], self)
        dialog.open()
        return dialog

    def take_forward(self) -> TakeForwardDialog | None:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].status == IdeaStatus.MERGED:
            return None
        dialog = TakeForwardDialog(self.store, chosen[0], self)
        dialog.open()
        return dialog

    def merge(self) -> MergeDialog | None:
        chosen = self.selected()
        if len(chosen) != 2:
            return None
        dialog = MergeDialog(self.store, chosen[0], chosen[1], self)
        dialog.open()
        return dialog

    def set_status(self, status: str) -> None:
        for row in self.selected():
            if row.status != status and attempt(self, _("Idea bank"), lambda row=row: ideas.set_status(
                    self.store, row.id, status)) is None:
                return

    def delete(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        question = (_("Delete the idea {idea} from the idea bank?").format(idea=chosen[0].text)
                    if len(chosen) == 1 else
                    ngettext("Delete this {n} idea from the idea bank?", "Delete these {n} ideas from the idea bank?",
                             len(chosen)).format(n=len(chosen)))
        if not ask(self, _("Delete ideas"), question):
            return
        for row in chosen:
            if attempt(self, _("Delete ideas"), lambda row=row: ideas.remove_idea(self.store, row.id)) is None:
                return

    def export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the idea bank"), str(Path.home() / (_("ideas") + ".pdf")),
            _("PDF (*.pdf);;Excel (*.xlsx)"))
        if name:
            self.write(Path(name))

    def write(self, target: Path) -> int | None:
        """The ideas shown now (search and filters applied), in the chosen language."""
        from desktop.documents.idea_bank import write_ideas

        language = self.language.currentData()
        rows = ideas.search_ideas(self.store, self.filters(), language)
        wanted = self.filters()
        described = " · ".join(part for part in (
            wanted.text.strip(), wanted.theme,
            label_in(language, IdeaStatus, wanted.status) if wanted.status else "",
            self.body.currentText() if wanted.body_id else "", str(wanted.year or "")) if part)
        if attempt(self, _("Export the idea bank"), lambda: write_ideas(rows, target, language, described)
                   or True) is None:
            return None
        self.count.setText(ngettext("{n} idea written to {path}.", "{n} ideas written to {path}.",
                                    len(rows)).format(n=len(rows), path=target.name))
        return len(rows)

