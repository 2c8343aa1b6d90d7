"""Grant statistics benchmark: 100,000 decisions over 10 years.

statistics by year × municipality through the service (``grant_statistics``: the sums from the
derived ``grant_fact`` table that triggers keep, in the order of its key, and the medians picked
from the groups' grants read in that order), against the same aggregation written as one SQL
query over the grant tables run by bare ``sqlite3`` on the same file, in the same run; goal:
under 200 ms. Every figure of every group is checked against the baseline's first.

The database is generated once (organisations and calls through the store, the 100,000
applications, decisions and payments by bulk insert) and cached under the temporary directory,
keyed by ``VERSION`` and the schema revision: bump ``VERSION`` when the generated data changes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

VERSION = "4"
DECISIONS = 100_000
YEARS = range(2017, 2027)
ORGANISATIONS = 3_000
OSTROBOTHNIA = ("231", "280", "287", "288", "399", "440", "475", "499", "545", "598", "599",
                "893", "905", "946")
SECTORS = ("social_health", "sports", "youth", "culture", "immigration", "environment", "village",
           "pensioners", "disability", "patient", "other")

# The aggregation the service does, written by hand: sums, counts, distinct organisations and
# the median grant per year and municipality of domicile.
BASELINE_SQL = """
WITH facts AS (
    SELECT c.year AS year, o.domicile_code AS municipality, a.organisation_id AS org,
           a.applied_cents AS applied,
           CASE WHEN d.application_id IS NOT NULL AND d.status != 'cancelled' THEN 1 ELSE 0 END
               AS decided,
           CASE WHEN d.application_id IS NOT NULL AND d.status != 'cancelled'
                THEN d.granted_cents ELSE 0 END AS granted,
           coalesce((SELECT sum(p.amount_cents) FROM grant_payment p
                     WHERE p.decision_id = d.id AND p.deleted = 0), 0) AS paid
    FROM grant_application a
    JOIN grant_call c ON c.id = a.call_id
    JOIN organisation o ON o.id = a.organisation_id
    LEFT JOIN grant_decision d ON d.application_id = a.id AND d.deleted = 0
    WHERE a.deleted = 0 AND c.deleted = 0
), ranked AS (
    SELECT facts.*,
           row_number() OVER (PARTITION BY year, municipality, granted > 0 ORDER BY granted) AS rk,
           count(*) OVER (PARTITION BY year, municipality, granted > 0 ORDER BY granted
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n
    FROM facts
)
SELECT year, municipality, count(*), sum(decided), sum(granted > 0),
       count(DISTINCT CASE WHEN granted > 0 THEN org END), sum(applied),
       sum(CASE WHEN decided = 1 THEN applied ELSE 0 END), sum(granted), sum(paid),
       sum(CASE WHEN granted > 0 AND rk IN ((n + 1) / 2, (n + 2) / 2) THEN granted ELSE 0 END),
       sum(CASE WHEN granted > 0 AND rk IN ((n + 1) / 2, (n + 2) / 2) THEN 1 ELSE 0 END)
FROM ranked GROUP BY year, municipality ORDER BY year, municipality
"""


def _cache_path() -> Path:
    from desktop.storage import migrate

    name = f"kumppani-bench-grants-v{VERSION}-{migrate.head_revision()}.sqlite3"
    return Path(tempfile.gettempdir()) / name


def _generate(target: Path) -> None:
    from sqlalchemy import select

    from desktop.storage.models import GrantCall, Organisation
    from desktop.storage.models.enums import GrantType
    from desktop.storage.store import Store

    rng = random.Random(2026)
    work = target.with_name(target.name + ".part")
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    store = Store.open(work, backup_dir=work.parent / "kumppani-bench-backups")

    def people_and_calls(session) -> None:  # noqa: ANN001 - a Session
        for n in range(ORGANISATIONS):
            home = rng.choice(OSTROBOTHNIA) if rng.random() < 0.97 else None
            org = Organisation(name_fi=f"Yhdistys {n} ry", domicile_code=home,
                               active_municipalities=[home] if home else [],
                               sectors=rng.sample(SECTORS, k=rng.choice((1, 1, 2, 3))))
            session.add(org)
        for year in YEARS:
            for grant_type in (GrantType.OPERATING, GrantType.WELLBEING, GrantType.PROJECT):
                session.add(GrantCall(year=year, name=f"{grant_type} {year}", grant_type=grant_type,
                                      budget_cents=0))
            for code in OSTROBOTHNIA:
                session.add(GrantCall(year=year, name=f"{code} {year}", funder_code=code,
                                      grant_type=GrantType.OPERATING, budget_cents=0))

    store.run("benchmark data", people_and_calls)
    with store.read() as session:
        org_ids = [o.hex for o in session.scalars(select(Organisation.id))]
        calls = [(c.id.hex, c.year) for c in session.scalars(select(GrantCall))]
    store.close()

    stamp = "2026-01-01 00:00:00"
    applications, decisions, payments = [], [], []
    for _n in range(DECISIONS):
        call_id, year = rng.choice(calls)
        app_id, decision_id = uuid.uuid4().hex, uuid.uuid4().hex
        applied = rng.randint(100, 5_000_000)
        roll = rng.random()
        granted = applied if roll < 0.45 else (rng.randint(1, applied - 1) if roll < 0.8 and applied > 1
                                               else 0)
        status = ("granted" if granted == applied else "partly_granted" if granted else "rejected")
        if rng.random() < 0.01:
            status = "cancelled"
        applications.append((app_id, call_id, rng.choice(org_ids), "", applied,
                             dt.date(year, 1, 15).isoformat(), "[]", stamp, stamp, "", "", 0))
        decisions.append((decision_id, app_id, granted, dt.date(year, 3, 1).isoformat(), "Hallitus",
                          status, "", "", "", dt.date(year + 1, 3, 31).isoformat(), stamp, stamp,
                          "", "", 0))
        if granted and status != "cancelled":
            first = granted // 2 if rng.random() < 0.5 else granted
            for part in (first, granted - first):
                if part:
                    payments.append((uuid.uuid4().hex, decision_id, dt.date(year, 4, 1).isoformat(),
                                     part, stamp, stamp, "", "", 0))
    con = sqlite3.connect(work)
    con.execute("PRAGMA synchronous=OFF")
    with con:
        con.executemany(
            "INSERT INTO grant_application (id, call_id, organisation_id, purpose, applied_cents,"
            " received_on, municipalities, created_at, updated_at, hlc, replica_id, deleted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", applications)
        con.executemany(
            "INSERT INTO grant_decision (id, application_id, granted_cents, decided_on,"
            " deciding_body, status, reasoning, conditions, payment_terms, report_due, created_at,"
            " updated_at, hlc, replica_id, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?)", decisions)
        con.executemany(
            "INSERT INTO grant_payment (id, decision_id, paid_on, amount_cents, created_at,"
            " updated_at, hlc, replica_id, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", payments)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("ANALYZE")
    con.close()
    os.replace(work, target)
    for suffix in ("-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)


def _median_ms(fn, runs: int) -> tuple[float, float]:  # noqa: ANN001 - a callable
    """Median wall and CPU milliseconds (CPU tells more on a busy machine)."""
    fn()  # warm the page cache and SQLAlchemy's statement cache alike
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def run(args: argparse.Namespace) -> None:
    from desktop.services.grants.statistics import grant_statistics
    from desktop.storage.store import Store

    path = _cache_path()
    generated = ""
    if not path.exists():
        start = time.perf_counter()
        _generate(path)
        generated = f" (generated in {time.perf_counter() - start:.1f} s, cached at {path})"
    store = Store.open(path, backup_dir=path.parent / "kumppani-bench-backups")
    bare = sqlite3.connect(path)
    try:
        def service():  # noqa: ANN202
            with store.read() as session:
                return grant_statistics(session, ("year", "municipality"))

        def baseline():  # noqa: ANN202
            return bare.execute(BASELINE_SQL).fetchall()

        ours, theirs = service(), baseline()
        assert len(ours) == len(theirs)
        for row, raw in zip(ours, theirs, strict=True):
            median = Decimal(raw[10]) / raw[11] if raw[11] else None
            assert (row.key, row.applications, row.decisions, row.grants, row.organisations,
                    row.applied_cents, row.decided_applied_cents, row.granted_cents,
                    row.paid_cents, row.median_cents) == ((raw[0], raw[1]), *raw[2:10], median)
        decisions = sum(row.decisions for row in ours)
        service_ms = _median_ms(service, args.runs)
        baseline_ms = _median_ms(baseline, args.runs)
    finally:
        bare.close()
        store.close()
    print(f"grant statistics by year × municipality ({DECISIONS:,} decisions, "
          f"{len(ours)} groups){generated}: service {service_ms[0]:.0f} ms (CPU "
          f"{service_ms[1]:.0f} ms); bare sqlite3 one query {baseline_ms[0]:.0f} ms (CPU "
          f"{baseline_ms[1]:.0f} ms); ratio {service_ms[0] / baseline_ms[0]:.2f} "
          f"(goal < 200 ms; median of {args.runs}; {decisions:,} decided, cancelled excluded; "
          f"load average {os.getloadavg()[0]:.1f})")
