"""The command line, run as a user runs it: a subprocess over real files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=120)


def test_help_lists_every_subcommand():
    result = run_cli("--help")
    assert result.returncode == 0
    for name in ("demo", "import", "export", "pdf", "sync", "grants", "checklist"):
        assert name in result.stdout


def test_demo_then_info_then_checklist(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert "demo.sqlite3" in capsys.readouterr().out
    assert main(["info", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Järjestöt: 2" in out  # ~200, in Finnish by default
    assert main(["--lang", "sv", "checklist", "--db", str(db)]) == 0
    assert "steg" in capsys.readouterr().out


def test_demo_refuses_an_existing_file_and_leaves_it_alone(tmp_path, capsys):
    db = tmp_path / "mine.sqlite3"
    db.write_bytes(b"precious")
    assert main(["demo", "--db", str(db)]) == 1
    assert db.read_bytes() == b"precious"
    err = capsys.readouterr().err.strip()
    assert err.startswith("kumppani: ") and "\n" not in err


def test_a_missing_database_is_one_line_and_not_created(tmp_path, capsys):
    db = tmp_path / "nowhere.sqlite3"
    assert main(["info", "--db", str(db)]) == 1
    assert not db.exists()
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_sync_without_its_command_shows_the_usage(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["sync", "--db", str(tmp_path / "x.sqlite3")])
    assert exc.value.code == 2
    assert "kumppani sync" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()


def test_bad_arguments_exit_non_zero():
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--seed", "not-a-number"])
    assert exc.value.code == 2


def test_backup_writes_a_copy(tmp_path, capsys, isolated_dirs):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    assert len(list((isolated_dirs / "data" / "backups").rglob("demo.*.manual.sqlite3"))) == 1


def test_checklists_from_the_command_line(tmp_path, capsys):
    from pypdf import PdfReader

    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["checklist", "new", "Vaasan lista", "--year", "2027", "--municipality", "905",
                 "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["checklist", "list", "--db", str(db)]) == 0
    listing = capsys.readouterr().out
    assert "Vaasan lista" in listing and len(listing.strip().splitlines()) == 3
    assert main(["checklist", "show", "vaasan lista", "--db", str(db)]) == 0
    assert "Vaasan lista" in capsys.readouterr().out
    report = tmp_path / "lista.pdf"
    assert main(["checklist", "report", "Vaasan lista", "-o", str(report), "--lang", "en",
                 "--db", str(db)]) == 0
    text = PdfReader(report).pages[0].extract_text()
    assert "Vaasan lista" in text and "Vaasa" in text
    assert main(["checklist", "report", "nothing like it", "-o", str(report), "--db", str(db)]) == 1
    assert main(["checklist", "report", "Vaasan lista", "-o", str(tmp_path / "no" / "x.pdf"),
                 "--db", str(db)]) == 1
    assert not (tmp_path / "no").exists()


def test_exporting_the_register_and_contacts(tmp_path, capsys):
    import csv

    import openpyxl

    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["export", "organisations", str(tmp_path / "r.csv"), "--db", str(db)]) == 0
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as fp:
        rows = list(csv.reader(fp, delimiter=";"))
    assert rows[0][0] == "Nimi suomeksi" and len(rows) > 150
    assert main(["export", "organisations", str(tmp_path / "r.xlsx"), "--lang", "sv",
                 "--db", str(db)]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert sheet.cell(1, 1).value == "Namn på finska" and sheet.max_row == len(rows)
    assert main(["export", "contacts", str(tmp_path / "c.vcf"), "--db", str(db)]) == 0
    assert (tmp_path / "c.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") >= 200
    capsys.readouterr()
    assert main(["export", "organisations", str(tmp_path / "r.txt"), "--db", str(db)]) == 1
    assert ".xlsx" in capsys.readouterr().err


def test_the_top_level_db_option_reaches_the_subcommand(tmp_path, capsys):
    db = tmp_path / "top.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    assert db.exists()
    assert main(["--db", str(db), "info"]) == 0
    assert str(db) in capsys.readouterr().out


def test_a_bad_municipality_code_is_one_line(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["checklist", "new", "X", "--municipality", "999", "--db", str(db)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_importing_organisations_reports_and_refuses_bad_rows(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    good = tmp_path / "uudet.csv"
    good.write_text("Nimi;Y-tunnus;Kotipaikka\nUusi kyläyhdistys ry;;Vaasa\n", encoding="utf-8-sig")
    capsys.readouterr()
    assert main(["import", "organisations", str(good), "--dry-run", "--db", str(db)]) == 0
    assert main(["info", "--db", str(db)]) == 0
    before = capsys.readouterr().out
    assert main(["import", "organisations", str(good), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["info", "--db", str(db)]) == 0
    after = capsys.readouterr().out
    assert before != after  # one organisation more
    bad = tmp_path / "huonot.csv"
    bad.write_text("Nimi;Y-tunnus\nToinen ry;1234567-2\n", encoding="utf-8")
    assert main(["import", "organisations", str(bad), "--db", str(db)]) == 1
    out = capsys.readouterr()
    assert "2" in out.out and out.err.strip()
    assert main(["info", "--db", str(db)]) == 0
    assert capsys.readouterr().out == after  # nothing written


def test_help_speaks_the_chosen_language():
    assert "partnerskapsbord" in run_cli("--lang", "sv", "--help").stdout
    assert "kumppanuuspöydät" in run_cli("--lang", "fi", "--help").stdout


def test_exporting_the_public_list_of_activities(tmp_path, capsys):
    from pypdf import PdfReader

    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["export", "activities", str(tmp_path / "lista.pdf"), "--lang", "sv",
                 "--db", str(db)]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "lista.pdf").pages)
    assert "Vasa" in text
    assert main(["export", "activities", str(tmp_path / "lista.xlsx"), "--db", str(db)]) == 0
    assert (tmp_path / "lista.xlsx").stat().st_size > 0
    assert main(["export", "activities", str(tmp_path / "lista.doc"), "--db", str(db)]) == 1


def test_personal_data_from_the_command_line(tmp_path, capsys):
    import json

    from sqlalchemy import select

    from desktop.storage.models import ContactPerson
    from desktop.storage.store import Store

    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    store = Store.open(db, backup_dir=tmp_path / "b")
    with store.read() as session:
        person = session.scalars(select(ContactPerson).order_by(ContactPerson.name)).first()
        ref, name = person.id.hex[:12], person.name
    store.close()
    capsys.readouterr()
    assert main(["person", "review", "--years", "0", "--db", str(db)]) == 0
    assert ref[:8] in capsys.readouterr().out
    assert main(["person", "export", ref, "-o", str(tmp_path / "p.json"), "--db", str(db)]) == 0
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["name"] == name
    assert main(["person", "erase", ref, "--yes", "--db", str(db)]) == 0
    assert main(["person", "export", ref, "-o", str(tmp_path / "q.json"), "--db", str(db)]) == 1
