"""Register benchmark: the register at 100,000 organisations.

data         a generated register of 100,000 organisations, 200,000 contact persons and
             300,000 activities (``register_data``), cached under the temporary directory.
search       search-as-you-type: what the register view asks for at each keystroke (the count
             of matches and the first block of rows, sorted by name), p50 and p95 over 20
             typical prefixes; goal p95 < 50 ms. Baseline: the bare FTS5 query counting the
             same prefixes' matches (sqlite3, no sorting, no rows).
view         the register view shown with all rows: the page and its model set up and the first
             screen of rows drawn, offscreen, in a process of its own; goal < 1 s. Baseline: a
             bare QTableView over a 100,000-row model that makes up its cells.
import       a CSV file of 100,000 organisations with a contact person each, through the real
             importer (plan_import + apply_import) into an empty register; goal < 15 s and
             within 4x of the baseline: a bare ``sqlite3.executemany`` of the same rows
             (organisation, contact person, link) into tables of the same shape.
peak memory  maximum resident set size of this process (search and import) and of the view's
             process; goal < 500 MB.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]

# Typical first letters of what officers look for: names, places in both languages, sectors,
# a Business ID, contact persons and activities.
PREFIXES = ("yh", "yhd", "urhe", "vaasa", "kokk", "ry", "1000", "mäkinen", "kylä", "nuoriso",
            "eläk", "seura", "förening", "vasa", "lions", "sjöberg", "virt", "kuoro", "stick",
            "mart")
IMPORT_ROWS = 100_000

VIEW = """
import json, resource, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])
if sys.argv[1] == "bare":
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 100_000
        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 6
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row()}:{index.column()}"
            return None
    start = time.perf_counter()
    widget = QTableView()
    model = Model(widget)
    widget.setModel(model)
    table, cached = widget, 0
else:
    from desktop import i18n
    from desktop.storage.store import Store
    from desktop.ui.pages.register import RegisterPage
    i18n.set_language("fi")
    store = Store.open(Path(sys.argv[2]), backup_dir=Path(sys.argv[3]))
    start = time.perf_counter()
    widget = RegisterPage(store)
    table = widget.table
widget.resize(1280, 800)
widget.show()
table.viewport().repaint()  # the first screen of rows, drawn now
app.processEvents()
elapsed = time.perf_counter() - start
rows = table.model().rowCount()
cached = getattr(table.model(), "cached_rows", rows)
print(json.dumps({"seconds": elapsed, "rows": rows, "cached": cached,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _env(work: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                KUMPPANI_DATA_DIR=str(work / "data"), KUMPPANI_CONFIG_DIR=str(work / "config"),
                PYTHONPATH=str(REPO))


def _database(work: Path) -> tuple[Path, float | None]:
    """The generated register (seconds taken to generate it, None when it was cached)."""
    from tests.benchmarks import register_data

    path = register_data.database_path(register_data.ORGANISATIONS, register_data.CONTACTS,
                                       register_data.ACTIVITIES)
    if path.exists():
        return path, None
    start = time.perf_counter()
    # In a process of its own, so that this one's peak memory is the benchmark's.
    subprocess.run([sys.executable, "-c",
                    "from tests.benchmarks.register_data import cached_database; cached_database()"],
                   env=_env(work), check=True, cwd=REPO)
    return path, time.perf_counter() - start


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def keystroke(store: Any, prefix: str) -> tuple[float, int]:
    """Seconds of what the register view asks for when ``prefix`` has been typed (the count of
    matches and the first block of rows sorted by name, together as the view asks for them:
    ``count_and_first``), and the count."""
    from desktop.services import register
    from desktop.services.register import RegisterQuery
    from desktop.ui.windowed_model import WindowedTableModel, count_and_first

    start = time.perf_counter()
    query = RegisterQuery(text=prefix, language="fi")
    found, _rows = count_and_first(
        lambda: register.count(store, query),
        lambda offset, limit: register.organisation_page(store, query, offset, limit),
        WindowedTableModel.BLOCK)
    return time.perf_counter() - start, found


def search_times(store: Any, runs: int) -> tuple[list[float], dict[str, int]]:
    """:func:`keystroke` for each prefix ``runs`` times: the seconds, and the matches per prefix."""
    samples, counts = [], {}
    for _ in range(runs):
        for prefix in PREFIXES:
            seconds, counts[prefix] = keystroke(store, prefix)
            samples.append(seconds)
    return samples, counts


def _search(db: Path, work: Path, runs: int) -> tuple[list[float], list[float], dict[str, int]]:
    from desktop import i18n
    from desktop.storage.store import Store

    i18n.set_language("fi")
    store = Store.open(db, backup_dir=work / "backups")
    con = sqlite3.connect(db)
    bare = []
    try:
        ours, counts = search_times(store, runs)
        for _ in range(runs):
            for prefix in PREFIXES:
                start = time.perf_counter()
                if len(prefix) >= 3:
                    con.execute("SELECT count(*) FROM organisation_search WHERE doc MATCH ?",
                                ('"' + prefix + '"',)).fetchone()
                else:
                    con.execute("SELECT count(*) FROM organisation_search WHERE instr(doc, ?) > 0",
                                (prefix,)).fetchone()
                bare.append(time.perf_counter() - start)
    finally:
        con.close()
        store.close()
    return ours, bare, counts


def _view(db: Path, work: Path, which: str, runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", VIEW, which, str(db), str(work / "backups")],
                             env=_env(work), check=True, cwd=REPO, capture_output=True, text=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    middle = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
    return {**middle, "rss": max(r["rss"] for r in results)}


def _import_file(work: Path) -> Path:
    from desktop.storage.reference import read_municipalities
    from tests.benchmarks import register_data

    names = {m["code"]: m["name_fi"] for m in read_municipalities()}
    path = work / "organisations.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fp:
        writer = csv.writer(fp, delimiter=";")
        writer.writerow(register_data.IMPORT_HEADINGS)
        writer.writerows(register_data.import_rows(IMPORT_ROWS, names))
    return path


def _import(csv_path: Path, work: Path) -> tuple[float, float, int]:
    """Seconds to plan and to apply the import into an empty register, and organisations added."""
    from desktop.storage.store import Store

    store = Store.open(work / "import.sqlite3", backup_dir=work / "backups")
    try:
        return import_into(store, csv_path)
    finally:
        store.close()


def import_into(store: Any, csv_path: Path) -> tuple[float, float, int]:
    """Seconds to plan and to apply the import into ``store``, and organisations added."""
    from desktop.services.register_import import apply_import, plan_import

    start = time.perf_counter()
    plan = plan_import(store, csv_path)
    planned = time.perf_counter()
    apply_import(store, plan)
    applied = time.perf_counter()
    return planned - start, applied - planned, plan.added


def _bare_insert(csv_path: Path, work: Path) -> float:
    """A bare executemany of the file's rows into tables shaped as the importer's."""
    from desktop.storage.store import Store

    target = work / "bare.sqlite3"
    Store.open(target, backup_dir=work / "backups").close()  # the same schema, empty
    now = dt.datetime.now().isoformat(sep=" ")
    organisations, people, links = [], [], []
    with csv_path.open(encoding="utf-8-sig", newline="") as fp:
        reader = csv.reader(fp, delimiter=";")
        next(reader)
        for name_fi, name_sv, business_id, register_number, _place, email, phone, person, \
                person_email in reader:
            org_id, person_id = uuid.uuid4().hex, uuid.uuid4().hex
            organisations.append((org_id, name_fi, name_sv, "", "registered_association",
                                  business_id, register_number, "905", "[]", "[]", "[]", "",
                                  email, phone, "", "", "active", "", now, now, "", "", 0))
            people.append((person_id, person, person_email, "", "fi", "", None, None, now, now,
                           "", "", 0))
            links.append((uuid.uuid4().hex, org_id, person_id, "", now, now, "", "", 0))
    con = sqlite3.connect(target, isolation_level=None)
    try:
        start = time.perf_counter()
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO organisation (id, name_fi, name_sv, abbreviation, form, business_id,"
            " register_number, domicile_code, active_municipalities, sectors, languages, website,"
            " email, phone, postal_address, description, status, notes, created_at, updated_at,"
            " hlc, replica_id, deleted) VALUES (" + ", ".join("?" * 23) + ")", organisations)
        con.executemany(
            "INSERT INTO contact_person (id, name, email, phone, preferred_language,"
            " retention_basis, retained_since, last_contact, created_at, updated_at, hlc,"
            " replica_id, deleted) VALUES (" + ", ".join("?" * 13) + ")", people)
        con.executemany(
            "INSERT INTO representation (id, organisation_id, contact_id, role, created_at,"
            " updated_at, hlc, replica_id, deleted) VALUES (" + ", ".join("?" * 9) + ")", links)
        con.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        con.close()


def _mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def run(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="kumppani-bench-register-"))
    try:
        db, generated = _database(work)
        if generated is None:
            print(f"register data: cached at {db}")
        else:
            print(f"register data: 100,000 organisations, 200,000 contact persons, 300,000 "
                  f"activities generated in {generated:.0f} s (cached at {db})")

        ours, bare, counts = _search(db, work, args.runs)
        p50, p95 = _percentile(ours, 0.5), _percentile(ours, 0.95)
        print(f"search-as-you-type (count + first {200} rows, {len(PREFIXES)} prefixes x "
              f"{args.runs}): p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms (goal p95 < 50 ms); "
              f"bare FTS5 count: p50 {_percentile(bare, 0.5) * 1000:.1f} ms, "
              f"p95 {_percentile(bare, 0.95) * 1000:.1f} ms; matches from "
              f"{min(counts.values())} to {max(counts.values())}")

        view_runs = max(1, min(args.runs, 3))
        view, bare_view = _view(db, work, "register", view_runs), _view(db, work, "bare", view_runs)
        print(f"register view shown with all {view['rows']} rows: {view['seconds'] * 1000:.0f} ms "
              f"(goal < 1000 ms; {view['cached']} rows fetched); bare QTableView over a "
              f"100,000-row model: {bare_view['seconds'] * 1000:.0f} ms (median of {view_runs})")

        csv_path = _import_file(work)
        planned, applied, added = _import(csv_path, work)
        baseline = _bare_insert(csv_path, work)
        total = planned + applied
        print(f"CSV import of {added} rows: {total:.1f} s (plan {planned:.1f} s, apply "
              f"{applied:.1f} s; goal < 15 s); bare sqlite3.executemany of the same rows: "
              f"{baseline:.1f} s; ratio {total / baseline:.1f} (goal < 4)")

        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"peak memory: search and import {_mib(own)}, register view {_mib(view['rss'])} "
              f"(goal < 500 MiB); bare QTableView {_mib(bare_view['rss'])}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
