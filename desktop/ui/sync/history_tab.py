"""The copies this one has exchanged files with, and the history of exchanges per copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.i18n import _, pgettext
from desktop.i18n.formatting import format_number, format_utc
from desktop.storage.store import Store
from desktop.sync.bundle import KIND_FULL
from desktop.sync.peers import ExchangeInfo, PeerInfo, exchange_history, list_peers
from desktop.ui.pages.base import fit_columns, make_table
from desktop.ui.tablemodel import Column, RowTableModel


def _count(value: int) -> str:
    return format_number(value)


class HistoryTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        peers_box = QWidget(split)
        peers_layout = QVBoxLayout(peers_box)
        peers_layout.setContentsMargins(0, 0, 0, 0)
        peers_layout.addWidget(QLabel(_("Copies heard from (select one to see its exchanges):")))
        self.peers: RowTableModel[PeerInfo] = RowTableModel([
            Column(pgettext("sync", "Copy"), lambda p: p.name or p.replica_id[:8]),
            Column(_("Id"), lambda p: p.replica_id[:12]),
            Column(_("First seen"), lambda p: format_utc(p.first_seen)),
            Column(_("Last imported"), lambda p: format_utc(p.last_import_at) or "—"),
            Column(_("Last exported"), lambda p: format_utc(p.last_export_at) or "—"),
            Column(_("Open conflicts"), lambda p: _count(p.open_conflicts), align_right=True),
        ], bold=lambda p: p.open_conflicts > 0)
        self.peer_view = make_table(self.peers, peers_box)
        self.peer_view.setSelectionMode(self.peer_view.SelectionMode.SingleSelection)
        peers_layout.addWidget(self.peer_view)
        history_box = QWidget(split)
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        self.history_label = QLabel(history_box)
        history_layout.addWidget(self.history_label)
        self.history: RowTableModel[ExchangeInfo] = RowTableModel([
            Column(_("When"), lambda e: format_utc(e.at)),
            Column(_("Direction"), lambda e: _("imported") if e.direction == "import"
                   else _("exported")),
            Column(pgettext("sync", "Copy"), lambda e: e.peer_name or _("every copy")),
            Column(_("File"), lambda e: e.file_name),
            Column(_("Kind"), lambda e: _("everything") if e.kind == KIND_FULL else _("changes")),
            Column(_("Encrypted"), lambda e: _("yes") if e.encrypted else _("no")),
            Column(_("Records"), lambda e: _count(e.records), align_right=True),
            Column(_("Added"), lambda e: _count(e.added), align_right=True),
            Column(_("Updated"), lambda e: _count(e.updated), align_right=True),
            Column(_("Deleted"), lambda e: _count(e.deleted), align_right=True),
            Column(_("Conflicts"), lambda e: _count(e.conflicts), align_right=True),
            Column(_("Officer"), lambda e: e.officer),
        ], bold=lambda e: e.conflicts > 0)
        self.history_view = make_table(self.history, history_box)
        history_layout.addWidget(self.history_view)
        split.addWidget(peers_box)
        split.addWidget(history_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)
        self.peer_view.selectionModel().selectionChanged.connect(lambda *_a: self.show_history())

    def selected_peer(self) -> PeerInfo | None:
        rows = self.peer_view.selectionModel().selectedRows()
        return self.peers.row_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        chosen = self.selected_peer()
        peers = list_peers(self.store)
        self.peers.set_rows(peers)
        if chosen is not None:
            for row, peer in enumerate(peers):
                if peer.replica_id == chosen.replica_id:
                    self.peer_view.selectRow(row)
        fit_columns(self.peer_view)
        self.show_history()

    def show_history(self) -> None:
        peer = self.selected_peer()
        if peer is None:
            self.history_label.setText(_("Every exchange, newest first:"))
            self.history.set_rows(exchange_history(self.store))
        else:
            self.history_label.setText(_("Exchanges with {name}, newest first:").format(
                name=peer.name or peer.replica_id[:8]))
            self.history.set_rows(exchange_history(self.store, peer.replica_id))
        fit_columns(self.history_view)
