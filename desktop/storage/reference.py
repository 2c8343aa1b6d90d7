"""Reference data shipped in resources/reference, loaded into the store when it changes."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop import paths
from desktop.storage.models.core import Meta, Municipality

MUNICIPALITIES_FILE = "reference/municipalities.csv"
_HASH_KEY = "reference.municipalities.sha256"


def municipalities_csv() -> Path:
    return paths.resources_dir() / MUNICIPALITIES_FILE


def read_municipalities(path: Path | None = None) -> list[dict[str, str]]:
    with (path or municipalities_csv()).open(encoding="utf-8", newline="") as fp:
        return list(csv.DictReader(fp))


def sync_municipalities(session: Session, path: Path | None = None) -> bool:
    """Load the classification if the shipped file differs from what the store holds."""
    path = path or municipalities_csv()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    current = session.get(Meta, _HASH_KEY)
    if current is not None and current.value == digest:
        return False
    rows = read_municipalities(path)
    known = {m.code: m for m in session.scalars(select(Municipality))}
    for row in rows:
        values = {k: (row.get(k) or "").strip() for k in _COLUMNS}
        if values["code"] in known:
            for key, value in values.items():
                setattr(known[values["code"]], key, value)
        else:
            session.add(Municipality(**values))
    # Municipalities that merged away stay while anything refers to them; unused ones go.
    gone = set(known) - {r["code"] for r in rows}
    gone -= _referenced_codes(session, gone)
    if gone:
        session.execute(delete(Municipality).where(Municipality.code.in_(gone)).execution_options(
            synchronize_session=False))
    if current is None:
        session.add(Meta(key=_HASH_KEY, value=digest))
    else:
        current.value = digest
    return True


def _referenced_codes(session: Session, codes: set[str]) -> set[str]:
    if not codes:
        return set()
    from desktop.storage.base import Base

    referenced: set[str] = set()
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.column.table.name == "municipality" for fk in column.foreign_keys):
                referenced |= set(session.scalars(select(column).where(column.in_(codes))))
    return referenced


_COLUMNS = (
    "code",
    "name_fi",
    "name_sv",
    "region_code",
    "region_fi",
    "region_sv",
    "wellbeing_county_fi",
    "wellbeing_county_sv",
)
