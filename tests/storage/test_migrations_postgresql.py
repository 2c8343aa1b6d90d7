"""The migrations on PostgreSQL: from an empty database to head one revision at a time, over a
register that already holds an organisation and a paid grant, and back down to nothing.

One database walks the whole chain (each step is the upgrade from the revision before, which a
server at that revision would get); ``test_migrations`` covers SQLite and the schema comparison.
"""

from __future__ import annotations

import uuid

from alembic import command
from sqlalchemy import Engine, text

from desktop.services import activities
from desktop.services.grants.statistics import grant_statistics
from desktop.services.register import matching_ids
from desktop.storage import migrate
from desktop.storage.dialect import create_server_engine
from desktop.storage.store import Store
from tests.postgres_server import PostgresServer, open_at_once

STAMP = "'2020-01-01 00:00:00', '2020-01-01 00:00:00', '', '', FALSE"
ORG, CALL, APP, DECISION, PAYMENT = (uuid.uuid4().hex for _ in range(5))

# Rows written at a revision in the columns that revision has (later ones add theirs).
_ROWS = {
    "0001": [
        "INSERT INTO organisation (id, name_fi, name_sv, abbreviation, form, business_id,"
        " register_number, active_municipalities, sectors, languages, website, email, phone,"
        " postal_address, description, status, notes, created_at, updated_at, hlc, replica_id,"
        f" deleted) VALUES ('{ORG}', 'Vanha ry', '', '', 'registered_association', '', '',"
        f" '[]', '[\"youth\"]', '[]', '', '', '', '', '', 'active', '', {STAMP})",
    ],
    "0006": [  # before 0007 changes the decisions and 0013 derives the grant facts
        "INSERT INTO grant_call (id, year, name, grant_type, budget_cents, criteria, created_at,"
        f" updated_at, hlc, replica_id, deleted) VALUES ('{CALL}', 2025, 'Haku', 'operating',"
        f" 100000, '', {STAMP})",
        "INSERT INTO grant_application (id, call_id, organisation_id, purpose, applied_cents,"
        f" created_at, updated_at, hlc, replica_id, deleted) VALUES ('{APP}', '{CALL}', '{ORG}',"
        f" '', 50000, {STAMP})",
        "INSERT INTO grant_decision (id, application_id, granted_cents, deciding_body, status,"
        f" reasoning, created_at, updated_at, hlc, replica_id, deleted) VALUES ('{DECISION}',"
        f" '{APP}', 40001, '', 'partly_granted', 'Osittain.', {STAMP})",
        "INSERT INTO grant_payment (id, decision_id, paid_on, amount_cents, created_at,"
        f" updated_at, hlc, replica_id, deleted) VALUES ('{PAYMENT}', '{DECISION}', '2025-03-01',"
        f" 40001, {STAMP})",
    ],
}


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())


def test_the_migrations_walk_up_to_head_over_data_and_down_again(postgres: PostgresServer):
    name = postgres.create_database(prefix="walk")
    engine = create_server_engine(postgres.url(name))
    try:
        assert migrate.current_revision(engine) is None
        for revision in migrate.known_revisions()[:-1]:
            migrate.upgrade(engine, revision)
            assert migrate.current_revision(engine) == revision
            with engine.begin() as conn:
                for statement in _ROWS.get(revision, []):
                    conn.execute(text(statement))
        # The last step as the application takes it: opening the store upgrades and indexes.
        store = Store.open(postgres.url(name))
        try:
            assert store.report.upgraded_from == migrate.known_revisions()[-2]
            assert migrate.current_revision(engine) == migrate.head_revision()
            org_id = uuid.UUID(ORG)
            assert matching_ids(store, "vanha") == {org_id}
            activities.add_activity(store, org_id, title="Kerhoilta")
            assert matching_ids(store, "kerhoil") == {org_id}
            with store.read() as session:
                total = grant_statistics(session, ())[0]
                by_sector = grant_statistics(session, ("sector",))
            assert (total.applications, total.grants, total.applied_cents, total.granted_cents,
                    total.paid_cents) == (1, 1, 50000, 40001, 40001)
            assert [(row.key, row.granted_cents) for row in by_sector] == [(("youth",), 40001)]
        finally:
            store.close()

        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        assert _tables(engine) == {"alembic_version"}
        migrate.upgrade(engine)  # and up again over the downgraded database
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert {"organisation", "grant_fact", "organisation_search"} <= _tables(engine)
    finally:
        engine.dispose()
        postgres.drop_database(name)


def test_users_starting_a_new_version_at_once_all_open_the_upgraded_server(postgres: PostgresServer):
    name = postgres.create_database(prefix="morning")
    engine = create_server_engine(postgres.url(name))
    migrate.upgrade(engine, migrate.known_revisions()[-3])
    engine.dispose()
    opened, failed = open_at_once(postgres.url(name), 3, timeout=30)
    try:
        assert failed == [] and len(opened) == 3
        assert migrate.current_revision(opened[0].engine) == migrate.head_revision()
    finally:
        for store in opened:
            store.close()
        postgres.drop_database(name)


def test_the_documents_of_an_indexed_server_get_their_names_sort_keys(postgres: PostgresServer):
    # 0015 copies the keys from the listing; a Kumppani of before it, still running, writes
    # documents without them, and they are copied too.
    name = postgres.create_database(prefix="keys")
    engine = create_server_engine(postgres.url(name))
    listed = ("INSERT INTO organisation_listing (id, org_id, name_fi, name_key_fi, name_key_sv)"
              " VALUES (:id, :org, :name, :key_fi, :key_sv)")
    rows = {7: (uuid.uuid4().hex, "Äijälän Seura ry", "|ij|l|n seura ry", "|ij|l|n seura ry"),
            8: (uuid.uuid4().hex, "Björkby byaförening", "bj}rkby byaf}rening", "bj}rkby")}

    def insert(conn, listing_id: int) -> None:  # noqa: ANN001
        org, full, key_fi, key_sv = rows[listing_id]
        conn.execute(text(listed), {"id": listing_id, "org": org, "name": full,
                                    "key_fi": key_fi, "key_sv": key_sv})
        conn.execute(text("INSERT INTO organisation_search (rowid, doc) VALUES (:id, :doc)"),
                     {"id": listing_id, "doc": full.casefold() + " "})

    def keys(conn, listing_id: int) -> tuple:  # noqa: ANN001
        return tuple(conn.execute(text(
            "SELECT org_id, name_key_fi, name_key_sv FROM organisation_search WHERE rowid = :id"),
            {"id": listing_id}).one())

    try:
        migrate.upgrade(engine, "0014")
        with engine.begin() as conn:
            insert(conn, 7)
        migrate.upgrade(engine, "0015")
        with engine.begin() as conn:
            assert keys(conn, 7) == (rows[7][0], rows[7][2], rows[7][3])
            insert(conn, 8)
            assert keys(conn, 8) == (rows[8][0], rows[8][2], rows[8][3])
    finally:
        engine.dispose()
        postgres.drop_database(name)
