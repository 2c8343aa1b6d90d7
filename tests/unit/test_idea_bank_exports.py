"""The demo's idea bank, and its exports read back: XLSX rows and PDF text in fi, sv and en,
from the services and from ``kumppani export ideas``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.documents.idea_bank import write_ideas
from desktop.documents.tabular import read_table
from desktop.i18n import translate_in
from desktop.services import ideas
from desktop.services.demo.idea_bank import BY_HAND, IDEAS, TAKEN_FORWARD
from desktop.services.demo.minutes import WORKSHOP
from desktop.services.ideas import IdeaFilter
from desktop.services.vocabulary import label_in
from desktop.storage.models.enums import IdeaStatus
from desktop.storage.store import Store


def pdf_text(path: Path) -> tuple[str, int]:
    pages = PdfReader(path).pages
    return " ".join("\n".join(page.extract_text() for page in pages).split()), len(pages)


def test_the_demo_keeps_the_workshop_ideas_beyond_the_top_three(demo_store: Store):
    rows = ideas.search_ideas(demo_store)
    from_workshops = [r for r in rows if r.meeting]
    per_workshop = sum(len(texts) for _theme, texts in IDEAS)
    assert from_workshops and len(from_workshops) % per_workshop == 0
    assert {r.group for r in from_workshops} == {"Ryhmä A / Grupp A", "Ryhmä B / Grupp B", "Ryhmä C / Grupp C"}
    assert all(r.section is not None and r.theme for r in from_workshops)
    statuses = {r.status for r in rows}
    assert {IdeaStatus.NEW, IdeaStatus.TAKEN_FORWARD, IdeaStatus.DROPPED} <= statuses
    assert any(TAKEN_FORWARD in r.taken_to for r in rows)
    assert [r.text for r in rows if not r.meeting] == [text for text, _theme, _note in BY_HAND]
    # The group's list in the workshop box: its three ranked points, then its ideas still new.
    row = next(r for r in from_workshops if r.status == IdeaStatus.NEW)
    assert row.item_id is not None
    listed = ideas.group_ideas(demo_store, row.item_id, row.group)
    points = next(points for group, points in WORKSHOP if group == row.group)
    assert [i.text for i in listed[:3]] == [point for point, _why in points]
    assert row.text in [i.text for i in listed[3:]]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_exports_read_back(demo_store: Store, tmp_path: Path, language: str):
    rows = ideas.search_ideas(demo_store, IdeaFilter(), language)
    xlsx = tmp_path / f"ideat-{language}.xlsx"
    write_ideas(rows, xlsx, language)
    table = read_table(xlsx)
    assert table.headers[:3] == [translate_in(language, h) for h in ("Idea", "Theme", "Status")]
    assert [r[0] for r in table.rows] == [r.text for r in rows]
    assert {r[2] for r in table.rows} >= {label_in(language, IdeaStatus, "new"),
                                           label_in(language, IdeaStatus, "dropped")}
    pdf = tmp_path / f"ideat-{language}.pdf"
    write_ideas(rows, pdf, language, subtitle="Kaikki ideat")
    text, pages = pdf_text(pdf)
    assert translate_in(language, "Idea bank") in text
    assert f"1 ({pages})" in text
    assert "Osuuskunta on varteenotettava vaihtoehto palvelujen tuottajaksi" in text
    assert rows[0].meeting in text
    assert label_in(language, IdeaStatus, "taken_forward") in text


def test_cli_exports_ideas(demo_store: Store, tmp_path: Path, capsys):
    target = tmp_path / "idebank.xlsx"
    assert main(["export", "ideas", str(target), "--lang", "sv", "--status", "new",
                 "--db", demo_store.location]) == 0
    table = read_table(target)
    assert table.headers[0] == translate_in("sv", "Idea")
    new = ideas.search_ideas(demo_store, IdeaFilter(status=IdeaStatus.NEW), "sv")
    assert [r[0] for r in table.rows] == [r.text for r in new]
    assert {r[2] for r in table.rows} == {label_in("sv", IdeaStatus, "new")}
    assert str(len(new)) in capsys.readouterr().out
    pdf = tmp_path / "ideat.pdf"
    assert main(["export", "ideas", str(pdf), "--search", "osuuskunta", "--db", demo_store.location]) == 0
    assert "Osuuskunta" in pdf_text(pdf)[0]
    assert main(["export", "ideas", str(tmp_path / "x.csv"), "--db", demo_store.location]) == 1
