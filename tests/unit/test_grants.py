"""Grant calls, applications, decisions, payments and reports through the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import ValidationError
from desktop.services import activities
from desktop.services.grants import applications as apps
from desktop.services.grants import call_rows, calls, decisions, follow_up
from desktop.services.grants.decisions import BudgetExceeded
from desktop.services.grants.money import parse_cents
from desktop.storage.models import GrantApplicationAttachment, GrantDecision, GrantPayment
from desktop.storage.models.enums import DecisionStatus, GrantType
from desktop.storage.store import Store
from tests.grant_helpers import MUSTASAARI, VAASA, organisation

EURO = 100


def _call(store: Store, budget: int = 10_000 * EURO, **fields: object):
    call_id, _changes = calls.create_call(
        store, year=2026, name="Hyte-avustukset 2026", grant_type=GrantType.WELLBEING,
        budget_cents=budget, **fields)
    return call_id


def _application(store: Store, call_id, applied: int, name: str = "Vaasan Seniorit ry", **fields):
    org_id = organisation(store, name)
    app_id, _changes = apps.create_application(store, call_id, org_id, applied_cents=applied,
                                               **fields)
    return org_id, app_id


# -- money -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "cents"), [
    ("1 234,50", 123450), ("1\u00a0234,50 €", 123450), ("1234,5", 123450), ("0,01", 1),
    ("12", 1200), ("12,00", 1200), ("1 000 000", 100_000_000),
])
def test_money_typed_in_finnish_is_exact_cents(text, cents):
    assert parse_cents(text, "fi") == cents


@pytest.mark.parametrize("text", ["12,345", "0,001", "-5", "1e3", "abc", "", "1,2,3", "NaN"])
def test_money_with_more_than_two_decimals_or_not_money_is_refused(text):
    with pytest.raises(ValidationError):
        parse_cents(text, "fi")


def test_money_in_swedish_and_english_locales():
    assert parse_cents("19,99", "sv") == 1999
    assert parse_cents("2 500", "en") == 250000


# -- calls and budget --------------------------------------------------------------------


def test_create_update_and_delete_a_call(store: Store):
    call_id = _call(store, funder_code=VAASA, opens_on=dt.date(2026, 1, 2),
                    closes_on=dt.date(2026, 1, 31), criteria=" Vaasassa toimivat ")
    calls.update_call(store, call_id, budget_cents=5_000 * EURO, name="Vaasan avustukset")
    [row] = call_rows(store, "fi")
    assert (row.name, row.funder, row.budget_cents, row.left_cents) == (
        "Vaasan avustukset", "Vaasa", 500_000, 500_000)
    with pytest.raises(ValidationError):
        calls.update_call(store, call_id, closes_on=dt.date(2025, 12, 1))
    with pytest.raises(ValidationError):
        calls.create_call(store, year=2026, name=" ")
    with pytest.raises(ValidationError):
        calls.create_call(store, year=2026, name="X", funder_code="999")
    with pytest.raises(TypeError):
        calls.create_call(store, year=2026, name="X", budget_cents=10.5)
    calls.delete_call(store, call_id)
    assert call_rows(store, "fi") == []


def test_a_call_with_applications_is_not_deleted(store: Store):
    call_id = _call(store)
    _application(store, call_id, 1_000 * EURO)
    with pytest.raises(ValidationError, match="applications|hakemuksia"):
        calls.delete_call(store, call_id)


def test_budget_used_left_and_the_overrun_warning(store: Store):
    call_id = _call(store, budget=10_000 * EURO)
    _org, first = _application(store, call_id, 8_000 * EURO, "Eka ry")
    _org, second = _application(store, call_id, 5_000 * EURO, "Toka ry")
    decisions.decide(store, first, granted_cents=7_000 * EURO)
    with store.read() as session:
        assert calls.budget_used(session, call_id) == 700_000
        assert calls.budget_left(session, call_id) == 300_000
        # 3 000 € is left: granting 5 000 € would exceed the budget by 2 000 €.
        assert calls.budget_overrun(session, second, 5_000 * EURO) == 200_000
        assert calls.budget_overrun(session, second, 3_000 * EURO) == 0
        assert calls.budget_overrun(session, second, 3_000 * EURO + 1) == 1
        # Lowering a decision never warns, nor re-deciding the same amount.
        assert calls.budget_overrun(session, first, 7_000 * EURO) == 0
    with pytest.raises(BudgetExceeded) as refused:
        decisions.decide(store, second, granted_cents=5_000 * EURO)
    assert refused.value.overrun_cents == 200_000
    assert "2\u00a0000,00\u00a0€" in str(refused.value)
    with store.read() as session:  # nothing was written
        assert session.scalars(select(GrantDecision)).all().__len__() == 1
    decisions.decide(store, second, granted_cents=5_000 * EURO, allow_overrun=True)
    [row] = call_rows(store, "fi")
    assert (row.granted_cents, row.left_cents, row.decisions) == (1_200_000, -200_000, 2)


def test_a_call_without_a_budget_never_warns(store: Store):
    call_id = _call(store, budget=0)
    _org, app_id = _application(store, call_id, 2_000 * EURO)
    with store.read() as session:
        assert calls.budget_overrun(session, app_id, 2_000 * EURO) == 0
    decisions.decide(store, app_id, granted_cents=2_000 * EURO)


# -- decisions ---------------------------------------------------------------------------


def test_status_follows_the_amounts(store: Store):
    call_id = _call(store)
    _org, app_id = _application(store, call_id, 1_000 * EURO)
    cases = [(1_000 * EURO, DecisionStatus.GRANTED), (999_99, DecisionStatus.PARTLY_GRANTED),
             (0, DecisionStatus.REJECTED)]
    for granted, status in cases:
        decision_id, _changes = decisions.decide(store, app_id, granted_cents=granted)
        with store.read() as session:
            assert session.get(GrantDecision, decision_id).status == status
    with pytest.raises(ValidationError):
        decisions.decide(store, app_id, granted_cents=1_000 * EURO + 1)
    with pytest.raises(ValidationError, match="rejection|hylkä|avslag"):
        decisions.decide(store, app_id, granted_cents=0, status=DecisionStatus.GRANTED)
    with pytest.raises(ValidationError):
        decisions.decide(store, app_id, granted_cents=500 * EURO, status=DecisionStatus.GRANTED)
    # Cancelled is the officer's choice, whatever the amount; it stays through other edits.
    decision_id, _changes = decisions.decide(store, app_id, granted_cents=500 * EURO,
                                             status=DecisionStatus.CANCELLED)
    decisions.update_decision(store, decision_id, reasoning="Toiminta loppui.")
    with store.read() as session:
        assert session.get(GrantDecision, decision_id).status == DecisionStatus.CANCELLED
        assert calls.budget_used(session, call_id) == 0  # a cancelled decision grants nothing
    decisions.update_decision(store, decision_id, status=None)
    with store.read() as session:
        assert session.get(GrantDecision, decision_id).status == DecisionStatus.PARTLY_GRANTED


def test_changing_the_applied_amount_rederives_the_status(store: Store):
    call_id = _call(store)
    _org, app_id = _application(store, call_id, 1_000 * EURO)
    decision_id, _changes = decisions.decide(store, app_id, granted_cents=800 * EURO)
    apps.update_application(store, app_id, applied_cents=800 * EURO)
    with store.read() as session:
        assert session.get(GrantDecision, decision_id).status == DecisionStatus.GRANTED
    with pytest.raises(ValidationError):
        apps.update_application(store, app_id, applied_cents=700 * EURO)


def test_a_decision_links_to_a_section_of_the_minutes(demo_store: Store):
    from desktop.services.checklist import meeting_item_choices
    from desktop.services.grants.letter import decision_letter

    with demo_store.read() as session:
        item = meeting_item_choices(session, "fi")[0]
        row = next(r for r in call_rows(demo_store, "fi") if r.year == max(
            c.year for c in call_rows(demo_store, "fi")))
        app_row = apps.application_rows(session, row.id, "fi")[0]
    decision_id, _changes = decisions.decide(
        demo_store, app_row.id, granted_cents=app_row.applied_cents, agenda_item_id=item.id,
        conditions="Tuki mainitaan viestinnässä.", decided_on=dt.date(2026, 3, 1),
        allow_overrun=True)
    with demo_store.read() as session:
        decision = session.get(GrantDecision, decision_id)
        assert decision.agenda_item_id == item.id
        assert decision.conditions == "Tuki mainitaan viestinnässä."
        assert "§" in decision_letter(session, decision_id).minutes
    with pytest.raises(ValidationError):
        decisions.update_decision(demo_store, decision_id, agenda_item_id=app_row.id)


def test_deciding_again_after_a_deletion_revives_the_one_decision(store: Store):
    call_id = _call(store)
    _org, app_id = _application(store, call_id, 1_000 * EURO)
    first, _changes = decisions.decide(store, app_id, granted_cents=100 * EURO)
    decisions.delete_decision(store, first)
    with store.read() as session:
        assert apps.application_rows(session, call_id, "fi")[0].decision_id is None
    again, _changes = decisions.decide(store, app_id, granted_cents=200 * EURO)
    assert again == first
    with store.read() as session:
        assert len(session.scalars(select(GrantDecision)).all()) == 1


# -- payments and reports ----------------------------------------------------------------


def test_payments_never_exceed_the_grant(store: Store):
    call_id = _call(store)
    _org, app_id = _application(store, call_id, 1_000 * EURO)
    decision_id, _changes = decisions.decide(store, app_id, granted_cents=900_50)
    first, _changes = decisions.add_payment(store, decision_id, dt.date(2026, 2, 15), 450_25)
    decisions.add_payment(store, decision_id, dt.date(2026, 8, 15), 450_25)
    with pytest.raises(ValidationError):
        decisions.add_payment(store, decision_id, dt.date(2026, 9, 1), 1)
    with pytest.raises(ValidationError):  # the grant cannot go below what was paid
        decisions.update_decision(store, decision_id, granted_cents=900_49)
    with pytest.raises(ValidationError):
        decisions.delete_decision(store, decision_id)
    with pytest.raises(ValidationError):
        apps.delete_application(store, app_id)
    decisions.update_payment(store, first, amount_cents=400_00)
    with store.read() as session:
        assert follow_up.unpaid_decisions(session, "fi")[0].unpaid_cents == 50_25
        assert [p.amount_cents for p in decisions.payments_of(session, decision_id)] == [
            400_00, 450_25]
    decisions.delete_payment(store, first)
    with store.read() as session:
        assert session.get(GrantPayment, first).deleted
        assert follow_up.unpaid_decisions(session, "fi")[0].paid_cents == 450_25


def test_nothing_is_paid_on_a_rejection(store: Store):
    call_id = _call(store)
    _org, app_id = _application(store, call_id, 1_000 * EURO)
    decision_id, _changes = decisions.decide(store, app_id, granted_cents=0)
    with pytest.raises(ValidationError):
        decisions.add_payment(store, decision_id, dt.date(2026, 2, 15), 100)


def test_reports_due_received_accepted_and_overdue(store: Store):
    call_id = _call(store)
    _org, late = _application(store, call_id, 1_000 * EURO, "Myöhässä ry")
    _org, done = _application(store, call_id, 1_000 * EURO, "Ajoissa ry")
    late_id, _c = decisions.decide(store, late, granted_cents=500 * EURO,
                                   report_due=dt.date(2026, 3, 31))
    done_id, _c = decisions.decide(store, done, granted_cents=500 * EURO)
    decisions.record_report(store, done_id, due=dt.date(2026, 3, 31), received=dt.date(2026, 3, 20))
    with pytest.raises(ValidationError):
        decisions.record_report(store, late_id, accepted=dt.date(2026, 4, 1))
    with pytest.raises(ValidationError):
        decisions.record_report(store, done_id, accepted=dt.date(2026, 3, 1))
    decisions.record_report(store, done_id, accepted=dt.date(2026, 4, 2))
    with store.read() as session:
        overdue = follow_up.overdue_reports(session, dt.date(2026, 4, 10), "fi")
        assert [row.organisation for row in overdue] == ["Myöhässä ry"]
        assert follow_up.overdue_reports(session, dt.date(2026, 3, 31), "fi") == []
        done_row = session.get(GrantDecision, done_id)
        assert (done_row.report_received, done_row.report_accepted) == (
            dt.date(2026, 3, 20), dt.date(2026, 4, 2))
    decisions.record_report(store, done_id, received=None, accepted=None)
    with store.read() as session:
        assert session.get(GrantDecision, done_id).report_due == dt.date(2026, 3, 31)


# -- applications ------------------------------------------------------------------------


def test_application_municipalities_activities_and_attachments(store: Store, tmp_path: Path):
    call_id = _call(store)
    org_id = organisation(store, "Mustasaaren Kyläyhdistys ry", domicile=MUSTASAARI)
    other_org = organisation(store, "Toinen ry")
    activity_id, _c = activities.add_activity(store, org_id, title="Kyläkahvila")
    foreign_id, _c = activities.add_activity(store, other_org, title="Kerho")
    app_id, _c = apps.create_application(
        store, call_id, org_id, applied_cents=2_500 * EURO, purpose="Kyläkahvila",
        municipalities=[MUSTASAARI, VAASA, MUSTASAARI], activity_ids=[activity_id])
    with pytest.raises(ValidationError):
        apps.update_application(store, app_id, activity_ids=[foreign_id])
    with pytest.raises(ValidationError):
        apps.update_application(store, app_id, municipalities=["000"])
    budget = tmp_path / "talousarvio.pdf"
    budget.write_bytes(b"%PDF-1.4 budget")
    attachment_id, _c = apps.attach_file(store, app_id, budget)
    apps.attach_file(store, app_id, budget)  # the same file again: one link
    with store.read() as session:
        [activity] = apps.supported_activities(session, app_id)
        assert activity.id == activity_id
        [attachment] = apps.attachments(session, app_id)
        assert (attachment.id, attachment.filename) == (attachment_id, "talousarvio.pdf")
        assert len(session.scalars(select(GrantApplicationAttachment)).all()) == 1
        row = apps.application_rows(session, call_id, "fi")[0]
        assert (row.organisation, row.applied_cents, row.decision_id) == (
            "Mustasaaren Kyläyhdistys ry", 250_000, None)
    apps.update_application(store, app_id, activity_ids=[])
    apps.detach_file(store, app_id, attachment_id)
    with store.read() as session:
        assert apps.supported_activities(session, app_id) == []
        assert apps.attachments(session, app_id) == []
    apps.delete_application(store, app_id)
    with store.read() as session:
        assert apps.application_rows(session, call_id, "fi") == []


def test_an_organisations_grants_across_the_years(store: Store):
    org_id = organisation(store, "Vuosittainen ry")
    for year, applied, granted in ((2024, 1_000, 1_000), (2025, 2_000, 500), (2026, 3_000, None)):
        call_id, _c = calls.create_call(store, year=year, name=f"Toiminta-avustukset {year}")
        app_id, _c = apps.create_application(store, call_id, org_id, applied_cents=applied * EURO)
        if granted is not None:
            decisions.decide(store, app_id, granted_cents=granted * EURO)
    with store.read() as session:
        history = follow_up.organisation_grants(session, org_id, "fi")
    assert [(g.year, g.applied_cents, g.granted_cents, g.status_code) for g in history] == [
        (2026, 300_000, 0, ""),
        (2025, 200_000, 50_000, DecisionStatus.PARTLY_GRANTED),
        (2024, 100_000, 100_000, DecisionStatus.GRANTED),
    ]
    assert history[1].funder == "Hyvinvointialue"
