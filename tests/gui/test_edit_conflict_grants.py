"""Saving a grant decision, application or call that another user saved meanwhile: their other
changes kept, the field both changed chosen in the conflict dialog."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox

from desktop.i18n import _
from desktop.i18n.formatting import format_date, format_money
from desktop.services import activities
from desktop.services.grants import applications as apps
from desktop.services.grants import calls, decisions
from desktop.storage.models import GrantApplication, GrantCall, GrantDecision
from desktop.storage.models.enums import DecisionStatus, GrantType
from desktop.storage.store import Store
from desktop.ui.dialogs.edit_conflict import EditConflictDialog
from desktop.ui.grants.application_dialog import ApplicationDialog, check_texts
from desktop.ui.grants.call_dialog import CallDialog
from desktop.ui.grants.decision_dialog import DecisionDialog
from tests.grant_helpers import MUSTASAARI, organisation
from tests.stored_records import stored

EURO = 100


@pytest.fixture
def round_(store: Store) -> dict[str, Any]:
    """A call of 10 000 €, an application of 1 000 € fully granted."""
    call_id, _changes = calls.create_call(
        store, year=2027, name="Kylätoiminnan avustukset 2027", grant_type=GrantType.OPERATING,
        budget_cents=10_000 * EURO)
    org_id = organisation(store, "Mustasaaren Kyläyhdistys ry", domicile=MUSTASAARI)
    kahvila, _changes = activities.add_activity(store, org_id, title="Kyläkahvila")
    activities.add_activity(store, org_id, title="Kerho")
    app_id, _changes = apps.create_application(store, call_id, org_id, applied_cents=1_000 * EURO,
                                               purpose="Kahvila", activity_ids=[kahvila])
    decision_id, _changes = decisions.decide(store, app_id, granted_cents=1_000 * EURO,
                                             deciding_body="Hallitus")
    return {"call": call_id, "application": app_id, "decision": decision_id}


class Conflicts(list[dict[str, Any]]):
    """The conflict dialogs shown, each noted as the fields it asked about and its texts;
    ``choose`` answers them: field → "theirs", "mine" (when left out) or an edited text."""

    def __init__(self) -> None:
        super().__init__()
        self.choose: dict[str, str] = {}

    def answer(self, dialog: EditConflictDialog) -> QDialog.DialogCode:
        self.append({"fields": [box.title() for box in dialog.boxes],
                     "texts": [label.text() for label in dialog.findChildren(QLabel)]})
        for box in dialog.boxes:
            wanted = self.choose.get(box.clash.name, "mine")
            if wanted == "theirs":
                box.theirs.setChecked(True)
            elif wanted != "mine":
                assert box.edited is not None
                box.edited.setText(wanted)
                box.edited.textEdited.emit(wanted)
        return QDialog.DialogCode.Accepted


@pytest.fixture
def conflicts(monkeypatch) -> Conflicts:
    made = Conflicts()
    monkeypatch.setattr(EditConflictDialog, "exec", lambda dialog: made.answer(dialog))
    return made




def test_the_decision_dialog_asks_which_amount_to_keep_and_keeps_their_other_changes(
        qtbot, store, round_, other, conflicts):
    dialog = DecisionDialog(store, round_["application"])
    qtbot.addWidget(dialog)
    dialog.show()
    # Meanwhile another user lowers the grant, adds conditions and notes the report received.
    decisions.update_decision(other, round_["decision"], granted_cents=600 * EURO,
                              conditions="Raportti syksyllä.")
    decisions.record_report(other, round_["decision"], received=dt.date(2027, 9, 1))

    dialog.granted.setText("800")
    dialog.reasoning.setPlainText("Hyvä hanke.")
    dialog.report_due.set_value(dt.date(2027, 10, 31))
    conflicts.choose["granted_cents"] = "theirs"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    [asked] = conflicts
    assert asked["fields"] == [_("Granted (€)")]
    texts = asked["texts"]
    assert any("Aino Ärölä" in text for text in texts)
    assert {format_money(1_000 * EURO), format_money(600 * EURO),
            format_money(800 * EURO)} <= {text.split(": ", 1)[-1] for text in texts}
    assert dialog.result() == dialog.DialogCode.Accepted
    decision = stored(store, GrantDecision, round_["decision"])
    assert (decision.granted_cents, decision.status, decision.reasoning, decision.conditions,
            decision.report_due, decision.report_received) == (
        60_000, DecisionStatus.PARTLY_GRANTED, "Hyvä hanke.", "Raportti syksyllä.",
        dt.date(2027, 10, 31), dt.date(2027, 9, 1))


def test_the_decision_dialog_asks_about_report_dates_both_changed(
        qtbot, store, round_, other, conflicts):
    dialog = DecisionDialog(store, round_["application"])
    qtbot.addWidget(dialog)
    dialog.show()
    decisions.update_decision(other, round_["decision"], status=DecisionStatus.CANCELLED)
    decisions.record_report(other, round_["decision"], due=dt.date(2027, 12, 31))

    dialog.payment_terms.setPlainText("Kahdessa erässä.")
    dialog.report_due.set_value(dt.date(2027, 10, 31))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()

    [asked] = conflicts
    assert asked["fields"] == [_("Due")]
    assert any("Aino Ärölä" in text for text in asked["texts"])
    assert format_date(dt.date(2027, 12, 31)) in {t.split(": ", 1)[-1] for t in asked["texts"]}
    decision = stored(store, GrantDecision, round_["decision"])
    # Their cancellation stays: this edit left the status as it was.
    assert (decision.status, decision.payment_terms, decision.report_due) == (
        DecisionStatus.CANCELLED, "Kahdessa erässä.", dt.date(2027, 10, 31))
    assert dialog.cancelled.isChecked()  # Apply shows what is stored now

    # Saving again from what Apply showed asks nothing.
    dialog.deciding_body.setText("Valtuusto")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(conflicts) == 1
    assert stored(store, GrantDecision, round_["decision"]).deciding_body == "Valtuusto"


def test_a_decision_over_the_budget_is_asked_about_once_the_clash_is_chosen(
        qtbot, store, round_, other, conflicts, monkeypatch):
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **_kwargs: (
        questions.append(args[2]) or QMessageBox.StandardButton.Yes))
    dialog = DecisionDialog(store, round_["application"])
    qtbot.addWidget(dialog)
    dialog.show()
    calls.update_call(other, round_["call"], budget_cents=700 * EURO)
    decisions.update_decision(other, round_["decision"], granted_cents=600 * EURO,
                              allow_overrun=True)

    dialog.granted.setText("900")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    # The clash is chosen once: saving again over the budget starts from that choice.
    assert [asked["fields"] for asked in conflicts] == [[_("Granted (€)")]]
    assert len(questions) == 1
    assert dialog.result() == dialog.DialogCode.Accepted
    decision = stored(store, GrantDecision, round_["decision"])
    assert (decision.granted_cents, decision.status) == (90_000, DecisionStatus.PARTLY_GRANTED)


def test_the_application_dialog_asks_which_activities_to_keep(
        qtbot, store, round_, other, conflicts):
    dialog = ApplicationDialog(store, round_["call"], round_["application"])
    qtbot.addWidget(dialog)
    dialog.show()
    apps.update_application(other, round_["application"], activity_ids=[],
                            purpose="Kahvila ja kerho")

    check_texts(dialog.activities, {"Kerho"})
    dialog.applied.setText("1 200")
    dialog.accept()

    [asked] = conflicts
    assert asked["fields"] == [_("Activities it supports")]
    assert {"Kyläkahvila", "Kerho, Kyläkahvila"} <= {
        t.split(": ", 1)[-1] for t in asked["texts"]}
    assert dialog.result() == dialog.DialogCode.Accepted
    application = stored(store, GrantApplication, round_["application"])
    assert (application.purpose, application.applied_cents) == ("Kahvila ja kerho", 120_000)
    with store.read() as session:
        assert sorted(a.title for a in apps.supported_activities(session, application.id)) == [
            "Kerho", "Kyläkahvila"]
    assert stored(store, GrantDecision, round_["decision"]).status == \
        DecisionStatus.PARTLY_GRANTED


def test_the_call_dialog_takes_an_edited_name(qtbot, store, round_, other, conflicts):
    dialog = CallDialog(store, round_["call"])
    qtbot.addWidget(dialog)
    dialog.show()
    calls.update_call(other, round_["call"], name="Kyläavustukset 2027",
                      budget_cents=8_000 * EURO)

    dialog.name.setText("Kylätoiminta 2027")
    dialog.criteria.setPlainText("Kylät")
    conflicts.choose["name"] = "Kylätoiminnan avustukset (kylät) 2027"
    dialog.accept()

    [asked] = conflicts
    assert asked["fields"] == [_("Name")]
    assert dialog.result() == dialog.DialogCode.Accepted
    call = stored(store, GrantCall, round_["call"])
    assert (call.name, call.budget_cents, call.criteria) == (
        "Kylätoiminnan avustukset (kylät) 2027", 800_000, "Kylät")


def test_a_new_decision_whose_report_dates_were_refused_is_edited_from_what_was_saved(
        qtbot, store, round_, other, conflicts, monkeypatch):
    org_id = organisation(store, "Vaasan Kuoro ry")
    app_id, _changes = apps.create_application(store, round_["call"], org_id,
                                               applied_cents=500 * EURO, purpose="Konsertti")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = DecisionDialog(store, app_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.granted.setText("500")
    dialog.report_received.set_value(dt.date(2027, 9, 10))
    dialog.report_accepted.set_value(dt.date(2027, 9, 1))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert warnings == [_("A report cannot be accepted before it was received.")]
    decision_id = dialog.details.decision_id
    assert decision_id is not None  # the decision itself was saved

    # The next save edits that decision: another user's change meanwhile stays.
    decisions.update_decision(other, decision_id, deciding_body="Valtuusto")
    dialog.report_accepted.set_value(dt.date(2027, 9, 20))
    dialog.reasoning.setPlainText("Hyvä konsertti.")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not conflicts and dialog.result() == dialog.DialogCode.Accepted
    decision = stored(store, GrantDecision, decision_id)
    assert (decision.deciding_body, decision.reasoning, decision.report_accepted) == (
        "Valtuusto", "Hyvä konsertti.", dt.date(2027, 9, 20))


@pytest.fixture
def panel(qtbot, store, round_):
    """The grants page's applications of the round's call, redrawn on every change."""
    from desktop.ui.pages.grants import GrantsPage

    page = GrantsPage(store)
    store.subscribe(page.on_changes)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page.applications


def test_the_granted_cell_asks_about_an_amount_another_officer_set_meanwhile(
        qtbot, store, round_, other, panel, conflicts):
    """The amount typed in the Granted cell starts from the amount the cell showed: another
    officer's amount, set meanwhile, is asked about, whether the application had a decision
    or another officer made the first."""
    from desktop.ui.grants.applications_panel import GRANTED_COLUMN
    from tests.gui.test_grants_page import cell, type_granted

    org_id = organisation(store, "Bergö Byaförening rf", domicile=MUSTASAARI)
    second, _changes = apps.create_application(store, round_["call"], org_id,
                                               applied_cents=500 * EURO, purpose="Talkoot")
    mustasaari = "Mustasaaren Kyläyhdistys ry"
    decisions.update_decision(other, round_["decision"], granted_cents=800 * EURO)
    type_granted(qtbot, panel, mustasaari, "900")
    qtbot.waitUntil(lambda: len(conflicts) == 1)
    [asked] = conflicts
    assert asked["fields"] == [_("Granted")]
    assert "Aino Ärölä" in " ".join(asked["texts"])
    shown = " ".join(asked["texts"]).replace("\xa0", " ").replace("\u202f", " ")
    assert all(amount in shown for amount in ("1 000,00 €", "800,00 €", "900,00 €"))
    assert stored(store, GrantDecision, round_["decision"]).granted_cents == 900 * EURO

    decisions.decide(other, second, granted_cents=300 * EURO)
    conflicts.choose = {"granted_cents": "theirs"}
    type_granted(qtbot, panel, "Bergö Byaförening rf", "400")
    qtbot.waitUntil(lambda: len(conflicts) == 2)
    assert [entry["fields"] for entry in conflicts] == [[_("Granted")], [_("Granted")]]
    with store.read() as session:
        application = session.get(GrantApplication, second)
        assert application is not None and application.decision is not None
        assert application.decision.granted_cents == 300 * EURO
    assert cell(panel, "Bergö Byaförening rf", GRANTED_COLUMN) == "300,00 €"

    # Nothing changed meanwhile: nothing to ask.
    type_granted(qtbot, panel, mustasaari, "950")
    qtbot.waitUntil(lambda: stored(store, GrantDecision, round_["decision"]).granted_cents
                    == 950 * EURO)
    assert len(conflicts) == 2
    assert stored(store, GrantDecision, round_["decision"]).granted_cents == 950 * EURO


def test_a_first_decision_typed_over_one_cancelled_meanwhile_keeps_it_cancelled(
        store, round_, other):
    """The cell showed no decision; another officer decided and cancelled meanwhile. The same
    amount typed here is no clash, and their cancellation stays."""
    from desktop.services.records import SHOWN, Seen

    org_id = organisation(store, "Bergö Byaförening rf", domicile=MUSTASAARI)
    second, _changes = apps.create_application(store, round_["call"], org_id,
                                               applied_cents=500 * EURO, purpose="Talkoot")
    decision_id, _changes = decisions.decide(other, second, granted_cents=300 * EURO)
    decisions.update_decision(other, decision_id, status=DecisionStatus.CANCELLED.value)
    decisions.decide(store, second, granted_cents=300 * EURO,
                     start=Seen(SHOWN, {"granted_cents": None}))
    decision = stored(store, GrantDecision, decision_id)
    assert (decision.granted_cents, decision.status) == (300 * EURO, DecisionStatus.CANCELLED)


def test_the_granted_cell_over_the_budget_is_asked_about_once_the_clash_is_chosen(
        qtbot, store, round_, other, panel, conflicts, monkeypatch):
    from tests.gui.test_grants_page import type_granted

    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **_kwargs: (
        questions.append(args[2]) or QMessageBox.StandardButton.Yes))
    calls.update_call(other, round_["call"], budget_cents=700 * EURO)
    decisions.update_decision(other, round_["decision"], granted_cents=600 * EURO,
                              allow_overrun=True)
    type_granted(qtbot, panel, "Mustasaaren Kyläyhdistys ry", "900")
    qtbot.waitUntil(lambda: stored(store, GrantDecision, round_["decision"]).granted_cents
                    == 900 * EURO)
    assert [asked["fields"] for asked in conflicts] == [[_("Granted")]]
    assert len(questions) == 1
