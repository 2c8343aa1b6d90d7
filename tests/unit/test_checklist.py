"""The checklist template and the service that installs and tracks it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services import checklist
from desktop.storage.models import ChecklistItem
from desktop.storage.models.enums import ChecklistStatus
from desktop.storage.store import Store

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_NAME = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")

# The steps the brief names: seed 001's criteria and structures, seed 004's steps.
REQUIRED = {
    "001_76c56fdaa6835f9d.txt": {
        "enable_participation",
        "equal_partners",
        "liaison_and_meetings",
        "free_premises",
        "grants",
        "residents_experiences",
        "communicate_activities",
        "responsible_body",
        "interface_agreement",
        "public_activity_list",
        "grant_statistics",
        "service_guidance_board",
    },
    "004_158e9e0c7fce5b4f.txt": {
        "partnership_table",
        "organisation_strategy",
        "named_contact_persons",
        "expert_help",
        "premises_from_producers",
        "non_economic_grants",
        "expertise_in_planning",
        "producer_contracts",
        "electronic_platform",
        "roles_agreed",
    },
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "k.sqlite3", backup_dir=tmp_path / "b")
    yield store
    store.close()


def _items(template: list[dict]) -> list[dict]:
    return [item for theme in template for item in theme["items"]]


def _count(store: Store) -> int:
    with store.read() as session:
        return session.scalar(
            select(func.count()).select_from(ChecklistItem).where(ChecklistItem.deleted.is_(False))
        )


# -- the template ------------------------------------------------------------------------


def test_the_template_is_themes_of_items_with_three_languages():
    template = checklist.load_template()
    assert len(template) >= 3
    theme_keys = [theme["key"] for theme in template]
    assert len(set(theme_keys)) == len(theme_keys)
    for theme in template:
        assert set(theme["title"]) >= {"fi", "sv", "en"}
        assert all(theme["title"][lang].strip() for lang in ("fi", "sv", "en"))
        assert theme["items"], theme["key"]
    items = _items(template)
    keys = [item["key"] for item in items]
    assert len(set(keys)) == len(keys), "item keys must be unique across themes"
    for item in items:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", item["key"]) and len(item["key"]) <= 64
        for lang in ("fi", "sv", "en"):
            assert item["title"][lang].strip(), (item["key"], lang)
        # Three different languages, not one text copied thrice.
        assert len({item["title"][lang] for lang in ("fi", "sv", "en")}) == 3, item["key"]
        assert SEED_NAME.match(item["source"]), item


def test_the_template_covers_the_steps_of_seeds_001_and_004():
    by_key = {item["key"]: item for item in _items(checklist.load_template())}
    for source, keys in REQUIRED.items():
        missing = keys - set(by_key)
        assert not missing, missing
        assert {by_key[key]["source"] for key in keys} == {source}


def test_every_source_is_a_seed_document_that_exists():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not beside the repository ({SEEDS})")
    sources = {item["source"] for item in _items(checklist.load_template())}
    assert sources <= {path.name for path in SEEDS.iterdir()}


def test_load_template_returns_a_copy():
    first = checklist.load_template()
    first[0]["items"].clear()
    assert checklist.load_template()[0]["items"]


def test_theme_titles_in_each_language_with_fallbacks():
    template = checklist.load_template()
    key = template[0]["key"]
    for lang in ("fi", "sv", "en"):
        assert checklist.theme_title(key, lang) == template[0]["title"][lang]
    assert checklist.theme_title(key, "de") == template[0]["title"]["fi"]
    assert checklist.theme_title("no_such_theme", "fi") == "no_such_theme"


# -- installing and tracking -------------------------------------------------------------


def test_install_template_adds_every_item_once(store: Store):
    expected = len(_items(checklist.load_template()))
    with store.operation("install checklist") as session:
        assert checklist.install_template(session) == expected
    assert _count(store) == expected
    with store.operation("install checklist") as session:
        assert checklist.install_template(session) == 0
    assert _count(store) == expected


def test_installed_rows_carry_the_template(store: Store):
    template = checklist.load_template()
    with store.operation("install checklist") as session:
        checklist.install_template(session)
    with store.read() as session:
        rows = {row.template_key: row for row in checklist.list_items(session)}
    for theme in template:
        for position, item in enumerate(theme["items"]):
            row = rows[item["key"]]
            assert row.theme == theme["key"]
            assert row.position == position
            assert (row.title_fi, row.title_sv, row.title_en) == (
                item["title"]["fi"],
                item["title"]["sv"],
                item["title"]["en"],
            )
            assert row.source == item["source"]
            assert row.status == ChecklistStatus.NOT_STARTED
            assert row.title("sv") == item["title"]["sv"]
            assert row.hlc and row.replica_id  # stamped by the store


def test_a_deleted_item_is_installed_again_but_an_edited_one_is_kept(store: Store):
    with store.operation("install checklist") as session:
        checklist.install_template(session)
        first, second = checklist.list_items(session)[:2]
        first.deleted = True
        second.status = ChecklistStatus.DONE
        second.owner = "Liisa Kaunisto"
    total = len(_items(checklist.load_template()))
    assert _count(store) == total - 1
    with store.operation("install checklist") as session:
        assert checklist.install_template(session) == 1
    with store.read() as session:
        items = checklist.list_items(session)
        assert len(items) == total
        kept = [i for i in items if i.template_key == second.template_key]
        assert [(i.status, i.owner) for i in kept] == [(ChecklistStatus.DONE, "Liisa Kaunisto")]


def test_list_items_follows_theme_order_then_position(store: Store):
    with store.operation("install checklist") as session:
        checklist.install_template(session)
        # A theme the template does not know sorts last.
        session.add(ChecklistItem(template_key="", theme="zzz_local", position=0, title_fi="Oma"))
    order = [item["key"] for item in _items(checklist.load_template())]
    with store.read() as session:
        items = checklist.list_items(session)
    assert [i.template_key for i in items[:-1]] == order
    assert items[-1].theme == "zzz_local"


def test_progress_counts_done_and_not_applicable(store: Store):
    with store.read() as session:
        assert checklist.progress(session) == (0, 0)
    with store.operation("install checklist") as session:
        total = checklist.install_template(session)
    with store.read() as session:
        assert checklist.progress(session) == (0, total)
    with store.operation("track") as session:
        items = checklist.list_items(session)
        items[0].status = ChecklistStatus.DONE
        items[1].status = ChecklistStatus.NOT_APPLICABLE
        items[2].status = ChecklistStatus.IN_PROGRESS
        items[3].status = ChecklistStatus.DONE
        items[3].deleted = True
    with store.read() as session:
        assert checklist.progress(session) == (2, total - 1)
