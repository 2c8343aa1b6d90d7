"""Composition root of the GUI: settings, language, the store, the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import APP_NAME, __version__, paths
from desktop.errors import KnownError
from desktop.i18n import _, current_language, set_language
from desktop.settings import Settings
from desktop.storage.store import Store
from desktop.ui.errors import install_excepthook
from desktop.ui.mainwindow import MainWindow
from desktop.ui.translator import install_qt_translator
from desktop.ui.worker import run_with_progress

log = logging.getLogger(__name__)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    icon = paths.resources_dir() / "icons" / "kumppani.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def ask_first_run(parent: QWidget | None, path: Path) -> str:
    """On a first run: 'demo', 'empty' or 'cancel'."""
    box = QMessageBox(parent)
    box.setWindowTitle(_("Welcome to Kumppani"))
    box.setText(_("There is no database yet at {path}.").format(path=path))
    box.setInformativeText(
        _("Create a demo database to look around, or start with an empty register.")
    )
    demo = box.addButton(_("Create demo data"), QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(_("Start empty"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(demo)
    box.exec()
    clicked = box.clickedButton()
    return "demo" if clicked is demo else "empty" if clicked is empty else "cancel"


Failure = Callable[[str, Path | str], Store | None]


def open_store(path: Path | str, parent: QWidget | None, demo: bool | None, officer: str,
               on_failure: Failure | None = None) -> Store | None:
    """Open ``path`` (a file or a server's URL); on a new file fill it with demo data if asked
    (``None``: ask the user). When opening fails, ``on_failure(reason, path)`` may offer
    another database (default: the reason is shown)."""
    if isinstance(path, str):
        store = open_server_store(path, parent, on_failure)
        if store is not None:
            store.officer = officer
        return store
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new and demo is None:
        choice = ask_first_run(parent, path)
        if choice == "cancel":
            return None
        demo = choice == "demo"
    try:
        if Store.is_current(path):
            store = Store.open(path)  # quick: no thread, no progress dialog
        else:
            store = run_with_progress(
                parent, _("Opening {name}…").format(name=path.name), lambda: Store.open(path)
            )
        store.officer = officer
        if is_new and demo:
            from desktop.services.demo import create_demo

            run_with_progress(parent, _("Creating demo data…"), lambda: create_demo(store))
    except KnownError as exc:
        if on_failure is not None:
            return on_failure(str(exc), path)
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return None
    if store.report.backup is not None:
        log.info("database upgraded; backup at %s", store.report.backup)
    return store


def open_server_store(location: str, parent: QWidget | None,
                      on_failure: Failure | None = None) -> Store | None:
    """The server's database, with the keyring's password; the connection dialog asks for one
    when the server wants it (and, at start, when opening fails)."""
    from desktop.services.server.connection import PasswordNeeded, open_with_keyring
    from desktop.services.server.locations import short_name

    try:
        return run_with_progress(parent, _("Connecting to {name}…").format(name=short_name(location)),
                                 lambda: open_with_keyring(location))
    except PasswordNeeded as exc:
        return connect_to_server(parent, location, str(exc))
    except KnownError as exc:
        if on_failure is not None:
            return on_failure(str(exc), location)
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return None


def connect_to_server(parent: QWidget | None, location: str = "", reason: str = "") -> Store | None:
    from desktop.ui.dialogs.server_connection import ServerDialog

    dialog = ServerDialog(parent, location, reason)
    dialog.exec()
    return dialog.store


def remember_location(settings: Settings, store: Store) -> None:
    """The database to open at the next start: this server (its URL without the password),
    or the default file again, this file among the recent ones."""
    if store.path is None:
        from desktop.services.server.locations import display_url

        settings.server = display_url(store.location)
    else:
        settings.server = ""
        settings.remember_database(store.path)


def _name(location: Path | str) -> str:
    from desktop.services.server.locations import display_url

    return str(location) if isinstance(location, Path) else display_url(location)


def _at_start_failure(officer: str) -> Failure:
    """At start, when the database does not open: connect to a server, open the local file
    (when it was the server that failed) or quit."""
    def offer(reason: str, failed: Path | str) -> Store | None:
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, reason)
        server = box.addButton(_("Connect to a server…"), QMessageBox.ButtonRole.AcceptRole)
        local = None
        if isinstance(failed, str):
            local = box.addButton(_("Open the database on this computer"),
                                  QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is server:
            return connect_to_server(None, failed if isinstance(failed, str) else "", "")
        if local is not None and box.clickedButton() is local:
            return open_store(paths.default_db_path(), None, None, officer, offer)
        return None

    return offer


def run_gui(location: Path | str | None = None, demo: bool = False, language: str | None = None) -> int:
    from desktop.services.server.locations import default_location

    settings = Settings.load()
    set_language(language or settings.language)
    app = application()
    install_excepthook()
    install_qt_translator(current_language())
    path = location or default_location(settings)
    store = open_store(path, None, True if demo else None, settings.officer_name,
                       _at_start_failure(settings.officer_name))
    if store is None:
        return 1
    store.officer = settings.officer_name
    if _name(store.path or store.location) != _name(path):
        remember_location(settings, store)  # another one, chosen when this one did not open
    elif store.path is not None:
        settings.remember_database(store.path)  # --db, KUMPPANI_DB: once, not from now on
    window = MainWindow(
        store,
        settings,
        open_store=lambda p: open_store(p, window, None, settings.officer_name),
    )
    if store.report.backup:  # a file's upgrade (a server keeps no backup of ours)
        window.statusBar().showMessage(
            _("The database was upgraded; a backup was taken first: {path}").format(
                path=store.report.backup
            ),
            15000,
        )
    window.show()
    if os.environ.get("KUMPPANI_EXIT_WHEN_SHOWN"):
        # Benchmarks and the installer's smoke test: start fully, then leave at once.
        QTimer.singleShot(0, window.close)
    code = app.exec()
    window.store.close()  # the store open now: File > Open may have replaced the first one
    return code
