"""The kept counts of words too short for the trigram index (PostgreSQL, migration 0016): filled
by the first search for a word, exact after every kind of write, forgotten by a rebuild, and
never waited for by a transaction that has written documents itself."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from desktop.services import register
from desktop.services.register import Filters, RegisterQuery
from desktop.storage import listing, search, short_words
from desktop.storage.store import Store


@pytest.fixture
def server(pg_database: str) -> Iterator[Store]:
    store = Store.open(pg_database)
    for name in ("Yhdistys Yksi ry", "Kylätoimikunta ry", "Ylihärmän Seura ry", "Kerho"):
        register.save_organisation(store, None, {"name_fi": name})
    yield store
    store.close()


def _kept(store: Store) -> dict[str, int]:
    with store.read() as session:
        return dict(session.execute(text(f"SELECT word, documents FROM {short_words.TABLE}")).all())


def _scanned(store: Store, word: str) -> int:
    """The count as every document tells it, bypassing the kept counts."""
    with store.read() as session:
        return int(session.execute(text(
            f"SELECT count(*) FROM {listing.SEARCH_TABLE} WHERE strpos(doc, :w) > 0"),
            {"w": word}).scalar_one())


class _Undone(Exception):
    pass


def _count(store: Store, query: str) -> int:
    return register.count(store, RegisterQuery(text=query))


def test_a_short_word_is_counted_once_and_its_count_kept(server):
    assert _count(server, "ry") == 3
    assert _kept(server) == {"ry": 3}
    # The kept count answers now: a wrong one planted there shows through.
    with server.engine.begin() as connection:
        connection.execute(text(f"UPDATE {short_words.TABLE} SET documents = 42"))
    assert _count(server, "RY") == 42
    # Filters, two words or a longer word are counted as before.
    assert _count(server, "ry yh") == 1
    assert _count(server, "ryh") == 0
    assert register.count(server, RegisterQuery(text="ry", filters=Filters(status="dissolved"))) == 0


def test_the_kept_counts_follow_every_write(server):
    for word in ("ry", "y", "ä", "zz"):
        _count(server, word)
    # New, renamed (the word gained and lost), deleted, restored.
    new_id, _changes = register.save_organisation(server, None, {"name_fi": "Pizzakerho ry"})
    kerho = next(iter(register.matching_ids(server, "kerho") - {new_id}))
    register.save_organisation(server, kerho, {"name_fi": "Kerho ry"})
    kyla = next(iter(register.matching_ids(server, "kylätoimikunta")))
    register.save_organisation(server, kyla, {"name_fi": "Kylätoimikunta"})
    yhdistys = next(iter(register.matching_ids(server, "yksi")))
    register.mark_deleted(server, yhdistys)
    kept = _kept(server)
    assert kept == {word: _scanned(server, word) for word in ("ry", "y", "ä", "zz")}
    assert kept["ry"] == 3 and kept["zz"] == 1
    register.restore(server, yhdistys)
    assert _kept(server)["ry"] == 4 == _scanned(server, "ry")


def test_a_rebuild_keeps_them_exact_and_a_statement_of_many_documents_forgets_them(server):
    _count(server, "ry")
    with server.engine.begin() as connection:  # behind the index's back: only a rebuild sees it
        connection.execute(text("UPDATE organisation SET name_fi = 'Yhdistys Yksi' "
                                "WHERE name_fi = 'Yhdistys Yksi ry'"))
    with server.operation("rebuild") as session:
        search.reindex(session)
    assert _kept(server) == {"ry": 2} and _scanned(server, "ry") == 2
    # More than a thousand documents at once: adjusting each kept count would cost more than
    # counting again when someone searches. At a thousand, they are adjusted.
    for rows, kept in ((1000, {"ry": 1002}), (1001, {})):
        with server.operation("many") as session:
            session.execute(text(
                f"INSERT INTO {listing.SEARCH_TABLE} (rowid, doc, org_id) SELECT n, 'uusi ry ', "
                "'x' || n FROM generate_series(100000, 100000 + :rows - 1) n"), {"rows": rows})
        assert _kept(server) == kept
        _count(server, "ry")
        with server.operation("undo") as session:
            session.execute(text(f"DELETE FROM {listing.SEARCH_TABLE} WHERE rowid >= 100000"))
        assert _kept(server) == ({"ry": 2} if rows == 1000 else {})
        _count(server, "ry")
    for statement, forgets in ((f"UPDATE {listing.SEARCH_TABLE} SET doc = doc || 'ry '", False),
                               (f"TRUNCATE {listing.SEARCH_TABLE}", True)):
        with server.operation("rewrite") as session:
            session.execute(text(statement))
        assert _kept(server) == ({} if forgets else {"ry": 4}), statement
        assert _count(server, "ry") == _scanned(server, "ry")


def test_a_write_rolled_back_leaves_the_kept_counts_as_they_were(server):
    _count(server, "ry")
    with pytest.raises(_Undone), server.operation("edit") as session:
        session.execute(text(f"UPDATE {listing.SEARCH_TABLE} SET doc = 'ei mitään '"))
        raise _Undone
    assert _kept(server) == {"ry": 3}


def test_a_transaction_that_wrote_documents_counts_without_waiting(server):
    """The count is kept by another transaction, which would wait for this one to commit."""
    done: list[int] = []
    with pytest.raises(_Undone), server.operation("edit") as session:
        session.execute(text(f"INSERT INTO {listing.SEARCH_TABLE} (rowid, doc, org_id) "
                             "VALUES (999, 'uusi ry ', 'x')"))
        where = listing.Where(*search.match_condition(session, "ry"),
                              short_word=short_words.word(session, "ry"))
        worker = threading.Thread(target=lambda: done.append(listing.count(session, where)),
                                  daemon=True)
        worker.start()
        worker.join(timeout=20)
        raise _Undone
    assert done == [4]  # its own document too
    assert _kept(server) == {}  # nothing kept from a view that was not committed


def test_a_search_while_a_writer_is_busy_counts_without_keeping_and_keeps_after(server):
    """A count is kept under the lock that writers of documents hold: none of their documents
    is left out of it."""
    writing = threading.Event()
    release = threading.Event()

    def write() -> None:
        with server.operation("slow edit") as session:
            session.execute(text(f"INSERT INTO {listing.SEARCH_TABLE} (rowid, doc, org_id) "
                                 "VALUES (999, 'uusi ry ', 'x')"))
            writing.set()
            release.wait(20)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    assert writing.wait(20)
    try:
        assert _count(server, "ry") == 3  # the writer's document is not committed yet
        assert _kept(server) == {}
    finally:
        release.set()
        writer.join(20)
    assert _count(server, "ry") == 4
    assert _kept(server) == {"ry": 4}


def test_the_server_keeps_only_short_words_for_kumppanis_roles_from_its_own_tables(server):
    with server.engine.connect() as connection:
        count = connection.execute(text("SELECT organisation_search_short_word_count(:w)"),
                                   {"w": "yhd"}).scalar()
        assert count is None  # a long word: the trigram index serves it
        assert not connection.execute(text(
            "SELECT has_function_privilege('public', 'organisation_search_short_word_count(text)',"
            " 'EXECUTE')")).scalar()
        # A table of a user's own, in their temporary schema, does not stand in for the index.
        connection.execute(text("CREATE TEMP TABLE organisation_search (doc TEXT)"))
        assert connection.execute(text("SELECT organisation_search_short_word_count('ry')"),
                                  ).scalar() == 3
        connection.commit()
    assert _kept(server) == {"ry": 3}
