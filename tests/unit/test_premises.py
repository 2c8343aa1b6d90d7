"""Premises: recording, links both ways, the list's filters, and the public list as PDF and XLSX."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desktop.cli import main
from desktop.documents.premises_list import headings, write_premises_list
from desktop.errors import KnownError, ValidationError
from desktop.i18n import _
from desktop.services import activities, premises
from desktop.services.premises import PremisesFilter
from desktop.services.premises_list import public_premises_list
from desktop.services.register import save_organisation
from desktop.storage.models import Premises, PremisesActivity, PremisesOrganisation

HALL = {"name_fi": "Koivulahden kylätalo", "name_sv": "Kvevlax bygdegård", "municipality_code": "499",
        "kind": "hall", "capacity": 120, "step_free": True, "terms": "fee",
        "booking": "Varausvastaava, puh. 050 400 1200", "contract_clause": "Liite 3, kohta 7.2"}


@pytest.fixture
def orgs(store):
    village, _c = save_organisation(store, None, {"name_fi": "Koivulahden Kyläyhdistys ry",
                                                  "domicile_code": "499"})
    club, _c = save_organisation(store, None, {"name_fi": "Vaasan Näkövammaiset ry",
                                               "name_sv": "Vasa synskadade rf", "domicile_code": "905"})
    return village, club


def _live_links(store, model):
    with store.read() as session:
        return {(link.premises_id, getattr(link, "organisation_id", None) or link.activity_id)
                for link in session.scalars(select(model).where(model.deleted.is_(False)))}


def test_premises_are_validated_before_anything_is_written(store, orgs):
    assert set(premises.field_errors({"name_fi": " ", "name_sv": ""})) == {"name_fi"}
    assert premises.field_errors({"name_fi": "", "name_sv": "Bygdegård"}) == {}
    assert set(premises.field_errors({"capacity": 0})) == {"capacity"}
    assert set(premises.field_errors({"capacity": -5, "kind": "castle", "terms": "gratis"})) == {
        "capacity", "kind", "terms"}
    assert premises.field_errors({"capacity": 40, "kind": "sports", "terms": "free_for_wellbeing"}) == {}
    with pytest.raises(ValidationError):
        premises.save_premises(store, None, {"name_fi": ""})
    with pytest.raises(ValidationError):
        premises.save_premises(store, None, {**HALL, "municipality_code": "000"})
    with pytest.raises(TypeError):
        premises.save_premises(store, None, {**HALL, "colour": "red"})
    with store.read() as session:
        assert session.scalars(select(Premises)).all() == []


def test_links_go_both_ways_and_an_activity_brings_its_organisation(store, orgs):
    village, club = orgs
    coffee, _c = activities.add_activity(store, village, title="Kylän kahvila", municipalities=["499"])
    reading, _c = activities.add_activity(store, club, title="Lukupiiri", municipalities=["905"])
    hall, _c = premises.save_premises(store, None, {**HALL, "owner_id": village},
                                      organisation_ids=[village], activity_ids=[coffee])
    assert _live_links(store, PremisesOrganisation) == {(hall, village)}
    assert _live_links(store, PremisesActivity) == {(hall, coffee)}

    # From the activity's side: held in the hall too, which makes its organisation a user.
    premises.set_activity_premises(store, reading, [hall])
    assert _live_links(store, PremisesOrganisation) == {(hall, village), (hall, club)}
    with store.read() as session:
        assert premises.premises_of_activity(session, reading) == [hall]
        details = premises.premises_details(session, hall, "fi")
        assert details.owner is not None and details.owner.text == "Koivulahden Kyläyhdistys ry"
        assert [c.text for c in details.organisations] == [
            "Koivulahden Kyläyhdistys ry", "Vaasan Näkövammaiset ry"]
        assert [c.text for c in details.activities] == [
            "Kylän kahvila – Koivulahden Kyläyhdistys ry", "Lukupiiri – Vaasan Näkövammaiset ry"]
        assert [r.name for r in premises.premises_of_organisation(session, club, "sv")] == [
            "Kvevlax bygdegård"]
        assert details.fields["contract_clause"] == "Liite 3, kohta 7.2"

    # Saving the links from the premises' side replaces them; unlinked ones become tombstones.
    premises.save_premises(store, hall, {"capacity": 100}, organisation_ids=[village], activity_ids=[])
    assert _live_links(store, PremisesOrganisation) == {(hall, village)}
    assert _live_links(store, PremisesActivity) == set()
    premises.set_activity_premises(store, coffee, [hall])
    premises.delete_premises(store, hall)
    assert _live_links(store, PremisesOrganisation) == set()
    assert _live_links(store, PremisesActivity) == set()
    with store.read() as session:
        assert premises.premises_rows(session, "fi") == []
        assert session.get(Premises, hall).deleted  # a tombstone that travels to other copies


def test_the_list_filters_by_municipality_capacity_features_terms_and_text(store, orgs):
    village, club = orgs
    premises.save_premises(store, None, HALL)
    premises.save_premises(store, None, {"name_fi": "Kirjaston kokoushuone", "municipality_code": "905",
                                         "capacity": 20, "step_free": True, "accessible_toilet": True,
                                         "induction_loop": True, "terms": "free", "owner_id": club})
    premises.save_premises(store, None, {"name_fi": "Hietalahden puisto", "municipality_code": "905",
                                         "kind": "outdoor", "terms": "free"})

    def names(**wanted):
        with store.read() as session:
            return [r.name for r in premises.premises_rows(session, "fi", PremisesFilter(**wanted))]

    assert names() == ["Koivulahden kylätalo", "Hietalahden puisto", "Kirjaston kokoushuone"]
    assert names(municipality="905") == ["Hietalahden puisto", "Kirjaston kokoushuone"]
    assert names(min_capacity=50) == ["Koivulahden kylätalo"]  # unknown capacity does not qualify
    assert names(features=frozenset({"step_free"})) == ["Koivulahden kylätalo", "Kirjaston kokoushuone"]
    assert names(features=frozenset({"step_free", "induction_loop"})) == ["Kirjaston kokoushuone"]
    assert names(terms="free", municipality="905", min_capacity=10) == ["Kirjaston kokoushuone"]
    assert names(text="näkövammaiset") == ["Kirjaston kokoushuone"]  # the owner's name
    assert names(text="KVEVLAX") == ["Koivulahden kylätalo"]
    with store.read() as session:
        row = premises.premises_rows(session, "fi", PremisesFilter(text="kirjaston"))[0]
        assert row.accessibility == ", ".join(_(premises.FEATURE_LABELS[f]) for f in premises.FEATURES)
        assert premises.premises_municipalities(session, "sv") == [("499", "Korsholm"), ("905", "Vasa")]
        assert [c.text for c in premises.find_organisations(session, "NÄKÖ", "fi")] == [
            "Vaasan Näkövammaiset ry"]


def test_the_public_list_is_grouped_by_municipality_in_its_language(demo_store, tmp_path):
    with demo_store.read() as session:
        finnish = public_premises_list(session, "fi")
        swedish = public_premises_list(session, "sv")
        recorded = len(premises.premises_rows(session, "fi"))
    assert recorded >= 10
    assert sum(len(s.entries) for s in finnish) == recorded
    assert "Vaasa" in [s.municipality for s in finnish] and "Vasa" in [s.municipality for s in swedish]
    entries = [e for s in swedish for e in s.entries]
    assert "Vasa stadsbiblioteks mötesrum" in [e.name for e in entries]

    pdf, xlsx = tmp_path / "tilat.pdf", tmp_path / "lokaler.xlsx"
    write_premises_list(finnish, pdf, "fi")
    write_premises_list(swedish, xlsx, "sv")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "Vaasan kaupunginkirjaston kokoushuone" in text and "Närpiö" in text
    assert "kohta 7.2" not in text  # the service producer's contract stays internal
    sheet = load_workbook(xlsx).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == headings("sv")
    assert len(rows) == 1 + recorded
    assert ("Vasa", "Vasa stadsbiblioteks mötesrum") in {(r[0], r[1]) for r in rows}
    capacities = {r[1]: r[5] for r in rows[1:]}
    assert capacities["Brändö ungdomsgård"] == "60"
    with pytest.raises(KnownError):
        write_premises_list(finnish, tmp_path / "tilat.doc", "fi")


def test_the_premises_list_from_the_command_line(demo_store, tmp_path, capsys):
    target = tmp_path / "lokaler.pdf"
    assert main(["export", "premises", str(target), "--lang", "sv", "--db", demo_store.location]) == 0
    assert str(target) in capsys.readouterr().out
    text = "\n".join(page.extract_text() or "" for page in PdfReader(target).pages)
    assert "Vasa" in text and "Brändö ungdomsgård" in text
    assert main(["export", "premises", str(tmp_path / "x.csv"), "--db", demo_store.location]) == 1
