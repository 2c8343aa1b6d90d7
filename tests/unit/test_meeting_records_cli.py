"""``kumppani pdf extract`` and ``kumppani pdf minutes --public`` over a copy of the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.documents import meeting_pdf_text as w
from desktop.documents.document_language import label
from desktop.services.meetings.common import live_items
from desktop.storage.models import ContactPerson, Meeting
from desktop.storage.store import Store

PRIVATE_NOTE = "Asukas {name} (pekka@example.fi, 040 765 4321) kysyi tiloista."


def pdf_text(path: Path) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def approved(demo_store: Store) -> tuple[str, str, list[int], str]:
    """A copy of the demo whose first approved meeting's first item mentions a private person,
    an e-mail address and a phone number: (database, meeting reference, its §, the name)."""
    def plant(session) -> tuple[str, list[int], str]:  # noqa: ANN001
        meeting = session.query(Meeting).filter(Meeting.status == "minutes_approved").order_by(
            Meeting.date).first()
        person = session.query(ContactPerson).filter(ContactPerson.deleted.is_(False)).order_by(
            ContactPerson.name).first()
        items = live_items(session, meeting.id)
        items[0].background = PRIVATE_NOTE.format(name=person.name)
        return meeting.id.hex[:8], [item.section for item in items], person.name

    (reference, sections, name), _changes = demo_store.run_returning("plant", plant)
    return demo_store.location, reference, sections, name  # the command line opens the same file


def test_an_extract_from_the_command_line(approved, tmp_path, capsys):
    db, reference, sections, _name = approved
    out = tmp_path / "ote.pdf"
    assert main(["pdf", "extract", reference, str(sections[1]), f"§{sections[2]}", "-o", str(out),
                 "--lang", "fi", "--db", str(db)]) == 0
    assert str(out) in capsys.readouterr().out
    content = pdf_text(out)
    assert label("fi", w.EXTRACT) in content and label("fi", w.CERTIFICATION) in content
    assert f"§ {sections[1]} " in content and f"§ {sections[2]} " in content
    assert f"§ {sections[3]} " not in content
    assert main(["pdf", "extract", reference, "9999", "-o", str(tmp_path / "x.pdf"),
                 "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip()
    assert "§ 9999" in err and "\n" not in err
    with pytest.raises(SystemExit) as exit_status:
        main(["pdf", "extract", reference, "kolme", "-o", str(tmp_path / "x.pdf"), "--db", str(db)])
    assert exit_status.value.code == 2 and "kolme" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_the_public_minutes_from_the_command_line(approved, tmp_path, capsys):
    db, reference, _sections, name = approved
    full, public = tmp_path / "full.pdf", tmp_path / "public.pdf"
    assert main(["pdf", "minutes", reference, "-o", str(full), "--db", str(db)]) == 0
    assert main(["pdf", "minutes", reference, "--public", "-o", str(public), "--db", str(db)]) == 0
    listed = capsys.readouterr().out
    for removed in (name, "pekka@example.fi", "040 765 4321"):
        assert removed in pdf_text(full) and removed not in pdf_text(public), removed
        assert removed in listed  # every removal is listed for checking
    assert label("fi", w.PUBLIC_VERSION) in pdf_text(public)
