"""What an export, an import or a round through the shared folder did, in the page's words."""

from __future__ import annotations

from desktop.i18n import _, ngettext
from desktop.sync import shared_folder as folder
from desktop.sync.bundle import KIND_FULL
from desktop.sync.report import ImportReport


def import_lines(report: ImportReport) -> list[str]:
    sender = report.peer_name or report.peer_replica_id[:8]
    kind = _("everything (a full export)") if report.kind == KIND_FULL else _("changes")
    lines = [_("Imported {file} from {name}: {kind}.").format(
        file=report.file_name, name=sender, kind=kind)]
    lines.append("  " + ", ".join([
        ngettext("{n} record added", "{n} records added", report.added).format(n=report.added),
        ngettext("{n} updated", "{n} updated", report.updated).format(n=report.updated),
        ngettext("{n} deleted", "{n} deleted", report.deleted).format(n=report.deleted),
        ngettext("{n} conflict", "{n} conflicts", report.conflicts).format(n=report.conflicts),
    ]) + ".")
    if not (report.added or report.updated or report.deleted or report.conflicts):
        lines.append("  " + _("Nothing new: this copy already had everything in the file."))
    if report.conflicts:
        lines.append("  " + ngettext(
            "Both copies changed the same field: the newer value is shown and the other is "
            "kept. Choose between them under Conflicts.",
            "Both copies changed the same fields: the newer values are shown and the others "
            "are kept. Choose between them under Conflicts.", report.conflicts))
    if report.resolved_elsewhere:
        lines.append("  " + ngettext(
            "{n} conflict was resolved in the other copy.",
            "{n} conflicts were resolved in the other copy.",
            report.resolved_elsewhere).format(n=report.resolved_elsewhere))
    if report.gap:
        lines.append("  " + _("Some earlier changes from {name} have not arrived here; the next "
                              "file from {name} will carry them, or ask for a full export.")
                     .format(name=sender))
    return lines


def folder_lines(results: list[folder.FolderResult]) -> list[str]:
    if not results:
        return [_("No files from other copies in the shared folder yet.")]
    lines: list[str] = []
    for result in results:
        if result.status == folder.IMPORTED and result.report is not None:
            lines += import_lines(result.report)
        elif result.status == folder.UNCHANGED:
            lines.append(_("{file}: unchanged since it was imported.").format(file=result.path.name))
        elif result.status == folder.NEEDS_PASSPHRASE:
            lines.append(_("{file} is encrypted: import it with its passphrase.").format(
                file=result.path.name))
        else:
            lines.append(_("Not imported: {reason}").format(reason=result.reason))
    return lines
