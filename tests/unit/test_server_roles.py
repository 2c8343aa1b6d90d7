"""The roles that ``kumppani admin init-server`` creates hold at the server: each role connects
over TCP with its password and writes, through the store and the services, what it may."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.errors import KnownError
from desktop.i18n import _
from desktop.services import meetings, register
from desktop.services.register import RegisterQuery
from desktop.services.server.connection import open_server
from desktop.storage import short_words
from desktop.storage.dialect import insert_rows
from desktop.storage.roles import (
    OFFICER,
    READONLY,
    ROLES,
    SECRETARY,
    SECRETARY_MODULES,
    SIDE_EFFECTS,
    ServerRefusal,
    group_role,
    model_tables,
)
from tests.postgres_server import PostgresServer


def _privileges(url: str) -> dict[tuple[str, str], set[str]]:
    """(group role, table) -> the privileges it has, for every table of the database."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = list(connection.scalars(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")))
            found = {}
            for role in ROLES:
                for table in tables:
                    found[group_role(role), table] = {
                        privilege for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE")
                        if connection.scalar(text("SELECT has_table_privilege(:r, :t, :p)"),
                                             {"r": group_role(role), "t": f"public.{table}",
                                              "p": privilege})}
    finally:
        engine.dispose()
    return found


def test_init_server_grants_every_table_to_each_role_and_can_run_again(pg_database, tmp_path, capsys):
    assert main(["admin", "init-server", "--db", pg_database]) == 0
    assert main(["admin", "init-server", "--db", pg_database]) == 0  # after an upgrade, say
    assert "kumppani_secretary" in capsys.readouterr().out
    granted = _privileges(pg_database)
    tables = {table for _role, table in granted}
    assert {"organisation", "meeting", "audit_log", "organisation_search", "grant_fact",
            "alembic_version"} <= tables
    secretary_writes = model_tables(*SECRETARY_MODULES) | {
        table for table, privileges in SIDE_EFFECTS.items() if "INSERT" in privileges}
    assert {"meeting", "agenda_item", "meeting_attendance", "idea"} <= secretary_writes
    for table in tables:
        assert granted[group_role(OFFICER), table] == {"SELECT", "INSERT", "UPDATE", "DELETE"}
        assert granted[group_role(READONLY), table] == {"SELECT"}, table
        assert "SELECT" in granted[group_role(SECRETARY), table]
        assert ("INSERT" in granted[group_role(SECRETARY), table]) == (table in secretary_writes), table
    assert granted[group_role(SECRETARY), "audit_log"] == {"SELECT", "INSERT"}  # appended only

    assert main(["admin", "init-server", "--db", str(tmp_path / "file.sqlite3")]) == 1
    assert "--db postgresql+psycopg://" in capsys.readouterr().err


def test_init_server_says_when_the_search_index_takes_letters_for_spaces(postgres, capsys):
    # Under the C character type pg_trgm sees ä, ö and å as word breaks (slow searches).
    for ctype, noted in (("C", True), ("C.UTF-8", False)):
        name = postgres.create_database(prefix="ctype", ctype=ctype)
        try:
            assert main(["admin", "init-server", "--db", postgres.url(name)]) == 0
            assert ("LC_CTYPE" in capsys.readouterr().err) == noted, ctype
        finally:
            postgres.drop_database(name)


def _user(postgres: PostgresServer, database_url: str, role: str, tmp_path: Path) -> str:
    """A login role of ``role`` made with ``admin add-user``; the URL it connects with."""
    database = make_url(database_url).database
    name, password = f"{role}_{database}", f"salasana-{role}-ä"
    secret = tmp_path / f"{role}.txt"
    secret.write_text(password + "\n", encoding="utf-8")
    assert main(["admin", "add-user", name, "--role", role, "--password-file", str(secret),
                 "--db", database_url]) == 0
    return postgres.url(str(database), user=name, password=password)


def test_each_role_writes_only_what_it_may(postgres, pg_database, tmp_path, capsys):
    assert main(["admin", "init-server", "--db", pg_database]) == 0
    urls = {role: _user(postgres, pg_database, role, tmp_path) for role in ROLES}
    out = capsys.readouterr().out
    for role in ROLES:
        assert _("User {name} created in {group}.").format(
            name=f"{role}_{make_url(pg_database).database}", group=group_role(role)) in out

    officer = open_server(urls[OFFICER])
    try:
        register.save_organisation(officer, None, {"name_fi": "Vaasan Kyläyhdistys ry"})
        body_id, _changes = meetings.create_body(officer, "Pohjanmaan kumppanuuspöytä")
    finally:
        officer.close()

    secretary = open_server(urls[SECRETARY])
    try:
        meeting_id, _changes = meetings.create_meeting(secretary, body_id, dt.date(2026, 12, 14))
        meetings.update_meeting(secretary, meeting_id, place="Vaasan kaupungintalo")
        with pytest.raises(ServerRefusal, match=re.escape(_("Your role on the server may not change the register."))):
            register.save_organisation(secretary, None, {"name_fi": "Kokkolan Nuorisoseura ry"})
        assert register.count_organisations(secretary) == 1  # nothing was saved
    finally:
        secretary.close()

    reader = open_server(urls[READONLY])
    try:
        assert register.count_organisations(reader) == 1
        # A search keeps the count of a short word for everyone, whoever searched.
        assert register.count(reader, RegisterQuery(text="ky")) == 1
        with reader.read() as session:
            assert session.execute(text(f"SELECT word, documents FROM {short_words.TABLE}")).all() \
                == [("ky", 1)]
        # Rows copied in bulk are refused as any write is.
        with pytest.raises(ServerRefusal), reader.read() as session:
            insert_rows(session.connection(), "organisation_listing", ("id",), [(7,), (8,)])
        with reader.read() as session:
            assert meetings.find_meeting(session, meeting_id.hex[:8]).place == "Vaasan kaupungintalo"
        with pytest.raises(ServerRefusal, match=re.escape(_("Your role on the server is read-only: it may not change anything."))):
            meetings.create_meeting(reader, body_id, dt.date(2027, 1, 11))
    finally:
        reader.close()

    # A changed role holds at once; a wrong password is refused in plain words.
    capsys.readouterr()
    assert main(["admin", "add-user", f"{READONLY}_{make_url(pg_database).database}",
                 "--role", OFFICER, "--keep-password", "--db", pg_database]) == 0
    assert "kumppani_officer" in capsys.readouterr().out
    promoted = open_server(urls[READONLY])
    try:
        register.save_organisation(promoted, None, {"name_fi": "Närpiön Marttayhdistys"})
    finally:
        promoted.close()
    with pytest.raises(KnownError, match=re.escape(_("The server did not accept the user name and password."))):
        open_server(urls[READONLY].replace("salasana", "väärä"))

    # A database without the schema (or with an older one): the user's role may not create it.
    empty = postgres.create_database()
    try:
        with pytest.raises(KnownError, match="init-server"):
            open_server(urls[SECRETARY].replace(f"/{make_url(pg_database).database}", f"/{empty}"))
    finally:
        postgres.drop_database(empty)
