"""Writing a bundle: everything (full), or what a peer has not yet seen (delta).

A delta carries every record whose clocks this copy stored after a watermark (its ``stamp``): the
stamp a peer last acknowledged, the lowest of all peers' when no peer is named, or the start of a
date. Each record travels whole, with all its field clocks, so a delta applies to a copy that
has the record or not. The changes are read in one snapshot, so ``clock_range.to`` is exact.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desktop.errors import KnownError
from desktop.i18n import _, ngettext
from desktop.storage import migrate
from desktop.storage.base import utcnow
from desktop.storage.dialect import is_postgresql
from desktop.storage.field_clocks import BASE_FIELD, normalised
from desktop.storage.models import FieldClock, SyncConflict, SyncExchange, SyncPeer
from desktop.storage.store import Store
from desktop.sync import bundle as fmt
from desktop.sync import crypto, sqlite_bulk
from desktop.sync.codec import ATTACHMENT_KEY, TableSpec, table_specs
from desktop.sync.peers import find_peer, replica_name

_BATCH = 5000


@dataclass(frozen=True)
class ExportReport:
    path: Path
    kind: str
    peer_name: str
    records: int
    tables: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    clock_from: str = ""
    clock_to: str = ""
    encrypted: bool = False

    def lines(self) -> list[str]:
        what = (_("Full export written to {path}") if self.kind == fmt.KIND_FULL
                else _("Changes written to {path}")).format(path=self.path)
        if self.peer_name:
            what += " " + _("for {name}").format(name=self.peer_name)
        lines = [what + (" " + _("(encrypted)") if self.encrypted else "") + "."]
        lines.append(ngettext("{n} record.", "{n} records.", self.records).format(n=self.records))
        return lines


def since_watermark(day: dt.date) -> str:
    """A watermark below every stamp made from the start of ``day`` (local time) on."""
    start = dt.datetime.combine(day, dt.time()).astimezone()
    return f"{int(start.timestamp() * 1000):015d}"


def export_bundle(
    store: Store,
    path: Path,
    *,
    full: bool = False,
    peer: str | None = None,
    since: dt.date | None = None,
    passphrase: str | None = None,
    compresslevel: int = 1,
    fast: bool = True,
) -> ExportReport:
    """Write a bundle to ``path`` and note it in the history; see the module for the kinds.

    ``fast``: build the lines with the database's own JSON functions where it has them (see
    ``sqlite_bulk``); the result is the same.
    """
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        # Encrypted bundles are made in memory: age encrypts the finished zip.
        buffer = io.BytesIO()
        out: IO[bytes] = buffer if passphrase else open(partial, "wb")  # noqa: SIM115
        try:
            written = write_bundle(
                store, out, full=full, since=since, compresslevel=compresslevel, fast=fast,
                target=(lambda session: find_peer(session, peer)) if peer else None)
        finally:
            if out is not buffer:
                out.close()
        if passphrase:
            partial.write_bytes(crypto.encrypt(buffer.getvalue(), passphrase))
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise KnownError(_("Cannot write {path}: {reason}").format(
            path=path, reason=exc.strerror or exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    report = written.report(path, bool(passphrase))
    note_export(store, report, written.peer_replica_id, path.name)
    return report


@dataclass(frozen=True)
class Written:
    """What ``write_bundle`` wrote: its manifest, for whom, how many attachments."""

    manifest: fmt.Manifest
    peer_name: str
    peer_replica_id: str
    attachments: int

    def report(self, path: Path, encrypted: bool = False) -> ExportReport:
        manifest = self.manifest
        return ExportReport(path, manifest.kind, self.peer_name, sum(manifest.tables.values()),
                            dict(manifest.tables), self.attachments, manifest.clock_from,
                            manifest.clock_to, encrypted)


def write_bundle(
    store: Store,
    out: IO[bytes],
    *,
    full: bool = False,
    since: dt.date | None = None,
    target: Callable[[Session], SyncPeer | None] | None = None,
    compresslevel: int = 1,
    fast: bool = True,
) -> Written:
    """Write an unencrypted bundle to ``out``: everything (``full``), what was stored since a
    day, what the peer ``target`` picks has not acknowledged (everything when it gives None: a
    copy never met), or what any known peer lacks."""
    with store.read() as session:
        snapshot(session)
        peer = target(session) if target is not None else None
        peers = list(session.scalars(select(SyncPeer)))
        if full or (target is not None and peer is None):
            start = ""
        elif since is not None:
            start = since_watermark(since)
        elif peer is not None:
            start = peer.acknowledged
        else:
            start = min((p.acknowledged for p in peers), default="")
        # Stamps are taken and committed in order (one writer; on a server, under the lock of
        # its clock), so the snapshot's newest is exact; with none at all, the zero clock still
        # says "everything up to now".
        end = _newest_stamp(session) or normalised("", store.replica_id)
        manifest = fmt.Manifest(
            kind=fmt.KIND_DELTA if start else fmt.KIND_FULL,
            sender_replica=store.replica_id,
            sender_name=replica_name(store),
            schema_version=migrate.head_revision(),
            created_at=utcnow().isoformat(timespec="seconds") + "Z",
            clock_from=start,
            clock_to=end,
            acknowledges={p.replica_id: p.seen for p in peers if p.seen},
        )
        writer = fmt.BundleWriter(out, compresslevel)
        attachments: dict[str, bytes] = {}
        for spec in _tables_to_send(session, start):
            if fast and sqlite_bulk.usable(session, spec):
                lines = sqlite_bulk.export_lines(session, spec, start, store.replica_id)
            else:
                lines = _record_lines(session, spec, start, store.replica_id, attachments)
            first = next(lines, None)
            if first is not None:
                manifest.tables[spec.name] = writer.add_lines(
                    fmt.changes_member(spec.name), itertools.chain([first], lines))
        for sha256, content in sorted(attachments.items()):
            writer.add_bytes(fmt.attachment_member(sha256), content)
        resolutions = list(_resolution_lines(session, start))
        if resolutions:
            writer.add_lines(fmt.RESOLUTIONS, resolutions)
        writer.finish(manifest)
    return Written(manifest, peer.name if peer else "", peer.replica_id if peer else "",
                   len(attachments))


def snapshot(session: Session) -> None:
    """Make the session's reads one snapshot of the database. SQLite's read transaction is one
    already; PostgreSQL's default gives each statement its own, and a bundle read so would miss
    records that others committed meanwhile and that its later tables refer to."""
    if is_postgresql(session.get_bind()):
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def _newest_stamp(session: Session) -> str | None:
    """The newest stamp of any record (each table's from its index), in one query."""
    newest = [select(func.max(spec.table.c.stamp)).scalar_subquery()
              for spec in table_specs().values()]
    return max((stamp for stamp in session.execute(select(*newest)).one() if stamp), default=None)


def _tables_to_send(session: Session, start: str) -> list[TableSpec]:
    """The tables with something to send, asked in one query rather than one per table."""
    specs = table_specs()

    def probe(spec: TableSpec) -> Any:
        # Everything, in a full export: records written without clocks have no stamp.
        query = select(spec.table.c.id).where(spec.table.c.stamp > start) if start \
            else select(spec.table.c.id)
        return query.limit(1).exists().label(spec.name)

    row = session.execute(select(*map(probe, specs.values()))).one()
    return [spec for name, spec in specs.items() if row._mapping[name]]


def _record_lines(session: Session, spec: TableSpec, start: str, local_replica: str,
                  attachments: dict[str, bytes]) -> Iterator[str]:
    """One JSON line per record, with its clocks (the fields' own rows joined, grouped by id)."""
    table, clocks = spec.table, FieldClock.__table__
    query = (
        select(table, clocks.c.field.label("_clock_field"), clocks.c.hlc.label("_clock"),
               clocks.c.prev.label("_clock_prev"))
        .outerjoin(clocks, and_(clocks.c.table_name == spec.name, clocks.c.record_id == table.c.id))
        .order_by(table.c.id)
    )
    if start:
        query = query.where(table.c.stamp > start)
    attachment_fields = [name for name, codec in spec.fields.items() if codec.attachment]
    current: Any = None
    record_clocks: dict[str, list[str]] = {}
    replica = ""
    for row in session.execute(query.execution_options(yield_per=_BATCH)):
        if current is None or row.id != current.id:
            if current is not None:
                yield _line(spec, current, record_clocks, replica)
            current, record_clocks = row, {}
            replica = row.replica_id or local_replica
            for name in attachment_fields:
                content = getattr(row, name)
                if content is not None:
                    attachments[spec.encode_row(row)[name][ATTACHMENT_KEY]] = content
        name = row._clock_field
        if name is not None and name in spec.fields:
            record_clocks[name] = [normalised(row._clock, replica), row._clock_prev]
    if current is not None:
        yield _line(spec, current, record_clocks, replica)


def _line(spec: TableSpec, row: Any, clocks: dict[str, list[str]], replica: str) -> str:
    # Without a base (written without the tracking hook: before clocks, or by a bulk loader),
    # the zero clock: older than any real change.
    clocks[BASE_FIELD] = [normalised(row.base_clock, replica), row.base_prev]
    return fmt.dumps({"id": str(row.id), "values": spec.encode_row(row), "clocks": clocks})


def _resolution_lines(session: Session, start: str) -> Iterator[str]:
    query = select(SyncConflict).where(SyncConflict.resolved.is_(True),
                                       SyncConflict.resolved_stamp > start)
    for conflict in session.scalars(query.order_by(SyncConflict.id)):
        yield fmt.dumps({
            "table": conflict.table_name,
            "record": str(conflict.record_id),
            "field": conflict.field,
            "clocks": sorted([conflict.our_clock, conflict.their_clock]),
            "resolution": conflict.resolution,
            "resolved_at": conflict.resolved_at.isoformat() if conflict.resolved_at else "",
            "by": conflict.resolved_by,
        })


def note_export(store: Store, report: ExportReport, peer_replica_id: str, file_name: str) -> None:
    def apply(session: Session) -> None:
        if peer_replica_id:
            peer = session.get(SyncPeer, peer_replica_id)
            if peer is not None:
                peer.last_export_at = utcnow()
        session.add(SyncExchange(
            direction="export", peer_replica_id=peer_replica_id, peer_name=report.peer_name,
            file_name=file_name[:500], kind=report.kind, clock_from=report.clock_from,
            clock_to=report.clock_to, encrypted=report.encrypted, records=report.records,
            officer=store.officer))

    store.run("sync export", apply)
