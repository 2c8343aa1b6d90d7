"""The register listing: Finnish and Swedish order, kept current with each operation, read in windows."""

import pytest

from desktop.services import register
from desktop.services.register import Filters, RegisterQuery
from desktop.storage.listing import SECTOR_LETTERS, listing_row, sort_key
from desktop.storage.models import Organisation
from desktop.storage.store import Store


def test_names_sort_as_in_finnish_and_swedish():
    names = ["Öljymäen kylä", "zeta ry", "Åbo Akademi", "Ärrä ry", "aalto ry", "Émile ry", "Ödla",
             "Ähtäri", "Yyterin ry", "Übung ry", "ZZ Top"]
    assert sorted(names, key=sort_key) == [
        "aalto ry", "Émile ry", "Übung ry", "Yyterin ry", "zeta ry", "ZZ Top", "Åbo Akademi",
        "Ähtäri", "Ärrä ry", "Ödla", "Öljymäen kylä"]


@pytest.fixture
def names(store: Store):
    def add(session):
        session.add_all([
            Organisation(name_fi="Öljymäen kyläyhdistys ry", domicile_code="905", sectors=["village"]),
            Organisation(name_fi="Ahvenlammen kyläyhdistys ry", domicile_code="499",
                         sectors=["village"]),
            Organisation(name_sv="Kvevlax byaförening rf", name_fi="Koivulahden kyläyhdistys ry",
                         domicile_code="499", sectors=["village", "culture"], languages=["sv"]),
            Organisation(name_fi="Zetan Urheilijat ry", domicile_code="905", sectors=["sports"],
                         status="dormant"),
        ])

    store.run("add", add)


def shown(store: Store, query: RegisterQuery, offset: int = 0, limit: int = 10) -> list[str]:
    return [row.name for row in register.organisation_page(store, query, offset, limit)]


def test_windows_of_the_sorted_and_filtered_register(store, names):
    everything = RegisterQuery()
    assert register.count(store, everything) == 4
    assert shown(store, everything) == ["Ahvenlammen kyläyhdistys ry", "Koivulahden kyläyhdistys ry",
                                        "Zetan Urheilijat ry", "Öljymäen kyläyhdistys ry"]
    assert shown(store, everything, 1, 2) == ["Koivulahden kyläyhdistys ry", "Zetan Urheilijat ry"]
    swedish = RegisterQuery(language="sv")
    assert shown(store, swedish)[1] == "Kvevlax byaförening rf"
    assert shown(store, RegisterQuery(descending=True))[0] == "Öljymäen kyläyhdistys ry"
    by_place = RegisterQuery(sort="domicile", language="sv")  # Korsholm before Vasa
    assert shown(store, by_place) == ["Ahvenlammen kyläyhdistys ry", "Kvevlax byaförening rf",
                                      "Zetan Urheilijat ry", "Öljymäen kyläyhdistys ry"]
    villages = RegisterQuery(text="kylä", filters=Filters(municipality="499", sector="village"))
    assert register.count(store, villages) == 2
    assert shown(store, RegisterQuery(filters=Filters(language="sv"))) == ["Koivulahden kyläyhdistys ry"]
    assert shown(store, RegisterQuery(filters=Filters(status="dormant"))) == ["Zetan Urheilijat ry"]
    assert shown(store, RegisterQuery(text="yh")) == shown(store, RegisterQuery(text="yhd"))
    batches = list(register.organisation_ids(store, everything, batch=3))
    assert [len(batch) for batch in batches] == [3, 1]


def test_the_listing_changes_with_the_operation_and_only_if_it_commits(store, names):
    [first] = register.organisation_page(store, RegisterQuery(), 0, 1)
    with pytest.raises(RuntimeError), store.operation("broken") as session:
        session.get(Organisation, first.id).name_fi = "Ööö ry"
        session.flush()
        raise RuntimeError("stop")
    assert shown(store, RegisterQuery())[0] == first.name
    register.save_organisation(store, first.id, {"name_fi": "Ööö ry"})
    assert shown(store, RegisterQuery())[-1] == "Ööö ry"
    register.mark_deleted(store, first.id)
    assert register.count(store, RegisterQuery()) == 3
    assert register.count(store, RegisterQuery(text="ööö")) == 0


def test_a_listing_row_stores_its_lists_of_codes_as_given_whatever_they_hold():
    """The lists of codes are worked out once per distinct list; a JSON column that a
    bundle filled with something else than strings is stored as it is, not as the list of
    equal strings or numbers met before (True == 1 as a key)."""
    def row(sectors, languages):
        org = {"id": "ab" * 16, "name_fi": "Åland-seura", "name_sv": "", "business_id": None,
               "domicile_code": "091", "status": "active", "sectors": sectors,
               "languages": languages}
        return listing_row(org, 1, {"091": ("Helsinki", "Helsingfors")})

    first = row(["social_health", "culture"], ["fi", "sv"])
    assert (first["sectors"], first["languages"]) == ('["social_health", "culture"]', '["fi", "sv"]')
    assert first["sector_order"] == SECTOR_LETTERS["social_health"] + SECTOR_LETTERS["culture"]
    assert (first["domicile_key_fi"], first["domicile_key_sv"]) == ("helsinki", "helsingfors")
    assert row([1], [True])["languages"] == "[true]"
    assert row([True], [1])["languages"] == "[1]"
    assert row([{"x": 1}, "social_health"], [])["sector_order"] == SECTOR_LETTERS["social_health"]
    assert row(["social_health", "culture"], ["fi", "sv"]) == first
