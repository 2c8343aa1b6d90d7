"""A search's pages are the same whichever way the database finds them: from the ids of a few
matches, sorted, or by walking the name index for many (``listing._DENSE`` tells them apart)."""

from __future__ import annotations

import pytest

from desktop.services import register
from desktop.services.register import Filters, RegisterQuery
from desktop.storage import listing
from desktop.storage.models import Organisation
from desktop.storage.store import Store

NAMES = [("Östra Korsholms ungdomsförening rf", "499"), ("Ahvenlammen nuorisoseura ry", "499"),
         ("Vaasan nuorisoseura ry", "905"), ("Bäckby ungdomsförening rf", "905"),
         ("Koivulahden nuorisoseura ry", "499"), ("Zetan Urheilijat ry", "905")]


def shown(store: Store, query: RegisterQuery, offset: int = 0, limit: int = 10) -> list[str]:
    return [row.name for row in register.organisation_page(store, query, offset, limit)]


@pytest.mark.parametrize("dense", [2, 2000], ids=["walk", "sorted-ids"])
def test_pages_of_a_search_are_the_same_either_way(store: Store, monkeypatch: pytest.MonkeyPatch,
                                                   dense: int):
    store.run("add", lambda session: session.add_all(
        Organisation(name_fi=name, domicile_code=code) for name, code in NAMES))
    monkeypatch.setattr(listing, "_DENSE", dense)
    seurat = ["Ahvenlammen nuorisoseura ry", "Koivulahden nuorisoseura ry", "Vaasan nuorisoseura ry"]
    assert shown(store, RegisterQuery(text="nuorisoseura")) == seurat
    assert shown(store, RegisterQuery(text="nuorisoseura"), 1, 1) == seurat[1:2]
    assert shown(store, RegisterQuery(text="nuorisoseura", descending=True)) == seurat[::-1]
    assert shown(store, RegisterQuery(text="seura", sort="domicile")) == seurat  # 499, 499, 905
    in_vaasa = RegisterQuery(text="r", filters=Filters(municipality="905"))
    assert shown(store, in_vaasa) == ["Bäckby ungdomsförening rf", "Vaasan nuorisoseura ry",
                                      "Zetan Urheilijat ry"]
    assert shown(store, RegisterQuery(text="förening")) == ["Bäckby ungdomsförening rf",
                                                            "Östra Korsholms ungdomsförening rf"]
    assert shown(store, RegisterQuery(text="ei löydy")) == []
    assert register.count(store, RegisterQuery(text="ry")) == 4
