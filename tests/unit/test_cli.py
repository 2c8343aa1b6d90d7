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


def test_commands_of_later_versions_say_so(tmp_path, capsys):
    assert main(["sync", "--db", str(tmp_path / "x.sqlite3")]) == 1
    assert "sync" in capsys.readouterr().err


def test_bad_arguments_exit_non_zero():
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--seed", "not-a-number"])
    assert exc.value.code == 2


def test_backup_writes_a_copy(tmp_path, capsys, isolated_dirs):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    assert len(list((isolated_dirs / "data" / "backups").glob("demo.*.manual.sqlite3"))) == 1


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
