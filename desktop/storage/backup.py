"""Automatic backups before a schema upgrade (and on demand): keep the newest ten."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from desktop.storage.dialect import sqlite_backup

KEEP = 10


def folder_for(db_path: Path, backup_dir: Path) -> Path:
    """Each database has its own folder, so pruning one never touches another's backups
    (two files may share a name in different folders)."""
    digest = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:8]
    return backup_dir / f"{Path(db_path).stem}-{digest}"


def backup_database(db_path: Path, backup_dir: Path, reason: str = "backup", keep: int = KEEP) -> Path:
    """Copy ``db_path`` into its folder under ``backup_dir`` and prune its oldest copies."""
    folder = folder_for(db_path, backup_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}.{stamp}.{reason}.sqlite3"
    sqlite_backup(db_path, target)
    prune_backups(db_path, backup_dir, keep)
    return target


def list_backups(db_path: Path, backup_dir: Path) -> list[Path]:
    """Backups of ``db_path``, oldest first (the timestamp in the name sorts)."""
    return sorted(folder_for(db_path, backup_dir).glob("*.sqlite3"))


def prune_backups(db_path: Path, backup_dir: Path, keep: int = KEEP) -> None:
    backups = list_backups(db_path, backup_dir)
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)
