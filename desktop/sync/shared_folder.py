"""Shared folder mode: every copy keeps its own outbox file in one folder and reads the others'.

The folder is kept in step by Nextcloud, OneDrive, Syncthing or a network drive; Kumppani only
writes its own file (``kumppani-<name>-<id>.kumppani``, replaced atomically, so a sync tool
never carries half a file) and reads the rest. The outbox holds what any known copy has not yet
acknowledged, so overwriting it loses nothing a slower colleague still needs. Files imported
once are remembered in the database (size, time, SHA-256) and skipped while unchanged.

A database file copied to another computer keeps its replica id, so both copies would write
under one name: a file under this copy's id that it did not write itself is a *twin*'s, which
is reported and never overwritten until one of them takes a new identity (``peers``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.storage.store import Store, set_meta
from desktop.sync.bundle import SUFFIX
from desktop.sync.errors import BundleError, EncryptedBundleError, OwnBundleError
from desktop.sync.export import ExportReport, export_bundle
from desktop.sync.merge import import_bundle
from desktop.sync.peers import replica_name
from desktop.sync.report import ImportReport

PREFIX = "kumppani-"
# What this copy remembers of the files it has imported: path -> size, mtime, sha256.
IMPORTED_KEY = "sync.shared_folder.imported"
# And of the files it has written: path -> sha256 (a file it did not write is a twin's).
WRITTEN_KEY = "sync.shared_folder.written"
_ID_LENGTH = 12
_SLUG_LENGTH = 40

IMPORTED, UNCHANGED, REFUSED, NEEDS_PASSPHRASE, OWN, TWIN = (
    "imported", "unchanged", "refused", "needs passphrase", "own", "twin")


@dataclass(frozen=True)
class FolderResult:
    path: Path
    status: str  # one of the constants above
    report: ImportReport | None = None
    reason: str = ""


def _slug(name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", name.casefold(), flags=re.UNICODE).strip("-_")
    return slug[:_SLUG_LENGTH].strip("-_") or "kopio"


def _id_part(store: Store) -> str:
    return store.replica_id[:_ID_LENGTH]


def outbox_path(store: Store, folder: Path) -> Path:
    """This copy's own file in ``folder``: named for people, recognised by its id."""
    return Path(folder) / f"{PREFIX}{_slug(replica_name(store))}-{_id_part(store)}{SUFFIX}"


def is_own(store: Store, path: Path) -> bool:
    return path.name.startswith(PREFIX) and path.name.endswith(f"-{_id_part(store)}{SUFFIX}")


def _check_folder(folder: Path) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise KnownError(_("The shared folder {path} is not there (is the drive connected?).")
                         .format(path=folder))
    return folder


class TwinCopyError(KnownError):
    def __init__(self, path: Path) -> None:
        super().__init__(_(
            "{file} in the shared folder was written by another copy of this very database "
            "file (copied to another computer?), so it was not replaced. Give one of the two "
            "copies a new identity on the Sync page. (If this database was restored from a "
            "backup, delete the file and write it again.)").format(file=path.name))


def write_outbox(store: Store, folder: Path, passphrase: str | None = None) -> ExportReport:
    """Write (or replace) this copy's file in ``folder``; older files of this copy go.

    A file under this copy's name that this copy did not write is left alone (``TwinCopyError``):
    a copy of the database file elsewhere wrote it, and its changes must reach the others.
    """
    folder = _check_folder(folder)
    target = outbox_path(store, folder)
    key = str(target.resolve())
    written = _load(store, WRITTEN_KEY)
    if target.exists() and written.get(key) != _sha256(target):
        raise TwinCopyError(target)
    report = export_bundle(store, target, passphrase=passphrase)
    # A new name or identity gives the file a new name: the old one, as this copy wrote it,
    # would only make the others import stale changes again.
    for name, digest in list(written.items()):
        old = Path(name)
        if old.parent == target.parent.resolve() and name != key:
            if old.is_file() and _sha256(old) == digest:
                old.unlink(missing_ok=True)
            if not old.exists():
                del written[name]
    written[key] = _sha256(target)
    _save(store, WRITTEN_KEY, written)
    return report


def incoming_files(store: Store, folder: Path) -> list[Path]:
    """The other copies' files in ``folder``, by name."""
    folder = _check_folder(folder)
    return sorted(p for p in folder.glob(f"*{SUFFIX}") if p.is_file() and not is_own(store, p))


def twins(store: Store, folder: Path) -> list[Path]:
    """Files under this copy's id that it did not write: a copy of this database file wrote
    them (until one of the two takes a new identity, each refuses the other's files)."""
    folder = _check_folder(folder)
    written = _load(store, WRITTEN_KEY)
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}")
                  if is_own(store, p) and p.is_file() and written.get(str(p.resolve())) != _sha256(p))


def import_folder(
    store: Store,
    folder: Path,
    passphrase: str | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[FolderResult]:
    """Import every other copy's file in ``folder`` that is new or changed since last time.

    A file that is refused (or encrypted when no passphrase is given) is reported and tried
    again next time; the others go on regardless.
    """
    remembered = _load(store, IMPORTED_KEY)
    results = [FolderResult(path, TWIN, reason=str(OwnBundleError(path.name)))
               for path in twins(store, folder)]
    for path in incoming_files(store, folder):
        key = str(path.resolve())
        try:
            stat = path.stat()
            known = remembered.get(key)
            if known and known.get("own", store.replica_id) != store.replica_id:
                known = None  # refused as this copy's own before it took a new identity
            if known and known.get("size") == stat.st_size and known.get("mtime_ns") == stat.st_mtime_ns:
                results.append(FolderResult(path, UNCHANGED))
                continue
            digest = _sha256(path)
        except OSError as exc:  # vanished or locked by the sync tool: next time
            results.append(FolderResult(path, REFUSED, reason=str(exc.strerror or exc)))
            continue
        fingerprint = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}
        if known and known.get("sha256") == digest:  # touched, not changed
            _remember(store, key, fingerprint)
            results.append(FolderResult(path, UNCHANGED))
            continue
        if progress is not None:
            progress(path)
        try:
            report = import_bundle(store, path, passphrase)
        except EncryptedBundleError as exc:
            results.append(FolderResult(path, NEEDS_PASSPHRASE, reason=str(exc)))
            continue
        except OwnBundleError as exc:
            # A copy of this very database file wrote it: nothing to take from it, ever.
            _remember(store, key, {**fingerprint, "own": store.replica_id})
            results.append(FolderResult(path, OWN, reason=str(exc)))
            continue
        except (BundleError, KnownError) as exc:
            results.append(FolderResult(path, REFUSED, reason=str(exc)))
            continue
        _remember(store, key, fingerprint)
        results.append(FolderResult(path, IMPORTED, report=report))
    return results


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _load(store: Store, key: str) -> dict[str, Any]:
    try:
        value = json.loads(store.meta(key) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _remember(store: Store, key: str, fingerprint: dict[str, Any]) -> None:
    remembered = _load(store, IMPORTED_KEY)
    remembered[key] = fingerprint
    _save(store, IMPORTED_KEY, remembered)


def _save(store: Store, key: str, value: dict[str, Any]) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)

    store.run("remember shared folder files", lambda session: set_meta(session, key, text))
