"""The register: every organisation, with search-as-you-type, filters and sortable columns."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.i18n import LANGUAGES, _, current_language, ngettext
from desktop.services import register
from desktop.services.register import Filters, OrganisationRow
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import OrganisationStatus, Sector
from desktop.storage.store import Store
from desktop.ui.dialogs.organisation import OrganisationDialog
from desktop.ui.pages.base import Page, fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


class RegisterPage(Page):
    watches = ("organisation", "contact_person", "representation", "activity")
    status_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Organisation register"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            _("Search by name, Business ID, municipality, sector or contact person")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._filter())
        self.layout_.addWidget(self.search)
        filters = QHBoxLayout()
        self.municipality = self._filter_combo(_("All municipalities"), [])
        self.sector = self._filter_combo(_("All sectors"), labels(Sector))
        self.language = self._filter_combo(
            _("All languages"), [(code, name) for code, (_l, name) in LANGUAGES.items()])
        self.status = self._filter_combo(_("All statuses"), labels(OrganisationStatus))
        for combo in (self.municipality, self.sector, self.language, self.status):
            filters.addWidget(combo, 1)
        self.layout_.addLayout(filters)
        self.model: RowTableModel[OrganisationRow] = RowTableModel(
            [
                Column(_("Name"), lambda r: r.name),
                Column(_("Name in the other language"), lambda r: r.other_name),
                Column(_("Business ID"), lambda r: r.business_id),
                Column(_("Municipality"), lambda r: r.domicile),
                Column(_("Sectors"), lambda r: r.sectors),
                Column(_("Status"), lambda r: r.status),
            ],
            parent=self,
        )
        self.sorter = QSortFilterProxyModel(self)
        self.sorter.setSourceModel(self.model)
        self.sorter.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.sorter.setSortLocaleAware(True)  # ä and ö sort after z, as in Finnish and Swedish
        self.table = make_table(self.model, self)
        self.table.setModel(self.sorter)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open)
        self.layout_.addWidget(self.table)
        self._all: list[OrganisationRow] = []
        self.refresh()
        fit_columns(self.table)

    def _filter_combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for code, text in items:
            combo.addItem(text, code)
        combo.currentIndexChanged.connect(lambda _index: self._filter())
        return combo

    def refresh(self) -> None:
        self._all = register.organisation_rows(self.store, current_language())
        keep = self.municipality.currentData()
        self.municipality.blockSignals(True)
        self.municipality.clear()
        self.municipality.addItem(_("All municipalities"), "")
        for code, name in sorted({(r.domicile_code, r.domicile) for r in self._all if r.domicile_code},
                                 key=lambda pair: pair[1].casefold()):
            self.municipality.addItem(name, code)
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(keep)))
        self.municipality.blockSignals(False)
        self._filter()

    def filters(self) -> Filters:
        return Filters(municipality=self.municipality.currentData() or "",
                       sector=self.sector.currentData() or "",
                       language=self.language.currentData() or "",
                       status=self.status.currentData() or "")

    def _filter(self) -> None:
        text = self.search.text()
        found = register.matching_ids(self.store, text) if text.strip() else None
        chosen = self.filters()
        self.model.set_rows([r for r in self._all
                             if (found is None or r.id in found) and chosen.accept(r)])
        self.status_changed.emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def row_at_view(self, view_row: int) -> OrganisationRow:
        return self.model.row_at(self.sorter.mapToSource(self.sorter.index(view_row, 0)).row())

    def selected_row(self) -> OrganisationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.row_at_view(rows[0].row()) if rows else None

    def _open(self, index: QModelIndex) -> None:
        self.edit(self.row_at_view(index.row()))

    def edit(self, row: OrganisationRow | None = None) -> OrganisationDialog:
        dialog = OrganisationDialog(self.store, row.id if row else None, self)
        dialog.open()
        return dialog

    def status_text(self) -> str:
        shown, total = self.model.rowCount(), len(self._all)
        if shown == total:
            return ngettext("{n} organisation", "{n} organisations", total).format(n=total)
        return _("{shown} of {total} organisations").format(shown=shown, total=total)
