"""The demo register: realistic, complete, deterministic, and only ever in an empty store."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from stdnum.fi import ytunnus

from desktop.errors import KnownError
from desktop.services import checklist
from desktop.services.demo import DemoSummary, create_demo
from desktop.storage.models import (
    Activity,
    AgendaItem,
    AuditEntry,
    Body,
    BodyMember,
    ChecklistItem,
    ContactPerson,
    GrantApplication,
    GrantCall,
    GrantDecision,
    GrantPayment,
    Interaction,
    Meeting,
    Organisation,
    Representation,
)
from desktop.storage.models.enums import (
    BodyKind,
    ChecklistStatus,
    DecisionStatus,
    MeetingStatus,
    MemberRole,
    OrganisationForm,
    OrganisationStatus,
    Sector,
)
from desktop.storage.store import Store

TODAY = dt.date(2026, 5, 20)
OSTROBOTHNIA = {
    "231", "280", "287", "288", "399", "440", "475",
    "499", "545", "598", "599", "893", "905", "946",
}  # fmt: skip
STANDARD_FI = (
    "Kokouksen avaus",
    "Laillisuus ja päätösvaltaisuus",
    "Pöytäkirjantarkastajien valinta",
    "Esityslistan hyväksyminen",
)


def _open(folder: Path) -> Store:
    return Store.open(folder / "k.sqlite3", backup_dir=folder / "b")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, DemoSummary]]:
    """One demo store shared by the read-only tests of this module."""
    store = _open(tmp_path_factory.mktemp("demo"))
    summary = create_demo(store, seed=2026, today=TODAY)
    yield store, summary
    store.close()


@pytest.fixture
def store(demo: tuple[Store, DemoSummary]) -> Store:
    return demo[0]


def _all(store: Store, model: type) -> list:
    with store.read() as session:
        return list(session.scalars(select(model)))


def _organisations(store: Store) -> list:
    """The civil-society organisations, without the public partners (municipalities)."""
    return [o for o in _all(store, Organisation) if o.kind == "organisation"]


def _names(store: Store) -> tuple[list[tuple[str, str]], list[str]]:
    with store.read() as session:
        rows = session.execute(select(Organisation.name_fi, Organisation.name_sv))
        orgs = sorted((fi, sv) for fi, sv in rows)
        people = sorted(session.scalars(select(ContactPerson.name)))
    return orgs, people


# -- size and shape ----------------------------------------------------------------------


def test_counts_are_in_the_expected_ranges(demo: tuple[Store, DemoSummary]):
    store, summary = demo
    counts = {
        model: len(_all(store, model))
        for model in (
            Organisation, ContactPerson, Representation, Body, BodyMember, Meeting, AgendaItem,
            GrantCall, GrantApplication, GrantDecision, GrantPayment, ChecklistItem,
            Activity, Interaction,
        )
    }  # fmt: skip
    assert 180 <= counts[Organisation] <= 220
    assert 220 <= counts[ContactPerson] <= 280
    assert counts[Representation] >= counts[Organisation]
    assert counts[Body] == 2
    assert 10 <= counts[BodyMember] <= 15
    assert 6 <= counts[Meeting] <= 8
    assert counts[AgendaItem] >= 6 * 6
    assert counts[GrantCall] == 6
    assert 50 <= counts[GrantApplication] <= 70
    assert 0 < counts[GrantDecision] <= counts[GrantApplication]
    assert counts[GrantPayment] > 0
    # This year's checklist and last year's, both from the template.
    assert counts[ChecklistItem] == 2 * sum(len(t["items"]) for t in checklist.load_template())
    assert 280 <= counts[Activity] <= 320
    assert 100 <= counts[Interaction] <= 140
    # The summary tells the truth.
    assert (
        summary.organisations, summary.contacts, summary.representations, summary.bodies,
        summary.body_members, summary.meetings, summary.agenda_items, summary.grant_calls,
        summary.applications, summary.decisions, summary.payments, summary.checklist_items,
        summary.activities, summary.interactions,
    ) == tuple(counts.values())  # fmt: skip
    assert str(summary.organisations) in summary.describe()


def test_all_fourteen_municipalities_of_the_county_are_used(store: Store):
    orgs = _all(store, Organisation)
    assert {o.domicile_code for o in orgs} == OSTROBOTHNIA
    for org in orgs:
        assert org.domicile_code in org.active_municipalities
        assert set(org.active_municipalities) <= OSTROBOTHNIA
    # A regional organisation works in every municipality.
    assert any(set(o.active_municipalities) == OSTROBOTHNIA for o in orgs)


def test_business_ids_are_valid_and_normalised_for_about_half(store: Store):
    orgs = _all(store, Organisation)
    ids = [o.business_id for o in orgs if o.business_id]
    assert 0.35 * len(orgs) <= len(ids) <= 0.75 * len(orgs)
    assert len(set(ids)) == len(ids)
    for number in ids:
        assert re.fullmatch(r"\d{7}-\d", number), number
        assert ytunnus.is_valid(number), number
        assert ytunnus.format(number) == number
    for org in orgs:
        if org.form == OrganisationForm.REGISTERED_ASSOCIATION:
            assert re.fullmatch(r"\d{3}\.\d{3}", org.register_number), org.register_number
        if org.form == OrganisationForm.UNREGISTERED_GROUP:
            assert not org.business_id and not org.register_number
        if org.form == OrganisationForm.FOUNDATION:
            assert org.business_id


def test_finnish_only_swedish_only_and_bilingual_names(store: Store):
    orgs = _organisations(store)
    fi_only = [o for o in orgs if o.name_fi and not o.name_sv]
    sv_only = [o for o in orgs if o.name_sv and not o.name_fi]
    both = [o for o in orgs if o.name_fi and o.name_sv]
    assert len(fi_only) >= 20 and len(sv_only) >= 20 and len(both) >= 20
    assert len(fi_only) + len(sv_only) + len(both) == len(orgs)
    names = {o.name_fi for o in orgs} | {o.name_sv for o in orgs}
    assert {"Vaasan Seudun Mielenterveysseura ry", "Vasanejdens mentalvårdsförening rf"} <= names
    assert {"Kvevlax byaförening rf", "Vasa IFK rf"} <= names
    for org in orgs:
        assert ("fi" in org.languages) == bool(org.name_fi)
        assert ("sv" in org.languages) == bool(org.name_sv)
    all_names = [n for o in orgs for n in (o.name_fi, o.name_sv) if n]
    assert len(set(all_names)) == len(all_names)


def test_forms_statuses_sectors_and_contact_details(store: Store):
    orgs = _organisations(store)
    forms = Counter(o.form for o in orgs)
    assert forms[OrganisationForm.REGISTERED_ASSOCIATION] > 150
    assert 2 <= forms[OrganisationForm.FOUNDATION] <= 15
    assert 2 <= forms[OrganisationForm.UNREGISTERED_GROUP] <= 15
    for org in orgs:
        name = org.name_fi or org.name_sv
        if org.form == OrganisationForm.REGISTERED_ASSOCIATION:
            assert name.endswith((" ry", " rf")), name
        elif org.form == OrganisationForm.FOUNDATION:
            assert name.endswith(" sr"), name
        else:
            assert not name.endswith((" ry", " rf", " sr")), name
        assert org.sectors and all(s in set(Sector) for s in org.sectors)
        if org.website:
            assert re.fullmatch(r"https://[a-z0-9-]+\.(esimerkki|example)\.fi", org.website)
        if org.email:
            assert re.fullmatch(r"[a-z0-9.-]+@([a-z0-9-]+\.)?(esimerkki|example)\.fi", org.email)
        if org.phone:
            assert re.fullmatch(r"0\d{1,2} \d{3} \d{4}", org.phone), org.phone
    statuses = Counter(o.status for o in orgs)
    assert statuses[OrganisationStatus.ACTIVE] > 0.8 * len(orgs)
    assert statuses[OrganisationStatus.DORMANT] and statuses[OrganisationStatus.DISSOLVED]
    assert len({s for o in orgs for s in o.sectors}) >= 9


def test_contact_persons_represent_organisations(store: Store):
    orgs = _organisations(store)
    people = _all(store, ContactPerson)
    reps = _all(store, Representation)
    represented = {r.organisation_id for r in reps}
    assert represented >= {o.id for o in orgs}
    names = [p.name for p in people]
    assert len(set(names)) == len(names)
    assert {p.preferred_language for p in people} == {"fi", "sv"}
    assert all(p.retention_basis and p.retained_since for p in people)
    assert any(p.retention_basis == "Kumppanuuspöydän jäsenyys" for p in people)
    roles = {r.role for r in reps}
    assert {"puheenjohtaja", "ordförande", "sihteeri", "toiminnanjohtaja"} <= roles


# -- bodies and meetings -----------------------------------------------------------------


def test_partnership_table_and_arena(store: Store):
    bodies = {b.kind: b for b in _all(store, Body)}
    table = bodies[BodyKind.PARTNERSHIP_TABLE]
    assert (table.name_fi, table.name_sv) == (
        "Pohjanmaan kumppanuuspöytä",
        "Österbottens partnerskapsbord",
    )
    assert table.languages == ["fi", "sv"]
    assert BodyKind.ARENA in bodies
    members = [m for m in _all(store, BodyMember) if m.body_id == table.id]
    current = [m for m in members if m.term_end and m.term_end >= TODAY]
    assert 10 <= len(current) <= 14
    roles = Counter(m.role for m in current)
    assert roles[MemberRole.CHAIR] == roles[MemberRole.VICE_CHAIR] == roles[MemberRole.SECRETARY] == 1
    people = {p.id for p in _all(store, ContactPerson)}
    for member in current:
        assert member.representative_id in people
        assert member.term_start and member.term_start <= TODAY
        if member.organisation_id is not None:
            assert member.deputy_id in people and member.deputy_id != member.representative_id


def test_meetings_in_the_past_and_future_with_agenda_items(store: Store):
    with store.read() as session:
        table = session.scalar(select(Body).where(Body.kind == BodyKind.PARTNERSHIP_TABLE))
        meetings = sorted(table.meetings, key=lambda m: m.date)
        past = [m for m in meetings if m.date < TODAY]
        future = [m for m in meetings if m.date >= TODAY]
        assert len(past) >= 3 and len(future) == 2
        for meeting in past:
            assert meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
            assert meeting.language in ("fi", "fi+sv")
            assert all(item.decision for item in meeting.items[:4])
        for meeting in future:
            assert meeting.status in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_SENT)
            assert not any(item.decision for item in meeting.items)
        for meeting in meetings:
            titles = [item.title.split(" / ")[0] for item in meeting.items]
            assert tuple(titles[:4]) == STANDARD_FI
            topical = len(meeting.items) - 4 - 3  # less the closing items
            assert 2 <= topical <= 4
            assert any(item.background and item.proposal for item in meeting.items[4:])
        # § numbers continue through the year; meeting numbers count within it.
        by_year: dict[int, list[Meeting]] = {}
        for meeting in meetings:
            by_year.setdefault(meeting.date.year, []).append(meeting)
        for year_meetings in by_year.values():
            sections = [item.section for m in year_meetings for item in m.items]
            assert sections == list(range(1, len(sections) + 1))
            assert [m.number for m in year_meetings] == list(range(1, len(year_meetings) + 1))


# -- grants ------------------------------------------------------------------------------


def test_grant_money_is_integer_cents_and_never_exceeds_what_was_applied(store: Store):
    with store.read() as session:
        calls = session.scalars(select(GrantCall)).all()
        assert {c.year for c in calls} == {TODAY.year - 1, TODAY.year}
        assert Counter(c.funder_code for c in calls) == {None: 4, "905": 2}
        for call in calls:
            assert type(call.budget_cents) is int and call.budget_cents % 100 == 0
            granted_total = 0
            for app in call.applications:
                assert type(app.applied_cents) is int and app.applied_cents > 0
                assert call.opens_on <= app.received_on <= min(call.closes_on, TODAY)
                decision = app.decision
                if decision is None:
                    continue
                assert type(decision.granted_cents) is int
                assert 0 <= decision.granted_cents <= app.applied_cents
                granted_total += decision.granted_cents
                if decision.status == DecisionStatus.REJECTED:
                    assert decision.granted_cents == 0 and not decision.payments
                elif decision.status == DecisionStatus.PARTLY_GRANTED:
                    assert 0 < decision.granted_cents < app.applied_cents
                else:
                    assert decision.granted_cents == app.applied_cents
                paid = sum(p.amount_cents for p in decision.payments)
                assert all(type(p.amount_cents) is int and p.paid_on <= TODAY for p in decision.payments)
                assert paid <= decision.granted_cents
            assert granted_total <= call.budget_cents
        decisions = session.scalars(select(GrantDecision)).all()
        statuses = Counter(d.status for d in decisions)
        assert statuses[DecisionStatus.GRANTED] and statuses[DecisionStatus.PARTLY_GRANTED]
        assert statuses[DecisionStatus.REJECTED]
        granted = [d for d in decisions if d.granted_cents]
        assert sum(1 for d in granted if d.payments) >= 0.7 * len(granted)
        assert any(d.report_received for d in decisions)
        assert any(d.report_due and not d.report_received for d in decisions)


# -- the checklist -----------------------------------------------------------------------


def test_this_and_last_years_checklists_with_varied_statuses(store: Store):
    with store.read() as session:
        current, previous = checklist.list_checklists(session)
        assert (current.year, previous.year) == (TODAY.year, TODAY.year - 1)
        items = checklist.list_items(session, current.id)
        done, total = checklist.progress(session, current.id)
        assert checklist.progress(session, previous.id)[0] < done
        assert any(checklist.is_overdue(i, TODAY) for i in items)
        linked = [i for i in items if i.evidence_agenda_item_id or i.evidence_grant_call_id]
        assert len(linked) == 2
        assert any("§" in line for i in linked for line in checklist.evidence_lines(session, i, "fi"))
    assert {i.status for i in items} == set(ChecklistStatus)
    assert any(i.owner for i in items) and any(i.evidence for i in items)
    assert any(i.due_on for i in items if i.status == ChecklistStatus.IN_PROGRESS)
    assert 0 < done < total == len(items)


# -- behaviour ---------------------------------------------------------------------------


def test_one_operation_named_demo(store: Store):
    with store.read() as session:
        operations = set(session.scalars(select(AuditEntry.operation).distinct()))
        audited = session.scalar(select(func.count()).select_from(AuditEntry))
    assert operations == {"demo"}
    assert audited > 1000


def test_the_same_seed_gives_the_same_names(store: Store, tmp_path: Path):
    again = _open(tmp_path / "again")
    try:
        create_demo(again, seed=2026, today=TODAY + dt.timedelta(days=40))
        assert _names(again) == _names(store)
    finally:
        again.close()
    other = _open(tmp_path / "other")
    try:
        create_demo(other, seed=7, today=TODAY)
        assert _names(other) != _names(store)
    finally:
        other.close()


def test_a_second_demo_is_refused(store: Store):
    before = len(_all(store, Organisation))
    with pytest.raises(KnownError):
        create_demo(store, today=TODAY)
    assert len(_all(store, Organisation)) == before


def test_one_broadcast(tmp_path: Path):
    fresh = _open(tmp_path)
    try:
        seen = []
        fresh.subscribe(seen.append)
        create_demo(fresh)  # today defaults to the real date
        assert len(seen) == 1 and seen[0].touches("organisation", "grant_payment")
    finally:
        fresh.close()
