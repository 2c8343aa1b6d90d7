"""The checklist template and the service that installs and tracks it."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

import pytest

from desktop.errors import ValidationError
from desktop.services import checklist
from desktop.storage.models import Attachment, Checklist, ChecklistItem
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


def _items(template: list[dict]) -> list[dict]:
    return [item for theme in template for item in theme["items"]]


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


# -- checklists from the template -------------------------------------------------------


def _new(store: Store, name: str = "Hyvinvointialueen lista 2026", year: int = 2026, **kw) -> uuid.UUID:
    checklist_id, changes = checklist.create_checklist(store, name, year, **kw)
    assert changes.touches("checklist", "checklist_theme", "checklist_item")
    return checklist_id


def test_a_checklist_copies_every_theme_and_step_of_the_template(store: Store):
    template = checklist.load_template()
    checklist_id = _new(store)
    with store.read() as session:
        rows = checklist.list_items(session, checklist_id)
        assert [t.key for t in checklist.themes(session, checklist_id)] == [t["key"] for t in template]
        assert session.get(Checklist, checklist_id).template_version == 1
    assert [r.template_key for r in rows] == [i["key"] for i in _items(template)]
    first = template[0]["items"][0]
    assert (rows[0].title_fi, rows[0].title_sv, rows[0].title_en) == (
        first["title"]["fi"], first["title"]["sv"], first["title"]["en"])
    assert rows[0].source == first["source"] and rows[0].status == ChecklistStatus.NOT_STARTED
    assert rows[0].hlc and rows[0].replica_id


def test_several_checklists_are_independent(store: Store):
    county = _new(store)
    vaasa = _new(store, "Vaasan lista", 2026, municipality_code="905")
    item = _first_item(store, county)
    checklist.update_item(store, item.id, status=ChecklistStatus.DONE)
    with store.read() as session:
        assert checklist.progress(session, county)[0] == 1
        assert checklist.progress(session, vaasa)[0] == 0
        assert [c.name for c in checklist.list_checklists(session)] == [
            "Hyvinvointialueen lista 2026", "Vaasan lista"]
        assert checklist.find_checklist(session, "vaasan LISTA").id == vaasa
        with pytest.raises(ValidationError):
            checklist.find_checklist(session, "lista")
        assert checklist.find_checklist(session, "vaasan").id == vaasa


def test_a_checklist_needs_a_name(store: Store):
    with pytest.raises(ValidationError):
        checklist.create_checklist(store, "   ")


def _first_item(store: Store, checklist_id: uuid.UUID) -> ChecklistItem:
    with store.read() as session:
        return checklist.list_items(session, checklist_id)[0]


def test_editing_a_step_records_its_history(store: Store):
    store.officer = "Liisa Kaunisto"
    checklist_id = _new(store)
    item = _first_item(store, checklist_id)
    checklist.update_item(store, item.id, status="in_progress", owner="Anders Sjöberg")
    checklist.update_item(store, item.id, status=ChecklistStatus.DONE, due_on=dt.date(2026, 12, 31))
    with store.read() as session:
        history = checklist.item_history(session, item.id)
    assert {(h.field, h.old, h.new) for h in history} == {
        ("status", "not_started", "in_progress"), ("owner", "", "Anders Sjöberg"),
        ("status", "in_progress", "done"), ("due_on", None, "2026-12-31"),
    }
    assert history[0].officer == "Liisa Kaunisto"
    assert history[0].new in ("done", "2026-12-31")  # newest first
    with pytest.raises(ValueError):
        checklist.update_item(store, item.id, checklist_id=uuid.uuid4())
    with pytest.raises(ValidationError):
        checklist.update_item(store, item.id, status="finished-ish")


def test_progress_per_theme_and_overdue_first(store: Store):
    checklist_id = _new(store)
    with store.read() as session:
        items = checklist.list_items(session, checklist_id)
    checklist.update_item(store, items[0].id, status=ChecklistStatus.DONE)
    checklist.update_item(store, items[1].id, status=ChecklistStatus.NOT_APPLICABLE)
    checklist.update_item(store, items[5].id, due_on=dt.date(2026, 1, 10))
    checklist.update_item(store, items[3].id, due_on=dt.date(2026, 1, 5))
    checklist.update_item(store, items[4].id, due_on=dt.date(2026, 1, 1), status="done")
    with store.read() as session:
        assert checklist.progress(session, checklist_id) == (3, len(items))
        per_theme = checklist.theme_progress(session, checklist_id, "sv")
        assert sum(t.total for t in per_theme) == len(items)
        assert per_theme[0].settled >= 2 and per_theme[0].title == checklist.load_template()[0]["title"]["sv"]
        ordered = checklist.items_overdue_first(session, checklist_id, dt.date(2026, 2, 1))
    # Overdue (and not done) first, earliest deadline first; the done one is not overdue.
    assert [ordered[0].id, ordered[1].id] == [items[3].id, items[5].id]
    assert len(ordered) == len(items)


def test_custom_themes_and_steps_and_comments(store: Store):
    checklist_id = _new(store)
    key, _changes = checklist.add_theme(store, checklist_id, "Omat tavoitteet", "Egna mål", "Own goals")
    item_id, _changes = checklist.add_item(store, checklist_id, key, "Järjestöilta kerran vuodessa")
    checklist.add_comment(store, item_id, "Sovittu kumppanuuspöydässä.", "Liisa")
    with pytest.raises(ValidationError):
        checklist.add_comment(store, item_id, "  ", "Liisa")
    with pytest.raises(ValidationError):
        checklist.add_theme(store, checklist_id, " ")
    with store.read() as session:
        last = checklist.list_items(session, checklist_id)[-1]
        assert (last.id, last.theme) == (item_id, key)
        assert checklist.theme_title(key, "sv", session, checklist_id) == "Egna mål"
        assert [c.text for c in last.comments] == ["Sovittu kumppanuuspöydässä."]


def test_evidence_links_to_meetings_grants_and_files(demo_store: Store, tmp_path: Path):
    with demo_store.read() as session:
        current = checklist.list_checklists(session)[0]
        item = checklist.list_items(session, current.id)[2]
        meeting_choice = checklist.meeting_item_choices(session, "fi")[0]
        call_choice = checklist.grant_call_choices(session)[0]
    assert "§" in meeting_choice.label
    evidence = tmp_path / "pöytäkirja.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes")
    checklist.update_item(demo_store, item.id, evidence="Katso liite", evidence_link="https://example.fi/x",
                          evidence_agenda_item_id=meeting_choice.id, evidence_grant_call_id=call_choice.id)
    checklist.attach_file(demo_store, item.id, evidence)
    with demo_store.read() as session:
        fresh = session.get(ChecklistItem, item.id)
        lines = checklist.evidence_lines(session, fresh, "sv")
        attachment = session.get(Attachment, fresh.evidence_attachment_id)
    assert lines[0] == "Katso liite" and lines[1] == "https://example.fi/x"
    assert "pöytäkirja.pdf" in lines[2]
    assert any("§" in line for line in lines) and len(lines) == 5
    assert attachment.content == b"%PDF-1.4 minutes" and len(attachment.sha256) == 64
    with pytest.raises(ValidationError):
        checklist.attach_file(demo_store, item.id, tmp_path / "missing.pdf")


def test_saving_as_template_makes_the_next_version(store: Store):
    first = _new(store)
    key, _changes = checklist.add_theme(store, first, "Omat", "Egna", "Own")
    checklist.add_item(store, first, key, "Uusi askel", "Nytt steg", "New step")
    version, _changes = checklist.save_as_template(store, first, note="Lisätty omat tavoitteet")
    assert version == 2
    second = _new(store, "Lista 2027", 2027)
    with store.read() as session:
        assert session.get(Checklist, second).template_version == 2
        assert checklist.list_items(session, second)[-1].title_sv == "Nytt steg"
        assert [t.version for t in checklist.template_versions(session)] == [1, 2]


def test_comparing_two_checklists_matches_steps(store: Store):
    last_year, this_year = _new(store, "2025", 2025), _new(store, "2026", 2026)
    item = _first_item(store, this_year)
    checklist.update_item(store, item.id, status=ChecklistStatus.DONE)
    key, _changes = checklist.add_theme(store, this_year, "Omat")
    checklist.add_item(store, this_year, key, "Vain tänä vuonna")
    with store.read() as session:
        rows = checklist.compare(session, this_year, last_year, "fi")
    assert rows[0].left == "done" and rows[0].right == "not_started"
    assert rows[-1].title == "Vain tänä vuonna" and rows[-1].right is None
    assert len(rows) == len(_items(checklist.load_template())) + 1


def test_report_data_is_in_the_report_language(demo_store: Store):
    with demo_store.read() as session:
        current = checklist.list_checklists(session)[0]
        report = checklist.report_data(session, current.id, "sv", today=dt.date(2026, 11, 30))
    assert report.title == current.name and report.language == "sv"
    assert report.subtitle.startswith("Välfärdsområdet")
    assert sum(t.total for t in report.themes) == report.total
    statuses = {i.status for t in report.themes for i in t.items}
    assert statuses <= {"Inte påbörjat", "Pågår", "Klart", "Ej aktuellt"}, statuses
    assert any(i.overdue for t in report.themes for i in t.items)
