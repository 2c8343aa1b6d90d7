"""Opening the database on a server and testing a connection, with reasons in plain words.

A connection is tried first as the URL says: the server may trust this computer, or libpq may
find the password in ``~/.pgpass`` or ``PGPASSWORD``; only when the server asks for a password
is the keyring consulted, and then the user (``PasswordNeeded``, which the caller answers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import text

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.services.server import passwords
from desktop.services.server.locations import ServerAddress, checked_url, display_url
from desktop.storage import migrate
from desktop.storage.dialect import create_server_engine, server_url
from desktop.storage.roles import server_role
from desktop.storage.store import Store


class PasswordNeeded(KnownError):
    """The server asks for a password that neither the URL nor the keyring gave (or the one
    they gave was wrong)."""


def open_server(location: str, password: str | None = None) -> Store:
    """Open the database at ``location`` (a URL) with ``password`` (None: as the URL says),
    upgrading its schema if this user may; errors come as ``KnownError`` in plain words."""
    url = server_url(checked_url(location), password)
    try:
        store = Store.open(url)
    except KnownError as exc:
        raise _plain_error(exc, location) from exc
    return store


def open_with_keyring(location: str) -> Store:
    """``open_server`` as the URL says, then with the keyring's password; ``PasswordNeeded``
    when the server still asks for one."""
    try:
        return open_server(location)
    except PasswordNeeded:
        stored = passwords.stored_password(location)
        if stored is None:
            raise
    return open_server(location, stored)


def _plain_error(exc: KnownError, location: str) -> KnownError:
    driver = _driver_error(exc)
    if driver is None:
        return exc
    if getattr(driver, "sqlstate", None) == "42501":
        # The schema is missing or older, and this user may not create or upgrade it.
        return KnownError(_(
            "The database on the server has no Kumppani schema of this version ({revision}) and "
            "your role may not create it: the server's administrator runs kumppani admin "
            "init-server of this version. Nothing was changed."
        ).format(revision=migrate.head_revision()))
    reason = connection_reason(driver, location)
    if needs_password(driver):
        return PasswordNeeded(reason)
    return KnownError(_("Cannot open {location}: {reason}").format(
        location=display_url(location), reason=reason))


def _driver_error(exc: BaseException) -> BaseException | None:
    """The database driver's error behind ``exc`` (following the chain of causes)."""
    seen = exc
    while seen is not None:
        orig = getattr(seen, "orig", None)
        if orig is not None:
            return orig
        if type(seen).__module__.startswith("psycopg"):
            return seen
        seen = seen.__cause__ or seen.__context__  # type: ignore[assignment]
    return None


def needs_password(error: BaseException) -> bool:
    message = str(error)
    return "no password supplied" in message or "password authentication failed" in message


def _server_message(message: str) -> str:
    """libpq's message without its preamble: what the server (or the network) said."""
    detail = message.rsplit("failed: ", 1)[-1]
    return " ".join(detail.replace("FATAL:", "").split())


def connection_reason(error: BaseException, location: str) -> str:
    """Why a connection failed, in words a liaison officer (or IT on the phone) can act on."""
    message = str(error)
    address = ServerAddress.of(location)
    if "no password supplied" in message:
        return _("The server asks for a password.")
    if "password authentication failed" in message:
        return _("The server did not accept the user name and password.")
    if (found := re.search(r'database "([^"]+)" does not exist', message)) is not None:
        return _("The server has no database named {name}.").format(name=found.group(1))
    if (found := re.search(r'role "([^"]+)" does not exist', message)) is not None:
        return _("The server has no user named {name}.").format(name=found.group(1))
    if "Connection refused" in message or "No such file or directory" in message:
        return _("Nothing answers at {host}, port {port}: is the server running, and are the "
                 "host and port right?").format(host=address.host, port=address.port)
    if "resolve host" in message or "translate host name" in message:
        return _("No computer named {host} was found.").format(host=address.host)
    if "timeout expired" in message or "timed out" in message:
        return _("The server did not answer in time.")
    if "pg_hba.conf" in message:
        return _("The server does not accept this connection from this computer (its "
                 "pg_hba.conf): {detail}").format(detail=_server_message(message))
    return _server_message(message)


# -- testing a connection --------------------------------------------------------------------


@dataclass(frozen=True)
class ServerCheck:
    ok: bool
    message: str  # what was found, or why the connection failed
    server_version: str = ""
    revision: str | None = None
    role: str | None = None


def check_connection(location: str, password: str | None = None) -> ServerCheck:
    """Connect (without changing anything) and tell what is there: the server's version,
    whether the database holds Kumppani's schema and at which revision, the user's role."""
    engine = create_server_engine(server_url(location, password or None))
    try:
        with engine.connect() as connection:
            version = str(connection.scalar(text("SHOW server_version"))).split(" ")[0]
            trigram = connection.scalar(text(
                "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'"))
        revision = migrate.current_revision(engine)
        role = server_role(engine)
    except Exception as exc:
        driver = _driver_error(exc)
        if driver is None:
            raise
        return ServerCheck(False, connection_reason(driver, location))
    finally:
        engine.dispose()
    found = _("Connected: PostgreSQL {version}.").format(version=version)
    return ServerCheck(True, " ".join(_schema_lines(revision, trigram > 0, role, found)),
                       version, revision, role)


def _schema_lines(revision: str | None, trigram: bool, role: str | None, found: str) -> Iterator[str]:
    yield found
    head = migrate.head_revision()
    if revision is None:
        yield _("The database holds no Kumppani schema yet: the server's administrator creates "
                "it with kumppani admin init-server.")
        if not trigram:
            yield _("The server lacks the pg_trgm extension (PostgreSQL's contrib package).")
    elif revision == head:
        yield _("Kumppani's schema is there, at the current version ({revision}).").format(
            revision=revision)
    elif revision in migrate.known_revisions():
        yield _("Kumppani's schema is at an older version ({revision}; this Kumppani needs "
                "{head}): the server's administrator upgrades it with kumppani admin "
                "init-server.").format(revision=revision, head=head)
    else:
        yield _("The schema was made by a newer Kumppani ({revision}): update Kumppani to "
                "open it.").format(revision=revision)
    if revision is not None:
        yield role_text(role)


def role_text(role: str | None) -> str:
    from desktop.storage.roles import OFFICER, READONLY, SECRETARY

    return {
        OFFICER: _("Your role: officer (may change everything)."),
        SECRETARY: _("Your role: secretary (may change meetings, reads the register)."),
        READONLY: _("Your role: read-only."),
    }.get(role or "", _("Your role: none of Kumppani's (the database's owner or a superuser)."))
