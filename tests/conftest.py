"""Shared fixtures: every test gets its own directories and a copy of a template database."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.storage.store import Store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


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
def store(empty_template: Path, tmp_path: Path) -> Iterator[Store]:
    store = _copy_and_open(empty_template, tmp_path)
    yield store
    store.close()


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    store = _copy_and_open(demo_template, tmp_path)
    yield store
    store.close()
