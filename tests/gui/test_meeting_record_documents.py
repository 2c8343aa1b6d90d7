"""The document bar's extract and public version: choosing § for an extract, previewing every
removal before the public version is exported, and the PDFs they write."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.documents import meeting_pdf_text as w
from desktop.documents.document_language import label
from desktop.services.meetings.common import live_items
from desktop.storage.models import ContactPerson, Meeting
from desktop.ui.meetings.extract_dialog import ExtractDialog
from desktop.ui.meetings.public_version_dialog import PublicVersionDialog
from desktop.ui.pages.meetings import MeetingsPage

NOTE = "Asukas {name} kirjoitti (liisa.asukas@example.fi, puh. 050 111 2233)."
SHOTS = Path("/tmp")


def pdf_text(path: Path) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def planted(demo_store):
    """The first approved meeting's first item mentions a private person, an e-mail address
    and a phone number: (meeting id, the person's name)."""
    def plant(session):  # noqa: ANN001, ANN202
        meeting = session.query(Meeting).filter(Meeting.status == "minutes_approved").order_by(
            Meeting.date).first()
        person = session.query(ContactPerson).filter(ContactPerson.deleted.is_(False)).order_by(
            ContactPerson.name).first()
        live_items(session, meeting.id)[0].background = NOTE.format(name=person.name)
        return meeting.id, person.name

    return demo_store.run_returning("plant", plant)[0]


@pytest.fixture
def page(qtbot, demo_store, planted, monkeypatch, tmp_path):
    widget = MeetingsPage(demo_store)
    demo_store.subscribe(widget.on_changes)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.show_meeting(planted[0])
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: offered.append(
        Path(a[2]).name) or (str(tmp_path / "out.pdf"), ""))
    widget.offered = offered  # type: ignore[attr-defined]
    return widget


def test_an_extract_of_the_sections_ticked(qtbot, page, tmp_path):
    editor = page.editor
    editor.language.setCurrentIndex(editor.language.findData("fi"))
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = editor.findChild(ExtractDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok.isEnabled()  # nothing ticked yet
    view = editor.view
    assert dialog.items.count() == len(view.items)
    assert dialog.certifier.text() == view.secretary
    chosen = view.items[1], view.items[3]
    for item in chosen:
        dialog.items.setCurrentRow(view.items.index(item))
        qtbot.keyClick(dialog.items, Qt.Key.Key_Space)
    assert dialog.sections() == [item.section for item in chosen] and dialog.ok.isEnabled()
    dialog.certifier.clear()
    dialog.certifier.insert("Åsa Öhman")
    dialog.grab().save(str(SHOTS / "hdocs-extract-dialog.png"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    out = tmp_path / "out.pdf"
    assert out.exists()
    assert page.offered[-1].startswith(label("fi", w.EXTRACT))
    content = pdf_text(out)
    assert label("fi", w.CERTIFICATION) in content and "Åsa Öhman" in content
    for item in chosen:
        assert f"§ {item.section} " in content
    assert f"§ {view.items[2].section} " not in content


def test_the_public_version_lists_every_removal_before_export(qtbot, page, planted, tmp_path):
    editor = page.editor
    editor.language.setCurrentIndex(editor.language.findData("fi"))
    editor.public_action.trigger()
    dialog = editor.findChild(PublicVersionDialog)
    assert dialog is not None and dialog.isVisible()
    removed = {row[2] for row in dialog.rows()}
    name = planted[1]
    assert {name, "liisa.asukas@example.fi", "050 111 2233"} <= removed
    first = editor.view.items[0].section
    assert all(row[0] == f"§ {first}" for row in dialog.rows() if row[2] in removed)
    assert str(dialog.table.rowCount()) in dialog.summary.text()
    dialog.grab().save(str(SHOTS / "hdocs-public-dialog.png"))
    out = tmp_path / "out.pdf"
    assert not out.exists()  # nothing is written before the preview is accepted
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    content = pdf_text(out)
    assert label("fi", w.PUBLIC_VERSION) in content
    for text in (name, "liisa.asukas@example.fi", "050 111 2233"):
        assert text not in content, text
    assert "Asukas" in content  # the rest of the text stays
    for person in editor.view.attendance:
        assert person.name in content  # the members
