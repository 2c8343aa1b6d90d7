"""The command line on a server: ``--db URL`` and ``KUMPPANI_DB``, the password asked on a
terminal and kept in the keyring (an in-memory one registered for the test), never echoed."""

from __future__ import annotations

import getpass
import io
import sys

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.services.server.locations import display_url
from desktop.services.server.passwords import SERVICE
from desktop.storage.roles import OFFICER, add_user, init_roles
from tests.memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401 - a fixture


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_server_url_from_the_option_or_the_environment(pg_database, monkeypatch, capsys):
    assert main(["info", "--db", pg_database]) == 0
    assert f"Tietokanta: {display_url(pg_database)}\n" in capsys.readouterr().out
    monkeypatch.setenv("KUMPPANI_DB", pg_database)
    assert main(["info"]) == 0
    assert "Järjestöt: 0" in capsys.readouterr().out
    assert main(["backup"]) == 1
    assert "pg_dump" in capsys.readouterr().err


def test_the_password_is_asked_on_a_terminal_and_kept_in_the_keyring(
        postgres, pg_database, monkeypatch, capsys, memory_keyring: MemoryKeyring):  # noqa: F811
    engine = create_engine(pg_database)
    try:
        init_roles(engine)
        name = f"cli_{make_url(pg_database).database}"
        add_user(engine, name, OFFICER, "Kaksi-Sanaa-äö")
    finally:
        engine.dispose()
    url = display_url(postgres.url(str(make_url(pg_database).database), user=name, password="x"))
    assert ":x@" not in url

    monkeypatch.setattr(sys, "stdin", io.StringIO())  # no terminal: a one-line reason
    assert main(["info", "--db", url]) == 1
    err = capsys.readouterr().err.strip()
    assert "password" in err and "\n" not in err

    prompts: list[str] = []

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return "Kaksi-Sanaa-äö"

    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", typed)
    assert main(["info", "--db", url, "--remember-password"]) == 0
    assert prompts and url in prompts[0] and "Kaksi" not in capsys.readouterr().out
    assert memory_keyring.passwords == {(SERVICE, url): "Kaksi-Sanaa-äö"}

    monkeypatch.setattr(sys, "stdin", io.StringIO())  # from the keyring now, not asked
    assert main(["--db", url.replace("postgresql+psycopg://", "postgresql://"), "info"]) == 0
    assert len(prompts) == 1

    memory_keyring.passwords[SERVICE, url] = "vanha"
    assert main(["info", "--db", url]) == 1
    assert "password" in capsys.readouterr().err


@pytest.mark.parametrize("given", ["postgresql+psycopg://anna@db.example.fi/kumppani",
                                   "postgresql://anna:salainen@db.example.fi:5433/kumppani"])
def test_the_keyring_key_has_no_password(given):
    key = display_url(given)
    assert key.startswith("postgresql+psycopg://anna@db.example.fi") and "salainen" not in key


def test_a_server_address_that_is_no_url_is_told_without_repeating_it(capsys):
    assert main(["--db", "postgresql+psycopg://aino:salainen@palvelin:viisi/kumppani",
                 "sync", "conflicts"]) == 1
    error = capsys.readouterr().err
    assert "USER@HOST:PORT/DATABASE" in error
    assert "salainen" not in error
