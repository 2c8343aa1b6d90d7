"""`kumppani grants` over a demo database."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.cli import main


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite3"
    target.write_bytes(demo_template.read_bytes())
    return target


def test_grants_list_shows_the_calls_with_their_budgets(demo_db, capsys):
    assert main(["grants", "list", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "Vaasan kaupungin järjestöavustukset" in out and "60\u00a0000,00\u00a0€" in out


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_grants_stats_writes_each_format(demo_db, tmp_path, capsys, fmt):
    from datetime import date

    target = tmp_path / f"stats.{fmt}"
    year = str(date.today().year)
    assert main(["grants", "stats", "--db", str(demo_db), "--year", year, "--by", "sector",
                 "--format", fmt, "-o", str(target), "--lang", "sv"]) == 0
    assert str(target) in capsys.readouterr().out
    if fmt == "csv":
        text = target.read_bytes().decode("utf-8-sig")
        assert text.count("\r\n") >= 5 and "Kultur" in text
    elif fmt == "xlsx":
        sheet = load_workbook(target).active
        assert sheet["A2"].value == year
        assert any(cell.value == "Kultur" for cell in sheet["A"])
    else:
        text = "".join(p.extract_text() for p in PdfReader(target).pages)
        assert "Kultur" in text and "€" in text


def test_grants_stats_refuses_an_unknown_format_or_municipality(demo_db, tmp_path, capsys):
    assert main(["grants", "stats", "--db", str(demo_db), "-o", str(tmp_path / "x.txt")]) == 1
    assert main(["grants", "stats", "--db", str(demo_db), "--municipality", "999",
                 "-o", str(tmp_path / "x.csv")]) == 1
    assert not (tmp_path / "x.csv").exists()
    assert len(capsys.readouterr().err.strip().splitlines()) == 2


def test_grants_stats_takes_a_sector_and_a_range_of_years(demo_db, tmp_path):
    from datetime import date

    this_year = date.today().year
    target = tmp_path / "stats.csv"

    def years_in(*options: str) -> list[str]:
        assert main(["grants", "stats", "--db", str(demo_db), "--by", "year", *options,
                     "-o", str(target), "--lang", "en"]) == 0
        rows = target.read_bytes().decode("utf-8-sig").splitlines()[1:]
        return [row.split(";")[0].split(",")[0] for row in rows if row[:4].isdigit()]

    assert years_in() == [str(this_year - 1), str(this_year)]
    assert years_in("--from-year", str(this_year)) == [str(this_year)]
    assert years_in("--to-year", str(this_year - 1)) == [str(this_year - 1)]
    culture = years_in("--sector", "culture")
    assert culture and set(culture) <= {str(this_year - 1), str(this_year)}
    assert main(["grants", "stats", "--db", str(demo_db), "--from-year", str(this_year),
                 "--to-year", str(this_year - 1), "-o", str(target)]) == 1
