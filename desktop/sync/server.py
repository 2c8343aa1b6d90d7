"""Synchronising this copy with the county's server directly: the server is one more copy.

The bundles that files carry go both ways in memory instead, through the same checks and the
same merge, so the rules are those of the files (field by field, tombstones, conflicts kept for a
person). First the server's changes this copy has not seen come here, so that a conflict is found
in this copy, where the person synchronising sees it; then this copy's changes go to the server.
What each side has seen of the other rides in the bundles' manifests, as with files, and each
side keeps the other as a peer and the exchange in its history. Everyone connected to the server
shares its replica id (its database's), so a laptop is one peer of the whole team's copy.
Running it again changes nothing.

A read-only user (a municipality's liaison person) may not write on the server: their copy
takes the server's changes and sends nothing, and what it has seen of the server is its own
record, not the server's.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from desktop.errors import KnownError
from desktop.i18n import _, ngettext
from desktop.storage.dialect import is_server_url
from desktop.storage.models import SyncExchange, SyncPeer
from desktop.storage.roles import READONLY, server_role
from desktop.storage.store import Store
from desktop.storage.tracking import cycle_collection_paused
from desktop.sync.bundle import KIND_DELTA
from desktop.sync.export import Written, note_export, write_bundle
from desktop.sync.merge import apply_bundle
from desktop.sync.peers import replica_name
from desktop.sync.report import ImportReport
from desktop.sync.validate import parse_bundle


@dataclass(frozen=True)
class ServerSyncReport:
    server: str  # its URL without the password
    received: ImportReport  # the server's changes, merged here
    sent: ImportReport  # this copy's changes, merged on the server
    read_only: bool = False  # the user's role may not write on the server: nothing was sent

    @property
    def conflicts(self) -> int:
        return self.received.conflicts + self.sent.conflicts

    @property
    def changed(self) -> bool:
        return any(_counts(report) for report in (self.received, self.sent))

    def lines(self) -> list[str]:
        lines = [_("Synchronised with {server}.").format(server=self.server)]
        for title, report in ((_("From the server"), self.received),
                              (_("To the server"), self.sent)):
            counts = _counts(report)
            lines.append("  " + title + ": " + (", ".join(counts) if counts else _("nothing new"))
                         + ".")
        if self.read_only:
            lines.append("  " + _("Your role on the server is read-only: this copy's own changes "
                                  "were not sent and stay in this copy."))
        if self.received.conflicts:
            lines.append("  " + ngettext(
                "The server and this copy changed the same field: the newer value is shown and "
                "the other is kept. Choose between them under Conflicts.",
                "The server and this copy changed the same fields: the newer values are shown "
                "and the others are kept. Choose between them under Conflicts.",
                self.received.conflicts))
        if self.sent.conflicts:
            lines.append("  " + ngettext(
                "{n} conflict is listed on the server too, for its users to see.",
                "{n} conflicts are listed on the server too, for its users to see.",
                self.sent.conflicts).format(n=self.sent.conflicts))
        resolved = self.received.resolved_elsewhere + self.sent.resolved_elsewhere
        if resolved:
            lines.append("  " + ngettext(
                "{n} conflict was resolved on the other side.",
                "{n} conflicts were resolved on the other side.", resolved).format(n=resolved))
        return lines


def _counts(report: ImportReport) -> list[str]:
    counts = []
    if report.added:
        counts.append(ngettext("{n} record added", "{n} records added",
                               report.added).format(n=report.added))
    if report.updated:
        counts.append(ngettext("{n} updated", "{n} updated", report.updated).format(n=report.updated))
    if report.deleted:
        counts.append(ngettext("{n} deleted", "{n} deleted", report.deleted).format(n=report.deleted))
    if report.conflicts:
        counts.append(ngettext("{n} conflict", "{n} conflicts",
                               report.conflicts).format(n=report.conflicts))
    return counts


def synchronise(local: Store, server: Store) -> ServerSyncReport:
    """Bring ``local`` and ``server`` to the same content: the server's changes that this copy
    has not seen come here, then this copy's go there (see the module). Each direction commits
    on its own; should the second fail, running it again finishes the work."""
    if local.replica_id == server.replica_id:
        raise KnownError(_(
            "This copy and {server} are the same copy (they have the same id): a copy of the "
            "server's database must first get an identity of its own (kumppani sync "
            "new-identity).").format(server=server.location))
    read_only = server_role(server.engine) == READONLY
    with cycle_collection_paused():
        if read_only:
            received = _receive_read_only(server, local)
            sent = ImportReport(server.location, replica_name(local), local.replica_id,
                                KIND_DELTA)
        else:
            received = _send(server, local)
            sent = _send(local, server)
    return ServerSyncReport(server.location, received, sent, read_only)


def _send(source: Store, target: Store) -> ImportReport:
    """Merge into ``target`` what ``source`` has that ``target`` has not acknowledged."""
    written, report = _transfer(
        source, target, lambda session: session.get(SyncPeer, target.replica_id))
    note_export(source, written.report(Path("-")), target.replica_id, _label(source, target))
    return report


def _receive_read_only(server: Store, local: Store) -> ImportReport:
    """Merge into ``local`` what a read-only user's ``server`` has that ``local`` has not seen.
    The user may not write there, so the server keeps no record of this copy: what this copy
    has seen of the server comes from its own record, as if the server had it."""
    with local.read() as session:
        record = session.get(SyncPeer, server.replica_id)
        seen = record.seen if record is not None else ""
    peer = SyncPeer(replica_id=local.replica_id, seen="", acknowledged=seen) if seen else None
    return _transfer(server, local, lambda _session: peer)[1]


def _transfer(source: Store, target: Store,
              peer: Callable[[Session], SyncPeer | None]) -> tuple[Written, ImportReport]:
    """Write ``source``'s changes for ``peer`` (what it has acknowledged) and merge them into
    ``target``."""
    buffer = io.BytesIO()
    written = write_bundle(source, buffer, target=peer)
    return written, apply_bundle(target, parse_bundle(buffer.getvalue(), _label(source, target)))


def _label(source: Store, target: Store) -> str:
    # The history of both sides names the exchange by the server.
    return source.location if source.on_server else target.location


def last_server(store: Store) -> str:
    """The server this copy last synchronised with (its URL without the password), or ""."""
    with store.read() as session:
        for name in session.scalars(
                select(SyncExchange.file_name).where(SyncExchange.direction == "import")
                .order_by(SyncExchange.at.desc(), SyncExchange.id.desc()).limit(50)):
            if is_server_url(name):  # shown without its password ("***"): none at all
                return make_url(name).set(password=None).render_as_string(hide_password=False)
    return ""
