"""What the grants page reads: a call's used and left, an application's and a decision's details,
the meetings' § choices for the minutes link, follow-up rows and the letter's file name."""

from __future__ import annotations

import datetime as dt

from desktop.services import activities, meetings
from desktop.services.grants import applications as apps
from desktop.services.grants import calls, decisions, views
from desktop.storage.models.enums import DecisionStatus, GrantType
from desktop.storage.store import Store
from tests.grant_helpers import MUSTASAARI, VAASA, organisation

EURO = 100


def _round(store: Store):
    call_id, _c = calls.create_call(store, year=2027, name="Kyläavustukset 2027",
                                    grant_type=GrantType.PROJECT, budget_cents=5_000 * EURO,
                                    funder_code=VAASA, criteria="Kylät")
    org_id = organisation(store, "Malax byaförening rf", languages=["sv"])
    activity_id, _c = activities.add_activity(store, org_id, title="Byakväll")
    app_id, _c = apps.create_application(
        store, call_id, org_id, applied_cents=300_050, purpose="Byakvällar",
        municipalities=[VAASA, MUSTASAARI], activity_ids=[activity_id],
        received_on=dt.date(2026, 11, 2))
    return call_id, org_id, activity_id, app_id


def test_call_details_and_its_budget_used_and_left(store: Store):
    call_id, _org, _activity, app_id = _round(store)
    details = views.call_details(store, call_id)
    assert (details.year, details.name, details.funder_code, details.budget_cents,
            details.criteria) == (2027, "Kyläavustukset 2027", VAASA, 500_000, "Kylät")
    decisions.decide(store, app_id, granted_cents=250_025)
    row = views.call_row(store, call_id, "fi")
    assert (row.granted_cents, row.left_cents) == (250_025, 249_975)
    calls.update_call(store, call_id, budget_cents=200_000)
    assert views.call_row(store, call_id, "fi").left_cents == -50_025
    assert views.call_row(store, organisation(store, "Muu ry"), "fi") is None


def test_application_details_carry_municipalities_activities_and_attachments(store, tmp_path):
    _call, org_id, activity_id, app_id = _round(store)
    budget = tmp_path / "budjetti.pdf"
    budget.write_bytes(b"%PDF-1.4")
    apps.attach_file(store, app_id, budget)
    details = views.application_details(store, app_id, "fi")
    assert (details.organisation_id, details.applied_cents, details.municipalities,
            details.activity_ids) == (org_id, 300_050, (VAASA, MUSTASAARI), (activity_id,))
    assert [a.filename for a in details.attachments] == ["budjetti.pdf"]
    assert details.decision_id is None
    assert views.activity_choices(store, org_id, "fi") == [(activity_id, "Byakväll")]
    assert ("905", "Vaasa") in views.municipality_choices(store, "fi")


def test_decision_details_with_the_minutes_link_payments_and_letter(store: Store):
    _call, _org, _activity, app_id = _round(store)
    undecided = views.decision_details(store, app_id, "fi")
    assert (undecided.decision_id, undecided.granted_cents, undecided.letter_language) == (
        None, None, "sv")
    body_id, _c = meetings.create_body(store, "Kumppanuuspöytä")
    meeting_id, _c = meetings.create_meeting(store, body_id, dt.date(2026, 11, 30))
    item_id, _c = meetings.add_item(store, meeting_id, "Kyläavustukset")
    [choice] = views.minutes_choices(store, "fi")
    assert choice.id == meeting_id and choice.body == "Kumppanuuspöytä"
    assert "30.11.2026" in choice.label
    # Only the meeting's own items: the template's opening and closing decide no grants.
    assert [i.id for i in choice.items] == [item_id]
    assert choice.items[0].label.startswith("§ ") and choice.items[0].label.endswith(
        "Kyläavustukset")
    decision_id, _c = decisions.decide(store, app_id, granted_cents=200_000,
                                       agenda_item_id=item_id, deciding_body="Kumppanuuspöytä")
    decisions.add_payment(store, decision_id, dt.date(2026, 12, 1), 150_000)
    decisions.add_payment(store, decision_id, dt.date(2026, 12, 2), 49_999)
    details = views.decision_details(store, app_id, "fi")
    assert (details.meeting_id, details.agenda_item_id, details.status, details.paid_cents) == (
        meeting_id, item_id, DecisionStatus.PARTLY_GRANTED, 199_999)
    letter = views.letter_of(store, decision_id)
    assert letter.language == "sv" and "§" in letter.minutes
    assert views.letter_file_name(letter) == "Bidragsbeslut 2027 Malax byaförening rf.pdf"


def test_follow_up_rows_and_the_organisations_grants(store: Store):
    _call, org_id, _activity, app_id = _round(store)
    decision_id, _c = decisions.decide(store, app_id, granted_cents=300_050)
    decisions.record_report(store, decision_id, due=dt.date(2026, 10, 1))
    overdue, unpaid = views.follow_up_rows(store, dt.date(2026, 12, 2), "fi")
    assert [r.decision_id for r in overdue] == [decision_id]
    assert [(r.decision_id, r.unpaid_cents) for r in unpaid] == [(decision_id, 300_050)]
    [grant] = views.organisation_grants(store, org_id, "fi")
    assert (grant.year, grant.granted_cents, grant.report_due) == (
        2027, 300_050, dt.date(2026, 10, 1))
