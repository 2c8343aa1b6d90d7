"""Revision 0011 over a register of organisations: they stay organisations, partners join them."""

import datetime as dt
import sqlite3
import uuid

from sqlalchemy import select

from desktop.services import contacts, network, partners, register
from desktop.services.register import Filters, RegisterQuery
from desktop.storage import migrate
from desktop.storage.dialect import create_sqlite_engine
from desktop.storage.models import Organisation
from desktop.storage.store import Store

STAMP = "'2020-01-01 00:00:00', '2020-01-01 00:00:00', '', '', 0"


def test_existing_organisations_become_organisations_and_the_listing_knows_kinds(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    migrate.upgrade(engine, "0010")
    engine.dispose()
    org = uuid.uuid4().hex
    with sqlite3.connect(path) as con:
        con.execute(
            "INSERT INTO organisation (id, name_fi, name_sv, abbreviation, form, business_id,"
            " register_number, domicile_code, active_municipalities, sectors, languages, website,"
            " email, phone, postal_address, description, status, notes, created_at, updated_at,"
            f" hlc, replica_id, deleted) VALUES ('{org}', 'Vaasan Martat ry', '', '',"
            " 'registered_association', '', '', '905', '[]', '[]', '[]', '', '', '', '', '',"
            f" 'active', '', {STAMP})")

    store = Store.open(path, backup_dir=tmp_path / "backups")
    try:
        assert store.report.upgraded_from == "0010"
        with store.read() as session:
            assert [o.kind for o in session.scalars(select(Organisation))] == ["organisation"]
        partners.add_county_municipalities(store, "905")
        only = RegisterQuery(text="vaasa", filters=Filters(kind="organisation"))
        assert [r.name for r in register.organisation_page(store, only, 0, 10)] == ["Vaasan Martat ry"]
        public = RegisterQuery(text="vaasa", filters=Filters(kind=register.PUBLIC_PARTNERS))
        assert [r.name for r in register.organisation_page(store, public, 0, 10)] == ["Vaasa"]
        # The new table works: a liaison role for a person of the old organisation.
        person, _c = contacts.add_contact(store, uuid.UUID(hex=org), "", name="Anna")
        network.add_role(store, person, "905", "volunteering", dt.date(2026, 1, 1))
        with store.read() as session:
            assert network.network(session, "fi").cell("905", "volunteering").persons[0].name == "Anna"
    finally:
        store.close()
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT kind, count(*) FROM organisation_listing GROUP BY kind").fetchall() == [
            ("municipality", 14), ("organisation", 1)]
