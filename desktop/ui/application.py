"""Composition root of the GUI: settings, language, the store, the main window."""

from __future__ import annotations

import logging
import os
import sys
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


def open_store(path: Path, parent: QWidget | None, demo: bool | None, officer: str) -> Store | None:
    """Open ``path``; on a new file fill it with demo data if asked (``None``: ask the user)."""
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
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return None
    if store.report.backup is not None:
        log.info("database upgraded; backup at %s", store.report.backup)
    return store


def run_gui(db_path: Path | None = None, demo: bool = False, language: str | None = None) -> int:
    settings = Settings.load()
    set_language(language or settings.language)
    app = application()
    install_excepthook()
    install_qt_translator(current_language())
    path = db_path or paths.default_db_path()
    store = open_store(path, None, True if demo else None, settings.officer_name)
    if store is None:
        return 1
    settings.remember_database(path)
    window = MainWindow(
        store,
        settings,
        open_store=lambda p: open_store(p, window, None, settings.officer_name),
    )
    if store.report.upgraded_from:
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
