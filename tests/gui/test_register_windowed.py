"""The register view over a few thousand organisations: only what is on screen comes into Python,
and sorting, filtering and searching (all in SQL) show the right rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.storage.models import Municipality, Organisation
from desktop.storage.store import Store
from desktop.ui.pages.register import RegisterPage
from tests.benchmarks.register_data import generate

ORGANISATIONS = 3000
# The test's own idea of the Finnish alphabetical order: å, ä, ö after z, case ignored.
ALPHABET = " -.0123456789:abcdefghijklmnopqrstuvwxyzåäö"


def finnish(text: str) -> list[int]:
    return [ALPHABET.index(c) if c in ALPHABET else 1000 + ord(c) for c in text.casefold()]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "register.sqlite3"
    generate(path, organisations=ORGANISATIONS, contacts=ORGANISATIONS, activities=ORGANISATIONS)
    return path


@pytest.fixture
def store(generated: Path, tmp_path: Path):
    target = tmp_path / "register.sqlite3"
    shutil.copyfile(generated, target)
    opened = Store.open(target, backup_dir=tmp_path / "backups")
    yield opened
    opened.close()


@pytest.fixture
def page(qtbot, store):
    widget = RegisterPage(store)
    store.subscribe(widget.on_changes)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def organisations(store: Store) -> list[Organisation]:
    with store.read() as session:
        return list(session.scalars(select(Organisation).where(Organisation.deleted.is_(False))))


def shown_names(page: RegisterPage, first: int = 0, count: int = 40) -> list[str]:
    """The names in the table's cells, as the view draws them."""
    model = page.table.model()
    return [model.index(row, 0).data() for row in range(first, min(first + count, model.rowCount()))]


def test_the_view_fetches_only_what_it_shows(qtbot, page, store):
    model = page.model
    assert model.rowCount() == ORGANISATIONS
    assert page.status_text() == f"{ORGANISATIONS} järjestöä"
    assert 0 < model.cached_rows < ORGANISATIONS
    expected = sorted((org.display_name("fi") for org in organisations(store)), key=finnish)
    assert shown_names(page) == expected[:40]
    page.table.scrollToBottom()
    qtbot.wait(50)
    assert shown_names(page, ORGANISATIONS - 40) == expected[-40:]
    assert model.cached_rows < ORGANISATIONS
    # The end of the order is where å, ä and ö sort: after z.
    assert expected[-1][0].casefold() in "åäö"


def test_sorting_by_a_column_and_filtering_give_the_right_first_rows(qtbot, page, store):
    orgs = organisations(store)
    with store.read() as session:
        places = {m.code: m.name_fi for m in session.scalars(select(Municipality))}
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    last_place = max((places[org.domicile_code] for org in orgs), key=finnish)
    assert page.table.model().index(0, 3).data() == last_place
    descending = sorted((org for org in orgs if places[org.domicile_code] == last_place),
                        key=lambda org: finnish(org.display_name("fi")), reverse=True)
    assert shown_names(page, 0, 3) == [org.display_name("fi") for org in descending[:3]]

    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    code = max(places, key=lambda c: sum(org.domicile_code == c for org in orgs))
    page.municipality.setCurrentIndex(page.municipality.findData(code))
    page.sector.setCurrentIndex(page.sector.findData("village"))
    chosen = sorted((org for org in orgs if org.domicile_code == code and "village" in org.sectors),
                    key=lambda org: finnish(org.display_name("fi")))
    assert chosen, "the generated data should have village associations in its biggest place"
    assert page.model.rowCount() == len(chosen)
    assert page.status_text() == f"{len(chosen)}/{ORGANISATIONS} järjestöä"
    assert shown_names(page, 0, 10) == [org.display_name("fi") for org in chosen[:10]]
    assert all(page.row_at_view(i).domicile_code == code for i in range(len(chosen)))


def test_typing_into_the_search_box_shows_the_matching_rows_and_their_count(qtbot, page, store):
    orgs = organisations(store)
    target = next(org for org in orgs if org.business_id)
    qtbot.keyClicks(page.search, target.business_id[:8])
    assert page.model.rowCount() == 1
    assert shown_names(page) == [target.display_name("fi")]
    assert page.status_text() == f"1/{ORGANISATIONS} järjestöä"

    page.search.clear()
    page.search.insert("kyläyhdistys")  # keyClicks types ASCII only
    expected = sorted((org.display_name("fi") for org in orgs
                       if "kyläyhdistys" in (org.name_fi + " " + org.name_sv).casefold()),
                      key=finnish)
    assert expected and page.model.rowCount() == len(expected)
    assert shown_names(page, 0, 30) == expected[:30]
    assert page.status_text() == f"{len(expected)}/{ORGANISATIONS} järjestöä"

    # Two letters are found through the index too (as the trigrams they begin): the same rows
    # as looking at every document.
    page.search.clear()
    qtbot.keyClicks(page.search, "ry")
    with store.engine.connect() as conn:
        everywhere = conn.exec_driver_sql(
            "SELECT count(*) FROM organisation_search WHERE instr(doc, 'ry') > 0").scalar_one()
    assert 0 < page.model.rowCount() == everywhere < ORGANISATIONS


def test_a_deleted_organisation_leaves_the_view_and_the_search(qtbot, page, store):
    from desktop.services import register

    first = page.row_at_view(0)
    register.mark_deleted(store, first.id)
    assert page.model.rowCount() == ORGANISATIONS - 1
    assert page.row_at_view(0).id != first.id
    qtbot.keyClicks(page.search, first.name[:12])
    assert first.id not in {page.row_at_view(i).id for i in range(page.model.rowCount())}
    register.restore(store, first.id)
    assert first.id in {page.row_at_view(i).id for i in range(page.model.rowCount())}
