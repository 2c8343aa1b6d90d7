"""The Sync page synchronising a laptop's copy with the team's PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.services.register import save_organisation
from desktop.settings import Settings
from desktop.storage.store import Store
from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.sync import SyncPage
from tests.sync_copies import canonical, open_copy


def _synchronise(qtbot, page: SyncPage, url: str = "") -> None:
    qtbot.mouseClick(page.server_box.button, Qt.MouseButton.LeftButton)
    dialog = page.server_box.dialog
    assert dialog is not None and dialog.isVisible()
    if url:
        assert not dialog.confirm.isEnabled()
        dialog.url.insert(url)
    assert dialog.confirm.isEnabled()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server_box.dialog is None)


def test_the_page_synchronises_with_the_server_and_lists_the_conflict(
        qtbot, empty_template: Path, tmp_path: Path, pg_database: str):
    laptop = open_copy(empty_template, tmp_path / "copies", "Kannettava")
    server = Store.open(pg_database)
    try:
        village, _changes = save_organisation(server, None, {"name_fi": "Kyläyhdistys ry"})
        settings = Settings(last_page="sync")
        window = MainWindow(laptop, settings)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        page = window.page("sync")
        assert isinstance(page, SyncPage)

        _synchronise(qtbot, page, pg_database)
        assert server.location in page.result.toPlainText()
        assert {window.register_page.model.row_at(i).name
                for i in range(window.register_page.model.rowCount())} == {"Kyläyhdistys ry"}

        save_organisation(laptop, village, {"name_fi": "Kyläyhdistys (kannettava) ry"})
        save_organisation(server, village, {"name_fi": "Kyläyhdistys (palvelin) ry"})
        _synchronise(qtbot, page)  # the address is remembered from the last time
        assert page.conflicts_tab.count() == 1 and page.show_conflicts.isVisible()
        assert page.tabs.tabText(page.tabs.indexOf(page.conflicts_tab)).endswith("(1)")
        tab = page.conflicts_tab
        assert tab.model.data(tab.model.index(0, 0)) == "Kyläyhdistys (palvelin) ry"
        assert canonical(laptop) == canonical(server)
        window.close()
    finally:
        server.close()
        laptop.close()
