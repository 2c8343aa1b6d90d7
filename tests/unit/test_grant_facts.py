"""The grant facts the statistics read stay equal to an independent computation over the raw
rows through edits, deletions and payments, sync imports (whose Core writes bypass the ORM) and
writes by the bare driver; money to the cent."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from desktop.services.grants import applications as apps
from desktop.services.grants import calls, decisions
from desktop.services.grants.statistics import FACTS, StatisticsFilter, grant_statistics
from desktop.storage.models import Organisation
from desktop.storage.models.enums import DecisionStatus, GrantType, Sector
from desktop.storage.store import Store
from desktop.sync.export import export_bundle
from desktop.sync.merge import import_bundle
from tests.grant_helpers import MUSTASAARI, PIETARSAARI, VAASA, organisation
from tests.sync_copies import exchange, open_copy

DAY = dt.date(2026, 5, 1)


@contextmanager
def bare_driver(store: Store) -> Iterator[Any]:
    """``execute(sql, params)`` of the bare driver (sqlite3 or psycopg, ``?`` markers),
    committed at the end: no SQLAlchemy, no ORM events."""
    con = store.engine.raw_connection()
    marker = "?" if store.engine.dialect.paramstyle == "qmark" else "%s"
    cursor = con.cursor()

    def execute(sql: str, params: tuple[Any, ...] = ()) -> Any:
        cursor.execute(sql.replace("?", marker), params)
        return cursor

    try:
        yield execute
        con.commit()
    finally:
        cursor.close()
        con.close()


def independent(store: Store) -> dict[tuple[Any, Any], dict[str, Any]]:
    """The figures by (year, domicile), from the grant tables read by the bare driver and summed
    in Python: the live applications of live calls, each with its live decision (the lowest id)
    and that decision's live payments."""
    with bare_driver(store) as execute:
        def q(sql: str) -> list[tuple[Any, ...]]:
            return list(execute(sql).fetchall())

        call = {i: (year, deleted) for i, year, deleted in q(
            "SELECT id, year, deleted FROM grant_call")}
        home = dict(q("SELECT id, domicile_code FROM organisation"))
        decision: dict[str, tuple[str, int, str]] = {}
        for i, app, granted, status in q("SELECT id, application_id, granted_cents, status "
                                         "FROM grant_decision WHERE deleted = FALSE "
                                         "ORDER BY id DESC"):
            decision[app] = (i, granted, status)
        paid: dict[str, int] = defaultdict(int)
        for decision_id, amount in q("SELECT decision_id, amount_cents FROM grant_payment "
                                     "WHERE deleted = FALSE"):
            paid[decision_id] += amount
        groups: dict[tuple[Any, Any], dict[str, Any]] = defaultdict(lambda: {
            "applications": 0, "decisions": 0, "grants": [], "orgs": set(), "applied": 0,
            "decided_applied": 0, "granted": 0, "paid": 0})
        for app, call_id, org, applied in q("SELECT id, call_id, organisation_id, applied_cents "
                                            "FROM grant_application WHERE deleted = FALSE"):
            year, call_deleted = call[call_id]
            if call_deleted:
                continue
            group = groups[(year, home[org])]
            group["applications"] += 1
            group["applied"] += applied
            if app not in decision:
                continue
            decision_id, granted, status = decision[app]
            group["paid"] += paid[decision_id]
            if status == DecisionStatus.CANCELLED:
                continue
            group["decisions"] += 1
            group["decided_applied"] += applied
            group["granted"] += granted
            if granted > 0:
                group["grants"].append(granted)
                group["orgs"].add(org)
    return dict(groups)


def _middle(values: list[int]) -> Fraction | None:
    if not values:
        return None
    ordered = sorted(values)
    return Fraction(ordered[(len(ordered) - 1) // 2] + ordered[len(ordered) // 2], 2)


def assert_statistics_match(store: Store) -> dict[tuple[Any, Any], dict[str, Any]]:
    expected = independent(store)
    with store.read() as session:
        got = {row.key: row for row in grant_statistics(session, ("year", "municipality"))}
        total = grant_statistics(session, ())[0]
    assert set(got) == set(expected)
    for key, want in expected.items():
        row = got[key]
        assert (row.applications, row.decisions, row.grants, row.organisations) == (
            want["applications"], want["decisions"], len(want["grants"]), len(want["orgs"])), key
        assert (row.applied_cents, row.decided_applied_cents, row.granted_cents,
                row.paid_cents) == (want["applied"], want["decided_applied"], want["granted"],
                                    want["paid"]), key
        assert (Fraction(row.median_cents) if row.median_cents is not None else None) == (
            _middle(want["grants"])), key
    everything = [g for want in expected.values() for g in want["grants"]]
    assert total.granted_cents == sum(w["granted"] for w in expected.values())
    assert total.paid_cents == sum(w["paid"] for w in expected.values())
    assert (Fraction(total.median_cents) if total.median_cents is not None else None) == (
        _middle(everything))
    return expected


def _grant_round(store: Store) -> dict[str, Any]:
    vaasa = organisation(store, "Vaasan Nuoret ry", sectors=[Sector.YOUTH])
    korsholm = organisation(store, "Korsholms Ungdom rf", domicile=MUSTASAARI,
                            sectors=[Sector.YOUTH, Sector.SPORTS])
    homeless = organisation(store, "Kotipaikaton ry", domicile=None)
    county, _c = calls.create_call(store, year=2026, name="Hyte 2026",
                                   grant_type=GrantType.WELLBEING)
    city, _c = calls.create_call(store, year=2025, name="Vaasa 2025", funder_code=VAASA)
    ids: dict[str, Any] = {"vaasa": vaasa, "korsholm": korsholm, "county": county, "city": city}
    for key, call_id, org_id, applied, granted in (
        ("a", county, vaasa, 1_000_01, 1_000_01),
        ("b", county, korsholm, 3_000_00, 1_499_99),
        ("c", county, homeless, 500_00, 0),
        ("d", city, vaasa, 800_00, 333_33),
        ("e", city, korsholm, 2_000_00, None),
    ):
        app_id, _c = apps.create_application(store, call_id, org_id, applied_cents=applied)
        ids[f"app_{key}"] = app_id
        if granted is not None:
            ids[key], _c = decisions.decide(store, app_id, granted_cents=granted)
    ids["pay_a"], _c = decisions.add_payment(store, ids["a"], DAY, 500_00)
    ids["pay_b"], _c = decisions.add_payment(store, ids["b"], DAY, 1_499_99)
    return ids


@pytest.fixture
def copies(empty_template: Path, tmp_path: Path):
    made = [open_copy(empty_template, tmp_path / name, name) for name in ("a", "b", "c")]
    yield made
    for store in made:
        store.close()


def test_edits_deletions_and_payments_keep_the_figures(store: Store):
    ids = _grant_round(store)
    first = assert_statistics_match(store)
    assert first[(2026, VAASA)]["granted"] == 1_000_01

    apps.update_application(store, ids["app_a"], applied_cents=2_000_00)
    decisions.update_decision(store, ids["a"], granted_cents=1_234_57)
    decisions.add_payment(store, ids["d"], DAY, 1)
    assert_statistics_match(store)
    decisions.update_payment(store, ids["pay_a"], amount_cents=1_234_57)
    decisions.delete_payment(store, ids["pay_b"])
    decisions.update_decision(store, ids["b"], status=DecisionStatus.CANCELLED)
    assert_statistics_match(store)
    decisions.delete_decision(store, ids["b"])
    decisions.decide(store, ids["app_e"], granted_cents=2_000_00)
    apps.delete_application(store, ids["app_c"])
    assert_statistics_match(store)

    def move(session) -> None:  # the organisation moves; the call changes its year
        session.get(Organisation, ids["korsholm"]).domicile_code = PIETARSAARI

    store.run("move", move)
    calls.update_call(store, ids["city"], year=2024)
    expected = assert_statistics_match(store)
    assert (2024, PIETARSAARI) in expected and (2025, MUSTASAARI) not in expected


def test_sync_imports_fast_and_portable_keep_the_figures(copies, tmp_path: Path):
    a, b, c = copies
    ids = _grant_round(a)
    exchange(a, b, tmp_path / "1.kumppani", full=True)  # new records: the fast raw inserts
    assert assert_statistics_match(b) == assert_statistics_match(a)
    export_bundle(a, tmp_path / "2.kumppani", full=True, fast=False)
    import_bundle(c, tmp_path / "2.kumppani", fast=False)  # Core inserts
    assert assert_statistics_match(c) == assert_statistics_match(a)

    # Edits on b travel back to a as Core updates of records a has.
    decisions.update_decision(b, ids["a"], granted_cents=777_77)
    decisions.delete_payment(b, ids["pay_b"])
    apps.update_application(b, ids["app_d"], applied_cents=900_00)
    decisions.update_decision(b, ids["d"], status=DecisionStatus.CANCELLED)
    apps.delete_application(b, ids["app_c"])
    decisions.decide(b, ids["app_e"], granted_cents=1)
    exchange(b, a, tmp_path / "3.kumppani")
    expected = assert_statistics_match(a)
    assert expected == assert_statistics_match(b)
    assert expected[(2026, VAASA)]["granted"] == 777_77
    assert expected[(2025, VAASA)]["paid"] == 0 and expected[(2025, VAASA)]["decisions"] == 0


def test_writes_by_the_bare_driver_keep_the_figures(store: Store):
    ids = _grant_round(store)
    with bare_driver(store) as execute:
        execute("UPDATE grant_payment SET amount_cents = amount_cents - 1 WHERE id = ?",
                (ids["pay_a"].hex,))
        execute("UPDATE grant_decision SET deleted = TRUE WHERE id = ?", (ids["d"].hex,))
        execute("DELETE FROM grant_payment WHERE id = ?", (ids["pay_b"].hex,))
        execute("UPDATE organisation SET domicile_code = NULL WHERE id = ?", (ids["vaasa"].hex,))
    expected = assert_statistics_match(store)
    assert expected[(2026, None)]["paid"] == 500_00 - 1
    assert expected[(2026, MUSTASAARI)]["paid"] == 0
    # A call deleted in one copy while another added an application to it counts nothing.
    with bare_driver(store) as execute:
        execute("UPDATE grant_call SET deleted = TRUE WHERE id = ?", (ids["city"].hex,))
    assert {year for year, _home in assert_statistics_match(store)} == {2026}


def test_filters_read_the_facts(store: Store):
    ids = _grant_round(store)
    with store.read() as session:
        def granted(**kw) -> int:
            return grant_statistics(session, (), StatisticsFilter(**kw))[0].granted_cents

        assert granted(first_year=2026) == 1_000_01 + 1_499_99
        assert granted(last_year=2025) == granted(funder=VAASA) == 333_33
        assert granted(sector=Sector.SPORTS) == 1_499_99
        assert granted(sector=Sector.YOUTH) == 1_000_01 + 1_499_99 + 333_33
        assert granted(sector=Sector.YOUTH, municipality=MUSTASAARI, first_year=2025,
                       last_year=2026) == 1_499_99
        count = session.execute(FACTS.select()).all()
    assert len(count) == 5 and ids


def test_the_triggers_exist_at_head(store: Store):
    # A later migration that rebuilds a grant table (Alembic's batch mode on SQLite) drops its
    # triggers with it: this would then fail.
    triggers = ("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal" if store.on_server
                else "SELECT name FROM sqlite_master WHERE type = 'trigger'")
    with bare_driver(store) as execute:
        names = {name for (name,) in execute(triggers).fetchall()
                 if name.startswith("grant_fact_")}
    assert len(names) == 12


def _blocked(store: Store, pid: int) -> bool:
    with store.engine.connect() as conn:
        return bool(conn.exec_driver_sql(
            "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = %s",
            (pid,)).scalar())


@pytest.mark.parametrize("second", [
    "UPDATE grant_payment SET amount_cents = amount_cents + 5 WHERE id = %s",  # paid only
    "UPDATE grant_application SET applied_cents = applied_cents + 7 WHERE id = %s",  # the row
])
def test_concurrent_writes_to_one_grant_on_the_server_keep_the_figures(pg_database, second):
    # Two users of the server write to one grant at once (the decision; a payment or the
    # application): the second trigger waits for the first transaction and must then count
    # what it committed, neither failing on the row the first rewrote nor missing its change.
    store = Store.open(pg_database)
    try:
        ids = _grant_round(store)
        target = ids["pay_a"] if "grant_payment" in second else ids["app_a"]
        first, other = store.engine.raw_connection(), store.engine.raw_connection()
        pid = other.cursor().execute("SELECT pg_backend_pid()").fetchone()[0]
        first.cursor().execute("UPDATE grant_decision SET granted_cents = granted_cents + 3 "
                               "WHERE id = %s", (ids["a"].hex,))
        failed: list[BaseException] = []

        def write() -> None:
            try:
                other.cursor().execute(second, (target.hex,))
                other.commit()
            except BaseException as exc:  # noqa: BLE001 - reported below
                failed.append(exc)

        thread = threading.Thread(target=write)
        thread.start()
        deadline = time.monotonic() + 10
        while not (blocked := _blocked(store, pid)) and time.monotonic() < deadline:
            time.sleep(0.01)
        first.commit()
        thread.join(10)
        first.close()
        other.close()
        assert blocked and failed == []  # it waited for the first, as meant, and succeeded
        expected = assert_statistics_match(store)
        assert expected[(2026, VAASA)]["granted"] == 1_000_01 + 3
    finally:
        store.close()
