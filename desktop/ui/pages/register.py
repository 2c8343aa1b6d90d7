"""The register: every organisation, with search-as-you-type, filters and sortable columns.

The table shows a window onto the database: the search, the filters and the order are one
query that SQLite answers a screenful at a time (see ``services.register``), so the page stays
quick with a hundred thousand organisations.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.i18n import LANGUAGES, _, current_language, ngettext
from desktop.services import register
from desktop.services.register import SORT_COLUMNS, Filters, OrganisationRow, RegisterQuery
from desktop.services.vocabulary import labels
from desktop.storage.models.enums import OrganisationKind, OrganisationStatus, Sector
from desktop.storage.store import Store
from desktop.ui.dialogs.organisation import OrganisationDialog
from desktop.ui.pages.base import Page, fit_columns, make_table
from desktop.ui.tablemodel import Column
from desktop.ui.windowed_model import WindowedTableModel


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
        # Every kind by default: a name typed in the search is found whatever it is, and the
        # Kind column tells the few public partners apart from the organisations.
        self.kind = self._filter_combo(
            _("Organisations and public partners"),
            [(OrganisationKind.ORGANISATION.value, _("Organisations only")),
             (register.PUBLIC_PARTNERS, _("Public partners only")),
             *((code, text) for code, text in labels(OrganisationKind)
               if code != OrganisationKind.ORGANISATION)])
        for combo in (self.kind, self.municipality, self.sector, self.language, self.status):
            filters.addWidget(combo, 1)
        self.layout_.addLayout(filters)
        self._sort = ("name", False)
        self._total = 0
        self._ready = False  # no queries while the widgets are being set up
        # The columns are in the order of SORT_COLUMNS: a header click sorts by its column.
        self.model: WindowedTableModel[OrganisationRow] = WindowedTableModel(
            [
                Column(_("Name"), lambda r: r.name),
                Column(_("Name in the other language"), lambda r: r.other_name),
                Column(_("Business ID"), lambda r: r.business_id),
                Column(_("Municipality"), lambda r: r.domicile),
                Column(_("Sectors"), lambda r: r.sectors),
                Column(_("Status"), lambda r: r.status),
                Column(_("Kind"), lambda r: r.kind),
            ],
            sort=self._sort_by,
            parent=self,
        )
        self.table = make_table(self.model, self)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._open)
        self.layout_.addWidget(self.table)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._ready = True
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
        self._total = register.count(self.store, RegisterQuery())
        keep = self.municipality.currentData()
        self.municipality.blockSignals(True)
        self.municipality.clear()
        self.municipality.addItem(_("All municipalities"), "")
        for code, name in register.domicile_choices(self.store, current_language()):
            self.municipality.addItem(name, code)
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(keep)))
        self.municipality.blockSignals(False)
        self._filter()

    def filters(self) -> Filters:
        return Filters(municipality=self.municipality.currentData() or "",
                       sector=self.sector.currentData() or "",
                       language=self.language.currentData() or "",
                       status=self.status.currentData() or "",
                       kind=self.kind.currentData() or "")

    def query(self) -> RegisterQuery:
        """What the table shows now: the search, the filters and the order."""
        column, descending = self._sort
        return RegisterQuery(text=self.search.text(), filters=self.filters(), sort=column,
                             descending=descending, language=current_language())

    def _filter(self) -> None:
        if not self._ready:
            return
        query = self.query()
        self.model.set_source(
            lambda: register.count(self.store, query),
            lambda offset, limit: register.organisation_page(self.store, query, offset, limit),
        )
        self.status_changed.emit()

    def _sort_by(self, column: int, descending: bool) -> None:
        self._sort = (SORT_COLUMNS[column], descending)
        self._filter()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def row_at_view(self, view_row: int) -> OrganisationRow:
        return self.model.row_at(view_row)

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
        shown, total = self.model.rowCount(), self._total
        if shown == total:
            return ngettext("{n} organisation", "{n} organisations", total).format(n=total)
        return _("{shown} of {total} organisations").format(shown=shown, total=total)
