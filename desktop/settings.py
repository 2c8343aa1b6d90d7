"""User settings kept as JSON in the config directory (Qt-free, so the CLI shares them)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop import paths

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    language: str = "fi"
    officer_name: str = ""
    last_page: str = "register"
    window_geometry: str = ""  # hex of QMainWindow.saveGeometry()
    window_state: str = ""
    recent_databases: list[str] = field(default_factory=list)
    # Team mode: the server's URL without the password (that is in the keyring), opened at
    # start; empty: the database file.
    server: str = ""
    # Persons not contacted for this many years are listed for review (personal data).
    review_years: int = 3
    # The officer's last column mapping for an import, per set of headings (newest last).
    import_mappings: dict[str, dict[str, str]] = field(default_factory=dict)
    # Sync's shared folder mode: the folder (empty: off), and when to use it unasked.
    sync_folder: str = ""
    sync_folder_import_at_start: bool = True
    sync_folder_export_on_exit: bool = True

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or paths.config_dir() / SETTINGS_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            # A damaged settings file must not keep the application from starting.
            log.warning("ignoring unreadable settings %s: %s", path, exc)
            return cls()
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self, path: Path | None = None) -> None:
        path = path or paths.config_dir() / SETTINGS_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a crash never leaves half a settings file

    def remember_import_mapping(
        self, key: str, mapping: dict[str, str] | None, keep: int = 20
    ) -> None:
        """Keep ``mapping`` for files whose headings give ``key``; None forgets it."""
        if not isinstance(self.import_mappings, dict):  # a hand-edited settings file
            self.import_mappings = {}
        self.import_mappings.pop(key, None)
        if mapping:
            self.import_mappings[key] = dict(mapping)
        for old in list(self.import_mappings)[:-keep]:
            del self.import_mappings[old]

    def remember_database(self, db_path: Path, keep: int = 8) -> None:
        entry = str(db_path)
        self.recent_databases = [entry] + [p for p in self.recent_databases if p != entry]
        del self.recent_databases[keep:]
