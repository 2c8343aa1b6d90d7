"""A large generated register for the benchmarks and the lazy-view tests.

Organisations named like the demo's (a family of organisation in a municipality or a village),
contact persons representing them and their activities, written with bulk inserts in one
transaction (no audit log: this is test data, not officers' work), then the search index and
the register listing built once. The result is cached under the temporary directory, keyed by
``VERSION``, the schema revision and the sizes, because building 600,000 rows takes a while.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from desktop.services.demo.names import FAMILIES, FI_FIRST, FI_LAST, SV_FIRST, SV_LAST
from desktop.services.identifiers import normalise_name
from desktop.storage import migrate, search
from desktop.storage.dialect import bulk_insert, is_postgresql
from desktop.storage.models import (
    Activity,
    ContactPerson,
    Municipality,
    Organisation,
    Representation,
)
from desktop.storage.models.enums import OrganisationStatus, Sector
from desktop.storage.store import Store

# Bump when what is generated changes: the cached database is then made again.
VERSION = "3"

ORGANISATIONS = 100_000
CONTACTS = 200_000
ACTIVITIES = 300_000

_BATCH = 20_000
_VILLAGE_FI = ("Mäki", "Ranta", "Koivu", "Kuusi", "Järvi", "Pelto", "Niemi", "Lahti", "Kallio",
               "Salmi", "Suo", "Harju", "Vuori", "Ala", "Yli", "Keski", "Ylä", "Nurmi", "Haka",
               "Leppä")
_VILLAGE_FI_END = ("kylän", "niemen", "lahden", "mäen", "kosken", "joen", "salon", "rannan",
                   "vaaran", "harjun")
_VILLAGE_SV = ("Norr", "Söder", "Öster", "Väster", "Berg", "Sand", "Strand", "Ek", "Björk", "Gran")
_VILLAGE_SV_END = ("by", "vik", "näs", "ö", "backa", "å", "dal", "holm")
_ACTIVITY_FI = ("Kuntosalivuoro", "Vertaistukiryhmä", "Kerhoilta", "Lukupiiri", "Kielikahvila",
                "Shakkikerho", "Kävelyryhmä", "Läksykerho", "Kuorotreenit", "Tanssikurssi",
                "Ompeluseura", "Perhekahvila", "Senioritanssit", "Talkoopäivä", "Retki luontoon",
                "Nuorisotila", "Digitukipiste", "Muistikahvila", "Vesijumppa", "Kesäleiri")
_ACTIVITY_SV = ("Stickcafé", "Läxhjälp", "Kamratstödsgrupp", "Språkcafé", "Seniorgympa",
                "Körövning", "Familjecafé", "Promenadgrupp", "Bokcirkel", "Talkodag")
_STATUSES = ((OrganisationStatus.ACTIVE, 85), (OrganisationStatus.DORMANT, 10),
             (OrganisationStatus.DISSOLVED, 5))


def database_path(organisations: int, contacts: int, activities: int) -> Path:
    """Where the generated database of these sizes is cached."""
    name = (f"register-v{VERSION}-{migrate.head_revision()}-{search.INDEX_VERSION}-"
            f"{organisations}-{contacts}-{activities}.sqlite3")
    return Path(tempfile.gettempdir()) / "kumppani-bench" / name


def cached_database(organisations: int = ORGANISATIONS, contacts: int = CONTACTS,
                    activities: int = ACTIVITIES) -> Path:
    """The generated database, made now unless a copy of this version is cached."""
    path = database_path(organisations, contacts, activities)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Earlier versions of the same sizes are of no use any more (and 400 MB each).
        for old in path.parent.glob(f"register-v*-{organisations}-{contacts}-{activities}.sqlite3*"):
            old.unlink(missing_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
        generate(partial, organisations, contacts, activities)
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.replace(path)
    return path


def generate(path: Path, organisations: int = ORGANISATIONS, contacts: int = CONTACTS,
             activities: int = ACTIVITIES, seed: int = 2026) -> None:
    """Write a register of the given sizes into a new database at ``path``."""
    store = Store.open(path, backup_dir=path.parent / "backups")
    try:
        fill(store, organisations, contacts, activities, seed)
    finally:
        store.close()


def fill(store: Store, organisations: int = ORGANISATIONS, contacts: int = CONTACTS,
         activities: int = ACTIVITIES, seed: int = 2026) -> None:
    """Write a register of the given sizes into the empty ``store`` (a file or a server)."""
    rng = random.Random(seed)
    with store.engine.begin() as conn:
        places = [(m.code, m.name_fi, m.name_sv)
                  for m in conn.execute(select(Municipality).order_by(Municipality.code))]
        org_ids = [uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(organisations)]
        _insert(conn, Organisation.__table__, _organisations(rng, org_ids, places))
        person_ids = [uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(contacts)]
        _insert(conn, ContactPerson.__table__, _people(rng, person_ids))
        _insert(conn, Representation.__table__, _representations(rng, org_ids, person_ids))
        _insert(conn, Activity.__table__, _activities(rng, org_ids, activities, places))
    with Session(store.engine) as session, session.begin():
        search.reindex(session)


def _insert(conn: Connection, table: Table, rows: Iterator[dict[str, Any]]) -> None:
    # PostgreSQL: COPY (SQLAlchemy's INSERTs of 600,000 rows take minutes there).
    write = bulk_insert if is_postgresql(conn) else (lambda c, t, b: c.execute(t.insert(), b))
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            write(conn, table, batch)
            batch = []
    if batch:
        write(conn, table, batch)


_NOW = dt.datetime(2026, 1, 15, 12, 0)


def _stamps(number: int) -> dict[str, Any]:
    return {"created_at": _NOW, "updated_at": _NOW, "hlc": f"{number:016d}", "replica_id": "bench",
            "deleted": False}


def _genitive(name: str) -> str:
    """A rough Finnish genitive, good enough for test names ("Kokkola" -> "Kokkolan")."""
    if name.endswith("nen"):
        return name[:-3] + "sen"
    if name.endswith("ki"):
        return name[:-2] + "en"
    if name[-1] in "aeiouyäö":
        return name + "n"
    return name + "in"


def _business_id(number: int) -> str:
    """A valid Business ID made from ``number`` (or "" when no check digit exists for it)."""
    digits = f"{number:07d}"
    remainder = sum(w * int(d) for w, d in zip((7, 9, 10, 5, 8, 4, 2), digits, strict=True)) % 11
    if remainder == 1:
        return ""
    return f"{digits}-{0 if remainder == 0 else 11 - remainder}"


def _organisations(rng: random.Random, ids: list[uuid.UUID], places: list[tuple[str, str, str]],
                   start: int = 0) -> Iterator[dict[str, Any]]:
    """Organisations numbered from ``start``: the number makes the Business ID unique."""
    families = [f for f in FAMILIES for _ in range(f.weight)]
    statuses = [s for s, weight in _STATUSES for _ in range(weight)]
    sectors = list(Sector)
    for number, org_id in enumerate(ids, start):
        family = rng.choice(families)
        code, place_fi, place_sv = rng.choice(places)
        village = rng.random() < 0.5
        fi = (rng.choice(_VILLAGE_FI) + rng.choice(_VILLAGE_FI_END)) if village else _genitive(place_fi)
        sv = (rng.choice(_VILLAGE_SV) + rng.choice(_VILLAGE_SV_END)) if village else place_sv
        name_fi = family.fi.format(fi=fi, fi_nom=place_fi) if family.fi else ""
        name_sv = (family.sv.format(sv=sv, sv_in=f"i {sv}", sv_nom=sv)
                   if family.sv and (not name_fi or rng.random() < 0.3) else "")
        chosen = [family.sector.value]
        if rng.random() < 0.3:
            extra = rng.choice(sectors).value
            if extra not in chosen:
                chosen.append(extra)
        languages = [lang for lang, name in (("fi", name_fi), ("sv", name_sv)) if name]
        yield {
            "id": org_id,
            "name_fi": name_fi,
            "name_sv": name_sv,
            "abbreviation": "",
            "form": family.form.value,
            "business_id": _business_id(1_000_000 + number * 7) if rng.random() < 0.6 else "",
            "register_number": f"{100 + number // 1000}.{number % 1000:03d}" if rng.random() < 0.5 else "",
            "domicile_code": code,
            "active_municipalities": [code],
            "sectors": chosen,
            "languages": languages,
            "website": "",
            "email": f"info{number}@example.org",
            "phone": f"040 {number % 1000:03d} {number % 10000:04d}",
            "postal_address": "",
            "description": "",
            "status": rng.choice(statuses).value,
            "notes": "",
            **_stamps(number),
        }


def _people(rng: random.Random, ids: list[uuid.UUID]) -> Iterator[dict[str, Any]]:
    for number, person_id in enumerate(ids):
        swedish = rng.random() < 0.25
        first = rng.choice(SV_FIRST if swedish else FI_FIRST)
        last = rng.choice(SV_LAST if swedish else FI_LAST)
        yield {
            "id": person_id,
            "name": f"{first} {last}",
            "email": f"person{number}@example.org",
            "phone": "",
            "preferred_language": "sv" if swedish else "fi",
            "retention_basis": "",
            "retained_since": dt.date(2025, 1, 1),
            "last_contact": None,
            **_stamps(number),
        }


def _representations(rng: random.Random, orgs: list[uuid.UUID],
                     people: list[uuid.UUID]) -> Iterator[dict[str, Any]]:
    for number, person_id in enumerate(people):
        yield {
            "id": uuid.UUID(int=rng.getrandbits(128), version=4),
            "organisation_id": orgs[number % len(orgs)] if number < len(orgs) else rng.choice(orgs),
            "contact_id": person_id,
            "role": "puheenjohtaja" if number < len(orgs) else "sihteeri",
            **_stamps(number),
        }


def _activities(rng: random.Random, orgs: list[uuid.UUID], count: int,
                places: list[tuple[str, str, str]]) -> Iterator[dict[str, Any]]:
    for number in range(count):
        title = rng.choice(_ACTIVITY_SV if rng.random() < 0.25 else _ACTIVITY_FI)
        yield {
            "id": uuid.UUID(int=rng.getrandbits(128), version=4),
            "organisation_id": rng.choice(orgs),
            "title": title,
            "description": "",
            "target_group": "",
            "municipalities": [rng.choice(places)[0]],
            "when": "",
            "free_of_charge": True,
            "open_to_all": True,
            "accessible": False,
            "contact_id": None,
            "published": False,
            **_stamps(number),
        }


# -- a file to import ------------------------------------------------------------------------

IMPORT_HEADINGS = ("Nimi", "Namn", "Y-tunnus", "Rekisterinumero", "Kotipaikka", "Sähköposti",
                   "Puhelin", "Yhteyshenkilö", "Yhteyshenkilön sähköposti")


def import_rows(count: int, place_names: dict[str, str], seed: int = 7) -> Iterator[list[str]]:
    """``count`` rows as an officer's spreadsheet holds them, each a different organisation
    (the importer would reject a repeated name in one municipality as a duplicate)."""
    rng = random.Random(seed)
    places = [(code, name, name) for code, name in sorted(place_names.items())]
    seen: set[tuple[str, str]] = set()
    made = tried = 0
    while made < count:
        batch = [uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(1000)]
        tried += len(batch)
        for org in _organisations(rng, batch, places, tried - len(batch)):
            keys = {(normalise_name(name), org["domicile_code"])
                    for name in (org["name_fi"], org["name_sv"]) if name}
            if keys & seen:
                continue
            seen |= keys
            swedish = not org["name_fi"]
            person = (f"{rng.choice(SV_FIRST if swedish else FI_FIRST)} "
                      f"{rng.choice(SV_LAST if swedish else FI_LAST)}")
            yield [org["name_fi"], org["name_sv"], org["business_id"], org["register_number"],
                   place_names[org["domicile_code"]], f"info{made}@example.org", org["phone"],
                   person, f"contact{made}@example.org"]
            made += 1
            if made == count:
                return
