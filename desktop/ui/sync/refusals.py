"""A refused file, told plainly: what happened (the error's message) and what to do next."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import N_, _
from desktop.sync import errors

# (title, advice) per reason; the error's own message names the file and the reason.
_ADVICE: list[tuple[type[errors.BundleError], str, str]] = [
    (errors.NotABundleError, N_("Not a sync file"),
     N_("Choose a .kumppani file exported by Kumppani.")),
    (errors.DamagedBundleError, N_("Damaged file"),
     N_("Copy the file again (wait until the copy or download has finished).")),
    (errors.UnsafeMemberError, N_("Unsafe file"),
     N_("Nothing was written. Do not use this file; ask the sender for a new export.")),
    (errors.UnexpectedMemberError, N_("Unknown contents"),
     N_("Nothing was written. Ask the sender for a new export.")),
    (errors.OversizedBundleError, N_("File too large"),
     N_("Nothing was written. Ask the sender for a new export.")),
    (errors.ZipBombError, N_("Suspicious file"),
     N_("Nothing was written. Do not use this file; ask the sender for a new export.")),
    (errors.ChecksumMismatchError, N_("Altered file"),
     N_("Nothing was written. Ask the sender for the file again.")),
    (errors.MalformedBundleError, N_("Invalid contents"),
     N_("Nothing was written. Ask the sender for a new export.")),
    (errors.NewerBundleError, N_("File from a newer Kumppani"),
     N_("Nothing was written. Update Kumppani, then import the file again.")),
    (errors.UnsupportedBundleError, N_("File in an old format"),
     N_("Nothing was written. Ask the sender for a new export.")),
    (errors.EncryptedBundleError, N_("Encrypted file"),
     N_("Import it again and type its passphrase.")),
    (errors.WrongPassphraseError, N_("Wrong passphrase"),
     N_("Nothing was written. Check the passphrase with the sender.")),
    (errors.OwnBundleError, N_("This copy's own file"),
     N_("If this database file was copied from a colleague's, give this copy a new identity "
        "(This copy ▸ New identity…); then the two copies can exchange files.")),
    (errors.MissingReferencesError, N_("Records missing here"),
     N_("Nothing was written. Ask for a full export (Everything).")),
]


def refusal_title(exc: errors.BundleError) -> str:
    for cls, title, _advice in _ADVICE:
        if isinstance(exc, cls):
            return _(title)
    return _("File refused")


def refusal_text(exc: errors.BundleError) -> str:
    for cls, _title, advice in _ADVICE:
        if isinstance(exc, cls):
            return f"{exc}\n\n{_(advice)}"
    return str(exc)


def show_refusal(parent: QWidget, exc: errors.BundleError) -> QMessageBox:
    """A window-modal warning that does not block (the caller may keep it to look at)."""
    box = QMessageBox(QMessageBox.Icon.Warning, refusal_title(exc), refusal_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("syncRefusal")
    box.open()
    return box
