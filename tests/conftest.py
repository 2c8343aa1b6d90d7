"""Shared fixtures: every test gets its own directories and a copy of a template database.

The storage and service tests (``tests/storage``, ``tests/unit``) that take ``store`` or
``demo_store`` run twice: on SQLite and on a real PostgreSQL server (``postgres_server``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.storage.store import Store  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402

if TYPE_CHECKING:
    from tests.mnemonics import DialogWatch

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
BACKENDS = ("sqlite", "postgresql")
# The tests of the storage and the services run on both backends.
BOTH_BACKENDS = (TESTS / "storage", TESTS / "unit")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    uses_store = "backend" in metafunc.fixturenames  # through store or demo_store
    path = Path(str(metafunc.definition.path))
    # @pytest.mark.sqlite_only("why"): what only a file has (backups of it, its header).
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    if uses_store and any(path.is_relative_to(folder) for folder in BOTH_BACKENDS):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The backend of ``store`` and ``demo_store``: SQLite unless the test runs on both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer.start()
    yield server
    server.stop()


def _pg_template(server: PostgresServer, demo: bool) -> str:
    name = server.create_database(prefix="template_demo" if demo else "template_empty")
    store = Store.open(server.url(name))
    if demo:
        from desktop.services.demo import create_demo

        create_demo(store)
    store.close()  # a template must have no connections
    return name


@pytest.fixture(scope="session")
def pg_empty_template(postgres: PostgresServer) -> str:
    return _pg_template(postgres, demo=False)


@pytest.fixture(scope="session")
def pg_demo_template(postgres: PostgresServer) -> str:
    return _pg_template(postgres, demo=True)


@pytest.fixture
def pg_database(postgres: PostgresServer, pg_empty_template: str) -> Iterator[str]:
    """The URL of a new database on the test server, at the current schema and empty."""
    name = postgres.create_database(template=pg_empty_template)
    yield postgres.url(name)
    postgres.drop_database(name)


def _open_on(backend: str, request: pytest.FixtureRequest, template: Path,
             tmp_path: Path, demo: bool) -> Iterator[Store]:
    if backend == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres")
        pg_template = request.getfixturevalue("pg_demo_template" if demo else "pg_empty_template")
        name = server.create_database(template=pg_template)
        store = Store.open(server.url(name))
        yield store
        store.close()
        server.drop_database(name)
        return
    store = _copy_and_open(template, tmp_path)
    yield store
    store.close()


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real user's files; every test starts in Finnish."""
    home = tmp_path / "userdirs"
    monkeypatch.setenv("KUMPPANI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("KUMPPANI_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("KUMPPANI_DB", raising=False)
    monkeypatch.delenv("KUMPPANI_PORTABLE", raising=False)
    i18n.set_language("fi")
    return home


def _template(tmp_path_factory: pytest.TempPathFactory, name: str, demo: bool) -> Path:
    path = tmp_path_factory.mktemp("templates") / f"{name}.sqlite3"
    store = Store.open(path, backup_dir=path.parent / "backups")
    if demo:
        from desktop.services.demo import create_demo

        create_demo(store)
    store.close()
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory, "empty", demo=False)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory, "demo", demo=True)


def _copy_and_open(template: Path, tmp_path: Path) -> Store:
    # Built once, copied per test (as Anki does): every test writes to its own file.
    target = tmp_path / "kumppani.sqlite3"
    shutil.copyfile(template, target)
    return Store.open(target, backup_dir=tmp_path / "backups")


@pytest.fixture
def store(backend: str, request: pytest.FixtureRequest, empty_template: Path,
          tmp_path: Path) -> Iterator[Store]:
    yield from _open_on(backend, request, empty_template, tmp_path, demo=False)


@pytest.fixture
def demo_store(backend: str, request: pytest.FixtureRequest, demo_template: Path,
               tmp_path: Path) -> Iterator[Store]:
    yield from _open_on(backend, request, demo_template, tmp_path, demo=True)


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    """Another user of ``store``'s database, Aino, who saves while the first one edits."""
    second = Store.open(store.path or store.location)
    second.officer = "Aino Ärölä"
    yield second
    second.close()


_dialogs: DialogWatch | None = None


@pytest.fixture(autouse=True)
def dialogs_have_no_mnemonic_clash(request: pytest.FixtureRequest) -> Iterator[None]:
    """In every test that drives widgets (it asks for ``qtbot``), no dialog shown has two
    controls with one Alt+letter; the main window's pages are walked in test_mnemonics.py."""
    global _dialogs
    if "qtbot" not in request.fixturenames:
        yield
        return
    if _dialogs is None:
        from tests.mnemonics import DialogWatch

        _dialogs = DialogWatch("desktop.")
        request.getfixturevalue("qapp").installEventFilter(_dialogs)
    _dialogs.found.clear()
    yield
    assert _dialogs.found == []
