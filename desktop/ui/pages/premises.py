"""Premises that organisations may use: the list with its filters, editing, and the public list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.i18n import _, current_language, ngettext
from desktop.i18n.formatting import format_number
from desktop.services import premises
from desktop.services.premises import FEATURE_LABELS, FEATURES, PremisesFilter, PremisesRow
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import PremisesTerms
from desktop.storage.store import Store
from desktop.ui.dialogs.premises import PremisesDialog
from desktop.ui.editable_list import EditableList
from desktop.ui.pages.base import Page
from desktop.ui.tablemodel import Column


class PremisesPage(Page):
    watches = ("premises", "premises_organisation", "premises_activity", "organisation")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Premises"))
        self.dialog: QDialog | None = None  # the dialog open now (tests drive it)
        self._ready = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search by name, address or owner"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.reload())
        self.layout_.addWidget(self.search)

        filters = QHBoxLayout()
        self.municipality = QComboBox(self)
        self.municipality.currentIndexChanged.connect(lambda _index: self.reload())
        filters.addWidget(self.municipality, 1)
        self.min_capacity = QSpinBox(self)
        self.min_capacity.setRange(0, premises.MAX_CAPACITY)
        self.min_capacity.setSingleStep(10)
        self.min_capacity.setSpecialValueText(_("Any capacity"))
        self.min_capacity.setPrefix(_("at least") + " ")
        self.min_capacity.valueChanged.connect(lambda _value: self.reload())
        filters.addWidget(self.min_capacity)
        self.features: dict[str, QCheckBox] = {}
        for name in FEATURES:
            box = QCheckBox(_(FEATURE_LABELS[name]), self)
            box.toggled.connect(lambda _on: self.reload())
            self.features[name] = box
            filters.addWidget(box)
        self.terms = QComboBox(self)
        self.terms.addItem(_("All terms"), "")
        for code, text in labels(PremisesTerms):
            self.terms.addItem(text, code)
        self.terms.currentIndexChanged.connect(lambda _index: self.reload())
        filters.addWidget(self.terms, 1)
        self.layout_.addLayout(filters)

        self.list = EditableList(
            [Column(_("Name"), lambda r: r.name), Column(_("Located in"), lambda r: r.municipality),
             Column(_("Type"), lambda r: r.kind),
             Column(_("Capacity"), lambda r: "" if r.capacity is None else format_number(r.capacity),
                    align_right=True),
             Column(_("Owned by"), lambda r: r.owner),
             Column(_("Users"), lambda r: str(r.users), align_right=True),
             Column(_("Accessibility"), lambda r: r.accessibility),
             Column(_("Terms"), lambda r: r.terms), Column(_("Address"), lambda r: r.address)],
            self._rows, self.add, self.edit,
            lambda r: premises.delete_premises(self.store, r.premises_id),
            lambda r: _("Delete the premises {name}? Their links to organisations and activities "
                        "go with them.").format(name=r.name),
            parent=self,
        )
        self.list.add_button.setText(_("&New premises…"))
        self.list.add_button.setToolTip(_("Insert"))
        self.list.remove_button.setText(_("&Delete…"))
        self.list.buttons.insertWidget(self.list.buttons.count() - 1, QLabel(_("List language:")))
        self.list_language = QComboBox(self)
        self.list_language.addItem("suomi", "fi")
        self.list_language.addItem("svenska", "sv")
        self.list_language.setCurrentIndex(1 if current_language() == "sv" else 0)
        self.list.buttons.insertWidget(self.list.buttons.count() - 1, self.list_language)
        self.export_button = self.list.add_action(_("E&xport the list…"), self.export)
        self.layout_.addWidget(self.list, 1)
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.add)
        self._ready = True
        self.refresh()

    # -- rows ------------------------------------------------------------------------------

    def filters(self) -> PremisesFilter:
        return PremisesFilter(
            text=self.search.text(), municipality=self.municipality.currentData() or "",
            min_capacity=self.min_capacity.value(),
            features=frozenset(name for name, box in self.features.items() if box.isChecked()),
            terms=self.terms.currentData() or "")

    def _rows(self) -> list[PremisesRow]:
        with self.store.read() as session:
            return premises.premises_rows(session, current_language(), self.filters())

    def refresh(self) -> None:
        keep = self.municipality.currentData()
        self.municipality.blockSignals(True)
        self.municipality.clear()
        self.municipality.addItem(_("All municipalities"), "")
        with self.store.read() as session:
            for code, name in premises.premises_municipalities(session, current_language()):
                self.municipality.addItem(name, code)
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(keep)))
        self.municipality.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if self._ready:
            self.list.reload()
            self.notify(self.status_text(), 4000)

    def rows(self) -> list[PremisesRow]:
        return self.list.rows()

    def status_text(self) -> str:
        count = self.list.model.rowCount()
        return ngettext("{n} premises shown", "{n} premises shown", count).format(n=count)

    # -- dialogs and the public list ---------------------------------------------------------

    def _open(self, dialog: PremisesDialog) -> PremisesDialog:
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def add(self) -> PremisesDialog:
        return self._open(PremisesDialog(self.store, None, self))

    def edit(self, row: PremisesRow) -> PremisesDialog:
        return self._open(PremisesDialog(self.store, row.premises_id, self))

    def export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the premises list"), str(Path.home() / "premises.pdf"),
            _("PDF (*.pdf);;Excel (*.xlsx)"))
        if name:
            self.write_list(Path(name))

    def write_list(self, target: Path) -> int:
        """The premises shown now (filters applied) as the public list; returns how many."""
        from desktop.documents.premises_list import write_premises_list
        from desktop.services.premises_list import public_premises_list

        language = self.list_language.currentData()
        with self.store.read() as session:
            sections = public_premises_list(session, language, self.filters())
        write_premises_list(sections, target, language)
        count = sum(len(section.entries) for section in sections)
        self.notify(ngettext("{n} premises written to {path}.", "{n} premises written to {path}.",
                             count).format(n=count, path=target))
        return count
