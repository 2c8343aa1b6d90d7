import pytest
from sqlalchemy import func, select

from desktop.storage.models import AuditEntry, ContactPerson, Municipality, Organisation
from desktop.storage.store import Store
from desktop.storage.tracking import Changes


def test_reference_municipalities_are_loaded(store: Store):
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Municipality)) == 308
        vaasa = session.get(Municipality, "905")
        assert (vaasa.name_fi, vaasa.name_sv) == ("Vaasa", "Vasa")


def test_an_operation_stamps_audits_and_reports_its_changes(store: Store):
    store.officer = "Liisa Liaison"
    heard: list[Changes] = []
    store.subscribe(heard.append)
    changes = store.run("add", lambda s: s.add(Organisation(name_fi="Kylätoimikunta ry")))
    assert changes.touches("organisation") and heard == [changes]
    with store.read() as session:
        org = session.scalars(select(Organisation)).one()
        assert org.replica_id == store.replica_id
        assert org.hlc.endswith(store.replica_id)
        audit = session.scalars(select(AuditEntry)).one()
    assert (audit.officer, audit.action, audit.table_name) == ("Liisa Liaison", "insert", "organisation")
    assert audit.record_id == str(org.id)
    assert audit.changes["name_fi"] == [None, "Kylätoimikunta ry"]


def test_each_change_gets_a_later_clock_and_an_update_is_audited_by_field(store: Store):
    store.run("add", lambda s: s.add(Organisation(name_fi="A ry")))
    with store.read() as session:
        first = session.scalars(select(Organisation)).one().hlc

    def rename(session):
        session.scalars(select(Organisation)).one().name_sv = "A rf"

    changes = store.run("rename", rename)
    assert changes.updated and not changes.inserted
    with store.read() as session:
        org = session.scalars(select(Organisation)).one()
        assert org.hlc > first
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last.action == "update" and last.changes == {"name_sv": ["", "A rf"]}


def test_deleting_is_a_tombstone_and_a_hard_delete_is_refused(store: Store):
    store.run("add", lambda s: s.add(ContactPerson(name="Matti Meikäläinen")))

    def tombstone(session):
        session.scalars(select(ContactPerson)).one().deleted = True

    assert store.run("delete", tombstone).deleted
    with pytest.raises(RuntimeError, match="tombstone"), store.operation("hard") as session:
        session.delete(session.scalars(select(ContactPerson)).one())
    with store.read() as session:
        assert session.scalars(select(ContactPerson)).one().deleted is True


def test_a_failed_operation_leaves_the_database_unchanged(store: Store):
    heard: list[Changes] = []
    store.subscribe(heard.append)
    with pytest.raises(ZeroDivisionError), store.operation("broken") as session:
        session.add(Organisation(name_fi="Puolikas ry"))
        session.flush()
        1 / 0  # noqa: B018
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 0
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0
    assert heard == []


def test_each_database_has_its_own_replica_id_kept_across_openings(store: Store, tmp_path):
    other = Store.open(tmp_path / "other.sqlite3", backup_dir=tmp_path / "b")
    assert other.replica_id != store.replica_id
    reopened = Store.open(store.location, backup_dir=tmp_path / "b")
    assert reopened.replica_id == store.replica_id
    other.close()
    reopened.close()


def test_every_syncable_table_has_the_sync_columns():
    from desktop.storage.base import syncable_classes

    names = {cls.__tablename__ for cls in syncable_classes()}
    assert {"organisation", "contact_person", "meeting", "grant_decision", "checklist_item"} <= names
    for cls in syncable_classes():
        columns = set(cls.__table__.columns.keys())
        assert {"id", "hlc", "replica_id", "deleted", "created_at", "updated_at"} <= columns


def test_changing_a_list_in_place_is_saved_and_audited(store: Store):
    store.run("add", lambda s: s.add(Organisation(name_fi="Lista ry", sectors=["sports"])))

    def append(session):
        org = session.scalars(select(Organisation)).one()
        org.sectors.append("youth")

    assert store.run("append", append).updated
    with store.read() as session:
        assert session.scalars(select(Organisation)).one().sectors == ["sports", "youth"]


def test_a_failing_listener_does_not_undo_or_hide_the_operation(store: Store):
    heard = []
    store.subscribe(lambda changes: 1 / 0)
    store.subscribe(heard.append)
    store.run("add", lambda s: s.add(Organisation(name_fi="Kuuluu ry")))
    assert len(heard) == 1


def test_municipalities_still_referred_to_survive_a_new_classification(store: Store, tmp_path):
    from desktop.storage.reference import read_municipalities, sync_municipalities

    store.run("add", lambda s: s.add(Organisation(name_fi="Korsholm ry", domicile_code="499")))
    rows = [r for r in read_municipalities() if r["code"] not in ("499", "091")]
    smaller = tmp_path / "merged.csv"
    import csv

    with smaller.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.DictWriter(fp, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with store.operation("reference") as session:
        assert sync_municipalities(session, smaller)
    with store.read() as session:
        assert session.get(Municipality, "499") is not None  # an organisation lives there
        assert session.get(Municipality, "091") is None


def test_labels_of_codes_shared_by_several_vocabularies_stay_apart():
    from desktop.i18n import set_language
    from desktop.services.vocabulary import label
    from desktop.storage.models.enums import GrantType, OrganisationForm, Sector

    set_language("en")
    assert len({label(Sector, "other"), label(OrganisationForm, "other"), label(GrantType, "other")}) == 3
