"""Automatic backups before a schema upgrade (and on demand): keep the newest ten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.storage.dialect import sqlite_backup

KEEP = 10


def backup_database(db_path: Path, backup_dir: Path, reason: str = "backup", keep: int = KEEP) -> Path:
    """Copy ``db_path`` into ``backup_dir`` and prune old copies of the same database."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{db_path.stem}.{stamp}.{reason}.sqlite3"
    sqlite_backup(db_path, target)
    prune_backups(db_path, backup_dir, keep)
    return target


def list_backups(db_path: Path, backup_dir: Path) -> list[Path]:
    """Backups of ``db_path``, oldest first (the timestamp in the name sorts)."""
    return sorted(backup_dir.glob(f"{db_path.stem}.*.sqlite3"))


def prune_backups(db_path: Path, backup_dir: Path, keep: int = KEEP) -> None:
    backups = list_backups(db_path, backup_dir)
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)
