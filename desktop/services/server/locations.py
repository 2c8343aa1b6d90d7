"""Where the database is: a file on this computer or a database on a server (a URL)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop import paths
from desktop.errors import KnownError
from desktop.i18n import _
from desktop.settings import Settings

# display_url: the one form of a server URL people see and the keyring keys on; the UI gets it here.
from desktop.storage.dialect import display_url as display_url
from desktop.storage.dialect import is_server_url

DEFAULT_PORT = 5432


def as_location(text: str | Path) -> Path | str:
    """A ``--db`` value or a remembered entry: a server's URL as it is, anything else a path."""
    if isinstance(text, Path):
        return text
    return checked_url(text) if is_server_url(text) else Path(text).expanduser()


def checked_url(location: str) -> str:
    """``location`` if it reads as a server's URL, else a ``KnownError`` (that does not repeat
    the text: it may hold a password)."""
    try:
        make_url(location)
    except (ArgumentError, ValueError):
        raise KnownError(_("The server's address is not valid: it should read "
                           "postgresql+psycopg://USER@HOST:PORT/DATABASE, with a number for "
                           "the port.")) from None
    return location


def default_location(settings: Settings | None = None) -> Path | str:
    """The database to open when none is given: ``KUMPPANI_DB``, then the server the user
    last connected to, then the default file."""
    if os.environ.get(paths.ENV_DB):
        return as_location(os.environ[paths.ENV_DB])
    settings = settings or Settings.load()
    if settings.server:
        return settings.server
    return paths.default_db_path()


@dataclass(frozen=True)
class ServerAddress:
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    # libpq's sslmode: "" (its default, prefer: TLS when the server offers it), require,
    # verify-ca or verify-full.
    sslmode: str = ""
    # Other connection parameters of the URL (sslrootcert, say), kept as they were.
    options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, location: str) -> ServerAddress:
        url = make_url(location)
        query = {key: str(value) for key, value in url.query.items()}
        host = url.host or query.pop("host", "")
        port = url.port or int(query.pop("port", DEFAULT_PORT) or DEFAULT_PORT)
        query.pop("host", None)
        query.pop("port", None)
        sslmode = query.pop("sslmode", "")
        return cls(host, port, url.database or "", url.username or "", sslmode,
                   tuple(sorted(query.items())))

    def url(self) -> str:
        query = dict(self.options)
        if self.sslmode:
            query["sslmode"] = self.sslmode
        host: str | None = self.host.strip() or None
        port: int | None = self.port
        if host is not None and host.startswith("/"):  # a Unix socket's directory
            query.update(host=host, port=str(self.port))
            host = port = None
        return URL.create("postgresql+psycopg", username=self.user.strip() or None, host=host,
                          port=port, database=self.database.strip() or None,
                          query=query).render_as_string()


def short_name(location: Path | str) -> str:
    """A window title's name for the database: the file's name, or the database and server."""
    if isinstance(location, Path) or not is_server_url(location):
        return Path(location).name
    address = ServerAddress.of(location)
    return f"{address.database} @ {address.host}" if address.host else address.database
