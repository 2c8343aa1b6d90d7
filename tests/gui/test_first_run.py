"""First run: a new database is filled with demo data when asked; opening files from the GUI."""

from desktop.services.register import count_organisations
from desktop.ui.application import open_store


def test_demo_on_first_run_fills_a_new_database(qtbot, tmp_path):
    store = open_store(tmp_path / "new.sqlite3", None, True, "Officer")
    assert store is not None
    assert count_organisations(store) >= 150
    assert store.officer == "Officer"
    store.close()


def test_start_empty_when_the_user_says_so(qtbot, tmp_path):
    store = open_store(tmp_path / "empty.sqlite3", None, False, "")
    assert count_organisations(store) == 0
    store.close()


def test_an_existing_database_is_opened_as_it_is(qtbot, demo_store):
    before = count_organisations(demo_store)
    store = open_store(demo_store.path, None, True, "")
    assert count_organisations(store) == before
    store.close()


def test_a_broken_file_shows_a_message_and_opens_nothing(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    path = tmp_path / "broken.sqlite3"
    path.write_text("not a database")
    assert open_store(path, None, None, "") is None
    assert "broken.sqlite3" in shown[0]
