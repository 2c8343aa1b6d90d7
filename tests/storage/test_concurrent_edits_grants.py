"""Two users of one database editing the same grant call, application, decision, report or
payment at once: changes to different fields are both kept, a field both changed is chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from desktop.errors import ValidationError
from desktop.services import activities
from desktop.services.grants import applications as apps
from desktop.services.grants import calls, decisions
from desktop.services.records import EditConflict, Seen, seen
from desktop.storage.models import GrantApplication, GrantCall, GrantDecision, GrantPayment
from desktop.storage.models.enums import DecisionStatus, GrantType
from desktop.storage.store import Store
from tests.grant_helpers import MUSTASAARI, VAASA, organisation
from tests.stored_records import stored
from tests.unit.test_grant_facts import assert_statistics_match

EURO = 100


def _start(store: Store, seen_of: Callable[[Any, Any], Seen], record_id) -> Seen:
    with store.read() as session:
        return seen_of(session, record_id)


def _edit(store: Store, seen_of: Callable[[Any, Any], Seen], record_id,
          **changes: Any) -> tuple[dict[str, Any], Seen]:
    """What a dialog holds: every field as loaded with the user's changes, and its start."""
    start = _start(store, seen_of, record_id)
    return {**start.values, **changes}, start


def _decision_edit(store: Store, decision_id, **changes: Any) -> tuple[dict[str, Any], Seen]:
    """The decision dialog's edit, with the report dates (saved with the decision)."""
    return _edit(store, decisions.decision_seen, decision_id, **changes)


def _call(store: Store) -> Any:
    call_id, _changes = calls.create_call(
        store, year=2026, name="Kylätoiminnan avustukset 2026", grant_type=GrantType.OPERATING,
        budget_cents=10_000 * EURO, opens_on=dt.date(2026, 1, 2))
    return call_id


def _decided(store: Store, granted: int = 1_000 * EURO) -> tuple[Any, Any, Any]:
    """A call, an application of 1 000 € and its decision."""
    call_id = _call(store)
    org_id = organisation(store, "Mustasaaren Kyläyhdistys ry", domicile=MUSTASAARI)
    app_id, _changes = apps.create_application(store, call_id, org_id,
                                               applied_cents=1_000 * EURO, purpose="Kahvila")
    decision_id, _changes = decisions.decide(store, app_id, granted_cents=granted,
                                             deciding_body="Hallitus")
    return org_id, app_id, decision_id


# -- calls -------------------------------------------------------------------------------


def test_call_edits_of_different_fields_are_both_kept(store, other):
    call_id = _call(store)
    mine, start = _edit(other, calls.call_seen, call_id, name="Kyläavustukset 2026",
                        closes_on=dt.date(2026, 2, 28))
    theirs, their_start = _edit(store, calls.call_seen, call_id, budget_cents=8_000 * EURO,
                                funder_code=VAASA)
    calls.update_call(store, call_id, start=their_start, **theirs)
    calls.update_call(other, call_id, start=start, **mine)
    call = stored(store, GrantCall, call_id)
    assert (call.name, call.closes_on, call.budget_cents, call.funder_code) == (
        "Kyläavustukset 2026", dt.date(2026, 2, 28), 800_000, VAASA)


def test_a_call_field_both_changed_is_chosen_and_nothing_saved_before(store, other):
    call_id = _call(store)
    store.officer = "Aino"
    mine, start = _edit(other, calls.call_seen, call_id, budget_cents=12_000 * EURO,
                        criteria="Kylät")
    theirs, their_start = _edit(store, calls.call_seen, call_id, budget_cents=9_000 * EURO)
    calls.update_call(store, call_id, start=their_start, **theirs)
    with pytest.raises(EditConflict) as caught:
        calls.update_call(other, call_id, start=start, **mine)
    [clash] = caught.value.clashes
    assert (clash.name, clash.base, clash.theirs, clash.mine) == (
        "budget_cents", 1_000_000, 900_000, 1_200_000)
    assert caught.value.by == "Aino"
    assert (stored(store, GrantCall, call_id).criteria,
            stored(store, GrantCall, call_id).budget_cents) == ("", 900_000)
    calls.update_call(other, call_id, start=caught.value.current,
                      **caught.value.resolved({"budget_cents": 11_000 * EURO}))
    call = stored(store, GrantCall, call_id)
    assert (call.budget_cents, call.criteria) == (1_100_000, "Kylät")


def test_call_dates_are_checked_as_merged(store, other):
    call_id = _call(store)
    mine, start = _edit(other, calls.call_seen, call_id, closes_on=dt.date(2026, 1, 31))
    theirs, their_start = _edit(store, calls.call_seen, call_id, opens_on=dt.date(2026, 3, 1))
    calls.update_call(store, call_id, start=their_start, **theirs)
    with pytest.raises(ValidationError):
        calls.update_call(other, call_id, start=start, **mine)
    assert stored(store, GrantCall, call_id).closes_on is None


# -- applications ------------------------------------------------------------------------


def test_application_edits_of_different_fields_are_both_kept(store, other):
    org_id, app_id, _decision_id = _decided(store)
    kahvila, _changes = activities.add_activity(store, org_id, title="Kyläkahvila")
    kerho, _changes = activities.add_activity(store, org_id, title="Kerho")
    mine, start = _edit(other, apps.application_seen, app_id, purpose="Kahvila ja kerho",
                        activity_ids=[kerho, kahvila])
    theirs, their_start = _edit(store, apps.application_seen, app_id,
                                applied_cents=1_500 * EURO, municipalities=[VAASA])
    apps.update_application(store, app_id, start=their_start, **theirs)
    apps.update_application(other, app_id, start=start, **mine)
    application = stored(store, GrantApplication, app_id)
    assert (application.purpose, application.applied_cents, application.municipalities) == (
        "Kahvila ja kerho", 150_000, [VAASA])
    with store.read() as session:
        assert {a.id for a in apps.supported_activities(session, app_id)} == {kahvila, kerho}
    # Their larger amount made the full grant a partial one.
    assert stored(store, GrantDecision, _decision_id).status == DecisionStatus.PARTLY_GRANTED
    assert_statistics_match(store)

    # Their change to the activities alone leaves the application's row as it was: kept too.
    mine, start = _edit(other, apps.application_seen, app_id, received_on=dt.date(2026, 2, 1))
    theirs, their_start = _edit(store, apps.application_seen, app_id, activity_ids=[kahvila])
    apps.update_application(store, app_id, start=their_start, **theirs)
    apps.update_application(other, app_id, start=start, **mine)
    assert stored(store, GrantApplication, app_id).received_on == dt.date(2026, 2, 1)
    with store.read() as session:
        assert [a.id for a in apps.supported_activities(session, app_id)] == [kahvila]


def test_the_order_of_an_applications_municipalities_is_no_change(store, other):
    """A dialog lists the municipalities in its language's order, not as stored."""
    _org_id, app_id, _decision_id = _decided(store)
    apps.update_application(store, app_id, municipalities=[VAASA, MUSTASAARI])
    start = _start(other, apps.application_seen, app_id)
    apps.update_application(store, app_id, municipalities=[VAASA])
    listed = sorted(start.values["municipalities"], reverse=True)
    assert listed != start.values["municipalities"]
    apps.update_application(other, app_id, start=start,
                            **{**start.values, "municipalities": listed, "purpose": "Uusi"})
    application = stored(store, GrantApplication, app_id)
    assert (application.purpose, application.municipalities) == ("Uusi", [VAASA])


def test_an_application_field_both_changed_is_chosen_and_nothing_saved_before(store, other):
    org_id, app_id, decision_id = _decided(store)
    kahvila, _changes = activities.add_activity(store, org_id, title="Kyläkahvila")
    kerho, _changes = activities.add_activity(store, org_id, title="Kerho")
    mine, start = _edit(other, apps.application_seen, app_id, activity_ids=[kerho],
                        applied_cents=2_000 * EURO)
    theirs, their_start = _edit(store, apps.application_seen, app_id, activity_ids=[kahvila])
    apps.update_application(store, app_id, start=their_start, **theirs)
    with pytest.raises(EditConflict) as caught:
        apps.update_application(other, app_id, start=start, **mine)
    assert [c.name for c in caught.value.clashes] == ["activity_ids"]
    assert stored(store, GrantApplication, app_id).applied_cents == 100_000
    apps.update_application(other, app_id, start=caught.value.current,
                            **caught.value.resolved({"activity_ids": [kahvila, kerho]}))
    assert stored(store, GrantApplication, app_id).applied_cents == 200_000
    with store.read() as session:
        assert {a.id for a in apps.supported_activities(session, app_id)} == {kahvila, kerho}
    assert stored(store, GrantDecision, decision_id).status == DecisionStatus.PARTLY_GRANTED
    assert_statistics_match(store)


# -- decisions and their reports ---------------------------------------------------------


def test_decision_edits_of_different_fields_are_both_kept(store, other):
    _org_id, _app_id, decision_id = _decided(store)
    mine, start = _decision_edit(other, decision_id, reasoning="Hyvä hanke.")
    theirs, their_start = _decision_edit(store, decision_id, granted_cents=600 * EURO)
    decisions.update_decision(store, decision_id, start=their_start, **theirs)
    decisions.update_decision(other, decision_id, start=start, **mine)
    decision = stored(store, GrantDecision, decision_id)
    assert (decision.granted_cents, decision.status, decision.reasoning) == (
        60_000, DecisionStatus.PARTLY_GRANTED, "Hyvä hanke.")
    assert_statistics_match(store)

    # Cancelling is theirs too: an edit that left the status alone does not revive it.
    mine, start = _decision_edit(other, decision_id, conditions="Raportti syksyllä.")
    theirs, their_start = _decision_edit(store, decision_id, status=DecisionStatus.CANCELLED)
    decisions.update_decision(store, decision_id, start=their_start, **theirs)
    decisions.update_decision(other, decision_id, start=start, **mine)
    decision = stored(store, GrantDecision, decision_id)
    assert (decision.status, decision.conditions, decision.granted_cents) == (
        DecisionStatus.CANCELLED, "Raportti syksyllä.", 60_000)
    assert_statistics_match(store)


def test_a_decision_field_both_changed_is_chosen_and_nothing_saved_before(store, other):
    _org_id, _app_id, decision_id = _decided(store)
    mine, start = _decision_edit(other, decision_id, granted_cents=800 * EURO,
                                 deciding_body="Valtuusto")
    theirs, their_start = _decision_edit(store, decision_id, granted_cents=0)
    decisions.update_decision(store, decision_id, start=their_start, **theirs)
    with pytest.raises(EditConflict) as caught:
        decisions.update_decision(other, decision_id, start=start, **mine)
    [clash] = caught.value.clashes
    assert (clash.name, clash.base, clash.theirs, clash.mine) == (
        "granted_cents", 100_000, 0, 80_000)
    decision = stored(store, GrantDecision, decision_id)
    assert (decision.status, decision.deciding_body) == (DecisionStatus.REJECTED, "Hallitus")
    decisions.update_decision(other, decision_id, start=caught.value.current,
                              **caught.value.resolved({"granted_cents": clash.mine}))
    decision = stored(store, GrantDecision, decision_id)
    assert (decision.granted_cents, decision.status, decision.deciding_body) == (
        80_000, DecisionStatus.PARTLY_GRANTED, "Valtuusto")
    assert_statistics_match(store)


def test_report_dates_of_different_fields_are_both_kept_and_one_both_set_is_chosen(store, other):
    _org_id, _app_id, decision_id = _decided(store)
    store.officer = "Aino"
    mine, start = _decision_edit(other, decision_id, report_due=dt.date(2026, 10, 1))
    theirs, their_start = _decision_edit(store, decision_id,
                                         report_received=dt.date(2026, 9, 1))
    decisions.update_decision(store, decision_id, start=their_start, **theirs)
    decisions.update_decision(other, decision_id, start=start, **mine)
    decision = stored(store, GrantDecision, decision_id)
    assert (decision.report_due, decision.report_received) == (
        dt.date(2026, 10, 1), dt.date(2026, 9, 1))

    mine, start = _decision_edit(other, decision_id, report_due=dt.date(2026, 11, 1),
                                 report_received=dt.date(2026, 8, 30))
    theirs, their_start = _decision_edit(store, decision_id,
                                         report_received=dt.date(2026, 9, 2),
                                         report_accepted=dt.date(2026, 9, 3))
    decisions.update_decision(store, decision_id, start=their_start, **theirs)
    with pytest.raises(EditConflict) as caught:
        decisions.update_decision(other, decision_id, start=start, **mine)
    assert [c.name for c in caught.value.clashes] == ["report_received"]
    assert caught.value.by == "Aino"
    assert stored(store, GrantDecision, decision_id).report_due == dt.date(2026, 10, 1)
    # No date received under their acceptance: refused as a whole, nothing saved.
    with pytest.raises(ValidationError):
        decisions.update_decision(other, decision_id, start=caught.value.current,
                                  **caught.value.resolved({"report_received": None}))
    assert stored(store, GrantDecision, decision_id).report_due == dt.date(2026, 10, 1)
    decisions.update_decision(other, decision_id, start=caught.value.current,
                              **caught.value.resolved({"report_received": dt.date(2026, 9, 2)}))
    decision = stored(store, GrantDecision, decision_id)
    assert (decision.report_due, decision.report_received, decision.report_accepted) == (
        dt.date(2026, 11, 1), dt.date(2026, 9, 2), dt.date(2026, 9, 3))


# -- payments ----------------------------------------------------------------------------


def _payment_start(store: Store, payment_id) -> Seen:
    with store.read() as session:
        payment = session.get(GrantPayment, payment_id)
        assert payment is not None
        return seen(payment, ("paid_on", "amount_cents"))


def test_payment_edits_of_different_fields_are_both_kept_and_one_both_changed_is_chosen(
        store, other):
    _org_id, _app_id, decision_id = _decided(store)
    payment_id, _changes = decisions.add_payment(store, decision_id, dt.date(2026, 6, 1),
                                                 400 * EURO)
    start, their_start = _payment_start(other, payment_id), _payment_start(store, payment_id)
    decisions.update_payment(store, payment_id, paid_on=dt.date(2026, 6, 1),
                             amount_cents=500 * EURO, start=their_start)
    decisions.update_payment(other, payment_id, paid_on=dt.date(2026, 6, 15),
                             amount_cents=400 * EURO, start=start)
    payment = stored(store, GrantPayment, payment_id)
    assert (payment.paid_on, payment.amount_cents) == (dt.date(2026, 6, 15), 50_000)

    start, their_start = _payment_start(other, payment_id), _payment_start(store, payment_id)
    decisions.update_payment(store, payment_id, amount_cents=600 * EURO, start=their_start)
    with pytest.raises(EditConflict) as caught:
        decisions.update_payment(other, payment_id, paid_on=dt.date(2026, 7, 1),
                                 amount_cents=700 * EURO, start=start)
    assert [c.name for c in caught.value.clashes] == ["amount_cents"]
    assert stored(store, GrantPayment, payment_id).paid_on == dt.date(2026, 6, 15)
    resolved = caught.value.resolved({"amount_cents": 700 * EURO})
    decisions.update_payment(other, payment_id, start=caught.value.current, **resolved)
    payment = stored(store, GrantPayment, payment_id)
    assert (payment.paid_on, payment.amount_cents) == (dt.date(2026, 7, 1), 70_000)
    assert_statistics_match(store)
