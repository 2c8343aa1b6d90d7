"""The Sync page driven as two officers drive it: two real databases, two main windows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from desktop.i18n import _, ngettext
from desktop.services.register import save_organisation
from desktop.settings import Settings
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from desktop.sync import shared_folder as folder
from desktop.sync.export import export_bundle
from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.sync import SyncPage
from desktop.ui.sync.importing import import_file
from desktop.ui.sync.passphrase import PassphraseDialog
from tests.sync_copies import canonical, open_copy


@pytest.fixture
def officers(empty_template: Path, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    stores = [open_copy(empty_template, tmp_path / "copies", name) for name in ("Anna", "Bertta")]
    yield stores[0], stores[1]
    for store in stores:
        store.close()


def _window(qtbot, store: Store, settings: Settings | None = None) -> MainWindow:
    settings = settings or Settings()
    settings.last_page = "sync"
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _page(window: MainWindow) -> SyncPage:
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    return page


def _register_names(window: MainWindow) -> set[str]:
    model = window.register_page.model
    return {model.row_at(i).name for i in range(model.rowCount())}


def _export(qtbot, monkeypatch, page: SyncPage, path: Path, peer: str = "",
            passphrase: str = "") -> None:
    box = page.export_box
    if peer:
        box.peer.setCurrentText(peer)
    box.encrypt.setChecked(bool(passphrase))
    if passphrase:
        qtbot.keyClicks(box.passphrase, passphrase)
        assert not box.button.isEnabled()  # typed once only
        qtbot.keyClicks(box.again, passphrase)
    assert box.button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    assert path.exists()
    assert path.name in page.result.toPlainText()


def _type_passphrase_when_asked(passphrase: str) -> list[str]:
    """Answers the passphrase dialog the import opens (modal): as a person would type it."""
    asked: list[str] = []

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, PassphraseDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        asked.append(dialog.windowTitle())
        dialog.edit.insert(passphrase)
        dialog.ok.click()

    QTimer.singleShot(20, answer)
    return asked


def _import(qtbot, monkeypatch, page: SyncPage, path: Path) -> str:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    return page.result.toPlainText()


def test_two_officers_exchange_both_ways_resolve_a_conflict_and_end_identical(
        qtbot, monkeypatch, officers, tmp_path):
    anna_store, bertta_store = officers
    anna, bertta = _window(qtbot, anna_store), _window(qtbot, bertta_store)
    anna_page, bertta_page = _page(anna), _page(bertta)
    assert "Anna" in anna_page.identity.text()

    # Each officer's own work.
    village, _changes = save_organisation(anna_store, None, {"name_fi": "Kyläyhdistys ry"})
    save_organisation(bertta_store, None, {"name_fi": "Bertan kuoro ry"})

    # Anna → Bertta, encrypted with a passphrase typed twice.
    _export(qtbot, monkeypatch, anna_page, tmp_path / "anna-1.kumppani", passphrase="kolme sanaa")
    asked = _type_passphrase_when_asked("kolme sanaa")
    report = _import(qtbot, monkeypatch, bertta_page, tmp_path / "anna-1.kumppani")
    assert asked, "the passphrase was asked"
    assert "Anna" in report and ngettext("{n} record added", "{n} records added", 1).format(n=1) in report
    assert "Kyläyhdistys ry" in _register_names(bertta)  # the register page heard of it

    # Bertta → Anna, for Anna by name (now a known copy).
    assert bertta_page.export_box.peer.findText("Anna") > 0
    _export(qtbot, monkeypatch, bertta_page, tmp_path / "bertta-1.kumppani", peer="Anna")
    report = _import(qtbot, monkeypatch, anna_page, tmp_path / "bertta-1.kumppani")
    assert "Bertta" in report
    assert _register_names(anna) == _register_names(bertta) == {"Kyläyhdistys ry",
                                                                 "Bertan kuoro ry"}

    # Both rename the same organisation before they meet again.
    save_organisation(anna_store, village, {"name_fi": "Kyläyhdistys (Annan mukaan) ry"})
    save_organisation(bertta_store, village, {"name_fi": "Kyläyhdistys (Bertan mukaan) ry"})
    _export(qtbot, monkeypatch, bertta_page, tmp_path / "bertta-2.kumppani", peer="Anna")
    report = _import(qtbot, monkeypatch, anna_page, tmp_path / "bertta-2.kumppani")
    assert ngettext("{n} conflict", "{n} conflicts", 1).format(n=1) in report
    tab = anna_page.conflicts_tab
    assert tab.count() == 1
    assert anna_page.tabs.tabText(anna_page.tabs.indexOf(tab)).endswith("(1)")
    assert anna_page.show_conflicts.isVisible()
    qtbot.mouseClick(anna_page.show_conflicts, Qt.MouseButton.LeftButton)
    assert anna_page.tabs.currentWidget() is tab
    shown = [tab.model.data(tab.model.index(0, c)) for c in range(tab.model.columnCount())]
    assert shown[:3] == ["Kyläyhdistys (Bertan mukaan) ry", _("Organisation"), _("Name in Finnish")]
    assert "Kyläyhdistys (Annan mukaan) ry" in shown and "Bertta" in shown
    assert tab.mine_value.text() == "Kyläyhdistys (Annan mukaan) ry"
    assert tab.theirs_value.text() == "Kyläyhdistys (Bertan mukaan) ry"
    assert "Bertta" in tab.theirs_label.text()
    assert tab.edited.toPlainText() == "Kyläyhdistys (Bertan mukaan) ry"  # prefilled: shown now

    # Anna writes a merge of both.
    tab.edited.clear()
    tab.edited.insertPlainText("Kylän yhdistys ry")
    qtbot.mouseClick(tab.save_edited, Qt.MouseButton.LeftButton)
    assert tab.count() == 0
    assert "Kylän yhdistys ry" in _register_names(anna)

    # Anna → Bertta, Bertta → Anna: the resolution travels, and the registers are the same.
    _export(qtbot, monkeypatch, anna_page, tmp_path / "anna-2.kumppani", peer="Bertta")
    report = _import(qtbot, monkeypatch, bertta_page, tmp_path / "anna-2.kumppani")
    assert bertta_page.conflicts_tab.count() == 0
    assert "Kylän yhdistys ry" in _register_names(bertta)
    _export(qtbot, monkeypatch, bertta_page, tmp_path / "bertta-3.kumppani", peer="Anna")
    _import(qtbot, monkeypatch, anna_page, tmp_path / "bertta-3.kumppani")
    assert _register_names(anna) == _register_names(bertta) == {"Kylän yhdistys ry",
                                                                 "Bertan kuoro ry"}
    assert canonical(anna_store) == canonical(bertta_store)

    # The history per copy.
    history = anna_page.history_tab
    anna_page.tabs.setCurrentWidget(history)
    assert [history.peers.row_at(i).name for i in range(history.peers.rowCount())] == ["Bertta"]
    history.peer_view.selectRow(0)
    files = [history.history.row_at(i).file_name for i in range(history.history.rowCount())]
    assert files == ["bertta-3.kumppani", "anna-2.kumppani", "bertta-2.kumppani",
                     "bertta-1.kumppani"]


def test_refused_files_are_told_with_their_reason_and_nothing_changes(
        qtbot, monkeypatch, officers, tmp_path):
    anna_store, bertta_store = officers
    page = _page(_window(qtbot, bertta_store))
    save_organisation(anna_store, None, {"name_fi": "Kuoro ry"})
    good = tmp_path / "anna.kumppani"
    export_bundle(anna_store, good)
    cut = tmp_path / "cut.kumppani"
    cut.write_bytes(good.read_bytes()[:300])
    before = canonical(bertta_store)
    _import(qtbot, monkeypatch, page, cut)
    assert page.message is not None and page.message.isVisible()
    assert page.message.windowTitle() == _("Damaged file")
    assert "cut.kumppani" in page.message.text()
    page.message.close()
    not_a_bundle = tmp_path / "notes.kumppani"
    not_a_bundle.write_text("muistiinpanoja", encoding="utf-8")
    _import(qtbot, monkeypatch, page, not_a_bundle)
    assert "notes.kumppani" in page.message.text()
    assert page.message.windowTitle() == _("Not a sync file")
    page.message.close()
    # A wrong passphrase is asked again; cancelling leaves everything as it was.
    secret = tmp_path / "secret.kumppani"
    export_bundle(anna_store, secret, full=True, passphrase="oikea salasana")
    calls: list[bool] = []

    def ask(parent, name, retry):  # noqa: ANN001
        calls.append(retry)
        return None if retry else "väärä salasana"

    assert import_file(page, bertta_store, secret, ask) is None
    assert calls == [False, True]
    assert canonical(bertta_store) == before


def test_a_copied_database_gets_a_new_identity_from_the_page(qtbot, monkeypatch, officers,
                                                             tmp_path):
    anna_store, _bertta = officers
    save_organisation(anna_store, None, {"name_fi": "Alkuperäinen ry"})
    copy_path = tmp_path / "laptop.sqlite3"
    shutil.copyfile(anna_store.path, copy_path)
    laptop = Store.open(copy_path, backup_dir=tmp_path / "backups")
    try:
        page = _page(_window(qtbot, laptop))
        original = _page(_window(qtbot, anna_store))
        save_organisation(laptop, None, {"name_fi": "Kannettavan ry"})
        _export(qtbot, monkeypatch, page, tmp_path / "laptop.kumppani")
        _import(qtbot, monkeypatch, original, tmp_path / "laptop.kumppani")
        assert original.message is not None
        assert original.message.windowTitle() == _("This copy's own file")
        assert "laptop.kumppani" in original.message.text()
        original.message.close()

        old = laptop.replica_id
        dialog = page.ask_new_identity()
        assert dialog.isVisible()
        assert any(old in label.text() for label in dialog.findChildren(QLabel))
        dialog.name.clear()
        dialog.name.insert("Annan kannettava")
        dialog.confirm.click()
        assert laptop.replica_id != old
        assert "Annan kannettava" in page.identity.text()
        assert laptop.replica_id[:12] in page.identity.text()

        _export(qtbot, monkeypatch, page, tmp_path / "laptop-2.kumppani")
        report = _import(qtbot, monkeypatch, original, tmp_path / "laptop-2.kumppani")
        assert "Annan kannettava" in report
        with anna_store.read() as session:
            names = {o.name_fi for o in session.query(Organisation)}
        assert "Kannettavan ry" in names
    finally:
        laptop.close()


def test_shared_folder_chosen_once_then_used_at_start_on_request_and_on_exit(
        qtbot, monkeypatch, officers, tmp_path):
    anna_store, bertta_store = officers
    shared = tmp_path / "OneDrive" / "Kumppani"
    shared.mkdir(parents=True)
    anna = _window(qtbot, anna_store)
    page = _page(anna)
    assert not page.folder_box.write_now.isEnabled()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(shared))
    qtbot.mouseClick(page.folder_box.choose, Qt.MouseButton.LeftButton)
    assert page.folder_box.path.text() == str(shared)
    assert anna.settings.sync_folder == str(shared)
    assert Settings.load().sync_folder == str(shared)  # remembered
    save_organisation(anna_store, None, {"name_fi": "Jaetun kansion ry"})
    qtbot.mouseClick(page.folder_box.write_now, Qt.MouseButton.LeftButton)
    assert folder.outbox_path(anna_store, shared).exists()

    # Bertta's Kumppani starts with the same folder chosen: Anna's file comes in unasked.
    settings = Settings(sync_folder=str(shared))
    bertta = _window(qtbot, bertta_store, settings)
    qtbot.waitUntil(lambda: "Jaetun kansion ry" in _register_names(bertta), timeout=10000)
    assert "Anna" in _page(bertta).result.toPlainText()
    save_organisation(bertta_store, None, {"name_fi": "Bertan ry"})
    bertta.close()  # writes Bertta's file on exit
    assert folder.outbox_path(bertta_store, shared).exists()

    # Anna asks for the others' files: Bertta's comes in; asked again, nothing is re-read.
    qtbot.mouseClick(page.folder_box.import_now, Qt.MouseButton.LeftButton)
    assert "Bertan ry" in _register_names(anna)
    qtbot.mouseClick(page.folder_box.import_now, Qt.MouseButton.LeftButton)
    assert page.result.toPlainText() == _("{file}: unchanged since it was imported.").format(
        file=folder.outbox_path(bertta_store, shared).name)

    page.folder_box.on_exit.setChecked(False)
    assert Settings.load().sync_folder_export_on_exit is False


def test_the_page_as_a_window_of_its_own_keeps_its_own_settings(qtbot, officers):
    """Outside the main window the page is its own window(); it must not ask itself."""
    mine, _theirs = officers
    saved = Settings()
    saved.sync_folder = "/srv/yhteinen"
    saved.save()
    page = SyncPage(mine)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.window() is page
    assert page.settings.sync_folder == "/srv/yhteinen"
    assert page.folder_box.path.text() == "/srv/yhteinen"
