"""A real PostgreSQL server for the tests, started in a temporary directory (Debian's
``postgresql`` package, which the README's test command installs) and stopped at the end.

One cluster per test session; each test gets its own database, copied from a template that
was migrated (and, for the demo, filled) once — ``CREATE DATABASE … TEMPLATE`` copies files,
as the SQLite fixtures copy the template file. The server listens on a Unix socket in its
directory (trusted: the tests' own superuser) and on 127.0.0.1 with passwords (scram), where the
role tests connect as the roles ``admin init-server`` creates.

PostgreSQL refuses to run as root: under root (CI) the server runs as the ``postgres`` user.
"""

from __future__ import annotations

import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "postgres"


def find_bin_dir() -> Path:
    """The newest installed server's programs (Debian keeps them out of PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    raise RuntimeError(
        "The tests need a PostgreSQL server: install Debian's package with "
        "`sudo apt-get install postgresql` (bash .ci/run does, as root)."
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    root: Path
    port: int
    bin_dir: Path
    _user: str | None = None
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def start(cls) -> PostgresServer:
        bin_dir = find_bin_dir()
        root = Path(tempfile.mkdtemp(prefix="kumppani-pg-"))
        user = None
        if os.geteuid() == 0:
            user = "postgres"
            entry = pwd.getpwnam(user)
            os.chown(root, entry.pw_uid, entry.pw_gid)
        server = cls(root, _free_port(), bin_dir, user)
        server._run("initdb", "-D", str(server.data), "-U", SUPERUSER, "--no-locale",
                    "-E", "UTF8", "--auth-local=trust", "--auth-host=scram-sha-256")
        server._run(
            "pg_ctl", "-D", str(server.data), "-l", str(root / "server.log"), "-w", "start",
            "-o", f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                  "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        )
        return server

    @property
    def data(self) -> Path:
        return self.root / "data"

    def _run(self, program: str, *args: str) -> None:
        result = subprocess.run([str(self.bin_dir / program), *args], user=self._user,
                                capture_output=True, text=True, check=False, cwd=self.root)
        if result.returncode != 0:
            log = self.root / "server.log"
            raise RuntimeError(f"{program} failed: {result.stderr}{result.stdout}"
                               + (log.read_text() if log.exists() else ""))

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases -----------------------------------------------------------------------

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        """A URL over the socket (the superuser, trusted) or, with a password, over TCP."""
        if password is None:
            return f"postgresql+psycopg://{user}@/{database}?host={self.root}&port={self.port}"
        return f"postgresql+psycopg://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def execute(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host=str(self.root), port=self.port, user=SUPERUSER,
                             dbname=database, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)  # type: ignore[arg-type]

    def create_database(self, template: str | None = None, prefix: str = "test",
                        ctype: str | None = None) -> str:
        """A new database, copied from ``template``; or, with ``ctype``, an empty one of that
        character type (LC_CTYPE; the cluster's is C) that compares bytes ("C")."""
        name = f"{prefix}_{next(self._names)}"
        if ctype is not None:
            assert template is None and re.fullmatch(r"[\w.-]+", ctype), ctype
            self.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                         f"LC_COLLATE 'C' LC_CTYPE '{ctype}'")
        else:
            self.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def open_at_once(url: str, count: int, timeout: float = 30):  # noqa: ANN201 - (stores, errors)
    """``count`` users opening the database at ``url`` at the same moment (threads): the stores
    that opened and the errors of those that did not."""
    import threading

    from desktop.storage.store import Store

    opened: list[Store] = []
    failed: list[BaseException] = []

    def start() -> None:
        try:
            opened.append(Store.open(url))
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            failed.append(exc)

    threads = [threading.Thread(target=start) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return opened, failed
