"""The paths a large import takes: indexes made after the rows, the search index rebuilt whole.

The register's sizes are brought down to the demo data's by lowering the thresholds, so that
the bulk paths are compared with the record-by-record ones on the same bundle.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services.register import matching_ids
from desktop.storage import search
from desktop.storage.models import Organisation
from desktop.storage.store import Store
from desktop.sync import merge, sqlite_bulk, validate
from desktop.sync.errors import MalformedBundleError
from desktop.sync.export import export_bundle
from desktop.sync.merge import import_bundle
from tests.sync_copies import canonical, open_copy


@pytest.fixture
def bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_bulk, "MANY", 1)
    monkeypatch.setattr(search, "_REBUILD_FLOOR", 1)


@pytest.fixture
def targets(empty_template: Path, tmp_path: Path) -> Iterator[list[Store]]:
    stores = [open_copy(empty_template, tmp_path / "copies", name) for name in ("F", "P")]
    yield stores
    for store in stores:
        store.close()


def _schema(store: Store) -> list[tuple]:
    with store.read() as session:
        return sorted(session.execute(text(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL")).all())


def _index(store: Store, words: bool = False) -> dict[str, tuple]:
    """Each organisation's listing row (but its listing id) and search document (or its words
    in order)."""
    with store.read() as session:
        rows = session.execute(text(
            "SELECT l.*, s.doc FROM organisation_listing l "
            "JOIN organisation_search s ON s.rowid = l.id")).mappings().all()
    return {row["org_id"]: tuple(sorted(value.split()) if words and key == "doc" else value
                                 for key, value in row.items() if key != "id")
            for row in rows}


def test_a_large_import_into_an_empty_copy_ends_as_the_record_by_record_merge(
        bulk, demo_store, targets, tmp_path):
    bundle = tmp_path / "full.kumppani"
    export_bundle(demo_store, bundle, full=True)
    fast, portable = targets
    schema = _schema(fast)
    report = import_bundle(fast, bundle)
    import_bundle(portable, bundle, fast=False)
    assert report.added > 100
    assert canonical(fast) == canonical(portable) == canonical(demo_store)
    # The indexes dropped for the rows came back as they were.
    assert _schema(fast) == schema
    with fast.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert _index(fast) == _index(portable)
    # The texts of a document follow the rows' order in the file, which the demo wrote otherwise.
    assert _index(fast, words=True) == _index(demo_store, words=True)
    with demo_store.read() as session:
        name = session.execute(text(
            "SELECT name_fi FROM organisation WHERE deleted = FALSE LIMIT 1")).scalar_one()
    word = name.split()[0]
    assert matching_ids(fast, word) == matching_ids(demo_store, word) != set()


def test_a_large_import_that_fails_leaves_the_indexes_and_the_data_as_they_were(
        bulk, demo_store, targets, tmp_path, monkeypatch):
    bundle = tmp_path / "full.kumppani"
    export_bundle(demo_store, bundle, full=True)
    target = targets[0]
    schema, before = _schema(target), canonical(target)

    def fail(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(search, "refresh", fail)  # after every table's rows went in
    with pytest.raises(RuntimeError):
        import_bundle(target, bundle)
    assert _schema(target) == schema and canonical(target) == before


def test_only_fields_with_a_clock_of_their_own_get_a_clock_row_on_either_path(
        bulk, demo_store, targets, tmp_path):
    org_id = _edited_phone(demo_store)
    bundle = tmp_path / "full.kumppani"
    export_bundle(demo_store, bundle, full=True)
    import_bundle(targets[0], bundle)
    import_bundle(targets[1], bundle, fast=False)
    own: list[set[tuple]] = []
    for store in (demo_store, *targets):
        with store.read() as session:
            own.append(set(session.execute(text(
                "SELECT table_name, record_id, field, hlc, prev FROM field_clock")).all()))
            org = session.get(Organisation, org_id)
            assert (org.base_clock, org.base_prev) < (org.hlc, "") and org.stamp
            # (No prev: the copy overwrote a value of its own, see ``inherited_prev``.)
            assert ("organisation", org_id.hex, "phone", org.hlc, "") in own[-1]
    # Both paths keep the clocks that differ from their record's base, and only those.
    assert own[1] == own[0]
    assert own[2] == own[0]
    with targets[0].read() as fast, targets[1].read() as portable:
        stamps = {store: set(session.execute(text("SELECT stamp FROM organisation")).scalars())
                  for store, session in (("fast", fast), ("portable", portable))}
    # Every record the import wrote has the import's stamp: a delta from here sends it on.
    assert len(stamps["fast"]) == len(stamps["portable"]) == 1


def _edited_phone(store: Store) -> uuid.UUID:
    with store.read() as session:
        org_id = session.execute(text("SELECT id FROM organisation LIMIT 1")).scalar_one()
    org_id = uuid.UUID(hex=org_id)

    def apply(session) -> None:  # noqa: ANN001
        session.get(Organisation, org_id).phone = "040 123 4567"

    store.run("edit", apply)
    return org_id


def test_records_changed_after_an_early_refresh_are_indexed_too(store):
    first, second = uuid.uuid4(), uuid.uuid4()

    def apply(session) -> None:  # noqa: ANN001
        session.add(Organisation(id=first, name_fi="Ensimmäinen kyläyhdistys"))
        session.flush()
        search.refresh(session, session.info["tracking"].changes)
        session.add(Organisation(id=second, name_fi="Toinen kyläyhdistys"))

    store.run("two", apply)
    assert matching_ids(store, "kyläyhdistys") == {first, second}


def test_reindexing_most_of_the_register_rebuilds_it_with_the_same_documents(demo_store):
    before = _index(demo_store, words=True)
    with demo_store.read() as session:
        ids = [uuid.UUID(hex=row[0]) for row in session.execute(text(
            "SELECT id FROM organisation"))]
    with demo_store.operation("reindex") as session:
        search.reindex(session, ids)
    assert _index(demo_store, words=True) == before


def test_a_checked_uuid_is_made_as_the_constructor_makes_it():
    text_id = str(uuid.uuid4())
    made = merge._uuid(text_id)
    assert made == uuid.UUID(text_id) and hash(made) == hash(uuid.UUID(text_id))
    assert str(made) == text_id and {made} == {uuid.UUID(text_id)}


def test_a_bad_value_after_many_good_records_of_its_shape_is_refused(demo_store, targets, tmp_path):
    bundle = tmp_path / "full.kumppani"
    export_bundle(demo_store, bundle, full=True)
    with zipfile.ZipFile(bundle) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    member = "changes/organisation.jsonl"
    lines = members[member].decode().splitlines()
    record = json.loads(lines[-1])
    record["values"]["created_at"] = "2026-02-30T12:00:00.000000"  # no such day
    lines[-1] = json.dumps(record)
    members[member] = ("\n".join(lines) + "\n").encode()
    manifest = json.loads(members["manifest.json"])
    manifest["members"][member] = {"sha256": hashlib.sha256(members[member]).hexdigest(),
                                   "size": len(members[member])}
    members["manifest.json"] = json.dumps(manifest).encode()
    bad = tmp_path / "bad.kumppani"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    target = targets[0]
    before = canonical(target)
    with pytest.raises(MalformedBundleError) as caught:
        import_bundle(target, bad)
    assert f" {len(lines)}:" in str(caught.value) and "created_at" in str(caught.value)
    assert canonical(target) == before


@pytest.mark.parametrize("line", [
    '{"n": 18446744073709551616, "m": -9223372036854775809}',  # past 64 bits: ints still
    '{"n": 1e400}',  # too large for a float: json reads infinity
    '{"s": "\\ud800"}',  # a lone surrogate
    '{"n": 1, "n": 2.5, "x": [0.1, 1e-400, 123456789012345678, -0.0, "\\u00e4"]}',
])
def test_lines_are_read_to_exactly_the_values_json_reads(line):
    data = (line + "\n").encode()
    exact = validate.long_numbers(data)
    [(_number, text_line, obj)] = validate._lines(data, "changes/x.jsonl", "b", exact)
    again = validate.RawRecord("id", text_line, False, True, exact).obj()
    assert repr(obj) == repr(again) == repr(json.loads(line))


@pytest.mark.parametrize("line", ['{"n": NaN}', '{"n": Infinity}', '{"n": 1,}', '{"s": "\x01"}'])
def test_lines_that_json_refuses_are_refused(line):
    data = (line + "\n").encode()
    with pytest.raises(MalformedBundleError):
        list(validate._lines(data, "changes/x.jsonl", "b", validate.long_numbers(data)))


@pytest.mark.parametrize("value", [
    [], ["091", "049"], ["ä", '"x\\', "\n\u2028", "😀"], [1, "a"], ["a", None], [True], [["a"]],
    {"a": [1]}, "x", 1.5, [1.0, "1"],
])
def test_json_values_are_stored_as_json_dumps_writes_them(value):
    assert sqlite_bulk._json_text(value) == json.dumps(value)
