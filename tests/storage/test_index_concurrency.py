"""Two users of one server write at once: the search index and the register listing (derived
data that each operation rewrites in its own transaction) must take both writes, neither
failing on a row the other wrote nor losing what the other indexed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.services import contacts, register
from desktop.storage import search
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from tests.postgres_server import open_at_once


@pytest.fixture
def users(pg_database: str) -> Iterator[tuple[Store, Store]]:
    first, second = Store.open(pg_database), Store.open(pg_database)
    yield first, second
    first.close()
    second.close()


def _waiting(store: Store) -> bool:
    with store.engine.connect() as conn:
        return bool(conn.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()")).scalar())


def _at_once(first: Store, held: Callable[[Session], object], then: Callable[[], object]) -> None:
    """``first`` runs ``held`` (which indexes) and, before it commits, ``then`` runs in another
    thread until it waits for ``first``; then ``first`` commits. Both must succeed."""
    indexed, release = threading.Event(), threading.Event()
    failed: list[BaseException] = []

    def hold(session: Session) -> None:
        held(session)
        indexed.set()
        release.wait(10)

    def run(fn: Callable[[], object]) -> None:
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            failed.append(exc)

    holder = threading.Thread(target=run, args=(lambda: first.run("hold", hold),))
    holder.start()
    assert indexed.wait(10)
    other = threading.Thread(target=run, args=(then,))
    other.start()
    deadline = time.monotonic() + 10
    while not _waiting(first) and time.monotonic() < deadline:
        time.sleep(0.01)
    release.set()
    holder.join(10)
    other.join(10)
    assert failed == []


def test_two_new_organisations_at_once_are_both_listed_and_found(users):
    first, second = users

    def add(session: Session) -> None:
        org = Organisation(name_fi="Ensimmäinen ry")
        session.add(org)
        session.flush()
        search.reindex(session, {org.id})

    _at_once(first, add, lambda: register.save_organisation(second, None, {"name_fi": "Toinen ry"}))
    for store in users:
        assert {row.name for row in register.organisation_page(
            store, register.RegisterQuery(), 0, 10)} == {"Ensimmäinen ry", "Toinen ry"}
        assert len(register.matching_ids(store, "ry")) == 2


def test_one_organisation_indexed_by_both_keeps_both_changes(users):
    first, second = users
    org_id, _c = register.save_organisation(second, None, {"name_fi": "Yhteinen ry"})

    def rename(session: Session) -> None:
        session.get(Organisation, org_id).name_fi = "Yhteinen Kuoro ry"
        session.flush()
        search.reindex(session, {org_id})

    _at_once(first, rename, lambda: contacts.add_contact(second, org_id, "", name="Kerttu Lind"))
    for store in users:
        assert register.matching_ids(store, "kuoro lind") == {org_id}
        assert register.count(store, register.RegisterQuery()) == 1


def test_users_starting_a_new_version_at_once_all_open_it_with_its_index_rebuilt(users):
    # A new version of the program changes the index: everyone who starts it that morning
    # opens the database at once, and one of them rebuilds the index while the others wait.
    first, _second = users
    register.save_organisation(first, None, {"name_fi": "Aamun Avaajat ry"})
    with first.operation("forget") as session:
        session.execute(text("UPDATE meta SET value = 'old' WHERE key = :key"),
                        {"key": search.META_KEY})
    opened, failed = open_at_once(first.location, 4, timeout=20)
    for store in opened:
        store.close()
    assert failed == [] and len(opened) == 4
    assert register.count(first, register.RegisterQuery(text="avaajat")) == 1
