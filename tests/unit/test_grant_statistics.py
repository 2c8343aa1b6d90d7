"""Grant statistics against an independent computation, and the documents that carry them."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.documents.decision_letter import write_decision_letter
from desktop.documents.grant_statistics import csv_data, write_statistics
from desktop.services.grants import applications as apps
from desktop.services.grants import calls, decisions
from desktop.services.grants.letter import decision_letter
from desktop.services.grants.statistics import (
    COUNTY,
    StatisticsFilter,
    grant_statistics,
    statistics_report,
)
from desktop.storage.models import (
    GrantApplication,
    GrantCall,
    GrantDecision,
    GrantPayment,
    Organisation,
)
from desktop.storage.models.enums import DecisionStatus, GrantType, Sector
from desktop.storage.store import Store
from tests.grant_helpers import MUSTASAARI, PIETARSAARI, VAASA, organisation

DOMICILES = [VAASA, MUSTASAARI, PIETARSAARI, None]
YEARS = [2024, 2025, 2026]

# One generated application: its organisation and call (indexes), the cents applied for, what
# was decided (None: undecided; a deleted decision is a tombstone) with the share granted, the
# payments as shares of a third of the grant (above 0.9: a deleted payment), and a number that
# deletes the application when it is 0.
decision_strategy = st.one_of(
    st.none(),
    st.tuples(st.sampled_from(["decide", "decide", "cancel", "deleted"]), st.floats(0, 1)),
)
application_strategy = st.tuples(
    st.integers(0, 5), st.integers(0, 3), st.integers(1, 10**11), decision_strategy,
    st.lists(st.floats(0, 1), max_size=3), st.integers(0, 15),
)


def _middle(values: list[int]) -> Fraction | None:
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    return Fraction(ordered[(n - 1) // 2] + ordered[n // 2], 2)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    org_homes=st.lists(st.sampled_from(DOMICILES), min_size=6, max_size=6),
    call_years=st.lists(st.sampled_from(YEARS), min_size=4, max_size=4),
    rows=st.lists(application_strategy, max_size=40),
)
def test_totals_by_year_and_municipality_equal_the_python_sums(empty_template, org_homes,
                                                               call_years, rows):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "k.sqlite3"
        shutil.copyfile(empty_template, path)
        store = Store.open(path, backup_dir=Path(folder) / "b")
        try:
            expected = _fill(store, org_homes, call_years, rows)
            with store.read() as session:
                got = grant_statistics(session, ("year", "municipality"))
                total = grant_statistics(session, ())[0]
        finally:
            store.close()
    by_key = {row.key: row for row in got}
    assert set(by_key) == set(expected)
    for key, want in expected.items():
        row = by_key[key]
        assert (row.applications, row.decisions, row.grants) == (
            want["applications"], want["decisions"], len(want["grants"]))
        assert row.applied_cents == want["applied"]
        assert row.granted_cents == sum(want["grants"])
        assert row.paid_cents == want["paid"]
        assert row.organisations == len(want["orgs"])
        median = _middle(want["grants"])
        assert (row.median_cents is None) == (median is None)
        if median is not None:
            assert Fraction(row.median_cents) == median
        assert all(type(v) is int for v in (row.applied_cents, row.granted_cents, row.paid_cents))
    all_grants = [g for want in expected.values() for g in want["grants"]]
    assert total.granted_cents == sum(all_grants)
    assert total.applied_cents == sum(want["applied"] for want in expected.values())
    median = _middle(all_grants)
    assert (Fraction(total.median_cents) if total.median_cents is not None else None) == median


def _fill(store: Store, org_homes, call_years, rows) -> dict:
    """Write the generated grants with the ORM and compute the expected figures in Python."""
    expected: dict = defaultdict(lambda: {"applications": 0, "decisions": 0, "grants": [],
                                          "applied": 0, "paid": 0, "orgs": set()})

    def apply(session) -> None:
        orgs = [Organisation(name_fi=f"Yhdistys {i} ry", domicile_code=home)
                for i, home in enumerate(org_homes)]
        grant_calls = [GrantCall(year=year, name=f"Haku {i}", grant_type=GrantType.OPERATING)
                       for i, year in enumerate(call_years)]
        session.add_all([*orgs, *grant_calls])
        session.flush()
        for org_i, call_i, applied, decided, payments, tombstone in rows:
            org, call = orgs[org_i], grant_calls[call_i]
            gone = tombstone == 0  # about one in twenty applications is deleted
            application = GrantApplication(call_id=call.id, organisation_id=org.id,
                                           applied_cents=applied, deleted=gone)
            session.add(application)
            session.flush()
            want = None if gone else expected[(call.year, org.domicile_code)]
            if want is not None:
                want["applications"] += 1
                want["applied"] += applied
            if decided is None:
                continue
            kind, share = decided
            granted = int(applied * share)
            status = (DecisionStatus.CANCELLED if kind == "cancel"
                      else decisions.derive_status(applied, granted))
            decision = GrantDecision(application_id=application.id, granted_cents=granted,
                                     status=status, deleted=kind == "deleted")
            session.add(decision)
            session.flush()
            paid = 0
            for part in payments:
                amount = int(granted * part / 3)
                session.add(GrantPayment(decision_id=decision.id, paid_on=dt.date(2026, 1, 1),
                                         amount_cents=amount, deleted=part > 0.9))
                paid += amount if part <= 0.9 else 0
            if want is None or kind == "deleted":
                continue
            want["paid"] += paid
            if kind == "decide":
                want["decisions"] += 1
                if granted > 0:
                    want["grants"].append(granted)
                    want["orgs"].add(org.id)

    store.run("generated grants", apply)
    return {key: value for key, value in expected.items()}


# -- dimensions, filters and the report -------------------------------------------------


def _grants(store: Store) -> dict[str, object]:
    """Three organisations, two funders, two years; known figures."""
    culture = organisation(store, "Kulttuuri ry", sectors=[Sector.CULTURE, Sector.YOUTH])
    social = organisation(store, "Sosiaali ry", domicile=MUSTASAARI, sectors=[Sector.SOCIAL_HEALTH])
    none = organisation(store, "Sektoriton ry", domicile=None)
    county, _c = calls.create_call(store, year=2026, name="Hyte 2026",
                                   grant_type=GrantType.WELLBEING)
    vaasa, _c = calls.create_call(store, year=2026, name="Vaasa 2026", funder_code=VAASA)
    old, _c = calls.create_call(store, year=2025, name="Hyte 2025", grant_type=GrantType.WELLBEING)
    ids = {}
    for key, call_id, org_id, applied, granted in (
        ("a", county, culture, 1_000_00, 1_000_00),
        ("b", county, social, 3_000_00, 1_500_00),
        ("c", vaasa, culture, 500_00, 0),
        ("d", vaasa, none, 800_00, 800_01 - 1),
        ("e", old, social, 2_000_00, 2_000_00),
    ):
        app_id, _c = apps.create_application(store, call_id, org_id, applied_cents=applied)
        ids[key], _c = decisions.decide(store, app_id, granted_cents=granted)
    decisions.add_payment(store, ids["a"], dt.date(2026, 5, 1), 1_000_00)
    return ids


def test_by_sector_a_grant_counts_in_each_sector_and_the_report_says_so(store: Store):
    _grants(store)
    with store.read() as session:
        rows = {row.key[0]: row for row in grant_statistics(session, ("sector",),
                                                           StatisticsFilter(year=2026))}
        report = statistics_report(session, "sector", StatisticsFilter(year=2026), "fi")
    assert rows[Sector.CULTURE].granted_cents == rows[Sector.YOUTH].granted_cents == 1_000_00
    assert rows[Sector.SOCIAL_HEALTH].granted_cents == 1_500_00
    assert rows[None].granted_cents == 800_00  # no sectors: not known
    assert report.total.granted_cents == 1_000_00 + 1_500_00 + 800_00
    assert sum(r.figures.granted_cents for r in report.rows) > report.total.granted_cents
    assert len(report.notes) == 1
    with store.read() as session:
        assert statistics_report(session, "municipality", StatisticsFilter(), "fi").notes == []


def test_filters_by_year_funder_type_and_municipality(store: Store):
    _grants(store)
    with store.read() as session:
        def total(**kw) -> int:
            return grant_statistics(session, (), StatisticsFilter(**kw))[0].granted_cents

        assert total() == 1_000_00 + 1_500_00 + 800_00 + 2_000_00
        assert total(year=2025) == 2_000_00
        assert total(funder=COUNTY) == 1_000_00 + 1_500_00 + 2_000_00
        assert total(funder=VAASA) == 800_00
        assert total(grant_type=GrantType.WELLBEING, year=2026) == 2_500_00
        assert total(municipality=MUSTASAARI) == 3_500_00
        by_funder = grant_statistics(session, ("funder",))
        assert [(r.key, r.applications, r.grants) for r in by_funder] == [((None,), 3, 3),
                                                                         ((VAASA,), 2, 1)]
        empty = grant_statistics(session, (), StatisticsFilter(year=1999))[0]
        assert (empty.applications, empty.median_cents, empty.share_granted) == (0, None, None)
        share = grant_statistics(session, (), StatisticsFilter(year=2026))[0].share_granted
        assert share == Decimal(3_300_00) / Decimal(5_300_00)


def test_statistics_written_as_csv_xlsx_and_pdf(store: Store, tmp_path: Path):
    _grants(store)
    with store.read() as session:
        report = statistics_report(session, "municipality", StatisticsFilter(year=2026), "fi")
    text = csv_data(report).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].split(";")[0] == report.dimension
    vaasa = next(line for line in lines if line.startswith("Vaasa;"))
    assert ";1000,00;" in vaasa  # plain numbers with the decimal comma, for Excel
    assert lines[-1].startswith(("Yhteensä;", "Total;")) and ";3300,00;" in lines[-1]

    write_statistics(report, tmp_path / "s.xlsx")
    sheet = load_workbook(tmp_path / "s.xlsx").active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    total_row = values[-1]
    assert Decimal(str(total_row[6])) * 100 == 3_300_00  # euros as numbers, exact

    write_statistics(report, tmp_path / "s.pdf")
    pdf = "".join(page.extract_text() for page in PdfReader(tmp_path / "s.pdf").pages)
    assert "3\u00a0300,00\u00a0€" in pdf or "3 300,00 €" in pdf
    assert "Mustasaari" in pdf


def test_a_formula_in_a_label_is_neutralised_in_csv(store: Store):
    org = organisation(store, "=HYPERLINK(1)", sectors=[])
    call_id, _c = calls.create_call(store, year=2026, name="Haku")
    apps.create_application(store, call_id, org, applied_cents=100)
    with store.read() as session:
        report = statistics_report(session, "year", StatisticsFilter(), "en")
    assert "'=" not in csv_data(report).decode("utf-8-sig")  # the label is the year here
    from desktop.documents.register_export import neutralise_csv
    assert neutralise_csv("-5") == "'-5"


# -- the decision letter -----------------------------------------------------------------


@pytest.mark.parametrize(("languages", "expected"), [(["fi"], "fi"), (["sv", "fi"], "sv")])
def test_decision_letter_in_the_organisations_language(store: Store, tmp_path: Path, languages,
                                                        expected):
    org_id = organisation(store, "Pietarsaaren Työttömät ry", domicile=PIETARSAARI,
                          languages=languages, name_sv="Jakobstads Arbetslösa rf",
                          postal_address="Storgatan 1\n68600 Jakobstad")
    call_id, _c = calls.create_call(store, year=2026, name="Hyvinvoinnin edistämisen avustukset")
    app_id, _c = apps.create_application(store, call_id, org_id, applied_cents=2_000_00,
                                         purpose="Vertaistukiryhmät työttömille")
    decision_id, _c = decisions.decide(
        store, app_id, granted_cents=1_234_50, decided_on=dt.date(2026, 4, 24),
        deciding_body="Hyvinvointilautakunta", reasoning="Määräraha ei riitä täysimääräisenä.",
        conditions="Käyttämätön avustus palautetaan.", report_due=dt.date(2027, 1, 31),
        payment_terms="Maksetaan kerralla.")
    decisions.add_payment(store, decision_id, dt.date(2026, 5, 20), 1_234_50)
    with store.read() as session:
        letter = decision_letter(session, decision_id)
    assert letter.language == expected
    target = tmp_path / "letter.pdf"
    write_decision_letter(letter, target)
    text = "".join(page.extract_text() for page in PdfReader(target).pages).replace("\u00a0", " ")
    assert "1 234,50 €" in text
    assert "Käyttämätön avustus palautetaan." in text and "Määräraha ei riitä" in text
    assert "31.1.2027" in text and "20.5.2026" in text
    name = "Jakobstads Arbetslösa rf" if expected == "sv" else "Pietarsaaren Työttömät ry"
    assert name in text
    assert ("Österbottens välfärdsområde" if expected == "sv" else "Pohjanmaan hyvinvointialue") in text


def test_the_pdf_report_has_its_chart_and_many_groups_fit(tmp_path: Path):
    from desktop.documents.grant_statistics_chart import bar_chart, nice_step
    from desktop.services.grants.statistics import LabelledRow, StatisticsReport, StatisticsRow

    def figures(n: int) -> StatisticsRow:
        return StatisticsRow((n,), 1, 1, 1, 1, n * 100_00, n * 100_00, n * 50_00, 0, Decimal(n))

    rows = [LabelledRow(f"Kunta numero {n} – äöå" * 3, figures(n)) for n in range(1, 81)]
    report = StatisticsReport("fi", "Avustustilasto", "Kaikki vuodet", "Kunta", rows,
                              figures(1), by="municipality")
    chart = bar_chart(report)
    assert chart is not None and chart.height < 250 * 72 / 25.4  # within one page
    write_statistics(report, tmp_path / "many.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "many.pdf").pages)
    text = text.replace("\u00a0", " ")
    assert "Kunta numero 80" in text
    assert "8 t. €" in text  # the euro axis in Finnish: 80 × 100 €
    assert [nice_step(v) for v in (0, 9, 1_000, 1_234_567)] == [1.0, 2.0, 200.0, 250_000.0]
    empty = StatisticsReport("fi", "A", "B", "Kunta", [], figures(1))
    assert bar_chart(empty) is None
