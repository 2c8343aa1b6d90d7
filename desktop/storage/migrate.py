"""Schema upgrades with Alembic, run by the application at start.

``script_location`` is set at run time from the package, so a frozen build finds the scripts.
Alembic is imported only when an upgrade is due: checking whether one is due reads the revision
ids from the script file names (``NNNN_description.py``), which keeps it out of every cold start.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from desktop.storage.dialect import OPENING_LOCK, take_turns

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> list[str]:
    """Revision ids in order; each script is named after its id and revises the one before."""
    names = (p.name for p in (MIGRATIONS_DIR / "versions").iterdir())
    return sorted(m.group(1) for name in names if (m := _REVISION_FILE.match(name)))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):  # no alembic_version: an empty database
            return None


def sqlite_file_revision(path: Path) -> str | None:
    """The revision of a database file, read without SQLAlchemy (for a quick look before opening)."""
    if not path.exists():
        return None
    con = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return row[0] if row else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        # Users of one server starting a new version at once: one upgrades, the others then
        # find the schema current (Alembic reads the revision after the wait).
        take_turns(conn, OPENING_LOCK)
        command.upgrade(alembic_config(conn), revision)
