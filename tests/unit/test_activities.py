"""Organisation-based activities (who does what, where) and the interaction log."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from desktop.errors import ValidationError
from desktop.services import activities
from desktop.services.register import matching_ids
from desktop.storage import search
from desktop.storage.models import Activity, Interaction, Organisation
from desktop.storage.models.enums import InteractionKind, OrganisationStatus
from desktop.storage.store import Store

VAASA, MUSTASAARI, KRISTIINANKAUPUNKI = "905", "499", "287"


def _organisation(store: Store, name: str = "Vaasan Kerho ry", **fields: object) -> uuid.UUID:
    made: list[uuid.UUID] = []

    def apply(session) -> None:
        org = Organisation(name_fi=name, domicile_code=VAASA, active_municipalities=[VAASA], **fields)
        session.add(org)
        session.flush()
        made.append(org.id)

    store.run("add organisation", apply)
    return made[0]


# -- activities --------------------------------------------------------------------------


def test_add_update_and_delete_an_activity(store: Store):
    org_id = _organisation(store)
    activity_id, changes = activities.add_activity(
        store, org_id, title="  Seniorijumppa ", municipalities=[VAASA, VAASA], when="ma klo 13–15",
        free_of_charge=True, published=True,
    )
    assert changes.inserted["activity"] == {activity_id}
    with store.read() as session:
        [activity] = activities.activities_of(session, org_id)
        assert activity.id == activity_id
        assert (activity.title, activity.municipalities, activity.when) == (
            "Seniorijumppa", [VAASA], "ma klo 13–15")
        assert activity.free_of_charge and activity.published and not activity.accessible
        assert activity.hlc and activity.replica_id == store.replica_id

    changes = activities.update_activity(store, activity_id, target_group="ikäihmiset",
                                         accessible=True)
    assert changes.touches("activity")
    with store.read() as session:
        activity = session.get(Activity, activity_id)
        assert activity.target_group == "ikäihmiset" and activity.accessible

    changes = activities.delete_activity(store, activity_id)
    assert changes.touches("activity")
    with store.read() as session:
        assert activities.activities_of(session, org_id) == []
        # A tombstone, not a removed row.
        assert session.get(Activity, activity_id).deleted


def test_an_activity_needs_a_title_and_known_municipalities(store: Store):
    org_id = _organisation(store)
    with pytest.raises(ValidationError):
        activities.add_activity(store, org_id, title="   ")
    with pytest.raises(ValidationError):
        activities.add_activity(store, org_id)
    with pytest.raises(ValidationError):
        activities.add_activity(store, org_id, title="Kerhoilta", municipalities=["000"])
    with pytest.raises(ValidationError):
        activities.add_activity(store, uuid.uuid4(), title="Kerhoilta")
    with pytest.raises(TypeError):
        activities.add_activity(store, org_id, title="Kerhoilta", organisation_id=uuid.uuid4())
    activity_id, _changes = activities.add_activity(store, org_id, title="Kerhoilta")
    with pytest.raises(ValidationError):
        activities.update_activity(store, activity_id, title="")
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 1
        assert session.get(Activity, activity_id).title == "Kerhoilta"


def test_search_finds_an_organisation_by_its_activity_until_the_activity_is_deleted(store: Store):
    assert int(search.INDEX_VERSION) >= 2  # activity titles are in the documents since 2
    org_id = _organisation(store, "Närpes Pensionärer rf")
    other = _organisation(store, "Vaasan Shakkikerho ry")
    assert matching_ids(store, "stickca") == set()
    activity_id, _changes = activities.add_activity(store, org_id, title="Stickcafé")
    assert matching_ids(store, "stickca") == {org_id}
    assert matching_ids(store, "STICKCAFÉ pension") == {org_id}
    activities.update_activity(store, activity_id, title="Läxhjälp")
    assert matching_ids(store, "stickca") == set()
    assert matching_ids(store, "läxhj") == {org_id}
    activities.delete_activity(store, activity_id)
    assert matching_ids(store, "läxhj") == set()
    assert matching_ids(store, "shakki") == {other}


def test_the_published_list_is_ordered_by_municipality_then_title(store: Store):
    active = _organisation(store, "Vaasan Kerho ry")
    dormant = _organisation(store, "Uinuva ry", status=OrganisationStatus.DORMANT)
    gone = _organisation(store, "Poistettu ry")
    add = activities.add_activity
    add(store, active, title="Seniorijumppa", municipalities=[VAASA], published=True)
    add(store, active, title="kerhoilta", municipalities=[VAASA], published=True)
    add(store, active, title="Läksykerho", municipalities=[MUSTASAARI], published=True)
    add(store, active, title="Lukupiiri", municipalities=[KRISTIINANKAUPUNKI, VAASA],
        published=True)
    add(store, active, title="Ilman paikkaa", published=True)
    add(store, active, title="Julkaisematon", municipalities=[VAASA])
    removed, _changes = add(store, active, title="Poistettu", municipalities=[VAASA], published=True)
    activities.delete_activity(store, removed)
    add(store, dormant, title="Uinuva kerho", municipalities=[VAASA], published=True)
    add(store, gone, title="Poistetun kerho", municipalities=[VAASA], published=True)

    def apply(session) -> None:
        session.get(Organisation, gone).deleted = True

    store.run("delete organisation", apply)
    with store.read() as session:
        # Kristiinankaupunki, Mustasaari, Vaasa (Vaasa by title, case-insensitive), then none.
        assert [a.title for a in activities.published_activities(session)] == [
            "Lukupiiri", "Läksykerho", "kerhoilta", "Seniorijumppa", "Ilman paikkaa",
        ]
        # In Swedish: Korsholm, Kristinestad, Vasa.
        assert [a.title for a in activities.published_activities(session, "sv")][:2] == [
            "Läksykerho", "Lukupiiri",
        ]


# -- interactions ------------------------------------------------------------------------


def test_interactions_are_validated_and_listed_newest_first(store: Store):
    org_id = _organisation(store)
    other = _organisation(store, "Toinen ry")
    log = activities.log_interaction
    log(store, org_id, dt.date(2026, 3, 2), "call", "Kysyivät käyttöselvityksestä.", "Anna Ojala")
    log(store, org_id, dt.date(2026, 5, 14), InteractionKind.VISIT, " Vierailu kerhossa. ", "Anna")
    changes = log(store, org_id, dt.date(2025, 12, 1), "email", "", "Anna Ojala")
    assert changes.touches("interaction")
    log(store, other, dt.date(2026, 6, 1), "meeting", "Muu", "Anna Ojala")
    with pytest.raises(ValidationError):
        log(store, org_id, dt.date(2026, 1, 1), "lunch", "", "Anna Ojala")
    with pytest.raises(ValidationError):
        log(store, uuid.uuid4(), dt.date(2026, 1, 1), "call", "", "Anna Ojala")
    with pytest.raises(TypeError):
        log(store, org_id, dt.datetime(2026, 1, 1, 12), "call", "", "Anna Ojala")
    with store.read() as session:
        rows = activities.interactions_of(session, org_id)
        assert [(r.date, r.kind) for r in rows] == [
            (dt.date(2026, 5, 14), "visit"),
            (dt.date(2026, 3, 2), "call"),
            (dt.date(2025, 12, 1), "email"),
        ]
        assert rows[0].note == "Vierailu kerhossa." and rows[0].officer == "Anna"
        assert session.scalar(select(func.count()).select_from(Interaction)) == 4


# -- the schema upgrade ------------------------------------------------------------------


def test_edit_and_delete_an_interaction_and_the_rows_of_the_tabs(store: Store):
    org_id = _organisation(store)
    activities.log_interaction(store, org_id, dt.date(2026, 3, 2), "call", " Soitto ", "Liisa")
    with store.read() as session:
        [row] = activities.interaction_rows(session, org_id)
    changes = activities.update_interaction(store, row.interaction_id, dt.date(2026, 3, 3), "visit",
                                            "Käynti toimistolla", "Liisa Virkailija")
    assert changes.updated["interaction"] == {row.interaction_id}
    with store.read() as session:
        assert activities.interaction_row(session, row.interaction_id) == activities.InteractionRow(
            row.interaction_id, dt.date(2026, 3, 3), "visit", "Liisa Virkailija", "Käynti toimistolla")
    with pytest.raises(ValidationError):
        activities.update_interaction(store, row.interaction_id, dt.date(2026, 3, 3), "fax", "", "")
    activities.delete_interaction(store, row.interaction_id)
    with store.read() as session:
        assert activities.interaction_rows(session, org_id) == []
        assert session.get(Interaction, row.interaction_id).deleted
        with pytest.raises(ValidationError):
            activities.interaction_row(session, row.interaction_id)

    activity_id, _changes = activities.add_activity(
        store, org_id, title="Kahvila", municipalities=[VAASA, MUSTASAARI], published=True)
    with store.read() as session:
        [listed] = activities.activity_rows(session, org_id, "sv")
        values = activities.activity_values(session, activity_id)
    assert (listed.title, listed.municipalities, listed.published) == ("Kahvila", "Korsholm, Vasa", True)
    assert values["municipalities"] == [VAASA, MUSTASAARI] and set(values) == activities.ACTIVITY_FIELDS
