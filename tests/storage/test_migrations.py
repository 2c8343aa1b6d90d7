import shutil
import sqlite3
import uuid

import pytest
from sqlalchemy import func, select

from desktop.errors import KnownError, NewerDatabaseError
from desktop.services import activities
from desktop.services.register import matching_ids
from desktop.storage import migrate
from desktop.storage.backup import KEEP, backup_database, list_backups
from desktop.storage.dialect import create_server_engine, create_sqlite_engine
from desktop.storage.models import Organisation
from desktop.storage.store import Store


def _database_at(path, revision):
    engine = create_sqlite_engine(path)
    migrate.upgrade(engine, revision)
    engine.dispose()


def test_revisions_form_one_chain_from_the_first():
    revisions = list(migrate.script_directory().walk_revisions())
    assert revisions[-1].down_revision is None
    assert len(migrate.script_directory().get_heads()) == 1
    assert len(revisions) >= 2
    # The quick check at start-up reads ids from file names: it must agree with Alembic.
    assert [r.revision for r in reversed(revisions)] == migrate.known_revisions()
    assert migrate.script_directory().get_current_head() == migrate.head_revision()
    for rev in revisions:
        if rev.down_revision is not None:
            assert migrate.known_revisions().index(rev.down_revision) + 1 == \
                migrate.known_revisions().index(rev.revision)


@pytest.mark.parametrize("revision", migrate.known_revisions()[:-1])
def test_every_earlier_schema_is_upgraded_after_a_backup(tmp_path, revision):
    path = tmp_path / "old.sqlite3"
    _database_at(path, revision)
    con = sqlite3.connect(path)
    con.execute(  # the organisation table as revision 0001 made it, unchanged since
        "INSERT INTO organisation (id, name_fi, name_sv, abbreviation, form, business_id, register_number,"
        " active_municipalities, sectors, languages, website, email, phone, postal_address, description,"
        " status, notes, created_at, updated_at, hlc, replica_id, deleted) VALUES"
        " ('0123456789abcdef0123456789abcdef', 'Vanha ry', '', '', 'registered_association', '', '',"
        " '[]', '[]', '[]', '', '', '', '', '', 'active', '', '2020-01-01 00:00:00',"
        " '2020-01-01 00:00:00', '', '', 0)"
    )
    con.commit()
    con.close()

    store = Store.open(path, backup_dir=tmp_path / "backups")
    assert store.report.upgraded_from == revision
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    backups = list_backups(path, tmp_path / "backups")
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        assert con.execute("SELECT name_fi FROM organisation").fetchall() == [("Vanha ry",)]
    org_id = uuid.UUID("0123456789abcdef0123456789abcdef")
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 1
    # The search index is built for the upgraded data, and the newest tables work.
    assert matching_ids(store, "vanha") == {org_id}
    activities.add_activity(store, org_id, title="Kerhoilta")
    assert matching_ids(store, "kerhoil") == {org_id}
    store.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    _database_at(path, "head")
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="uudemmalla versiolla"):
        Store.open(path, backup_dir=tmp_path / "backups")
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("hello")
    with pytest.raises(KnownError, match="not a Kumppani database|ei ole Kumppani"):
        Store.open(path, backup_dir=tmp_path / "backups")


def test_a_new_database_needs_no_backup(tmp_path):
    store = Store.open(tmp_path / "new.sqlite3", backup_dir=tmp_path / "backups")
    assert store.report.created and store.report.backup is None
    store.close()


@pytest.mark.sqlite_only("a copy of the file; a server's backups are its IT's")
def test_only_the_newest_backups_are_kept(store, tmp_path):
    for _ in range(KEEP + 3):
        backup_database(store.path, tmp_path / "many")
    kept = list_backups(store.path, tmp_path / "many")
    assert len(kept) == KEEP
    with sqlite3.connect(kept[-1]) as con:
        assert con.execute("SELECT count(*) FROM municipality").fetchone() == (308,)


def test_a_failed_upgrade_is_undone_whole_and_says_so(tmp_path):
    path = tmp_path / "half.sqlite3"
    _database_at(path, "0001")
    with sqlite3.connect(path) as con:  # a table in the way of revision 0002's later steps
        con.execute("CREATE TABLE meeting (x INTEGER)")
    with pytest.raises(KnownError, match="backup|varmuuskopio"):
        Store.open(path, backup_dir=tmp_path / "backups")
    with sqlite3.connect(path) as con:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert "attachment" not in tables and "body" not in tables  # created before the failure


def test_another_programs_sqlite_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite3"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE notes (text TEXT)")
    before = path.read_bytes()
    with pytest.raises(KnownError):
        Store.open(path, backup_dir=tmp_path / "backups")
    assert path.read_bytes() == before


def test_a_damaged_file_is_a_known_error(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(KnownError):
        Store.open(path, backup_dir=tmp_path / "backups")


def test_backups_of_different_databases_are_kept_apart(tmp_path):
    first = Store.open(tmp_path / "a" / "kumppani.sqlite3", backup_dir=tmp_path / "b")
    second = Store.open(tmp_path / "c" / "kumppani.sqlite3", backup_dir=tmp_path / "b")
    backup_database(first.path, tmp_path / "b")
    for _ in range(KEEP + 1):
        backup_database(second.path, tmp_path / "b")
    assert len(list_backups(first.path, tmp_path / "b")) == 1
    assert len(list_backups(second.path, tmp_path / "b")) == KEEP
    first.close()
    second.close()


def test_the_migrations_build_exactly_the_models_schema(backend, request, tmp_path):
    # A model changed without a migration (or the other way round) would only show on a user's
    # machine; Alembic's autogenerate comparison finds it here.
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop.storage.base import Base

    if backend == "postgresql":  # a database the migrations built (the tests' template)
        engine = create_server_engine(request.getfixturevalue("pg_database"))
    else:
        path = tmp_path / "head.sqlite3"
        _database_at(path, "head")
        engine = create_sqlite_engine(path)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True,
            # The search index (an FTS5 table), the register listing and the grant facts are
            # derived data that live outside the models on purpose.
            "include_name": lambda name, kind, _parent: not (
                kind == "table" and name is not None
                and name.startswith(("organisation_search", "organisation_listing",
                                     "grant_fact"))),
        })
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_a_records_base_clock_and_stamp_move_from_the_field_clocks_into_its_row(tmp_path):
    path = tmp_path / "old.sqlite3"
    _database_at(path, "0016")
    ids = ("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210")
    base, phone, stamps = "001764000000000-00000-aa", "001764000000009-00000-bb", "001765"
    with sqlite3.connect(path) as con:
        for org_id in ids:
            con.execute(
                "INSERT INTO organisation (id, name_fi, name_sv, abbreviation, form, business_id,"
                " register_number, active_municipalities, sectors, languages, website, email,"
                " phone, postal_address, description, status, notes, created_at, updated_at, hlc,"
                " replica_id, deleted) VALUES (?, 'Vanha ry', '', '', 'registered_association',"
                " '', '', '[]', '[]', '[]', '', '', '', '', '', 'active', '',"
                " '2020-01-01 00:00:00', '2020-01-01 00:00:00', ?, 'bb', 0)", (org_id, phone))
        # The second was written without clocks (a bulk loader): it stays without a base.
        con.executemany(
            "INSERT INTO field_clock (table_name, record_id, field, hlc, prev, stamp) "
            "VALUES ('organisation', ?, ?, ?, ?, ?)",
            [(ids[0], "*", base, "001763000000000-00000-cc", stamps + "-1"),
             (ids[0], "phone", phone, base, stamps + "-2")])
    con.close()

    Store.open(path, backup_dir=tmp_path / "backups").close()
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT id, base_clock, base_prev, stamp FROM organisation ORDER BY id"
                           ).fetchall()
        clocks = con.execute("SELECT record_id, field, hlc, prev FROM field_clock").fetchall()
        indexes = {name for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'organisation'")}
    con.close()
    assert rows == [(ids[0], base, "001763000000000-00000-cc", stamps + "-2"), (ids[1], "", "", "")]
    assert clocks == [(ids[0], "phone", phone, base)]
    assert "ix_organisation_stamp" in indexes and "ix_organisation_hlc" not in indexes


def test_the_record_clocks_go_back_to_the_field_clocks_and_return_unchanged(demo_template, tmp_path):
    from alembic import command

    from tests.sync_copies import canonical

    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    store = Store.open(path, backup_dir=tmp_path / "backups")
    before = canonical(store)
    store.close()
    engine = create_sqlite_engine(path)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0016")
    engine.dispose()
    with sqlite3.connect(path) as con:
        bases = con.execute("SELECT count(*) FROM field_clock WHERE field = '*'").fetchone()[0]
        records = con.execute("SELECT count(*) FROM organisation").fetchone()[0]
        assert con.execute("SELECT count(*) FROM field_clock WHERE stamp = ''").fetchone() == (0,)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    assert bases > records > 0
    store = Store.open(path, backup_dir=tmp_path / "backups")
    assert canonical(store) == before
    store.close()
