"""Importing a file or the shared folder: passphrase, progress dialog, held store broadcasts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.storage.store import Store
from desktop.sync import crypto
from desktop.sync import shared_folder as folder
from desktop.sync.errors import WrongPassphraseError
from desktop.sync.merge import import_bundle
from desktop.sync.report import ImportReport
from desktop.ui.sync.passphrase import ask_passphrase
from desktop.ui.worker import run_with_progress

Ask = Callable[[QWidget | None, str, bool], str | None]


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return crypto.is_encrypted(stream.read(len(crypto.AGE_HEADER)))
    except OSError as exc:
        raise KnownError(_("Cannot read {path}: {reason}").format(
            path=path, reason=exc.strerror or exc)) from exc


def import_file(parent: QWidget, store: Store, path: Path,
                ask: Ask = ask_passphrase) -> ImportReport | None:
    """Import ``path``, asking its passphrase if it is encrypted (again while it is wrong).

    None when the person cancelled; a refused file raises its ``BundleError``.
    """
    encrypted = is_encrypted(path)
    retry = False
    while True:
        passphrase = None
        if encrypted:
            passphrase = ask(parent, path.name, retry)
            if passphrase is None:
                return None
        try:
            return run_with_progress(parent, _("Importing {name}…").format(name=path.name),
                                     lambda key=passphrase: import_bundle(store, path, key), store)
        except WrongPassphraseError:
            retry = True


def import_shared_folder(parent: QWidget, store: Store, directory: Path,
                         ask: Ask | None = ask_passphrase) -> list[folder.FolderResult]:
    """Import the other copies' new files; encrypted ones need ``ask`` (one passphrase for all)."""
    label = _("Importing from the shared folder…")
    results = run_with_progress(parent, label, lambda: folder.import_folder(store, directory),
                                store)
    locked = [r for r in results if r.status == folder.NEEDS_PASSPHRASE]
    if locked and ask is not None:
        passphrase = ask(parent, ", ".join(r.path.name for r in locked), False)
        if passphrase:
            again = {r.path: r for r in run_with_progress(
                parent, label, lambda: folder.import_folder(store, directory, passphrase), store)}
            results = [again.get(r.path, r) if r.status == folder.NEEDS_PASSPHRASE else r
                       for r in results]
    return results
