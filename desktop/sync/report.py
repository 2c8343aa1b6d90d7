"""What one import did: records added, updated, deleted, conflicts, and from whom."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.i18n import _, ngettext
from desktop.sync.bundle import KIND_FULL


@dataclass
class ImportReport:
    file_name: str
    peer_name: str
    peer_replica_id: str
    kind: str
    records: int = 0  # records the bundle carried
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0
    # Records whose row or clocks were written, visible or not: zero on a repeated import.
    written: int = 0
    resolved_elsewhere: int = 0
    # A delta that does not follow on from what this copy has had from the peer.
    gap: bool = False
    tables: dict[str, int] = field(default_factory=dict)  # written records per table

    def lines(self) -> list[str]:
        kind = _("a full export") if self.kind == KIND_FULL else _("changes")
        lines = [_("{file} from {name} ({kind}):").format(
            file=self.file_name, name=self.peer_name or self.peer_replica_id[:8], kind=kind)]
        if not (self.added or self.updated or self.deleted or self.conflicts):
            lines.append(_("Nothing new."))
        if self.added:
            lines.append(ngettext("{n} record added", "{n} records added",
                                  self.added).format(n=self.added))
        if self.updated:
            lines.append(ngettext("{n} record updated", "{n} records updated",
                                  self.updated).format(n=self.updated))
        if self.deleted:
            lines.append(ngettext("{n} record deleted", "{n} records deleted",
                                  self.deleted).format(n=self.deleted))
        if self.conflicts:
            lines.append(ngettext(
                "{n} conflict: both copies changed the same field; the newer value is shown and "
                "the other kept for you to choose (kumppani sync conflicts).",
                "{n} conflicts: both copies changed the same fields; the newer values are shown "
                "and the others kept for you to choose (kumppani sync conflicts).",
                self.conflicts).format(n=self.conflicts))
        if self.resolved_elsewhere:
            lines.append(ngettext(
                "{n} conflict was resolved in the other copy.",
                "{n} conflicts were resolved in the other copy.",
                self.resolved_elsewhere).format(n=self.resolved_elsewhere))
        if self.gap:
            lines.append(_("Some earlier changes from {name} have not arrived here; the next "
                           "file from {name} will carry them, or ask for a full export.").format(
                name=self.peer_name or self.peer_replica_id[:8]))
        return lines
