"""An officer's whole path through a grant round on the Grants page, over a real database:
a call with its budget, applications, decisions typed into the table (one over the budget, one
linked to a § in the minutes), a payment and a report, the follow-up highlights, the decision
letter in the organisation's language and the organisation's own page."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from desktop.i18n import _, ngettext, translate_in
from desktop.i18n.formatting import format_date, format_money
from desktop.services import activities, meetings
from desktop.services.grants import views
from desktop.services.grants._common import THE_COUNTY
from desktop.services.vocabulary import label
from desktop.storage.models import GrantCall
from desktop.storage.models.enums import DecisionStatus, GrantType
from desktop.ui.dialogs.organisation import OrganisationDialog
from desktop.ui.grants.common import OVERDUE_BACKGROUND, UNPAID_BACKGROUND
from desktop.ui.pages.grants import GrantsPage
from tests.grant_helpers import organisation

TODAY = dt.date.today()
CALL = "Kylätoiminnan avustukset 2027"
BERGO, HUUTONIEMI, LAIHIA = ("Bergö byaförening rf", "Huutoniemen asukasyhdistys ry",
                             "MLL:n Laihian yhdistys ry")
# Columns of the applications table.
ORGANISATION, APPLIED, GRANTED, STATUS, PAID, REPORT = 0, 2, 3, 4, 5, 6


@pytest.fixture
def world(store):
    """Three organisations (one Swedish-speaking) with activities, and a meeting whose minutes
    have a § on the grants."""
    bergo = organisation(store, BERGO, domicile="475", languages=["sv"],
                         postal_address="Bergövägen 1\n66140 Malax")
    activities.add_activity(store, bergo, title="Klubbkväll")
    huutoniemi = organisation(store, HUUTONIEMI)
    activities.add_activity(store, huutoniemi, title="Kylän kahvila")
    organisation(store, LAIHIA, domicile="399")
    body_id, _changes = meetings.create_body(store, "Pohjanmaan kumppanuuspöytä")
    meeting_id, _changes = meetings.create_meeting(store, body_id, dt.date(2026, 11, 30))
    meetings.add_item(store, meeting_id, "Kylätoiminnan avustukset 2027")
    return {"bergo": bergo}


@pytest.fixture
def page(qtbot, store, world):
    widget = GrantsPage(store)
    store.subscribe(widget.on_changes)  # the main window does this for its pages
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


@pytest.fixture
def answers(monkeypatch):
    """Questions are answered from ``answers["next"]`` (Yes when empty) and noted; warnings
    are noted; the save dialog returns ``answers["save_to"]`` and notes the name offered."""
    seen: dict = {"questions": [], "warnings": [], "offered": [], "next": [], "save_to": None}

    def question(*args, **_kwargs):
        seen["questions"].append(args[2])
        return seen["next"].pop(0) if seen["next"] else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warnings"].append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (
        seen["offered"].append(Path(a[2]).name) or (str(seen["save_to"]), "")))
    return seen


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: QTest types ASCII only, the rest arrives as an input method sends it."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            widget.insertPlainText(chunk) if hasattr(widget, "insertPlainText") else widget.insert(chunk)


def plain(text: str) -> str:
    """Babel separates thousands and the currency with no-break spaces; compare as read."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def cell(panel, organisation: str, column: int) -> str:
    row = [r.organisation for r in panel.rows()].index(organisation)
    return plain(panel.model.index(row, column).data())


def call_cells(page) -> dict[str, str]:
    row = [r.name for r in page.calls.rows()].index(CALL)
    model = page.calls.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return {h: plain(model.index(row, c).data()) for c, h in enumerate(headers)}


def type_granted(qtbot, panel, organisation: str, text: str) -> None:
    """Into the Granted cell with the keyboard: F2, the amount, Enter."""
    index = panel.granted_index(organisation)
    panel.table.setCurrentIndex(index)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    editor = panel.table.focusWidget()
    assert editor is not panel.table, "the cell opened no editor"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)  # the decision is made once the editor has closed


def new_application(qtbot, panel, organisation: str, applied: str, purpose: str,
                    municipalities: set[str], activities: set[str],
                    attachment: Path | None = None) -> None:
    from desktop.ui.grants.application_dialog import check_texts

    dialog = panel.new_application()
    dialog.choose_organisation(organisation)
    type_text(qtbot, dialog.purpose, purpose)
    qtbot.keyClicks(dialog.applied, applied)
    dialog.received_on.set_value(dt.date(2026, 11, 20))
    check_texts(dialog.municipalities, municipalities)
    check_texts(dialog.activities, activities)
    if attachment is not None:
        dialog.attach(attachment)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_an_officer_runs_a_grant_round_from_call_to_letter(qtbot, page, store, world, answers,
                                                            tmp_path):
    # -- the call ------------------------------------------------------------------------
    dialog = page.calls.new_call()
    dialog.year.setValue(2027)
    type_text(qtbot, dialog.name, CALL)
    dialog.grant_type.setCurrentIndex(dialog.grant_type.findData(GrantType.PROJECT))
    qtbot.keyClicks(dialog.budget, "10 000")
    dialog.accept()
    assert answers["warnings"] == []
    assert page.calls.current().name == CALL  # the new call is chosen, its applications below
    cells = call_cells(page)
    assert (cells[_("Budget")], cells[_("Used")], cells[_("Left")]) == (
        "10 000,00 €", "0,00 €", "10 000,00 €")
    assert cells[_("Funder")] == _(THE_COUNTY)
    assert page.calls.rows()[0].grant_type == label(GrantType, GrantType.PROJECT)

    # -- applications --------------------------------------------------------------------
    panel = page.applications
    budget_file = tmp_path / "talousarvio.pdf"
    budget_file.write_bytes(b"%PDF-1.4 budget")
    new_application(qtbot, panel, BERGO, "6 000", "Kyläillat ja talkoot", {"Maalahti"},
                    {"Klubbkväll"}, budget_file)
    new_application(qtbot, panel, HUUTONIEMI, "4 500,50", "Kylän kahvila", {"Vaasa"},
                    {"Kylän kahvila"})
    new_application(qtbot, panel, LAIHIA, "3 000", "Vertaisryhmät", {"Laihia"}, set())
    assert [r.organisation for r in panel.rows()] == [BERGO, HUUTONIEMI, LAIHIA]
    assert cell(panel, HUUTONIEMI, APPLIED) == "4 500,50 €"
    assert cell(panel, BERGO, STATUS) == _("undecided")
    bergo = panel.select(BERGO)
    details = views.application_details(store, bergo.id, "fi")
    assert [a.filename for a in details.attachments] == ["talousarvio.pdf"]
    assert len(details.activity_ids) == 1 and details.municipalities == ("475",)
    edit = panel.edit_application()  # the selected one: Bergö's
    assert not edit.organisation.isEnabled() and plain(edit.applied.text()) == "6 000,00"
    edit.purpose.selectAll()
    type_text(qtbot, edit.purpose, "Kyläillat, talkoot ja bykväll")
    edit.accept()
    assert cell(panel, BERGO, 1) == "Kyläillat, talkoot ja bykväll"
    assert views.application_details(store, bergo.id, "fi").municipalities == ("475",)

    # -- decisions typed into the table ---------------------------------------------------
    type_granted(qtbot, panel, HUUTONIEMI, "4 500,50")
    qtbot.waitUntil(lambda: cell(panel, HUUTONIEMI, STATUS) == label(DecisionStatus, "granted"))
    assert cell(panel, HUUTONIEMI, GRANTED) == "4 500,50 €"
    type_granted(qtbot, panel, BERGO, "5 000")
    qtbot.waitUntil(lambda: cell(panel, BERGO, STATUS) == label(DecisionStatus, "partly_granted"))
    # Not money: refused with the reason, nothing stored.
    type_granted(qtbot, panel, LAIHIA, "12,345")
    qtbot.waitUntil(lambda: len(answers["warnings"]) == 1)
    assert "12,345" in answers["warnings"].pop() and cell(panel, LAIHIA, STATUS) == _("undecided")
    # Over the budget: asked first; No stores nothing, Yes records it.
    answers["next"] = [QMessageBox.StandardButton.No]
    type_granted(qtbot, panel, LAIHIA, "3 000")
    qtbot.waitUntil(lambda: len(answers["questions"]) == 1)
    assert format_money(250050) in answers["questions"][0]  # 4 500,50 + 5 000 + 3 000 - 10 000
    assert cell(panel, LAIHIA, STATUS) == _("undecided")
    type_granted(qtbot, panel, LAIHIA, "3 000")
    qtbot.waitUntil(lambda: cell(panel, LAIHIA, STATUS) == label(DecisionStatus, "granted"))
    cells = call_cells(page)
    assert (cells[_("Used")], cells[_("Left")]) == ("12 500,50 €", "-2 500,50 € " + _("(over)"))
    assert _("OVER THE BUDGET by {amount}").format(amount="2 500,50 €") in plain(
        panel.budget.text())
    # Brought back under the budget, then a rejection: 0.
    type_granted(qtbot, panel, LAIHIA, "0")
    qtbot.waitUntil(lambda: cell(panel, LAIHIA, STATUS) == label(DecisionStatus, "rejected"))
    assert call_cells(page)[_("Left")] == "499,50 €"

    # -- the decision dialog: the § in the minutes, reasoning, the report due -------------
    meeting = next(m for m in views.minutes_choices(store, "fi") if m.items)
    item = meeting.items[0]
    panel.select(BERGO)
    decision = panel.open_decision()
    assert decision.status.text() == label(DecisionStatus, "partly_granted")
    decision.decided_on.set_value(dt.date(2026, 11, 30))
    decision.choose_item(meeting.label, int(item.label.split()[1]))
    assert decision.deciding_body.text() == meeting.body  # offered from the meeting
    type_text(qtbot, decision.reasoning, "Kyläillat tukevat yhteisöllisyyttä; talkoot jäävät pois.")
    decision.report_due.set_value(TODAY - dt.timedelta(days=30))
    decision.accept()
    assert decision.result() == decision.DialogCode.Accepted and answers["warnings"] == []
    stored = views.decision_details(store, bergo.id, "fi")
    assert (stored.agenda_item_id, stored.granted_cents, stored.status) == (
        item.id, 500000, DecisionStatus.PARTLY_GRANTED)
    assert stored.reasoning.startswith("Kyläillat") and stored.deciding_body == meeting.body

    # -- a payment: never above the grant -------------------------------------------------
    panel.select(HUUTONIEMI)
    decision = panel.open_decision()
    decision.tabs.setCurrentIndex(1)
    decision.paid_on.setDate(dt.date(2026, 12, 1))
    qtbot.keyClicks(decision.payment_amount, "4 500,51")
    assert decision.add_payment() is False
    assert decision.payment_error.isVisible()
    assert format_money(450051) in decision.payment_error.text()
    assert decision.payments_model.rowCount() == 0
    decision.payment_amount.clear()
    qtbot.keyClicks(decision.payment_amount, "4 500,50")
    qtbot.keyClick(decision.payment_amount, Qt.Key.Key_Return)
    assert not decision.payment_error.isVisible()
    assert plain(decision.payments_model.index(0, 1).data()) == "4 500,50 €"
    assert decision.payments_model.index(0, 0).data() == "1.12.2026"
    # -- and its report on use: due, received, accepted -----------------------------------
    decision.tabs.setCurrentIndex(2)
    decision.report_due.set_value(dt.date(2026, 11, 1))
    decision.report_received.set_value(dt.date(2026, 11, 15))
    decision.report_accepted.set_value(dt.date(2026, 11, 20))
    decision.accept()
    assert decision.result() == decision.DialogCode.Accepted
    assert cell(panel, HUUTONIEMI, PAID) == "4 500,50 €"
    assert cell(panel, HUUTONIEMI, REPORT) == _("accepted {date}").format(date="20.11.2026")
    overdue_text = _("OVERDUE since {date}").format(date=format_date(TODAY - dt.timedelta(30)))
    assert cell(panel, BERGO, REPORT) == overdue_text

    # -- follow-up: the overdue report and the unpaid decisions, in colour and in words ----
    page.tabs.setCurrentIndex(1)
    follow = page.follow_up
    overdue = [follow.overdue_model.row_at(i) for i in range(follow.overdue_model.rowCount())]
    mine = [i for i, r in enumerate(overdue) if r.call == CALL]
    assert [overdue[i].organisation for i in mine] == [BERGO]
    index = follow.overdue_model.index(mine[0], 0)
    assert index.data() == ngettext("Report overdue by {n} day", "Report overdue by {n} days",
                                    30).format(n=30)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    unpaid = [follow.unpaid_model.row_at(i) for i in range(follow.unpaid_model.rowCount())]
    mine = [i for i, r in enumerate(unpaid) if r.call == CALL]
    assert [unpaid[i].organisation for i in mine] == [BERGO]  # paid in full and rejected are not
    index = follow.unpaid_model.index(mine[0], 1)
    assert plain(index.data()) == "5 000,00 €"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == UNPAID_BACKGROUND
    assert "1" in page.tabs.tabText(1)
    page.grab().save("/tmp/h1-test-followup.png")

    page.tabs.setCurrentIndex(2)  # the statistics are read when they are looked at
    assert page.tabs.currentWidget() is page.statistics and not page._statistics_stale

    # -- the decision letter, in Swedish for a Swedish-speaking organisation --------------
    page.tabs.setCurrentIndex(0)
    panel.select(BERGO)
    answers["save_to"] = tmp_path / "letter.pdf"
    written = panel.letter()
    assert written == tmp_path / "letter.pdf" and written.exists()
    assert answers["offered"] == [f"{translate_in('sv', 'Grant decision')} 2027 {BERGO}.pdf"]
    text = " ".join(plain("\n".join(p.extract_text() for p in PdfReader(written).pages)).split())
    assert BERGO in text and "5 000,00 €" in text and "6 000,00 €" in text
    assert f"§ {item.label.split()[1]}" in text and "Kyläillat tukevat" in text
    shutil.copyfile(written, "/tmp/h1-letter.pdf")

    # -- the stored cents against an independent sum --------------------------------------
    with store.read() as session:
        call_id = session.scalars(select(GrantCall.id).where(GrantCall.name == CALL)).one()
    with sqlite3.connect(store.path) as raw:
        granted, paid, budget = raw.execute(
            "SELECT (SELECT sum(d.granted_cents) FROM grant_decision d JOIN grant_application a"
            " ON a.id = d.application_id WHERE a.call_id = c.id AND NOT d.deleted),"
            " (SELECT sum(p.amount_cents) FROM grant_payment p JOIN grant_decision d"
            " ON d.id = p.decision_id JOIN grant_application a ON a.id = d.application_id"
            " WHERE a.call_id = c.id AND NOT p.deleted), c.budget_cents"
            " FROM grant_call c WHERE c.id = ?", (call_id.hex,)).fetchone()
    assert (granted, paid, budget) == (950050, 450050, 1_000_000)
    assert views.call_row(store, call_id, "fi").left_cents == budget - granted

    # -- the organisation's page: all its applications across the years ------------------
    organisation = OrganisationDialog(store, world["bergo"])
    qtbot.addWidget(organisation)
    grants = organisation.grants
    years = [r.year for r in grants.rows()]
    assert years == [2027]
    assert grants.texts(1)[0] == CALL
    assert (plain(grants.texts(3)[0]), plain(grants.texts(4)[0]), grants.texts(5)[0]) == (
        "6 000,00 €", "5 000,00 €", label(DecisionStatus, "partly_granted"))
    assert grants.texts(8)[0] == overdue_text and grants.colour(0) == OVERDUE_BACKGROUND
    assert organisation.tabs.tabText(organisation.tabs.indexOf(grants)).endswith(f"({len(years)})")
