"""The main window: navigation, menus, status bar; pages are built from services."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop import APP_NAME, __version__, paths
from desktop.i18n import LANGUAGES, N_, _, current_language, ngettext, set_language
from desktop.services import register
from desktop.services.server.locations import display_url, short_name
from desktop.settings import Settings
from desktop.storage.backup import backup_database
from desktop.storage.store import Store
from desktop.storage.tracking import Changes
from desktop.ui.meetings.common import ask
from desktop.ui.pages.base import Page
from desktop.ui.pages.checklist import ChecklistPage
from desktop.ui.pages.grants import GrantsPage
from desktop.ui.pages.meetings import MeetingsPage
from desktop.ui.pages.network import NetworkPage
from desktop.ui.pages.premises import PremisesPage
from desktop.ui.pages.register import RegisterPage
from desktop.ui.pages.sync import SyncPage
from desktop.ui.translator import install_qt_translator

log = logging.getLogger(__name__)

# (key remembered in settings, navigation label, page class)
PAGES: list[tuple[str, str, type[Page]]] = [
    ("register", N_("Register"), RegisterPage),
    ("meetings", N_("Meetings"), MeetingsPage),
    ("grants", N_("Grants"), GrantsPage),
    ("checklist", N_("Checklist"), ChecklistPage),
    ("network", N_("Liaison network"), NetworkPage),
    ("premises", N_("Premises"), PremisesPage),
    ("sync", N_("Sync"), SyncPage),
]


REMOTE_POLL_MS = 2000


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        settings: Settings,
        open_store: Callable[[Path | str], Store | None] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self._open_store = open_store
        self._undo: list[tuple[str, Callable[[], Changes]]] = []
        self.setMinimumSize(QSize(800, 500))
        self.store.subscribe(self._on_changes)
        # Other users' saves (a shared server, or another program on the file) redraw the pages
        # as this window's own do; watching starts before the pages first read.
        self.store.poll_remote_changes()
        self._remote_timer = QTimer(self)
        self._remote_timer.timeout.connect(lambda: self.store.poll_remote_changes())
        self._remote_timer.start(REMOTE_POLL_MS)
        self._build()
        self._restore_window()
        if settings.sync_folder:  # sync's shared folder: the others' files, once the window is up
            from desktop.ui.sync.folder_hooks import import_at_start

            QTimer.singleShot(0, self, lambda: import_at_start(self))

    # -- building (and rebuilding when the language changes) ------------------------------

    def _build(self) -> None:
        self.setWindowTitle(f"{APP_NAME} — {short_name(self.store.path or self.store.location)}")
        for action in self.menuBar().actions():  # clear() alone would leave the menus alive
            menu = action.menu()
            if menu is not None:
                menu.deleteLater()
        self.menuBar().clear()
        for action in self.findChildren(QAction):
            if action.parent() is self:
                action.deleteLater()
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 12pt; } "
                               "QListWidget#navigation::item { padding: 8px; }")
        self.stack = QStackedWidget(central)
        # Pages are built when first shown: a cold start reads only what the first page shows.
        self.pages: dict[str, Page] = {}
        for _key, title, _class in PAGES:
            self.nav.addItem(_(title))
            self.stack.addWidget(QWidget(self.stack))
        self.nav.currentRowChanged.connect(self._show_page)
        # As wide as the longest section name in this language (Yhdyshenkilöverkosto is long).
        self.nav.ensurePolished()
        self.nav.setFixedWidth(max(170, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        if not hasattr(self, "db_label"):
            self.db_label = QLabel()
            self.statusBar().addPermanentWidget(self.db_label)
        self.db_label.setText(self._database_text())
        keys = [key for key, _t, _c in PAGES]
        start = keys.index(self.settings.last_page) if self.settings.last_page in keys else 0
        self.nav.setCurrentRow(start)

    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            index = [k for k, _t, _c in PAGES].index(key)
            page = PAGES[index][2](self.store, self.stack)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = page
            if isinstance(page, RegisterPage):
                page.status_changed.connect(self._update_status)
        return self.pages[key]

    @property
    def register_page(self) -> RegisterPage:
        page = self.page("register")
        assert isinstance(page, RegisterPage)
        return page

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self._action(_("&New database…"), self.new_database, QKeySequence.StandardKey.New))
        file_menu.addAction(self._action(_("&Open database…"), self.open_database, QKeySequence.StandardKey.Open))
        file_menu.addAction(self._action(_("&Connect to a server…"), self.connect_to_server))
        file_menu.addAction(self._action(_("&Back up now"), self.backup_now, "Ctrl+B"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Import organisations…"), self.import_organisations, "Ctrl+I"))
        file_menu.addAction(self._action(_("&Export the register…"), self.export_register, "Ctrl+E"))
        file_menu.addAction(self._action(_("Export open &data…"), self.export_open_data, "Ctrl+Shift+O"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu(_("&Edit"))
        self.undo_action = self._action(_("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(_("&Find…"), self.find_organisation, QKeySequence.StandardKey.Find))
        edit_menu.addAction(self._action(_("New &organisation…"), self.new_organisation, "Ctrl+Shift+N"))
        edit_menu.addAction(self._action(_("&Possible duplicates…"), self.show_duplicates))
        edit_menu.addAction(self._action(_("Persons to &review…"), self.show_persons_review))
        edit_menu.addAction(self._action(_("Add the county's &municipalities…"),
                                         self.add_county_municipalities))
        self.delete_action = self._action(
            _("&Delete organisation…"), self.delete_organisation, QKeySequence.StandardKey.Delete
        )
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(_("Your &name…"), self.ask_officer_name))
        self._update_undo()

        view_menu = bar.addMenu(_("&View"))
        for number, (_key, title, _class) in enumerate(PAGES, start=1):
            view_menu.addAction(
                self._action(_(title), lambda n=number - 1: self.nav.setCurrentRow(n), f"Ctrl+{number}")
            )
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(_("&Language"))
        group = QActionGroup(self)
        for code, (_locale, native_name) in LANGUAGES.items():
            action = self._action(native_name, lambda c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
        self.language_actions = group

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("&About Kumppani"), self.about, QKeySequence.StandardKey.HelpContents))
        help_menu.addAction(self._action(_("About &Qt"), QApplication.aboutQt))

    # -- pages and status ----------------------------------------------------------------

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self.page(PAGES[row][0])
        self.stack.setCurrentIndex(row)
        self.settings.last_page = PAGES[row][0]
        self.delete_action.setEnabled(PAGES[row][0] == "register")
        self._update_status()

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def _update_status(self) -> None:
        self.statusBar().showMessage(self.current_page().status_text())

    def _on_changes(self, changes: Changes) -> None:
        for page in self.pages.values():
            page.on_changes(changes)
        self._update_status()

    # -- actions -------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        if language == current_language():
            return
        set_language(language)
        install_qt_translator(language)
        self.settings.language = language
        self.settings.save()
        self._build()

    def find_organisation(self) -> None:
        self.nav.setCurrentRow(0)
        self.register_page.focus_search()

    def show_duplicates(self) -> None:
        from desktop.ui.dialogs.duplicates import DuplicatesDialog

        self._duplicates_dialog = DuplicatesDialog(self.store, self)
        self._duplicates_dialog.open()

    def show_persons_review(self) -> None:
        from desktop.ui.dialogs.persons_review import PersonsReviewDialog

        self._review_dialog = PersonsReviewDialog(self.store, self.settings, self)
        self._review_dialog.open()

    def add_county_municipalities(self) -> None:
        from desktop.ui.pages.network import add_municipalities

        add_municipalities(self, self.store)

    def new_organisation(self) -> None:
        self.nav.setCurrentRow(0)
        self.register_page.edit()

    def delete_organisation(self) -> None:
        row = self.register_page.selected_row()
        if row is None:
            self.statusBar().showMessage(_("Select an organisation first."), 5000)
            return
        answer = QMessageBox.question(
            self,
            _("Delete organisation"),
            _("Delete {name}? You can undo this with Ctrl+Z.").format(name=row.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        register.mark_deleted(self.store, row.id)
        self._undo.append((_("Undo deleting {name}").format(name=row.name),
                           lambda: register.restore(self.store, row.id)))
        self._update_undo()
        self.statusBar().showMessage(_("{name} deleted.").format(name=row.name), 5000)

    def undo(self) -> None:
        if not self._undo:
            return
        _text, action = self._undo.pop()
        action()
        self._update_undo()

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(bool(self._undo))
        self.undo_action.setText(self._undo[-1][0] if self._undo else _("&Undo"))

    def ask_officer_name(self) -> None:
        name, ok = QInputDialog.getText(
            self, _("Your name"), _("Your name is recorded in the change log of every edit:"),
            text=self.settings.officer_name,
        )
        if ok:
            self.settings.officer_name = name.strip()
            self.store.officer = self.settings.officer_name
            self.settings.save()

    def import_organisations(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import organisations"), str(Path.home()),
            _("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"))
        if name:
            self.open_import(Path(name))

    def open_import(self, path: Path) -> None:
        from desktop.ui.dialogs.register_import import ImportDialog

        dialog = ImportDialog(self.store, path, self, self.settings)
        dialog.open()
        self._import_dialog = dialog

    def export_register(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the register"), str(Path.home() / "kumppani.xlsx"),
            _("Excel (*.xlsx);;CSV (*.csv)"))
        if name:
            self.write_register(Path(name))

    def write_register(self, target: Path) -> None:
        """The organisations shown now (search and filters applied), in the shown order."""
        from desktop.documents.register_export import write_table
        from desktop.i18n import translate_in
        from desktop.services.register_export import organisation_headings, organisation_table

        language = current_language()
        rows: list[list[str]] = []
        # The same query as the page's, in batches of ids: the page holds only a screenful.
        for ids in register.organisation_ids(self.store, self.register_page.query()):
            with self.store.read() as session:
                rows += organisation_table(session, language, ids)[1]
        write_table(organisation_headings(language), rows, target,
                    translate_in(language, N_("Organisations")))
        self.statusBar().showMessage(
            ngettext("{n} organisation written to {path}.", "{n} organisations written to {path}.",
                     len(rows)).format(n=len(rows), path=target), 8000)

    def export_open_data(self) -> None:
        from desktop.ui.open_data_export import ask_and_export

        ask_and_export(self, self.store)

    def backup_now(self) -> None:
        if self.store.path is None:
            QMessageBox.information(self, _("Back up now"), _(
                "The database is on the county's server, whose administrators keep its backups "
                "(pg_dump). Kumppani backs up database files on this computer."))
            return
        target = backup_database(self.store.path, paths.backup_dir(), reason="manual")
        self.statusBar().showMessage(_("Backup written to {path}.").format(path=target), 8000)

    def new_database(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("New database"), str(paths.data_dir()), _("Kumppani databases (*.sqlite3)")
        )
        if name:
            path = Path(name)
            if path.suffix == "":
                path = path.with_suffix(".sqlite3")
            self._switch_to(path)

    def open_database(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Open database"), str(paths.data_dir()),
            _("Kumppani databases (*.sqlite3);;All files (*)"),
        )
        if name:
            self._switch_to(Path(name))

    def connect_to_server(self) -> None:
        from desktop.ui.application import connect_to_server

        location = self.store.location if self.store.path is None else self.settings.server
        store = connect_to_server(self, location)
        if store is not None:
            store.officer = self.store.officer
            self._use(store)

    def _switch_to(self, path: Path | str) -> None:
        if self._open_store is None:
            return
        store = self._open_store(path)
        if store is not None:
            self._use(store)

    def _use(self, store: Store) -> None:
        from desktop.ui.application import remember_location

        if not self.save_edits():  # the edits belong to the database open now
            store.close()
            return
        self.store.unsubscribe(self._on_changes)
        self.store.close()
        self.store = store
        self.store.subscribe(self._on_changes)
        self.store.poll_remote_changes()  # watching starts before the pages read, as at start
        self._undo.clear()
        remember_location(self.settings, store)
        self.settings.save()  # a server chosen is the one opened next, whatever happens
        self._build()

    def _database_text(self) -> str:
        if self.store.path is not None:
            return str(self.store.path)
        # As a person reads it: a socket's folder as a path, not percent-encoded.
        return _("Server: {location}").format(location=unquote(display_url(self.store.location)))

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Kumppani"),
            "<h3>{name} {version}</h3><p>{text}</p><p>{db}</p>".format(
                name=APP_NAME,
                version=__version__,
                text=_("The liaison officer's register of organisations, partnership tables, "
                       "grants and the checklist toward a region of participation and trust."),
                db=(_("Database: {path}").format(path=self.store.path) if self.store.path
                    else self._database_text()),
            ),
        )

    # -- window state --------------------------------------------------------------------

    def _restore_window(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromHex(self.settings.window_geometry.encode()))
        else:
            self.resize(1200, 760)
        if self.settings.window_state:
            self.restoreState(QByteArray.fromHex(self.settings.window_state.encode()))

    def save_edits(self) -> bool:
        """Save every page's unsaved edits; when one was refused or cancelled, True only if
        the officer chooses to go on without them."""
        try:
            if all(page.save_edits() for page in list(self.pages.values())):
                return True
        except Exception:  # a lost server: closing must still be possible
            log.exception("the pages' edits could not be saved")
        if not ask(self, _("Unsaved changes"),
                   _("Some changes could not be saved. Go on without them?")):
            return False
        for page in self.pages.values():
            page.drop_edits()  # or hiding the forms would try to save them again
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # Before anything else: the exit's file for the colleagues then has the last edits, and
        # a save cancelled in its conflict dialog keeps the window, and what was typed, open.
        if not self.save_edits():
            event.ignore()
            return
        self.settings.window_geometry = bytes(self.saveGeometry().toHex().data()).decode()
        self.settings.window_state = bytes(self.saveState().toHex().data()).decode()
        if self.settings.sync_folder:  # this copy's file for the colleagues, as chosen
            from desktop.ui.sync.folder_hooks import write_on_exit

            write_on_exit(self)
        self.settings.save()
        self.store.unsubscribe(self._on_changes)
        super().closeEvent(event)

