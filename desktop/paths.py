"""Where Kumppani's files live.

platformdirs' user directories by default. Every directory can be overridden by an environment
variable (as Picard does), and ``KUMPPANI_PORTABLE`` or a ``portable.txt`` file beside the frozen
executable keeps everything beside the program, e.g. on a USB stick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "Kumppani"
DB_FILE_NAME = "kumppani.sqlite3"

ENV_DB = "KUMPPANI_DB"
ENV_DATA = "KUMPPANI_DATA_DIR"
ENV_CONFIG = "KUMPPANI_CONFIG_DIR"
ENV_PORTABLE = "KUMPPANI_PORTABLE"


def _portable_root() -> Path | None:
    if os.environ.get(ENV_PORTABLE):
        return Path(os.environ[ENV_PORTABLE]).expanduser()
    if getattr(sys, "frozen", False):
        exe_dir = Path(sys.executable).resolve().parent
        if (exe_dir / "portable.txt").exists():
            return exe_dir / "KumppaniData"
    return None


def _dir(env: str, portable_sub: str, default: str) -> Path:
    if os.environ.get(env):
        path = Path(os.environ[env]).expanduser()
    elif (root := _portable_root()) is not None:
        path = root / portable_sub
    else:
        path = Path(default)
    return path


def data_dir() -> Path:
    return _dir(ENV_DATA, "data", platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    return _dir(ENV_CONFIG, "config", platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def backup_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    if (root := _portable_root()) is not None and not os.environ.get(ENV_DATA):
        return root / "logs"
    if os.environ.get(ENV_DATA):
        return data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database to open when ``--db`` is not given."""
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return data_dir() / DB_FILE_NAME


def package_data_root() -> Path:
    """The folder holding ``resources/`` and ``i18n/``: frozen build, wheel or checkout."""
    if hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "desktop" / "_data"
    bundled = Path(__file__).resolve().parent / "_data"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return package_data_root() / "resources"


def i18n_dir() -> Path:
    return package_data_root() / "i18n"
