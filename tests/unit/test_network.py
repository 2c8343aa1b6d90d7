"""Public partners and the liaison network: services over the real database."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.errors import ValidationError
from desktop.services import checklist, contacts, network, partners, register
from desktop.services.register import Filters, RegisterQuery
from desktop.services.vocabulary import label_in
from desktop.storage import listing
from desktop.storage.models import (
    Body,
    BodyMember,
    Meeting,
    MeetingAttendance,
)
from desktop.storage.models.enums import LiaisonRoleKind, OrganisationKind, Presence

TODAY = dt.date(2026, 12, 2)
OSTROBOTHNIA = 14  # municipalities of Pohjanmaan hyvinvointialue in the reference data


def _partners(store):
    with store.read() as session:
        return partners.municipality_partners(session)


def test_the_county_is_found_by_name_region_or_municipality_code(store):
    with store.read() as session:
        by_name = partners.find_county(session, "Österbottens")
        assert by_name.name_fi == "Pohjanmaan hyvinvointialue"
        assert partners.find_county(session, "15") == by_name
        assert partners.find_county(session, "905") == by_name
        assert len(by_name.codes) == OSTROBOTHNIA
        with pytest.raises(ValidationError):
            partners.find_county(session, "01")  # Uusimaa: four counties and Helsinki
        with pytest.raises(ValidationError, match="hyvinvointialue"):
            partners.find_county(session, None)  # an empty register says nothing


def test_adding_the_county_municipalities_is_idempotent(store):
    vaasa_id, _changes = register.save_organisation(
        store, None, {"name_fi": "Vaasan kaupunki", "kind": "municipality", "domicile_code": "905"})
    added, _changes = partners.add_county_municipalities(store, "Pohjanmaan")
    assert len(added.added) == OSTROBOTHNIA - 1 and added.existing == 1
    assert "905" not in added.added
    found = _partners(store)
    assert len(found) == OSTROBOTHNIA
    assert found["905"].id == vaasa_id
    assert (found["499"].name_fi, found["499"].name_sv) == ("Mustasaari", "Korsholm")
    again, _changes = partners.add_county_municipalities(store, "Pohjanmaan")
    assert again.added == () and again.existing == OSTROBOTHNIA
    assert len(_partners(store)) == OSTROBOTHNIA


def test_public_partners_are_searched_listed_and_filtered_with_organisations(store):
    register.save_organisation(store, None, {"name_fi": "Mustasaaren Marttayhdistys ry",
                                             "domicile_code": "499"})
    partners.add_county_municipalities(store, "15")

    def names(query):
        return [row.name for row in register.organisation_page(store, query, 0, 100)]

    everything = names(RegisterQuery())
    assert "Mustasaari" in everything and "Mustasaaren Marttayhdistys ry" in everything
    assert names(RegisterQuery(text="mustasaar")) == ["Mustasaaren Marttayhdistys ry", "Mustasaari"]
    assert names(RegisterQuery(text="mustasaar", filters=Filters(kind="organisation"))) == [
        "Mustasaaren Marttayhdistys ry"]
    assert names(RegisterQuery(text="mustasaar", filters=Filters(kind=register.PUBLIC_PARTNERS))) == [
        "Mustasaari"]
    # The kind combines with the other filters, and a public partner is found by its kind.
    assert names(RegisterQuery(filters=Filters(kind="municipality", municipality="499"))) == ["Mustasaari"]
    assert len(names(RegisterQuery(text="municipalit"))) == OSTROBOTHNIA
    row = register.organisation_page(store, RegisterQuery(text="korsholm", filters=Filters(kind="municipality")), 0, 10)[0]
    assert (row.kind_code, row.kind) == ("municipality", label_in("fi", OrganisationKind, "municipality"))
    by_kind = [row.kind_code for row in register.organisation_page(store, RegisterQuery(sort="kind"), 0, 100)]
    organisation_first = listing.sort_key(label_in("fi", OrganisationKind, "organisation")) < \
        listing.sort_key(label_in("fi", OrganisationKind, "municipality"))
    assert by_kind[0 if organisation_first else -1] == "organisation"


def test_an_unknown_kind_is_refused(store):
    with pytest.raises(ValidationError):
        register.save_organisation(store, None, {"name_fi": "X", "kind": "church"})


def _person(store, org_id, name, **fields):
    person_id, _changes = contacts.add_contact(store, org_id, "", name=name, **fields)
    return person_id


def test_the_network_shows_persons_and_gaps_and_ended_roles_leave_gaps(store):
    partners.add_county_municipalities(store, "15")
    vaasa = _partners(store)["905"]
    anna = _person(store, vaasa.id, "Anna Äijälä", phone="040 123 4567", email="anna@vaasa.fi")
    bo = _person(store, vaasa.id, "Bo Öst")
    network.add_role(store, anna, "905", LiaisonRoleKind.WELLBEING_PROMOTION, dt.date(2025, 1, 1))
    network.add_role(store, anna, "905", LiaisonRoleKind.ORGANISATION_COOPERATION, dt.date(2025, 1, 1))
    bo_role, _c = network.add_role(store, bo, "905", LiaisonRoleKind.VOLUNTEERING, dt.date(2024, 3, 1))
    network.add_role(store, bo, "905", LiaisonRoleKind.OTHER, dt.date(2024, 3, 1), title="Nuorisoyhteys")
    with store.read() as session:
        found = network.network(session, "fi", TODAY)
    assert len(found.rows) == OSTROBOTHNIA
    assert [c.label for c in found.columns] == [
        *(label_in("fi", LiaisonRoleKind, code) for code in network.STANDARD_ROLES), "Nuorisoyhteys"]
    assert [c.standard for c in found.columns] == [True, True, True, False]
    cell = found.cell("905", LiaisonRoleKind.WELLBEING_PROMOTION)
    assert not cell.gap and [(p.name, p.phone, p.email) for p in cell.persons] == [
        ("Anna Äijälä", "040 123 4567", "anna@vaasa.fi")]
    # Three standard roles in 14 municipalities, three filled in Vaasa; a role of one's own is no gap.
    assert len(found.gaps) == 3 * OSTROBOTHNIA - 3
    assert not found.cell("499", "other:Nuorisoyhteys").gap

    network.end_role(store, bo_role, dt.date(2026, 11, 30))
    with store.read() as session:
        after = network.network(session, "fi", TODAY)
        assert after.cell("905", LiaisonRoleKind.VOLUNTEERING).gap
        assert network.network(session, "fi", dt.date(2026, 11, 30)).cell(
            "905", LiaisonRoleKind.VOLUNTEERING).persons[0].name == "Bo Öst"
        assert [r.end_on for r in network.roles_of_person(session, bo, "fi")] == [
            None, dt.date(2026, 11, 30)]


def test_roles_are_validated(store):
    partners.add_county_municipalities(store, "15")
    anna = _person(store, _partners(store)["905"].id, "Anna")
    with pytest.raises(ValidationError):
        network.add_role(store, anna, "905", LiaisonRoleKind.OTHER, TODAY)  # no title
    with pytest.raises(ValidationError):
        network.add_role(store, anna, "905", "mayor", TODAY)
    with pytest.raises(ValidationError):
        network.add_role(store, anna, "905", LiaisonRoleKind.VOLUNTEERING, TODAY,
                         end_on=TODAY - dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        network.add_role(store, anna, "999", LiaisonRoleKind.VOLUNTEERING, TODAY)
    role_id, _c = network.add_role(store, anna, "905", LiaisonRoleKind.VOLUNTEERING, TODAY)
    network.remove_role(store, role_id)
    with store.read() as session:
        assert network.roles_of_person(session, anna, "fi") == []


def test_last_convened_comes_from_the_meetings_attended(store):
    partners.add_county_municipalities(store, "15")
    vaasa = _partners(store)["905"]
    anna = _person(store, vaasa.id, "Anna Äijälä")
    bo = _person(store, vaasa.id, "Bo Öst")
    cay = _person(store, vaasa.id, "Cay Kvist")
    for person in (anna, bo, cay):
        network.add_role(store, person, "905", LiaisonRoleKind.VOLUNTEERING, dt.date(2025, 1, 1))

    def meetings(session):
        body = Body(name_fi="Kumppanuuspöytä")
        session.add(body)
        session.flush()
        member = BodyMember(body_id=body.id, organisation_id=vaasa.id,
                            representative_id=anna, deputy_id=bo)
        session.add(member)
        session.flush()
        for date, presence, name in ((dt.date(2026, 3, 1), Presence.PRESENT, ""),
                                     (dt.date(2026, 9, 1), Presence.DEPUTY, ""),
                                     (dt.date(2026, 10, 1), Presence.ABSENT, ""),
                                     (dt.date(2027, 1, 1), Presence.PRESENT, ""),
                                     (dt.date(2026, 6, 1), Presence.EXPERT, "cay  kvist")):
            meeting = Meeting(body_id=body.id, date=date)
            session.add(meeting)
            session.flush()
            session.add(MeetingAttendance(meeting_id=meeting.id, presence=presence, name=name,
                                          member_id=None if name else member.id))

    store.run("meetings", meetings)
    with store.read() as session:
        found = network.last_convened(session, [anna, bo, cay], TODAY)
    assert found == {anna: dt.date(2026, 3, 1), bo: dt.date(2026, 9, 1), cay: dt.date(2026, 6, 1)}


def test_the_checklist_step_shows_the_network_gaps_as_evidence(store):
    partners.add_county_municipalities(store, "15")
    checklist_id, _c = checklist.create_checklist(store, "Vuosi 2026", 2026)
    with store.read() as session:
        step = next(i for i in checklist.list_items(session, checklist_id)
                    if i.template_key == network.CHECKLIST_STEP)
        other = next(i for i in checklist.list_items(session, checklist_id)
                     if i.template_key != network.CHECKLIST_STEP)
        lines = checklist.evidence_lines(session, step, "fi")
        assert checklist.evidence_lines(session, other, "fi") == []
    assert "42" in lines[0] and "14" in lines[0]
    assert len(lines) == 1 + OSTROBOTHNIA  # the summary, then one line per municipality
    assert any("Vaasa" in line for line in lines[1:])
    with store.read() as session:
        report = checklist.report_data(session, checklist_id, "sv", TODAY)
    evidence = [line for theme in report.themes for item in theme.items for line in item.evidence]
    assert any("Vasa" in line for line in evidence)


def test_a_past_years_and_a_municipalitys_checklist_show_the_network_of_their_own(store):
    partners.add_county_municipalities(store, "15")
    anna = _person(store, _partners(store)["905"].id, "Anna")
    this_year = dt.date.today().year
    network.add_role(store, anna, "905", LiaisonRoleKind.VOLUNTEERING, dt.date(this_year, 1, 1))
    county_now, _c = checklist.create_checklist(store, "Nyt", this_year)
    county_before, _c = checklist.create_checklist(store, "Ennen", this_year - 1)
    vaasa, _c = checklist.create_checklist(store, "Vaasa", this_year, "905")

    def evidence(checklist_id):
        with store.read() as session:
            step = next(i for i in checklist.list_items(session, checklist_id)
                        if i.template_key == network.CHECKLIST_STEP)
            return checklist.evidence_lines(session, step, "fi")

    assert "41" in evidence(county_now)[0]
    assert "42" in evidence(county_before)[0] and "31.12." in evidence(county_before)[0]
    lines = evidence(vaasa)
    assert len(lines) == 2 and "2" in lines[0] and "Vaasa" in lines[1]


def test_a_full_network_says_so_and_a_role_can_pass_to_another_person(store):
    vaasa_id, _c = register.save_organisation(
        store, None, {"name_fi": "Vaasa", "name_sv": "Vasa", "kind": "municipality", "domicile_code": "905"})
    anna = _person(store, vaasa_id, "Anna")
    bo = _person(store, vaasa_id, "Bo")
    ids = [network.add_role(store, anna, "905", role, dt.date(2026, 1, 1))[0]
           for role in network.STANDARD_ROLES]
    with store.read() as session:
        lines = network.gap_evidence(session, "sv", TODAY)
    assert len(lines) == 1 and "1" in lines[0] and "2.12.2026" in lines[0]
    network.update_role(store, ids[0], contact_id=bo)
    with store.read() as session:
        cell = network.network(session, "fi", TODAY).cell("905", network.STANDARD_ROLES[0])
        assert [p.name for p in cell.persons] == ["Bo"]
        assert [c.name for c in network.candidates(session, "905", "fi")][:2] == ["Anna", "Bo"]
