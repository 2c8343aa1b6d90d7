"""Revision 0007 over a database that already holds paid grant decisions."""

import sqlite3
import uuid

from sqlalchemy import select

from desktop.services.grants import decisions
from desktop.storage import migrate
from desktop.storage.dialect import create_sqlite_engine
from desktop.storage.models import GrantApplication, GrantDecision
from desktop.storage.store import Store

STAMP = "'2020-01-01 00:00:00', '2020-01-01 00:00:00', '', '', 0"


def test_paid_decisions_survive_the_upgrade_with_empty_new_fields(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    migrate.upgrade(engine, "0006")
    engine.dispose()
    org, call, app, dec, pay = (uuid.uuid4().hex for _ in range(5))
    with sqlite3.connect(path) as con:
        con.execute(
            "INSERT INTO organisation (id, name_fi, name_sv, abbreviation, form, business_id,"
            " register_number, active_municipalities, sectors, languages, website, email, phone,"
            " postal_address, description, status, notes, created_at, updated_at, hlc,"
            f" replica_id, deleted) VALUES ('{org}', 'Vanha ry', '', '', 'registered_association',"
            f" '', '', '[]', '[]', '[]', '', '', '', '', '', 'active', '', {STAMP})")
        con.execute(
            "INSERT INTO grant_call (id, year, name, grant_type, budget_cents, criteria,"
            f" created_at, updated_at, hlc, replica_id, deleted) VALUES ('{call}', 2025, 'Haku',"
            f" 'operating', 100000, '', {STAMP})")
        con.execute(
            "INSERT INTO grant_application (id, call_id, organisation_id, purpose, applied_cents,"
            f" created_at, updated_at, hlc, replica_id, deleted) VALUES ('{app}', '{call}',"
            f" '{org}', '', 50000, {STAMP})")
        # Copying grant_decision in the upgrade would fail on this payment's foreign key.
        con.execute(
            "INSERT INTO grant_decision (id, application_id, granted_cents, deciding_body, status,"
            f" reasoning, created_at, updated_at, hlc, replica_id, deleted) VALUES ('{dec}',"
            f" '{app}', 40000, '', 'partly_granted', 'Osittain.', {STAMP})")
        con.execute(
            "INSERT INTO grant_payment (id, decision_id, paid_on, amount_cents, created_at,"
            f" updated_at, hlc, replica_id, deleted) VALUES ('{pay}', '{dec}', '2025-03-01', 40000,"
            f" {STAMP})")

    store = Store.open(path, backup_dir=tmp_path / "backups")
    assert store.report.upgraded_from == "0006"
    with store.read() as session:
        decision = session.scalars(select(GrantDecision)).one()
        assert (decision.granted_cents, decision.reasoning, decision.conditions) == (
            40000, "Osittain.", "")
        assert decision.agenda_item_id is None and decision.report_accepted is None
        assert session.scalars(select(GrantApplication)).one().municipalities == []
    decisions.update_decision(store, decision.id, conditions="Ehto.")
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    store.close()
