"""The liaison directory (PDF, XLSX, fi/sv) and the network's commands, over the demo database."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desktop.cli import main
from desktop.services import network, partners
from desktop.storage.models import LiaisonRole, Organisation
from desktop.storage.store import Store


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite3"
    target.write_bytes(demo_template.read_bytes())
    return target


def test_the_demo_has_the_county_municipalities_some_liaison_persons_and_some_gaps(demo_store):
    with demo_store.read() as session:
        found = network.network(session, "fi")
        roles = list(session.scalars(select(LiaisonRole)))
    assert len(found.rows) == 14
    named = sum(1 for row in found.rows for cell in row.cells.values() if cell.persons)
    assert 15 <= named <= 40 and 3 <= len(found.gaps) <= 27
    assert any(r.end_on is not None for r in roles)  # someone has left
    assert any(p.last_convened for row in found.rows for cell in row.cells.values()
               for p in cell.persons)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_directory_in_swedish_and_finnish_as_pdf_and_xlsx(demo_db, capsys):
    store = Store.open(demo_db)
    with store.read() as session:
        found = network.network(session, "sv")
        person = next(p for row in found.rows for cell in row.cells.values() for p in cell.persons)
        gap_row = found.gaps[0][0]
    store.close()

    pdf = demo_db.parent / "katalog.pdf"
    assert main(["export", "directory", str(pdf), "--lang", "sv", "--db", str(demo_db)]) == 0
    assert "14" in capsys.readouterr().out
    text = _pdf_text(pdf)
    for name in ("Vasa", "Korsholm", "Närpes", "Jakobstad", person.name, person.email):
        assert name in text
    assert gap_row.name in text and len(PdfReader(pdf).pages) >= 2
    assert "2 (" in text  # Finnish page numbering: 2 (N)

    xlsx = demo_db.parent / "yhdyshenkilot.xlsx"
    assert main(["export", "directory", str(xlsx), "--db", str(demo_db)]) == 0
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    municipalities = {row[0] for row in rows[1:]}
    assert {"Vaasa", "Mustasaari", "Närpiö", "Pietarsaari"} <= municipalities
    assert len(municipalities) == 14
    assert any(row[3] == person.name and row[5] == person.email for row in rows[1:])
    # Every municipality has a row for each of the three roles at least (a person or not named).
    per_municipality = {m: {row[2] for row in rows[1:] if row[0] == m} for m in municipalities}
    assert all(len(roles) >= 3 for roles in per_municipality.values())

    assert main(["export", "directory", str(demo_db.parent / "x.txt"), "--db", str(demo_db)]) == 1


def test_add_municipalities_from_the_command_line_is_idempotent(store, capsys):
    path = store.location
    store.close()
    assert main(["partners", "add-municipalities", "--county", "Keski-Pohjanmaan", "--db", path]) == 0
    assert "8" in capsys.readouterr().out
    assert main(["partners", "add-municipalities", "--county", "Keski-Pohjanmaan", "--db", path]) == 0
    assert main(["partners", "add-municipalities", "--county", "01", "--db", path]) == 1
    assert "Helsingin kaupunki" in capsys.readouterr().err  # Uusimaa: which one?
    again = Store.open(path)
    try:
        with again.read() as session:
            kinds = [o.kind for o in session.scalars(select(Organisation))]
            assert kinds == ["municipality"] * 8
            assert len(partners.municipality_partners(session)) == 8
    finally:
        again.close()
