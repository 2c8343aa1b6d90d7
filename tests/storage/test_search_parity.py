"""One search, two engines: FTS5 on SQLite and LIKE with pg_trgm on PostgreSQL find the same
organisations, and the register listing counts and orders them the same, for the same data;
the grant statistics (SQLite's triggers or PL/pgSQL ones) agree to the cent.

The demo register (plus names with the characters a search must not mistake for patterns) is
written to an SQLite file through the services and copied row by row, ids and all, to a
PostgreSQL database; each side then builds its own index. Equal ids make the orders comparable
down to the last tie.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services import activities, contacts, register
from desktop.services.grants import applications, calls, decisions
from desktop.services.grants.statistics import DIMENSIONS, StatisticsFilter, grant_statistics
from desktop.services.register import Filters, RegisterQuery
from desktop.storage import listing, search
from desktop.storage.base import Base
from desktop.storage.models.enums import GrantType
from desktop.storage.store import Store
from tests.grant_helpers import organisation
from tests.postgres_server import PostgresServer

EXTRA = ("100% Liikunta ry", "Nuoret_2026 ry", "Kenoviiva\\Teatteri ry", 'Teatteri "Kulissi" ry',
         "O'Brienin Kerho ry", "Äänekosken Ääni ry", "Aanekosken Aani ry", "Åland-Öhman rf",
         "Jazz ry", "50 % Alennus ry", "Pieni_kerho ry",
         # Names that sort alike: their ids decide.
         "Kylätoimikunta ry", "Kylätoimikunta ry", "KYLÄTOIMIKUNTA RY")


def _fill_extra(store: Store) -> None:
    made = [organisation(store, name) for name in EXTRA]
    # Grants to organisations without sectors (a group of its own), a median of half a cent.
    call, _c = calls.create_call(store, year=2026, name="Pienavustukset 2026",
                                 grant_type=GrantType.EVENT)
    for org, cents in zip(made[:2], (1_000_01, 2_000_00), strict=True):
        application, _c = applications.create_application(store, call, org, applied_cents=cents)
        decisions.decide(store, application, granted_cents=cents)
    org = organisation(store, "Yhteyshenkilön Seura ry", business_id="3141592-6")
    contacts.add_contact(store, org, "", name="Zacharias Wikström")
    activities.add_activity(store, org, title="Kuutamokävely Öjbergin rannalla")


def _copy_rows(source: Store, target: Store) -> None:
    """Every record of ``source`` into ``target`` as stored (ids, clocks, tombstones); the
    reference data the store writes itself at opening is already there, and ``meta`` is each
    database's own (its replica id, its clock)."""
    with source.engine.connect() as read, target.engine.begin() as write:
        for table in Base.metadata.sorted_tables:
            if table.name == "meta":
                continue
            rows = [dict(row) for row in read.execute(table.select()).mappings()]
            there = write.execute(select(func.count()).select_from(table)).scalar_one()
            if there:
                assert there == len(rows), table.name  # reference data: the same on both
            elif rows:
                write.execute(table.insert(), rows)
    with target.operation("index") as session:
        search.reindex(session)


@pytest.fixture(scope="module")
def stores(demo_template: Path, tmp_path_factory: pytest.TempPathFactory,
           postgres: PostgresServer) -> Iterator[tuple[Store, Store]]:
    folder = tmp_path_factory.mktemp("parity")
    shutil.copyfile(demo_template, folder / "demo.sqlite3")
    lite = Store.open(folder / "demo.sqlite3", backup_dir=folder / "backups")
    _fill_extra(lite)
    # A county's server sorts text as its language does (here ICU's Finnish), not byte by
    # byte: what must compare bytewise has to say so itself.
    name = "parity_fi"
    postgres.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                     "LOCALE_PROVIDER icu ICU_LOCALE 'fi-FI' LOCALE 'C'")
    server = Store.open(postgres.url(name))
    _copy_rows(lite, server)
    yield lite, server
    lite.close()
    server.close()
    postgres.drop_database(name)


QUERIES = [
    "a", "ä", "Ö", "å", "%", "_", "\\", '"', "'",  # one character
    "aa", "ää", "öh", "ry", "rf", "ö ",  # two
    "ääni", "aani", "kulissi", "KULISSI", "Teatteri", "seura", "xyzzy",  # three and more
    "vaasa ry", "nuoret 2026", "ry rf", "100%", "0 %", "nuoret_", "a\\t", '"kulissi"', "o'brien",
    "3141592", "592-6", "korsholm", "jakobstad", "närpes",  # Business ID; places in Swedish
    "wikström", "zacharias", "kuutamo", "öjbergin",  # a contact, an activity
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_organisations_are_found_on_both(stores, query):
    lite, server = stores
    found = register.matching_ids(lite, query)  # the same ids are the same organisations
    assert register.matching_ids(server, query) == found
    assert register.count(lite, RegisterQuery(text=query)) == len(found)
    assert register.count(server, RegisterQuery(text=query)) == len(found)


def test_the_queries_tell_what_they_should(stores):
    lite, _server = stores

    def names(query: str) -> set[str]:
        return {row.name for row in register.organisation_page(lite, RegisterQuery(text=query),
                                                               0, 1000)}

    # Not vacuous: ä is not a, and %, _ and \ are characters, not patterns.
    assert names("ääni") == {"Äänekosken Ääni ry"} and names("aani") == {"Aanekosken Aani ry"}
    assert names("100%") == {"100% Liikunta ry"} and names("%") == {"100% Liikunta ry",
                                                                       "50 % Alennus ry"}
    assert names("_") == {"Nuoret_2026 ry", "Pieni_kerho ry"}
    assert names("\\") == {"Kenoviiva\\Teatteri ry"}
    assert names("592-6") == names("wikström") == names("kuutamo") == {"Yhteyshenkilön Seura ry"}
    assert len(names("korsholm")) > 3 and names("xyzzy") == set()


SORTS = [(sort, descending, language) for sort in ("name", "other_name", "business_id",
                                                   "domicile", "sectors", "status", "kind")
         for descending, language in ((False, "fi"), (True, "sv"))]


@pytest.mark.parametrize(("sort", "descending", "language"), SORTS)
def test_the_listing_pages_come_in_the_same_order(stores, sort, descending, language):
    lite, server = stores
    for text, filters in (("", Filters()), ("ry", Filters()), ("ry", Filters(municipality="905")),
                          ("", Filters(sector="youth", language="sv")),
                          ("kylä", Filters(status="active")), ("", Filters(kind="public"))):
        query = RegisterQuery(text=text, filters=filters, sort=sort, descending=descending,
                              language=language)
        total = register.count(lite, query)
        assert register.count(server, query) == total and total > 0, (text, filters)
        for offset in (0, 37, max(0, total - 20)):
            rows = register.organisation_page(lite, query, offset, 50)
            assert register.organisation_page(server, query, offset, 50) == rows, (
                text, filters, offset)


@pytest.mark.parametrize(("descending", "language"), [(False, "fi"), (True, "sv")])
def test_a_search_by_name_is_walked_or_sorted_alike(stores, monkeypatch, descending, language):
    # On the server a page of a search by name is a walk along the name index when the word is
    # common, else its matches sorted; a short walk tells which. With a walk of a few documents
    # on the small register, common, middling and rare words each take their path.
    monkeypatch.setattr(listing, "_SAMPLE", 12)
    monkeypatch.setattr(listing, "_WALK_MAX", 60)
    taken: list[str] = []
    walk, ordered = listing._KeyedSearch.walk, listing._KeyedSearch.sorted

    def walked(search, documents: int, stop: int) -> list:  # noqa: ANN001
        found = walk(search, documents, stop)
        taken.append("first walk" if documents == listing._SAMPLE else "second walk")
        if len(found) == stop:
            taken.append("page walked")
        return found

    def sorted_(search) -> list:  # noqa: ANN001
        taken.append("sorted")
        return ordered(search)

    monkeypatch.setattr(listing._KeyedSearch, "walk", walked)
    monkeypatch.setattr(listing._KeyedSearch, "sorted", sorted_)
    lite, server = stores
    for text in ("ry", "seura", "kylä", "vaasa", "a", "xyzzy"):
        query = RegisterQuery(text=text, descending=descending, language=language)
        total = register.count(lite, query)
        for offset, limit in ((0, 5), (0, 50), (3, 10), (37, 50), (max(0, total - 4), 10)):
            rows = register.organisation_page(lite, query, offset, limit)
            assert register.organisation_page(server, query, offset, limit) == rows, (
                text, offset, limit)
        # The export reads the ids in batches, through the same pages.
        assert list(register.organisation_ids(server, query, batch=7)) == list(
            register.organisation_ids(lite, query, batch=7)), text
    assert {"first walk", "second walk", "page walked", "sorted"} <= set(taken)


@pytest.mark.parametrize("by", [(), *((d,) for d in DIMENSIONS), ("year", "municipality")])
def test_the_grant_statistics_are_the_same_on_both(stores, by):
    lite, server = stores
    for filters in (StatisticsFilter(), StatisticsFilter(sector="youth", first_year=2024)):
        with lite.read() as session:
            rows = grant_statistics(session, by, filters)
        with server.read() as session:
            assert grant_statistics(session, by, filters) == rows
        assert sum(row.granted_cents for row in rows) > 0 and any(row.median_cents for row in rows)
        if by == ("sector",) and filters == StatisticsFilter():  # no sectors: first on both
            assert rows[0].key == (None,) and rows[0].median_cents == Decimal("150000.5")
