"""Connecting to a server from the GUI: the dialog tests the connection against the real test
server and says why it fails; opened, the window names the server and its password is kept in
the keyring (an in-memory one here, never the user's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from desktop.services.server.locations import display_url
from desktop.services.server.passwords import SERVICE
from desktop.settings import Settings
from desktop.storage import migrate
from desktop.storage.roles import SECRETARY, add_user, init_roles
from desktop.storage.store import Store
from desktop.ui.application import open_store, remember_location
from desktop.ui.dialogs.server_connection import ServerDialog
from desktop.ui.mainwindow import MainWindow
from tests.memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401 - a fixture

PASSWORD = "Pöytäkirja-2026"


def test_the_dialog_tests_the_connection_and_opens_the_server(
        qtbot, postgres, pg_database, monkeypatch, memory_keyring: MemoryKeyring):  # noqa: F811
    database = str(make_url(pg_database).database)
    user = f"sihteeri_{database}"
    engine = create_engine(pg_database)
    try:
        init_roles(engine)
        add_user(engine, user, SECRETARY, PASSWORD)
    finally:
        engine.dispose()

    dialog = ServerDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.test_button.isEnabled()
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.setValue(postgres.port)
    qtbot.keyClicks(dialog.database, "kumpani")  # mistyped
    qtbot.keyClicks(dialog.user, user)
    dialog.password.insert(PASSWORD)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "kumpani" in dialog.result_label.text()
    assert "PostgreSQL" not in dialog.result_label.text()

    dialog.database.setText(database)
    # click(), not a second mouseClick at once: that one could be taken for a double click.
    dialog.test_button.click()
    shown = dialog.result_label.text()
    assert "PostgreSQL 15" in shown and migrate.head_revision() in shown
    dialog.grab().save("/tmp/server-dialog.png")

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ServerDialog.DialogCode.Accepted and dialog.store is not None
    location = display_url(dialog.store.location)
    assert memory_keyring.passwords == {(SERVICE, location): PASSWORD}

    settings = Settings()
    window = MainWindow(dialog.store, settings)
    qtbot.addWidget(window)
    remember_location(settings, window.store)  # as after the dialog: opened at the next start
    assert settings.server == location and PASSWORD not in location
    assert f"{database} @ 127.0.0.1" in window.windowTitle()
    assert "127.0.0.1" in window.db_label.text()
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window.backup_now()
    assert "pg_dump" in told[0]
    window.store.close()

    # The next start opens the remembered server with the keyring's password, asking nothing.
    again = open_store(settings.server, None, None, "Anna")
    assert again is not None and display_url(again.location) == location and again.officer == "Anna"
    again.close()


def test_the_status_bar_shows_a_servers_socket_folder_as_a_path(qtbot, pg_database):
    store = Store.open(pg_database)
    try:
        window = MainWindow(store, Settings())
        qtbot.addWidget(window)
        folder = make_url(pg_database).query["host"]
        assert folder.startswith("/") and f"host={folder}" in window.db_label.text()
        assert "%2F" not in window.db_label.text()
    finally:
        store.close()
